/**
 * Reading a workbook the add-in built back into the model, with exceljs: the plan table (ids,
 * texts, the user's deadline and note), the progress log, the settings, the indicators' typed
 * figures, which sheets the add-in owns (the CCHC_ROLE markers, read from the zip because
 * exceljs drops constant names), and the report sheets already built (their period, as-of date
 * and the texts a person edited on them). Columns are found by their header text, so a person
 * may reorder them.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { HONG_LOC_2024 } from "../data/hongLoc2024";
import { formatViDate, isoFromExcelSerial, parseIso, parseUserDate } from "../core/dates";
import { parsePeriodToken, type Period } from "../core/periods";
import { makeActivities, topGroup, type Activity, type Comparator, type Group, type Indicator, type Plan } from "../core/plan";
import { entriesFromRows, migrateProgressToLog, type LogEntry, type LogProblem } from "../core/progress";
import { defaultSettings, type Settings } from "../core/settings";
import { normalizeText } from "../core/text";
import { parseNumberVi } from "../core/numbers";
import { DEFINITION_COLUMNS, INDICATORS_SHEET, VALUE_COLUMNS } from "../layout/indicatorsSheet";
import { LOG_COLUMNS, LOG_SHEET } from "../layout/logSheet";
import type { ActivityProgress, FormulaMode, IndicatorInput, IndicatorOverride, WorkbookModel } from "../layout/model";
import { PLAN_COLUMNS, PLAN_SHEET, type PlanColumnKey } from "../layout/planColumns";
import { REPORT_PARAMS, type ReportFields } from "../layout/reportSheet";
import { SETTING_ROWS, SETTINGS_SHEET, settingAddress } from "../layout/settingsSheet";
import { OWNER_MARKER_NAME, type SheetRole } from "../layout/types";
import { UNITS_FIRST_ROW, UNITS_SHEET } from "../layout/unitsSheet";
import { unitsFromSheetRows, type Unit } from "../core/units";
import { unescapeXml } from "../render/xlsxCharts";
import { loadWorkbook } from "../render/xlsxStrict";

export class WorkbookReadError extends Error {
  constructor(readonly messageVi: string, readonly messageEn: string) {
    super(messageEn);
  }
}

export interface SheetInfo {
  name: string;
  /** The add-in's role when the sheet carries its marker; null for a sheet a person made. */
  role: SheetRole | null;
}

export interface ExistingReport {
  name: string;
  period: Period;
  asOf: string | null;
  fields: ReportFields;
}

export interface ReadWorkbook {
  model: WorkbookModel;
  /** The "Đơn vị" sheet's directory, when the workbook has one. */
  units: Unit[] | null;
  log: LogEntry[];
  logProblems: LogProblem[];
  sheets: SheetInfo[];
  reports: ExistingReport[];
  /** Things that could not be read as expected, in Vietnamese and English. */
  warnings: Array<{ vi: string; en: string }>;
}

/** The owner markers of an .xlsx, in sheet order (from xl/workbook.xml). */
export function readSheetRoles(bytes: Uint8Array): SheetInfo[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === "xl/workbook.xml" });
  } catch {
    throw new WorkbookReadError("Tệp không phải sổ Excel (.xlsx) hợp lệ.", "The file is not a valid Excel workbook (.xlsx).");
  }
  if (!files["xl/workbook.xml"]) throw new WorkbookReadError("Tệp không phải sổ Excel (.xlsx) hợp lệ.", "The file is not a valid Excel workbook (.xlsx).");
  const xml = strFromU8(files["xl/workbook.xml"]);
  const names = [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"[^>]*\/?>/g)].map((m) => unescapeXml(m[1]));
  const roles = new Map<number, SheetRole>();
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const attrs = m[1];
    if (!new RegExp(`\\bname="${OWNER_MARKER_NAME}"`).test(attrs)) continue;
    const id = /\blocalSheetId="(\d+)"/.exec(attrs);
    if (!id) continue;
    const value = unescapeXml(m[2]).replace(/^"|"$/g, "") as SheetRole;
    roles.set(Number(id[1]), value);
  }
  return names.map((name, i) => ({ name, role: roles.get(i) ?? null }));
}

/** An exceljs cell value → a plain value (formula results, rich text, hyperlinks, dates as ISO). */
export function plainValue(value: ExcelJS.CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    return `${String(value.getUTCFullYear()).padStart(4, "0")}-${String(value.getUTCMonth() + 1).padStart(2, "0")}-${String(value.getUTCDate()).padStart(2, "0")}`;
  }
  if (typeof value === "object") {
    const v = value as unknown as Record<string, unknown>;
    if ("formula" in v || "sharedFormula" in v) return plainValue((v.result ?? null) as ExcelJS.CellValue);
    if ("richText" in v) return (v.richText as Array<{ text: string }>).map((t) => t.text).join("");
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
    return null;
  }
  return value as string | number | boolean;
}

function dateValue(v: unknown): string | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return isoFromExcelSerial(v);
  if (typeof v === "string" && parseIso(v)) return v;
  return parseUserDate(v);
}

const headerKey = (s: unknown) => normalizeText(s).toLowerCase();

/** Finds the header row of a table by its headers; returns the row number and key → column number. */
function findTable<K extends string>(ws: ExcelJS.Worksheet, columns: ReadonlyArray<{ key: K; header: string }>, required: K[]): { row: number; cols: Map<K, number> } | null {
  return scanTable(ws, columns, required).match;
}

/**
 * findTable, and when no row holds every required header, the row that holds most of the table's
 * headers (the table a person damaged) with the required ones it lacks — for a message that
 * names them.
 */
function scanTable<K extends string>(
  ws: ExcelJS.Worksheet,
  columns: ReadonlyArray<{ key: K; header: string }>,
  required: K[],
): { match: { row: number; cols: Map<K, number> } | null; missing: K[] } {
  const byHeader = new Map(columns.map((c) => [headerKey(c.header), c.key]));
  const last = Math.min(ws.rowCount, 400);
  let best: { found: number; missing: K[] } = { found: 0, missing: required };
  for (let r = 1; r <= last; r++) {
    const cols = new Map<K, number>();
    ws.getRow(r).eachCell({ includeEmpty: false }, (cell, c) => {
      const k = byHeader.get(headerKey(plainValue(cell.value)));
      if (k && !cols.has(k)) cols.set(k, c);
    });
    if (required.every((k) => cols.has(k))) return { match: { row: r, cols }, missing: [] };
    if (cols.size > best.found) best = { found: cols.size, missing: required.filter((k) => !cols.has(k)) };
  }
  return { match: null, missing: best.missing };
}

/**
 * A cell of a date column: a date (an Excel date or serial, an ISO or dd/mm/yyyy text, "15/3" in
 * the plan's year) → `iso`; anything else a person typed ("đã xong", "cuối quý II") → `text`,
 * so the caller keeps it and says so instead of dropping it.
 */
function dateCell(v: unknown, year: number): { iso: string | null; text: string; inPlanYear?: string } {
  if (v === null || v === undefined || v === "") return { iso: null, text: "" };
  if (typeof v === "number") {
    const iso = isoFromExcelSerial(v);
    return iso ? { iso, text: "" } : { iso: null, text: String(v) };
  }
  const t = normalizeText(v);
  if (!t) return { iso: null, text: "" };
  if (parseIso(t)) return { iso: t, text: "" };
  const iso = parseUserDate(t);
  if (iso) return { iso, text: "" };
  const withYear = parseUserDate(t, year);
  return withYear ? { iso: withYear, text: "", inPlanYear: t } : { iso: null, text: t };
}

/** Appends `part` to a note unless the note holds it already (a second read adds nothing). */
function appendNote(note: string | undefined, part: string): string {
  if (!note) return part;
  return note.includes(part) ? note : `${note}; ${part}`;
}

const PLAN_HEADER: Record<PlanColumnKey, string> = Object.fromEntries(PLAN_COLUMNS.map((c) => [c.key, c.header])) as Record<PlanColumnKey, string>;

function readRows<K extends string>(ws: ExcelJS.Worksheet, table: { row: number; cols: Map<K, number> }, stopAtBlank: K | null): Array<{ row: number; values: Partial<Record<K, unknown>> }> {
  const out: Array<{ row: number; values: Partial<Record<K, unknown>> }> = [];
  for (let r = table.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const values: Partial<Record<K, unknown>> = {};
    let any = false;
    for (const [k, c] of table.cols) {
      const v = plainValue(row.getCell(c).value);
      values[k] = v;
      if (v !== null && v !== "") any = true;
    }
    if (stopAtBlank && (values[stopAtBlank] === null || values[stopAtBlank] === "")) {
      if (!any) break;
      continue;
    }
    if (any) out.push({ row: r, values });
  }
  return out;
}

const STANDARD_GROUP_TITLES: Record<string, string> = Object.fromEntries(HONG_LOC_2024.groups.map((g) => [g.id, g.title]));

function readSettings(ws: ExcelJS.Worksheet | undefined, fallback: Settings): Settings {
  const s: Settings = { ...fallback };
  if (!ws) return s;
  for (const row of SETTING_ROWS) {
    const v = plainValue(ws.getCell(settingAddress(row.key)).value);
    if (v === null || v === "") continue;
    const key = row.key;
    if (key === "asOf") s.asOf = dateValue(v) ?? s.asOf;
    else if (typeof fallback[key] === "number") {
      const n = parseNumberVi(v);
      if (n !== null) (s as unknown as Record<string, unknown>)[key] = n;
    } else (s as unknown as Record<string, unknown>)[key] = normalizeText(v);
  }
  return s;
}

function readReportFields(ws: ExcelJS.Worksheet): ReportFields {
  const text = (a1: string) => normalizeText(plainValue(ws.getCell(a1).value));
  const fields: ReportFields = {};
  if (text("A2")) fields.number = text("A2");
  if (text("E3")) fields.dateLine = text("E3");
  for (let r = 1; r <= ws.rowCount; r++) {
    const a = text(`A${r}`);
    if (/^VI\.\s/.test(a) && text(`A${r + 1}`)) fields.remarks = normalizeText(plainValue(ws.getCell(`A${r + 1}`).value), true);
    if (a === "Nơi nhận:") {
      const recipients: string[] = [];
      for (let k = r + 1; k <= ws.rowCount && text(`A${k}`); k++) recipients.push(text(`A${k}`));
      if (recipients.length) fields.recipients = recipients;
      let signer = "";
      for (let k = r + 2; k <= Math.min(ws.rowCount, r + 12); k++) if (text(`F${k}`)) signer = text(`F${k}`);
      if (signer && signer !== "CHỦ TỊCH") fields.signer = signer;
    }
  }
  return fields;
}

const LOADED = new WeakMap<ReadWorkbook, ExcelJS.Workbook>();

/**
 * The exceljs workbook `readWorkbook` loaded, handed over once (buildReportsInPlace edits it
 * instead of loading the bytes a second time); undefined the second time.
 */
export function takeLoadedWorkbook(read: ReadWorkbook): ExcelJS.Workbook | undefined {
  const wb = LOADED.get(read);
  LOADED.delete(read);
  return wb;
}

export interface ReadOptions {
  /** Keep progress typed straight into the plan as log entries (default true). */
  migrate?: boolean;
}

export async function readWorkbook(bytes: Uint8Array, options: ReadOptions = {}): Promise<ReadWorkbook> {
  const sheets = readSheetRoles(bytes);
  let wb: ExcelJS.Workbook;
  try {
    wb = await loadWorkbook(bytes);
  } catch {
    throw new WorkbookReadError("Không đọc được sổ Excel.", "Could not read the workbook.");
  }
  const warnings: Array<{ vi: string; en: string }> = [];
  const byRole = (role: SheetRole, name: string) => {
    const owned = sheets.find((s) => s.role === role);
    return wb.getWorksheet(owned?.name ?? name);
  };
  const planWs = byRole("plan", PLAN_SHEET);
  if (!planWs) throw new WorkbookReadError(`Không tìm thấy sheet "${PLAN_SHEET}".`, `No "${PLAN_SHEET}" sheet found.`);
  const scanned = scanTable(planWs, PLAN_COLUMNS, ["id", "group", "activity", "deadline"]);
  const planTable = scanned.match;
  if (!planTable) {
    const missing = scanned.missing.map((k) => `"${PLAN_HEADER[k]}"`).join(", ");
    const all = ["id", "group", "activity", "deadline"].map((k) => `"${PLAN_HEADER[k as PlanColumnKey]}"`).join(", ");
    throw new WorkbookReadError(
      `Sheet "${planWs.name}" không có bảng kế hoạch: thiếu cột ${missing} (bảng cần các cột ${all} trên cùng một dòng tiêu đề). ` +
        `Hãy khôi phục cột (Hoàn tác/Undo trong Excel, hoặc chèn lại cột với đúng tiêu đề đó và điền lại), hoặc dựng lại sổ bằng "cchc import <tệp phụ lục .docx/.xlsx> --out <sổ mới>.xlsx" rồi nhập lại tiến độ; sau đó chạy lại lệnh.`,
      `Sheet "${planWs.name}" has no plan table: column(s) ${missing} missing (the table needs ${all} on one header row). ` +
        `Restore the column(s) (Undo in Excel, or insert them again with exactly that header and fill them in), or rebuild the workbook with "cchc import <appendix .docx/.xlsx> --out <new>.xlsx" and enter the progress again; then run the command again.`,
    );
  }
  const planRows = readRows(planWs, planTable, "id");
  const activities: Activity[] = [];
  const progress: Record<string, ActivityProgress> = {};
  /** Completion dates typed over the plan's formulas (or in a workbook without a log). */
  const typed: Record<string, { completedOn?: string | null; evidence?: string }> = {};
  /** The date columns of each row, read once the plan's year is known (settings). */
  const dated: Array<{ id: string; row: number; values: Partial<Record<PlanColumnKey, unknown>> }> = [];
  const isFormulaCell = (row: number, key: PlanColumnKey): boolean => {
    const c = planTable.cols.get(key);
    const raw = c ? planWs.getRow(row).getCell(c).value : null;
    return raw !== null && typeof raw === "object" && !(raw instanceof Date) && ("formula" in raw || "sharedFormula" in raw);
  };
  const text = (v: unknown) => normalizeText(v);
  for (const { row, values } of planRows) {
    const get = (k: PlanColumnKey) => text(values[k]);
    const a: Activity = {
      id: get("id"), group: get("group"), objectiveNo: get("objectiveNo"), objective: get("objective"), taskNo: get("taskNo"), task: get("task"),
      activityNo: get("activityNo"), activity: get("activity"), output: get("output"), lead: get("lead"), partners: get("partners"),
      deadline: get("deadline"), budget: get("budget"),
    };
    if (!a.id) a.id = makeActivities([a])[0].id;
    activities.push(a);
    const p: ActivityProgress = {};
    if (text(values.evidence)) p.evidence = text(values.evidence);
    if (text(values.note)) p.note = text(values.note);
    progress[a.id] = p;
    dated.push({ id: a.id, row, values });
  }

  const settingsWs = byRole("settings", SETTINGS_SHEET);
  const embedded = HONG_LOC_2024;
  const sameAsEmbedded = activities.length === embedded.activities.length && activities.every((a, i) => a.id === embedded.activities[i].id);
  const baseSettings = defaultSettings(sameAsEmbedded ? embedded : { unit: "", commune: "", province: "", year: embedded.year });
  const settings = readSettings(settingsWs, baseSettings);
  if (!settingsWs) warnings.push({ vi: `Không có sheet "${SETTINGS_SHEET}": dùng cài đặt mặc định.`, en: `No "${SETTINGS_SHEET}" sheet: default settings used.` });

  // Date columns: a date is read (a day and month alone in the plan's year); text a person typed
  // there is not dropped: it is kept in the activity's note and reported, sheet, row and text.
  // "Hạn từ ngày" / "Hạn đến ngày" are computed from the deadline: a date there is not read, but
  // text typed over them is kept and reported the same way. A formula's result is computed, not
  // typed: its date is read, its text (an error value, "") is not reported.
  for (const { id, row, values } of dated) {
    const p = progress[id];
    for (const key of ["userDeadline", "completedOn", "deadlineStart", "deadlineEnd"] as const) {
      const formula = isFormulaCell(row, key);
      const cell = dateCell(values[key], settings.year);
      if (cell.iso && (key === "userDeadline" || key === "completedOn")) {
        p[key] = cell.iso;
        if (cell.inPlanYear && !formula) {
          warnings.push({
            vi: `Sheet "${planWs.name}" dòng ${row} (hoạt động ${id}), cột "${PLAN_HEADER[key]}": "${cell.inPlanYear}" được đọc là ngày ${formatViDate(cell.iso)} (năm của kế hoạch).`,
            en: `Sheet "${planWs.name}" row ${row} (activity ${id}), column "${PLAN_HEADER[key]}": "${cell.inPlanYear}" read as ${formatViDate(cell.iso)} (the plan's year).`,
          });
        }
      }
      if (!cell.text || formula) continue;
      const header = PLAN_HEADER[key];
      p.note = appendNote(p.note, `${header}: ${cell.text}`);
      warnings.push({
        vi: `Sheet "${planWs.name}" dòng ${row} (hoạt động ${id}), cột "${header}": "${cell.text}" không phải là ngày; đã giữ lại trong Ghi chú. Hãy nhập ngày dạng dd/mm/yyyy nếu cần.`,
        en: `Sheet "${planWs.name}" row ${row} (activity ${id}), column "${header}": "${cell.text}" is not a date; kept in the note. Enter a date as dd/mm/yyyy if one is meant.`,
      });
    }
    if (p.completedOn && !isFormulaCell(row, "completedOn")) typed[id] = { completedOn: p.completedOn, evidence: p.evidence };
  }

  // Groups: the plan table's group ids in order, titled from the embedded plan's standard titles.
  const groups: Group[] = [];
  const seen = new Set<string>();
  for (const a of activities) {
    for (const id of [topGroup(a.group), a.group]) {
      if (seen.has(id) || !id) continue;
      seen.add(id);
      groups.push({ id, title: STANDARD_GROUP_TITLES[id] ?? "" });
    }
  }

  // Indicators (the plan body's; appendix ones are re-derived from the activities) and typed figures.
  const indicators: Indicator[] = [];
  const indicatorInputs: WorkbookModel["indicatorInputs"] = {};
  const indicatorOverrides: Record<string, IndicatorOverride> = {};
  const indWs = byRole("indicators", INDICATORS_SHEET);
  if (indWs) {
    const defs = findTable(indWs, DEFINITION_COLUMNS, ["id", "text"]);
    if (defs) {
      for (const { values } of readRows(indWs, defs, "id")) {
        const id = text(values.id);
        const comparator = (text(values.comparatorRead) || ">=") as Comparator;
        const target = parseNumberVi(values.targetRead) ?? 0;
        if (!id.startsWith("OBJ-")) {
          const unit = /số lượng|count/i.test(text(values.unit)) ? "count" : "percent";
          const index = parseNumberVi(values.index);
          indicators.push({ id, text: text(values.text), target, comparator, unit, ...(index && index > 1 ? { index } : {}), ...(text(values.source) ? { source: text(values.source) } : {}) });
        }
        const oc = text(values.comparatorOverride);
        const ot = parseNumberVi(values.targetOverride);
        if (oc || ot !== null) indicatorOverrides[id] = { comparator: (oc || null) as Comparator | null, target: ot };
      }
    }
    const vals = findTable(indWs, VALUE_COLUMNS, ["id", "period", "numerator"]);
    if (vals) {
      for (const { values } of readRows(indWs, vals, "id")) {
        const num = parseNumberVi(values.numerator);
        const den = parseNumberVi(values.denominator);
        if (num === null && den === null) continue;
        let key: string;
        try {
          key = parsePeriodToken(text(values.period)).token.split("-")[0];
        } catch {
          continue;
        }
        const id = text(values.id);
        const input: IndicatorInput = { numerator: num, denominator: den };
        (indicatorInputs[id] ??= {})[key] = input;
      }
    }
  }
  if (sameAsEmbedded && indicators.length === 0) indicators.push(...embedded.indicators);

  const plan: Plan = {
    unit: settings.unit,
    commune: settings.commune,
    district: settings.district || undefined,
    province: settings.province,
    year: settings.year,
    ...(sameAsEmbedded && embedded.decision ? { decision: embedded.decision } : {}),
    title: sameAsEmbedded ? embedded.title : `Kế hoạch cải cách hành chính ${settings.unit} năm ${settings.year}`.replace(/\s+/g, " "),
    groups,
    activities,
    indicators,
  };
  const model: WorkbookModel = { plan, settings, progress, mode: detectMode(planWs), indicatorInputs, indicatorOverrides };

  // The log.
  let log: LogEntry[] = [];
  let logProblems: LogProblem[] = [];
  const logWs = byRole("log", LOG_SHEET);
  if (logWs) {
    const table = findTable(logWs, LOG_COLUMNS, ["date", "activityId", "status"]);
    if (table) {
      const rows = readRows(logWs, table, null);
      const read = entriesFromRows(rows.map((r) => r.values), new Set(activities.map((a) => a.id)), rows.map((r) => r.row));
      log = read.entries;
      logProblems = read.problems;
    }
  }
  if (options.migrate !== false) {
    const before = log.length;
    log = migrateProgressToLog(typed, log);
    if (log.length > before) warnings.push({ vi: `${log.length - before} ngày hoàn thành nhập trực tiếp ở sheet Kế hoạch được chuyển thành dòng nhật ký.`, en: `${log.length - before} completion dates typed in the plan sheet became log entries.` });
  }

  // The units directory (leads are counted under their canonical names).
  let units: Unit[] | null = null;
  const unitsWs = byRole("units", UNITS_SHEET);
  if (unitsWs) {
    const rows: unknown[][] = [];
    for (let r = UNITS_FIRST_ROW - 1; r <= unitsWs.rowCount; r++) {
      const row = [1, 2, 3, 4, 5].map((c) => plainValue(unitsWs.getRow(r).getCell(c).value));
      if (r >= UNITS_FIRST_ROW && row.every((v) => v === null || v === "")) break;
      rows.push(row);
    }
    const read = unitsFromSheetRows(rows);
    if (read.length) units = read;
  }

  // Report sheets already built.
  const reports: ExistingReport[] = [];
  for (const s of sheets) {
    if (s.role !== "report") continue;
    const ws = wb.getWorksheet(s.name);
    if (!ws) continue;
    const token = normalizeText(plainValue(ws.getCell(REPORT_PARAMS.token).value));
    let period: Period | null = null;
    for (const t of [token, s.name]) {
      if (!t) continue;
      try {
        period = parsePeriodToken(t, { startDay: settings.cutoffStartDay, endDay: settings.cutoffEndDay });
        break;
      } catch {
        /* try the next */
      }
    }
    if (!period) {
      warnings.push({ vi: `Không xác định được kỳ của sheet báo cáo "${s.name}".`, en: `Could not tell the period of report sheet "${s.name}".` });
      continue;
    }
    reports.push({ name: s.name, period, asOf: dateValue(plainValue(ws.getCell(REPORT_PARAMS.asOf).value)), fields: readReportFields(ws) });
  }
  const result: ReadWorkbook = { model, units, log, logProblems, sheets, reports, warnings };
  LOADED.set(result, wb);
  return result;
}

/** "custom" when the plan's formulas call the add-in's functions (_xldudf_CCHC_…), else "native". */
function detectMode(ws: ExcelJS.Worksheet): FormulaMode {
  let custom = false;
  const last = Math.min(ws.rowCount, 12);
  for (let r = 1; r <= last && !custom; r++) {
    ws.getRow(r).eachCell((cell) => {
      const v = cell.value as unknown as { formula?: string } | null;
      if (v && typeof v === "object" && typeof v.formula === "string" && /CCHC/.test(v.formula) && /_xldudf_|CCHC\./.test(v.formula)) custom = true;
    });
  }
  return custom ? "custom" : "native";
}
