/**
 * District roll-up of 30 and 300 communes' exports (src/export): reading and verifying each file
 * (fingerprint, key cells, sums), consolidating one period, and writing the district workbook
 * (rollupWorkbook). The exports are generated once, outside the timed part (communeExports: the
 * embedded 60-activity plan, a reproducible log per commune, Q2-2024); the 30 are the first 30 of
 * the 300. Growth: per-commune cost at 300 over per-commune cost at 30 (1 = linear).
 */
import { communeExports } from "../synthetic";
import { rollupFiles, rollupWorkbook } from "../../src/export/rollup";
import { paired, type Result } from "../measure";

type Files = Array<{ name: string; bytes: Uint8Array }>;

function check(files: Files) {
  const { result } = rollupFiles(files);
  if (result.ok.length !== files.length || result.flagged.length) {
    throw new Error(`roll-up of ${files.length} exports: ${result.ok.length} summed, ${result.flagged.length} flagged`);
  }
}

export async function run(): Promise<Result[]> {
  const t0 = Date.now();
  const all = await communeExports(300);
  const generation = (Date.now() - t0) / 1000;
  const small = all.slice(0, 30);
  check(small);
  check(all);
  const write = (files: Files) => rollupWorkbook(files, { generatedAt: "2024-06-20T08:00:00Z", created: new Date("2024-06-20T08:00:00Z") });
  // 300 and 30 in alternation (300, 30, 300, 30…): growth = median of the per-pair ratios / 10.
  const runs = 7;
  const full = await paired(runs, () => write(all), () => write(small));
  const read = await paired(runs, () => rollupFiles(all), () => rollupFiles(small));
  const out: Result[] = [];
  for (const [label, m] of [["roll-up to the district .xlsx (read, verify, consolidate, write)", full], ["roll-up, figures and layout only (no .xlsx written)", read]] as const) {
    out.push({ name: `${label}, 30 communes`, value: m.b, unit: "ms", note: `median of ${runs}` });
    out.push({ name: `${label}, 300 communes`, value: m.a, unit: "ms", note: `median of ${runs}, alternating with 30` });
    const growth = m.ratio / 10;
    out.push({ name: `${label}: growth 30 → 300 (per-commune cost ratio; 1 = linear)`, value: growth, unit: "×", baseline: 1, ratio: growth });
  }
  out[0].note += `; ${all.length} exports generated beforehand in ${generation.toFixed(0)} s, ${Math.round(all.reduce((s, f) => s + f.bytes.length, 0) / all.length / 1024)} KB each`;
  return out;
}
