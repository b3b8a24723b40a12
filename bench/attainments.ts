/**
 * A benchmark helper for `npm run bench` (bench/functions.bench.ts): N attainments computed as N
 * scalar calls of CCHC.ATTAINMENT (each argument a 1×1 range, as Excel passes one cell) versus one
 * call over N×1 ranges (a whole column). Both go through the exported custom-function entry
 * points of functions.ts, so the figures are what Excel's runtime would execute.
 */
import { attainment } from "../src/functions/functions";

export interface AttainmentBenchInputs {
  actual: number[][];
  target: number[][];
}

/** Deterministic N×1 columns: actual ratios in [0, 1.2), targets in [0.3, 1]. */
export function attainmentBenchInputs(n = 10_000): AttainmentBenchInputs {
  const actual: number[][] = [];
  const target: number[][] = [];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < n; i++) {
    actual.push([Math.round(next() * 1200) / 1000]);
    target.push([0.3 + Math.round(next() * 70) / 100]);
  }
  return { actual, target };
}

/** N separate calls, one cell each; returns the N results in order. */
export function attainmentScalarCalls(inputs: AttainmentBenchInputs): unknown[] {
  const out: unknown[] = new Array(inputs.actual.length);
  for (let i = 0; i < inputs.actual.length; i++) out[i] = attainment([[inputs.actual[i][0]]], [[inputs.target[i][0]]])[0][0];
  return out;
}

/** One call over the whole columns; returns the N results in order. */
export function attainmentRangeCall(inputs: AttainmentBenchInputs): unknown[] {
  return attainment(inputs.actual, inputs.target).map((row) => row[0]);
}

export interface AttainmentBenchResult {
  n: number;
  scalarMs: number;
  rangeMs: number;
  /** scalarMs / rangeMs */
  speedup: number;
  /** Both ways give the same N values. */
  same: boolean;
}

/** Times both ways (after one warm-up run of each) and checks they agree. */
export function benchAttainments(n = 10_000, now: () => number = () => performance.now()): AttainmentBenchResult {
  const inputs = attainmentBenchInputs(n);
  attainmentScalarCalls(inputs);
  attainmentRangeCall(inputs);
  let t = now();
  const a = attainmentScalarCalls(inputs);
  const scalarMs = now() - t;
  t = now();
  const b = attainmentRangeCall(inputs);
  const rangeMs = now() - t;
  const same = a.length === b.length && a.every((x, i) => x === b[i]);
  return { n, scalarMs, rangeMs, speedup: rangeMs > 0 ? scalarMs / rangeMs : Infinity, same };
}
