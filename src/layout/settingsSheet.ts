/**
 * The "Cài đặt" sheet: one labelled value per row, each value a workbook-level name.
 * Below the settings (from SETTINGS_EXTRA_ROW), when the model is given: the plan's completion
 * ("x/y" over the plan table's status column, all activities and those already due), its rate,
 * and the reform-index points of the completion criterion — CCHC.COMPLETION / CCHC.PARSCORE in
 * custom mode, COUNTIF / IF formulas in native mode — each cached with what core computes and
 * named (SETTINGS_RESULT_NAMES) so reports can refer to them. Below those, the plan's own
 * information (title, decision, group titles: planInfo.ts). Rows above never move: formulas and
 * workbooks made by older versions refer to their addresses.
 */
import { receiverOf, type Settings } from "../core/settings";
import { STATUS_LABELS } from "../core/status";
import { resultOrErrorCode } from "../core/excelError";
import { completionOf, completionRateOf, parScoreOf } from "../core/indicatorFunctions";
import { sheetRef } from "./address";
import { NAMES } from "./names";
import { addPlanInfo } from "./planInfo";
import { deriveActivity, planRange } from "./planSheet";
import { emptySheet, type Cell, type SheetLayout } from "./types";
import type { WorkbookModel } from "./model";

export const SETTINGS_SHEET = "Cài đặt";
const FIRST_ROW = 3; // 1-based row of the first setting

export interface SettingRow {
  key: keyof Settings;
  name?: string;
  label: string;
  note: string;
  cell: (s: Settings) => Cell;
}

export const SETTING_ROWS: SettingRow[] = [
  { key: "unit", name: NAMES.unit, label: "Cơ quan ban hành", note: "Dòng đầu bên trái của báo cáo, ví dụ UBND xã Hồng Lộc", cell: (s) => ({ v: s.unit, style: "input" }) },
  { key: "commune", name: NAMES.commune, label: "Xã", note: "", cell: (s) => ({ v: s.commune, style: "input" }) },
  { key: "district", label: "Huyện", note: "", cell: (s) => ({ v: s.district, style: "input" }) },
  { key: "province", label: "Tỉnh", note: "", cell: (s) => ({ v: s.province, style: "input" }) },
  { key: "year", name: NAMES.year, label: "Năm kế hoạch", note: "Thời hạn không ghi năm được hiểu là năm này", cell: (s) => ({ v: s.year, style: "input" }) },
  { key: "asOf", name: NAMES.asOf, label: "Tính đến ngày", note: "Trạng thái và báo cáo tính theo ngày này (có thể nhập =TODAY())", cell: (s) => ({ v: s.asOf, kind: "date", style: "inputDate" }) },
  { key: "cutoffStartDay", name: NAMES.cutoffStart, label: "Ngày bắt đầu kỳ số liệu", note: "Nghị định 09/2019/NĐ-CP, Điều 12: từ ngày 15 của tháng trước kỳ báo cáo", cell: (s) => ({ v: s.cutoffStartDay, style: "input" }) },
  { key: "cutoffEndDay", name: NAMES.cutoffEnd, label: "Ngày chốt số liệu", note: "… đến ngày 14 của tháng cuối kỳ báo cáo", cell: (s) => ({ v: s.cutoffEndDay, style: "input" }) },
  { key: "parFull", name: NAMES.parFull, label: "Chỉ số CCHC: tỷ lệ hoàn thành đạt điểm tối đa", note: "Theo quy định của tỉnh", cell: (s) => ({ v: s.parFull, style: "inputPercent" }) },
  { key: "parPartial", name: NAMES.parPartial, label: "Chỉ số CCHC: tỷ lệ tối thiểu được tính điểm", note: "Dưới mức này không được điểm", cell: (s) => ({ v: s.parPartial, style: "inputPercent" }) },
  { key: "parMaxPoints", name: NAMES.parPoints, label: "Chỉ số CCHC: điểm tối đa của tiêu chí", note: "", cell: (s) => ({ v: s.parMaxPoints, style: "input" }) },
  { key: "signer", label: "Người ký báo cáo", note: "TM. Ủy ban nhân dân – Chủ tịch", cell: (s) => ({ v: s.signer, style: "input" }) },
  // last, so that the rows above keep their addresses in workbooks made before this setting
  {
    key: "receiver", label: "Cấp trên nhận báo cáo",
    note: "Nơi nhận báo cáo và tệp gửi, cơ quan tổng hợp. Trước 01/7/2025: UBND huyện (Phòng Nội vụ); từ 01/7/2025 không còn cấp huyện: UBND tỉnh (Sở Nội vụ)",
    cell: (s) => ({ v: receiverOf(s), style: "input" }),
  },
];

export function settingAddress(key: keyof Settings): string {
  const i = SETTING_ROWS.findIndex((r) => r.key === key);
  if (i < 0) throw new Error(`Unknown setting ${String(key)}`);
  return `B${FIRST_ROW + i}`;
}

/** Rows below the settings where later features add computed figures (completion rate, points). */
export const SETTINGS_EXTRA_ROW = FIRST_ROW + SETTING_ROWS.length + 1;

/** Workbook names of the computed rows below the settings. */
export const SETTINGS_RESULT_NAMES = {
  completion: "CCHC_COMPLETION",
  completionDue: "CCHC_COMPLETION_DUE",
  completionRate: "CCHC_COMPLETION_RATE",
  parScore: "CCHC_PAR_SCORE",
} as const;

/** 1-based rows of the computed figures (SETTINGS_EXTRA_ROW holds their heading). */
export const SETTINGS_RESULT_ROWS = {
  completion: SETTINGS_EXTRA_ROW + 1,
  completionDue: SETTINGS_EXTRA_ROW + 2,
  completionRate: SETTINGS_EXTRA_ROW + 3,
  parScore: SETTINGS_EXTRA_ROW + 4,
} as const;

/** The completion figures the extra rows show, computed by core over the plan sheet's statuses. */
export function completionFigures(model: WorkbookModel, settings: Settings = model.settings) {
  const statuses = model.plan.activities.map((a) => {
    const { status } = deriveActivity(a, model.progress[a.id] ?? {}, settings.year, settings.asOf);
    return STATUS_LABELS[status].vi;
  });
  const completion = completionOf(statuses);
  const completionDue = completionOf(statuses, true);
  // The rate cell is IFERROR(…,""): no activities gives "", not an error.
  const rate = resultOrErrorCode(() => completionRateOf(completion));
  if (typeof rate === "string" && rate.startsWith("#")) return { statuses, completion, completionDue, rate: "", parScore: "" };
  const thresholds = { full: settings.parFull, partial: settings.parPartial };
  const parScore = resultOrErrorCode(() => parScoreOf(rate, settings.parMaxPoints, thresholds));
  return { statuses, completion, completionDue, rate, parScore };
}

function addResultRows(sheet: SheetLayout, settings: Settings, names: Record<string, string>, model: WorkbookModel): void {
  const R = SETTINGS_RESULT_ROWS;
  const n = model.plan.activities.length;
  const statuses = planRange("status", n);
  const fig = completionFigures(model, settings);
  const L = STATUS_LABELS;
  const done = `(COUNTIF(${statuses},"${L["done-on-time"].vi}")+COUNTIF(${statuses},"${L["done-late"].vi}"))`;
  const nonBlank = `SUMPRODUCT((${statuses}<>"")*1)`;
  const custom = model.mode === "custom";
  const rateCell = `B${R.completionRate}`;
  const x = `B${R.completion}`;
  const thresholds = `${settingAddress("parFull")}:${settingAddress("parPartial")}`;
  const tol = (t: string) => `1E-9*MAX(1,${rateCell},${t})`;
  const rows: Array<{ key: keyof typeof R; label: string; note: string; cell: Cell }> = [
    {
      key: "completion", label: "Hoàn thành kế hoạch (nhiệm vụ hoàn thành / tổng số)",
      note: "Đếm cột Trạng thái của sheet Kế hoạch: Hoàn thành đúng hạn và Hoàn thành quá hạn trên tổng số nhiệm vụ",
      cell: { f: custom ? `CCHC.COMPLETION(${statuses})` : `${done}&"/"&${nonBlank}`, v: fig.completion, style: "center" },
    },
    {
      key: "completionDue", label: "Hoàn thành trong số nhiệm vụ đã đến hạn",
      note: "Như trên, không tính nhiệm vụ Chưa đến hạn",
      cell: {
        f: custom ? `CCHC.COMPLETION(${statuses},TRUE)` : `${done}&"/"&(${nonBlank}-COUNTIF(${statuses},"${L["not-due"].vi}"))`,
        v: fig.completionDue, style: "center",
      },
    },
    {
      key: "completionRate", label: "Tỷ lệ hoàn thành kế hoạch",
      note: "Tính từ dòng “x/y” ở trên",
      cell: { f: `IFERROR(VALUE(LEFT(${x},FIND("/",${x})-1))/VALUE(MID(${x},FIND("/",${x})+1,10)),"")`, v: fig.rate, style: "percent" },
    },
    {
      key: "parScore", label: "Chỉ số CCHC: điểm tiêu chí hoàn thành kế hoạch",
      note: "Đủ điểm từ ngưỡng tối đa; từ ngưỡng tối thiểu: điểm tối đa × tỷ lệ hoàn thành; dưới ngưỡng: 0 điểm",
      cell: {
        f: custom
          ? `IF(${rateCell}="","",CCHC.PARSCORE(${rateCell},${NAMES.parPoints},${thresholds}))`
          : `IF(${rateCell}="","",IF(${rateCell}>=${NAMES.parFull}-${tol(NAMES.parFull)},${NAMES.parPoints},` +
            `IF(${rateCell}>=${NAMES.parPartial}-${tol(NAMES.parPartial)},ROUND(${NAMES.parPoints}*${rateCell}/${NAMES.parFull},9),0)))`,
        v: fig.parScore, style: "number",
      },
    },
  ];
  sheet.cells[`A${SETTINGS_EXTRA_ROW}`] = { v: "Kết quả thực hiện (tự tính)", style: "header" };
  sheet.cells[`B${SETTINGS_EXTRA_ROW}`] = { v: "Giá trị", style: "header" };
  sheet.cells[`C${SETTINGS_EXTRA_ROW}`] = { v: "Cách tính", style: "header" };
  for (const row of rows) {
    const r = R[row.key];
    sheet.cells[`A${r}`] = { v: row.label, style: "bold" };
    sheet.cells[`B${r}`] = row.cell;
    sheet.cells[`C${r}`] = { v: row.note, style: "note" };
    names[SETTINGS_RESULT_NAMES[row.key]] = sheetRef(SETTINGS_SHEET, `$B$${r}`);
  }
}

export function settingsSheet(settings: Settings, names: Record<string, string>, model?: WorkbookModel): SheetLayout {
  const sheet = emptySheet(SETTINGS_SHEET, "settings");
  sheet.cells.A1 = { v: "CÀI ĐẶT", style: "title" };
  sheet.merges.push("A1:C1");
  sheet.cells.A2 = { v: "Mục", style: "header" };
  sheet.cells.B2 = { v: "Giá trị", style: "header" };
  sheet.cells.C2 = { v: "Ghi chú", style: "header" };
  SETTING_ROWS.forEach((row, i) => {
    const r = FIRST_ROW + i;
    sheet.cells[`A${r}`] = { v: row.label, style: "bold" };
    sheet.cells[`B${r}`] = row.cell(settings);
    sheet.cells[`C${r}`] = { v: row.note, style: "note" };
    if (row.name) names[row.name] = sheetRef(SETTINGS_SHEET, `$B$${r}`);
  });
  sheet.widths = { A: 44, B: 26, C: 60 };
  if (model) {
    addResultRows(sheet, settings, names, model);
    addPlanInfo(sheet, model.plan, Math.max(...Object.values(SETTINGS_RESULT_ROWS)) + 2);
  }
  sheet.print = { orientation: "portrait", fitToWidth: true, pageNumbers: false };
  return sheet;
}
