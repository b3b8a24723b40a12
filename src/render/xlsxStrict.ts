/**
 * What Excel is strict about in a worksheet and exceljs 4.4 gets wrong, fixed on every file the
 * command writes (ECMA-376 Part 1, 18.3.1; compared with files Excel saves):
 * - data validations: exceljs keeps one rule per cell and re-groups them on writing, sorting
 *   addresses as text ("J10" before "J5"), so J5:J64 came out as J10:J64 and J5:J64, overlapping.
 *   Here every sheet's rules become disjoint rectangles before writing.
 * - conditional formats: cfRule@priority must be unique within a sheet; they are renumbered 1…n
 *   keeping the existing order (by priority, ties in document order).
 * - links inside the workbook: exceljs writes them as an external relationship to "#Sheet!A1";
 *   Excel writes `<hyperlink ref location="'Sheet'!A1"/>` with no relationship. Rewritten after
 *   writing; and before loading, the reverse, because exceljs drops a link without r:id.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { address, parseRange, rangeAddress } from "../layout/address";

type Files = Record<string, Uint8Array>;

const REL_HYPERLINK = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
const SHEET_XML = /^xl\/worksheets\/[^/]+\.xml$/;
const relsPathOf = (sheetPath: string) => sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");

/** A rule's identity for grouping: its JSON with keys sorted (Dates become ISO text). */
function ruleKey(rule: object): string {
  return JSON.stringify(rule, (_, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
}

/**
 * Disjoint rectangles covering the cells of each rule. A later entry wins a cell it shares with
 * an earlier one (as exceljs's per-cell model does). Runs down each column, then equal runs in
 * adjacent columns joined: "J5:J64", "H5:I47".
 */
export function validationRectangles(entries: ReadonlyArray<[string, ExcelJS.DataValidation | undefined]>): Array<[string, ExcelJS.DataValidation]> {
  const WIDTH = 16384;
  const keys = new Map<string, number>();
  const rules: ExcelJS.DataValidation[] = [];
  const owner = new Map<number, number>();
  const unread: Array<[string, ExcelJS.DataValidation]> = [];
  for (const [ref, rule] of entries) {
    if (!rule) continue;
    let range: ReturnType<typeof parseRange>;
    try {
      range = parseRange(ref);
    } catch {
      unread.push([ref, rule]); // not a cell or a range (e.g. "A:A"): written as exceljs has it
      continue;
    }
    const k = ruleKey(rule);
    let g = keys.get(k);
    if (g === undefined) {
      g = rules.push(rule) - 1;
      keys.set(k, g);
    }
    const { r1, c1, r2, c2 } = range;
    for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) owner.set(r * WIDTH + c, g);
  }
  const columns = rules.map(() => new Map<number, number[]>());
  for (const [cell, g] of owner) {
    const c = cell % WIDTH;
    const rows = columns[g].get(c) ?? [];
    rows.push(Math.floor(cell / WIDTH));
    columns[g].set(c, rows);
  }
  const out: Array<{ r1: number; c1: number; r2: number; c2: number; g: number }> = [];
  columns.forEach((byColumn, g) => {
    const open = new Map<string, (typeof out)[number]>();
    for (const c of [...byColumn.keys()].sort((a, b) => a - b)) {
      const rows = byColumn.get(c)!.sort((a, b) => a - b);
      for (let i = 0; i < rows.length; ) {
        let j = i;
        while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
        const run = `${rows[i]}:${rows[j]}`;
        const prev = open.get(run);
        if (prev && prev.c2 === c - 1) prev.c2 = c;
        else {
          const rect = { r1: rows[i], c1: c, r2: rows[j], c2: c, g };
          out.push(rect);
          open.set(run, rect);
        }
        i = j + 1;
      }
    }
  });
  out.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
  return [...out.map((x): [string, ExcelJS.DataValidation] => [x.r1 === x.r2 && x.c1 === x.c2 ? address(x.r1, x.c1) : rangeAddress(x.r1, x.c1, x.r2, x.c2), rules[x.g]]), ...unread];
}

/** exceljs's per-sheet validations (missing from its typings): address or range → rule. */
interface DataValidations {
  model: Record<string, ExcelJS.DataValidation | undefined>;
  add(ref: string, rule: ExcelJS.DataValidation): void;
}
export const dataValidationsOf = (ws: ExcelJS.Worksheet) => (ws as unknown as { dataValidations: DataValidations }).dataValidations;

/** The model-side fixes, on every worksheet (also sheets exceljs loaded from a person's file). */
function strictenModel(wb: ExcelJS.Workbook): void {
  for (const ws of wb.worksheets) {
    const validations = dataValidationsOf(ws);
    const entries = Object.entries(validations.model);
    if (entries.length) validations.model = Object.fromEntries(validationRectangles(entries));
    const cfRules = (ws as unknown as { conditionalFormattings: Array<{ rules: Array<{ priority?: number }> }> }).conditionalFormattings.flatMap((cf) => cf.rules);
    cfRules
      .map((rule, i) => ({ rule, i }))
      .sort((a, b) => (a.rule.priority ?? Infinity) - (b.rule.priority ?? Infinity) || a.i - b.i)
      .forEach(({ rule }, n) => (rule.priority = n + 1));
  }
}

const attrOf = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** Internal links written by exceljs (r:id → Target "#…") become location-only links, their relationship removed. */
function linksAsLocations(files: Files): void {
  for (const p of Object.keys(files).filter((f) => SHEET_XML.test(f))) {
    const relsPath = relsPathOf(p);
    if (!files[relsPath]) continue;
    let rels = strFromU8(files[relsPath]);
    const internal = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
      const target = attrOf(m[0], "Target");
      if (attrOf(m[0], "Type") === REL_HYPERLINK && target?.startsWith("#")) internal.set(attrOf(m[0], "Id")!, target.slice(1));
    }
    if (!internal.size) continue;
    const xml = strFromU8(files[p]).replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
      const location = internal.get(attrOf(tag, "r:id") ?? "");
      if (location === undefined) return tag;
      const keep = ["ref", "tooltip", "display"].map((a) => (attrOf(tag, a) !== undefined ? ` ${a}="${attrOf(tag, a)}"` : "")).join("");
      return `<hyperlink${keep} location="${location}"/>`;
    });
    rels = rels.replace(/<Relationship\b[^>]*\/>/g, (tag) => (internal.has(attrOf(tag, "Id") ?? "") ? "" : tag));
    files[p] = strToU8(xml);
    files[relsPath] = strToU8(rels);
  }
}

/** The reverse, for exceljs to read them: location-only links get an r:id to a "#location" relationship. */
function linksAsRelationships(files: Files): boolean {
  let changed = false;
  for (const p of Object.keys(files).filter((f) => SHEET_XML.test(f))) {
    const xml = strFromU8(files[p]);
    if (!/<hyperlink\b[^>]*\slocation="/.test(xml)) continue;
    const relsPath = relsPathOf(p);
    let rels = files[relsPath]
      ? strFromU8(files[relsPath])
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    rels = rels.replace(/<Relationships([^>]*?)\/>/, "<Relationships$1></Relationships>");
    const used = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
    let n = 0;
    const added: string[] = [];
    files[p] = strToU8(
      xml.replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
        const location = attrOf(tag, "location");
        if (location === undefined || attrOf(tag, "r:id") !== undefined) return tag;
        let id: string;
        do id = `rIdCchcLink${++n}`;
        while (used.has(id));
        added.push(`<Relationship Id="${id}" Type="${REL_HYPERLINK}" Target="#${location}" TargetMode="External"/>`);
        return tag.replace(/\/>$/, ` r:id="${id}"/>`);
      }),
    );
    if (!added.length) continue;
    files[relsPath] = strToU8(rels.replace(/<\/Relationships>\s*$/, `${added.join("")}</Relationships>`));
    changed = true;
  }
  return changed;
}

/** exceljs's writeBuffer with the fixes above; the files of the zip, for further post-processing. */
export async function writeWorkbookFiles(wb: ExcelJS.Workbook): Promise<Files> {
  strictenModel(wb);
  const files = unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  linksAsLocations(files);
  return files;
}

/**
 * exceljs's load, keeping the links inside the workbook that Excel (and writeWorkbookFiles) write.
 * `files` (the bytes unzipped, when the caller has them) may have parts replaced: pass a copy to keep them.
 */
export async function loadWorkbook(bytes: Uint8Array, files: Record<string, Uint8Array> = unzipSync(bytes)): Promise<ExcelJS.Workbook> {
  const input = linksAsRelationships(files) ? zipSync(files, { level: 0 }) : bytes;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(input as unknown as ArrayBuffer);
  return wb;
}
