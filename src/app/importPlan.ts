/**
 * Importing a plan on any host: into a workbook without a plan, the whole product workbook (plan,
 * checks, indicators, units, settings, an empty progress log so the plan's completion columns read
 * the log from the start); into a workbook that has one, the re-import (reimport.ts).
 */
import type { Plan } from "../core/plan";
import { defaultSettings } from "../core/settings";
import { DEFAULT_UNITS } from "../core/units";
import type { FormulaMode } from "../layout/model";
import { trackedWorkbookLayout } from "../layout/reportSheet";
import type { ApplyResult, WorkbookPort } from "./port";
import { reimport, type ReimportOutcome } from "./reimport";

export interface ImportOptions {
  headerLines: string[];
  /** The formulas the host can evaluate: "custom" (=CCHC.*) where the add-in's functions run, else "native". */
  mode: FormulaMode;
  /** The as-of date of a new workbook's settings (default: the plan year's cut-off). */
  asOf?: string;
  today?: string;
}

export async function importPlan(port: WorkbookPort, plan: Plan, options: ImportOptions): Promise<{ applied: ApplyResult; reimported: ReimportOutcome | null }> {
  const snapshot = await port.read();
  if (snapshot.sheets.some((s) => s.role === "plan")) {
    const reimported = await reimport(port, plan, { apply: true, headerLines: options.headerLines, today: options.today });
    return { applied: reimported.applied!, reimported };
  }
  const { layout } = trackedWorkbookLayout(
    { plan, settings: defaultSettings(plan, options.asOf), progress: {}, mode: options.mode },
    [],
    { units: DEFAULT_UNITS, validation: { headerLines: options.headerLines } },
  );
  return { applied: await port.apply(layout), reimported: null };
}
