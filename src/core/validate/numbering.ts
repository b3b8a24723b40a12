/** Duplicate and skipped document numbers ("3.12" twice; 3.1, 3.3 without 3.2), per group and level. */
import type { Activity } from "../plan";
import { RULES, type Finding } from "./rules";

type Level = "objectiveNo" | "taskNo" | "activityNo";
const LEVEL_TEXT: Record<Level, keyof Activity> = { objectiveNo: "objective", taskNo: "task", activityNo: "activity" };
const LEVEL_VI: Record<Level, string> = { objectiveNo: "mục tiêu", taskNo: "nhiệm vụ", activityNo: "hoạt động" };
const LEVEL_EN: Record<Level, string> = { objectiveNo: "objective", taskNo: "task", activityNo: "activity" };

/** "2.9, 2.10, 2.11" → [[2,9],[2,10],[2,11]]; "" → []. */
function numbersOf(text: string): Array<[number, number]> {
  return [...text.matchAll(/(\d+)\.(\d+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

export function numberingFindings(activities: Activity[]): Finding[] {
  const findings: Finding[] = [];
  const groups = [...new Set(activities.map((a) => a.group))];
  for (const group of groups) {
    const rows = activities.filter((a) => a.group === group);
    for (const level of ["objectiveNo", "taskNo", "activityNo"] as Level[]) {
      // One entry per distinct item: an objective spans many activity rows.
      const items: Array<{ no: string; text: string; first: Activity }> = [];
      for (const a of rows) {
        const last = items[items.length - 1];
        if (level !== "activityNo" && last && last.no === a[level] && last.text === a[LEVEL_TEXT[level]]) continue;
        if (!a[level]) continue;
        items.push({ no: a[level], text: String(a[LEVEL_TEXT[level]]), first: a });
      }
      const seen = new Map<string, { text: string; first: Activity }>();
      for (const item of items) {
        const prior = seen.get(item.no);
        if (prior && (level === "activityNo" || prior.text !== item.text)) {
          findings.push({
            code: "NUMBER_DUPLICATE", severity: RULES.NUMBER_DUPLICATE.severity, activityId: item.first.id, column: level,
            message: `Nhóm ${group}: số ${LEVEL_VI[level]} ${item.no} được dùng hai lần (lần đầu ở ${prior.first.id}).`,
            messageEn: `Group ${group}: ${LEVEL_EN[level]} number ${item.no} is used twice (first at ${prior.first.id}).`,
            suggestion: `Đánh lại số ${LEVEL_VI[level]} trong nhóm ${group} / renumber`,
          });
        } else if (!prior) {
          seen.set(item.no, item);
        }
      }
      const byPrefix = new Map<number, Set<number>>();
      for (const item of items) for (const [p, n] of numbersOf(item.no)) {
        if (!byPrefix.has(p)) byPrefix.set(p, new Set());
        byPrefix.get(p)!.add(n);
      }
      for (const [prefix, set] of byPrefix) {
        const max = Math.max(...set);
        const missing: string[] = [];
        for (let n = 1; n < max; n++) if (!set.has(n)) missing.push(`${prefix}.${n}`);
        if (!missing.length) continue;
        const after = items.find((it) => numbersOf(it.no).some(([p, n]) => p === prefix && n > Number(missing[0].split(".")[1])));
        findings.push({
          code: "NUMBER_SKIPPED", severity: RULES.NUMBER_SKIPPED.severity, activityId: after?.first.id ?? "", column: level,
          message: `Nhóm ${group}: thiếu số ${LEVEL_VI[level]} ${missing.join(", ")}.`,
          messageEn: `Group ${group}: ${LEVEL_EN[level]} numbers ${missing.join(", ")} are missing.`,
          suggestion: "Kiểm tra xem có bỏ sót nội dung hay chỉ đánh số nhầm / check for a missing item or a numbering slip",
        });
      }
    }
  }
  return findings;
}
