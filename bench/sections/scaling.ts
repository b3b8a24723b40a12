/**
 * Import (grid → plan), validation and report building at 60, 6,000 and 60,000 activities, each
 * with its growth ratio. Report building is measured twice: the report's figures (buildReport:
 * by group, by lead, overdue list, indicators) and the whole report sheet as the add-in lays it
 * out (reportSheet, which computes the figures too). The progress log is a realistic synthetic
 * one (bench/synthetic.ts), made once per size outside the timed part.
 */
import { gridFromValues } from "../../src/import/grid";
import { parseAppendix } from "../../src/import/appendix";
import { validatePlan } from "../../src/core/validate/validate";
import { buildReport } from "../../src/core/report";
import { parsePeriodToken } from "../../src/core/periods";
import { defaultSettings } from "../../src/core/settings";
import type { LogEntry } from "../../src/core/progress";
import { reportSheet } from "../../src/layout/reportSheet";
import { appendixRows } from "../../tests/helpers/docxWriter";
import { syntheticLog, syntheticPlan } from "../synthetic";
import { median, type Result } from "../measure";
import type { Plan } from "../../src/core/plan";

/**
 * The appendix as a pasted Excel range: the appendix's own header row, group rows, one row per
 * activity (merged cells empty but their first). appendixRows already starts with the header.
 */
export function planGrid(plan: Plan) {
  const rows = appendixRows(plan.groups, plan.activities).map((r) => (Array.isArray(r) ? r : r.cells).map((c) => (typeof c === "string" ? c : c.text ?? "")));
  return gridFromValues(rows);
}

/** The report of the nine months of 2024, as of its cut-off end, over a log up to that date. */
export const REPORT_PERIOD = parsePeriodToken("9M-2024");

export function reportLog(plan: Plan): LogEntry[] {
  return syntheticLog(plan, 1, REPORT_PERIOD.cutoffEnd);
}

/** buildReport with its real signature: (plan, log, period, asOf?, settings?, indicators?, opts?). */
export function reportStep(plan: Plan, log: readonly LogEntry[]) {
  const settings = defaultSettings(plan, REPORT_PERIOD.cutoffEnd);
  return () => buildReport(plan, log, REPORT_PERIOD, REPORT_PERIOD.cutoffEnd, settings, null, {});
}

/** The report sheet as the add-in builds it in the workbook (layout, figures included). */
export function reportSheetStep(plan: Plan, log: readonly LogEntry[]) {
  const settings = defaultSettings(plan, REPORT_PERIOD.cutoffEnd);
  const model = { plan, settings, progress: {}, mode: "native" as const };
  return () => reportSheet({ model, log, period: REPORT_PERIOD, asOf: REPORT_PERIOD.cutoffEnd });
}

const STEPS = {
  import: "import (pasted appendix grid → plan)",
  validation: "validation (60 → 60,000 series)",
  report: "report building: figures (buildReport, 9M-2024)",
  reportSheet: "report building: report sheet (layout + figures, 9M-2024)",
} as const;

export async function run(): Promise<Result[]> {
  const out: Result[] = [];
  const sizes = [60, 6000, 60000];
  const steps: Record<keyof typeof STEPS, number[]> = { import: [], validation: [], report: [], reportSheet: [] };
  const logSizes: number[] = [];
  for (const n of sizes) {
    const plan = syntheticPlan(n);
    const grid = planGrid(plan);
    const log = reportLog(plan);
    logSizes.push(log.length);
    const runs = n >= 60000 ? 3 : n >= 6000 ? 5 : 9;
    const parsed = parseAppendix(grid).activities.length;
    if (parsed !== n) throw new Error(`import of the ${n}-activity grid gave ${parsed} activities`);
    steps.import.push(await median(runs, () => parseAppendix(grid)));
    steps.validation.push(await median(runs, () => validatePlan(plan)));
    const report = reportStep(plan, log);
    const check = report();
    if (check.totals.activities !== n) throw new Error(`report of ${n} activities counts ${check.totals.activities}`);
    steps.report.push(await median(runs, report));
    steps.reportSheet.push(await median(runs, reportSheetStep(plan, log)));
  }
  for (const [step, label] of Object.entries(STEPS) as Array<[keyof typeof STEPS, string]>) {
    const times = steps[step];
    sizes.forEach((n, i) =>
      out.push({ name: `${label}, ${n.toLocaleString("en")} activities`, value: times[i], unit: "ms", note: step.startsWith("report") ? `log of ${logSizes[i].toLocaleString("en")} entries` : undefined }),
    );
    const growth = times[2] / times[0] / (sizes[2] / sizes[0]);
    const upper = times[2] / times[1] / (sizes[2] / sizes[1]);
    out.push({ name: `${label}: growth 60 → 60,000 (per-activity cost ratio; 1 = linear)`, value: growth, unit: "×", baseline: 1, ratio: growth, note: `6,000 → 60,000: ${upper.toFixed(2)}` });
  }
  return out;
}
