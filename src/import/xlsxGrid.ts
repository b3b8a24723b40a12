/**
 * An .xlsx workbook → Grid, with exceljs (lazy-loaded: only this file imports it).
 *
 * The sheet: the one named, else the one whose first rows hold the best appendix header.
 * Merged areas: exceljs returns the master's value from every slave cell of a merge; slaves
 * are marked merged instead (mergedFromAbove below the first row of the area, mergedFromLeft
 * right of its first column) and keep no text, so the parser sees what Word's vMerge gives.
 * Values become text through cellText (dates dd/mm/yyyy; formulas give their cached result;
 * a string such as "=HYPERLINK(…)" stays that string).
 * Size: only populated rows and cells are read; a sheet is at most 64 columns (cells beyond are
 * ignored with a warning), 200,000 rows and 4,000,000 cells (grid.ts GRID_LIMITS), past which
 * the import stops with "too-large" naming the far cell.
 */
import ExcelJS from "exceljs";
import { errors, isImportError } from "./errors";
import { cellText, GRID_LIMITS, gridFromValues, type Grid, type MergeArea } from "./grid";
import { chooseAppendixTable, HEADER_SEARCH_ROWS, type ColumnMapping } from "./header";
import { notes } from "./notes";
import { errorForKind, sniff, toBytes } from "./sniff";
import { readZipParts, ZIP_LIMITS, type ZipLimits } from "./zip";

export interface XlsxOptions {
  limits?: Partial<ZipLimits>;
  /** The user's choice of columns: a sheet without a recognisable header is still taken. */
  columns?: ColumnMapping;
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

function columnLetters(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * One worksheet → Grid (first `maxRows` rows when given). Only what holds something is visited:
 * the rows exceljs has values for (eachRow without includeEmpty) and, in them, the cells with a
 * value or in a merged area (eachCell without includeEmpty) — never ws.rowCount × ws.columnCount,
 * which one stray cell in XFD20000 makes 328 million. Caps (grid.ts GRID_LIMITS): cells past
 * column 64 are ignored (a warning names the first one holding text); the grid ends at the last
 * row with something within those columns, and past 200,000 rows or 4,000,000 cells the import
 * stops with "too-large".
 */
export function sheetGrid(ws: ExcelJS.Worksheet, maxRows?: number): Grid {
  const rowCap = maxRows ?? Infinity;
  const maxCols = GRID_LIMITS.maxCols;
  const values: unknown[][] = [];
  const areas = new Map<string, MergeArea>();
  let lastRow = 0;
  let ignored = 0;
  let firstIgnored = "";
  ws.eachRow((row, r) => {
    if (r > rowCap) return;
    const vals: unknown[] = [];
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      if (c > maxCols) {
        if (cellText(cell.value).trim() && !(cell.isMerged && cell.master && cell.master.address !== cell.address)) {
          ignored++;
          firstIgnored ||= `${columnLetters(c)}${r}`;
        }
        return;
      }
      any = true;
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
    if (!any) return;
    values[r - 1] = vals;
    lastRow = r;
  });
  values.length = lastRow;
  for (let i = 0; i < lastRow; i++) values[i] ??= []; // rows without anything: empty grid rows (no holes)
  const width = values.reduce((w, row) => Math.max(w, row ? row.length : 0), 0);
  if (lastRow > GRID_LIMITS.maxRows) throw errors.tableTooLarge(lastRow, width, "rows", GRID_LIMITS.maxRows, `ô ${lastLabel(values, lastRow)} của trang "${ws.name}"`);
  if (lastRow * width > GRID_LIMITS.maxCells) throw errors.tableTooLarge(lastRow, width, "cells", GRID_LIMITS.maxCells);
  const grid = gridFromValues(values, [...areas.values()], "xlsx", [ws.name]);
  if (ignored) {
    grid.warnings = [notes.sheetCellsPastColumnCap(ws.name, ignored, columnLetters(maxCols), maxCols, firstIgnored)];
  }
  return grid;
}

/** The address of the last row's first cell with something ("A1048576"), for the too-large message. */
function lastLabel(values: unknown[][], lastRow: number): string {
  const row = values[lastRow - 1] ?? [];
  const c = row.findIndex((v) => v !== undefined);
  return `${columnLetters(c + 1)}${lastRow}`;
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
  const chosen = chooseAppendixTable(probes, !!opts.columns);
  return sheetGrid(sheets[chosen.index]);
}
