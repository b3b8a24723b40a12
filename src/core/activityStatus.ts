/**
 * One activity's status as of a date, from the plan and the log, and why: what the pane's
 * progress card, the file page and the Kiểm tra findings show. The plan sheet's formulas and the
 * report apply the same rules (`statusFromLog`): a status a person reads in one place is the
 * status everywhere.
 *
 * Decision — a recurring activity ("Thường xuyên", "Hằng quý"…) is reported period by period
 * (DOMAIN.md), so its status is its status in a reporting period, taken from the entries dated in
 * that period's data window up to the as-of date: "Hoàn thành đúng hạn" when one says done,
 * "Đang thực hiện" when one reports it under way, "Chưa có báo cáo" when there is none — an entry
 * of an earlier period does not report on this one, and the level above must not read "under
 * way" where nobody reported. The report uses its own period; the plan sheet and the pane use the
 * quarter under way on their as-of date (`reportingWindowStart`), so they say what that
 * quarter's report says.
 * Plain TypeScript: no Office, DOM or Node imports.
 */
import type { Deadline } from "./deadline";
import { DEFAULT_CUTOFF, periodsOfYear, type CutoffSettings } from "./periods";
import type { Activity } from "./plan";
import { entryDoneOn, LogIndex, trackedDeadline, type LogEntry } from "./progress";
import { computeStatus, type Status } from "./status";
import { statusReason, type Bi } from "./statusReason";
import { parseIso } from "./dates";

/**
 * What the log says that the status needs: "done" (recurring only: an entry marked done in the
 * window), "reported" (some entry: for a recurring activity in the window, else any on or before
 * the as-of date), or "none".
 */
export type LogState = "done" | "reported" | "none";

export function logStateOf(index: LogIndex, id: string, deadline: Pick<Deadline, "kind">, windowStart: string, asOf: string): LogState {
  if (deadline.kind !== "recurring") return index.latest(id, asOf) ? "reported" : "none";
  let state: LogState = "none";
  for (const e of index.of(id)) {
    if (e.date < windowStart || e.date > asOf) continue;
    if (e.status === "done") return "done";
    state = "reported";
  }
  return state;
}

/** The status from the deadline, the completion date that counts, the as-of date and the log's state. */
export function statusFromLog(deadline: Deadline, doneOn: string | null, asOf: string, state: LogState): Status {
  if (deadline.kind !== "recurring") return computeStatus(deadline, doneOn, asOf, state !== "none");
  if (deadline.start !== null && deadline.start > asOf) return "not-due";
  return state === "done" ? "done-on-time" : state === "reported" ? "in-progress" : "no-report";
}

/**
 * The start of the data window of the quarter under way on a date: the latest quarter cut-off
 * start on or before it (15/03 for 14/06 with the default 15/14 cut-offs; 15/12/2023 for
 * 10/01/2024). The plan sheet computes the same from Cài đặt (logSheet.ts windowStartFormula).
 */
export function reportingWindowStart(asOf: string, cutoffs: CutoffSettings = DEFAULT_CUTOFF): string {
  const year = parseIso(asOf)?.year;
  if (year === undefined) throw new RangeError(`Ngày ISO không hợp lệ / invalid ISO date: ${JSON.stringify(asOf)}`);
  let best = "";
  for (const y of [year, year + 1]) {
    for (const p of periodsOfYear(y, cutoffs)) if (p.kind === "quarter" && p.cutoffStart <= asOf && p.cutoffStart > best) best = p.cutoffStart;
  }
  return best;
}

export interface ActivityStatus {
  status: Status;
  reason: Bi;
  /** The completion date that counts as of the date (null: not done). */
  doneOn: string | null;
}

export function activityStatus(
  a: Pick<Activity, "id" | "deadline">,
  year: number,
  log: LogIndex | readonly LogEntry[],
  asOf: string,
  userDeadline: string | null = null,
  cutoffs: CutoffSettings = DEFAULT_CUTOFF,
): ActivityStatus {
  const index = log instanceof LogIndex ? log : new LogIndex(log);
  const deadline = trackedDeadline(a, year, userDeadline);
  // A recurring activity is reported period by period: the plan never shows it done for the year.
  const doneOn = deadline.kind === "recurring" ? null : entryDoneOn(index.latest(a.id, asOf));
  const windowStart = reportingWindowStart(asOf, cutoffs);
  const status = statusFromLog(deadline, doneOn, asOf, logStateOf(index, a.id, deadline, windowStart, asOf));
  const latestEntryDate = index.of(a.id).reduce<string | null>((m, e) => (m === null || e.date > m ? e.date : m), null);
  return { status, doneOn, reason: statusReason({ status, deadline, asOf, doneOn, latestEntryDate, windowStart }) };
}
