/**
 * A periodic report sheet ("BC Quý II-2024", "BC 6 tháng-2024", "BC Năm-2024",
 * "BC đột xuất 0103-1504-2024"), laid out as a Vietnamese administrative report (Nghị định
 * 30/2020/NĐ-CP): issuing body top left, national motto top right, number and date line, title
 * with the period and its cut-off dates, body (I. general results "x/y nhiệm vụ, đạt z%" for the
 * period and the year to date; II. by group with a chart; III. by lead unit; IV. indicators;
 * V. overdue and unfinished activities; VI. a free paragraph), "Nơi nhận" and the signature
 * block "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH".
 *
 * Live figures. Columns K… (hidden) hold the report's parameters (K1:L9: period token, data
 * window, as-of date, calendar span) and a working table, one row per activity of the plan
 * table, whose formulas evaluate each activity for THIS report's period and as-of date straight
 * from the plan and log tables (plain A1 ranges, no structured references, no CCHC.* call, no
 * MAXIFS and no array entry: Excel 2016, Excel 365 and LibreOffice compute them alike):
 *   Mã · Nhóm (top numeral) · Nhóm con · Chủ trì (canonical, written at build) · Dòng nhật ký
 *   (sheet row of the latest entry ≤ as-of: MOD(SUMPRODUCT(MAX(…)),10^7), see logSheet.ts) ·
 *   Ngày hoàn thành · Đến hạn trong kỳ (1/0) · Lũy kế (1/0) · Trạng thái · Cần đôn đốc (1/0) ·
 *   STT đôn đốc · Cập nhật gần nhất · Ghi chú.
 * The visible tables are COUNTIFS over that working table; the đôn đốc list finds its k-th
 * row with MATCH(k, STT, 0). Every formula cell caches the value core/report.ts computes, and
 * the tests have LibreOffice recalculate the workbook and compare.
 *
 * Because the statuses depend on the report's own as-of date (not the settings'), a past
 * period's report keeps its numbers when later entries are logged.
 *
 * `standalone: true` builds the same sheet with values only and no working columns: the
 * district export (src/export) uses it.
 */
import { excelSerialFromIso, formatViDate, parseIso } from "../core/dates";
import { periodContaining, type Period } from "../core/periods";
import { LogIndex, progressFromLog, trackedDeadline, entryDoneOn, type LogEntry } from "../core/progress";
import { buildReport, formatPercentVi, NO_LEAD, type IndicatorActual, type Report, type ReportCounts, type ReportIndicator } from "../core/report";
import { receiverOf } from "../core/settings";
import { STATUS_LABELS } from "../core/status";
import { listIndicators } from "../core/indicatorList";
import { UnitDirectory } from "../core/units";
import { logStateOf, reportingWindowStart } from "../core/activityStatus";
import { columnLetter, sheetRef } from "./address";
import { indicatorCellRefs, indicatorValues, MET_LABELS, type IndicatorPeriodKey, type ValueColumnKey } from "./indicatorsSheet";
import { LOG_DONE_LABEL, LOG_FIRST_ROW, latestEntryKeyFormula, linkPlanToLog, logRefs, logSheet, LOG_KEY_FACTOR } from "./logSheet";
import { buildWorkbook, type WorkbookOptions } from "./workbook";
import type { Finding } from "../core/validate/rules";
import type { WorkbookModel } from "./model";
import { PLAN_FIRST_ROW } from "./planSheet";
import { PLAN_SHEET, planColumnIndex, type PlanColumnKey } from "./planColumns";
import { emptySheet, type Cell, type ColumnLayout, type SheetLayout, type StyleKey, type TableLayout, type WorkbookLayout } from "./types";

/** Where the report's parameters sit (hidden column L); the reader uses them to rebuild a report. */
export const REPORT_PARAMS = {
  token: "L2", cutoffStart: "L3", cutoffEnd: "L4", asOf: "L5", calendarStart: "L6", calendarEnd: "L7", ytdDue: "L8", ytdDone: "L9",
} as const;
const PARAM_LABELS: Record<keyof typeof REPORT_PARAMS, string> = {
  token: "Mã kỳ", cutoffStart: "Số liệu từ ngày", cutoffEnd: "Số liệu đến ngày", asOf: "Tính đến ngày",
  calendarStart: "Kỳ (lịch) từ ngày", calendarEnd: "Kỳ (lịch) đến ngày", ytdDue: "Lũy kế: đến hạn", ytdDone: "Lũy kế: hoàn thành",
};
const abs = (a1: string) => a1.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
const P = Object.fromEntries(Object.entries(REPORT_PARAMS).map(([k, v]) => [k, abs(v)])) as Record<keyof typeof REPORT_PARAMS, string>;

const WORK_COL = 10; // K
const WORK_HEADER_ROW = 11;
const WORK_FIRST_ROW = WORK_HEADER_ROW + 1;

export const WORK_COLUMNS = [
  { key: "id", header: "Mã", width: 11, hidden: true },
  { key: "top", header: "Nhóm", width: 6, hidden: true },
  { key: "group", header: "Nhóm con", width: 7, hidden: true },
  { key: "lead", header: "Chủ trì (chuẩn hóa)", width: 18, hidden: true },
  { key: "logRow", header: "Dòng nhật ký", width: 8, hidden: true },
  { key: "doneOn", header: "Ngày hoàn thành (tính đến ngày báo cáo)", width: 11, hidden: true, style: "date" },
  { key: "due", header: "Đến hạn trong kỳ", width: 6, hidden: true },
  { key: "ytd", header: "Lũy kế", width: 6, hidden: true },
  { key: "status", header: "Trạng thái (tính đến ngày báo cáo)", width: 18, hidden: true },
  { key: "urge", header: "Cần đôn đốc", width: 6, hidden: true },
  { key: "urgeNo", header: "STT đôn đốc", width: 6, hidden: true },
  { key: "lastUpdate", header: "Cập nhật gần nhất", width: 11, hidden: true, style: "date" },
  { key: "note", header: "Ghi chú gần nhất", width: 20, hidden: true },
] as const satisfies readonly ColumnLayout[];
type WorkKey = (typeof WORK_COLUMNS)[number]["key"];
const workCol = (k: WorkKey) => columnLetter(WORK_COL + WORK_COLUMNS.findIndex((c) => c.key === k));

const COUNT_COLUMNS = [
  { key: "activities", header: "Số hoạt động", width: 11, style: "integer" },
  { key: "due", header: "Đến hạn trong kỳ", width: 13, style: "integer" },
  { key: "doneOnTime", header: "Hoàn thành đúng hạn", width: 12, style: "integer" },
  { key: "doneLate", header: "Hoàn thành quá hạn", width: 12, style: "integer" },
  { key: "inProgress", header: "Đang thực hiện", width: 12, style: "integer" },
  { key: "noReport", header: "Chưa có báo cáo", width: 12, style: "integer" },
  { key: "overdue", header: "Quá hạn chưa hoàn thành", width: 13, style: "integer" },
  { key: "completionRate", header: "Tỷ lệ hoàn thành", width: 16, style: "percent" },
] as const;
type CountKey = (typeof COUNT_COLUMNS)[number]["key"];

/** Visible columns A…I and their widths. */
export const REPORT_WIDTHS: Record<string, number> = { A: 6, B: 46, C: 11, D: 13, E: 12, F: 12, G: 12, H: 12, I: 13, J: 16 };
const LAST = "J";

/** Texts a person may edit on the sheet; the export and rebuilds read them back and keep them. */
export interface ReportFields {
  /** "Số:       /BC-UBND" */
  number?: string;
  /** "Hồng Lộc, ngày 14 tháng 6 năm 2024" */
  dateLine?: string;
  signer?: string;
  recipients?: string[];
  /** Section VI: directions and proposals, free text. */
  remarks?: string;
}

export interface ReportIndicatorInput {
  actuals: IndicatorActual[];
  /** Sheet-qualified references of each indicator's cells for the period, by id. */
  refs: Map<string, Partial<Record<"comparator" | "target" | "numerator" | "denominator" | "actual" | "attainment" | "met", string>>>;
}

export interface ReportSheetInput {
  model: WorkbookModel;
  log: readonly LogEntry[];
  period: Period;
  /** Default: the period's cut-off end. */
  asOf?: string | null;
  /** Already computed (must match the other inputs); computed when absent. */
  report?: Report;
  /** The indicators and where they sit; default: from the model's "Chỉ tiêu" sheet. */
  indicators?: ReportIndicatorInput;
  fields?: ReportFields;
  /** Values only, no working columns and no reference to other sheets (district export). */
  standalone?: boolean;
  /** The commune's unit directory (the "Đơn vị" sheet) for canonical lead names; default: the built-in one. */
  units?: UnitDirectory;
}

/** Addresses of what was laid out, for readers (export verification, rebuilds). */
export interface ReportSheetInfo {
  name: string;
  report: Report;
  fields: Required<ReportFields>;
  fieldCells: { number: string; dateLine: string; signer: string; remarks: string; recipients: string[] };
  /** 1-based rows. */
  groupRows: Record<string, number>;
  groupTotalRow: number;
  leadRows: number[];
  leadTotalRow: number;
  /** Column letters of the count columns in the group and lead tables. */
  countCols: Record<CountKey, string>;
  /** Key figures (address → value) the export fingerprints and the district verifies. */
  keyCells: Record<string, number | string | null>;
}

/** The period key of the "Chỉ tiêu" sheet for a report period (ad hoc: the quarter holding its end). */
export function indicatorPeriodKey(period: Period, model: WorkbookModel): IndicatorPeriodKey | null {
  if (period.kind !== "adhoc") return period.token.split("-")[0] as IndicatorPeriodKey;
  try {
    const q = periodContaining(period.cutoffEnd, "quarter", { startDay: model.settings.cutoffStartDay, endDay: model.settings.cutoffEndDay });
    return q ? (q.token.split("-")[0] as IndicatorPeriodKey) : null;
  } catch {
    return null;
  }
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/**
 * The indicators of the model's "Chỉ tiêu" sheet for a period: their cached figures and cell
 * references. The report lists the plan body's indicators, plus any appendix objective that has
 * figures for the period (rows are fixed when the sheet is built: rebuild to add one); a plan
 * with no body indicators (an imported appendix) lists every appendix objective.
 */
export function indicatorsFromModel(model: WorkbookModel, period: Period): ReportIndicatorInput {
  const key = indicatorPeriodKey(period, model);
  const listed = new Map(listIndicators(model.plan).map((i) => [i.id, i]));
  const refs = new Map<string, Partial<Record<string, string>>>();
  if (!key) return { actuals: [...listed.values()].map((i) => ({ id: i.id, text: i.text, unit: i.unit, target: i.target, comparator: i.comparator })), refs };
  const cellRefs = indicatorCellRefs(model);
  // The plan body's indicators always; an appendix objective's once it has figures for the period,
  // or always when the plan states none in its body (an imported appendix: its objectives ARE the targets).
  const bodyStatesTargets = [...listed.values()].some((i) => i.origin !== "appendix");
  const actuals: IndicatorActual[] = indicatorValues(model)
    .filter((v) => v.period === key && (!bodyStatesTargets || listed.get(v.id)?.origin !== "appendix" || typeof v.actual === "number"))
    .map((v) => {
      const cols: ValueColumnKey[] = ["comparator", "target", "numerator", "denominator", "actual", "attainment", "met"];
      refs.set(v.id, Object.fromEntries(cols.map((c) => [c, cellRefs.ref(v.id, key, c) ?? ""]).filter(([, r]) => r)));
      return {
        id: v.id, text: listed.get(v.id)?.text ?? "", unit: v.unit, target: v.target, comparator: v.comparator,
        numerator: v.numerator, denominator: v.denominator, actual: num(v.actual), attainment: num(v.attainment),
        met: v.met === MET_LABELS.met ? true : v.met === MET_LABELS.notMet ? false : null,
      };
    });
  return { actuals, refs };
}

/** COUNTIFS criterion for an exact text: "=" forces equality, ~ escapes wildcards. */
function criterion(text: string): string {
  return `"=${text.replace(/[~*?]/g, (c) => `~${c}`).replace(/"/g, '""')}"`;
}
const str = (s: string) => `"${s.replace(/"/g, '""')}"`;

function viDateWords(iso: string): string {
  const p = parseIso(iso);
  return p ? `ngày ${String(p.day).padStart(2, "0")} tháng ${String(p.month).padStart(2, "0")} năm ${p.year}` : "";
}

/** A table name from the period token: "BC_Q2_2024_Nhom" (never a cell reference). */
export function reportTableName(period: Period, suffix: string): string {
  return `BC_${period.token.replace(/\.\./g, "_").replace(/[^A-Za-z0-9]+/g, "_")}_${suffix}`;
}

export function defaultReportFields(model: WorkbookModel, asOf: string): Required<ReportFields> {
  const s = model.settings;
  return {
    number: "Số:        /BC-UBND",
    dateLine: `${s.commune || s.unit}, ${viDateWords(asOf)}`,
    signer: s.signer,
    recipients: [
      `- ${receiverOf(s)};`,
      "- TT Đảng ủy, HĐND xã;",
      "- Chủ tịch, các PCT UBND xã;",
      "- Lưu: VT, TP-HT.",
    ],
    remarks: "(Nêu phương hướng, nhiệm vụ kỳ tới và đề xuất, kiến nghị.)",
  };
}

export function reportSheet(input: ReportSheetInput): SheetLayout {
  return reportSheetWithInfo(input).sheet;
}

export function reportSheetWithInfo(input: ReportSheetInput): { sheet: SheetLayout; info: ReportSheetInfo } {
  const { model, period } = input;
  const plan = model.plan;
  const standalone = Boolean(input.standalone);
  const asOf = input.asOf && parseIso(input.asOf) ? input.asOf : period.cutoffEnd;
  const indicators = input.indicators ?? indicatorsFromModel(model, period);
  const userDeadlines = Object.fromEntries(Object.entries(model.progress).map(([id, p]) => [id, p.userDeadline ?? null]));
  const report = input.report ?? buildReport(plan, input.log, period, asOf, model.settings, indicators.actuals, { userDeadlines, units: input.units });
  const fields: Required<ReportFields> = { ...defaultReportFields(model, asOf), ...stripUndefined(input.fields ?? {}) };
  const sheet = emptySheet(period.sheetName, "report");
  const cells = sheet.cells;
  const set = (a1: string, cell: Cell) => (cells[a1] = standalone && cell.f ? { ...cell, f: undefined } : cell);
  const keyCells: Record<string, number | string | null> = {};
  const n = plan.activities.length;
  const wFirst = WORK_FIRST_ROW;
  const wLast = WORK_FIRST_ROW + Math.max(n, 1) - 1;
  const W = (k: WorkKey) => `$${workCol(k)}$${wFirst}:$${workCol(k)}$${wLast}`;
  const L = STATUS_LABELS;

  // --- header (Nghị định 30/2020) --------------------------------------------------------------
  set("A1", { v: (model.settings.unit || plan.unit).toUpperCase(), style: "title" });
  set("E1", { v: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style: "title" });
  set("A2", { v: fields.number, style: "center" });
  set("E2", { v: "Độc lập - Tự do - Hạnh phúc", style: "title" });
  set("E3", { v: fields.dateLine, style: "subtitle" });
  sheet.merges.push("A1:C1", "E1:I1", "A2:C2", "E2:I2", "E3:I3");
  set("A5", { v: "BÁO CÁO", style: "title" });
  const periodWords =
    period.kind === "adhoc" ? `(đột xuất) từ ngày ${formatViDate(period.cutoffStart)} đến ngày ${formatViDate(period.cutoffEnd)}`
    : period.kind === "year" ? `năm ${period.year}` : period.label.replace("/", " năm ");
  set("A6", { v: `Kết quả thực hiện Kế hoạch cải cách hành chính ${periodWords}`, style: "title" });
  set("A7", {
    v: `(Số liệu tính từ ngày ${formatViDate(period.cutoffStart)} đến ngày ${formatViDate(period.cutoffEnd)}; tình trạng nhiệm vụ tính đến ngày ${formatViDate(asOf)})`,
    style: "subtitle",
  });
  const decision = plan.decision
    ? `Thực hiện Quyết định số ${plan.decision.number} ngày ${formatViDate(plan.decision.date)} của ${plan.unit} ban hành ${plan.title || `Kế hoạch cải cách hành chính năm ${plan.year}`}`
    : `Thực hiện ${plan.title || `Kế hoạch cải cách hành chính năm ${plan.year}`}`;
  set("A9", { v: `${decision}, ${model.settings.unit || plan.unit} báo cáo kết quả thực hiện ${period.label} như sau:`, style: "wrap" });
  sheet.merges.push(`A5:${LAST}5`, `A6:${LAST}6`, `A7:${LAST}7`, `A9:${LAST}9`);
  const heights: Record<number, number> = { 0: 36, 1: 20, 4: 24, 5: 24, 6: 20, 8: 36 };

  // --- parameters and working table (hidden columns K…) ------------------------------------------
  const refs = logRefs(input.log.length);
  const logRowOf = (i: number) => (i < 0 ? 0 : input.log[i]?.row ?? LOG_FIRST_ROW + i);
  if (!standalone) {
    cells.K1 = { v: "Tham số của báo cáo (tiện ích ghi, không sửa)", style: "note" };
    const params: Record<keyof typeof REPORT_PARAMS, Cell> = {
      token: { v: period.token },
      cutoffStart: { v: period.cutoffStart, kind: "date", style: "date" },
      cutoffEnd: { v: period.cutoffEnd, kind: "date", style: "date" },
      asOf: { v: asOf, kind: "date", style: "date" },
      calendarStart: { v: period.calendarStart, kind: "date", style: "date" },
      calendarEnd: { v: period.calendarEnd, kind: "date", style: "date" },
      ytdDue: { f: `SUM(${W("ytd")})`, v: report.ytd.due, style: "integer" },
      ytdDone: { f: `COUNTIFS(${W("ytd")},1,${W("status")},${criterion(L["done-on-time"].vi)})+COUNTIFS(${W("ytd")},1,${W("status")},${criterion(L["done-late"].vi)})`, v: report.ytd.done, style: "integer" },
    };
    for (const [k, a1] of Object.entries(REPORT_PARAMS) as Array<[keyof typeof REPORT_PARAMS, string]>) {
      cells[a1.replace("L", "K")] = { v: PARAM_LABELS[k], style: "note" };
      cells[a1] = params[k];
    }
    sheet.tables.push(workTable(input, report, refs, logRowOf));
  }

  // --- I. general results ----------------------------------------------------------------------
  let r = 11;
  set(`A${r}`, { v: "I. KẾT QUẢ CHUNG", style: "bold" });
  r++;
  const groupHeaderRow = r + 5; // filled below; line formulas refer to the group table's total row
  const groupRowsCount = report.byGroup.length;
  const groupTotalRow = groupHeaderRow + Math.max(groupRowsCount, 1) + 1;
  const countCols = Object.fromEntries(COUNT_COLUMNS.map((c, i) => [c.key, columnLetter(2 + i)])) as Record<CountKey, string>;
  const T = (k: CountKey) => `${countCols[k]}${groupTotalRow}`;
  const doneExpr = `(${T("doneOnTime")}+${T("doneLate")})`;
  const pct = (done: string, due: string) => `IF(${due}=0,"—",SUBSTITUTE(SUBSTITUTE(FIXED(${done}/${due}*100,1,TRUE),".",","),",0","")&"%")`;
  const doneNow = report.totals.doneOnTime + report.totals.doneLate;
  const lineText = (label: string, done: number, due: number) => `${label}hoàn thành ${done}/${due} nhiệm vụ, đạt ${due > 0 ? formatPercentVi(done / due) : "—"}`;
  set(`A${r}`, {
    f: `${str(`1. Trong kỳ (${period.label}): `)}&"hoàn thành "&${doneExpr}&"/"&${T("due")}&" nhiệm vụ, đạt "&${pct(doneExpr, T("due"))}`,
    v: lineText(`1. Trong kỳ (${period.label}): `, doneNow, report.totals.due),
    style: "wrap",
  });
  set(`A${r + 1}`, {
    f: `${str(`2. Lũy kế từ đầu năm đến hết ${period.kind === "adhoc" ? "kỳ" : period.label}: `)}&"hoàn thành "&${P.ytdDone}&"/"&${P.ytdDue}&" nhiệm vụ, đạt "&${pct(P.ytdDone, P.ytdDue)}`,
    v: lineText(`2. Lũy kế từ đầu năm đến hết ${period.kind === "adhoc" ? "kỳ" : period.label}: `, report.ytd.done, report.ytd.due),
    style: "wrap",
  });
  set(`A${r + 2}`, {
    f: `"3. Nhiệm vụ quá hạn chưa hoàn thành: "&${T("overdue")}&"; chưa có báo cáo: "&${T("noReport")}&"; cần đôn đốc (quá hạn hoặc chưa hoàn thành): "&COUNTIF(${W("urge")},1)`,
    v: `3. Nhiệm vụ quá hạn chưa hoàn thành: ${report.totals.overdue}; chưa có báo cáo: ${report.totals.noReport}; cần đôn đốc (quá hạn hoặc chưa hoàn thành): ${report.overdue.length}`,
    style: "wrap",
  });
  sheet.merges.push(`A${r}:${LAST}${r}`, `A${r + 1}:${LAST}${r + 1}`, `A${r + 2}:${LAST}${r + 2}`);
  keyCells[`A${r}`] = cells[`A${r}`].v as string;
  keyCells[`A${r + 1}`] = cells[`A${r + 1}`].v as string;
  r += 4;

  // --- II. by group ----------------------------------------------------------------------------
  set(`A${r}`, { v: "II. KẾT QUẢ THỰC HIỆN THEO NHÓM NHIỆM VỤ", style: "bold" });
  r++;
  if (r !== groupHeaderRow) throw new Error("reportSheet: group table row drifted");
  const groupRows: Record<string, number> = {};
  const counts = (c: ReportCounts, row: number, filter: string): Cell[] => {
    const f = (extra: string) => `COUNTIFS(${filter}${extra})`;
    const cs = (k: CountKey) => `${countCols[k]}${row}`;
    const formulas: Record<CountKey, string> = {
      activities: f(""),
      due: f(`,${W("due")},1`),
      doneOnTime: f(`,${W("due")},1,${W("status")},${criterion(L["done-on-time"].vi)}`),
      doneLate: f(`,${W("due")},1,${W("status")},${criterion(L["done-late"].vi)}`),
      overdue: f(`,${W("due")},1,${W("status")},${criterion(L.overdue.vi)}`),
      noReport: f(`,${W("due")},1,${W("status")},${criterion(L["no-report"].vi)}`),
      inProgress: `${cs("due")}-${cs("doneOnTime")}-${cs("doneLate")}-${cs("noReport")}-${cs("overdue")}`,
      completionRate: `IF(${cs("due")}=0,"",(${cs("doneOnTime")}+${cs("doneLate")})/${cs("due")})`,
    };
    return COUNT_COLUMNS.map((col) => {
      const v = col.key === "completionRate" ? (c.completionRate ?? "") : c[col.key];
      keyCells[`${countCols[col.key]}${row}`] = v;
      return standalone ? { v, style: col.style } : { f: formulas[col.key], v, style: col.style };
    });
  };
  const groupTable: TableLayout = {
    name: reportTableName(period, "Nhom"),
    origin: `A${groupHeaderRow}`,
    columns: [{ key: "no", header: "TT", width: 6, style: "center" }, { key: "name", header: "Nhóm nhiệm vụ", width: 46, style: "wrap" }, ...COUNT_COLUMNS.map((c) => ({ ...c }))],
    rows: report.byGroup.length
      ? report.byGroup.map((g, i) => {
          const row = groupHeaderRow + 1 + i;
          groupRows[g.group] = row;
          return [{ v: g.group, style: "center" }, { v: g.title, style: "wrap" }, ...counts(g, row, `${W("top")},${criterion(g.group)}`)];
        })
      : [[{ v: "" }, { v: "(Kế hoạch chưa có hoạt động)" }, ...COUNT_COLUMNS.map(() => ({ v: null }))]],
    style: "TableStyleLight1",
  };
  sheet.tables.push(groupTable);
  heights[groupHeaderRow - 1] = 45;
  totalRow(sheet, groupTotalRow, groupHeaderRow + 1, groupTotalRow - 1, report.totals, countCols, standalone, "Tổng cộng", keyCells);
  r = groupTotalRow + 1;
  for (const sg of report.subGroups) {
    set(`A${r}`, { v: sg.group, style: "italic" });
    set(`B${r}`, { v: `trong đó ${sg.group}: ${sg.title}`, style: "note" });
    heights[r - 1] = 30;
    counts(sg, r, `${W("group")},${criterion(sg.group)}`).forEach((c, i) => set(`${columnLetter(2 + i)}${r}`, { ...c, style: i === 6 ? "percent" : "integer" }));
    delete keyCells[`C${r}`];
    for (const k of COUNT_COLUMNS) delete keyCells[`${countCols[k.key]}${r}`];
    r++;
  }
  r++;
  // the chart: completion rate by group
  set(`A${r}`, { v: "Biểu đồ: tỷ lệ hoàn thành nhiệm vụ đến hạn trong kỳ, theo nhóm", style: "italic" });
  sheet.merges.push(`A${r}:${LAST}${r}`);
  r++;
  if (report.byGroup.length) {
    const first = groupHeaderRow + 1;
    const last = groupHeaderRow + report.byGroup.length;
    sheet.charts.push({
      type: "columnClustered",
      title: `Tỷ lệ hoàn thành theo nhóm nhiệm vụ – ${period.label}`,
      categories: `$A$${first}:$A$${last}`,
      series: [{ name: "Tỷ lệ hoàn thành", values: `$${countCols.completionRate}$${first}:$${countCols.completionRate}$${last}` }],
      from: `B${r}`,
      to: `H${r + 15}`,
      data: { categories: report.byGroup.map((g) => g.group), series: [{ name: "Tỷ lệ hoàn thành", values: report.byGroup.map((g) => g.completionRate ?? 0) }] },
    });
  }
  r += 17;

  // --- III. by lead ----------------------------------------------------------------------------
  set(`A${r}`, { v: "III. KẾT QUẢ THỰC HIỆN THEO ĐƠN VỊ CHỦ TRÌ", style: "bold" });
  r++;
  const leadHeaderRow = r;
  const leadRows: number[] = [];
  sheet.tables.push({
    name: reportTableName(period, "DonVi"),
    origin: `A${leadHeaderRow}`,
    columns: [{ key: "no", header: "TT", width: 6, style: "center" }, { key: "name", header: "Đơn vị chủ trì", width: 46, style: "wrap" }, ...COUNT_COLUMNS.map((c) => ({ ...c }))],
    rows: report.byLead.length
      ? report.byLead.map((l, i) => {
          const row = leadHeaderRow + 1 + i;
          leadRows.push(row);
          return [{ v: i + 1, style: "center" }, { v: l.lead, style: l.lead === NO_LEAD ? "italic" : "wrap" }, ...counts(l, row, `${W("lead")},${criterion(l.lead)}`)];
        })
      : [[{ v: "" }, { v: "" }, ...COUNT_COLUMNS.map(() => ({ v: null }))]],
    style: "TableStyleLight1",
  });
  heights[leadHeaderRow - 1] = 45;
  const leadTotalRow = leadHeaderRow + Math.max(report.byLead.length, 1) + 1;
  totalRow(sheet, leadTotalRow, leadHeaderRow + 1, leadTotalRow - 1, report.totals, countCols, standalone, "Tổng cộng", keyCells);
  r = leadTotalRow + 2;

  // --- IV. indicators --------------------------------------------------------------------------
  set(`A${r}`, { v: `IV. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU (${period.label})`, style: "bold" });
  r++;
  const indHeaderRow = r;
  const refOf = (id: string, k: string) => indicators.refs.get(id)?.[k as never] as string | undefined;
  const viaRef = (id: string, k: string, v: number | string | null, style: StyleKey): Cell => {
    const ref = refOf(id, k);
    if (standalone || !ref) return { v, style };
    return { f: `IF(${ref}="","",${ref})`, v, style };
  };
  const metLabel = (m: boolean | null) => (m === true ? MET_LABELS.met : m === false ? MET_LABELS.notMet : "");
  const valueStyle = (i: ReportIndicator): StyleKey => (i.unit === "percent" ? "percent" : "number");
  const compSign = (c: string) => (c === ">=" ? "≥" : c === "<=" ? "≤" : "=");
  sheet.tables.push({
    name: reportTableName(period, "ChiTieu"),
    origin: `A${indHeaderRow}`,
    columns: [
      { key: "no", header: "TT", width: 6, style: "center" }, { key: "text", header: "Chỉ tiêu", width: 46, style: "wrap" },
      { key: "comparator", header: "So sánh", width: 11, style: "center" }, { key: "target", header: "Mục tiêu", width: 13, style: "number" },
      { key: "numerator", header: "Tử số", width: 12, style: "number" }, { key: "denominator", header: "Mẫu số", width: 12, style: "number" },
      { key: "actual", header: "Kết quả", width: 12, style: "number" }, { key: "attainment", header: "Mức đạt", width: 13, style: "percent" },
      { key: "met", header: "Đạt / Chưa đạt", width: 16, style: "center" },
    ],
    rows: report.indicators.length
      ? report.indicators.map((ind, i) => {
          const comp = refOf(ind.id, "comparator");
          return [
            { v: i + 1, style: "center" },
            { v: ind.text, style: "wrap" },
            standalone || !comp ? { v: compSign(ind.comparator), style: "center" } : { f: `IF(${comp}=">=","≥",IF(${comp}="<=","≤","="))`, v: compSign(ind.comparator), style: "center" },
            viaRef(ind.id, "target", ind.target, valueStyle(ind)),
            viaRef(ind.id, "numerator", ind.numerator, "number"),
            viaRef(ind.id, "denominator", ind.denominator, "number"),
            viaRef(ind.id, "actual", ind.actual ?? "", valueStyle(ind)),
            viaRef(ind.id, "attainment", ind.attainment ?? "", "percent"),
            viaRef(ind.id, "met", metLabel(ind.met), "center"),
          ];
        })
      : [[{ v: "" }, { v: "(Kế hoạch không có chỉ tiêu định lượng)" }, ...Array.from({ length: 7 }, () => ({ v: null }))]],
    style: "TableStyleLight1",
  });
  heights[indHeaderRow - 1] = 30;
  r = indHeaderRow + Math.max(report.indicators.length, 1) + 1;
  const metCount = report.indicators.filter((i) => i.met === true).length;
  const withData = report.indicators.filter((i) => i.met !== null).length;
  const metRange = `I${indHeaderRow + 1}:I${indHeaderRow + Math.max(report.indicators.length, 1)}`;
  set(`A${r}`, {
    f: `"Số chỉ tiêu đạt: "&COUNTIF(${metRange},${criterion(MET_LABELS.met)})&"/"&(COUNTIF(${metRange},${criterion(MET_LABELS.met)})+COUNTIF(${metRange},${criterion(MET_LABELS.notMet)}))&" chỉ tiêu có số liệu (tổng số "&${report.indicators.length}&" chỉ tiêu)."`,
    v: `Số chỉ tiêu đạt: ${metCount}/${withData} chỉ tiêu có số liệu (tổng số ${report.indicators.length} chỉ tiêu).`,
    style: "italic",
  });
  keyCells[`A${r}`] = cells[`A${r}`].v as string;
  sheet.merges.push(`A${r}:${LAST}${r}`);
  r += 2;

  // --- V. overdue and unfinished (đôn đốc) --------------------------------------------------------
  set(`A${r}`, { v: "V. NHIỆM VỤ QUÁ HẠN, CHƯA HOÀN THÀNH (DANH SÁCH ĐÔN ĐỐC)", style: "bold" });
  r++;
  const listHeaderRow = r;
  const listRows = Math.max(report.overdue.length, 1);
  const U = W("urgeNo");
  const planRef = (k: PlanColumnKey) => {
    const c = columnLetter(planColumnIndex(k));
    return sheetRef(PLAN_SHEET, `$${c}$${PLAN_FIRST_ROW}:$${c}$${PLAN_FIRST_ROW + Math.max(n, 1) - 1}`);
  };
  const pick = (k: number, range: string, v: number | string | null, style: StyleKey, kind?: "date"): Cell =>
    standalone ? { v, style, kind } : { f: `IFERROR(INDEX(${range},MATCH(${k},${U},0))&"","")`, v: v ?? "", style, kind };
  const pickDate = (k: number, range: string, v: string | null): Cell =>
    standalone ? { v, kind: "date", style: "date" } : { f: `IFERROR(INDEX(${range},MATCH(${k},${U},0))+0,"")`, v, kind: "date", style: "date" };
  const listTable: TableLayout = {
    name: reportTableName(period, "DonDoc"),
    origin: `A${listHeaderRow}`,
    columns: [
      { key: "no", header: "TT", width: 6, style: "center" }, { key: "activity", header: "Hoạt động", width: 46, style: "wrap" },
      { key: "group", header: "Nhóm", width: 11, style: "center" }, { key: "lead", header: "Chủ trì", width: 13, style: "wrap" },
      { key: "deadline", header: "Thời hạn", width: 12, style: "wrap" }, { key: "deadlineEnd", header: "Hạn đến ngày", width: 12, style: "date" },
      { key: "status", header: "Tình trạng", width: 12, style: "wrap" }, { key: "lastUpdate", header: "Cập nhật gần nhất", width: 13, style: "date" },
      { key: "note", header: "Ghi chú", width: 16, style: "wrap" },
    ],
    rows: Array.from({ length: listRows }, (_, i) => {
      const k = i + 1;
      const it = report.overdue[i];
      if (!it && report.overdue.length === 0 && standalone) return [{ v: "" }, { v: "Không có nhiệm vụ quá hạn hoặc chưa hoàn thành." }, ...Array.from({ length: 7 }, () => ({ v: null }))];
      const no: Cell = standalone ? { v: it ? k : "", style: "center" } : { f: `IF(ISNUMBER(MATCH(${k},${U},0)),${k},"")`, v: it ? k : "", style: "center" };
      return [
        no,
        pick(k, planRef("activity"), it ? `${it.activityNo ? `${it.activityNo}. ` : ""}${it.activity}` : "", "wrap"),
        pick(k, W("group"), it?.group ?? "", "center"),
        pick(k, W("lead"), it?.lead ?? "", "wrap"),
        pick(k, planRef("deadline"), it?.deadline ?? "", "wrap"),
        pickDate(k, planRef("deadlineEnd"), it?.deadlineEnd ?? null),
        pick(k, W("status"), it?.statusLabel ?? "", "wrap"),
        pickDate(k, W("lastUpdate"), it?.lastUpdate ?? null),
        pick(k, W("note"), it?.note ?? "", "wrap"),
      ];
    }),
    style: "TableStyleLight1",
  };
  if (!standalone) {
    // the activity column shows "3.12. text" in the cached value but only the text in the formula: keep them equal
    listTable.rows.forEach((row, i) => {
      const it = report.overdue[i];
      const k = i + 1;
      const noRange = planRef("activityNo");
      row[1] = {
        f: `IFERROR(IF(INDEX(${noRange},MATCH(${k},${U},0))&""="","",INDEX(${noRange},MATCH(${k},${U},0))&". ")&INDEX(${planRef("activity")},MATCH(${k},${U},0)),"")`,
        v: it ? `${it.activityNo ? `${it.activityNo}. ` : ""}${it.activity}` : "",
        style: "wrap",
      };
    });
  }
  sheet.tables.push(listTable);
  heights[listHeaderRow - 1] = 30;
  r = listHeaderRow + listRows + 2;

  // --- VI. directions and proposals (free text) ---------------------------------------------------
  set(`A${r}`, { v: "VI. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI VÀ ĐỀ XUẤT, KIẾN NGHỊ", style: "bold" });
  r++;
  const remarksCell = `A${r}`;
  set(remarksCell, { v: fields.remarks, style: "wrap" });
  sheet.merges.push(`A${r}:${LAST}${r}`);
  heights[r - 1] = 48;
  r += 2;

  // --- Nơi nhận and signature ---------------------------------------------------------------------
  set(`A${r}`, { v: "Nơi nhận:", style: "bold" });
  set(`F${r}`, { v: "TM. ỦY BAN NHÂN DÂN", style: "title" });
  set(`F${r + 1}`, { v: "CHỦ TỊCH", style: "title" });
  sheet.merges.push(`F${r}:${LAST}${r}`, `F${r + 1}:${LAST}${r + 1}`);
  const recipientCells: string[] = [];
  fields.recipients.forEach((line, i) => {
    const a1 = `A${r + 1 + i}`;
    recipientCells.push(a1);
    set(a1, { v: line, style: "italic" });
    sheet.merges.push(`A${r + 1 + i}:C${r + 1 + i}`);
  });
  const signerRow = r + Math.max(fields.recipients.length + 1, 6);
  set(`F${signerRow}`, { v: fields.signer, style: "title" });
  sheet.merges.push(`F${signerRow}:${LAST}${signerRow}`);

  sheet.widths = { ...REPORT_WIDTHS };
  sheet.rowHeights = heights;
  // Repeated on each printed page from the đôn đốc list on (the only table that runs over pages).
  sheet.print = { orientation: "landscape", fitToWidth: true, titleRows: `$${listHeaderRow}:$${listHeaderRow}`, pageNumbers: true };
  sheet.tabColor = "#C239B3";

  const info: ReportSheetInfo = {
    name: sheet.name,
    report,
    fields,
    fieldCells: { number: "A2", dateLine: "E3", signer: `F${signerRow}`, remarks: remarksCell, recipients: recipientCells },
    groupRows,
    groupTotalRow,
    leadRows,
    leadTotalRow,
    countCols,
    keyCells,
  };
  return { sheet, info };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function totalRow(
  sheet: SheetLayout, row: number, first: number, last: number, totals: ReportCounts, countCols: Record<CountKey, string>,
  standalone: boolean, label: string, keyCells: Record<string, number | string | null>,
): void {
  sheet.cells[`A${row}`] = { v: "", style: "groupRow" };
  sheet.cells[`B${row}`] = { v: label, style: "groupRow" };
  for (const col of COUNT_COLUMNS) {
    const c = countCols[col.key];
    const v = col.key === "completionRate" ? (totals.completionRate ?? "") : totals[col.key];
    const f =
      col.key === "completionRate"
        ? `IF(${countCols.due}${row}=0,"",(${countCols.doneOnTime}${row}+${countCols.doneLate}${row})/${countCols.due}${row})`
        : `SUM(${c}${first}:${c}${last})`;
    sheet.cells[`${c}${row}`] = standalone ? { v, style: "groupRow" } : { f, v, style: "groupRow" };
    keyCells[`${c}${row}`] = v;
  }
  // the rate cell keeps its percent format inside the bold total row
  sheet.cells[`${countCols.completionRate}${row}`].style = "percent";
}

function workTable(input: ReportSheetInput, report: Report, refs: ReturnType<typeof logRefs>, logRowOf: (i: number) => number): TableLayout {
  const { model } = input;
  const plan = model.plan;
  const L = STATUS_LABELS;
  const pc = (k: PlanColumnKey, r: number) => `${sheetRef(PLAN_SHEET, `$${columnLetter(planColumnIndex(k))}`)}${r}`;
  const rows: Cell[][] = plan.activities.map((a, i) => {
    const pr = PLAN_FIRST_ROW + i;
    const wr = WORK_FIRST_ROW + i;
    const e = report.items[i];
    const c = (k: WorkKey) => `${workCol(k)}${wr}`;
    const s = pc("deadlineStart", pr);
    const end = pc("deadlineEnd", pr);
    const d = e.deadline;
    const serial = (iso: string) => excelSerialFromIso(iso);
    let dueF: string;
    if (d.kind === "recurring") dueF = `IF(AND(ISNUMBER(${s}),ISNUMBER(${end})),IF(AND(${s}<=${P.calendarEnd},${end}>=${P.calendarStart}),1,0),0)`;
    else if ((d.kind === "date" || d.kind === "range") && d.points.length > 0)
      dueF = `IF(OR(${d.points.map((p) => `AND(${serial(p)}>=${P.calendarStart},${serial(p)}<=${P.calendarEnd})`).join(",")}),1,0)`;
    else dueF = `IF(ISNUMBER(${end}),IF(AND(${end}>=${P.calendarStart},${end}<=${P.calendarEnd}),1,0),0)`;
    // Year to date: the same tests as "due", from 1 January of the period's year to its end.
    const jan1 = `DATE(YEAR(${P.calendarEnd}),1,1)`;
    let ytdF: string;
    if (d.kind === "recurring") ytdF = `IF(AND(ISNUMBER(${s}),ISNUMBER(${end})),IF(AND(${s}<=${P.calendarEnd},${end}>=${jan1}),1,0),0)`;
    else if ((d.kind === "date" || d.kind === "range") && d.points.length > 0)
      ytdF = `IF(OR(${d.points.map((p) => `AND(${serial(p)}>=${jan1},${serial(p)}<=${P.calendarEnd})`).join(",")}),1,0)`;
    else ytdF = `IF(ISNUMBER(${end}),IF(AND(${end}>=${jan1},${end}<=${P.calendarEnd}),1,0),0)`;
    const row = c("logRow");
    const at = (k: "status" | "completedOn" | "date" | "note") => `INDEX(${refs.column(k)},${row})`;
    const done = c("doneOn");
    // No log entry as of the report date (logRow 0): "Chưa có báo cáo", never "Đang thực hiện".
    const underWay = `IF(${row}=0,${str(L["no-report"].vi)},${str(L["in-progress"].vi)})`;
    // A recurring activity: by the entries dated in the period's data window (core statusFromLog).
    const inWindow = (extra: string) => `COUNTIFS(${refs.range("activityId")},${c("id")}${extra},${refs.range("date")},">="&${P.cutoffStart},${refs.range("date")},"<="&${P.asOf})`;
    const statusF =
      d.kind === "recurring"
        ? `IF(AND(ISNUMBER(${s}),${s}>${P.asOf}),${str(L["not-due"].vi)},IF(${inWindow(`,${refs.range("status")},${criterion(LOG_DONE_LABEL)}`)}>0,${str(L["done-on-time"].vi)},` +
          `IF(${inWindow("")}>0,${str(L["in-progress"].vi)},${str(L["no-report"].vi)})))`
        : `IF(AND(ISNUMBER(${done}),${done}<=${P.asOf}),IF(OR(NOT(ISNUMBER(${end})),${done}<=${end}),${str(L["done-on-time"].vi)},${str(L["done-late"].vi)}),` +
          `IF(AND(ISNUMBER(${end}),${end}<${P.asOf}),${str(L.overdue.vi)},IF(OR(NOT(ISNUMBER(${s})),${s}<=${P.asOf}),${underWay},${str(L["not-due"].vi)})))`;
    const urge = (e.due || e.ytd) && e.status !== "done-on-time" && e.status !== "done-late";
    const urgeNo = urge ? report.overdue.findIndex((o) => o.id === a.id) + 1 : "";
    const cells: Record<WorkKey, Cell> = {
      id: { f: pc("id", pr), v: a.id },
      top: { f: `LEFT(${pc("group", pr)},FIND(".",${pc("group", pr)}&".")-1)`, v: e.top },
      group: { f: pc("group", pr), v: a.group },
      lead: { v: e.lead },
      logRow: { f: `MOD(${latestEntryKeyFormula(refs, c("id"), P.asOf)},${LOG_KEY_FACTOR})`, v: logRowOf(e.entryIndex) },
      doneOn: {
        f: `IF(${row}=0,"",IF(${at("status")}=${str(LOG_DONE_LABEL)},IF(${at("completedOn")}<>"",${at("completedOn")},${at("date")}),""))`,
        v: doneOnOfEntry(input.log, e.entryIndex),
        kind: "date",
        style: "date",
      },
      due: { f: dueF, v: e.due ? 1 : 0 },
      ytd: { f: ytdF, v: e.ytd ? 1 : 0 },
      status: { f: statusF, v: L[e.status].vi },
      urge: { f: `IF(AND(OR(${c("due")}=1,${c("ytd")}=1),${c("status")}<>${str(L["done-on-time"].vi)},${c("status")}<>${str(L["done-late"].vi)}),1,0)`, v: urge ? 1 : 0 },
      urgeNo: { f: `IF(${c("urge")}=1,COUNTIF($${workCol("urge")}$${WORK_FIRST_ROW}:${c("urge")},1),"")`, v: urgeNo },
      lastUpdate: { f: `IF(${row}=0,"",${at("date")})`, v: e.lastUpdate, kind: "date", style: "date" },
      note: { f: `IF(${row}=0,"",${at("note")}&"")`, v: e.note },
    };
    return WORK_COLUMNS.map((col) => cells[col.key]);
  });
  return {
    name: reportTableName(input.period, "TinhToan"),
    origin: `${columnLetter(WORK_COL)}${WORK_HEADER_ROW}`,
    columns: WORK_COLUMNS.map((c) => ({ ...c })),
    rows: rows.length ? rows : [WORK_COLUMNS.map(() => ({ v: null }))],
    style: "TableStyleLight1",
  };
}

/** The completion date the working table shows for a recurring activity (its latest entry's, if done). */
function doneOnOfEntry(log: readonly LogEntry[], index: number): string | null {
  return entryDoneOn(index >= 0 ? log[index] : null);
}


// --- the whole tracked workbook: plan linked to the log, the log, and report sheets -------------

export interface TrackedWorkbookOptions extends WorkbookOptions {
  /** Report sheets to build, in order (each as of its cut-off end unless `reportAsOf` says otherwise). */
  periods?: readonly Period[];
  reportAsOf?: Record<string, string>;
  /** Editable report texts by period token. */
  fields?: Record<string, ReportFields>;
  /** The log holds sample data (the demo). */
  sample?: boolean;
}

export interface TrackedWorkbook {
  layout: WorkbookLayout;
  reports: ReportSheetInfo[];
  /** The model the sheets were built from: model.progress completed with the log's dates as of the settings' date. */
  model: WorkbookModel;
  /** The findings the "Kiểm tra" sheet lists (as of the settings' date, with the log's progress). */
  findings: Finding[];
}

/** Which activities of the model are recurring (tracked deadline kind). */
export function recurringIds(model: WorkbookModel): Set<string> {
  const out = new Set<string>();
  for (const a of model.plan.activities) {
    if (trackedDeadline(a, model.settings.year, model.progress[a.id]?.userDeadline ?? null).kind === "recurring") out.add(a.id);
  }
  return out;
}

/**
 * The model as the plan sheet shows it: each activity's completion date, evidence and log state
 * derived from the log as of the settings' date (the plan sheet's formulas over the log compute
 * the same). A recurring activity is judged on the entries dated from `windowStart` (default: the
 * start of the quarter under way on the settings' date; the district export gives its report's).
 */
export function trackedModel(model: WorkbookModel, log: readonly LogEntry[], windowStart?: string): WorkbookModel {
  const { asOf, year } = model.settings;
  const start = windowStart ?? reportingWindowStart(asOf, { startDay: model.settings.cutoffStartDay, endDay: model.settings.cutoffEndDay });
  const index = new LogIndex(log);
  const deadlines = new Map(model.plan.activities.map((a) => [a.id, trackedDeadline(a, year, model.progress[a.id]?.userDeadline ?? null)]));
  const derived = progressFromLog(model.plan.activities, index, asOf, (id) => deadlines.get(id)!.kind === "recurring");
  const progress: WorkbookModel["progress"] = {};
  for (const a of model.plan.activities) {
    const { completedOn, evidence } = derived[a.id];
    progress[a.id] = { ...model.progress[a.id], completedOn, evidence, logState: logStateOf(index, a.id, deadlines.get(a.id)!, start, asOf) };
  }
  return { ...model, progress };
}

/**
 * The workbook the add-in owns, with progress tracking: buildWorkbookLayout's sheets, the plan's
 * completion date and evidence turned into formulas over the log, the log sheet, and one report
 * sheet per period. The demo, the CLI and the task pane build it the same way.
 */
export function trackedWorkbookLayout(model: WorkbookModel, log: readonly LogEntry[], options: TrackedWorkbookOptions = {}): TrackedWorkbook {
  const recurring = recurringIds(model);
  const tracked = trackedModel(model, log);
  const units = options.units ? new UnitDirectory(options.units) : undefined;
  const built = (options.periods ?? []).map((p) =>
    reportSheetWithInfo({ model: tracked, log, period: p, asOf: options.reportAsOf?.[p.token] ?? null, fields: options.fields?.[p.token], units }),
  );
  const reports = built.map((b) => b.info);
  const reportSheets = built.map((b) => b.sheet);
  const { layout, findings } = buildWorkbook(tracked, {
    ...options,
    extraSheets: [...(options.extraSheets ?? []), logSheet(model.plan, log, { sample: options.sample }), ...reportSheets],
  });
  const planLayout = layout.sheets.find((s) => s.role === "plan");
  if (planLayout) linkPlanToLog(planLayout, model.plan, log, model.settings.asOf, (id) => recurring.has(id));
  return { layout, reports, model: tracked, findings };
}

