/**
 * Property and fuzz tests for the import layer (issue 8, part 2): the XML tokenizer, the
 * WordprocessingML reader, the .docx reader and the grid → appendix parser.
 *
 * What every property states:
 * - never throw anything but an ImportError (with a code and both messages) — no TypeError,
 *   RangeError or stack overflow — on arbitrary strings, arbitrary bytes, mutated real XML and
 *   mutated real .docx zips, arbitrary 2-D arrays with random merged areas;
 * - outputs within their contracts: tokens balanced; grids rectangular and capped; every
 *   activity field a single-line NFC string without control, bidi or zero-width characters;
 *   ids unique; group ids from the grid's own group rows;
 * - normalisation idempotent: a grid rebuilt from the parsed activities parses to the same
 *   activities; NFC and NFD versions of one document parse to the same plan.
 *
 * Runs are modest (PROP_RUNS, default 150) so the suite stays well under 30 s; raise PROP_RUNS
 * to search longer (e.g. PROP_RUNS=5000 npx jest tests/import/import.property.test.ts).
 * tests/import/fuzz.property.test.ts (the import owner's) covers byte edits and slice moves of
 * one seed document; this file adds the contracts, idempotence and NFC/NFD.
 */
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { ImportError, type ImportErrorCode } from "../../src/import/errors";
import { XML_CLOSE, XML_END, XML_OPEN, XML_TEXT, XmlTokenizer } from "../../src/import/xml";
import { gridFromDocx, parseDocumentXml, readDocx, type DocxDocument } from "../../src/import/docx";
import { GRID_LIMITS, gridFromValues, type Grid, type GridCell, type MergeArea } from "../../src/import/grid";
import { parseAppendix, type ParsedAppendix } from "../../src/import/appendix";
import { ROMANS } from "../../src/import/numbering";
import { ACTIVITY_TEXT_FIELDS, type Activity } from "../../src/core/plan";
import { normalizeText } from "../../src/core/text";
import { CONTENT_TYPES_DOCX, buildDocx, documentXml, esc, planToDocx, SEED_HEADER } from "../helpers/docxWriter";
import { SEED_ROWS, SEED_TITLE } from "./fixtures/seedSubset";

const RUNS = Number(process.env.PROP_RUNS ?? 150);

const CODES: ImportErrorCode[] = [
  "not-zip", "corrupt", "no-document", "wrong-format", "legacy-doc", "legacy-xls", "encrypted", "pdf",
  "no-table", "no-header", "no-sheet", "too-large", "xml-doctype", "bad-xml", "empty",
];

/** Runs f: its value, or the ImportError it threw (checked); anything else thrown fails the property. */
function importErrorOr<T>(f: () => T): T | ImportError {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof ImportError)) throw e;
    expect(CODES).toContain(e.code);
    expect(e.messageVi.length).toBeGreaterThan(20);
    expect(e.messageEn.length).toBeGreaterThan(20);
    return e;
  }
}

/** C0/C1 controls (tab and line feed aside), bidi and zero-width marks, BOM: never in a field. */
const FORBIDDEN = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;

function expectCleanLine(s: unknown, what: string): void {
  if (typeof s !== "string") throw new Error(`${what} is not a string: ${JSON.stringify(s)}`);
  if (s !== s.normalize("NFC")) throw new Error(`${what} is not NFC: ${JSON.stringify(s)}`);
  if (FORBIDDEN.test(s)) throw new Error(`${what} holds a control/bidi/zero-width character: ${JSON.stringify(s)}`);
  if (/[\n\r\t]/.test(s) || s !== s.trim() || / {2}/.test(s)) throw new Error(`${what} is not one trimmed line: ${JSON.stringify(s)}`);
}

/** A grid cell's text: NFC, no forbidden characters, lines trimmed and non-empty. */
function expectCleanCell(s: unknown, what: string): void {
  if (typeof s !== "string") throw new Error(`${what} is not a string`);
  if (s !== s.normalize("NFC") || FORBIDDEN.test(s) || /[\r\t]/.test(s)) throw new Error(`${what} is not clean: ${JSON.stringify(s)}`);
  if (s) for (const line of s.split("\n")) expectCleanLine(line, `${what} line`);
}

/** The contract of readDocx / parseDocumentXml output. */
function expectDocContract(doc: Omit<DocxDocument, "mainPart">): void {
  doc.tables.forEach((t, i) => {
    expect(t.index).toBe(i);
    const width = t.rows[0]?.length ?? 0;
    expect(width).toBeLessThanOrEqual(GRID_LIMITS.maxCols);
    for (const row of t.rows) {
      expect(row.length).toBe(width); // rectangular
      row.forEach((c, k) => {
        expectCleanCell(c.text, `table ${i} cell`);
        if (c.mergedFromLeft) {
          expect(k).toBeGreaterThan(0);
          expect(c.text).toBe("");
        }
      });
    }
    for (const p of t.paragraphsBefore) expectCleanCell(p, "paragraph");
  });
  for (const p of doc.paragraphs) {
    expect(p.length).toBeGreaterThan(0);
    expectCleanCell(p, "paragraph");
  }
}

/**
 * The group ids a grid can give: a Roman numeral, Roman.Letter, a lone letter, Letter.Roman (letters
 * above numerals: a letter row before any Roman group), or "0"/"I" for rows before any group.
 */
const GROUP_ID = new RegExp(`^(?:(?:${ROMANS.join("|")})(?:\\.[A-Z])?|[A-Z](?:\\.(?:${ROMANS.join("|")}))?|0)$`);

/** The contract of parseAppendix output, checked against the grid it came from. */
function expectParsedContract(p: ParsedAppendix, grid: Grid): void {
  expect(p.activities.length).toBeGreaterThan(0);
  expect(p.activities.length).toBe(p.rows.length);
  const ids = new Set<string>();
  const groupIds = new Set(p.groups.map((g) => g.id));
  expect(groupIds.size).toBe(p.groups.length);
  const parentIds = new Set(p.parents.map((g) => g.id));
  for (const g of p.parents) expect(groupIds.has(g.id)).toBe(true);
  // Each group's numeral or letter is written in the grid (TT cell or "II. TITLE" row), unless it
  // is the implicit group of activities above the first group row (then a warning says so).
  const implicitWarned = p.warnings.some((w) => /trước dòng nhóm đầu tiên/.test(w.vi));
  const written = new Set<string>();
  for (const row of grid.rows) {
    for (const c of row) {
      const m = /^\s*(?:(?:phần|mục)\s+)?([IVXivx]{1,5}|[A-Z])\b/iu.exec(c.text.normalize("NFC").replace(/[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, ""));
      if (m) written.add(m[1].toUpperCase());
    }
  }
  for (const g of p.groups) {
    expect(g.id).toMatch(GROUP_ID);
    expectCleanLine(g.title, `group ${g.id} title`);
    const parts = g.id.split(".");
    if (!(implicitWarned && (g.id === "I" || g.id === "0"))) for (const part of parts) expect(written.has(part)).toBe(true);
  }
  for (const a of p.activities) {
    expect(ids.has(a.id)).toBe(false);
    ids.add(a.id);
    expect(a.id.startsWith(`${a.group}-`)).toBe(true);
    expect(groupIds.has(a.group)).toBe(true);
    expect(parentIds.has(a.group)).toBe(false); // heading-only groups hold no activity
    for (const f of ACTIVITY_TEXT_FIELDS) expectCleanLine(a[f], `activity field ${f}`);
  }
  expect(p.header.row).toBeGreaterThanOrEqual(0);
  expect(p.header.row + p.header.rowCount).toBeLessThanOrEqual(grid.rows.length);
}

function parseOrError(grid: Grid): ParsedAppendix | ImportError {
  const p = importErrorOr(() => parseAppendix(grid));
  if (!(p instanceof ImportError)) expectParsedContract(p, grid);
  return p;
}

// ---------------------------------------------------------------------------------------------
// Generators.

/** Vietnamese text pieces, header labels, group numerals, numbers, hostile and odd characters. */
const WORDS = [
  "Xây dựng", "kế hoạch", "tuyên truyền", "CCHC", "hồ sơ", "trực tuyến", "Tư pháp", "Văn hoá - Thông tin", "Văn hóa", "Công an xã",
  "Quý I/2024", "Thường xuyên", "Năm 2024", "Trước 15/01/2024", "Theo dự toán", "100%", "≥ 80%", "UBND xã", "Các ban, ngành", "Uỷ ban", "Ủy ban",
  "Tr\u00ADêng", "Kieåm tra", "Céng hoµ", "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)", "+1", "-2", "\t=1", "\r=1",
];
const LABELS = [...SEED_HEADER, "STT", "Nội dung", "Nội dung nhiệm vụ", "Sản phẩm", "Cơ quan chủ trì", "Đơn vị chủ trì", "Thời gian thực hiện", "Mục tiêu, chỉ tiêu", "Ghi chú", "Tổ chức thực hiện"];
const ODD = ["\u0000", "\u0007", "\u001F", "\u007F", "\u0085", "\u009F", "\u200B", "\u200D", "\u200E", "\u200F", "\u202E", "\u2067", "\uFEFF", "\u00A0", "\u0301", "\uD800", "\n", "\r\n", "\t", "  "];
const NUMBERS = ["1", "1.1.", "2.3", "3.12.", "3.1. A 3.2. B", "3.1\n3.2", "(1)", "(2)", "1.", "12)", "2024"];
const GROUPS = [...ROMANS.slice(0, 8), "i", "iv", "A", "B", "Phần II", "Mục III", "VII.", "II. CÔNG TÁC", "III - CẢI CÁCH"];

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...LABELS) },
  { weight: 2, arbitrary: fc.constantFrom(...GROUPS) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom(...ODD) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.fullUnicodeString({ maxLength: 4 }) },
);
const textCell = fc.array(piece, { minLength: 1, maxLength: 4 }).map((xs) => xs.join(" "));
/** Anything a range's values may hold: strings, numbers (NaN, ±∞, -0, floats), booleans, null. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: textCell },
  { weight: 2, arbitrary: fc.constant("") },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 3000 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.boolean() },
);

/** Random merged areas inside a grid of `rows` × `cols`. */
function mergesIn(rows: number, cols: number): fc.Arbitrary<MergeArea[]> {
  if (rows === 0 || cols === 0) return fc.constant([]);
  const area = fc.tuple(fc.nat(rows - 1), fc.nat(cols - 1), fc.nat(3), fc.nat(3)).map(([r1, c1, h, w]) => ({ r1, c1, r2: Math.min(rows - 1, r1 + h), c2: Math.min(cols - 1, c1 + w) }));
  return fc.array(area, { maxLength: 6 });
}

/** A header row (seed labels, shuffled subset, or a two-row header) on top of arbitrary rows. */
const headerRows: fc.Arbitrary<unknown[][]> = fc.oneof(
  fc.constant([SEED_HEADER]),
  fc.shuffledSubarray(LABELS, { minLength: 2, maxLength: 9 }).map((h) => [h]),
  fc.constant([["TT", "Nội dung nhiệm vụ", "Tổ chức thực hiện", null, "Thời gian"], [null, null, "Chủ trì", "Phối hợp", null]]),
  fc.constant([]),
);

const chaosGrid = fc
  .tuple(
    fc.array(fc.array(fc.constantFrom("UBND XÃ HỒNG LỘC", "PHỤ LỤC NĂM 2024", "", null), { maxLength: 2 }), { maxLength: 2 }),
    headerRows,
    fc.array(fc.array(anyValue, { maxLength: 11 }), { maxLength: 14 }),
  )
  .chain(([title, header, body]) => {
    const values = [...title, ...header, ...body];
    const width = values.reduce((w, r) => Math.max(w, r.length), 0);
    return fc.tuple(fc.constant(values), mergesIn(values.length, width));
  });

// Plausible appendices, for idempotence and NFC/NFD: seed header, group rows, data rows with
// numbered texts and Vietnamese words, vertical merges in the level columns, horizontal group titles.
const vnWord = fc.constantFrom(
  "Xây dựng", "kế hoạch", "tuyên truyền", "cải cách", "hành chính", "hồ sơ", "trực tuyến", "kiểm tra", "Tư pháp", "Văn hoá - Thông tin",
  "Văn hóa", "Công an xã", "Bộ phận Một cửa", "Quý I/2024", "Thường xuyên", "Năm 2024", "Trước 15/01/2024", "dự toán", "100%", "≥ 80%",
  "UBND xã", "các ban, ngành", "Uỷ ban", "thủ tục", "Tr\u00ADêng", "Kieåm tra", "=HYPERLINK(\"http://x\",\"y\")", "@SUM(1+1)", "+1", "-2",
  "\u200B", "\u202E", "\u0007", "\u0085",
);
// A phrase may show nothing (only invisible characters): such a cell is empty to the parser.
const phrase = fc.array(vnWord, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(" "));
const numberedPhrase = (lead: number) =>
  fc.tuple(fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }), phrase).map(([n, t]) => (n === null ? t : `${lead}.${n}. ${t}`));
const activityCell = fc.oneof(
  { weight: 3, arbitrary: numberedPhrase(3) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 8 }), phrase, phrase).map(([n, a, b]) => `3.${n}. ${a}\n3.${n + 1}. ${b}`) },
  { weight: 1, arbitrary: fc.constant("") },
);
const optional = (a: fc.Arbitrary<string>) => fc.oneof(a, fc.constant(""));
const dataRow = fc
  .tuple(optional(numberedPhrase(1)), optional(numberedPhrase(2)), activityCell, optional(phrase), optional(phrase), optional(phrase), optional(phrase), optional(phrase))
  .map((cells) => ({ kind: "data" as const, cells: ["", ...cells] }));
const groupRow = fc
  .tuple(fc.constantFrom("I", "II", "III", "IV", "V", "VI", "VII", "A", "B"), optional(phrase.map((s) => s.toUpperCase())))
  .map(([id, title]) => ({ kind: "group" as const, cells: [id, title] }));
const plausibleGrid = fc
  .array(fc.oneof({ weight: 1, arbitrary: groupRow }, { weight: 4, arbitrary: dataRow }), { minLength: 1, maxLength: 14 })
  .chain((rows) => {
    const values: unknown[][] = [SEED_HEADER, ...rows.map((r) => r.cells)];
    const titleMerges: MergeArea[] = [];
    rows.forEach((r, i) => {
      if (r.kind === "group") titleMerges.push({ r1: i + 1, c1: 1, r2: i + 1, c2: 8 });
    });
    // Vertical merges (a Word vMerge, an Excel merged area) over data rows in columns 1..8.
    const vertical = fc.array(
      fc.tuple(fc.integer({ min: 1, max: values.length - 1 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 3 })).map(([r1, c, h]) => ({ r1, c1: c, r2: Math.min(values.length - 1, r1 + h), c2: c })),
      { maxLength: 4 },
    );
    return vertical.map((v) => {
      // Keep areas disjoint, as Word and Excel do.
      const taken = new Set<string>();
      const merges: MergeArea[] = [];
      for (const m of [...titleMerges, ...v]) {
        const cells: string[] = [];
        for (let r = m.r1; r <= m.r2; r++) for (let c = m.c1; c <= m.c2; c++) cells.push(`${r}:${c}`);
        if (cells.some((k) => taken.has(k))) continue;
        cells.forEach((k) => taken.add(k));
        merges.push(m);
      }
      return { values, merges };
    });
  });

/**
 * The grid a person would rebuild from parsed activities: the seed header, two empty rows
 * merged in the objective column (so the table is read in merge mode: an empty cell stays
 * empty instead of taking the text above), then for each activity in order its group row when
 * the group changes and one row with every field written out, numbers in front of the texts.
 */
function rebuildGrid(p: ParsedAppendix): Grid {
  const values: unknown[][] = [SEED_HEADER, [], []];
  const merges: MergeArea[] = [{ r1: 1, c1: 1, r2: 2, c2: 1 }];
  const title = new Map(p.groups.map((g) => [g.id, g.title]));
  // Activities above the first group row form an implicit group (listed first): no row for it.
  const implicit = p.warnings.some((w) => /trước dòng nhóm đầu tiên/.test(w.vi));
  const written = new Set<string>(implicit ? [p.groups[0].id] : []);
  let current: string | null = implicit ? p.groups[0].id : null;
  let roman: string | null = null;
  let fresh = true; // no activity row since the last group row (or the header)
  const numbered = (no: string, text: string) => (no ? (text ? `${no}. ${text}` : `${no}.`) : text);
  const groupRow = (id: string) => {
    const [top, letter] = id.split(".");
    if (letter && roman !== top) groupRow(top);
    values.push([letter ?? top, title.get(id) ?? ""]);
    merges.push({ r1: values.length - 1, c1: 1, r2: values.length - 1, c2: 8 });
    if (!letter) roman = top;
    written.add(id);
    current = id;
    fresh = true;
  };
  // Group rows in document order (empty groups too), each activity under its own group.
  const upTo = (id: string) => {
    const at = p.groups.findIndex((g) => g.id === id);
    for (let i = 0; i <= at; i++) if (!written.has(p.groups[i].id)) groupRow(p.groups[i].id);
    if (current !== id) groupRow(id);
  };
  for (const a of p.activities) {
    if (a.group !== current) upTo(a.group);
    // A row without objective, task or activity text continues the row above, except right
    // under a group row: repeat the group row to keep such an activity on its own.
    const noLevel = !(a.objectiveNo || a.objective || a.taskNo || a.task || a.activityNo || a.activity);
    if (noLevel && !fresh) groupRow(a.group);
    fresh = false;
    values.push(["", numbered(a.objectiveNo, a.objective), a.taskNo.includes(",") ? a.task : numbered(a.taskNo, a.task), numbered(a.activityNo, a.activity), a.output, a.lead, a.partners, a.deadline, a.budget]);
  }
  for (const g of p.groups) if (!written.has(g.id)) groupRow(g.id);
  return gridFromValues(values, merges, "selection", p.meta.title ? [p.meta.title] : []);
}

function comparable(a: Activity[]): Array<Record<string, string>> {
  return a.map((x) => ({ ...x }));
}

/** Every string of a nested array in NFD. */
function nfdValues(values: unknown[][]): unknown[][] {
  return values.map((r) => r.map((v) => (typeof v === "string" ? v.normalize("NFD") : v)));
}

// ---------------------------------------------------------------------------------------------
// The XML tokenizer.

/** Drains a tokenizer, checking its contract: progress, balanced open/close, depth, text inside the root. */
function drain(src: string): Array<[number, string]> {
  const t = new XmlTokenizer(src);
  const stack: string[] = [];
  const out: Array<[number, string]> = [];
  const fail = (why: string) => {
    throw new Error(`tokenizer contract: ${why} (after ${out.length} tokens)`);
  };
  for (let k = t.next(); k !== XML_END; k = t.next()) {
    if (out.length > 2 * src.length + 4) fail("it does not advance");
    if (k === XML_OPEN) {
      if (!t.name) fail("an open token without a name");
      stack.push(t.name);
      if (t.depth !== stack.length) fail(`depth ${t.depth} on open, expected ${stack.length}`);
      out.push([k, t.name]);
    } else if (k === XML_CLOSE) {
      if (stack.pop() !== t.name) fail(`close </${t.name}> does not match`);
      if (t.depth !== stack.length) fail(`depth ${t.depth} on close, expected ${stack.length}`);
      out.push([k, t.name]);
    } else {
      if (k !== XML_TEXT) fail(`unknown token kind ${k}`);
      if (stack.length === 0) fail("text outside the root");
      if (typeof t.text !== "string") fail("text is not a string");
      out.push([k, t.text]);
    }
  }
  if (stack.length) fail("unclosed elements at the end");
  return out;
}

interface XNode {
  name: string;
  attrs: Array<[string, string]>;
  children: Array<XNode | string>;
}

const xmlName = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9._-]{0,5}(:[A-Za-z_][A-Za-z0-9._-]{0,5})?$/);
/** Text made of characters XML allows (no lone surrogates, no C0 but tab/LF/CR, no U+FFFE/FFFF). */
const xmlText = fc.fullUnicodeString({ maxLength: 12 }).map((s) => [...s].filter((ch) => {
  const cp = ch.codePointAt(0)!;
  return cp === 9 || cp === 10 || cp === 13 || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || cp >= 0x10000;
}).join(""));
const xmlTree: fc.Arbitrary<XNode> = fc.letrec<{ node: XNode }>((tie) => ({
  node: fc.record({
    name: xmlName,
    attrs: fc.uniqueArray(fc.tuple(xmlName, xmlText), { maxLength: 3, selector: (a) => a[0] }),
    children: fc.array(fc.oneof({ weight: 2, arbitrary: xmlText }, { weight: 1, arbitrary: tie("node") }), { maxLength: 4, depthIdentifier: "xml" }),
  }),
})).node;

/** Serialises a tree with every allowed spelling: both quotes, char refs, CDATA, comments, PIs, self-closing. */
function serialise(n: XNode, style: number): string {
  const escText = (s: string, k: number) => {
    if (k % 4 === 1 && s && !s.includes("]]>")) return `<![CDATA[${s}]]>`;
    return [...s].map((ch) => (ch === "&" ? "&amp;" : ch === "<" ? "&lt;" : ch === ">" ? "&gt;" : k % 4 === 2 && ch.codePointAt(0)! > 127 ? `&#x${ch.codePointAt(0)!.toString(16)};` : ch)).join("");
  };
  const attrs = n.attrs
    .map(([k, v], i) => {
      const q = (style + i) % 2 ? "'" : '"';
      const val = v.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(q === '"' ? /"/g : /'/g, q === '"' ? "&quot;" : "&apos;");
      return `${(style + i) % 3 ? " " : "\n "}${k}${(style + i) % 4 === 3 ? " = " : "="}${q}${val}${q}`;
    })
    .join("");
  if (n.children.length === 0 && style % 2) return `<${n.name}${attrs}/>`;
  const inner = n.children.map((c, i) => (typeof c === "string" ? escText(c, style + i) + (style % 5 === 0 ? "<!-- c -->" : "") : serialise(c, style + i + 1))).join("");
  return `<${n.name}${attrs}>${style % 7 === 0 ? "<?pi x?>" : ""}${inner}</${n.name}${style % 3 === 0 ? " " : ""}>`;
}

/** What the tokenizer should give for a tree: opens, merged texts, closes. */
function expectedTokens(n: XNode): Array<[number, string]> {
  const out: Array<[number, string]> = [[XML_OPEN, n.name]];
  let text = "";
  for (const c of n.children) {
    if (typeof c === "string") text += c;
    else {
      if (text) out.push([XML_TEXT, text]);
      text = "";
      out.push(...expectedTokens(c));
    }
  }
  if (text) out.push([XML_TEXT, text]);
  out.push([XML_CLOSE, n.name]);
  return out;
}

function mergeTexts(tokens: Array<[number, string]>): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (const t of tokens) {
    const last = out[out.length - 1];
    if (t[0] === XML_TEXT && last && last[0] === XML_TEXT) last[1] += t[1];
    else if (!(t[0] === XML_TEXT && t[1] === "")) out.push([t[0], t[1]]);
  }
  return out;
}

const XMLISH = [
  "<", ">", "</", "/>", "<a>", "</a>", "<a/>", "<b x='1'>", "</b>", "<w:p>", "</w:p>", "<w:t>", "</w:t>", "&amp;", "&", ";", "&#", "&#x", "&#0;", "&#x1;",
  "&#xD800;", "&#1114112;", "&#65;", "&lt", "<!--", "-->", "<![CDATA[", "]]>", "<?xml version='1.0'?>", "?>", "<!DOCTYPE", "<!doctype x>", "<!ENTITY",
  '"', "'", "=", " ", "\n", "x", "w:val", "\u0000", "\uD800", "\uFFFE", "é", "🙂",
];
const xmlishString = fc.array(fc.constantFrom(...XMLISH), { maxLength: 40 }).map((xs) => xs.join(""));

describe("XmlTokenizer", () => {
  test("arbitrary strings (ASCII, full Unicode, XML-like fragments): balanced tokens or an ImportError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.fullUnicodeString({ maxLength: 60 }), xmlishString), (s) => {
        importErrorOr(() => drain(s));
      }),
      { numRuns: RUNS * 4 },
    );
  });

  test("well-formed XML in any allowed spelling tokenizes to exactly its tree (attributes decoded)", () => {
    fc.assert(
      fc.property(xmlTree, fc.nat(50), fc.boolean(), (tree, style, decl) => {
        const src = `${decl ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' : ""}${serialise(tree, style)}\n`;
        expect(mergeTexts(drain(src))).toEqual(mergeTexts(expectedTokens(tree)));
        const t = new XmlTokenizer(src);
        t.next();
        expect(t.attributes()).toEqual(Object.fromEntries(tree.attrs));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("deep nesting (up to 12,000 levels) never overflows the stack: tokens or bad-xml", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12000 }), fc.boolean(), (depth, close) => {
        const src = "<a>".repeat(depth) + (close ? "</a>".repeat(depth) : "");
        const r = importErrorOr(() => drain(src));
        if (r instanceof ImportError) expect(r.code).toBe("bad-xml");
        else expect(depth).toBeLessThanOrEqual(4096);
      }),
      { numRuns: 20 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// WordprocessingML.

const seedXml = documentXml({ body: [...SEED_TITLE, { table: { rows: SEED_ROWS } }, "Nơi nhận:", { table: { rows: [["a", { text: "b", span: 2 }], [{ text: "c", vMerge: "restart" }, "d", "e"], [{ vMerge: "continue" }, "f", "g"]] } }] });
const seedTags = [...new Set(seedXml.match(/<[^>]+>/g) ?? [])];

/** Tag-level and character-level edits of a valid document.xml. */
const xmlEdit = fc.oneof(
  fc.tuple(fc.constant("delete" as const), fc.nat(), fc.nat(60)),
  fc.tuple(fc.constant("duplicate" as const), fc.nat(), fc.nat(300)),
  fc.tuple(fc.constant("insert-tag" as const), fc.nat(), fc.nat(seedTags.length - 1)),
  fc.tuple(fc.constant("insert-text" as const), fc.nat(), fc.constantFrom(...XMLISH, ...ODD)),
  fc.tuple(fc.constant("delete-tag" as const), fc.nat(), fc.nat()),
  fc.tuple(fc.constant("move" as const), fc.nat(), fc.nat(200)),
);
type XmlEdit = [string, number, number | string];

function applyXmlEdits(src: string, edits: XmlEdit[]): string {
  let s = src;
  for (const [kind, rawAt, arg] of edits) {
    const at = rawAt % (s.length + 1);
    switch (kind) {
      case "delete":
        s = s.slice(0, at) + s.slice(at + (arg as number));
        break;
      case "duplicate":
        s = s.slice(0, at) + s.slice(at, at + (arg as number)) + s.slice(at);
        break;
      case "insert-tag":
        s = s.slice(0, at) + seedTags[arg as number] + s.slice(at);
        break;
      case "insert-text":
        s = s.slice(0, at) + (arg as string) + s.slice(at);
        break;
      case "delete-tag": {
        const open = s.indexOf("<", at);
        const close = open < 0 ? -1 : s.indexOf(">", open);
        if (close > 0) s = s.slice(0, open) + s.slice(close + 1);
        break;
      }
      case "move": {
        const piece = s.slice(at, at + (arg as number));
        const rest = s.slice(0, at) + s.slice(at + (arg as number));
        const to = ((arg as number) * 7919 + at) % (rest.length + 1);
        s = rest.slice(0, to) + piece + rest.slice(to);
        break;
      }
    }
  }
  return s;
}

/** Well-formed but structurally odd WordprocessingML: cells outside rows, text outside runs, spans anywhere. */
const WML_LEAVES = [
  "<w:t>Tư pháp</w:t>", "<w:t xml:space=\"preserve\"> 3.1. Hoạt </w:t>", "<w:t>\u0007động\u200B.</w:t>", "<w:t>\u0301a</w:t>", "<w:t/>", "<w:tab/>", "<w:br/>", "<w:cr/>", "<w:noBreakHyphen/>",
  "<w:gridSpan w:val=\"3\"/>", "<w:gridSpan w:val=\"-1\"/>", "<w:gridSpan w:val=\"99999999\"/>", "<w:gridSpan/>", "<w:vMerge/>", "<w:vMerge w:val=\"restart\"/>", "<w:hMerge/>",
  "<w:gridBefore w:val=\"2\"/>", "<w:gridAfter w:val=\"5000\"/>", "<w:gridCol/>", "<w:del/>", "<w:tblHeader/>", "<w:delText>x</w:delText>", "<w:instrText>HYPERLINK</w:instrText>",
  "<w:t>TT</w:t>", "<w:t>Nhiệm vụ</w:t>", "<w:t>Hoạt động</w:t>", "<w:t>Chủ trì</w:t>", "<w:t>Thời gian hoàn thành</w:t>", "<w:t>I</w:t>", "<w:t>=HYPERLINK(\"http://x\",\"y\")</w:t>",
];
const WML_WRAPPERS = ["w:tbl", "w:tr", "w:tc", "w:p", "w:r", "w:t", "w:tcPr", "w:trPr", "w:sdt", "w:sdtContent", "w:del", "w:ins", "w:customXml", "w:pPr", "w:rPr", "w:hyperlink", "w:txbxContent", "w:tblGrid", "w:body", "w:smartTag", "w:fldSimple", "mc:AlternateContent"];
interface WNode { wrap: string; kids: WNode[] | string }
const wmlTree: fc.Arbitrary<WNode> = fc.letrec<{ node: WNode }>((tie) => ({
  node: fc.oneof(
    { weight: 2, arbitrary: fc.constantFrom(...WML_LEAVES).map((l) => ({ wrap: "", kids: l })) },
    { weight: 3, arbitrary: fc.record({ wrap: fc.constantFrom(...WML_WRAPPERS), kids: fc.array(tie("node"), { maxLength: 5, depthIdentifier: "wml" }) }) },
  ),
})).node;
function wml(n: WNode): string {
  if (typeof n.kids === "string") return n.kids;
  return `<${n.wrap}>${n.kids.map(wml).join("")}</${n.wrap}>`;
}
const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

describe("parseDocumentXml", () => {
  test("arbitrary strings: a document within its contract, or an ImportError", () => {
    fc.assert(
      fc.property(fc.oneof(fc.fullUnicodeString({ maxLength: 60 }), xmlishString), (s) => {
        const doc = importErrorOr(() => parseDocumentXml(s));
        if (!(doc instanceof ImportError)) expectDocContract(doc);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("mutated valid WordprocessingML (tags deleted, duplicated, inserted, moved; bytes inserted): contract or ImportError", () => {
    fc.assert(
      fc.property(fc.array(xmlEdit, { minLength: 1, maxLength: 5 }), (edits) => {
        const doc = importErrorOr(() => parseDocumentXml(applyXmlEdits(seedXml, edits as XmlEdit[])));
        if (!(doc instanceof ImportError)) expectDocContract(doc);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("well-formed but structurally odd WordprocessingML never throws and stays within the contract", () => {
    fc.assert(
      fc.property(fc.array(wmlTree, { maxLength: 6 }), (blocks) => {
        const doc = parseDocumentXml(`<w:document ${W_NS}><w:body>${blocks.map(wml).join("")}</w:body></w:document>`);
        expectDocContract(doc);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// readDocx on bytes.

const seedDocx = buildDocx({ body: [...SEED_TITLE, { table: { rows: SEED_ROWS } }] });
/** The same document with stored (uncompressed) entries, so byte edits reach the XML itself. */
const storedDocx = zipSync(
  { "[Content_Types].xml": strToU8(CONTENT_TYPES_DOCX), "word/document.xml": strToU8(documentXml({ body: [...SEED_TITLE, { table: { rows: SEED_ROWS } }] })) },
  { level: 0 },
);

const SIGNATURES: number[][] = [[], [0x50, 0x4b, 0x03, 0x04], [0x50, 0x4b, 0x05, 0x06], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [...strToU8("%PDF-1.7\n")], [...strToU8("{\\rtf1")], [...strToU8("<html>")], [0xef, 0xbb, 0xbf]];

const byteEdit = fc.oneof(
  fc.tuple(fc.constant("set" as const), fc.nat(), fc.integer({ min: 0, max: 255 })),
  fc.tuple(fc.constant("insert" as const), fc.nat(), fc.integer({ min: 0, max: 255 })),
  fc.tuple(fc.constant("delete" as const), fc.nat(), fc.integer({ min: 1, max: 64 })),
  fc.tuple(fc.constant("duplicate" as const), fc.nat(), fc.integer({ min: 1, max: 512 })),
  fc.tuple(fc.constant("truncate" as const), fc.nat(), fc.constant(0)),
);

function applyByteEdits(src: Uint8Array, edits: Array<[string, number, number]>): Uint8Array {
  let b = src;
  for (const [kind, rawAt, v] of edits) {
    const at = rawAt % (b.length + 1);
    const join = (...parts: Uint8Array[]) => {
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let o = 0;
      for (const p of parts) {
        out.set(p, o);
        o += p.length;
      }
      return out;
    };
    switch (kind) {
      case "set":
        b = new Uint8Array(b);
        if (at < b.length) b[at] = v;
        break;
      case "insert":
        b = join(b.subarray(0, at), new Uint8Array([v]), b.subarray(at));
        break;
      case "delete":
        b = join(b.subarray(0, at), b.subarray(at + v));
        break;
      case "duplicate":
        b = join(b.subarray(0, at), b.subarray(at, at + v), b.subarray(at));
        break;
      case "truncate":
        b = b.slice(0, at);
        break;
    }
  }
  return b;
}

/** readDocx and the whole .docx path (gridFromDocx + parseAppendix): contracts or ImportErrors only. */
function checkDocxBytes(bytes: Uint8Array): void {
  const doc = importErrorOr(() => readDocx(bytes));
  if (doc instanceof ImportError) return;
  expectDocContract(doc);
  const grid = importErrorOr(() => gridFromDocx(bytes));
  if (!(grid instanceof ImportError)) parseOrError(grid);
}

describe("readDocx on bytes", () => {
  test("arbitrary bytes, behind any file signature: only ImportErrors", () => {
    fc.assert(
      fc.property(fc.constantFrom(...SIGNATURES), fc.uint8Array({ maxLength: 2048 }), (sig, tail) => {
        const bytes = new Uint8Array(sig.length + tail.length);
        bytes.set(sig);
        bytes.set(tail, sig.length);
        const r = importErrorOr(() => readDocx(bytes));
        expect(r).toBeInstanceOf(ImportError); // random bytes are never a document
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("mutated real .docx zips (deflated and stored; bytes set, inserted, deleted, duplicated, cut): contract or ImportError", () => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(byteEdit, { minLength: 1, maxLength: 6 }), (stored, edits) => {
        checkDocxBytes(applyByteEdits(stored ? storedDocx : seedDocx, edits as Array<[string, number, number]>));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("valid zips holding mutated parts (document.xml bytes, content types, part names): contract or ImportError", () => {
    const ct = fc.oneof(
      fc.constant(CONTENT_TYPES_DOCX),
      fc.constant(null),
      fc.constantFrom(
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
        "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
      ).chain((type) => fc.constantFrom("/word/document.xml", "/word/other.xml", "/xl/workbook.xml", "", "/").map((part) => `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="${esc(part)}" ContentType="${type}"/></Types>`)),
      xmlishString,
    );
    const docBytes = fc.oneof(
      fc.array(byteEdit, { maxLength: 4 }).map((edits) => applyByteEdits(strToU8(seedXml), edits as Array<[string, number, number]>)),
      fc.uint8Array({ maxLength: 300 }),
      fc.constant(new Uint8Array([0xff, 0xfe, 0x3c, 0x00])), // UTF-16 BOM, then half a character
    );
    const name = fc.constantFrom("word/document.xml", "WORD/Document.xml", "word/other.xml", "xl/workbook.xml", "ppt/presentation.xml", "word/document.xml/");
    fc.assert(
      fc.property(ct, docBytes, name, fc.integer({ min: 0, max: 9 }), (types, doc, docName, level) => {
        const files: Record<string, Uint8Array> = { [docName]: doc };
        if (types !== null) files["[Content_Types].xml"] = strToU8(types);
        let zip: Uint8Array;
        try {
          zip = zipSync(files, { level: level as 0 });
        } catch {
          return; // fflate refuses some names (e.g. a directory with data): not our input
        }
        checkDocxBytes(zip);
      }),
      { numRuns: RUNS },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// gridFromValues + parseAppendix.

describe("gridFromValues + parseAppendix", () => {
  test("arbitrary 2-D arrays of strings, numbers, booleans and null, with random merged areas: contract or ImportError", () => {
    fc.assert(
      fc.property(chaosGrid, ([values, merges]) => {
        const grid = gridFromValues(values, merges);
        // The grid itself: rectangular, every cell a string, merged cells empty.
        const width = values.reduce((w, r) => Math.max(w, r.length), 0);
        for (const row of grid.rows) {
          expect(row.length).toBe(width);
          for (const c of row as GridCell[]) {
            expect(typeof c.text).toBe("string");
            if (c.mergedFromAbove || c.mergedFromLeft) expect(c.text).toBe("");
          }
        }
        parseOrError(grid);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("idempotent: a grid rebuilt from the parsed activities parses to the same activities and groups", () => {
    fc.assert(
      fc.property(plausibleGrid, ({ values, merges }) => {
        const first = parseOrError(gridFromValues(values, merges));
        if (first instanceof ImportError) return;
        const rebuilt = rebuildGrid(first);
        const second = parseOrError(rebuilt);
        if (second instanceof ImportError) throw new Error(`the rebuilt grid fails: ${second.code}`);
        expect(comparable(second.activities)).toEqual(comparable(first.activities));
        const withActivities = (p: ParsedAppendix) => p.groups.filter((g) => p.activities.some((a) => a.group === g.id || a.group.startsWith(`${g.id}.`)));
        expect(withActivities(second)).toEqual(withActivities(first));
        // And a fixed point: rebuilding again gives the same grid.
        expect(rebuildGrid(second).rows).toEqual(rebuilt.rows);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("NFC and NFD versions of the same grid parse to the same plan (or the same error)", () => {
    fc.assert(
      fc.property(fc.oneof(plausibleGrid.map(({ values, merges }) => [values, merges] as [unknown[][], MergeArea[]]), chaosGrid), ([values, merges]) => {
        const nfc = importErrorOr(() => parseAppendix(gridFromValues(values.map((r) => r.map((v) => (typeof v === "string" ? v.normalize("NFC") : v))), merges)));
        const nfd = importErrorOr(() => parseAppendix(gridFromValues(nfdValues(values), merges)));
        if (nfc instanceof ImportError || nfd instanceof ImportError) {
          expect(nfd instanceof ImportError && nfc instanceof ImportError && nfd.code === nfc.code).toBe(true);
          return;
        }
        expect(nfd.activities).toEqual(nfc.activities);
        expect(nfd.groups).toEqual(nfc.groups);
        expect(nfd.meta).toEqual(nfc.meta);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe("the .docx path end to end", () => {
  test("NFC and NFD .docx files of the same plan import to the same plan; the plan round-trips through Word", () => {
    fc.assert(
      fc.property(plausibleGrid, fc.integer({ min: 0, max: 4 }), ({ values, merges }, split) => {
        const first = importErrorOr(() => parseAppendix(gridFromValues(values, merges)));
        if (first instanceof ImportError) return;
        const plan = { groups: first.groups, activities: first.activities };
        const nfd = {
          groups: plan.groups.map((g) => ({ ...g, title: g.title.normalize("NFD") })),
          activities: plan.activities.map((a) => Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v.normalize("NFD")])) as unknown as Activity),
        };
        const a = parseAppendix(gridFromDocx(planToDocx(plan, { splitRuns: split })));
        const b = parseAppendix(gridFromDocx(planToDocx(nfd, { splitRuns: split })));
        expect(b.activities).toEqual(a.activities);
        expect(b.groups).toEqual(a.groups);
      }),
      { numRuns: Math.max(20, Math.round(RUNS / 3)) },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Once known defects (fixed): each test states the behaviour the code has now.

describe("blank-looking cells (once a known defect)", () => {
  const base = [SEED_HEADER, ["I", "CÔNG TÁC CHỈ ĐẠO"], ["1", "1.1. Mục tiêu", "2.1. Nhiệm vụ", "3.1. Hoạt động", "Kế hoạch", "Tư pháp", "", "Năm 2024", ""]];
  const BLANKS = [" ", "\u00A0", "\u200B", "\u0007", "\n", "\uFEFF"];

  // src/import/appendix.ts decided whether a row (or a level cell) holds text on the raw cell
  // text, but wrote the normalised text into the fields. Grids from an Excel range or an .xlsx
  // (gridFromValues, readXlsxGrid) keep raw text; .docx grids are normalised (docx.ts buildGrid),
  // so only Excel input was affected: a row whose cells hold only a space, a no-break space, a
  // zero-width or control character became an extra activity with every field empty, and a
  // lead-only continuation row whose activity cell holds a space a new empty activity. Fixed:
  // parseAppendix normalises the grid's texts first (normalisedRows).
  test("a row of blank-looking cells from an Excel range adds no activity (it is skipped like an empty row)", () => {
    for (const blank of BLANKS) {
      const p = parseAppendix(gridFromValues([...base, ["", blank, blank, blank, blank, blank, blank, blank, blank]]));
      expect(p.activities.map((a) => a.activity)).toEqual(["Hoạt động"]);
    }
  });

  test("a blank-looking activity cell does not turn a continuation row into a new activity", () => {
    for (const blank of BLANKS) {
      const p = parseAppendix(gridFromValues([...base, ["", "", "", blank, "", "Văn hóa", "", "", ""]]));
      expect(p.activities).toHaveLength(1);
      expect(p.activities[0].lead).toBe("Tư pháp; Văn hóa");
    }
  });
});
