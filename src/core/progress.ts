/**
 * The progress log ("Nhật ký tiến độ"): what each unit reported, dated. The log is the single
 * source of truth for progress; the plan sheet and every report derive from it.
 *
 * Rules (the report formulas in src/layout implement exactly these, and tests compare them):
 *  - the state of an activity as of a date is its LATEST entry dated on or before that date;
 *    entries on the same date are ordered by their position in the log (the later row wins);
 *  - that state is "done" only when the entry's status is "Đã hoàn thành"; its completion date
 *    is the entry's `completedOn`, or the entry's own date when `completedOn` is blank;
 *  - a recurring activity ("Thường xuyên") is never done for the year: a period's status comes
 *    from the entries dated inside that period's data window (cut-off start … as-of date). See
 *    `logStateOf` in activityStatus.ts.
 * Plain TypeScript: no Office, DOM or Node imports.
 */
import { parseDeadline, type Deadline } from "./deadline";
import { parseIso, parseUserDate } from "./dates";
import { normalizeText } from "./text";
import type { Activity } from "./plan";

export type LogStatus = "done" | "in-progress" | "not-started";

export const LOG_STATUSES: readonly LogStatus[] = ["done", "in-progress", "not-started"];

/** The labels offered by the log sheet's status list (data validation). */
export const LOG_STATUS_LABELS: Record<LogStatus, { vi: string; en: string }> = {
  done: { vi: "Đã hoàn thành", en: "Done" },
  "in-progress": { vi: "Đang thực hiện", en: "In progress" },
  "not-started": { vi: "Chưa thực hiện", en: "Not started" },
};

export interface LogEntry {
  /** The date of the report/update (ISO). */
  date: string;
  activityId: string;
  status: LogStatus;
  /** When the work was completed (ISO); blank means "on the entry's date" for a done entry. */
  completedOn: string | null;
  /** Evidence for the reform index (tài liệu kiểm chứng): a document number or a link. */
  evidence: string;
  note: string;
  who: string;
  /** The sheet row the entry was read from (1-based), when it came from a workbook. */
  row?: number;
}

/** The "who" of the demo's sample entries: the log sheet also says so in a note. */
export const SAMPLE_WHO = "Dữ liệu mẫu";
/** The "who" of entries made from completion dates typed straight into the plan sheet. */
export const MIGRATED_WHO = "Chuyển từ bảng Kế hoạch";

/**
 * The status of a label typed in the log. Matching is exact up to case (as Excel's "=" and
 * COUNTIFS compare text), so the sheet's formulas and this function always agree; anything
 * else is null (the reader reports it and treats the entry as not done).
 */
export function logStatusFromLabel(label: unknown): LogStatus | null {
  if (label === null || label === undefined) return null;
  // Only the list's Vietnamese labels, compared as Excel compares text (case aside, no normalisation):
  // "Done" or an NFD spelling would be done here and not in the plan sheet's COUNTIFS.
  const k = String(label).toLowerCase();
  for (const s of LOG_STATUSES) if (k === LOG_STATUS_LABELS[s].vi.toLowerCase()) return s;
  return null;
}

/** The completion date a done entry stands for (its completedOn, else its own date); null otherwise. */
export function entryDoneOn(entry: LogEntry | null | undefined): string | null {
  if (!entry || entry.status !== "done") return null;
  return entry.completedOn && parseIso(entry.completedOn) ? entry.completedOn : entry.date;
}

/** The latest entry for an activity dated on or before `asOf` (ties: the later one in the log). */
export function statusAsOf(entries: readonly LogEntry[], activityId: string, asOf: string): LogEntry | null {
  let best: LogEntry | null = null;
  for (const e of entries) {
    if (e.activityId !== activityId || !(e.date <= asOf)) continue;
    if (best === null || e.date >= best.date) best = e;
  }
  return best;
}

/** The log grouped by activity, each list in log order: O(log size) to build, fast lookups after. */
export class LogIndex {
  private readonly byId = new Map<string, LogEntry[]>();

  constructor(readonly entries: readonly LogEntry[]) {
    for (const e of entries) {
      let list = this.byId.get(e.activityId);
      if (!list) this.byId.set(e.activityId, (list = []));
      list.push(e);
    }
  }

  of(activityId: string): readonly LogEntry[] {
    return this.byId.get(activityId) ?? [];
  }

  latest(activityId: string, asOf: string): LogEntry | null {
    return statusAsOf(this.of(activityId), activityId, asOf);
  }

  ids(): string[] {
    return [...this.byId.keys()];
  }
}

/**
 * The deadline the workbook tracks for an activity: the plan text, or the date a person typed
 * in the plan's "Hạn do người dùng nhập" column, which wins (as the plan sheet's formulas do).
 */
export function trackedDeadline(a: Pick<Activity, "deadline">, year: number, userDeadline?: string | null): Deadline {
  return parseDeadline(a.deadline, year, userDeadline ?? null, { overrideDated: true });
}

/**
 * What the plan sheet shows for each activity as of a date: the completion date and evidence
 * of the latest entry (no completion date for a recurring activity, which is reported per period).
 */
export function progressFromLog(
  activities: readonly Pick<Activity, "id">[],
  log: LogIndex | readonly LogEntry[],
  asOf: string,
  isRecurring: (id: string) => boolean = () => false,
): Record<string, { completedOn: string | null; evidence: string }> {
  const index = log instanceof LogIndex ? log : new LogIndex(log);
  const out: Record<string, { completedOn: string | null; evidence: string }> = {};
  for (const a of activities) {
    const e = index.latest(a.id, asOf);
    out[a.id] = { completedOn: isRecurring(a.id) ? null : entryDoneOn(e), evidence: e?.evidence ?? "" };
  }
  return out;
}

/**
 * Completion dates typed straight into the plan sheet (older workbooks, or a person who skipped
 * the log) become log entries, so nothing a person entered is lost when the plan's columns turn
 * into formulas over the log. Activities that already have an entry are left alone.
 */
export function migrateProgressToLog(
  progress: Record<string, { completedOn?: string | null; evidence?: string; note?: string } | undefined>,
  log: readonly LogEntry[],
): LogEntry[] {
  const logged = new Set(log.map((e) => e.activityId));
  const extra: LogEntry[] = [];
  for (const [id, p] of Object.entries(progress)) {
    if (!p || logged.has(id) || !p.completedOn || !parseIso(p.completedOn)) continue;
    extra.push({ date: p.completedOn, activityId: id, status: "done", completedOn: p.completedOn, evidence: p.evidence ?? "", note: "", who: MIGRATED_WHO });
  }
  return extra.length ? [...log, ...extra] : [...log];
}

export interface LogProblem {
  /** 0-based index of the entry in the rows read. */
  index: number;
  field: keyof LogEntry;
  messageVi: string;
  messageEn: string;
  /** Writing the log back from the entries would lose what was typed (the row, or the cell's text). */
  lossy: boolean;
}

/**
 * Rows of the log table (header keys already mapped) → entries, with what could not be read.
 * Rows with neither a date nor an activity id are skipped silently (blank rows).
 */
export function entriesFromRows(
  rows: ReadonlyArray<Partial<Record<keyof LogEntry, unknown>>>,
  knownIds?: ReadonlySet<string>,
  /** The sheet row of each row read (1-based); entries keep it in `row`, messages cite it. */
  sheetRows?: readonly number[],
): { entries: LogEntry[]; problems: LogProblem[] } {
  const entries: LogEntry[] = [];
  const problems: LogProblem[] = [];
  rows.forEach((row, index) => {
    const where = sheetRows?.[index] ?? index + 1;
    const id = normalizeText(row.activityId);
    const rawDate = row.date;
    if (!id && (rawDate === null || rawDate === undefined || rawDate === "")) return;
    const date = parseUserDate(rawDate as never);
    if (!date) {
      problems.push({ index, field: "date", messageVi: `Dòng ${where}: ngày cập nhật không hợp lệ`, messageEn: `Row ${where}: invalid update date`, lossy: true });
      return;
    }
    if (!id) {
      problems.push({ index, field: "activityId", messageVi: `Dòng ${where}: thiếu mã hoạt động`, messageEn: `Row ${where}: missing activity id`, lossy: true });
      return;
    }
    if (knownIds && !knownIds.has(id)) {
      problems.push({ index, field: "activityId", messageVi: `Dòng ${where}: mã hoạt động "${id}" không có trong kế hoạch`, messageEn: `Row ${where}: activity id "${id}" is not in the plan`, lossy: false });
    }
    let status = logStatusFromLabel(row.status);
    if (!status) {
      if (normalizeText(row.status)) {
        problems.push({ index, field: "status", messageVi: `Dòng ${where}: tình trạng "${normalizeText(row.status)}" không thuộc danh sách, coi như chưa hoàn thành`, messageEn: `Row ${where}: status "${normalizeText(row.status)}" is not in the list; read as not done`, lossy: true });
      }
      status = "in-progress";
    }
    const rawDone = row.completedOn;
    const completedOn = rawDone === null || rawDone === undefined || rawDone === "" ? null : parseUserDate(rawDone as never);
    if (rawDone !== null && rawDone !== undefined && rawDone !== "" && !completedOn) {
      problems.push({ index, field: "completedOn", messageVi: `Dòng ${where}: ngày hoàn thành không hợp lệ`, messageEn: `Row ${where}: invalid completion date`, lossy: true });
    }
    const entry: LogEntry = {
      date, activityId: id, status, completedOn,
      evidence: normalizeText(row.evidence), note: normalizeText(row.note), who: normalizeText(row.who),
    };
    if (sheetRows) entry.row = sheetRows[index];
    entries.push(entry);
  });
  return { entries, problems };
}
