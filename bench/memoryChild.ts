/**
 * Run in a child process by bench/sections/memory.ts: the 60,000-activity pipeline (import of the
 * pasted appendix, validation, report figures and report sheet over a synthetic log), then its
 * peak RSS. "idle" only loads the same code. Prints one JSON line; the steps it ran are listed so
 * the parent can check the report really ran.
 */
import { syntheticPlan } from "./synthetic";
import { planGrid, reportLog, reportStep, reportSheetStep } from "./sections/scaling";
import { parseAppendix } from "../src/import/appendix";
import { validatePlan } from "../src/core/validate/validate";

const peakMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

function main() {
  const steps: string[] = [];
  /** Peak RSS so far after each step (cumulative: max RSS never goes down). */
  const after: Record<string, number> = {};
  const done = (step: string) => {
    steps.push(step);
    after[step] = peakMb();
  };
  let activities = 0;
  if (process.argv[2] === "full") {
    const plan = syntheticPlan(60000);
    const parsed = parseAppendix(planGrid(plan));
    activities = parsed.activities.length;
    done("import");
    validatePlan({ ...plan, activities: parsed.activities });
    done("validation");
    const log = reportLog(plan);
    const report = reportStep(plan, log)();
    if (report.totals.activities === 60000) done("report");
    const sheet = reportSheetStep(plan, log)();
    if (Object.keys(sheet.cells).length > 0) done("reportSheet");
  }
  console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024, steps, after, activities }));
}
main();
