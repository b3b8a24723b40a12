/**
 * The "Chỉ tiêu" sheet: the plan's numeric indicators, their targets, and the figures officials
 * type each reporting period. Two Excel tables, one above the other:
 *
 * I. Table `ChiTieu` (INDICATORS_TABLE), one row per indicator — the plan body's indicators
 *    (plan.indicators) then every appendix objective with a numeric target (one row per target,
 *    id "OBJ-<group>-<objectiveNo>[a|b]", see core/indicatorList.ts). Columns (keys of
 *    DEFINITION_COLUMNS): id · source · text · index · unit · comparatorRead · targetRead (custom
 *    mode: =CCHC.COMPARATOR(text,index) / =CCHC.TARGET(text,index) with the cached value; native
 *    mode: plain values) · comparatorOverride · targetOverride (input: wins when filled) ·
 *    comparator · target (the applied ones: =IF(override<>"",override,read)) · counterpart (the
 *    same indicator on the other side of the plan, "≠ …" when body and appendix disagree).
 *
 * II. Table `ChiTieuKy` (INDICATOR_VALUES_TABLE), one row per indicator × reporting period, in
 *    the order of DEFINITION rows, then periods Q1, Q2, H1 (6 tháng), Q3, 9M (9 tháng), Q4, Y
 *    (năm). Columns (keys of VALUE_COLUMNS): id · period (label "Quý I/2024", as CCHC.PERIOD
 *    returns) · text · unit · comparator · target (INDEX/MATCH on table I's applied columns) ·
 *    numerator · denominator (input) · actual (=IF(OR(num="",den=""),"",CCHC.RATE(num,den)) in
 *    custom mode, …,num/den) in native mode; a count indicator's actual is its numerator) ·
 *    attainment (=IF(OR(actual="",target=""),"",CCHC.ATTAINMENT(actual,target,comparator)) / a
 *    native IF formula) · met ("Đạt" / "Chưa đạt" / "" through CCHC.MET / a native IF formula;
 *    MET_LABELS). Blank while the inputs are empty (the blank test sits outside the CCHC.* call,
 *    so a file opened without the add-in never shows #NAME? in an empty row). Conditional formatting on attainment and met: met (green),
 *    close — attainment ≥ 90% (CLOSE_ATTAINMENT) — (amber), far (red).
 *
 * Where things sit, for reports and the task pane: `indicatorCellRefs(model)` gives every
 * indicator's definition row and every (indicator, period) row with the A1 address of each
 * column (also sheet-qualified); `indicatorValues(model)` gives the computed figures the cells
 * cache. Positions depend only on the model (plan, settings), so both agree with the sheet.
 * Formulas use plain A1 references (not structured references), which LibreOffice reads too.
 */
import type { Comparator } from "../core/plan";
import { formatTarget, listIndicators, type ListedIndicator } from "../core/indicatorList";
import { DEFAULT_CUTOFF, periodsOfYear, type Period } from "../core/periods";
import { readTarget } from "../core/targets";
import { resultOrErrorCode } from "../core/excelError";
import { attainmentOf, metOf, rateOf } from "../core/indicatorFunctions";
import { columnLetter, sheetRef } from "./address";
import { emptySheet, type Cell, type ColumnLayout, type SheetLayout, type StyleKey } from "./types";
import type { IndicatorInput, WorkbookModel } from "./model";

export const INDICATORS_SHEET = "Chỉ tiêu";
/** Table I: one row per indicator. */
export const INDICATORS_TABLE = "ChiTieu";
/** Table II: one row per indicator and reporting period. */
export const INDICATOR_VALUES_TABLE = "ChiTieuKy";

/** Period keys in sheet order; they are the period tokens of core/periods.ts without the year. */
export const INDICATOR_PERIOD_KEYS = ["Q1", "Q2", "H1", "Q3", "9M", "Q4", "Y"] as const;
export type IndicatorPeriodKey = (typeof INDICATOR_PERIOD_KEYS)[number];

/** The met column's texts. */
export const MET_LABELS = { met: "Đạt", notMet: "Chưa đạt" } as const;
/** Attainment from which an unmet indicator counts as "close" (amber) rather than "far" (red). */
export const CLOSE_ATTAINMENT = 0.9;
export const CF_COLORS = { met: "#C6EFCE", close: "#FFEB9C", far: "#FFC7CE" } as const;

export const DEFINITION_COLUMNS = [
  { key: "id", header: "Mã", width: 13, style: "text" },
  { key: "source", header: "Nguồn", width: 13, style: "wrap" },
  { key: "text", header: "Chỉ tiêu (nguyên văn kế hoạch)", width: 56, style: "wrap" },
  { key: "index", header: "Thứ tự trong câu", width: 8, style: "center" },
  { key: "unit", header: "Đơn vị tính", width: 10, style: "center" },
  { key: "comparatorRead", header: "So sánh (đọc từ câu)", width: 10, style: "center" },
  { key: "targetRead", header: "Mục tiêu (đọc từ câu)", width: 11, style: "number" },
  { key: "comparatorOverride", header: "So sánh điều chỉnh", width: 10, style: "input" },
  { key: "targetOverride", header: "Mục tiêu điều chỉnh", width: 11, style: "input" },
  { key: "comparator", header: "So sánh áp dụng", width: 10, style: "center" },
  { key: "target", header: "Mục tiêu áp dụng", width: 11, style: "number" },
  { key: "counterpart", header: "Đối chiếu thân kế hoạch – phụ lục", width: 30, style: "wrap" },
] as const satisfies readonly ColumnLayout[];

export const VALUE_COLUMNS = [
  { key: "id", header: "Mã", width: 13, style: "text" },
  { key: "period", header: "Kỳ báo cáo", width: 12, style: "text" },
  { key: "text", header: "Chỉ tiêu", width: 56, style: "wrap" },
  { key: "unit", header: "Đơn vị tính", width: 10, style: "center" },
  { key: "comparator", header: "So sánh", width: 10, style: "center" },
  { key: "target", header: "Mục tiêu", width: 11, style: "number" },
  { key: "numerator", header: "Tử số (số thực hiện)", width: 12, style: "input" },
  { key: "denominator", header: "Mẫu số (tổng số)", width: 12, style: "input" },
  { key: "actual", header: "Kết quả", width: 11, style: "number" },
  { key: "attainment", header: "Mức đạt", width: 10, style: "percent" },
  { key: "met", header: "Đạt / Chưa đạt", width: 12, style: "center" },
] as const satisfies readonly ColumnLayout[];

export type DefinitionColumnKey = (typeof DEFINITION_COLUMNS)[number]["key"];
export type ValueColumnKey = (typeof VALUE_COLUMNS)[number]["key"];

const defCol = (key: DefinitionColumnKey) => columnLetter(DEFINITION_COLUMNS.findIndex((c) => c.key === key));
const valCol = (key: ValueColumnKey) => columnLetter(VALUE_COLUMNS.findIndex((c) => c.key === key));

/** 1-based rows. */
const TITLE_ROWS = 2;
export const DEFINITIONS_HEADER_ROW = TITLE_ROWS + 2; // row 3 holds the section heading

// --- the sheet's plan: what goes where, computed once from the model ---------------------------

export interface IndicatorPeriod {
  key: IndicatorPeriodKey;
  period: Period;
}

export interface IndicatorSheetPlan {
  indicators: ListedIndicator[];
  periods: IndicatorPeriod[];
  definitionsHeaderRow: number;
  firstDefinitionRow: number;
  lastDefinitionRow: number;
  valuesHeaderRow: number;
  firstValueRow: number;
}

function periodsFor(model: WorkbookModel): IndicatorPeriod[] {
  const settings = { startDay: model.settings.cutoffStartDay, endDay: model.settings.cutoffEndDay };
  let periods: Period[];
  try {
    periods = periodsOfYear(model.settings.year, settings);
  } catch {
    periods = periodsOfYear(model.settings.year, DEFAULT_CUTOFF);
  }
  return INDICATOR_PERIOD_KEYS.map((key) => ({ key, period: periods.find((p) => p.token.split("-")[0] === key)! }));
}

export function indicatorSheetPlan(model: WorkbookModel): IndicatorSheetPlan {
  const indicators = listIndicators(model.plan);
  const firstDefinitionRow = DEFINITIONS_HEADER_ROW + 1;
  const lastDefinitionRow = firstDefinitionRow + Math.max(indicators.length, 1) - 1;
  const valuesHeaderRow = lastDefinitionRow + 3; // a blank row and the section heading between
  return {
    indicators, periods: periodsFor(model),
    definitionsHeaderRow: DEFINITIONS_HEADER_ROW, firstDefinitionRow, lastDefinitionRow,
    valuesHeaderRow, firstValueRow: valuesHeaderRow + 1,
  };
}

// --- computed values (what the formulas compute; cached in the cells) ---------------------------

export interface IndicatorDefinitionValues {
  id: string;
  /** What CCHC.TARGET / CCHC.COMPARATOR compute from the text (the plan's value when they cannot). */
  targetRead: number;
  comparatorRead: Comparator;
  /** True when the read cells are formulas (custom mode and the text yields the plan's target). */
  readByFormula: boolean;
  target: number;
  comparator: Comparator;
  unit: "percent" | "count";
}

export interface IndicatorPeriodValues {
  id: string;
  period: IndicatorPeriodKey;
  label: string;
  target: number;
  comparator: Comparator;
  unit: "percent" | "count";
  numerator: number | null;
  denominator: number | null;
  /** "" while the inputs are empty; an error code string ("#DIV/0!") when the inputs are bad. */
  actual: number | "" | string;
  attainment: number | "" | string;
  /** MET_LABELS.met / MET_LABELS.notMet / "" */
  met: string;
}

function definitionValues(ind: ListedIndicator, model: WorkbookModel): IndicatorDefinitionValues {
  const read = readTarget(ind.text, ind.index);
  const readAgrees = !!read && Math.abs(read.value - ind.target) < 1e-9 && read.comparator === ind.comparator;
  const o = model.indicatorOverrides?.[ind.id];
  const target = typeof o?.target === "number" && Number.isFinite(o.target) ? o.target : ind.target;
  const comparator = o?.comparator ?? ind.comparator;
  return {
    id: ind.id, targetRead: ind.target, comparatorRead: ind.comparator, readByFormula: model.mode === "custom" && readAgrees,
    target, comparator, unit: ind.unit,
  };
}

function periodValues(ind: ListedIndicator, def: IndicatorDefinitionValues, p: IndicatorPeriod, model: WorkbookModel): IndicatorPeriodValues {
  const input: IndicatorInput = model.indicatorInputs?.[ind.id]?.[p.key] ?? {};
  const num = typeof input.numerator === "number" && Number.isFinite(input.numerator) ? input.numerator : null;
  const den = typeof input.denominator === "number" && Number.isFinite(input.denominator) ? input.denominator : null;
  const actual = resultOrErrorCode(() => (ind.unit === "count" ? (num ?? "") : rateOf(num ?? "", den ?? ""))) as number | string;
  const attainment = typeof actual === "string" && actual !== "" ? actual : resultOrErrorCode(() => attainmentOf(actual, def.target, def.comparator, true));
  const m = typeof actual === "string" && actual !== "" ? actual : resultOrErrorCode(() => metOf(actual, def.target, def.comparator));
  return {
    id: ind.id, period: p.key, label: p.period.label, target: def.target, comparator: def.comparator, unit: ind.unit,
    numerator: num, denominator: den, actual, attainment: attainment as number | string,
    met: m === true ? MET_LABELS.met : m === false ? MET_LABELS.notMet : String(m ?? ""),
  };
}

/** Every (indicator, period) figure the sheet shows, in sheet order. */
export function indicatorValues(model: WorkbookModel): IndicatorPeriodValues[] {
  const plan = indicatorSheetPlan(model);
  return plan.indicators.flatMap((ind) => {
    const def = definitionValues(ind, model);
    return plan.periods.map((p) => periodValues(ind, def, p, model));
  });
}

// --- references for other code --------------------------------------------------------------

export interface IndicatorDefinitionRef {
  id: string;
  row: number;
  /** A1 addresses on the sheet, by column key ("K5"). */
  cells: Record<DefinitionColumnKey, string>;
}

export interface IndicatorValueRef {
  id: string;
  period: IndicatorPeriodKey;
  label: string;
  row: number;
  cells: Record<ValueColumnKey, string>;
}

export interface IndicatorCellRefs {
  sheet: string;
  definitionsTable: string;
  valuesTable: string;
  definitions: IndicatorDefinitionRef[];
  values: IndicatorValueRef[];
  /** The sheet-qualified address of a column for one indicator and period: "'Chỉ tiêu'!J45". */
  ref(id: string, period: IndicatorPeriodKey, column: ValueColumnKey): string | null;
  /** A column's whole data range in table II, sheet-qualified and absolute: "'Chỉ tiêu'!$J$40:$J$250". */
  valuesRange(column: ValueColumnKey): string;
  definitionsRange(column: DefinitionColumnKey): string;
}

function cellsOf<K extends string>(columns: readonly { key: K }[], row: number): Record<K, string> {
  const out = {} as Record<K, string>;
  columns.forEach((c, i) => (out[c.key] = `${columnLetter(i)}${row}`));
  return out;
}

export function indicatorCellRefs(model: WorkbookModel): IndicatorCellRefs {
  const plan = indicatorSheetPlan(model);
  const definitions = plan.indicators.map((ind, i) => ({ id: ind.id, row: plan.firstDefinitionRow + i, cells: cellsOf(DEFINITION_COLUMNS, plan.firstDefinitionRow + i) }));
  const values: IndicatorValueRef[] = [];
  plan.indicators.forEach((ind, i) =>
    plan.periods.forEach((p, j) => {
      const row = plan.firstValueRow + i * plan.periods.length + j;
      values.push({ id: ind.id, period: p.key, label: p.period.label, row, cells: cellsOf(VALUE_COLUMNS, row) });
    }),
  );
  const lastValueRow = plan.firstValueRow + Math.max(values.length, 1) - 1;
  const byKey = new Map(values.map((v) => [`${v.id}\u0000${v.period}`, v]));
  return {
    sheet: INDICATORS_SHEET, definitionsTable: INDICATORS_TABLE, valuesTable: INDICATOR_VALUES_TABLE, definitions, values,
    ref: (id, period, column) => {
      const v = byKey.get(`${id}\u0000${period}`);
      return v ? sheetRef(INDICATORS_SHEET, v.cells[column]) : null;
    },
    valuesRange: (column) => sheetRef(INDICATORS_SHEET, `$${valCol(column)}$${plan.firstValueRow}:$${valCol(column)}$${lastValueRow}`),
    definitionsRange: (column) => sheetRef(INDICATORS_SHEET, `$${defCol(column)}$${plan.firstDefinitionRow}:$${defCol(column)}$${plan.lastDefinitionRow}`),
  };
}

// --- formulas ------------------------------------------------------------------------------------

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;

function unitLabel(ind: ListedIndicator): string {
  if (ind.unit === "count") return "số lượng";
  if (ind.change === "reduction") return "% cắt giảm";
  if (ind.change === "increase") return "% tăng";
  return "%";
}

const targetStyle = (unit: "percent" | "count", input = false): StyleKey =>
  input ? (unit === "percent" ? "inputPercent" : "input") : unit === "percent" ? "percent" : "number";

function definitionRow(ind: ListedIndicator, def: IndicatorDefinitionValues, r: number, model: WorkbookModel): Cell[] {
  const c = (k: DefinitionColumnKey) => `${defCol(k)}${r}`;
  const o = model.indicatorOverrides?.[ind.id];
  const counterpart = ind.counterpart
    ? `${ind.counterpart.agrees ? "=" : "≠"} ${ind.counterpart.id}: ${formatTarget(ind.counterpart.target, ind.counterpart.comparator, ind.counterpart.unit)}`
    : "";
  const cells: Record<DefinitionColumnKey, Cell> = {
    id: { v: ind.id },
    source: { v: ind.source ?? (ind.origin === "body" ? "Thân kế hoạch" : "Phụ lục") },
    text: { v: ind.text },
    index: { v: ind.index },
    unit: { v: unitLabel(ind) },
    comparatorRead: def.readByFormula ? { f: `CCHC.COMPARATOR(${c("text")},${c("index")})`, v: def.comparatorRead } : { v: def.comparatorRead },
    targetRead: def.readByFormula
      ? { f: `CCHC.TARGET(${c("text")},${c("index")})`, v: def.targetRead, style: targetStyle(ind.unit) }
      : { v: def.targetRead, style: targetStyle(ind.unit) },
    comparatorOverride: { v: o?.comparator ?? null, style: "input" },
    targetOverride: { v: typeof o?.target === "number" ? o.target : null, style: targetStyle(ind.unit, true) },
    comparator: { f: `IF(${c("comparatorOverride")}<>"",${c("comparatorOverride")},${c("comparatorRead")})`, v: def.comparator, style: "center" },
    target: { f: `IF(${c("targetOverride")}<>"",${c("targetOverride")},${c("targetRead")})`, v: def.target, style: targetStyle(ind.unit) },
    counterpart: { v: counterpart },
  };
  return DEFINITION_COLUMNS.map((col) => cells[col.key]);
}

function valueRow(ind: ListedIndicator, v: IndicatorPeriodValues, r: number, plan: IndicatorSheetPlan, model: WorkbookModel): Cell[] {
  const c = (k: ValueColumnKey) => `${valCol(k)}${r}`;
  const lookup = (k: DefinitionColumnKey) =>
    `INDEX($${defCol(k)}$${plan.firstDefinitionRow}:$${defCol(k)}$${plan.lastDefinitionRow},MATCH($${valCol("id")}${r},$${defCol("id")}$${plan.firstDefinitionRow}:$${defCol("id")}$${plan.lastDefinitionRow},0))`;
  const [A, T, C, N, D] = [c("actual"), c("target"), c("comparator"), c("numerator"), c("denominator")];
  const custom = model.mode === "custom";
  const blank = `OR(${A}="",${T}="")`;
  const tol = `1E-9*MAX(1,ABS(${A}),ABS(${T}))`;
  // Custom calls are guarded by the same blank test the functions apply, so a cell whose cached
  // value is "" never needs the add-in: LibreOffice recalculates formula cells cached as an empty
  // string, and an unguarded CCHC.* call would turn into #NAME? there.
  const actualF =
    ind.unit === "count" ? `IF(${N}="","",${N})` : `IF(OR(${N}="",${D}=""),"",${custom ? `CCHC.RATE(${N},${D})` : `${N}/${D}`})`;
  const metTest = custom
    ? `CCHC.MET(${A},${T},${C})`
    : `IF(${C}="<=",${A}<=${T}+${tol},IF(${C}="=",ABS(${A}-${T})<=${tol},${A}>=${T}-${tol}))`;
  const metF = `IF(${blank},"",IF(${metTest},${q(MET_LABELS.met)},${q(MET_LABELS.notMet)}))`;
  const attainmentF = custom
    ? `IF(${blank},"",CCHC.ATTAINMENT(${A},${T},${C}))`
    : `IF(${blank},"",IF(${c("met")}=${q(MET_LABELS.met)},1,IF(${C}="<=",IF(${T}<=0,0,${T}/${A}),IF(${C}="=",IF(${T}<=0,0,MAX(0,1-ABS(${A}-${T})/${T})),${A}/${T}))))`;
  const cells: Record<ValueColumnKey, Cell> = {
    id: { v: ind.id },
    period: { v: v.label },
    text: { v: ind.text },
    unit: { v: unitLabel(ind) },
    comparator: { f: lookup("comparator"), v: v.comparator, style: "center" },
    target: { f: lookup("target"), v: v.target, style: targetStyle(ind.unit) },
    numerator: { v: v.numerator, style: "input" },
    denominator: ind.unit === "count" ? { v: null, style: "note" } : { v: v.denominator, style: "input" },
    actual: { f: actualF, v: v.actual, style: targetStyle(ind.unit) },
    attainment: { f: attainmentF, v: v.attainment, style: "percent" },
    met: { f: metF, v: v.met, style: "center" },
  };
  return VALUE_COLUMNS.map((col) => cells[col.key]);
}

// --- the sheet -----------------------------------------------------------------------------------

export function indicatorsSheet(model: WorkbookModel): SheetLayout {
  const plan = indicatorSheetPlan(model);
  const sheet = emptySheet(INDICATORS_SHEET, "indicators");
  const lastDef = columnLetter(DEFINITION_COLUMNS.length - 1);
  const lastVal = columnLetter(VALUE_COLUMNS.length - 1);
  const lastCol = DEFINITION_COLUMNS.length >= VALUE_COLUMNS.length ? lastDef : lastVal;
  sheet.cells.A1 = { v: `CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM ${model.plan.year}`, style: "title" };
  sheet.cells.A2 = {
    v:
      "Phần I: mục tiêu đọc từ câu chỉ tiêu; nhập “So sánh/Mục tiêu điều chỉnh” (nền vàng) để thay. " +
      "Phần II: mỗi kỳ nhập tử số và mẫu số (nền vàng; chỉ tiêu đếm số lượng chỉ nhập tử số); kết quả, mức đạt và đạt/chưa đạt tự tính. " +
      "Kỳ số liệu theo ngày chốt trong sheet Cài đặt (Nghị định 09/2019/NĐ-CP).",
    style: "note",
  };
  sheet.merges.push(`A1:${lastCol}1`, `A2:${lastCol}2`);
  sheet.rowHeights = { 0: 30, 1: 45 };

  sheet.cells[`A${plan.definitionsHeaderRow - 1}`] = { v: "I. DANH MỤC CHỈ TIÊU VÀ MỤC TIÊU", style: "bold" };
  const defs = plan.indicators.map((ind) => definitionValues(ind, model));
  sheet.tables.push({
    name: INDICATORS_TABLE,
    origin: `A${plan.definitionsHeaderRow}`,
    columns: DEFINITION_COLUMNS.map((c) => ({ ...c })),
    rows: plan.indicators.map((ind, i) => definitionRow(ind, defs[i], plan.firstDefinitionRow + i, model)),
    style: "TableStyleLight9",
  });

  sheet.cells[`A${plan.valuesHeaderRow - 1}`] = { v: "II. SỐ LIỆU THEO KỲ BÁO CÁO", style: "bold" };
  const rows: Cell[][] = [];
  plan.indicators.forEach((ind, i) => {
    plan.periods.forEach((p) => {
      const r = plan.firstValueRow + rows.length;
      rows.push(valueRow(ind, periodValues(ind, defs[i], p, model), r, plan, model));
    });
  });
  sheet.tables.push({
    name: INDICATOR_VALUES_TABLE,
    origin: `A${plan.valuesHeaderRow}`,
    columns: VALUE_COLUMNS.map((c) => ({ ...c })),
    rows,
    style: "TableStyleLight9",
  });

  // Column widths: both tables share the columns; the wider wins.
  const widths: Record<string, number> = {};
  for (const cols of [DEFINITION_COLUMNS, VALUE_COLUMNS] as const) {
    cols.forEach((c, i) => (widths[columnLetter(i)] = Math.max(widths[columnLetter(i)] ?? 0, c.width)));
  }
  sheet.widths = widths;

  if (plan.indicators.length > 0) {
    const f = plan.firstDefinitionRow;
    const l = plan.lastDefinitionRow;
    sheet.validations.push({
      range: `${defCol("comparatorOverride")}${f}:${defCol("comparatorOverride")}${l}`,
      type: "list", values: [">=", "<=", "="], errorStyle: "stop",
      errorTitle: "So sánh", errorMessage: "Chọn >= (tối thiểu), <= (tối đa) hoặc = (bằng).",
      prompt: "Để trống để dùng phép so sánh đọc từ câu chỉ tiêu.",
    });
    sheet.validations.push({
      range: `${defCol("targetOverride")}${f}:${defCol("targetOverride")}${l}`,
      type: "decimal", errorStyle: "stop", errorTitle: "Mục tiêu", errorMessage: "Nhập một số không âm (ví dụ 75% hoặc 2).",
      prompt: "Để trống để dùng mục tiêu đọc từ câu chỉ tiêu.",
    });
    sheet.conditionalFormats.push({
      range: `${defCol("counterpart")}${f}:${defCol("counterpart")}${l}`,
      formula: `LEFT($${defCol("counterpart")}${f},1)="≠"`, fill: CF_COLORS.close,
    });
    const vf = plan.firstValueRow;
    const vl = plan.firstValueRow + rows.length - 1;
    for (const k of ["numerator", "denominator"] as const) {
      sheet.validations.push({
        range: `${valCol(k)}${vf}:${valCol(k)}${vl}`,
        type: "decimal", errorStyle: "stop", errorTitle: "Số liệu", errorMessage: "Nhập một số không âm.",
      });
    }
    const range = `${valCol("attainment")}${vf}:${valCol("met")}${vl}`;
    const m = `$${valCol("met")}${vf}`;
    const a = `$${valCol("attainment")}${vf}`;
    sheet.conditionalFormats.push(
      { range, formula: `${m}=${q(MET_LABELS.met)}`, fill: CF_COLORS.met, fontColor: "#006100" },
      { range, formula: `AND(${m}=${q(MET_LABELS.notMet)},${a}>=${CLOSE_ATTAINMENT})`, fill: CF_COLORS.close, fontColor: "#9C5700" },
      { range, formula: `AND(${m}=${q(MET_LABELS.notMet)},${a}<${CLOSE_ATTAINMENT})`, fill: CF_COLORS.far, fontColor: "#9C0006" },
    );
  }
  sheet.freeze = { rows: 0, columns: 2 };
  sheet.print = { orientation: "landscape", fitToWidth: true, pageNumbers: true };
  return sheet;
}
