/**
 * Plans, logs and communes' exports of any size, for the benchmarks and the scale tests: the
 * embedded plan's activities repeated (each copy with its own wording, hence its own id), a
 * reproducible pseudo-random progress log, and exports generated from them. Deterministic for a
 * given seed. Generating an export costs about 0.1–0.2 s (exceljs): time the roll-up separately.
 */
import { HONG_LOC_2024 } from "../src/data/hongLoc2024";
import { addDays } from "../src/core/dates";
import { parsePeriodToken, periodsOfYear } from "../src/core/periods";
import { makeActivities, type ActivityFields, type Plan } from "../src/core/plan";
import { trackedDeadline, type LogEntry } from "../src/core/progress";
import { seededRandom as rng } from "../src/core/random";
import { defaultSettings } from "../src/core/settings";
import { buildDistrictExport } from "../src/export/districtExport";

/** `base` with `size` activities (its own, then repeated as "(đợt k)"), same groups, indicators and metadata. */
export function scaledPlan(base: Plan, size: number): Plan {
  const rows: ActivityFields[] = [];
  for (let i = 0; i < size; i++) {
    const a = base.activities[i % base.activities.length];
    const round = Math.floor(i / base.activities.length);
    const { id: _id, ...fields } = a;
    rows.push(round === 0 ? fields : { ...fields, activity: `${a.activity} (đợt ${round + 1})`, activityNo: `${a.activityNo}.${round + 1}` });
  }
  return { ...base, activities: makeActivities(rows) };
}

/** The embedded plan scaled to `size` activities. */
export function syntheticPlan(size: number): Plan {
  return scaledPlan(HONG_LOC_2024, size);
}

/** A progress log: each activity done on time, late, in progress or untouched; recurring ones reported most quarters. */
export function syntheticLog(plan: Pick<Plan, "activities" | "year">, seed: number, asOf: string): LogEntry[] {
  const r = rng(seed);
  const out: LogEntry[] = [];
  const quarters = periodsOfYear(plan.year).filter((p) => p.kind === "quarter" && p.cutoffStart <= asOf);
  const cache = new Map<string, ReturnType<typeof trackedDeadline>>();
  for (const a of plan.activities) {
    let d = cache.get(a.deadline);
    if (!d) cache.set(a.deadline, (d = trackedDeadline(a, plan.year)));
    if (d.kind === "recurring") {
      for (const q of quarters) {
        const end = q.cutoffEnd < asOf ? q.cutoffEnd : asOf;
        if (r() < 0.7) out.push({ date: addDays(end, -Math.floor(r() * 20)), activityId: a.id, status: "done", completedOn: null, evidence: "BC", note: "", who: "" });
      }
      continue;
    }
    if (!d.end) continue;
    const date = addDays(d.end, Math.floor(r() * 60) - 40);
    if (date > asOf) continue;
    const x = r();
    if (x < 0.6) out.push({ date, activityId: a.id, status: "done", completedOn: date, evidence: "QĐ", note: "", who: "" });
    else if (x < 0.85) out.push({ date, activityId: a.id, status: "in-progress", completedOn: null, evidence: "", note: "", who: "" });
  }
  return out.sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0));
}

/** `count` communes' exports of the embedded plan (or `activities` of it) for one period, each with its own name and log. */
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
