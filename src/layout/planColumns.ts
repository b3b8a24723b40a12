/**
 * The columns of the "Kế hoạch" table. Code finds a column by `key`; the header is what people
 * read. The reader maps headers back to keys, so a user may reorder columns.
 */
import type { ColumnLayout } from "./types";

export const PLAN_SHEET = "Kế hoạch";
export const PLAN_TABLE = "KeHoach";
export const PLAN_HEADER_ROW = 3; // 0-based: rows 1–3 hold the title

export const PLAN_COLUMNS = [
  { key: "id", header: "Mã", width: 11, style: "text" },
  { key: "group", header: "Nhóm", width: 7, style: "center" },
  { key: "objectiveNo", header: "TT mục tiêu", width: 7, style: "text" },
  { key: "objective", header: "Mục tiêu/Chỉ tiêu/nội dung", width: 32, style: "wrap" },
  { key: "taskNo", header: "TT nhiệm vụ", width: 7, style: "text" },
  { key: "task", header: "Nhiệm vụ", width: 30, style: "wrap" },
  { key: "activityNo", header: "TT hoạt động", width: 7, style: "text" },
  { key: "activity", header: "Hoạt động", width: 34, style: "wrap" },
  { key: "output", header: "Kết quả, sản phẩm", width: 20, style: "wrap" },
  { key: "lead", header: "Chủ trì", width: 16, style: "wrap" },
  { key: "partners", header: "Phối hợp", width: 18, style: "wrap" },
  { key: "deadline", header: "Thời gian hoàn thành", width: 16, style: "wrap" },
  { key: "userDeadline", header: "Hạn do người dùng nhập", width: 12, style: "inputDate" },
  { key: "deadlineKind", header: "Loại thời hạn", width: 13, style: "wrap" },
  { key: "deadlineStart", header: "Hạn từ ngày", width: 11, style: "date" },
  { key: "deadlineEnd", header: "Hạn đến ngày", width: 11, style: "date" },
  { key: "budget", header: "Kinh phí", width: 14, style: "wrap" },
  { key: "status", header: "Trạng thái", width: 16, style: "wrap" },
  { key: "completedOn", header: "Ngày hoàn thành", width: 12, style: "inputDate" },
  { key: "evidence", header: "Tài liệu kiểm chứng", width: 22, style: "input" },
  { key: "note", header: "Ghi chú", width: 22, style: "input" },
] as const satisfies readonly ColumnLayout[];

export type PlanColumnKey = (typeof PLAN_COLUMNS)[number]["key"];


export function planColumnIndex(key: PlanColumnKey): number {
  return PLAN_COLUMNS.findIndex((c) => c.key === key);
}
