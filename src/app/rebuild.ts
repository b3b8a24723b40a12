/**
 * The product's sheets rebuilt from a workbook read back, with a change applied (a new log entry,
 * new settings, a merged plan): the layout every host writes (trackedWorkbookLayout), report
 * sheets keeping their period, as-of date and the texts a person edited, units as the workbook has
 * them. Only the sheets of the given roles are written; the others stay as they are.
 */
import type { LogEntry } from "../core/progress";
import { CchcError } from "../core/errors";
import { DEFAULT_UNITS } from "../core/units";
import type { Finding } from "../core/validate/rules";
import type { WorkbookModel } from "../layout/model";
import type { WorkbookRead } from "../layout/readBack";
import { trackedWorkbookLayout } from "../layout/reportSheet";
import type { SheetLayout, SheetRole } from "../layout/types";
import type { ApplyOptions, ApplyResult, WorkbookPort } from "./port";

export interface Change {
  model?: WorkbookModel;
  log?: LogEntry[];
  /** The appendix's header lines, for the template-leftover check. */
  headerLines?: string[];
  /** Sheets built by the use case itself (the archive), written with the rest. */
  extraSheets?: SheetLayout[];
}

export interface Rebuilt<R extends ApplyResult> {
  applied: R;
  /** The model as written: progress completed from the log. */
  model: WorkbookModel;
  log: LogEntry[];
  /** What the "Kiểm tra" sheet lists. */
  findings: Finding[];
}

/**
 * Rows of the log that rewriting it would lose (a date or status that cannot be read, a row without
 * an activity): the log is not rewritten over them; the person fixes them first.
 */
function unreadableLogRows(read: WorkbookRead): CchcError {
  const rows = read.logProblems.filter((p) => p.lossy);
  const shown = rows.slice(0, 5);
  const more = rows.length - shown.length;
  return new CchcError("log-rows-unreadable", {
    vi: `Trang Nhật ký tiến độ có dòng chưa đọc được, nên sổ chưa được lập lại (để không mất những gì đã nhập): ${shown.map((p) => p.messageVi).join("; ")}${more > 0 ? `; và ${more} dòng khác` : ""}. ` +
      "Hãy sửa các dòng đó (ngày dạng dd/mm/yyyy, mã hoạt động có trong kế hoạch, tình trạng chọn trong danh sách) hoặc xóa dòng không cần, rồi thử lại.",
    en: `The progress log has rows that cannot be read, so the workbook was not rebuilt (to keep what was typed): ${shown.map((p) => p.messageEn).join("; ")}${more > 0 ? `; and ${more} more` : ""}. ` +
      "Fix those rows (dates as dd/mm/yyyy, an activity id of the plan, a status from the list) or delete the rows not needed, then try again.",
  });
}

export async function rebuild<R extends ApplyResult>(port: WorkbookPort<R>, read: WorkbookRead, roles: readonly SheetRole[], change: Change = {}, options: ApplyOptions = {}): Promise<Rebuilt<R>> {
  if (roles.includes("log") && read.hasLog && read.logProblems.some((p) => p.lossy)) throw unreadableLogRows(read);
  const log = change.log ?? read.log;
  const { layout, model, findings } = trackedWorkbookLayout(change.model ?? read.model, log, {
    units: read.units ?? DEFAULT_UNITS,
    validation: { headerLines: change.headerLines ?? [] },
    periods: read.reports.map((r) => r.period),
    reportAsOf: Object.fromEntries(read.reports.filter((r) => r.asOf).map((r) => [r.period.token, r.asOf!])),
    fields: Object.fromEntries(read.reports.map((r) => [r.period.token, r.fields])),
    extraSheets: change.extraSheets,
  });
  const applied = await port.apply({ ...layout, sheets: layout.sheets.filter((s) => roles.includes(s.role)) }, options);
  return { applied, model, log, findings };
}
