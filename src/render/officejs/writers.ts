/**
 * Small writes into tables the add-in owns (a progress-log entry, a plan row's progress fields),
 * with the same text safety as the renderer (safeText: text stays text, cut to Excel's 32,767
 * characters with "… [cắt bớt]") and a constant number of syncs.
 */
import { excelSerialFromIso, isIso } from "../../core/dates";
import { CchcError } from "../../core/errors";
import { columnLetter } from "../../layout/address";
import { mapHeaders, parseSheetOf, firstCell, type ColumnSpec, type ReadValue } from "./readers";
import { safeText } from "./text";

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

/**
 * Appends rows to a table, mapping values to columns by header. Three syncs whatever the number of
 * rows. Columns the rows do not mention are left empty (or to the table's calculated columns).
 */
export async function appendTableRows<K extends string>(
  context: Excel.RequestContext,
  tableName: string,
  specs: ColumnSpec<K>[],
  rows: Array<Partial<Record<K, WriteValue>>>,
  /** Formulas for some columns, given the sheet row and the column letters by key (written with Range.formulas). */
  formulas: Partial<Record<K, (row: number, letters: Record<string, string>) => string>> = {},
): Promise<{ firstRow: number; count: number; missing: K[] }> {
  const found = context.workbook.tables.getItemOrNullObject(tableName);
  found.load("name");
  await context.sync();
  if (found.isNullObject) throw new TableMissingError(tableName);
  const table = context.workbook.tables.getItem(tableName);
  const header = table.getHeaderRowRange();
  header.load("values");
  const body = table.getDataBodyRange();
  body.load("address,rowCount,values");
  await context.sync();
  const headers = header.values[0];
  const { columns, missing } = mapHeaders(headers, specs);
  const width = headers.length;
  const start = firstCell(body.address);
  // An empty table shows one blank row: fill it first instead of leaving a gap.
  const blankFirst = body.rowCount === 1 && (body.values[0] as ReadValue[]).every((v) => v === "" || v === null);
  let r = start.row + (blankFirst ? 0 : body.rowCount);
  const firstRow = r + 1;
  const ws = table.worksheet;
  const letters: Record<string, string> = {};
  for (const s of specs) if (columns[s.key] !== undefined) letters[s.key] = columnLetter(start.col + columns[s.key]!);
  rows.forEach((row, i) => {
    const cells: Array<{ value: string | number | boolean; numberFormat: string } | null> = new Array(width).fill(null);
    for (const s of specs) {
      const c = columns[s.key];
      if (c === undefined || !(s.key in row)) continue;
      cells[c] = toCell(row[s.key], s.date);
    }
    if (!(blankFirst && i === 0)) table.rows.add(undefined, [new Array(width).fill("")]);
    // Only the mapped cells are written (one range per mapped column run), so calculated columns keep their formulas.
    let c = 0;
    while (c < width) {
      if (!cells[c]) {
        c++;
        continue;
      }
      let e = c;
      while (e + 1 < width && cells[e + 1]) e++;
      const range = ws.getRange(`${columnLetter(start.col + c)}${r + 1}:${columnLetter(start.col + e)}${r + 1}`);
      const slice = cells.slice(c, e + 1) as Array<{ value: string | number | boolean; numberFormat: string }>;
      range.numberFormat = [slice.map((x) => x.numberFormat)];
      range.values = [slice.map((x) => x.value)];
      c = e + 1;
    }
    for (const [k, make] of Object.entries(formulas) as Array<[K, (row: number, letters: Record<string, string>) => string]>) {
      const col = columns[k];
      if (col === undefined || cells[col]) continue;
      const cell = ws.getRange(`${columnLetter(start.col + col)}${r + 1}`);
      cell.numberFormat = [["General"]];
      cell.formulas = [[make(r + 1, letters)]];
    }
    r++;
  });
  await context.sync();
  return { firstRow, count: rows.length, missing };
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
