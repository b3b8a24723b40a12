/**
 * One activity's status as of a date, from the plan and the log, and why: what the pane's
 * progress card, the file page and the Kiểm tra findings show (the plan sheet's formulas and the
 * report apply the same rules). A status a person reads in one place is the status everywhere.
 * Plain TypeScript: no Office, DOM or Node imports.
 */
import type { Activity } from "./plan";
import { entryDoneOn, LogIndex, trackedDeadline, type LogEntry } from "./progress";
import { computeStatus, type Status } from "./status";
import { statusReason, type Bi } from "./statusReason";

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
): ActivityStatus {
  const index = log instanceof LogIndex ? log : new LogIndex(log);
  const deadline = trackedDeadline(a, year, userDeadline);
  const entry = index.latest(a.id, asOf);
  // A recurring activity is reported period by period: the plan never shows it done for the year.
  const doneOn = deadline.kind === "recurring" ? null : entryDoneOn(entry);
  const status = computeStatus(deadline, doneOn, asOf, entry !== null);
  const latestEntryDate = index.of(a.id).reduce<string | null>((m, e) => (m === null || e.date > m ? e.date : m), null);
  return { status, doneOn, reason: statusReason({ status, deadline, asOf, doneOn, latestEntryDate }) };
}
