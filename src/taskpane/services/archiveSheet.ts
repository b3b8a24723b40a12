/**
 * The "Lưu trữ" sheet: activities a re-import removed from the plan, kept (never silently
 * deleted) with the date they left. Rows archived earlier are carried over on every re-import.
 */
import type { Activity } from "../../core/plan";
import { emptySheet, type Cell, type SheetLayout } from "../../layout/types";

export const ARCHIVE_SHEET = "Lưu trữ";
export const ARCHIVE_TABLE = "LuuTru";

export const ARCHIVE_COLUMNS = [
  { key: "archivedOn", header: "Ngày đưa vào lưu trữ", width: 12, style: "date" },
  { key: "id", header: "Mã", width: 11, style: "text" },
  { key: "group", header: "Nhóm", width: 7, style: "center" },
  { key: "activityNo", header: "TT hoạt động", width: 8, style: "text" },
  { key: "objective", header: "Mục tiêu/Chỉ tiêu/nội dung", width: 30, style: "wrap" },
  { key: "task", header: "Nhiệm vụ", width: 30, style: "wrap" },
  { key: "activity", header: "Hoạt động", width: 34, style: "wrap" },
  { key: "lead", header: "Chủ trì", width: 16, style: "wrap" },
  { key: "deadline", header: "Thời gian hoàn thành", width: 16, style: "wrap" },
] as const;

type Key = (typeof ARCHIVE_COLUMNS)[number]["key"];

function text(v: unknown): string {
  return v === null || v === undefined ? "" : String(v);
}

export function archiveSheet(removed: Activity[], previous: Array<Record<string, unknown>>, today: string): SheetLayout {
  const sheet = emptySheet(ARCHIVE_SHEET, "archive");
  sheet.cells.A1 = { v: "HOẠT ĐỘNG ĐÃ BỎ KHỎI KẾ HOẠCH (LƯU TRỮ)", style: "title" };
  sheet.cells.A2 = { v: "Khi nhập lại kế hoạch, hoạt động không còn trong văn bản mới được chuyển sang đây, không bị xóa. Nhật ký tiến độ của chúng vẫn giữ nguyên.", style: "note" };
  sheet.merges.push("A1:I1", "A2:I2");
  sheet.rowHeights = { 1: 30 };
  const row = (r: Record<Key, unknown>): Cell[] =>
    ARCHIVE_COLUMNS.map((c) => (c.key === "archivedOn" ? (r.archivedOn ? { v: text(r.archivedOn), kind: "date" as const } : { v: null }) : { v: text(r[c.key]) }));
  const seen = new Set<string>();
  const rows: Cell[][] = [];
  for (const p of previous) {
    const id = text(p.id);
    if (!id || seen.has(id)) continue;
    seen.add(id);
    rows.push(row(p as Record<Key, unknown>));
  }
  for (const a of removed) {
    if (seen.has(a.id)) continue;
    seen.add(a.id);
    rows.push(row({ archivedOn: today, id: a.id, group: a.group, activityNo: a.activityNo, objective: a.objective, task: a.task, activity: a.activity, lead: a.lead, deadline: a.deadline }));
  }
  sheet.tables.push({ name: ARCHIVE_TABLE, origin: "A3", columns: ARCHIVE_COLUMNS.map((c) => ({ ...c })), rows, style: "TableStyleLight1" });
  sheet.freeze = { rows: 3, columns: 0 };
  sheet.print = { orientation: "landscape", fitToWidth: true, titleRows: "$3:$3", pageNumbers: true };
  return sheet;
}
