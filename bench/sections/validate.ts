/** Validation and owner matching. */
import { validatePlan } from "../../src/core/validate/validate";
import { DEFAULT_UNITS, UnitDirectory } from "../../src/core/units";
import { syntheticPlan } from "../synthetic";
import { median, type Result } from "../measure";

/** Known names with stray spacing, numbered variants, names without diacritics, and unknowns. */
function distinctSpellings(units: typeof DEFAULT_UNITS, count: number, run: number): string[] {
  const names = units.flatMap((u) => [u.name, ...u.aliases, ...u.abbreviations]);
  const out: string[] = [];
  for (let i = 0; out.length < count; i++) {
    const n = names[i % names.length];
    const j = i + run * 100000;
    switch (i % 4) {
      case 0: out.push(`${n}${" ".repeat(j % 5)}.`); break;
      case 1: out.push(`${n.toLowerCase()} #${j}`); break;
      case 2: out.push(n.normalize("NFD").replace(/[\u0300-\u036f]/g, "") + (i % 3 ? "" : "x")); break;
      default: out.push(`Đơn vị lạ số ${j}`);
    }
  }
  return out;
}

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
  let run = 0;
  // A fresh directory and fresh, distinct spellings per run: the matcher's caches would
  // otherwise make repeats free.
  const tMatch = await median(5, () => {
    const names = distinctSpellings(units, 10000, run++);
    const dir = new UnitDirectory(units);
    for (const n of names) dir.match(n);
  });
  out.push({ name: `owner matching: 10,000 distinct names against a ${units.length}-unit directory (cold)`, value: tMatch, unit: "ms" });
  return out;
}
