/**
 * Re-import: a revised appendix replaces the plan, while everything a person entered stays with
 * the activities that still exist (matched by id, then by wording — see reimport.ts). Activities
 * that disappeared are handed back for archiving, never silently dropped.
 */
import type { Activity, Group, Plan } from "../core/plan";
import { diffPlans, reconciledActivities, type PlanDiff } from "./reimport";

export interface MergeResult<P> {
  plan: Plan;
  progress: Record<string, P>;
  diff: PlanDiff;
  /** Existing activities absent from the revised appendix, with what was entered for them. */
  archived: Array<{ activity: Activity; progress: P | undefined }>;
}

export function mergeReimport<P>(
  existing: { plan: Plan; progress: Record<string, P> },
  incoming: { groups: Group[]; activities: Activity[]; year?: number | null },
): MergeResult<P> {
  const diff = diffPlans(existing.plan.activities, incoming.activities);
  const activities = reconciledActivities(diff, incoming.activities);
  const progress: Record<string, P> = {};
  for (const a of activities) if (existing.progress[a.id] !== undefined) progress[a.id] = existing.progress[a.id];
  return {
    plan: { ...existing.plan, year: incoming.year ?? existing.plan.year, groups: incoming.groups, activities },
    progress,
    diff,
    archived: diff.removed.map((activity) => ({ activity, progress: existing.progress[activity.id] })),
  };
}

const FIELD_VI: Record<string, string> = {
  group: "nhóm", objectiveNo: "số mục tiêu", objective: "mục tiêu", taskNo: "số nhiệm vụ", task: "nhiệm vụ", activityNo: "số hoạt động",
  activity: "hoạt động", output: "kết quả", lead: "chủ trì", partners: "phối hợp", deadline: "thời hạn", budget: "kinh phí",
};

/** The diff in a few lines a person reads before applying it. */
export function describeDiff(diff: PlanDiff, kept: number): { vi: string[]; en: string[] } {
  const changed = diff.matched.filter((m) => m.changes.length);
  const label = (a: Activity) => `${a.group} ${a.activityNo || a.taskNo || a.objectiveNo} ${a.activity || a.task}`.trim().slice(0, 80);
  const vi = [`Thêm ${diff.added.length}, bỏ ${diff.removed.length} (chuyển sang trang Lưu trữ), sửa ${changed.length} hoạt động; giữ nguyên tiến độ đã nhập của ${kept} hoạt động.`];
  const en = [`${diff.added.length} added, ${diff.removed.length} removed (moved to the archive sheet), ${changed.length} changed; progress kept for ${kept} activities.`];
  for (const a of diff.added) { vi.push(`+ ${label(a)}`); en.push(`+ ${label(a)}`); }
  for (const a of diff.removed) { vi.push(`- ${label(a)}`); en.push(`- ${label(a)}`); }
  for (const m of changed) {
    vi.push(`~ ${label(m.to)} (${m.changes.map((c) => FIELD_VI[c] ?? c).join(", ")}${m.by === "similarity" ? "; khớp theo nội dung" : ""})`);
    en.push(`~ ${label(m.to)} (${m.changes.join(", ")}${m.by === "similarity" ? "; matched by wording" : ""})`);
  }
  return { vi, en };
}
