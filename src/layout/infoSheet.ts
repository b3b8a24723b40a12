/**
 * The "Thông tin" sheet of a file sent to the level above (the receiver setting: the district
 * before 1/7/2025, the province since): who reports, to whom, which period, the cut-off dates, when
 * the file was exported, and the fingerprint (SHA-256 of the report data, stored below as
 * canonical JSON) the receiver uses to detect a file edited after export.
 */
import { emptySheet, type SheetLayout } from "./types";

export const INFO_SHEET = "Thông tin";
export const INFO_TITLE = "THÔNG TIN TỆP BÁO CÁO GỬI CẤP TRÊN";
/** Label of the fingerprint row (the reader finds rows by label). */
export const INFO_FINGERPRINT_LABEL = "Dấu kiểm tra (SHA-256)";
/** Heading above the machine-readable data; the data follow in column A, one chunk per row. */
export const INFO_DATA_LABEL = "DỮ LIỆU KIỂM TRA (máy đọc, không sửa)";
/** Longest text per cell (Excel allows 32,767 characters). */
export const INFO_CHUNK = 8000;

export interface InfoSheetInput {
  rows: Array<[label: string, value: string]>;
  fingerprint: string;
  /** The canonical JSON the fingerprint covers. */
  data: string;
}

export function infoSheet(input: InfoSheetInput): SheetLayout {
  const sheet = emptySheet(INFO_SHEET, "info");
  sheet.cells.A1 = { v: INFO_TITLE, style: "title" };
  sheet.merges.push("A1:B1");
  let r = 3;
  for (const [label, value] of input.rows) {
    sheet.cells[`A${r}`] = { v: label, style: "bold" };
    sheet.cells[`B${r}`] = { v: value, style: "wrap" };
    r++;
  }
  sheet.cells[`A${r}`] = { v: INFO_FINGERPRINT_LABEL, style: "bold" };
  sheet.cells[`B${r}`] = { v: input.fingerprint, style: "text" };
  r++;
  sheet.cells[`A${r}`] = {
    v: "Dấu kiểm tra là mã SHA-256 của số liệu báo cáo (phần dữ liệu dưới đây). Khi tổng hợp, cấp trên tính lại mã này và đối chiếu với các ô số liệu: tệp bị sửa sau khi xuất sẽ bị phát hiện và không được cộng vào số liệu chung.",
    style: "note",
  };
  sheet.merges.push(`A${r}:B${r}`);
  sheet.rowHeights = { [r - 1]: 48 };
  r += 2;
  sheet.cells[`A${r}`] = { v: INFO_DATA_LABEL, style: "bold" };
  r++;
  for (let i = 0; i < input.data.length; i += INFO_CHUNK) {
    sheet.cells[`A${r}`] = { v: input.data.slice(i, i + INFO_CHUNK), style: "hidden", kind: "text" };
    r++;
  }
  sheet.widths = { A: 34, B: 90 };
  sheet.print = { orientation: "portrait", fitToWidth: true, pageNumbers: false };
  return sheet;
}
