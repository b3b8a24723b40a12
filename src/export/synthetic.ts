/**
 * Generated communes' exports, for the district roll-up benchmark and scale tests
 * (`rollupFiles(await communeExports(300))`). Each commune: its own name, the embedded plan
 * (or `activities` of it), a reproducible log, the chosen period. Generating costs about
 * 0.1–0.2 s per file (exceljs); time the roll-up separately.
 */
import { HONG_LOC_2024 } from "../data/hongLoc2024";
import { parsePeriodToken } from "../core/periods";
import { defaultSettings } from "../core/settings";
import { scaledPlan, syntheticLog } from "../core/synthetic";
import { buildDistrictExport } from "./districtExport";

export async function communeExports(
  count: number,
  options: { period?: string; asOf?: string; activities?: number; district?: string } = {},
): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const period = parsePeriodToken(options.period ?? "Q2-2024");
  const asOf = options.asOf ?? "2024-09-14";
  const plan = options.activities ? scaledPlan(HONG_LOC_2024, options.activities) : HONG_LOC_2024;
  const out: Array<{ name: string; bytes: Uint8Array }> = [];
  for (let i = 0; i < count; i++) {
    const commune = `Xã Số ${String(i + 1).padStart(3, "0")}`;
    const settings = { ...defaultSettings(plan, asOf), commune, unit: `UBND ${commune}`, district: options.district ?? "Huyện Mẫu" };
    const e = await buildDistrictExport({
      model: { plan, settings, progress: {}, mode: "native" }, log: syntheticLog(plan, 7919 * (i + 1), asOf), periods: [period],
      exportedAt: "2024-06-20T08:00:00Z",
    });
    out.push({ name: e.fileName, bytes: e.bytes });
  }
  return out;
}
