/** "Lưu trữ": activities a re-import removed, with what had been entered for them. Never deleted. */
import type { Activity } from "../core/plan";
import { formatViDate } from "../core/dates";
import type { ActivityProgress } from "./model";
import { emptySheet, type Cell, type SheetLayout } from "./types";

export const ARCHIVE_SHEET = "Lưu trữ";
export const ARCHIVE_TABLE = "LuuTru";

export const ARCHIVE_COLUMNS = [
  { key: "archivedOn", header: "Ngày lưu trữ", width: 12, style: "text" },
  { key: "reason", header: "Lý do", width: 30, style: "wrap" },
  { key: "id", header: "Mã", width: 11, style: "text" },
  { key: "group", header: "Nhóm", width: 7, style: "text" },
  { key: "activityNo", header: "TT hoạt động", width: 8, style: "text" },
  { key: "objective", header: "Mục tiêu/Chỉ tiêu/nội dung", width: 30, style: "wrap" },
  { key: "task", header: "Nhiệm vụ", width: 30, style: "wrap" },
  { key: "activity", header: "Hoạt động", width: 34, style: "wrap" },
  { key: "output", header: "Kết quả, sản phẩm", width: 20, style: "wrap" },
  { key: "lead", header: "Chủ trì", width: 16, style: "wrap" },
  { key: "deadline", header: "Thời gian hoàn thành", width: 16, style: "wrap" },
  { key: "completedOn", header: "Ngày hoàn thành", width: 12, style: "text" },
  { key: "evidence", header: "Tài liệu kiểm chứng", width: 22, style: "wrap" },
  { key: "note", header: "Ghi chú", width: 22, style: "wrap" },
] as const;

export interface ArchivedActivity {
  activity: Activity;
  progress?: ActivityProgress;
}

/** Earlier archive rows (as read back, header excluded) come first; the new ones follow. */
export function archiveSheet(previous: string[][], added: ArchivedActivity[], archivedOn: string, reason: string): SheetLayout {
  const sheet = emptySheet(ARCHIVE_SHEET, "archive");
  sheet.cells.A1 = { v: "HOẠT ĐỘNG ĐÃ BỎ KHỎI KẾ HOẠCH (LƯU TRỮ)", style: "title" };
  sheet.cells.A2 = { v: "Các hoạt động không còn trong phụ lục mới nhập, cùng tiến độ đã ghi. Tiện ích không bao giờ xóa các dòng này.", style: "note" };
  sheet.merges.push("A1:N1", "A2:N2");
  const fresh: Cell[][] = added.map(({ activity: a, progress: p }) => [
    { v: formatViDate(archivedOn) }, { v: reason }, { v: a.id }, { v: a.group }, { v: a.activityNo }, { v: a.objective }, { v: a.task },
    { v: a.activity }, { v: a.output }, { v: a.lead }, { v: a.deadline }, { v: formatViDate(p?.completedOn ?? null) }, { v: p?.evidence ?? "" }, { v: p?.note ?? "" },
  ]);
  sheet.tables.push({
    name: ARCHIVE_TABLE,
    origin: "A3",
    columns: ARCHIVE_COLUMNS.map((c) => ({ ...c })),
    rows: [...previous.map((row) => ARCHIVE_COLUMNS.map((_, i) => ({ v: row[i] ?? "" }) as Cell)), ...fresh],
    style: "TableStyleLight1",
  });
  sheet.freeze = { rows: 3, columns: 0 };
  sheet.print = { orientation: "landscape", fitToWidth: true, titleRows: "$3:$3", pageNumbers: true };
  return sheet;
}
