/**
 * Why an activity has the status it has, in one clause a person can check against the plan and
 * the log: the completion date against the deadline, the as-of date against the deadline, or an
 * entry dated after the as-of date (statuses are taken as of Cài đặt › "Tính đến ngày").
 * Plain TypeScript: no Office, DOM or Node imports.
 */
import type { Deadline } from "./deadline";
import { formatViDate } from "./dates";
import { STATUS_LABELS, type Status } from "./status";

export interface StatusFacts {
  status: Status;
  deadline: Deadline;
  asOf: string;
  /** The completion date that counts (null: not done as of asOf). */
  doneOn: string | null;
  /** The latest entry's date, whatever its date (null: no entry at all). */
  latestEntryDate?: string | null;
  /** A recurring activity: the start of the data window its status is taken in. */
  windowStart?: string;
}

export interface Bi {
  vi: string;
  en: string;
}

export function statusReason(f: StatusFacts): Bi {
  const d = (iso: string | null | undefined) => formatViDate(iso) || "—";
  const end = f.deadline.end;
  const asOf = d(f.asOf);
  if (f.deadline.kind === "recurring" && f.windowStart && f.status !== "not-due") {
    const w = { vi: `từ ${d(f.windowStart)} đến ${asOf}`, en: `from ${d(f.windowStart)} to ${asOf}` };
    if (f.status === "done-on-time") return { vi: `hoạt động thường xuyên: đã báo cáo hoàn thành trong kỳ (${w.vi})`, en: `a recurring activity: reported done in the period (${w.en})` };
    if (f.status === "in-progress") return { vi: `hoạt động thường xuyên: đã báo cáo trong kỳ (${w.vi}), chưa báo cáo hoàn thành`, en: `a recurring activity: reported in the period (${w.en}), not yet done` };
    return { vi: `hoạt động thường xuyên: chưa có báo cáo nào trong kỳ (${w.vi})`, en: `a recurring activity: no report in the period (${w.en})` };
  }
  if (f.latestEntryDate && f.latestEntryDate > f.asOf && f.doneOn === null) {
    return {
      vi: `nhật ký có mục ngày ${d(f.latestEntryDate)}, sau ngày tính trạng thái ${asOf} (Cài đặt › Tính đến ngày), nên chưa được tính`,
      en: `the log has an entry dated ${d(f.latestEntryDate)}, after the as-of date ${asOf} (Settings › As of), so it does not count yet`,
    };
  }
  switch (f.status) {
    case "done-on-time":
      return end
        ? { vi: `hoàn thành ngày ${d(f.doneOn)}, không muộn hơn hạn ${d(end)}`, en: `completed on ${d(f.doneOn)}, by the deadline ${d(end)}` }
        : { vi: `hoàn thành ngày ${d(f.doneOn)} (thời hạn không ghi ngày)`, en: `completed on ${d(f.doneOn)} (the deadline has no date)` };
    case "done-late":
      return { vi: `hoàn thành ngày ${d(f.doneOn)}, sau hạn ${d(end)}`, en: `completed on ${d(f.doneOn)}, after the deadline ${d(end)}` };
    case "overdue":
      return { vi: `chưa có báo cáo hoàn thành đến ngày ${asOf}, hạn ${d(end)} đã qua`, en: `not reported done by ${asOf}; the deadline ${d(end)} has passed` };
    case "not-due":
      return { vi: `thời hạn bắt đầu ${d(f.deadline.start)}, sau ngày ${asOf}`, en: `the deadline starts on ${d(f.deadline.start)}, after ${asOf}` };
    case "recurring":
      return { vi: "hoạt động thường xuyên: được tính theo từng kỳ báo cáo", en: "a recurring activity: it is counted period by period" };
    case "no-report":
      return { vi: `chưa ai báo cáo về hoạt động này đến ngày ${asOf} (nhật ký chưa có mục nào)`, en: `nobody has reported on it by ${asOf} (no entry in the log)` };
    case "in-progress":
      return end
        ? { vi: `chưa hoàn thành, hạn ${d(end)} chưa qua (tính đến ngày ${asOf})`, en: `not done yet; the deadline ${d(end)} has not passed (as of ${asOf})` }
        : { vi: `chưa hoàn thành (thời hạn không ghi ngày)`, en: `not done yet (the deadline has no date)` };
  }
}

/** "Trạng thái: "Quá hạn" → "Hoàn thành quá hạn": …" or "Trạng thái vẫn là "Quá hạn": …" (both languages). */
export function statusChange(before: Status | null, after: Status, reason: Bi): Bi {
  const to = STATUS_LABELS[after];
  if (before === null || before === after) {
    return { vi: `Trạng thái vẫn là "${to.vi}": ${reason.vi}.`, en: `The status stays "${to.en}": ${reason.en}.` };
  }
  const from = STATUS_LABELS[before];
  return { vi: `Trạng thái: "${from.vi}" → "${to.vi}": ${reason.vi}.`, en: `Status: "${from.en}" → "${to.en}": ${reason.en}.` };
}
