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
import { UnitDirectory } from "../core/units";
import { logSheet } from "../layout/logSheet";
import type { WorkbookRead } from "../layout/readBack";
import { reportSheetWithInfo, trackedModel, type ReportFields, type ReportSheetInfo } from "../layout/reportSheet";
import type { SheetLayout } from "../layout/types";
import type { ApplyOptions, ApplyResult, WorkbookPort } from "./port";
import { readWorkbook } from "./readWorkbook";

export interface BuildReportsOptions {
  /** As-of date of the requested reports (default: each period's cut-off end). */
  asOf?: string | null;
  fields?: ReportFields;
  /** The workbook already read through this port (saves reading it twice). */
  read?: WorkbookRead;
  /** How the host writes (progress, cancel, the sheet shown after); by default the selection stays. */
  apply?: ApplyOptions;
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
  const model = trackedModel(read.model, read.log);

  const units = read.units ? new UnitDirectory(read.units) : undefined;
  const logOwned = read.sheets.some((s) => s.role === "log");
  const sheets: SheetLayout[] = [];
  if (!logOwned) sheets.push(logSheet(model.plan, read.log));
  // Report sheets in the workbook's order (a host keeps the sheets it writes together), new ones after.
  const requested = (name: string) => periods.find((p) => p.sheetName.toLowerCase() === name.toLowerCase());
  const built = new Map<Period, ReportSheetInfo>();
  const rebuilt: string[] = [];
  const build = (p: Period, name: string, asOf: string | null, fields: ReportFields | undefined) => {
    const { sheet, info } = reportSheetWithInfo({ model, log: read.log, period: p, asOf, fields, units });
    sheet.name = name;
    sheets.push(sheet);
    return info;
  };
  for (const r of read.reports) {
    const p = requested(r.name);
    if (p) built.set(p, build(p, r.name, options.asOf ?? null, { ...r.fields, ...options.fields }));
    else {
      build(r.period, r.name, r.asOf, r.fields);
      rebuilt.push(r.name);
    }
  }
  for (const p of periods) if (!built.has(p)) built.set(p, build(p, p.sheetName, options.asOf ?? null, options.fields));
  const applied = await port.apply({ sheets, properties: { title: model.plan.title, creator: "CCHC add-in" } }, options.apply ?? { activate: false });
  return { applied, built: periods.map((p) => built.get(p)!), rebuilt, read };
}
