/**
 * `cchc import FILE --out WORKBOOK.xlsx` when WORKBOOK already exists: merge the revised appendix
 * into it, keeping what people entered (see src/import/merge.ts), archiving removed activities,
 * and rebuilding only the add-in's own sheets. Without --apply it only shows the diff.
 */
import ExcelJS from "exceljs";
import { readWorkbook, plainValue } from "../export/readWorkbook";
import { mergeReimport, describeDiff } from "../import/merge";
import { archiveRecords, archiveSheet, ARCHIVE_SHEET } from "../layout/archiveSheet";
import { trackedWorkbookLayout } from "../layout/reportSheet";
import { UNITS_SHEET } from "../layout/unitsSheet";
import { replaceSheetsInPlace } from "../render/exceljsInPlace";
import { todayIso } from "../core/dates";
import { unitsFromSheetRows, DEFAULT_UNITS, type Unit } from "../core/units";
import type { Plan } from "../core/plan";
import type { SheetRole } from "../layout/types";

/** Sheets a re-import rebuilds; units, settings and the log are what people edit, so they stay. */
const REBUILT: SheetRole[] = ["plan", "checks", "indicators", "report", "archive"];

async function sheetRows(bytes: Uint8Array, name: string, firstRow: number): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  const rows: string[][] = [];
  ws?.eachRow((row, r) => {
    if (r < firstRow) return;
    const values = (row.values as ExcelJS.CellValue[]).slice(1).map((v) => String(plainValue(v) ?? ""));
    if (values.some((v) => v.trim())) rows.push(values);
  });
  return rows;
}

export interface ReimportOutcome {
  bytes: Uint8Array | null;
  summary: { vi: string[]; en: string[] };
}

export async function reimportIntoWorkbook(existing: Uint8Array, incoming: Plan, options: { apply: boolean; headerLines: string[]; today?: string }): Promise<ReimportOutcome> {
  const read = await readWorkbook(existing);
  const merged = mergeReimport({ plan: read.model.plan, progress: read.model.progress }, incoming);
  const logged = new Set(read.log.map((e) => e.activityId));
  const entered = (id: string) => Object.values(read.model.progress[id] ?? {}).some((v) => v !== null && v !== undefined && v !== "");
  const kept = merged.diff.matched.filter((m) => entered(m.from.id) || logged.has(m.from.id)).length;
  const summary = describeDiff(merged.diff, kept);
  if (!options.apply) return { bytes: null, summary };

  const unitRows = await sheetRows(existing, UNITS_SHEET, 3);
  const units: Unit[] = unitRows.length ? unitsFromSheetRows(unitRows) : DEFAULT_UNITS;
  const archiveRows = read.sheets.some((s) => s.name === ARCHIVE_SHEET && s.role === "archive") ? await sheetRows(existing, ARCHIVE_SHEET, 3) : [];
  const archivedBefore = archiveRows.length ? archiveRecords(archiveRows[0], archiveRows.slice(1)) : [];
  const today = options.today ?? todayIso();
  const { layout } = trackedWorkbookLayout(
    { ...read.model, plan: merged.plan, progress: merged.progress },
    read.log,
    {
      units,
      validation: { headerLines: options.headerLines },
      periods: read.reports.map((r) => r.period),
      reportAsOf: Object.fromEntries(read.reports.filter((r) => r.asOf).map((r) => [r.period.token, r.asOf!])),
      fields: Object.fromEntries(read.reports.map((r) => [r.period.token, r.fields])),
      extraSheets: merged.archived.length || archivedBefore.length
        ? [archiveSheet(archivedBefore, merged.archived, today, `Không còn trong phụ lục nhập ngày ${today.split("-").reverse().join("/")}`)]
        : [],
    },
  );
  const sheets = layout.sheets.filter((s) => REBUILT.includes(s.role));
  return { bytes: await replaceSheetsInPlace(existing, sheets, layout.names ?? {}), summary };
}
