/** Validation and owner matching. */
import { validatePlan } from "../../src/core/validate/validate";
import { DEFAULT_UNITS, UnitDirectory } from "../../src/core/units";
import { syntheticPlan } from "../synthetic";
import { median, type Result } from "../measure";

export async function run(): Promise<Result[]> {
  const out: Result[] = [];
  const small = syntheticPlan(60);
  const large = syntheticPlan(10000);
  const t60 = await median(9, () => validatePlan(small));
  const t10k = await median(3, () => validatePlan(large));
  out.push({ name: "validation, 60 activities", value: t60, unit: "ms" });
  out.push({ name: "validation, 10,000 activities", value: t10k, unit: "ms" });
  out.push({ name: "validation growth 60 → 10,000 (per-activity cost ratio; 1 = linear)", value: t10k / t60 / (10000 / 60), unit: "×", baseline: 1, ratio: t10k / t60 / (10000 / 60) });

  const units = DEFAULT_UNITS.slice(0, 50);
  const names = large.activities.map((a) => a.lead || a.partners || "Tư pháp");
  // A fresh directory per run: the matcher's cache would otherwise make repeats free.
  const tMatch = await median(5, () => {
    const dir = new UnitDirectory(units);
    for (const n of names) dir.match(n);
  });
  out.push({ name: `owner matching: 10,000 names against a ${units.length}-unit directory`, value: tMatch, unit: "ms" });
  return out;
}
