/**
 * Importing a plan on any host: into a workbook without a plan, the whole product workbook (plan,
 * checks, indicators, units, settings, an empty progress log so the plan's completion columns read
 * the log from the start); into a workbook that has one, the re-import (reimport.ts).
 */
import type { Message } from "../core/message";
import type { Plan } from "../core/plan";
import { todayIso } from "../core/dates";
import { defaultSettings, initialAsOf } from "../core/settings";
import { DEFAULT_UNITS } from "../core/units";
import type { Finding } from "../core/validate/rules";
import type { FormulaMode } from "../layout/model";
import { hasPlanSheet } from "../layout/readBack";
import { trackedWorkbookLayout } from "../layout/reportSheet";
import type { ApplyOptions, ApplyResult, WorkbookPort } from "./port";
import { reimport, type ReimportOutcome } from "./reimport";

export interface ImportOptions {
  headerLines: string[];
  /** The formulas the host can evaluate: "custom" (=CCHC.*) where the add-in's functions run, else "native". */
  mode: FormulaMode;
  /** The as-of date of a new workbook's settings (default: initialAsOf — today within the plan year, else its last cut-off). */
  asOf?: string;
  today?: string;
  apply?: ApplyOptions;
}

export interface ImportOutcome {
  applied: ApplyResult;
  /** The re-import's diff and archive; null for a new workbook. */
  reimported: ReimportOutcome | null;
  /** What the "Kiểm tra" sheet lists. */
  findings: Finding[];
  /** What could not be read as expected in the workbook that was there. */
  warnings: Message[];
}

export async function importPlan(port: WorkbookPort, plan: Plan, options: ImportOptions): Promise<ImportOutcome> {
  const snapshot = await port.read();
  if (hasPlanSheet(snapshot)) {
    const reimported = await reimport({ read: async () => snapshot, apply: port.apply.bind(port) }, plan, {
      apply: true, headerLines: options.headerLines, today: options.today, asOf: options.asOf, applyOptions: options.apply,
    });
    return { applied: reimported.applied!, reimported, findings: reimported.findings, warnings: reimported.warnings };
  }
  const { layout, findings } = trackedWorkbookLayout(
    { plan, settings: defaultSettings(plan, options.asOf ?? initialAsOf(plan.year, options.today ?? todayIso())), progress: {}, mode: options.mode },
    [],
    { units: DEFAULT_UNITS, validation: { headerLines: options.headerLines } },
  );
  return { applied: await port.apply(layout, options.apply), reimported: null, findings, warnings: [] };
}
