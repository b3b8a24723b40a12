/**
 * Activity status (the Government Office's task-tracking taxonomy, plus "Chưa đến hạn" and
 * recurring activities), computed from a parsed deadline, the completion date and an as-of date.
 */
import { Deadline } from "./deadline";
import { parseIso } from "./dates";
import { normalizeText, stripDiacritics } from "./text";

export type Status = "done-on-time" | "done-late" | "in-progress" | "no-report" | "overdue" | "not-due" | "recurring";

export const STATUSES: readonly Status[] = ["done-on-time", "done-late", "in-progress", "no-report", "overdue", "not-due", "recurring"];

export const STATUS_LABELS: Record<Status, { vi: string; en: string }> = {
  "done-on-time": { vi: "Hoàn thành đúng hạn", en: "Completed on time" },
  "done-late": { vi: "Hoàn thành quá hạn", en: "Completed late" },
  "in-progress": { vi: "Đang thực hiện", en: "In progress" },
  "no-report": { vi: "Chưa có báo cáo", en: "No report yet" },
  overdue: { vi: "Quá hạn", en: "Overdue" },
  "not-due": { vi: "Chưa đến hạn", en: "Not yet due" },
  recurring: { vi: "Thường xuyên", en: "Recurring" },
};

export function isDone(s: Status): boolean {
  return s === "done-on-time" || s === "done-late";
}

/**
 * Rules, as of `asOf` (ISO):
 *  - completed (a valid `completedOn` ≤ asOf): "done-on-time" when completedOn ≤ the deadline's
 *    end or the deadline has no date; else "done-late". A completion date after `asOf` has not
 *    happened yet at `asOf` and counts as not completed.
 *  - not completed: recurring deadline → "recurring" ("not-due" before its start); end < asOf → "overdue";
 *    start ≤ asOf, or no date at all (event, external, invalid, missing) → "in-progress" when
 *    someone has reported on it (`reported`: a log entry dated on or before asOf), else
 *    "no-report" — still not done, and not claimed to be under way; otherwise → "not-due".
 * This is the status from the deadline alone ("recurring" included: CCHC.STATUS, a plan sheet not
 * linked to the log); activityStatus.ts statusFromLog adds what the log says for the period.
 */
export function computeStatus(deadline: Deadline, completedOn: string | null, asOf: string, reported = true): Status {
  const done = completedOn !== null && completedOn !== undefined && parseIso(completedOn) !== null && completedOn <= asOf;
  if (done) {
    if (deadline.end === null || completedOn! <= deadline.end) return "done-on-time";
    return "done-late";
  }
  // a recurring deadline that has not started yet ("Từ Quý III/2025", "Năm 2026 và các năm tiếp theo") is not due
  if (deadline.kind === "recurring") return deadline.start !== null && deadline.start > asOf ? "not-due" : "recurring";
  if (deadline.end !== null && deadline.end < asOf) return "overdue";
  if (deadline.start === null || deadline.start <= asOf) return reported ? "in-progress" : "no-report";
  return "not-due";
}

function labelKey(text: string): string {
  return stripDiacritics(normalizeText(text))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * A status from a label typed in a sheet or an older report: tolerant of case, diacritics
 * ("qua han"), old/new tone placement, the long forms ("Quá hạn chưa hoàn thành", "Đang thực
 * hiện (trong hạn)", "Đã hoàn thành đúng hạn") and the English labels. A bare "Hoàn thành" /
 * "Đã hoàn thành" / "Done" reads as "done-on-time" (nothing says it was late). Null when the
 * text is not a status.
 */
export function statusFromLabel(text: string): Status | null {
  const k = labelKey(typeof text === "string" ? text : String(text ?? ""));
  if (k === "") return null;
  for (const s of STATUSES) {
    if (k === labelKey(STATUS_LABELS[s].vi) || k === labelKey(STATUS_LABELS[s].en) || k === s.replace("-", " ")) return s;
  }
  const has = (re: RegExp) => re.test(k);
  const notDone = has(/\b(chua|khong) (hoan thanh|xong|thuc hien)\b|\bnot (yet )?(done|completed|finished)\b|\bincomplete\b|\bunfinished\b/);
  const late = has(/\bqua han\b|\btre han\b|\bcham\b|\bmuon\b|\blate\b|\boverdue\b|\bbehind\b/);
  if (has(/\bchua (den|toi) han\b|\bnot (yet )?due\b|\bupcoming\b/)) return "not-due";
  if (notDone) return late ? "overdue" : "in-progress";
  if (has(/\bhoan thanh\b|\bda xong\b|\bcompleted?\b|\bdone\b|\bfinished\b/)) {
    if (has(/\bdung han\b|\btrong han\b|\bon time\b|\bin time\b/)) return "done-on-time";
    return late ? "done-late" : "done-on-time";
  }
  if (has(/\bdang (thuc hien|trien khai|lam)\b|\bin progress\b|\bongoing\b|\bunderway\b/)) return late ? "overdue" : "in-progress";
  if (late) return "overdue";
  if (has(/\bthuong xuyen\b|\brecurring\b|\bdinh ky\b|\bcontinuous\b/)) return "recurring";
  return null;
}
