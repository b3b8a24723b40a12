/**
 * Synthetic plans and logs of any size, for benchmarks and scale tests: the embedded plan's
 * activities repeated (each copy with its own wording, hence its own id) and a reproducible
 * pseudo-random progress log. Plain TypeScript, deterministic for a given seed.
 */
import { addDays } from "./dates";
import { periodsOfYear } from "./periods";
import { makeActivities, type Plan } from "./plan";
import { trackedDeadline, type LogEntry } from "./progress";
import { seededRandom as rng } from "./random";

/** `base` with `n` activities (its own repeated, numbered "#k"), same groups, indicators and metadata. */
export function scaledPlan(base: Plan, n: number): Plan {
  const rows = Array.from({ length: n }, (_, i) => {
    const { id: _id, ...a } = base.activities[i % base.activities.length];
    return i < base.activities.length ? a : { ...a, activity: `${a.activity} #${Math.floor(i / base.activities.length)}` };
  });
  return { ...base, activities: makeActivities(rows) };
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
