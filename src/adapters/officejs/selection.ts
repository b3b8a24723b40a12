/**
 * The pane's selection on the live workbook (Office.js): the selected range as an appendix grid
 * (with merged areas where Excel tells them), the selected cell, and going to a cell.
 */
import { CchcError } from "../../core/errors";
import type { Message } from "../../core/message";
import { gridFromValues, mergesRelativeTo, type Grid } from "../../import/grid";
import type { Capabilities } from "../../render/officejs/capabilities";

export function parseSheetOf(address: string): string {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!/.exec(address);
  return m ? (m[1] ? m[1].replace(/''/g, "'") : m[2]) : "";
}

export function firstCell(address: string): { row: number; col: number } {
  const m = /!?\$?([A-Z]+)\$?(\d+)/.exec(address.replace(/^.*!/, ""));
  if (!m) return { row: 0, col: 0 };
  let c = 0;
  for (const ch of m[1]) c = c * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: c - 1 };
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
