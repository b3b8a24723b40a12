/**
 * The "Kiểm tra" sheet: one row per finding, linked to the cell it is about, and the plan sheet's
 * checks: data validation on Chủ trì from the units directory (warning style, so an unusual owner
 * can still be typed) and conditional formats that mark the cells a finding points at.
 */
import { formatViDate } from "../core/dates";
import { RULES, type Finding, type Severity } from "../core/validate/rules";
import type { Activity } from "../core/plan";
import { columnLetter, sheetRef, span } from "./address";
import { PLAN_COLUMNS, PLAN_SHEET, planColumnIndex, type PlanColumnKey } from "./planColumns";
import { PLAN_FIRST_ROW } from "./planSheet";
import { UNITS_FIRST_ROW, UNITS_SHEET } from "./unitsSheet";
import { emptySheet, type Cell, type SheetLayout } from "./types";

export const CHECKS_SHEET = "Kiểm tra";
export const CHECKS_TABLE = "KiemTra";
/** Hidden key column "activityId|column" that the plan sheet's conditional formats look up. */
export const FINDING_KEYS_NAME = "CCHC_FINDING_KEYS";

export const SEVERITY_LABELS: Record<Severity, string> = { error: "Lỗi", warning: "Cảnh báo", info: "Lưu ý" };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The plan-sheet cell a finding is about, e.g. "'Kế hoạch'!J7", or "" for plan-wide findings. */
export function findingCell(f: Finding, rowOf: ReadonlyMap<string, number>, planSheet = PLAN_SHEET): string {
  const row = rowOf.get(f.activityId);
  if (row === undefined) return "";
  const key = (PLAN_COLUMNS.some((c) => c.key === f.column) ? f.column : "activity") as PlanColumnKey;
  return sheetRef(planSheet, `${columnLetter(planColumnIndex(key))}${row}`);
}

export function sortFindings(findings: Finding[], order: Map<string, number>): Finding[] {
  return [...findings].sort((a, b) =>
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.code.localeCompare(b.code) || (order.get(a.activityId) ?? -1) - (order.get(b.activityId) ?? -1));
}

/** The findings as of `asOf` (the settings' date the rules were run with), linked to their cells. */
export function checksSheet(findings: Finding[], activities: Activity[], names: Record<string, string>, asOf: string): SheetLayout {
  const sheet = emptySheet(CHECKS_SHEET, "checks");
  const rowOf = new Map(activities.map((a, i) => [a.id, PLAN_FIRST_ROW + i]));
  const order = new Map(activities.map((a, i) => [a.id, i]));
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  sheet.cells.A1 = { v: "KẾT QUẢ KIỂM TRA KẾ HOẠCH", style: "title" };
  sheet.cells.A2 = {
    v: `Kiểm tra tính đến ngày ${formatViDate(asOf)}: ${counts.error} lỗi, ${counts.warning} cảnh báo, ${counts.info} lưu ý. Bấm vào ô "Vị trí" để đến ô cần sửa; sửa xong bấm "Kiểm tra lại" trong ngăn tác vụ.`,
    style: "note",
  };
  sheet.merges.push("A1:H1", "A2:H2");
  sheet.rowHeights = { 1: 30 };
  const first = 4;
  const rows: Cell[][] = sortFindings(findings, order).map((f) => {
    const cell = findingCell(f, rowOf);
    return [
      { v: SEVERITY_LABELS[f.severity] },
      { v: f.code },
      { v: RULES[f.code]?.vi ?? f.code },
      { v: f.activityId },
      cell ? { v: cell.replace(/^.*!/, `${PLAN_SHEET}!`), link: cell, style: "link" } : { v: "" },
      { v: f.message },
      { v: f.suggestion },
      { v: `${f.activityId}|${f.column}` },
    ];
  });
  sheet.tables.push({
    name: CHECKS_TABLE,
    origin: "A3",
    columns: [
      { key: "severity", header: "Mức độ", width: 10, style: "text" },
      { key: "code", header: "Mã lỗi", width: 20, style: "text" },
      { key: "rule", header: "Quy tắc", width: 30, style: "wrap" },
      { key: "activityId", header: "Mã hoạt động", width: 12, style: "text" },
      { key: "cell", header: "Vị trí", width: 14, style: "link" },
      { key: "message", header: "Nội dung", width: 60, style: "wrap" },
      { key: "suggestion", header: "Gợi ý sửa", width: 40, style: "wrap" },
      { key: "key", header: "Khóa", width: 4, style: "hidden", hidden: true },
    ],
    rows,
    style: "TableStyleLight9",
  });
  const last = first + Math.max(rows.length, 1) - 1;
  names[FINDING_KEYS_NAME] = `'${CHECKS_SHEET}'!${span(`$H$${first}`, `$H$${last}`)}`;
  sheet.conditionalFormats.push(
    { range: span(`A${first}`, `A${last}`), formula: `$A${first}="${SEVERITY_LABELS.error}"`, fill: "#F8D7DA", fontColor: "#9C0006" },
    { range: span(`A${first}`, `A${last}`), formula: `$A${first}="${SEVERITY_LABELS.warning}"`, fill: "#FFF3CD", fontColor: "#7F6000" },
  );
  sheet.freeze = { rows: 3, columns: 0 };
  sheet.print = { orientation: "landscape", fitToWidth: true, titleRows: "$3:$3", pageNumbers: true };
  return sheet;
}

/** Checks the plan sheet carries: owner list validation and marks on cells with findings. */
export function addPlanChecks(plan: SheetLayout, activityCount: number, unitCount: number): void {
  const last = PLAN_FIRST_ROW + Math.max(activityCount, 1) - 1;
  const lead = columnLetter(planColumnIndex("lead"));
  const id = columnLetter(planColumnIndex("id"));
  plan.validations.push({
    range: `${lead}${PLAN_FIRST_ROW}:${lead}${last}`,
    type: "list",
    source: `'${UNITS_SHEET}'!$A$${UNITS_FIRST_ROW}:$A$${UNITS_FIRST_ROW + Math.max(unitCount, 1) - 1}`,
    errorStyle: "warning",
    errorTitle: "Đơn vị chưa có trong danh mục",
    errorMessage: "Đơn vị này chưa có trong trang Đơn vị. Vẫn ghi? (Có thể thêm đơn vị vào trang Đơn vị.)",
    prompt: "Chọn đơn vị chủ trì trong danh mục, hoặc gõ tên khác",
  });
  for (const key of ["lead", "deadline", "output", "partners"] as PlanColumnKey[]) {
    const c = columnLetter(planColumnIndex(key));
    plan.conditionalFormats.push({
      range: `${c}${PLAN_FIRST_ROW}:${c}${last}`,
      formula: `COUNTIF(${FINDING_KEYS_NAME},$${id}${PLAN_FIRST_ROW}&"|${key}")>0`,
      fill: "#FCE4D6",
      fontColor: "#9C0006",
    });
  }
}
