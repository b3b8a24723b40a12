/**
 * "Thông tin kế hoạch": what the plan says about itself outside its table — its title, the decision
 * that issued it, and the titles of its groups (I, II, VII.A …; A, A.I … in two-level plans) — kept
 * on the Cài đặt sheet below everything else there, where an official can see and correct it. The
 * reader (readBack.ts) finds it by its labels and the group table by its headers, so rows may move;
 * rebuilds write back what was read, so a correction made here survives them.
 */
import type { Plan } from "../core/plan";
import { heightForLines, linesFor } from "./rowHeights";
import type { Cell, SheetLayout } from "./types";

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

/**
 * Writes the block in columns A–C from `firstRow` (1-based) down, with row heights for its wrapped
 * text from the sheet's column widths.
 */
export function addPlanInfo(sheet: SheetLayout, plan: Pick<Plan, "title" | "decision" | "groups">, firstRow: number): void {
  const heights = (sheet.rowHeights ??= {});
  const row = (r: number, cells: Cell[]) => {
    let lines = 1;
    cells.forEach((cell, i) => {
      const col = "ABC"[i];
      sheet.cells[`${col}${r}`] = cell;
      if (typeof cell.v === "string" && cell.style !== "header") lines = Math.max(lines, linesFor(cell.v, sheet.widths?.[col] ?? 10));
    });
    if (lines > 1) heights[r - 1] = heightForLines(lines);
  };
  const header = (a: string, b: string): Cell[] => [{ v: a, style: "header" }, { v: b, style: "header" }, { v: "Ghi chú", style: "header" }];
  const value = (label: string, v: Cell, note: string): Cell[] => [{ v: label, style: "bold" }, v, { v: note, style: "note" }];
  const d = plan.decision;
  let r = firstRow;
  row(r++, header(PLAN_INFO_HEADING, "Giá trị"));
  row(r++, value(PLAN_INFO_LABELS.title, { v: plan.title, style: "input" }, "In ở đầu sheet Kế hoạch và trong báo cáo"));
  row(r++, value(PLAN_INFO_LABELS.decisionNumber, { v: d?.number ?? "", style: "input" }, "Ví dụ 03/QĐ-UBND; báo cáo ghi “Thực hiện Quyết định số …”"));
  row(r++, value(PLAN_INFO_LABELS.decisionDate, { v: d?.date || null, kind: "date", style: "inputDate" }, "dd/mm/yyyy"));
  row(r++, value(PLAN_INFO_LABELS.decisionSigner, { v: d?.signer ?? "", style: "input" }, ""));
  r++;
  row(r++, header(GROUP_COLUMNS[0].header, GROUP_COLUMNS[1].header));
  for (const g of plan.groups) {
    const parent = g.id.includes(".") ? g.id.slice(0, g.id.lastIndexOf(".")) : "";
    row(r++, [{ v: g.id, style: "center" }, { v: g.title, style: "input" }, { v: parent ? `Thuộc nhóm ${parent}` : "", style: "note" }]);
  }
}
