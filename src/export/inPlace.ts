/**
 * Building report sheets inside an existing workbook file (the command line's counterpart of
 * the task pane's "Báo cáo" button): the workbook is read (readWorkbook), loaded with exceljs,
 * and only sheets carrying the add-in's marker are replaced; everything else is left as exceljs
 * reads and writes it. A person's sheet with a report's name is never touched (the report is
 * refused, see planReportRebuild).
 *
 * Report sheets are derived data, so every report sheet the add-in owns is rebuilt from the log
 * (with its own period and as-of date, read from its parameter cells), keeping the texts a person
 * edited on it (number, date line, signer, recipients, section VI). Known limit of going through
 * exceljs: drawings on a person's own sheets (pictures, charts) are not kept; the task pane,
 * which edits the live workbook, keeps everything.
 */
import ExcelJS from "exceljs";
import { strFromU8, zipSync } from "fflate";
import type { Period } from "../core/periods";
import { LOG_SHEET, logSheet } from "../layout/logSheet";
import { planReportRebuild, recurringIds, reportSheetWithInfo, type ReportFields, type ReportSheetInfo } from "../layout/reportSheet";
import type { ChartLayout, SheetLayout, SheetRole } from "../layout/types";
import { renderSheet } from "../render/exceljs";
import { injectCharts, unescapeXml } from "../render/xlsxCharts";
import { setOwnerMarkers } from "../render/xlsxPostProcess";
import { loadWorkbook, writeWorkbookFiles } from "../render/xlsxStrict";
import { LogIndex, progressFromLog } from "../core/progress";
import { UnitDirectory } from "../core/units";
import { readWorkbook, takeLoadedWorkbook, type ReadWorkbook } from "./readWorkbook";

export interface InPlaceOptions {
  /** As-of date of the requested reports (default: each period's cut-off end). */
  asOf?: string | null;
  fields?: ReportFields;
  /** The workbook already read from these bytes (saves reading it twice). */
  read?: ReadWorkbook;
}

export interface InPlaceResult {
  /** The new workbook, or null when nothing could be built (every requested name refused). */
  bytes: Uint8Array | null;
  /** The requested reports, as built. */
  built: ReportSheetInfo[];
  /** Other report sheets of the workbook, rebuilt with their own period and as-of date. */
  rebuilt: string[];
  refused: Array<{ name: string; messageVi: string; messageEn: string }>;
  read: ReadWorkbook;
}

export async function buildReportsInPlace(bytes: Uint8Array, periods: readonly Period[], options: InPlaceOptions = {}): Promise<InPlaceResult> {
  const read = options.read ?? (await readWorkbook(bytes));
  const model = read.model;
  // The plan sheet's cached values follow the log as of the settings' date (as trackedWorkbookLayout does).
  const recurring = recurringIds(model);
  const derived = progressFromLog(model.plan.activities, new LogIndex(read.log), model.settings.asOf, (id) => recurring.has(id));
  for (const a of model.plan.activities) model.progress[a.id] = { ...model.progress[a.id], ...derived[a.id] };

  const units = read.units ? new UnitDirectory(read.units) : undefined;
  const wanted = periods.map((p) => p.sheetName);
  const decision = planReportRebuild(read.sheets, wanted);
  const refusedNames = new Set(decision.refused.map((r) => r.name.toLowerCase()));
  const requested = periods.filter((p) => !refusedNames.has(p.sheetName.toLowerCase()));
  const requestedNames = new Set(requested.map((p) => p.sheetName.toLowerCase()));
  const others = read.reports.filter((r) => !requestedNames.has(r.name.toLowerCase()));
  const logOwned = read.sheets.find((s) => s.role === "log");
  const logClash = !logOwned && read.sheets.find((s) => s.name.toLowerCase() === LOG_SHEET.toLowerCase());
  if (logClash) {
    decision.refused.push({
      name: logClash.name,
      messageVi: `Sheet "${logClash.name}" không do tiện ích tạo ra; báo cáo cần sheet nhật ký cùng tên. Hãy đổi tên sheet đó rồi dựng lại.`,
      messageEn: `Sheet "${logClash.name}" was not created by the add-in, and the reports need a log sheet of that name. Rename it, then build again.`,
    });
    return { bytes: null, built: [], rebuilt: [], refused: decision.refused, read };
  }
  if (requested.length === 0) return { bytes: null, built: [], rebuilt: [], refused: decision.refused, read };

  const book = takeLoadedWorkbook(read) ?? (await loadWorkbook(bytes));
  const roles = new Map<string, SheetRole | null>(read.sheets.map((s) => [s.name, s.role]));
  const charts: Array<{ name: string; charts: ChartLayout[] }> = [];

  const place = (name: string, build: () => SheetLayout) => {
    const old = book.getWorksheet(name) as (ExcelJS.Worksheet & { orderNo: number }) | undefined;
    const orderNo = old ? old.orderNo : undefined;
    if (old) book.removeWorksheet(old.id);
    const layout = build();
    const ws = renderSheet(book, layout, false) as ExcelJS.Worksheet & { orderNo: number };
    if (orderNo !== undefined) ws.orderNo = orderNo;
    roles.set(layout.name, layout.role);
    if (layout.charts.length) charts.push({ name: layout.name, charts: layout.charts });
  };

  if (!logOwned) place(LOG_SHEET, () => logSheet(model.plan, read.log));
  const built: ReportSheetInfo[] = [];
  for (const p of requested) {
    const existing = read.reports.find((r) => r.name.toLowerCase() === p.sheetName.toLowerCase());
    place(existing?.name ?? p.sheetName, () => {
      const { sheet, info } = reportSheetWithInfo({ model, log: read.log, period: p, asOf: options.asOf ?? null, fields: { ...existing?.fields, ...options.fields }, units });
      if (existing) sheet.name = existing.name;
      built.push(info);
      return sheet;
    });
  }
  const rebuilt: string[] = [];
  for (const r of others) {
    place(r.name, () => {
      const { sheet } = reportSheetWithInfo({ model, log: read.log, period: r.period, asOf: r.asOf, fields: r.fields, units });
      sheet.name = r.name;
      return sheet;
    });
    rebuilt.push(r.name);
  }
  const files = await writeWorkbookFiles(book);
  const order = [...strFromU8(files["xl/workbook.xml"]).matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
  setOwnerMarkers(files, order.map((n) => roles.get(n) ?? null));
  injectCharts(files, charts);
  return { bytes: zipSync(files, { level: 6 }), built, rebuilt, refused: decision.refused, read };
}
