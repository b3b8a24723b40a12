/**
 * Reading and typing into the add-in's tables through Office.js, as a person or a test would: the
 * tests' way to look at (and edit) a live workbook beside the snapshot. The product itself reads a
 * workbook only through the one reader (src/layout/readBack.ts via the workbook port).
 */
import { excelSerialFromIso, isIso, isoFromExcelSerial, parseUserDate } from "../../src/core/dates";
import { CchcError } from "../../src/core/errors";
import { parseNumberVi } from "../../src/core/numbers";
import type { Settings } from "../../src/core/settings";
import { columnLetter } from "../../src/layout/address";
import { headerKey, mapHeaders, type ColumnSpec } from "../../src/layout/columnSpecs";
import { PLAN_COLUMN_SPECS } from "../../src/layout/columnSpecs";
import { PLAN_SHEET, PLAN_TABLE, type PlanColumnKey } from "../../src/layout/planColumns";
import { SETTING_ROWS, SETTINGS_SHEET } from "../../src/layout/settingsSheet";
import { OWNER_MARKER_NAME } from "../../src/layout/types";
import { markerRole } from "../../src/render/officejs/render";
import { safeText } from "../../src/render/officejs/text";
import { firstCell, parseSheetOf } from "../../src/adapters/officejs/selection";

export type ReadValue = string | number | boolean | null;

export interface TableRead<K extends string = string> {
  sheet: string;
  table: string;
  /** Address of the header row, e.g. "'Kế hoạch'!A4:U4". */
  headerAddress: string;
  /** 1-based sheet row of the first data row. */
  firstRow: number;
  /** 0-based column of the table's first column on its sheet. */
  firstColumn: number;
  /** key → 0-based index inside the table. */
  columns: Partial<Record<K, number>>;
  /** header text → key (or null for columns the add-in does not know). */
  headerMapping: Array<{ header: string; key: K | null }>;
  missing: K[];
  rows: Array<Record<K, ReadValue>>;
}

function toIso(v: unknown): string | null {
  if (typeof v === "number" && Number.isFinite(v) && v > 0) return isoFromExcelSerial(v);
  if (typeof v === "string" && v.trim()) return parseUserDate(v.trim());
  return null;
}

function rowsFrom<K extends string>(values: unknown[][], columns: Partial<Record<K, number>>, specs: ColumnSpec<K>[]): Array<Record<K, ReadValue>> {
  return values.map((row) => {
    const out = {} as Record<K, ReadValue>;
    for (const s of specs) {
      const i = columns[s.key];
      const v = i === undefined ? null : (row[i] as ReadValue);
      out[s.key] = s.date ? toIso(v) : v === "" ? null : v ?? null;
    }
    return out;
  });
}

/**
 * Reads a table by name (falling back to the first table on `fallbackSheet`). Two syncs (three
 * when the fallback is used).
 * Returns null when there is no such table.
 */
export async function readTable<K extends string>(context: Excel.RequestContext, tableName: string, specs: ColumnSpec<K>[], fallbackSheet?: string): Promise<TableRead<K> | null> {
  // No method is called on a proxy that may be a null object: each lookup is checked after a sync.
  const wb = context.workbook;
  const byName = wb.tables.getItemOrNullObject(tableName);
  byName.load("name");
  const sheet = fallbackSheet ? wb.worksheets.getItemOrNullObject(fallbackSheet) : null;
  if (sheet) sheet.load("name");
  await context.sync();
  let name: string | null = byName.isNullObject ? null : byName.name;
  if (!name && sheet && !sheet.isNullObject) {
    const tables = sheet.tables;
    tables.load("items/name");
    await context.sync();
    if (tables.items.length) name = tables.items[0].name;
  }
  if (!name) return null;
  const table = wb.tables.getItem(name);
  const header = table.getHeaderRowRange();
  header.load("values,address");
  const body = table.getDataBodyRange();
  body.load("values,address");
  await context.sync();
  const { columns, mapping, missing } = mapHeaders(header.values[0], specs);
  const start = firstCell(body.address);
  const values = body.values.filter((row) => row.some((v) => v !== "" && v !== null));
  return {
    sheet: parseSheetOf(header.address),
    table: name,
    headerAddress: header.address,
    firstRow: start.row + 1,
    firstColumn: start.col,
    columns,
    headerMapping: mapping,
    missing,
    rows: rowsFrom(values, columns, specs),
  };
}

/** The "Kế hoạch" table, read back. Rows keep the table's order (the sheet's row = firstRow + index). */
export function readPlanTable(context: Excel.RequestContext): Promise<TableRead<PlanColumnKey> | null> {
  return readTable(context, PLAN_TABLE, PLAN_COLUMN_SPECS, PLAN_SHEET);
}

export async function readSettings(context: Excel.RequestContext): Promise<{ settings: Partial<Settings>; unknownLabels: string[] } | null> {
  const ws = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  ws.load("name");
  await context.sync();
  if (ws.isNullObject) return null;
  const range = ws.getRange(`A1:B${SETTING_ROWS.length + 20}`);
  range.load("values");
  await context.sync();
  const byLabel = new Map(SETTING_ROWS.map((r) => [headerKey(r.label), r]));
  const settings: Partial<Settings> = {};
  const unknownLabels: string[] = [];
  for (const [label, value] of range.values as unknown[][]) {
    if (label === "" || label === null) continue;
    const row = byLabel.get(headerKey(label));
    if (!row) {
      unknownLabels.push(String(label));
      continue;
    }
    const k = row.key;
    if (k === "asOf") {
      const iso = toIso(value);
      if (iso) settings.asOf = iso;
    } else if (k === "year" || k === "cutoffStartDay" || k === "cutoffEndDay" || k === "parFull" || k === "parPartial" || k === "parMaxPoints") {
      const n = parseNumberVi(value);
      if (n !== null) (settings as Record<string, number>)[k] = n;
    } else if (value !== "" && value !== null) {
      (settings as Record<string, string>)[k] = String(value);
    }
  }
  return { settings, unknownLabels };
}

/** Sheets carrying the add-in's marker, with their role, in tab order. Two syncs. */
export async function listOwnedSheets(context: Excel.RequestContext): Promise<Array<{ name: string; role: string; visible: boolean }>> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await context.sync();
  const markers = sheets.items.map((ws) => {
    const m = ws.names.getItemOrNullObject(OWNER_MARKER_NAME);
    m.load("value");
    return m;
  });
  await context.sync();
  const out: Array<{ name: string; role: string; visible: boolean }> = [];
  sheets.items.forEach((ws, i) => {
    const role = markers[i].isNullObject ? null : markerRole(markers[i].value);
    if (role) out.push({ name: ws.name, role, visible: ws.visibility === "Visible" });
  });
  return out;
}

export type WriteValue = string | number | boolean | null | undefined;

function toCell(v: WriteValue, date: boolean | undefined): { value: string | number | boolean; numberFormat: string } {
  if (v === null || v === undefined || v === "") return { value: "", numberFormat: date ? "dd/mm/yyyy" : "@" };
  if (date && typeof v === "string" && isIso(v)) return { value: excelSerialFromIso(v), numberFormat: "dd/mm/yyyy" };
  if (typeof v === "string") return { value: safeText(v), numberFormat: "@" };
  return { value: v, numberFormat: "General" };
}

export class TableMissingError extends CchcError {
  constructor(readonly table: string) {
    super("table-missing", {
      vi: `Không tìm thấy bảng ${table} của phần bổ trợ. Hãy nhập lại kế hoạch ở mục Nhập để dựng lại các trang.`,
      en: `The add-in's table ${table} was not found. Import the plan again (Import tab) to rebuild the sheets.`,
    });
    this.name = "TableMissingError";
  }
}

/** Writes single cells of a table found by header (e.g. a plan row's completion date). Three syncs. */
export async function writeTableCells<K extends string>(context: Excel.RequestContext, tableName: string, specs: ColumnSpec<K>[], updates: Array<{ rowIndex: number; key: K; value: WriteValue }>): Promise<number> {
  const found = context.workbook.tables.getItemOrNullObject(tableName);
  found.load("name");
  await context.sync();
  if (found.isNullObject) throw new TableMissingError(tableName);
  const header = context.workbook.tables.getItem(tableName).getHeaderRowRange();
  header.load("values,address");
  await context.sync();
  const { columns } = mapHeaders(header.values[0], specs);
  const start = firstCell(header.address);
  const ws = context.workbook.worksheets.getItem(parseSheetOf(header.address));
  let written = 0;
  for (const u of updates) {
    const c = columns[u.key];
    if (c === undefined) continue;
    const spec = specs.find((s) => s.key === u.key);
    const cell = toCell(u.value, spec?.date);
    const range = ws.getRange(`${columnLetter(start.col + c)}${start.row + 2 + u.rowIndex}`);
    range.numberFormat = [[cell.numberFormat]];
    range.values = [[cell.value]];
    written++;
  }
  await context.sync();
  return written;
}
