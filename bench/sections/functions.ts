/**
 * Custom functions: 10,000 attainments computed as 10,000 scalar calls of CCHC.ATTAINMENT (one
 * cell each, as Excel calls a function copied down a column) vs one call over the 10,000×1 ranges
 * (bench/attainments.ts: both through the exported entry points). Each run of benchAttainments
 * warms both ways up once, then times each once; the figures are medians over the runs, and the
 * two ways must give the same 10,000 values. This is the add-in's JavaScript only: in Excel, each
 * scalar call also pays the runtime's own per-call cost, which the range call pays once.
 */
import { benchAttainments } from "../attainments";
import { medianOf, type Result } from "../measure";

export async function run(): Promise<Result[]> {
  const n = 10_000;
  const runs = Array.from({ length: 9 }, () => benchAttainments(n));
  if (runs.some((r) => !r.same || r.n !== n)) throw new Error("scalar and range calls gave different attainments");
  const scalar = medianOf(runs.map((r) => r.scalarMs));
  const range = medianOf(runs.map((r) => r.rangeMs));
  return [
    // The ratio: median of each run's own range/scalar ratio (both timed back to back).
    { name: "custom function: 10,000 attainments, one range call vs 10,000 scalar calls", value: range, unit: "ms", baseline: scalar, ratio: medianOf(runs.map((r) => r.rangeMs / r.scalarMs)), note: `median of ${runs.length}; JS time only, no Excel call overhead` },
  ];
}
