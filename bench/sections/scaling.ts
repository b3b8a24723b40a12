/** Import (grid → plan), validation and report building at 60, 6,000 and 60,000 activities. */
import { gridFromValues } from "../../src/import/grid";
import { parseAppendix } from "../../src/import/appendix";
import { validatePlan } from "../../src/core/validate/validate";
import { appendixRows } from "../../tests/helpers/docxWriter";
import { syntheticPlan } from "../synthetic";
import { median, type Result } from "../measure";
import type { Plan } from "../../src/core/plan";

/** The appendix as a pasted Excel range: header, group rows, one row per activity. */
export function planGrid(plan: Plan) {
  const rows = appendixRows(plan.groups, plan.activities).map((r) => (Array.isArray(r) ? r : r.cells).map((c) => (typeof c === "string" ? c : c.text ?? "")));
  const header = ["TT", "Mục tiêu/Chỉ tiêu/nội dung", "Nhiệm vụ", "Hoạt động", "Kết quả, sản phẩm", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Kinh phí"];
  return gridFromValues([header, ...rows]);
}

export async function reportStep(plan: Plan): Promise<(() => unknown) | null> {
  try {
    const mod = await import("../../src/core/report");
    const periods = await import("../../src/core/periods");
    const period = periods.parsePeriodToken("Q2-2024");
    return () => (mod as any).buildReport(plan, [], period, period.cutoffEnd);
  } catch {
    return null;
  }
}

export async function run(): Promise<Result[]> {
  const out: Result[] = [];
  const sizes = [60, 6000, 60000];
  const steps: Record<string, number[]> = { import: [], validation: [], report: [] };
  for (const n of sizes) {
    const plan = syntheticPlan(n);
    const grid = planGrid(plan);
    const runs = n >= 60000 ? 1 : n >= 6000 ? 3 : 9;
    steps.import.push(await median(runs, () => parseAppendix(grid)));
    steps.validation.push(await median(runs, () => validatePlan(plan)));
    const report = await reportStep(plan);
    if (report) steps.report.push(await median(runs, report));
  }
  for (const [step, times] of Object.entries(steps)) {
    if (times.length !== sizes.length) {
      out.push({ name: `${step} — not measured`, value: 0, unit: "ms", note: "module not available" });
      continue;
    }
    sizes.forEach((n, i) => out.push({ name: `${step}, ${n.toLocaleString("en")} activities`, value: times[i], unit: "ms" }));
    const growth = times[2] / times[0] / (sizes[2] / sizes[0]);
    out.push({ name: `${step} growth 60 → 60,000 (per-activity cost ratio; 1 = linear)`, value: growth, unit: "×", baseline: 1, ratio: growth });
  }
  return out;
}
