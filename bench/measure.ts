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

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

export function printTable(results: Result[]): string {
  const rows = results.map((r) => [r.name, `${round(r.value)} ${r.unit}`, r.baseline === undefined ? "" : `${round(r.baseline)} ${r.unit}`, r.ratio === undefined ? "" : String(round(r.ratio, 3)), r.note ?? ""]);
  const head = ["figure", "value", "baseline", "ratio", "note"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
