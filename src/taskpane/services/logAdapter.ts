/**
 * The progress log in the live workbook: reading its entries back, appending one, and composing
 * the full workbook (plan linked to the log) the way the layout modules define it.
 */
import { entriesFromRows, LOG_STATUS_LABELS, migrateProgressToLog, progressFromLog, trackedDeadline, type LogEntry } from "../../core/progress";
import { LOG_SHEET, LOG_TABLE, linkPlanToLog, logSheet, type LogColumnKey } from "../../layout/logSheet";
import { planRange } from "../../layout/planSheet";
import type { ActivityProgress, WorkbookModel } from "../../layout/model";
import type { SheetLayout } from "../../layout/types";
import { LOG_COLUMN_SPECS, readLogTable, type ColumnSpec } from "../../render/officejs/readers";
import { appendTableRows } from "../../render/officejs/writers";
import type { LogEntryInput } from "./opsTypes";

export const LOG_SPECS: ColumnSpec<LogColumnKey>[] = LOG_COLUMN_SPECS;

export async function readLogEntries(ctx: Excel.RequestContext, knownIds?: ReadonlySet<string>): Promise<{ entries: LogEntry[]; problems: number } | null> {
  const read = await readLogTable(ctx);
  if (!read) return null;
  const { entries, problems } = entriesFromRows(read.rows as never, knownIds);
  return { entries, problems: problems.length };
}

/** One entry appended to the log table (two syncs). The "Hoạt động" lookup is written as a formula. */
export async function appendLogEntry(ctx: Excel.RequestContext, entry: LogEntryInput, activityCount: number): Promise<void> {
  const ids = planRange("id", activityCount);
  const names = planRange("activity", activityCount);
  await appendTableRows(
    ctx,
    LOG_TABLE,
    LOG_SPECS,
    [{ date: entry.date, activityId: entry.activityId, status: LOG_STATUS_LABELS[entry.status].vi, completedOn: entry.completedOn, evidence: entry.evidence, note: entry.note, who: entry.who }],
    { activity: (row: number, letters: Record<string, string>) => `=IFERROR(INDEX(${names},MATCH(${letters.activityId}${row},${ids},0)),"")` },
  );
}

export function isRecurringIn(model: WorkbookModel): (id: string) => boolean {
  const byId = new Map(model.plan.activities.map((a) => [a.id, a]));
  return (id) => {
    const a = byId.get(id);
    return a ? trackedDeadline(a, model.settings.year, model.progress[a.id]?.userDeadline ?? null).kind === "recurring" : false;
  };
}

/**
 * The log entries to keep, and the model's progress as the plan sheet shows it: user deadlines
 * and notes typed on the plan, completion and evidence derived from the log. Completion dates
 * typed on a plan sheet that had no log yet become log entries (nothing is lost).
 */
export function progressWithLog(model: WorkbookModel, typed: Record<string, ActivityProgress>, entries: LogEntry[] | null): { entries: LogEntry[]; progress: Record<string, ActivityProgress> } {
  const log = entries ?? migrateProgressToLog(typed, []);
  const base: WorkbookModel = { ...model, progress: typed };
  const derived = progressFromLog(model.plan.activities, log, model.settings.asOf, isRecurringIn(base));
  const progress: Record<string, ActivityProgress> = {};
  for (const a of model.plan.activities) {
    const t = typed[a.id] ?? {};
    const d = derived[a.id];
    const p: ActivityProgress = {};
    if (t.userDeadline) p.userDeadline = t.userDeadline;
    if (t.note) p.note = t.note;
    if (d?.completedOn) p.completedOn = d.completedOn;
    if (d?.evidence) p.evidence = d.evidence;
    progress[a.id] = p;
  }
  return { entries: log, progress };
}

/** Adds the log sheet to a layout's sheets and links the plan sheet to it. */
export function withLog(sheets: SheetLayout[], model: WorkbookModel, entries: LogEntry[]): SheetLayout[] {
  const plan = sheets.find((s) => s.role === "plan");
  if (plan) linkPlanToLog(plan, model.plan, entries, model.settings.asOf, isRecurringIn(model));
  return [...sheets, logSheet(model.plan, entries)];
}

export { LOG_SHEET, LOG_TABLE };
