/** Run in a child process by bench/sections/memory.ts: one pipeline, then its peak RSS. */
import { syntheticPlan } from "./synthetic";
import { planGrid, reportStep } from "./sections/scaling";
import { parseAppendix } from "../src/import/appendix";
import { validatePlan } from "../src/core/validate/validate";

async function main() {
  if (process.argv[2] === "full") {
    const plan = syntheticPlan(60000);
    const parsed = parseAppendix(planGrid(plan));
    validatePlan({ ...plan, activities: parsed.activities });
    const report = await reportStep(plan);
    report?.();
  }
  console.log(JSON.stringify({ maxRssMb: process.resourceUsage().maxRSS / 1024 }));
}
main();
