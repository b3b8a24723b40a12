/**
 * Re-import of a revised appendix: which incoming activity is which existing one, so that the
 * progress logged against an activity (statuses, dates, evidence, notes) stays attached.
 * Pure: the workbook writing (keeping user columns, archiving removed rows) is done elsewhere.
 *
 * Matching, in order:
 * 1. by id (the id hashes group + objective/task/activity wording, so it survives renumbering
 *    and edits to output, owner, deadline or budget);
 * 2. by text similarity of objective + task + activity within the same group: every remaining
 *    pair scoring ≥ SIMILARITY_THRESHOLD (0.75, Dice on character bigrams, see core/text),
 *    best pair first (greedy; ties: document order);
 * 3. across groups, only near-identical wording (≥ CROSS_GROUP_THRESHOLD, 0.9): a revision that
 *    inserts a group renumbers every group after it, and the progress must follow.
 * A matched incoming activity takes the existing id. Unmatched existing → `removed` (to be
 * archived, never deleted); unmatched incoming → `added`.
 */
import { ACTIVITY_TEXT_FIELDS, type Activity } from "../core/plan";
import { matchKey } from "../core/text";

export const SIMILARITY_THRESHOLD = 0.75;
export const CROSS_GROUP_THRESHOLD = 0.9;
/** Above this many candidate pairs in one group, only pairs sharing objective or task wording or the activity number are compared. */
const MAX_FULL_PAIRS = 2_000_000;

export interface PlanDiff {
  /** `to` is the incoming activity with the existing id; `index` its position in `incoming`. */
  matched: Array<{ from: Activity; to: Activity; by: "id" | "similarity"; changes: string[]; index: number }>;
  added: Activity[];
  removed: Activity[];
}

const COMPARED_FIELDS = ["group", ...ACTIVITY_TEXT_FIELDS] as const;

/** The fields whose text differs (after normalisation: NFC and spaces do not count as changes). */
export function changedFields(from: Activity, to: Activity): string[] {
  return COMPARED_FIELDS.filter((f) => matchKey(from[f]) !== matchKey(to[f]) || from[f].normalize("NFC").trim() !== to[f].normalize("NFC").trim()).map(String);
}

interface Prepared {
  index: number;
  a: Activity;
  bigrams: Map<string, number>;
  n: number;
  key: string;
}

function prepare(a: Activity, index: number): Prepared {
  const key = [a.objective, a.task, a.activity].map(matchKey).join(" | ");
  const s = key.replace(/ /g, "");
  const bigrams = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    bigrams.set(g, (bigrams.get(g) ?? 0) + 1);
  }
  return { index, a, bigrams, n: Math.max(0, s.length - 1), key };
}

function dice(x: Prepared, y: Prepared): number {
  if (x.key === y.key) return 1;
  if (x.n === 0 || y.n === 0) return 0;
  const [small, large] = x.bigrams.size <= y.bigrams.size ? [x, y] : [y, x];
  let common = 0;
  for (const [g, n] of small.bigrams) {
    const m = large.bigrams.get(g);
    if (m) common += Math.min(n, m);
  }
  return (2 * common) / (x.n + y.n);
}

/** Text similarity of two activities' objective + task + activity wording (0..1). */
export function activitySimilarity(a: Activity, b: Activity): number {
  return dice(prepare(a, 0), prepare(b, 0));
}

function greedy(existing: Prepared[], incoming: Prepared[], threshold: number, sameGroup: boolean): Array<[Prepared, Prepared, number]> {
  const pairs: Array<[Prepared, Prepared, number]> = [];
  const full = existing.length * incoming.length <= MAX_FULL_PAIRS;
  for (const e of existing) {
    for (const i of incoming) {
      if (sameGroup && e.a.group !== i.a.group) continue;
      if (!full && matchKey(e.a.objective) !== matchKey(i.a.objective) && matchKey(e.a.task) !== matchKey(i.a.task) && (e.a.activityNo === "" || e.a.activityNo !== i.a.activityNo)) continue;
      const s = dice(e, i);
      if (s >= threshold) pairs.push([e, i, s]);
    }
  }
  pairs.sort((p, q) => q[2] - p[2] || p[0].index - q[0].index || p[1].index - q[1].index);
  const usedE = new Set<number>();
  const usedI = new Set<number>();
  const out: Array<[Prepared, Prepared, number]> = [];
  for (const p of pairs) {
    if (usedE.has(p[0].index) || usedI.has(p[1].index)) continue;
    usedE.add(p[0].index);
    usedI.add(p[1].index);
    out.push(p);
  }
  return out;
}

export function diffPlans(existing: Activity[], incoming: Activity[]): PlanDiff {
  const byId = new Map<string, number>();
  existing.forEach((a, i) => byId.set(a.id, i));
  const matchOf = new Map<number, { e: number; by: "id" | "similarity" }>(); // incoming index → existing index
  const usedE = new Set<number>();
  incoming.forEach((a, i) => {
    const e = byId.get(a.id);
    if (e !== undefined && !usedE.has(e)) {
      matchOf.set(i, { e, by: "id" });
      usedE.add(e);
    }
  });

  const restE = () => existing.map((a, i) => ({ a, i })).filter((x) => !usedE.has(x.i)).map((x) => prepare(x.a, x.i));
  const restI = () => incoming.map((a, i) => ({ a, i })).filter((x) => !matchOf.has(x.i)).map((x) => prepare(x.a, x.i));

  // Same group first, group by group to keep the pair count small.
  const eByGroup = new Map<string, Prepared[]>();
  for (const p of restE()) eByGroup.set(p.a.group, [...(eByGroup.get(p.a.group) ?? []), p]);
  const iByGroup = new Map<string, Prepared[]>();
  for (const p of restI()) iByGroup.set(p.a.group, [...(iByGroup.get(p.a.group) ?? []), p]);
  for (const [g, es] of eByGroup) {
    const is = iByGroup.get(g);
    if (!is) continue;
    for (const [e, i] of greedy(es, is, SIMILARITY_THRESHOLD, true)) {
      matchOf.set(i.index, { e: e.index, by: "similarity" });
      usedE.add(e.index);
    }
  }
  // Then near-identical wording across groups.
  for (const [e, i] of greedy(restE(), restI(), CROSS_GROUP_THRESHOLD, false)) {
    matchOf.set(i.index, { e: e.index, by: "similarity" });
    usedE.add(e.index);
  }

  const matched: PlanDiff["matched"] = [];
  const added: Activity[] = [];
  incoming.forEach((a, i) => {
    const m = matchOf.get(i);
    if (!m) {
      added.push(a);
      return;
    }
    const from = existing[m.e];
    const to: Activity = { ...a, id: from.id };
    matched.push({ from, to, by: m.by, changes: changedFields(from, to), index: i });
  });
  const removed = existing.filter((_, i) => !usedE.has(i));
  return { matched, added, removed };
}

/**
 * The incoming plan as it should be stored: document order, matched activities carrying their
 * existing ids. (No id can collide: an incoming id equal to an existing one always matches by id.)
 */
export function reconciledActivities(diff: PlanDiff, incoming: Activity[]): Activity[] {
  const byIndex = new Map<number, Activity>();
  for (const m of diff.matched) byIndex.set(m.index, m.to);
  return incoming.map((a, i) => byIndex.get(i) ?? a);
}
