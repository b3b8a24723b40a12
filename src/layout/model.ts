/** Everything the workbook is built from. */
import type { Comparator, Plan } from "../core/plan";
import type { Settings } from "../core/settings";
import type { LogState } from "../core/activityStatus";

/** What a person entered for one activity: survives re-imports and rebuilds. */
export interface ActivityProgress {
  userDeadline?: string | null; // ISO
  completedOn?: string | null; // ISO
  evidence?: string;
  note?: string;
  /**
   * What the log says for the status (core/activityStatus LogState), derived by trackedModel and
   * never read from a sheet: absent, the status is the deadline's and the completion date's alone
   * ("Thường xuyên" for a recurring activity).
   */
  logState?: LogState;
}

/**
 * "custom": formulas call =CCHC.* (Excel with the add-in's shared runtime).
 * "native": only built-in Excel functions, for Excel 2016/2019 and for files sent to the district.
 */
export type FormulaMode = "custom" | "native";

export interface WorkbookModel {
  plan: Plan;
  settings: Settings;
  progress: Record<string, ActivityProgress>;
  mode: FormulaMode;
  /**
   * What officials typed on the "Chỉ tiêu" sheet: numerator and denominator by indicator id and
   * period key ("Q1", "Q2", "H1", "Q3", "9M", "Q4", "Y"; see INDICATOR_PERIOD_KEYS in indicatorsSheet.ts).
   */
  indicatorInputs?: Record<string, Partial<Record<string, IndicatorInput>>>;
  /** Targets and comparators a person set over the ones read from the indicator's text, by indicator id. */
  indicatorOverrides?: Record<string, IndicatorOverride>;
}

/** One period's figures for one indicator (a count indicator uses the numerator only). */
export interface IndicatorInput {
  numerator?: number | null;
  denominator?: number | null;
}

export interface IndicatorOverride {
  target?: number | null;
  comparator?: Comparator | null;
}
