/**
 * An .xlsx workbook → Grid, with exceljs (lazy-loaded: only this file imports it).
 *
 * The sheet: the one named, else the one whose first rows hold the best appendix header.
 * Merged areas: exceljs returns the master's value from every slave cell of a merge; slaves
 * are marked merged instead (mergedFromAbove below the first row of the area, mergedFromLeft
 * right of its first column) and keep no text, so the parser sees what Word's vMerge gives.
 * Values become text through cellText (dates dd/mm/yyyy; formulas give their cached result;
 * a string such as "=HYPERLINK(…)" stays that string).
 */
import ExcelJS from "exceljs";
import { errors, isImportError } from "./errors";
import { gridFromValues, type Grid, type MergeArea } from "./grid";
import { chooseAppendixTable, HEADER_SEARCH_ROWS } from "./header";
import { errorForKind, sniff, toBytes } from "./sniff";
import { readZipParts, ZIP_LIMITS, type ZipLimits } from "./zip";

export interface XlsxOptions {
  limits?: Partial<ZipLimits>;
}

/** Checks the package before exceljs inflates all of it: kind, declared sizes, ratios. */
function checkPackage(bytes: Uint8Array, limits: ZipLimits): void {
  const kind = sniff(bytes);
  if (kind !== "zip") throw errorForKind(kind, bytes, "xlsx");
  const { entries } = readZipParts(bytes, new Map(), limits);
  let total = 0;
  for (const e of entries) {
    if (e.originalSize > limits.maxPartBytes) throw errors.tooLarge(e.name, e.originalSize, limits.maxPartBytes);
    if (e.originalSize > 1024 * 1024 && e.originalSize > Math.max(1, e.size) * limits.maxRatio) throw errors.zipBomb(e.name, e.originalSize, e.size);
    total += e.originalSize;
  }
  if (total > limits.maxPartBytes * 2) throw errors.tooLarge("uncompressed total", total, limits.maxPartBytes * 2);
  const names = entries.map((e) => e.name.toLowerCase());
  if (!names.includes("xl/workbook.xml")) {
    if (names.includes("word/document.xml")) throw errors.wrongFormat("docx", "xlsx");
    if (names.includes("ppt/presentation.xml")) throw errors.wrongFormat("pptx", "xlsx");
    throw errors.notZip("xlsx", "no xl/workbook.xml");
  }
}

/** One worksheet → Grid (first `maxRows` rows when given). Only cells that hold something are visited. */
export function sheetGrid(ws: ExcelJS.Worksheet, maxRows?: number): Grid {
  const rowCount = Math.min(ws.rowCount, maxRows ?? Infinity);
  const values: unknown[][] = [];
  const areas = new Map<string, MergeArea>();
  for (let r = 1; r <= rowCount; r++) {
    const vals: unknown[] = [];
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
      const m = cell.master;
      if (cell.isMerged && m && m.address !== cell.address) {
        // A slave cell of a merged area: exceljs hands back the master's value; record the area instead.
        const mr = Number(m.row) - 1;
        const mc = Number(m.col) - 1;
        const a = areas.get(m.address) ?? { r1: mr, c1: mc, r2: mr, c2: mc };
        a.r2 = Math.max(a.r2, r - 1);
        a.c2 = Math.max(a.c2, c - 1);
        areas.set(m.address, a);
        vals[c - 1] = null;
        return;
      }
      vals[c - 1] = cell.value;
    });
    values.push(vals);
  }
  return gridFromValues(values, [...areas.values()], "xlsx", [ws.name]);
}

/** Reads an .xlsx and returns the appendix sheet as a Grid. */
export async function readXlsxGrid(input: Uint8Array | ArrayBuffer, sheetName?: string, opts: XlsxOptions = {}): Promise<Grid> {
  const bytes = toBytes(input);
  const limits: ZipLimits = { ...ZIP_LIMITS, ...opts.limits };
  if (bytes.length > limits.maxFileBytes) throw errors.tooLarge("file", bytes.length, limits.maxFileBytes);
  checkPackage(bytes, limits);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as Buffer);
  } catch (e) {
    if (isImportError(e)) throw e;
    throw errors.corrupt(e instanceof Error ? e.message : String(e));
  }
  const sheets = wb.worksheets.filter((ws) => (ws as unknown as { state?: string }).state !== "veryHidden");
  if (sheetName !== undefined) {
    const ws = sheets.find((w) => w.name === sheetName) ?? sheets.find((w) => w.name.toLowerCase() === sheetName.toLowerCase());
    if (!ws) throw errors.noSheet(sheetName, sheets.map((w) => w.name));
    return sheetGrid(ws);
  }
  if (sheets.length === 0) throw errors.noTable();
  const probes = sheets.map((ws) => sheetGrid(ws, HEADER_SEARCH_ROWS + 2));
  const chosen = chooseAppendixTable(probes);
  return sheetGrid(sheets[chosen.index]);
}
