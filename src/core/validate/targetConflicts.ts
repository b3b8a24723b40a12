/**
 * An appendix objective whose numeric target disagrees with the plan body's target for the same
 * indicator (body 50% of units inspected, appendix 35%). "Same indicator" = the sentences share
 * most of their content words once numbers and filler words are set aside.
 */
import { readTargets } from "../targets";
import type { Activity, Indicator } from "../plan";
import { matchKey, newStyleTones } from "../text";
import { RULES, type Finding } from "./rules";

const FILLER = new Set(
  "các của và được có trong năm đạt từ trở lên tối thiểu ít nhất phấn đấu đảm bảo tỷ lệ số lượng là cho với theo tại trên đến một những cấp xã".split(" "),
);
/** Words that name the same thing in plan wording: "cơ quan, đơn vị" = "ban, ngành". */
const SYNONYMS: Record<string, string> = { cơ: "unit", quan: "unit", đơn: "unit", vị: "unit", ban: "unit", ngành: "unit" };

function contentWords(text: string): Set<string> {
  return new Set(
    newStyleTones(matchKey(text))
      .replace(/[%/\\]/g, " ")
      .split(/\s+/)
      .filter((w) => w.length > 1 && !/\d/.test(w) && !FILLER.has(w))
      .map((w) => SYNONYMS[w] ?? w),
  );
}

/** Share of the smaller sentence's content words found in the other (0..1). */
export function topicOverlap(a: string, b: string): number {
  const x = contentWords(a);
  const y = contentWords(b);
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / Math.min(x.size, y.size);
}

export const TOPIC_THRESHOLD = 0.6;

const pct = (t: { value: number; unit: string }) => (t.unit === "percent" ? `${Math.round(t.value * 1000) / 10}%` : String(t.value));

export function targetConflictFindings(activities: Activity[], indicators: Indicator[]): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const a of activities) {
    const key = `${a.group}|${a.objectiveNo}|${a.objective}`;
    if (seen.has(key) || !a.objective) continue;
    seen.add(key);
    const targets = readTargets(a.objective);
    if (!targets.length) continue;
    // The body sentence(s) closest in topic: several indicators may share one sentence.
    const scored = indicators.map((ind) => ({ ind, score: topicOverlap(a.objective, ind.text) })).filter((x) => x.score >= TOPIC_THRESHOLD);
    const best = Math.max(0, ...scored.map((x) => x.score));
    const sentences = new Set<string>();
    for (const { ind, score } of scored) {
      if (score < best || sentences.has(ind.text)) continue;
      sentences.add(ind.text);
      const bodyTargets = readTargets(ind.text);
      const body = bodyTargets[(ind.index ?? 1) - 1] ?? { value: ind.target, unit: ind.unit, comparator: ind.comparator };
      // Agreement on any target of the sentence means the same figure was copied: no conflict.
      const known = bodyTargets.length ? bodyTargets : [body];
      const same = targets.some((t) => known.some((k) => t.unit === k.unit && Math.abs(t.value - k.value) < 1e-9));
      const comparable = targets.filter((t) => t.unit === body.unit);
      if (same || !comparable.length) continue;
      // One sentence can hold several targets: compare with the one closest in value.
      const appendix = comparable.reduce((best, t) => (Math.abs(t.value - body.value) < Math.abs(best.value - body.value) ? t : best));
      findings.push({
        code: "TARGET_CONFLICT", severity: RULES.TARGET_CONFLICT.severity, activityId: a.id, column: "objective",
        message: `Mục tiêu ${a.group} ${a.objectiveNo} ghi ${pct(appendix)}, nhưng phần chỉ tiêu chủ yếu (${ind.source ?? ind.id}) ghi ${pct(body)}.`,
        messageEn: `Objective ${a.group} ${a.objectiveNo} says ${pct(appendix)}, the plan body (${ind.source ?? ind.id}) says ${pct(body)}.`,
        suggestion: `Thống nhất một chỉ tiêu (${pct(body)} theo phần nội dung) / use one target`,
      });
    }
  }
  return findings;
}
