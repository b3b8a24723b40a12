/** The editable "Đơn vị" sheet: the units directory the owner matcher reads. */
import type { Unit } from "../core/units";
import { emptySheet, type SheetLayout } from "./types";

export const UNITS_SHEET = "Đơn vị";
export const UNITS_TABLE = "DonVi";
export const UNIT_KIND_LABELS: Record<Unit["kind"], string> = { single: "Đơn vị", collective: "Tập thể", outside: "Ngoài xã" };
export const UNITS_FIRST_ROW = 4; // 1-based first data row

export function unitsSheet(units: Unit[]): SheetLayout {
  const sheet = emptySheet(UNITS_SHEET, "units");
  sheet.cells.A1 = { v: "DANH MỤC ĐƠN VỊ (CHỦ TRÌ, PHỐI HỢP)", style: "title" };
  sheet.cells.A2 = {
    v: "Sửa hoặc thêm dòng khi xã có đơn vị mới hay cách viết khác. Tên khác và viết tắt cách nhau bằng dấu chấm phẩy. Loại: Đơn vị / Tập thể / Ngoài xã.",
    style: "note",
  };
  sheet.merges.push("A1:E1", "A2:E2");
  sheet.rowHeights = { 1: 30 };
  sheet.tables.push({
    name: UNITS_TABLE,
    origin: "A3",
    columns: [
      { key: "name", header: "Tên đơn vị", width: 34, style: "wrap" },
      { key: "aliases", header: "Tên khác", width: 50, style: "wrap" },
      { key: "abbreviations", header: "Viết tắt", width: 16, style: "wrap" },
      { key: "kind", header: "Loại", width: 12, style: "text" },
      { key: "note", header: "Ghi chú", width: 30, style: "wrap" },
    ],
    rows: units.map((u) => [
      { v: u.name }, { v: u.aliases.join("; ") }, { v: u.abbreviations.join("; ") }, { v: UNIT_KIND_LABELS[u.kind] }, { v: u.note ?? "" },
    ]),
    style: "TableStyleLight9",
  });
  sheet.freeze = { rows: 3, columns: 1 };
  sheet.print = { orientation: "landscape", fitToWidth: true, titleRows: "$3:$3", pageNumbers: true };
  return sheet;
}
