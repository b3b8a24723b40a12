/** Everything the workbook is built from. */
import type { Plan } from "../core/plan";
import type { Settings } from "../core/settings";

/** What a person entered for one activity: survives re-imports and rebuilds. */
export interface ActivityProgress {
  userDeadline?: string | null; // ISO
  completedOn?: string | null; // ISO
  evidence?: string;
  note?: string;
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
}
