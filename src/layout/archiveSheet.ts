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

type ArchiveKey = (typeof ARCHIVE_COLUMNS)[number]["key"];
const text = (v: unknown) => (v === null || v === undefined ? "" : String(v));

/**
 * Earlier archive rows (read back by column key) come first, then the newly removed activities;
 * an activity archived twice keeps its first row.
 */
export function archiveSheet(previous: Array<Partial<Record<ArchiveKey, unknown>>>, added: ArchivedActivity[], archivedOn: string, reason: string): SheetLayout {
  const sheet = emptySheet(ARCHIVE_SHEET, "archive");
  sheet.cells.A1 = { v: "HOẠT ĐỘNG ĐÃ BỎ KHỎI KẾ HOẠCH (LƯU TRỮ)", style: "title" };
  sheet.cells.A2 = { v: "Khi nhập lại kế hoạch, hoạt động không còn trong văn bản mới được chuyển sang đây cùng tiến độ đã ghi; tiện ích không bao giờ xóa các dòng này. Nhật ký tiến độ của chúng vẫn giữ nguyên.", style: "note" };
  sheet.merges.push("A1:N1", "A2:N2");
  sheet.rowHeights = { 1: 30 };
  const seen = new Set<string>();
  const rows: Cell[][] = [];
  const push = (r: Partial<Record<ArchiveKey, unknown>>) => {
    const id = text(r.id);
    if (!id || seen.has(id)) return;
    seen.add(id);
    rows.push(ARCHIVE_COLUMNS.map((c) => ({ v: text(r[c.key]) })));
  };
  previous.forEach(push);
  for (const { activity: a, progress: p } of added) {
    push({
      archivedOn: formatViDate(archivedOn), reason, id: a.id, group: a.group, activityNo: a.activityNo, objective: a.objective, task: a.task,
      activity: a.activity, output: a.output, lead: a.lead, deadline: a.deadline, completedOn: formatViDate(p?.completedOn ?? null), evidence: p?.evidence ?? "", note: p?.note ?? "",
    });
  }
  sheet.tables.push({ name: ARCHIVE_TABLE, origin: "A3", columns: ARCHIVE_COLUMNS.map((c) => ({ ...c })), rows, style: "TableStyleLight1" });
  sheet.freeze = { rows: 3, columns: 0 };
  sheet.print = { orientation: "landscape", fitToWidth: true, titleRows: "$3:$3", pageNumbers: true };
  return sheet;
}

