/** The whole workbook the add-in owns, from one model: the demo, an import and a rebuild all use it. */
import { DEFAULT_UNITS, type Unit } from "../core/units";
import type { WorkbookModel } from "./model";
import { planSheet } from "./planSheet";
import { unitsSheet } from "./unitsSheet";
import { indicatorsSheet } from "./indicatorsSheet";
import { settingsSheet } from "./settingsSheet";
import { addPlanChecks, checksSheet } from "./checksSheet";
import { validatePlan, type ValidateOptions } from "../core/validate/validate";
import type { Finding } from "../core/validate/rules";
import type { SheetLayout, WorkbookLayout } from "./types";

export interface WorkbookOptions {
  units?: Unit[];
  /** Extra sheets built by later steps (log, reports), appended in order. */
  extraSheets?: SheetLayout[];
  /** When the checks ran, shown on the "Kiểm tra" sheet (defaults to the as-of date). */
  validation?: Pick<ValidateOptions, "config" | "headerLines">;
}

export function buildWorkbookLayout(model: WorkbookModel, options: WorkbookOptions = {}): WorkbookLayout {
  return buildWorkbook(model, options).layout;
}

/** The workbook and the findings its "Kiểm tra" sheet lists, so a summary can count exactly those. */
export function buildWorkbook(model: WorkbookModel, options: WorkbookOptions = {}): { layout: WorkbookLayout; findings: Finding[] } {
  const names: Record<string, string> = {};
  const units = options.units ?? DEFAULT_UNITS;
  const findings = validatePlan(model.plan, { ...options.validation, units, asOf: model.settings.asOf, progress: model.progress });
  const plan = planSheet(model);
  addPlanChecks(plan, model.plan.activities.length, units.length);
  const sheets: SheetLayout[] = [
    plan,
    checksSheet(findings, model.plan.activities, names, model.settings.asOf),
    indicatorsSheet(model),
    unitsSheet(units),
    settingsSheet(model.settings, names, model),
    ...(options.extraSheets ?? []),
  ];
  const layout: WorkbookLayout = {
    sheets,
    names,
    properties: {
      title: model.plan.title,
      subject: `Kế hoạch cải cách hành chính ${model.plan.unit} năm ${model.plan.year}`,
      creator: "CCHC add-in",
      keywords: "CCHC; cải cách hành chính",
    },
  };
  return { layout, findings };
}
