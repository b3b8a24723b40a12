/** The "Kế hoạch" sheet: one table row per activity, with parsed deadlines and live statuses. */
import { parseDeadline, type Deadline } from "../core/deadline";
import { computeStatus, STATUS_LABELS } from "../core/status";
import { statusFromLog } from "../core/activityStatus";
import { excelSerialFromIso, formatViDate } from "../core/dates";
import type { Activity } from "../core/plan";
import { columnLetter } from "./address";
import { NAMES } from "./names";
import { PLAN_COLUMNS, PLAN_HEADER_ROW, PLAN_SHEET, PLAN_TABLE, planColumnIndex, type PlanColumnKey } from "./planColumns";
import { emptySheet, type Cell, type SheetLayout } from "./types";
import type { ActivityProgress, WorkbookModel } from "./model";

export const DEADLINE_KIND_LABELS: Record<Deadline["kind"], string> = {
  date: "Ngày cụ thể",
  range: "Khoảng thời gian",
  recurring: "Thường xuyên, định kỳ",
  event: "Theo sự kiện",
  external: "Theo cơ quan khác",
  duration: "Thời gian thực hiện, không phải hạn",
  invalid: "Không hợp lệ",
  missing: "Chưa có",
};

const col = (key: PlanColumnKey) => columnLetter(planColumnIndex(key));

/** The first data row of the plan table, 1-based as Excel numbers it. */
export const PLAN_FIRST_ROW = PLAN_HEADER_ROW + 2;

export function planRange(key: PlanColumnKey, activityCount: number, absolute = true): string {
  const c = col(key);
  const last = PLAN_FIRST_ROW + Math.max(activityCount, 1) - 1;
  return absolute ? `'${PLAN_SHEET}'!$${c}$${PLAN_FIRST_ROW}:$${c}$${last}` : `${c}${PLAN_FIRST_ROW}:${c}${last}`;
}

function dateCell(iso: string | null | undefined, style: Cell["style"] = "date"): Cell {
  return iso ? { v: iso, kind: "date", style } : { v: null, style };
}

/** Computes one activity's derived fields exactly as the formulas will (with the log's state when trackedModel derived it). */
export function deriveActivity(a: Activity, progress: ActivityProgress, year: number, asOf: string) {
  const deadline = parseDeadline(a.deadline, year, progress.userDeadline ?? null, { overrideDated: true });
  const completedOn = progress.completedOn ?? null;
  const status = progress.logState ? statusFromLog(deadline, completedOn, asOf, progress.logState) : computeStatus(deadline, completedOn, asOf);
  return { deadline, status };
}

function activityRow(a: Activity, r: number, model: WorkbookModel): Cell[] {
  const progress = model.progress[a.id] ?? {};
  const { deadline, status } = deriveActivity(a, progress, model.settings.year, model.settings.asOf);
  const R = r;
  const user = `${col("userDeadline")}${R}`;
  const text = `${col("deadline")}${R}`;
  const serial = (iso: string | null) => (iso ? String(excelSerialFromIso(iso)) : '""');
  const bound = (which: "start" | "end", iso: string | null) =>
    model.mode === "custom"
      ? `IF(${user}<>"",${user},IFERROR(CCHC.DEADLINE(${text},"${which}",${NAMES.year}),""))`
      : `IF(${user}<>"",${user},${serial(iso)})`;
  const s = `${col("deadlineStart")}${R}`;
  const e = `${col("deadlineEnd")}${R}`;
  const k = `${col("deadlineKind")}${R}`;
  const done = `${col("completedOn")}${R}`;
  const L = STATUS_LABELS;
  const statusFormula =
    model.mode === "custom"
      ? `CCHC.STATUS(IF(${user}<>"",${user},${text}),${done},${NAMES.asOf},${NAMES.year})`
      : // computeStatus's rules, in its order: done; overdue (dated, not recurring); not started; recurring; in progress
        `IF(AND(${done}<>"",${done}<=${NAMES.asOf}),IF(OR(${e}="",${done}<=${e}),"${L["done-on-time"].vi}","${L["done-late"].vi}"),` +
        `IF(AND(${k}<>"${DEADLINE_KIND_LABELS.recurring}",${e}<>"",${e}<${NAMES.asOf}),"${L.overdue.vi}",` +
        `IF(AND(${s}<>"",${s}>${NAMES.asOf}),"${L["not-due"].vi}",` +
        `IF(${k}="${DEADLINE_KIND_LABELS.recurring}","${L.recurring.vi}","${L["in-progress"].vi}"))))`;
  const cells: Record<PlanColumnKey, Cell> = {
    id: { v: a.id },
    group: { v: a.group },
    objectiveNo: { v: a.objectiveNo },
    objective: { v: a.objective },
    taskNo: { v: a.taskNo },
    task: { v: a.task },
    activityNo: { v: a.activityNo },
    activity: { v: a.activity },
    output: { v: a.output },
    lead: { v: a.lead },
    partners: { v: a.partners },
    deadline: { v: a.deadline },
    userDeadline: dateCell(progress.userDeadline, "inputDate"),
    deadlineKind: { v: DEADLINE_KIND_LABELS[deadline.kind] },
    deadlineStart: { f: bound("start", deadline.start), v: deadline.start, kind: "date" },
    deadlineEnd: { f: bound("end", deadline.end), v: deadline.end, kind: "date" },
    budget: { v: a.budget },
    status: { f: statusFormula, v: L[status].vi },
    completedOn: dateCell(progress.completedOn, "inputDate"),
    evidence: { v: progress.evidence ?? "" },
    note: { v: progress.note ?? "" },
  };
  return PLAN_COLUMNS.map((c) => cells[c.key]);
}

export function planSheet(model: WorkbookModel): SheetLayout {
  const { plan } = model;
  const sheet = emptySheet(PLAN_SHEET, "plan");
  const lastCol = columnLetter(PLAN_COLUMNS.length - 1);
  sheet.cells.A1 = { v: `${plan.title || `Kế hoạch cải cách hành chính năm ${plan.year}`}`.toUpperCase(), style: "title" };
  sheet.cells.A2 = {
    v: plan.decision
      ? `Ban hành kèm theo Quyết định số ${plan.decision.number} ngày ${formatViDate(plan.decision.date)} của ${plan.unit}`
      : plan.unit,
    style: "subtitle",
  };
  sheet.cells.A3 = {
    v: "Cột nền vàng do người dùng nhập (hạn cụ thể cho việc phụ thuộc sự kiện, ngày hoàn thành, tài liệu kiểm chứng, ghi chú). Trạng thái tính theo ngày trong Cài đặt.",
    style: "note",
  };
  sheet.merges.push(`A1:${lastCol}1`, `A2:${lastCol}2`, `A3:${lastCol}3`);
  sheet.rowHeights = { 0: 36, 2: 30 };
  sheet.tables.push({
    name: PLAN_TABLE,
    origin: `A${PLAN_HEADER_ROW + 1}`,
    columns: PLAN_COLUMNS.map((c) => ({ ...c })),
    rows: plan.activities.map((a, i) => activityRow(a, PLAN_FIRST_ROW + i, model)),
    style: "TableStyleMedium2",
  });
  sheet.freeze = { rows: PLAN_HEADER_ROW + 1, columns: 1 };
  sheet.print = { orientation: "landscape", fitToWidth: true, titleRows: `$${PLAN_HEADER_ROW + 1}:$${PLAN_HEADER_ROW + 1}`, pageNumbers: true };
  sheet.tabColor = "#0F6CBD";
  return sheet;
}
