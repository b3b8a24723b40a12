/** The "Cài đặt" sheet: one labelled value per row, each value a workbook-level name. */
import type { Settings } from "../core/settings";
import { sheetRef } from "./address";
import { NAMES } from "./names";
import { emptySheet, type Cell, type SheetLayout } from "./types";

export const SETTINGS_SHEET = "Cài đặt";
const FIRST_ROW = 3; // 1-based row of the first setting

export interface SettingRow {
  key: keyof Settings;
  name?: string;
  label: string;
  note: string;
  cell: (s: Settings) => Cell;
}

export const SETTING_ROWS: SettingRow[] = [
  { key: "unit", name: NAMES.unit, label: "Cơ quan ban hành", note: "Dòng đầu bên trái của báo cáo, ví dụ UBND xã Hồng Lộc", cell: (s) => ({ v: s.unit, style: "input" }) },
  { key: "commune", name: NAMES.commune, label: "Xã", note: "", cell: (s) => ({ v: s.commune, style: "input" }) },
  { key: "district", label: "Huyện", note: "", cell: (s) => ({ v: s.district, style: "input" }) },
  { key: "province", label: "Tỉnh", note: "", cell: (s) => ({ v: s.province, style: "input" }) },
  { key: "year", name: NAMES.year, label: "Năm kế hoạch", note: "Thời hạn không ghi năm được hiểu là năm này", cell: (s) => ({ v: s.year, style: "input" }) },
  { key: "asOf", name: NAMES.asOf, label: "Tính đến ngày", note: "Trạng thái và báo cáo tính theo ngày này (có thể nhập =TODAY())", cell: (s) => ({ v: s.asOf, kind: "date", style: "inputDate" }) },
  { key: "cutoffStartDay", name: NAMES.cutoffStart, label: "Ngày bắt đầu kỳ số liệu", note: "Nghị định 09/2019/NĐ-CP, Điều 12: từ ngày 15 của tháng trước kỳ báo cáo", cell: (s) => ({ v: s.cutoffStartDay, style: "input" }) },
  { key: "cutoffEndDay", name: NAMES.cutoffEnd, label: "Ngày chốt số liệu", note: "… đến ngày 14 của tháng cuối kỳ báo cáo", cell: (s) => ({ v: s.cutoffEndDay, style: "input" }) },
  { key: "parFull", name: NAMES.parFull, label: "Chỉ số CCHC: tỷ lệ hoàn thành đạt điểm tối đa", note: "Theo quy định của tỉnh", cell: (s) => ({ v: s.parFull, style: "inputPercent" }) },
  { key: "parPartial", name: NAMES.parPartial, label: "Chỉ số CCHC: tỷ lệ tối thiểu được tính điểm", note: "Dưới mức này không được điểm", cell: (s) => ({ v: s.parPartial, style: "inputPercent" }) },
  { key: "parMaxPoints", name: NAMES.parPoints, label: "Chỉ số CCHC: điểm tối đa của tiêu chí", note: "", cell: (s) => ({ v: s.parMaxPoints, style: "input" }) },
  { key: "signer", label: "Người ký báo cáo", note: "TM. Ủy ban nhân dân – Chủ tịch", cell: (s) => ({ v: s.signer, style: "input" }) },
];

export function settingAddress(key: keyof Settings): string {
  const i = SETTING_ROWS.findIndex((r) => r.key === key);
  if (i < 0) throw new Error(`Unknown setting ${String(key)}`);
  return `B${FIRST_ROW + i}`;
}

/** Rows below the settings where later features add computed figures (completion rate, points). */
export const SETTINGS_EXTRA_ROW = FIRST_ROW + SETTING_ROWS.length + 1;

export function settingsSheet(settings: Settings, names: Record<string, string>): SheetLayout {
  const sheet = emptySheet(SETTINGS_SHEET, "settings");
  sheet.cells.A1 = { v: "CÀI ĐẶT", style: "title" };
  sheet.merges.push("A1:C1");
  sheet.cells.A2 = { v: "Mục", style: "header" };
  sheet.cells.B2 = { v: "Giá trị", style: "header" };
  sheet.cells.C2 = { v: "Ghi chú", style: "header" };
  SETTING_ROWS.forEach((row, i) => {
    const r = FIRST_ROW + i;
    sheet.cells[`A${r}`] = { v: row.label, style: "bold" };
    sheet.cells[`B${r}`] = row.cell(settings);
    sheet.cells[`C${r}`] = { v: row.note, style: "note" };
    if (row.name) names[row.name] = sheetRef(SETTINGS_SHEET, `$B$${r}`);
  });
  sheet.widths = { A: 44, B: 26, C: 60 };
  sheet.print = { orientation: "portrait", fitToWidth: true, pageNumbers: false };
  return sheet;
}
