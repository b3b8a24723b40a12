/** Medians of repeated runs, and the results table. */
export interface Result {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  note?: string;
}

export async function median(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/**
 * Two things timed in alternation (a, b, a, b…), so that a change in the machine's load during
 * the runs weighs on both alike: the median of each, and the median of the per-pair ratios a/b.
 */
export async function paired(runs: number, a: () => unknown | Promise<unknown>, b: () => unknown | Promise<unknown>): Promise<{ a: number; b: number; ratio: number }> {
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    ta.push((await timed(a)).ms);
    tb.push((await timed(b)).ms);
  }
  return { a: medianOf(ta), b: medianOf(tb), ratio: medianOf(ta.map((x, i) => x / tb[i])) };
}

/** The median of values already measured (each run timed by the caller). */
export function medianOf(values: readonly number[]): number {
  if (!values.length) throw new Error("medianOf: no values");
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Milliseconds taken by fn (awaited). */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export function printTable(results: Result[]): string {
  const rows = results.map((r) => [r.name, `${round(r.value)} ${r.unit}`, r.baseline === undefined ? "" : `${round(r.baseline)} ${r.unit}`, r.ratio === undefined ? "" : String(round(r.ratio, 3)), r.note ?? ""]);
  const head = ["figure", "value", "baseline", "ratio", "note"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
