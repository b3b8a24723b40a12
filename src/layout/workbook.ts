/** The whole workbook the add-in owns, from one model: the demo, an import and a rebuild all use it. */
import { DEFAULT_UNITS, type Unit } from "../core/units";
import type { WorkbookModel } from "./model";
import { planSheet } from "./planSheet";
import { unitsSheet } from "./unitsSheet";
import { indicatorsSheet } from "./indicatorsSheet";
import { settingsSheet } from "./settingsSheet";
import type { SheetLayout, WorkbookLayout } from "./types";

export interface WorkbookOptions {
  units?: Unit[];
  /** Extra sheets built by later steps (checks, log, reports), appended in order. */
  extraSheets?: SheetLayout[];
}

export function buildWorkbookLayout(model: WorkbookModel, options: WorkbookOptions = {}): WorkbookLayout {
  const names: Record<string, string> = {};
  const sheets: SheetLayout[] = [
    planSheet(model),
    indicatorsSheet(model),
    unitsSheet(options.units ?? DEFAULT_UNITS),
    settingsSheet(model.settings, names),
    ...(options.extraSheets ?? []),
  ];
  return {
    sheets,
    names,
    properties: {
      title: model.plan.title,
      subject: `Kế hoạch cải cách hành chính ${model.plan.unit} năm ${model.plan.year}`,
      creator: "CCHC add-in",
      keywords: "CCHC; cải cách hành chính",
    },
  };
}
