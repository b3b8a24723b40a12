/**
 * The task tables of the real 2025 plans (tests/realplans/source/T*.txt, copied verbatim from
 * ../shared/realplans) read into a table model: the header, and each row classified as a task,
 * a continuation of the task above, a section heading, a sub-heading, a repeated header, a total
 * or a note, with the cells the crawled copies lost (vertical merges) restored as `null` = "this
 * cell continues the one above". scripts/make-realplans.ts writes each model as a Word table and
 * as an Excel range (tests/realplans/fixtures/); the suites compare what the importer reads from
 * those files with `expectedActivities`, computed here from the source text alone.
 *
 * How the lost merges are restored (the source README: "a row with fewer cells than the header
 * continues the task above … its cells align to the leftmost columns after the merged ones"):
 * - a numbered row with fewer cells: its cells fill the columns from the left; the missing ones
 *   on the right continue the cells above (T2's "Nguồn kinh phí" spans a whole section), except
 *   in tables listed in EMPTY_TRAILING, whose crawl drops empty trailing cells (T5: the row after
 *   a section heading has no output either, and nothing can be merged across a heading);
 * - an unnumbered row with fewer cells (a continuation): its number cell continues the task's,
 *   its cells fill from the column CONTINUATION_START names (default: the one after the number),
 *   the others continue the cells above.
 */
import * as fs from "fs";
import * as path from "path";
import type { CellObject, RowSpec } from "../helpers/docxWriter";

export const SOURCE_DIR = path.join(__dirname, "source");
export const FIXTURE_DIR = path.join(__dirname, "fixtures");

/** The fields the importer fills from each header column, as a person reads the header (reviewed). */
export type ColumnField = "tt" | "text" | "lead" | "partners" | "deadline" | "output" | "budget";

/** Reviewed by reading each header: what each column holds. */
export const COLUMN_FIELDS: Record<string, ColumnField[]> = {
  T1: ["tt", "text", "lead", "partners", "deadline"],
  T2: ["tt", "text", "lead", "partners", "deadline", "output", "budget"],
  T3: ["tt", "text", "lead", "partners", "deadline"],
  T4: ["tt", "text", "lead", "partners", "deadline"],
  T5: ["tt", "text", "lead", "partners", "deadline", "output"],
  T6: ["tt", "text", "lead", "partners", "deadline", "output"],
  T7: ["tt", "text", "lead", "partners", "output", "deadline"],
  T8: ["tt", "text", "lead", "partners", "deadline"],
  T9: ["tt", "text", "lead", "deadline"],
};

/** Tables whose crawl drops empty trailing cells (a short numbered row has empty cells, not merged ones). */
const EMPTY_TRAILING = new Set(["T5"]);

/** Continuation rows whose first cell is not the task text: the column it belongs to (by field). */
const CONTINUATION_START: Record<string, ColumnField> = {
  // T8 row 2: the second lead and partners of priority scheme 1 (number, name and deadline merged).
  "T8:R002": "lead",
};

export type ModelRow =
  | { kind: "task" | "continuation"; src: string; cells: Array<string | null> }
  | { kind: "section"; src: string; tt: string; title: string; oneCell: boolean }
  | { kind: "subheading"; src: string; no: string; title: string }
  | { kind: "header"; src: string; cells: string[] }
  | { kind: "total"; src: string; label: string; value: string }
  | { kind: "note"; src: string; text: string };

export interface RealTable {
  id: string;
  file: string;
  /** "Kế hoạch số 617/KH-UBND ngày 01/12/2025" (the DOC line, verbatim). */
  document: string;
  title: string;
  issuer: string;
  level: string;
  year: number;
  header: string[];
  fields: ColumnField[];
  rows: ModelRow[];
}

const NUMBER = /^(?:\d{1,2}(?:\.\d{1,2}){0,3}\.?|Bước \d{1,2})$/;
const SECTION = /^(?:[IVXL]{1,5}|[A-Z])(?:\.|$)/;

export function tableIds(): string[] {
  return fs.readdirSync(SOURCE_DIR).filter((f) => /^T\d_.*\.txt$/.test(f)).map((f) => f.slice(0, 2)).sort();
}

export function loadTable(id: string): RealTable {
  const file = fs.readdirSync(SOURCE_DIR).find((f) => f.startsWith(`${id}_`));
  if (!file) throw new Error(`no source file for ${id}`);
  const text = fs.readFileSync(path.join(SOURCE_DIR, file), "utf8").normalize("NFC");
  const line = (tag: string) => (new RegExp(`^${tag}:\\s*(.*)$`, "m").exec(text)?.[1] ?? "").trim();
  const document = (/^DOC T\d\s+—\s+(.*)$/m.exec(text)?.[1] ?? "").trim();
  const year = Number(/(\d{4})\b/.exec(/ngày \d{1,2}\/\d{1,2}\/(\d{4})/.exec(document)?.[0] ?? "")?.[1] ?? NaN);
  const raw = text.split("\n").filter((l) => /^R\d{3} \|/.test(l)).map((l) => {
    const parts = l.split(" | ");
    return { src: parts[0], cells: parts.slice(1).map((c) => c.trim()) };
  });
  const header = raw[0].cells;
  const n = header.length;
  const fields = COLUMN_FIELDS[id];
  if (!fields || fields.length !== n) throw new Error(`${id}: COLUMN_FIELDS does not match the header (${n} columns)`);
  const headerSet = new Set(header.map((h) => h.toLowerCase()));
  const rows: ModelRow[] = [];
  for (const { src, cells } of raw.slice(1)) {
    const ne = cells.filter(Boolean);
    const first = cells[0] ?? "";
    const gap = /…\.{5,}/.exec(first);
    if (gap) rows.push({ kind: "note", src, text: gap[0] });
    else if (ne.length >= 3 && ne.filter((c) => headerSet.has(c.toLowerCase())).length >= 3) {
      // A repeated header row (T6): the crawl kept its labels without the empty number cell.
      rows.push({ kind: "header", src, cells: [...new Array(n - ne.length).fill(""), ...ne] });
    } else if (ne.length <= 2 && SECTION.test(first)) {
      const one = /^([IVXL]{1,5}|[A-Z])\.\s+(.*)$/.exec(first);
      if (one && ne.length === 1) rows.push({ kind: "section", src, tt: one[1], title: one[2], oneCell: true });
      else rows.push({ kind: "section", src, tt: first, title: ne[1] ?? "", oneCell: false });
    } else if (NUMBER.test(first) && ne.length === 2) {
      rows.push({ kind: "subheading", src, no: first, title: ne[1] });
    } else if (/^Tổng\b/.test(first)) {
      rows.push({ kind: "total", src, label: first, value: ne.slice(1).join(" ") });
    } else if (NUMBER.test(first)) {
      const out: Array<string | null> = [];
      for (let c = 0; c < n; c++) out.push(c < cells.length ? cells[c] : EMPTY_TRAILING.has(id) ? "" : null);
      rows.push({ kind: "task", src, cells: out });
    } else {
      const start = CONTINUATION_START[`${id}:${src}`] ? fields.indexOf(CONTINUATION_START[`${id}:${src}`]) : 1;
      const out: Array<string | null> = new Array(n).fill(null);
      cells.forEach((c, i) => (out[start + i] = c));
      rows.push({ kind: "continuation", src, cells: out });
    }
  }
  // A merge cannot reach across a heading: a null right under a non-task row is an empty cell.
  rows.forEach((r, i) => {
    if (r.kind !== "task" && r.kind !== "continuation") return;
    const above = rows[i - 1];
    if (above && (above.kind === "task" || above.kind === "continuation")) return;
    r.cells = r.cells.map((c) => c ?? "");
  });
  return { id, file, document, title: line("TITLE"), issuer: line("ISSUER"), level: line("LEVEL"), year, header, fields, rows };
}

export interface ExpectedActivity {
  group: string;
  /** The sub-heading the task sits under (T6 "5.1 Thương mại"), as the importer's task level. */
  taskNo: string;
  task: string;
  activityNo: string;
  activity: string;
  lead: string;
  partners: string;
  deadline: string;
  output: string;
  budget: string;
  /** Source rows (R###) this activity comes from. */
  src: string[];
}

/** Joins a continuation's text to the task's: a space after a finished sentence, "; " otherwise. */
export function joinContinued(prev: string, add: string): string {
  if (!add || prev === add) return prev;
  if (!prev) return add;
  return /[.;:!?]$/.test(prev) ? `${prev} ${add}` : `${prev}; ${add}`;
}

/**
 * What the importer must read: one activity per numbered task row, with text, lead, partners,
 * deadline, output and budget equal to the source cells (merged cells take the cell above, or
 * are empty when the range was pasted without its merged areas: `flattened`), and
 * each continuation row's own cells joined to its task. Group ids: a section's numeral, and under
 * a letter section (T6: A, B, C above I, II, …) "<letter>.<numeral>".
 */
export function expectedActivities(t: RealTable, opts: { flattened?: boolean } = {}): { groups: Array<{ id: string; title: string }>; activities: ExpectedActivity[] } {
  const groups: Array<{ id: string; title: string }> = [];
  const acts: ExpectedActivity[] = [];
  const n = t.header.length;
  const resolved: Array<Array<string>> = [];
  let letter = "";
  let group = "";
  let sub: { no: string; title: string } | null = null;
  const col = (f: ColumnField) => t.fields.indexOf(f);
  const value = (cells: string[], f: ColumnField) => (col(f) >= 0 ? cells[col(f)] : "");
  t.rows.forEach((r, i) => {
    if (r.kind === "section") {
      const isLetter = /^[A-H]$/.test(r.tt) && t.rows.some((x, j) => j > i && x.kind === "section" && /^[IVXL]+$/.test(x.tt));
      if (isLetter) {
        letter = r.tt;
        group = r.tt;
      } else group = letter ? `${letter}.${r.tt}` : r.tt;
      // A numeral repeated over another title (T6's second "IV" under B) stays in the first one's group.
      if (!groups.some((g) => g.id === group)) groups.push({ id: group, title: r.title });
      sub = null;
      return;
    }
    if (r.kind === "subheading") {
      sub = { no: r.no, title: r.title };
      return;
    }
    if (r.kind !== "task" && r.kind !== "continuation") return;
    const cells: string[] = [];
    // Pasted without its merged areas, a merged cell is empty below its first row.
    for (let c = 0; c < n; c++) cells.push(r.cells[c] ?? (opts.flattened ? "" : resolved[i - 1]?.[c] ?? ""));
    resolved[i] = cells;
    if (r.kind === "continuation") {
      const a = acts[acts.length - 1];
      const own = (f: ColumnField) => (col(f) >= 0 && r.cells[col(f)] !== null ? r.cells[col(f)]! : "");
      a.activity = joinContinued(a.activity, own("text"));
      for (const f of ["lead", "partners"] as const) a[f] = joinList(a[f], own(f));
      for (const f of ["deadline", "output", "budget"] as const) a[f] = joinContinued(a[f], own(f));
      a.src.push(r.src);
      return;
    }
    const no = value(cells, "tt");
    const inSub = sub && no.startsWith(`${sub.no}.`);
    acts.push({
      group,
      taskNo: inSub ? sub!.no : "",
      task: inSub ? sub!.title : "",
      activityNo: no.replace(/\.$/, ""),
      activity: value(cells, "text"),
      lead: value(cells, "lead"),
      partners: value(cells, "partners"),
      deadline: value(cells, "deadline"),
      output: value(cells, "output"),
      budget: value(cells, "budget"),
      src: [r.src],
    });
  });
  if (acts.some((a) => a.group === "")) {
    groups.unshift({ id: "I", title: "" });
    for (const a of acts) if (a.group === "") a.group = "I";
  }
  return { groups, activities: acts };
}

function joinList(prev: string, add: string): string {
  if (!add || prev === add) return prev;
  return prev ? `${prev}; ${add}` : add;
}

/**
 * The table as Word holds it: header row repeated on each page, section and sub-heading titles
 * spanning the row, merged cells as vertical merges (the cell above restarts, the ones below
 * continue). xlsxWriter turns the same rows into an Excel range with merged areas.
 */
export function tableRowSpecs(t: RealTable): RowSpec[] {
  const n = t.header.length;
  const out: RowSpec[] = [{ cells: t.header.map((h) => ({ text: h })), header: true }];
  t.rows.forEach((r, i) => {
    switch (r.kind) {
      case "section":
        out.push(r.oneCell ? [{ text: `${r.tt}. ${r.title}`, span: n }] : [{ text: r.tt }, { text: r.title, span: n - 1 }]);
        break;
      case "subheading":
        out.push([{ text: r.no }, { text: r.title, span: n - 1 }]);
        break;
      case "header":
        out.push(r.cells.map((c) => ({ text: c })));
        break;
      case "total":
        out.push([{ text: r.label, span: n - 1 }, { text: r.value }]);
        break;
      case "note":
        out.push([{ text: r.text, span: n }]);
        break;
      default: {
        const below = t.rows[i + 1];
        const next = below && (below.kind === "task" || below.kind === "continuation") ? below.cells : [];
        out.push(r.cells.map((c, k): CellObject => (c === null ? { vMerge: "continue" } : next[k] === null ? { text: c, vMerge: "restart" } : { text: c })));
      }
    }
  });
  return out;
}

/** The lines above the table: the issuing body (without the signer), the document line and the title, as the source gives them. */
export function titleLines(t: RealTable): string[] {
  return [t.issuer.replace(/\s*\(.*\)\s*$/, ""), t.document, t.title];
}

/** A plan without a task table (B1–B4): its document line and title, and its task section's paragraphs as written. */
export function loadInlinePlan(id: string): { id: string; document: string; title: string; paragraphs: string[] } {
  const file = fs.readdirSync(SOURCE_DIR).find((f) => f.startsWith(`${id}_`) && f.endsWith("_INLINE.txt"));
  if (!file) throw new Error(`no inline source for ${id}`);
  const text = fs.readFileSync(path.join(SOURCE_DIR, file), "utf8").normalize("NFC");
  const lines = text.split("\n");
  const rules = lines.map((l, i) => (/^-{20,}$/.test(l) ? i : -1)).filter((i) => i >= 0);
  const document = (/^DOC B\d\s+—\s+(.*)$/m.exec(text)?.[1] ?? "").trim();
  const title = (/^TITLE:\s*(.*)$/m.exec(text)?.[1] ?? "").trim();
  return { id, document, title, paragraphs: lines.slice(rules[0] + 1, rules[1]).map((l) => l.trim()).filter(Boolean) };
}

export function inlineIds(): string[] {
  return fs.readdirSync(SOURCE_DIR).filter((f) => /^B\d_.*_INLINE\.txt$/.test(f)).map((f) => f.slice(0, 2)).sort();
}
