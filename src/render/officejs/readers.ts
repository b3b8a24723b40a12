/**
 * Reading the add-in's tables, the settings and the user's selection back from the live workbook,
 * with a constant number of syncs. Columns are found by their header text (so a person may
 * reorder or insert columns), never by position.
 */
import { isoFromExcelSerial, parseUserDate } from "../../core/dates";
import { CchcError } from "../../core/errors";
import { headerKey, LOG_COLUMN_SPECS, mapHeaders, PLAN_COLUMN_SPECS, type ColumnSpec } from "../../layout/columnSpecs";
import { parseNumberVi } from "../../core/numbers";
import { PLAN_COLUMNS, PLAN_SHEET, PLAN_TABLE, type PlanColumnKey } from "../../layout/planColumns";
import { SETTING_ROWS, SETTINGS_SHEET } from "../../layout/settingsSheet";
import type { Settings } from "../../core/settings";
import type { ActivityProgress } from "../../layout/model";
import { OWNER_MARKER_NAME } from "../../layout/types";
import { LOG_COLUMNS, LOG_SHEET, LOG_TABLE, type LogColumnKey } from "../../layout/logSheet";
import { gridFromValues, mergesRelativeTo, type Grid } from "../../import/grid";
import type { Capabilities } from "./capabilities";
import { markerRole, type Message } from "./render";

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

function parseSheetOf(address: string): string {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!/.exec(address);
  return m ? (m[1] ? m[1].replace(/''/g, "'") : m[2]) : "";
}

function firstCell(address: string): { row: number; col: number } {
  const m = /!?\$?([A-Z]+)\$?(\d+)/.exec(address.replace(/^.*!/, ""));
  if (!m) return { row: 0, col: 0 };
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: c - 1 };
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

/** The "Nhật ký tiến độ" table, read back (dates as ISO); core's entriesFromRows turns rows into entries. */
export function readLogTable(context: Excel.RequestContext): Promise<TableRead<LogColumnKey> | null> {
  return readTable(context, LOG_TABLE, LOG_COLUMN_SPECS, LOG_SHEET);
}

/** What people typed on the plan sheet, by activity id (kept across re-imports and rebuilds). */
export function progressFromPlanRows(read: TableRead<PlanColumnKey>): Record<string, ActivityProgress> {
  const out: Record<string, ActivityProgress> = {};
  for (const row of read.rows) {
    const id = row.id === null ? "" : String(row.id).trim();
    if (!id) continue;
    const p: ActivityProgress = {};
    if (row.userDeadline) p.userDeadline = String(row.userDeadline);
    if (row.completedOn) p.completedOn = String(row.completedOn);
    if (row.evidence !== null && String(row.evidence).trim()) p.evidence = String(row.evidence);
    if (row.note !== null && String(row.note).trim()) p.note = String(row.note);
    if (Object.keys(p).length) out[id] = p;
  }
  return out;
}

/** The settings sheet read by its labels (column A) → values (column B). Two syncs. Null when absent. */
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

export interface SelectionGrid {
  grid: Grid;
  address: string;
  rows: number;
  columns: number;
  /** Whether merged areas were read (ExcelApi 1.13). */
  mergesKnown: boolean;
  merges: number;
  /** What is lost without ExcelApi 1.13, for the pane to show. */
  warning?: Message;
}

export const MAX_SELECTION_CELLS = 200_000;

export class SelectionError extends CchcError {
  constructor(vi: string, en: string) {
    super("bad-selection", { vi, en });
    this.name = "SelectionError";
  }
}

/** Splits "Sheet1!A1:B2, 'My, sheet'!C3:D4" on commas outside quotes. */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === "," && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

/**
 * The current selection as a Grid for the appendix parser: values (clipped to the used range, so
 * selecting whole columns works) plus merged areas where ExcelApi 1.13 exists. Two syncs, three with merged areas.
 */
export async function readSelectionGrid(context: Excel.RequestContext, caps: Pick<Capabilities, "mergedAreas">): Promise<SelectionGrid> {
  const selected = context.workbook.getSelectedRange();
  selected.load("address,rowCount,columnCount");
  const used = selected.worksheet.getUsedRangeOrNullObject(true);
  used.load("address");
  await context.sync();
  if (used.isNullObject) throw new SelectionError("Trang tính đang chọn không có dữ liệu. Hãy chọn vùng chứa bảng phụ lục (cả dòng tiêu đề) rồi bấm lại.", "The selected sheet is empty. Select the range holding the appendix table (header row included) and try again.");
  const target = selected.getIntersectionOrNullObject(used);
  target.load("address,values,rowCount,columnCount");
  await context.sync();
  if (target.isNullObject) throw new SelectionError("Vùng đang chọn không có dữ liệu. Hãy chọn vùng chứa bảng phụ lục (cả dòng tiêu đề) rồi bấm lại.", "The selection holds no data. Select the range holding the appendix table (header row included) and try again.");
  if (target.rowCount * target.columnCount > MAX_SELECTION_CELLS) {
    throw new SelectionError(`Vùng chọn quá lớn (${target.rowCount} dòng × ${target.columnCount} cột). Hãy chỉ chọn bảng phụ lục.`, `The selection is too large (${target.rowCount} rows × ${target.columnCount} columns). Select only the appendix table.`);
  }
  // Merged areas only where ExcelApi 1.13 has them (RangeAreas.address is 1.9), in a third sync.
  const areas = caps.mergedAreas ? target.getMergedAreasOrNullObject() : null;
  if (areas) {
    areas.load("address");
    await context.sync();
  }
  const areaAddresses = areas && !areas.isNullObject && areas.address ? splitAreas(areas.address) : [];
  const merges = mergesRelativeTo(target.address, areaAddresses);
  const grid = gridFromValues(target.values as unknown[][], merges, "selection");
  return {
    grid,
    address: target.address,
    rows: target.rowCount,
    columns: target.columnCount,
    mergesKnown: Boolean(areas),
    merges: merges.length,
    warning: areas
      ? undefined
      : {
          vi: "Excel này không cho phần bổ trợ biết các ô gộp (cần ExcelApi 1.13): một ô Mục tiêu hay Nhiệm vụ gộp qua nhiều dòng sẽ chỉ có chữ ở dòng đầu, các dòng dưới bị coi là trống. Hãy kiểm tra kết quả đọc, hoặc bỏ gộp ô và điền đủ, hoặc nhập từ tệp Word .docx.",
          en: "This Excel does not tell add-ins about merged cells (ExcelApi 1.13 is needed): an objective or task cell merged over several rows only has text in its first row and the rows below read as empty. Check what was read, or unmerge and fill the cells, or import the Word .docx instead.",
        },
  };
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

/** Selects a cell given as "'Kế hoạch'!J7" (activating its sheet). One sync. */
export async function selectCell(context: Excel.RequestContext, reference: string): Promise<void> {
  const sheet = parseSheetOf(reference);
  const cell = reference.replace(/^.*!/, "");
  const ws = sheet ? context.workbook.worksheets.getItem(sheet) : context.workbook.worksheets.getActiveWorksheet();
  ws.activate();
  ws.getRange(cell).select();
  await context.sync();
}

/** The selected range's address and first row (1-based) on its sheet. One sync. */
export async function readSelectionAddress(context: Excel.RequestContext): Promise<{ sheet: string; address: string; row: number; column: number }> {
  const r = context.workbook.getSelectedRange();
  r.load("address");
  await context.sync();
  const first = firstCell(r.address);
  return { sheet: parseSheetOf(r.address), address: r.address, row: first.row + 1, column: first.col };
}

export { parseSheetOf, firstCell };
export { LOG_COLUMN_SPECS, mapHeaders, PLAN_COLUMN_SPECS, type ColumnSpec };
