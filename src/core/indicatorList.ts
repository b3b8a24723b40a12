/**
 * The plan's indicators as the "Chỉ tiêu" sheet lists them: the plan body's numeric targets
 * (`plan.indicators`) followed by every appendix objective with a numeric target (read from the
 * objective's wording with `readTargets`, one indicator per target), each paired with its
 * counterpart on the other side when the two sentences speak of the same thing, so that
 * disagreements (body 50% / appendix 35% of units inspected) show side by side.
 * Plain TypeScript: no Office, DOM or Node imports.
 */
import type { Activity, Comparator, Indicator, Plan } from "./plan";
import { readTargets, type Target } from "./targets";
import { topicOverlap, TOPIC_THRESHOLD } from "./validate/targetConflicts";

export interface ListedIndicator extends Indicator {
  origin: "body" | "appendix";
  /** 1-based position of the target in its sentence (what CCHC.TARGET's index argument takes). */
  index: number;
  /** Appendix only: the objective's group and document number. */
  group?: string;
  objectiveNo?: string;
  /** "giảm 20%": the target is a reduction (or increase) rather than a level. */
  change?: "reduction" | "increase";
  /** The indicator on the other side (body ↔ appendix) about the same thing, if any. */
  counterpart?: { id: string; target: number; comparator: Comparator; unit: "percent" | "count"; agrees: boolean };
}

const EPS = 1e-9;

/** "OBJ-<group>-<objectiveNo>[a|b…]"; an unnumbered objective uses its position in the group: "OBJ-III-#5". */
export function appendixIndicatorId(group: string, objectiveNo: string, position: number, targetIndex: number, targetCount: number): string {
  const no = objectiveNo.trim() || `#${position}`;
  const suffix = targetCount > 1 ? String.fromCharCode(96 + targetIndex) : "";
  return `OBJ-${group}-${no}${suffix}`;
}

/** Every appendix objective with a numeric target, one indicator per target, in document order. */
export function appendixIndicators(activities: Activity[]): ListedIndicator[] {
  const out: ListedIndicator[] = [];
  const seen = new Set<string>();
  const positions = new Map<string, number>();
  const ids = new Set<string>();
  for (const a of activities) {
    const key = `${a.group}\u0000${a.objectiveNo}\u0000${a.objective}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const position = (positions.get(a.group) ?? 0) + 1;
    positions.set(a.group, position);
    if (!a.objective) continue;
    const targets: Target[] = readTargets(a.objective);
    targets.forEach((t, i) => {
      let id = appendixIndicatorId(a.group, a.objectiveNo, position, i + 1, targets.length);
      for (let k = 2; ids.has(id); k++) id = `${appendixIndicatorId(a.group, a.objectiveNo, position, i + 1, targets.length)}~${k}`;
      ids.add(id);
      const ind: ListedIndicator = {
        id, text: a.objective, target: t.value, comparator: t.comparator, unit: t.unit, index: i + 1,
        source: `Phụ lục ${a.group} ${a.objectiveNo || `(mục tiêu thứ ${position})`}`.trim(),
        origin: "appendix", group: a.group, objectiveNo: a.objectiveNo,
      };
      if (t.change) ind.change = t.change;
      out.push(ind);
    });
  }
  return out;
}

/** The body indicator an appendix target speaks of: the closest topic, then the same (or closest) value. */
function bodyCounterpart(app: ListedIndicator, body: ListedIndicator[]): ListedIndicator | null {
  if (app.change) return null; // a reduction is not comparable with a level
  const scored = body
    .filter((b) => b.unit === app.unit && !b.change)
    .map((b) => ({ b, overlap: topicOverlap(app.text, b.text) }))
    .filter((x) => x.overlap >= TOPIC_THRESHOLD);
  if (!scored.length) return null;
  const best = Math.max(...scored.map((x) => x.overlap));
  const top = scored.filter((x) => x.overlap >= best - 0.05).map((x) => x.b);
  return top.find((b) => Math.abs(b.target - app.target) < EPS) ??
    top.reduce((m, b) => (Math.abs(b.target - app.target) < Math.abs(m.target - app.target) ? b : m));
}

/**
 * The sheet's list: body indicators first (as the plan states them), then the appendix's.
 * An appendix indicator whose id the plan already lists is not repeated.
 */
export function listIndicators(plan: Pick<Plan, "indicators" | "activities">): ListedIndicator[] {
  const body: ListedIndicator[] = plan.indicators.map((ind) => ({
    ...ind, index: ind.index ?? 1, origin: ind.id.startsWith("OBJ-") ? "appendix" : "body",
  }));
  const known = new Set(body.map((b) => b.id));
  const appendix = appendixIndicators(plan.activities).filter((a) => !known.has(a.id));
  const bodyOnly = body.filter((b) => b.origin === "body");
  for (const app of appendix) {
    const b = bodyCounterpart(app, bodyOnly);
    if (!b) continue;
    const agrees = Math.abs(b.target - app.target) < EPS && b.comparator === app.comparator;
    app.counterpart = { id: b.id, target: b.target, comparator: b.comparator, unit: b.unit, agrees };
    // The body side shows its first disagreeing counterpart, else its first agreeing one.
    if (!b.counterpart || (b.counterpart.agrees && !agrees)) {
      b.counterpart = { id: app.id, target: app.target, comparator: app.comparator, unit: app.unit, agrees };
    }
  }
  return [...body, ...appendix];
}

/** "≥ 50%", "≤ 3", "= 85,3%": a target as the sheet and messages show it (Vietnamese decimal comma). */
export function formatTarget(target: number, comparator: Comparator, unit: "percent" | "count"): string {
  const sign = comparator === ">=" ? "≥" : comparator === "<=" ? "≤" : "=";
  const n = unit === "percent" ? Math.round(target * 1e6) / 1e4 : target;
  const text = String(n).replace(".", ",");
  return `${sign} ${text}${unit === "percent" ? "%" : ""}`;
}
