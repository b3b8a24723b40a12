/**
 * The one way back: a snapshot of the product's sheets (from any host, src/layout/snapshot.ts) →
 * the model. Built on the layout's own column schemas: tables found by their headers' meaning
 * (columnSpecs.ts, so a person may reorder or insert columns), settings by their label, units by
 * header, report sheets by their parameter cells. Text a person typed in a date column is kept in
 * the activity's note and reported; numbers are read the Vietnamese way (core/numbers). The plan's
 * own information (title, decision, group titles) comes from the Cài đặt sheet (planInfo.ts); a
 * workbook made before that was stored reads with a generic title and untitled groups.
 */
import { formatViDate, isoFromExcelSerial, parseIso, parseUserDate } from "../core/dates";
import { CchcError } from "../core/errors";
import type { Message } from "../core/message";
import { parseNumberVi } from "../core/numbers";
import { readTarget } from "../core/targets";
import { parsePeriodToken, type Period } from "../core/periods";
import { makeActivities, topGroup, type Activity, type Comparator, type Group, type Indicator, type Plan } from "../core/plan";
import { entriesFromRows, migrateProgressToLog, type LogEntry, type LogProblem } from "../core/progress";
import { defaultSettings, type Settings } from "../core/settings";
import { normalizeText } from "../core/text";
import { UNIT_SHEET_HEADER, unitsFromSheetRows, type Unit } from "../core/units";
import { ARCHIVE_COLUMNS, ARCHIVE_SHEET } from "./archiveSheet";
import { headerKey, LOG_COLUMN_SPECS, mapHeaders, PLAN_COLUMN_SPECS, type ColumnSpec } from "./columnSpecs";
import { DEFINITION_COLUMNS, INDICATORS_SHEET, VALUE_COLUMNS } from "./indicatorsSheet";
import { LOG_SHEET } from "./logSheet";
import type { ActivityProgress, FormulaMode, IndicatorInput, IndicatorOverride, WorkbookModel } from "./model";
import { parseAddress } from "./address";
import { GROUP_COLUMNS, PLAN_INFO_HEADING, PLAN_INFO_LABELS, type PlanInfoKey } from "./planInfo";
import { PLAN_COLUMNS, PLAN_SHEET, type PlanColumnKey } from "./planColumns";
import { REPORT_PARAMS, type ReportFields } from "./reportSheet";
import { SETTING_ROWS, SETTINGS_SHEET } from "./settingsSheet";
import { cellFormula, cellValue, type SheetSnapshot, type SnapshotValue, type WorkbookSnapshot } from "./snapshot";
import type { SheetRole } from "./types";
import { UNITS_SHEET } from "./unitsSheet";

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

export interface WorkbookRead {
  model: WorkbookModel;
  /** The "Đơn vị" sheet's directory, when the workbook has one. */
  units: Unit[] | null;
  log: LogEntry[];
  logProblems: LogProblem[];
  /** Whether the workbook has a log sheet (without one, completion dates typed on the plan are the progress). */
  hasLog: boolean;
  sheets: SheetInfo[];
  reports: ExistingReport[];
  /** The name of the sheet the plan was read from. */
  planSheet: string;
  /** The plan table's rows as they sit on the sheet: 1-based sheet row and the status shown. */
  planRows: Array<{ id: string; row: number; status: string }>;
  /** Rows of the "Lưu trữ" sheet (removed activities), by column key. */
  archived: Array<Partial<Record<(typeof ARCHIVE_COLUMNS)[number]["key"], SnapshotValue>>>;
  /** Things that could not be read as expected, in Vietnamese and English. */
  warnings: Message[];
}

export interface ReadOptions {
  /** Keep progress typed straight into the plan as log entries (default true). */
  migrate?: boolean;
}

type Table<K extends string> = { row: number; cols: Map<K, number> };

const specsOf = <K extends string>(columns: ReadonlyArray<{ key: K; header: string }>): ColumnSpec<K>[] => columns.map((c) => ({ key: c.key, header: c.header }));

/**
 * The header row of a table (0-based) and key → column, found by the headers' meaning; when no row
 * holds every required header, the required ones the best row lacks — for a message that names them.
 */
function scanTable<K extends string>(sheet: SheetSnapshot, specs: ColumnSpec<K>[], required: K[]): { match: Table<K> | null; missing: K[] } {
  let best: { found: number; missing: K[] } = { found: 0, missing: required };
  for (let r = 0; r < Math.min(sheet.values.length, 400); r++) {
    const { columns } = mapHeaders(sheet.values[r] ?? [], specs);
    const cols = new Map(Object.entries(columns) as Array<[K, number]>);
    if (required.every((k) => cols.has(k))) return { match: { row: r, cols }, missing: [] };
    if (cols.size > best.found) best = { found: cols.size, missing: required.filter((k) => !cols.has(k)) };
  }
  return { match: null, missing: best.missing };
}

const findTable = <K extends string>(sheet: SheetSnapshot, specs: ColumnSpec<K>[], required: K[]) => scanTable(sheet, specs, required).match;

/** The table's rows below its header (0-based sheet row); a blank `stopAtBlank` key ends it on an empty row and skips a partly filled one. */
function readRows<K extends string>(sheet: SheetSnapshot, table: Table<K>, stopAtBlank: K | null): Array<{ row: number; values: Partial<Record<K, SnapshotValue>> }> {
  const out: Array<{ row: number; values: Partial<Record<K, SnapshotValue>> }> = [];
  for (let r = table.row + 1; r < sheet.values.length; r++) {
    const values: Partial<Record<K, SnapshotValue>> = {};
    let any = false;
    for (const [k, c] of table.cols) {
      const v = cellValue(sheet, r, c);
      values[k] = v;
      if (v !== "") any = true;
    }
    if (stopAtBlank && values[stopAtBlank] === "") {
      if (!any) break;
      continue;
    }
    if (any) out.push({ row: r, values });
  }
  return out;
}

function dateValue(v: unknown): string | null {
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") return isoFromExcelSerial(v);
  if (typeof v === "string" && parseIso(v)) return v;
  return parseUserDate(v);
}

/**
 * A cell of a date column: a date (an Excel serial, an ISO or dd/mm/yyyy text, "15/3" in the
 * plan's year) → `iso`; anything else a person typed ("đã xong", "cuối quý II") → `text`, so the
 * caller keeps it and says so instead of dropping it.
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
const at = (sheet: SheetSnapshot, a1: string) => {
  const { row, col } = parseAddress(a1);
  return cellValue(sheet, row, col);
};

/** The settings sheet read by its labels (column A) → values (column B), whatever their rows. */
function readSettings(sheet: SheetSnapshot | undefined, fallback: Settings): Settings {
  const s: Settings = { ...fallback };
  if (!sheet) return s;
  const byLabel = new Map(SETTING_ROWS.map((r) => [headerKey(r.label), r.key]));
  for (let r = 0; r < sheet.values.length; r++) {
    const key = byLabel.get(headerKey(cellValue(sheet, r, 0)));
    const v = cellValue(sheet, r, 1);
    if (!key || v === "") continue;
    if (key === "asOf") s.asOf = dateValue(v) ?? s.asOf;
    else if (typeof fallback[key] === "number") {
      const n = parseNumberVi(v);
      if (n !== null) (s as unknown as Record<string, unknown>)[key] = n;
    } else (s as unknown as Record<string, unknown>)[key] = normalizeText(v);
  }
  return s;
}

/** What the Cài đặt sheet says about the plan itself (planInfo.ts), or null when it has no such block. */
function readPlanInfo(sheet: SheetSnapshot | undefined, warnings: Message[]): { title: string; decision?: Plan["decision"]; groups: Group[] } | null {
  if (!sheet) return null;
  const byLabel = new Map(Object.entries(PLAN_INFO_LABELS).map(([key, label]) => [headerKey(label), key as PlanInfoKey]));
  const found: Partial<Record<PlanInfoKey, { v: SnapshotValue; row: number }>> = {};
  for (let r = 0; r < sheet.values.length; r++) {
    const key = byLabel.get(headerKey(cellValue(sheet, r, 0)));
    if (key && !found[key]) found[key] = { v: cellValue(sheet, r, 1), row: r };
  }
  const table = findTable(sheet, specsOf(GROUP_COLUMNS), ["id", "title"]);
  if (!table && !Object.keys(found).length) return null;
  const text = (key: PlanInfoKey) => normalizeText(found[key]?.v);
  const number = text("decisionNumber");
  const signer = text("decisionSigner");
  const dateCell = found.decisionDate?.v ?? "";
  let date = dateValue(dateCell) ?? "";
  if (!date && dateCell !== "") {
    // kept as typed (a rebuild writes it back) and reported, not dropped
    date = normalizeText(dateCell);
    warnings.push({
      vi: `Sheet "${sheet.name}" dòng ${found.decisionDate!.row + 1}, "${PLAN_INFO_LABELS.decisionDate}": "${date}" không phải là ngày. Hãy nhập ngày dạng dd/mm/yyyy.`,
      en: `Sheet "${sheet.name}" row ${found.decisionDate!.row + 1}, "${PLAN_INFO_LABELS.decisionDate}": "${date}" is not a date. Enter it as dd/mm/yyyy.`,
    });
  }
  const groups: Group[] = [];
  const ids = new Set<string>();
  for (const { values } of table ? readRows(sheet, table, "id") : []) {
    const id = normalizeText(values.id);
    if (ids.has(id)) continue;
    ids.add(id);
    groups.push({ id, title: normalizeText(values.title) });
  }
  return { title: text("title"), ...(number || date || signer ? { decision: { number, date, ...(signer ? { signer } : {}) } } : {}), groups };
}

/** A year written in the title lines above the plan table ("… NĂM 2025"), for a workbook without settings. */
function yearAbove(sheet: SheetSnapshot, headerRow: number): number | null {
  for (let r = 0; r < headerRow; r++) {
    for (const v of sheet.values[r] ?? []) {
      const m = /năm\s+(20\d{2})(?!\d)/i.exec(normalizeText(v));
      if (m) return Number(m[1]);
    }
  }
  return null;
}

function readReportFields(sheet: SheetSnapshot): ReportFields {
  const text = (a1: string) => normalizeText(at(sheet, a1));
  const fields: ReportFields = {};
  if (text("A2")) fields.number = text("A2");
  if (text("E3")) fields.dateLine = text("E3");
  const rows = sheet.values.length;
  for (let r = 1; r <= rows; r++) {
    const a = text(`A${r}`);
    if (/^VI\.\s/.test(a) && text(`A${r + 1}`)) fields.remarks = normalizeText(at(sheet, `A${r + 1}`), true);
    if (a === "Nơi nhận:") {
      const recipients: string[] = [];
      for (let k = r + 1; k <= rows && text(`A${k}`); k++) recipients.push(text(`A${k}`));
      if (recipients.length) fields.recipients = recipients;
      let signer = "";
      for (let k = r + 2; k <= Math.min(rows, r + 12); k++) if (text(`F${k}`)) signer = text(`F${k}`);
      if (signer && signer !== "CHỦ TỊCH") fields.signer = signer;
    }
  }
  return fields;
}

/** "custom" when the plan's formulas call the add-in's functions (CCHC.*), else "native". */
function detectMode(sheet: SheetSnapshot): FormulaMode {
  return sheet.formulas.slice(0, 12).some((row) => row.some((f) => f !== null && /\bCCHC\.[A-Z]+\(/.test(f))) ? "custom" : "native";
}

const UNIT_SPECS: ColumnSpec<string>[] = UNIT_SHEET_HEADER.map((header, i) => ({ key: String(i), header }));

/**
 * The product's sheet of a role: the one carrying its owner marker, else an unmarked sheet with the
 * product's name and content (a copy whose markers another program dropped).
 */
function productSheet(snapshot: WorkbookSnapshot, role: SheetRole, name: string): SheetSnapshot | undefined {
  return snapshot.sheets.find((s) => s.role === role) ?? snapshot.sheets.find((s) => s.role === null && s.name === name && s.values.length > 0);
}

const PLAN_REQUIRED: PlanColumnKey[] = ["id", "group", "activity", "deadline"];

/**
 * Whether the workbook holds the product's plan, as every host decides it: the marked plan sheet,
 * or an unmarked "Kế hoạch" that has the plan table (a product workbook whose markers another
 * program dropped) — not a person's own sheet that only has the name (it is renamed aside).
 */
export function hasPlanSheet(snapshot: WorkbookSnapshot): boolean {
  if (snapshot.sheets.some((s) => s.role === "plan")) return true;
  const copy = productSheet(snapshot, "plan", PLAN_SHEET);
  return copy !== undefined && scanTable(copy, PLAN_COLUMN_SPECS, PLAN_REQUIRED).match !== null;
}

export function readBack(snapshot: WorkbookSnapshot, options: ReadOptions = {}): WorkbookRead {
  const sheets: SheetInfo[] = snapshot.sheets.map((s) => ({ name: s.name, role: s.role }));
  const warnings: Message[] = [];
  const byRole = (role: SheetRole, name: string) => productSheet(snapshot, role, name);
  const planWs = byRole("plan", PLAN_SHEET);
  if (!planWs) {
    throw new CchcError("no-plan-sheet", {
      vi: `Không tìm thấy sheet "${PLAN_SHEET}". Hãy mở sổ do tiện ích CCHC tạo, hoặc dựng sổ mới bằng "cchc import <tệp phụ lục> --out <sổ mới>.xlsx".`,
      en: `No "${PLAN_SHEET}" sheet found. Open a workbook the CCHC add-in built, or build one with "cchc import <appendix> --out <new>.xlsx".`,
    });
  }
  const required = PLAN_REQUIRED;
  const scanned = scanTable(planWs, PLAN_COLUMN_SPECS, required);
  const planTable = scanned.match;
  if (!planTable) {
    const missing = scanned.missing.map((k) => `"${PLAN_HEADER[k]}"`).join(", ");
    const all = required.map((k) => `"${PLAN_HEADER[k]}"`).join(", ");
    throw new CchcError("no-plan-table", {
      vi: `Sheet "${planWs.name}" không có bảng kế hoạch: thiếu cột ${missing} (bảng cần các cột ${all} trên cùng một dòng tiêu đề). ` +
        `Hãy khôi phục cột (Hoàn tác/Undo trong Excel, hoặc chèn lại cột với đúng tiêu đề đó và điền lại), hoặc dựng lại sổ bằng "cchc import <tệp phụ lục .docx/.xlsx> --out <sổ mới>.xlsx" rồi nhập lại tiến độ; sau đó chạy lại lệnh.`,
      en: `Sheet "${planWs.name}" has no plan table: column(s) ${missing} missing (the table needs ${all} on one header row). ` +
        `Restore the column(s) (Undo in Excel, or insert them again with exactly that header and fill them in), or rebuild the workbook with "cchc import <appendix .docx/.xlsx> --out <new>.xlsx" and enter the progress again; then run the command again.`,
    });
  }
  const text = (v: unknown) => normalizeText(v);
  const activities: Activity[] = [];
  const progress: Record<string, ActivityProgress> = {};
  const planRows: WorkbookRead["planRows"] = [];
  /** Completion dates typed over the plan's formulas (or in a workbook without a log). */
  const typed: Record<string, { completedOn?: string | null; evidence?: string }> = {};
  const dated: Array<{ id: string; row: number; values: Partial<Record<PlanColumnKey, SnapshotValue>> }> = [];
  const isFormulaCell = (row: number, key: PlanColumnKey): boolean => {
    const c = planTable.cols.get(key);
    return c !== undefined && cellFormula(planWs, row, c) !== null;
  };
  for (const { row, values } of readRows(planWs, planTable, "id")) {
    const get = (k: PlanColumnKey) => text(values[k]);
    const a: Activity = {
      id: get("id"), group: get("group"), objectiveNo: get("objectiveNo"), objective: get("objective"), taskNo: get("taskNo"), task: get("task"),
      activityNo: get("activityNo"), activity: get("activity"), output: get("output"), lead: get("lead"), partners: get("partners"),
      deadline: get("deadline"), budget: get("budget"),
    };
    if (!a.id) a.id = makeActivities([a])[0].id;
    activities.push(a);
    planRows.push({ id: a.id, row: row + 1, status: get("status") });
    const p: ActivityProgress = {};
    // Completion and evidence shown by formulas come from the log (derived again from it); a value
    // typed over the formula is a person's entry.
    if (text(values.evidence) && !isFormulaCell(row, "evidence")) p.evidence = text(values.evidence);
    if (text(values.note)) p.note = text(values.note);
    progress[a.id] = p;
    dated.push({ id: a.id, row, values });
  }

  const settingsWs = byRole("settings", SETTINGS_SHEET);
  // Defaults only for what the workbook's own Cài đặt does not say.
  const baseSettings = defaultSettings({ unit: "", commune: "", province: "", year: yearAbove(planWs, planTable.row) ?? new Date().getFullYear() });
  // a workbook made before the receiver setting: "" resolves from the district, province and year read (receiverOf)
  const settings = readSettings(settingsWs, { ...baseSettings, receiver: "" });
  if (!settingsWs) warnings.push({ vi: `Không có sheet "${SETTINGS_SHEET}": dùng cài đặt mặc định.`, en: `No "${SETTINGS_SHEET}" sheet: default settings used.` });

  // Date columns: a date is read (a day and month alone in the plan's year); text a person typed
  // there is not dropped: it is kept in the activity's note and reported, sheet, row and text.
  // "Hạn từ ngày" / "Hạn đến ngày" are computed from the deadline: a date there is not read, but
  // text typed over them is kept and reported the same way. A formula's result is computed, not
  // typed: its date is read, its text (an error value, "") is not reported.
  for (const { id, row, values } of dated) {
    const p = progress[id];
    const sheetRow = row + 1;
    for (const key of ["userDeadline", "completedOn", "deadlineStart", "deadlineEnd"] as const) {
      const formula = isFormulaCell(row, key);
      const cell = dateCell(values[key], settings.year);
      if (cell.iso && (key === "userDeadline" || key === "completedOn") && !formula) {
        p[key] = cell.iso;
        if (cell.inPlanYear && !formula) {
          warnings.push({
            vi: `Sheet "${planWs.name}" dòng ${sheetRow} (hoạt động ${id}), cột "${PLAN_HEADER[key]}": "${cell.inPlanYear}" được đọc là ngày ${formatViDate(cell.iso)} (năm của kế hoạch).`,
            en: `Sheet "${planWs.name}" row ${sheetRow} (activity ${id}), column "${PLAN_HEADER[key]}": "${cell.inPlanYear}" read as ${formatViDate(cell.iso)} (the plan's year).`,
          });
        }
      }
      if (!cell.text || formula) continue;
      const header = PLAN_HEADER[key];
      p.note = appendNote(p.note, `${header}: ${cell.text}`);
      warnings.push({
        vi: `Sheet "${planWs.name}" dòng ${sheetRow} (hoạt động ${id}), cột "${header}": "${cell.text}" không phải là ngày; đã giữ lại trong Ghi chú. Hãy nhập ngày dạng dd/mm/yyyy nếu cần.`,
        en: `Sheet "${planWs.name}" row ${sheetRow} (activity ${id}), column "${header}": "${cell.text}" is not a date; kept in the note. Enter a date as dd/mm/yyyy if one is meant.`,
      });
    }
    if (p.completedOn && !isFormulaCell(row, "completedOn")) typed[id] = { completedOn: p.completedOn, evidence: p.evidence };
  }

  // Groups: those of the plan's information, in its order, then any other group id of the plan
  // table (untitled: a workbook made before the information was stored, or a row deleted there).
  const info = readPlanInfo(settingsWs, warnings);
  if (settingsWs && !info) {
    warnings.push({
      vi: `Sheet "${SETTINGS_SHEET}" chưa có phần "${PLAN_INFO_HEADING}" (sổ tạo bằng phiên bản trước): tên kế hoạch, quyết định ban hành và tên các nhóm để trống. Phần này được thêm khi sổ được dựng lại (ghi tiến độ, nhập lại phụ lục); hãy điền vào đó.`,
      en: `Sheet "${SETTINGS_SHEET}" has no "${PLAN_INFO_HEADING}" part (a workbook made by an earlier version): the plan's title, issuing decision and group titles are blank. It is added when the workbook is rebuilt (recording progress, a re-import); fill it in there.`,
    });
  }
  const groups: Group[] = [...(info?.groups ?? [])];
  const seen = new Set(groups.map((g) => g.id));
  for (const a of activities) {
    for (const id of [topGroup(a.group), a.group]) {
      if (seen.has(id) || !id) continue;
      seen.add(id);
      groups.push({ id, title: "" });
    }
  }

  // Indicators (the plan body's; appendix ones are re-derived from the activities) and typed figures.
  const indicators: Indicator[] = [];
  const indicatorInputs: WorkbookModel["indicatorInputs"] = {};
  const indicatorOverrides: Record<string, IndicatorOverride> = {};
  const indWs = byRole("indicators", INDICATORS_SHEET);
  if (indWs) {
    const defs = findTable(indWs, specsOf(DEFINITION_COLUMNS), ["id", "text"]);
    if (defs) {
      const isFormula = (row: number, key: "comparatorRead" | "targetRead") => cellFormula(indWs, row, defs.cols.get(key) ?? -1) !== null;
      for (const { row, values } of readRows(indWs, defs, "id")) {
        const id = text(values.id);
        const index = parseNumberVi(values.index);
        // A formula's result is the host's (#NAME? where the add-in's functions do not run): what
        // CCHC.TARGET / CCHC.COMPARATOR compute is read from the text here, the same on every host.
        const fromText = isFormula(row, "targetRead") || isFormula(row, "comparatorRead") ? readTarget(text(values.text), index ?? 1) : null;
        const comparator = (fromText?.comparator ?? (text(values.comparatorRead) || ">=")) as Comparator;
        const target = fromText?.value ?? parseNumberVi(values.targetRead) ?? 0;
        if (!id.startsWith("OBJ-")) {
          const unit = /số lượng|count/i.test(text(values.unit)) ? "count" : "percent";
          indicators.push({ id, text: text(values.text), target, comparator, unit, ...(index && index > 1 ? { index } : {}), ...(text(values.source) ? { source: text(values.source) } : {}) });
        }
        const oc = text(values.comparatorOverride);
        const ot = parseNumberVi(values.targetOverride);
        if (oc || ot !== null) indicatorOverrides[id] = { comparator: (oc || null) as Comparator | null, target: ot };
      }
    }
    const vals = findTable(indWs, specsOf(VALUE_COLUMNS), ["id", "period", "numerator"]);
    if (vals) {
      for (const { values } of readRows(indWs, vals, "id")) {
        const num = parseNumberVi(values.numerator);
        const den = parseNumberVi(values.denominator);
        if (num === null && den === null) continue;
        let key: string;
        try {
          key = parsePeriodToken(text(values.period)).token.split("-")[0];
        } catch {
          warnings.push({
            vi: `Sheet "${indWs.name}": kỳ "${text(values.period)}" của chỉ tiêu ${text(values.id)} không đọc được nên số liệu của dòng đó không được dùng. Hãy ghi kỳ như "Quý I/2024".`,
            en: `Sheet "${indWs.name}": period "${text(values.period)}" of indicator ${text(values.id)} cannot be read, so that row's figures are not used. Write the period like "Quý I/2024".`,
          });
          continue;
        }
        const id = text(values.id);
        const input: IndicatorInput = { numerator: num, denominator: den };
        (indicatorInputs[id] ??= {})[key] = input;
      }
    }
  }

  const plan: Plan = {
    unit: settings.unit,
    commune: settings.commune,
    district: settings.district || undefined,
    province: settings.province,
    year: settings.year,
    ...(info?.decision ? { decision: info.decision } : {}),
    title: info?.title || `Kế hoạch cải cách hành chính ${settings.unit} năm ${settings.year}`.replace(/\s+/g, " "),
    groups,
    activities,
    indicators,
  };
  const model: WorkbookModel = { plan, settings, progress, mode: detectMode(planWs), indicatorInputs, indicatorOverrides };

  // The log: dates as ISO, through core's one reading of log rows.
  let log: LogEntry[] = [];
  let logProblems: LogProblem[] = [];
  const logWs = byRole("log", LOG_SHEET);
  if (logWs) {
    const table = findTable(logWs, LOG_COLUMN_SPECS, ["date", "activityId", "status"]);
    if (table) {
      const rows = readRows(logWs, table, null);
      const read = entriesFromRows(rows.map((r) => r.values), new Set(activities.map((a) => a.id)), rows.map((r) => r.row + 1));
      log = read.entries;
      logProblems = read.problems;
    }
  }
  if (options.migrate !== false) {
    const before = log.length;
    log = migrateProgressToLog(typed, log);
    if (log.length > before) warnings.push({ vi: `${log.length - before} ngày hoàn thành nhập trực tiếp ở sheet Kế hoạch được chuyển thành dòng nhật ký.`, en: `${log.length - before} completion dates typed in the plan sheet became log entries.` });
  }

  // The units directory, by header (leads are counted under their canonical names).
  let units: Unit[] | null = null;
  const unitsWs = byRole("units", UNITS_SHEET);
  const unitTable = unitsWs ? findTable(unitsWs, UNIT_SPECS, ["0"]) : null;
  if (unitsWs && unitTable) {
    const rows = readRows(unitsWs, unitTable, "0").map(({ values }) => UNIT_SPECS.map((s) => values[s.key] ?? ""));
    const read = unitsFromSheetRows(rows);
    if (read.length) units = read;
  }

  // Removed activities, kept on the archive sheet.
  const archiveWs = byRole("archive", ARCHIVE_SHEET);
  const archiveTable = archiveWs ? findTable(archiveWs, specsOf(ARCHIVE_COLUMNS), ["id"]) : null;
  const archived = archiveWs && archiveTable ? readRows(archiveWs, archiveTable, "id").map((r) => r.values) : [];

  // Report sheets already built.
  const reports: ExistingReport[] = [];
  for (const s of snapshot.sheets) {
    if (s.role !== "report") continue;
    const token = normalizeText(at(s, REPORT_PARAMS.token));
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
    reports.push({ name: s.name, period, asOf: dateValue(at(s, REPORT_PARAMS.asOf)), fields: readReportFields(s) });
  }
  return { model, units, log, logProblems, hasLog: Boolean(logWs), sheets, reports, planSheet: planWs.name, planRows, archived, warnings };
}
