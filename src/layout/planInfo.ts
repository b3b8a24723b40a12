/**
 * "Thông tin kế hoạch": what the plan says about itself outside its table — its title, the decision
 * that issued it, and the titles of its groups (I, II, VII.A …; A, A.I … in two-level plans) — kept
 * on the Cài đặt sheet below everything else there, where an official can see and correct it. The
 * reader (readBack.ts) finds it by its labels and the group table by its headers, so rows may move;
 * rebuilds write back what was read, so a correction made here survives them.
 */
import { linesFor } from "./rowHeights";
import type { Plan } from "../core/plan";
import type { SheetLayout } from "./types";

export const PLAN_INFO_HEADING = "Thông tin kế hoạch";

/** Column A labels of the plan's own values (column B); the issuing body is the "Cơ quan ban hành" setting. */
export const PLAN_INFO_LABELS = {
  title: "Tên kế hoạch",
  decisionNumber: "Số quyết định ban hành kế hoạch",
  decisionDate: "Ngày ban hành quyết định",
  decisionSigner: "Người ký quyết định",
} as const;

export type PlanInfoKey = keyof typeof PLAN_INFO_LABELS;

export const GROUP_COLUMNS = [
  { key: "id", header: "Mã nhóm" },
  { key: "title", header: "Tên nhóm" },
] as const;

/** Widths of columns A–C of the Cài đặt sheet, for the row heights of wrapped text. */
const WIDTHS = [44, 26, 60];
const LINE_HEIGHT = 15.5;

/** Writes the block from `firstRow` (1-based) down; returns the row after it. */
export function addPlanInfo(sheet: SheetLayout, plan: Pick<Plan, "title" | "decision" | "groups">, firstRow: number): number {
  const heights = (sheet.rowHeights ??= {});
  const row = (r: number, cells: Array<{ v: string | null; style: "header" | "bold" | "input" | "inputDate" | "note" | "center"; kind?: "date" }>) => {
    let lines = 1;
    cells.forEach((c, i) => {
      sheet.cells[`${"ABC"[i]}${r}`] = { v: c.v, style: c.style, ...(c.kind ? { kind: c.kind } : {}) };
      if (typeof c.v === "string" && c.style !== "header") lines = Math.max(lines, linesFor(c.v, WIDTHS[i]));
    });
    if (lines > 1) heights[r - 1] = lines * LINE_HEIGHT;
  };
  const d = plan.decision;
  let r = firstRow;
  row(r++, [{ v: PLAN_INFO_HEADING, style: "header" }, { v: "Giá trị", style: "header" }, { v: "Ghi chú", style: "header" }]);
  row(r++, [{ v: PLAN_INFO_LABELS.title, style: "bold" }, { v: plan.title, style: "input" }, { v: "In ở đầu sheet Kế hoạch và trong báo cáo", style: "note" }]);
  row(r++, [{ v: PLAN_INFO_LABELS.decisionNumber, style: "bold" }, { v: d?.number ?? "", style: "input" }, { v: "Ví dụ 03/QĐ-UBND; báo cáo ghi “Thực hiện Quyết định số …”", style: "note" }]);
  row(r++, [{ v: PLAN_INFO_LABELS.decisionDate, style: "bold" }, { v: d?.date || null, style: "inputDate", kind: "date" }, { v: "dd/mm/yyyy", style: "note" }]);
  row(r++, [{ v: PLAN_INFO_LABELS.decisionSigner, style: "bold" }, { v: d?.signer ?? "", style: "input" }, { v: "", style: "note" }]);
  r++;
  row(r++, [{ v: GROUP_COLUMNS[0].header, style: "header" }, { v: GROUP_COLUMNS[1].header, style: "header" }, { v: "Ghi chú", style: "header" }]);
  for (const g of plan.groups) {
    const parent = g.id.includes(".") ? g.id.slice(0, g.id.lastIndexOf(".")) : "";
    row(r++, [{ v: g.id, style: "center" }, { v: g.title, style: "input" }, { v: parent ? `Thuộc nhóm ${parent}` : "", style: "note" }]);
  }
  return r;
}
