/** The editable "Đơn vị" sheet: the units directory the owner matcher reads. */
import { unitsToSheetRows, type Unit } from "../core/units";
import { emptySheet, type SheetLayout } from "./types";

export const UNITS_SHEET = "Đơn vị";
export const UNITS_TABLE = "DonVi";
export const UNITS_FIRST_ROW = 4; // 1-based first data row

const COLUMN_KEYS = ["name", "aliases", "abbreviations", "kind", "note", "level", "renamed", "from", "until"];
const WIDTHS = [34, 50, 16, 12, 30, 11, 40, 13, 13];

export function unitsSheet(units: Unit[]): SheetLayout {
  const [header, ...rows] = unitsToSheetRows(units);
  const sheet = emptySheet(UNITS_SHEET, "units");
  sheet.cells.A1 = { v: "DANH MỤC ĐƠN VỊ (CHỦ TRÌ, PHỐI HỢP)", style: "title" };
  sheet.cells.A2 = {
    v: "Sửa hoặc thêm dòng khi xã có đơn vị mới hay cách viết khác. Tên khác và viết tắt cách nhau bằng dấu chấm phẩy. Loại: Đơn vị / Tập thể / Ngoài xã. Cấp: Xã / Huyện / Tỉnh / Trung ương (đơn vị ở cấp trên cấp của kế hoạch là cơ quan ngoài). Tên theo thời kỳ: tên mới và ngày bắt đầu dùng, ví dụ \"Bộ phận Một cửa (từ 01/01/2021)\"; Dùng từ/đến ngày: đơn vị chỉ có trong khoảng đó (ví dụ cấp huyện đến 30/06/2025).",
    style: "note",
  };
  sheet.merges.push("A1:I1", "A2:I2");
  sheet.rowHeights = { 1: 30, 2: 45 };
  sheet.tables.push({
    name: UNITS_TABLE,
    origin: "A3",
    columns: header.map((h, i) => ({ key: COLUMN_KEYS[i], header: h, width: WIDTHS[i], style: "wrap" as const })),
    rows: rows.map((row) => row.map((v) => ({ v }))),
    style: "TableStyleLight9",
  });
  sheet.freeze = { rows: 3, columns: 1 };
  sheet.print = { orientation: "landscape", fitToWidth: true, titleRows: "$3:$3", pageNumbers: true };
  return sheet;
}
