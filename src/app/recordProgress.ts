/**
 * Recording progress on any host: the entry is checked against the plan and appended to the log,
 * and the sheets that show progress (plan, checks, indicators, settings' completion rows, reports)
 * are rebuilt from the log — the one place progress is derived (core/progress via the layout).
 */
import { CchcError } from "../core/errors";
import type { LogEntry } from "../core/progress";
import type { WorkbookRead } from "../layout/readBack";
import type { SheetRole } from "../layout/types";
import type { ApplyOptions, ApplyResult, WorkbookPort } from "./port";
import { readWorkbook } from "./readWorkbook";
import { rebuild } from "./rebuild";

/** The sheets a change of progress (or of the settings) makes stale; units and the archive are what people keep. */
export const PROGRESS_SHEETS: SheetRole[] = ["plan", "checks", "indicators", "settings", "report", "log"];

export async function recordProgress(port: WorkbookPort, entries: LogEntry[], options: ApplyOptions & { read?: WorkbookRead } = { activate: false }): Promise<ApplyResult> {
  const { read: given, ...apply } = options;
  const read = given ?? (await readWorkbook(port));
  const ids = new Set(read.model.plan.activities.map((a) => a.id));
  const unknown = entries.find((e) => !ids.has(e.activityId));
  if (unknown) {
    throw new CchcError("unknown-activity", {
      vi: `Mã hoạt động "${unknown.activityId}" không có trong bảng Kế hoạch. Hãy chọn lại hoạt động.`,
      en: `Activity id "${unknown.activityId}" is not in the plan table. Choose the activity again.`,
    });
  }
  return (await rebuild(port, read, PROGRESS_SHEETS, { log: [...read.log, ...entries] }, apply)).applied;
}
