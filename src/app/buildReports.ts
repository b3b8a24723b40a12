/**
 * Building report sheets in a workbook, on any host: the workbook is read back (the one reader),
 * and only the product's sheets are written. A person's sheet with a report's (or the log's) name
 * is renamed aside by the host, never overwritten (layout/sheetNames.ts).
 *
 * Report sheets are derived data, so every report sheet the product owns is rebuilt from the log
 * (with its own period and as-of date, read from its parameter cells), keeping the texts a person
 * edited on it (number, date line, signer, recipients, section VI).
 */
import type { Period } from "../core/periods";
import { LogIndex, progressFromLog } from "../core/progress";
import { UnitDirectory } from "../core/units";
import { logSheet } from "../layout/logSheet";
import type { WorkbookRead } from "../layout/readBack";
import { recurringIds, reportSheetWithInfo, type ReportFields, type ReportSheetInfo } from "../layout/reportSheet";
import type { SheetLayout } from "../layout/types";
import type { ApplyResult, WorkbookPort } from "./port";
import { readWorkbook } from "./readWorkbook";

export interface BuildReportsOptions {
  /** As-of date of the requested reports (default: each period's cut-off end). */
  asOf?: string | null;
  fields?: ReportFields;
  /** The workbook already read through this port (saves reading it twice). */
  read?: WorkbookRead;
}

export interface BuildReportsResult {
  /** What the host did (a person's sheets renamed aside, features an older Excel lacks). */
  applied: ApplyResult;
  /** The requested reports, as built. */
  built: ReportSheetInfo[];
  /** Other report sheets of the workbook, rebuilt with their own period and as-of date. */
  rebuilt: string[];
  read: WorkbookRead;
}

export async function buildReports(port: WorkbookPort, periods: readonly Period[], options: BuildReportsOptions = {}): Promise<BuildReportsResult> {
  const read = options.read ?? (await readWorkbook(port));
  const model = read.model;
  // The plan sheet's cached values follow the log as of the settings' date (as trackedWorkbookLayout does).
  const recurring = recurringIds(model);
  const derived = progressFromLog(model.plan.activities, new LogIndex(read.log), model.settings.asOf, (id) => recurring.has(id));
  for (const a of model.plan.activities) model.progress[a.id] = { ...model.progress[a.id], ...derived[a.id] };

  const units = read.units ? new UnitDirectory(read.units) : undefined;
  const requestedNames = new Set(periods.map((p) => p.sheetName.toLowerCase()));
  const others = read.reports.filter((r) => !requestedNames.has(r.name.toLowerCase()));
  const logOwned = read.sheets.some((s) => s.role === "log");
  const sheets: SheetLayout[] = [];
  if (!logOwned) sheets.push(logSheet(model.plan, read.log));
  const built: ReportSheetInfo[] = [];
  for (const p of periods) {
    const existing = read.reports.find((r) => r.name.toLowerCase() === p.sheetName.toLowerCase());
    const { sheet, info } = reportSheetWithInfo({ model, log: read.log, period: p, asOf: options.asOf ?? null, fields: { ...existing?.fields, ...options.fields }, units });
    if (existing) sheet.name = existing.name;
    sheets.push(sheet);
    built.push(info);
  }
  const rebuilt: string[] = [];
  for (const r of others) {
    const { sheet } = reportSheetWithInfo({ model, log: read.log, period: r.period, asOf: r.asOf, fields: r.fields, units });
    sheet.name = r.name;
    sheets.push(sheet);
    rebuilt.push(r.name);
  }
  const applied = await port.apply({ sheets, properties: { title: model.plan.title, creator: "CCHC add-in" } }, { activate: false });
  return { applied, built, rebuilt, read };
}
