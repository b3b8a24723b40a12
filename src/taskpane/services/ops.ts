/**
 * What the pane's buttons do, against the live workbook. Loaded on demand (a separate chunk):
 * the layout, the renderer, the core and the readers live here; exceljs and the .docx reader are
 * imported further down only when an export, a roll-up or a .docx import asks for them.
 *
 * Every operation reads what it needs from the workbook (a constant number of syncs), builds a
 * layout with `src/layout` exactly as the CLI does, and writes it with `renderLayout`, which
 * replaces only the add-in's own sheets and leaves the workbook unchanged when anything fails.
 */
import type { Activity, Group, Indicator, Plan } from "../../core/plan";
import { defaultSettings, type Settings } from "../../core/settings";
import { formatViDate, todayIso, parseIso } from "../../core/dates";
import { parseNumberVi } from "../../core/numbers";
import { DEFAULT_UNITS, UNIT_SHEET_HEADER, unitsFromSheetRows, type Unit } from "../../core/units";
import { validatePlan } from "../../core/validate/validate";
import type { Finding } from "../../core/validate/rules";
import { buildWorkbookLayout } from "../../layout/workbook";
import { checksSheet, CHECKS_SHEET, FINDING_KEYS_NAME } from "../../layout/checksSheet";
import { SETTINGS_SHEET, settingsSheet } from "../../layout/settingsSheet";
import { UNITS_TABLE, UNITS_SHEET } from "../../layout/unitsSheet";
import { PLAN_COLUMNS, PLAN_SHEET, type PlanColumnKey } from "../../layout/planColumns";
import { INDICATOR_VALUES_TABLE, INDICATORS_SHEET, INDICATOR_PERIOD_KEYS, VALUE_COLUMNS, DEFINITION_COLUMNS, INDICATORS_TABLE } from "../../layout/indicatorsSheet";
import type { ActivityProgress, IndicatorInput, IndicatorOverride, WorkbookModel } from "../../layout/model";
import type { SheetLayout, WorkbookLayout } from "../../layout/types";
import { columnLetter } from "../../layout/address";
import { periodsOfYear } from "../../core/periods";
import { diffPlans, reconciledActivities } from "../../import/reimport";
import { parseAppendix } from "../../import/appendix";
import type { ColumnMapping } from "../../import/header";
import { planFromAppendix } from "../../import/planFromAppendix";
import { findingView, headerMapping, periodFromChoice, previewView } from "./views";
import type { Capabilities } from "../../render/officejs/capabilities";
import { renderLayout, type RenderProgress, type RenderResult } from "../../render/officejs/render";
import {
  listOwnedSheets, readPlanTable, readSelectionAddress, readSelectionGrid, readSettings, readTable, progressFromPlanRows, selectCell,
  type ColumnSpec, type TableRead,
} from "../../render/officejs/readers";
import type { Bilingual } from "../i18n";
import { CchcError } from "../../core/errors";
import { archiveSheet, ARCHIVE_COLUMNS, ARCHIVE_SHEET, ARCHIVE_TABLE } from "../../layout/archiveSheet";
import { appendLogEntry, progressWithLog, readLogEntries, withLog } from "./logAdapter";
import { periodOfSheet, readReportFields, reportLayout, reportSheetsToRebuild } from "./reportAdapter";
import type { ReportFields } from "../../layout/reportSheet";
import type { Period } from "../../core/periods";
import { LOG_SHEET } from "../../layout/logSheet";
import { LogIndex, type LogEntry } from "../../core/progress";
import { STATUS_LABELS } from "../../core/status";
import { activityStatus } from "../../core/activityStatus";
import { loadMeta, saveMeta, type PlanMeta } from "./meta";
import type { ActivityLite, ExportFileView, ExportOutcome, FindingView, ImportPreviewView, ImportSource, LogEntryInput, PeriodChoice, ReportSummary, RollupOutcome, WorkbookState } from "./opsTypes";

export interface OpOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number, detail?: Bilingual) => void;
}

function run<T>(fn: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(fn);
}

const renderProgress = (o: OpOptions, from = 0.3, to = 1) => (p: RenderProgress) => o.onProgress?.(from + (to - from) * p.fraction, { vi: p.vi, en: p.en });

// ---------------------------------------------------------------------------------------------
// Reading the workbook

function activityFromRow(row: Record<PlanColumnKey, unknown>): Activity {
  const s = (k: PlanColumnKey) => (row[k] === null || row[k] === undefined ? "" : String(row[k]));
  return {
    id: s("id"), group: s("group"), objectiveNo: s("objectiveNo"), objective: s("objective"), taskNo: s("taskNo"), task: s("task"),
    activityNo: s("activityNo"), activity: s("activity"), output: s("output"), lead: s("lead"), partners: s("partners"),
    deadline: s("deadline"), budget: s("budget"),
  };
}

function lite(read: TableRead<PlanColumnKey>): ActivityLite[] {
  return read.rows
    .map((row, i) => ({ row, i }))
    .filter(({ row }) => row.id !== null && String(row.id).trim())
    .map(({ row, i }) => {
      const a = activityFromRow(row);
      return { id: a.id, group: a.group, no: a.activityNo || a.taskNo || a.objectiveNo, activity: a.activity || a.task, lead: a.lead, deadline: a.deadline, status: row.status === null ? "" : String(row.status), row: read.firstRow + i };
    });
}

/**
 * What the pane shows about the workbook. Statuses are computed by core from the plan, the log
 * and the settings (the same rules as the sheet's formulas), so the pane is right even where the
 * workbook has not recalculated.
 */
export async function readWorkbookState(caps: Capabilities): Promise<WorkbookState> {
  const inputs = await run((ctx) => readInputs(ctx, null));
  const plan = inputs.plan;
  let activities = plan ? lite(plan) : [];
  if (plan && activities.length) {
    try {
      const p = planFromWorkbook(inputs, null);
      const base = modelFor(p, settingsFor(p, inputs.settings), inputs, caps);
      const { progress, entries } = progressWithLog(base, inputs.progress, inputs.log);
      const index = new LogIndex(entries);
      const byId = new Map(p.activities.map((a) => [a.id, a]));
      activities = activities.map((x) => {
        const a = byId.get(x.id);
        if (!a) return x;
        const s = activityStatus(a, base.settings.year, index, base.settings.asOf, progress[a.id]?.userDeadline ?? null);
        return { ...x, status: STATUS_LABELS[s.status].vi, statusKey: s.status, statusReason: s.reason };
      });
    } catch {
      /* keep what the sheet shows */
    }
  }
  return {
    hasPlan: Boolean(plan && plan.rows.length),
    planSheet: plan?.sheet ?? null,
    activities,
    owned: inputs.owned,
    settings: inputs.settings,
    reports: inputs.reports,
    hasLog: inputs.owned.some((s) => s.role === "log"),
  };
}

/** Every column of the Đơn vị sheet, by header (level, renames and dates too; older sheets lack the last four). */
const UNIT_SPECS: ColumnSpec<string>[] = UNIT_SHEET_HEADER.map((header, i) => ({ key: String(i), header }));

type ValueKey = (typeof VALUE_COLUMNS)[number]["key"];
type DefKey = (typeof DEFINITION_COLUMNS)[number]["key"];
const VALUE_SPECS: ColumnSpec<ValueKey>[] = VALUE_COLUMNS.map((c) => ({ key: c.key, header: c.header }));
const DEF_SPECS: ColumnSpec<DefKey>[] = DEFINITION_COLUMNS.map((c) => ({ key: c.key, header: c.header }));

/** Everything a person typed that a rebuild must keep: plan columns, units, indicator figures. */
export interface WorkbookInputs {
  plan: TableRead<PlanColumnKey> | null;
  activities: Activity[];
  progress: Record<string, ActivityProgress>;
  settings: Partial<Settings> | null;
  units: Unit[] | null;
  indicatorInputs: WorkbookModel["indicatorInputs"];
  indicatorOverrides: WorkbookModel["indicatorOverrides"];
  owned: Array<{ name: string; role: string }>;
  archived: Array<Record<string, unknown>>;
  /** The log's entries (null: no log sheet yet). */
  log: LogEntry[] | null;
  reports: string[];
}

async function readInputs(ctx: Excel.RequestContext, year: number | null): Promise<WorkbookInputs> {
  const owned = await listOwnedSheets(ctx);
  const has = (role: string) => owned.some((s) => s.role === role);
  const plan = has("plan") ? await readPlanTable(ctx) : null;
  const settings = has("settings") ? (await readSettings(ctx))?.settings ?? null : null;
  const unitsRead = has("units") ? await readTable(ctx, UNITS_TABLE, UNIT_SPECS, UNITS_SHEET) : null;
  const units = unitsRead && unitsRead.rows.length ? unitsFromSheetRows(unitsRead.rows.map((r) => UNIT_SPECS.map((c) => r[c.key]))) : null;
  let indicatorInputs: WorkbookModel["indicatorInputs"];
  let indicatorOverrides: WorkbookModel["indicatorOverrides"];
  if (has("indicators")) {
    const values = await readTable(ctx, INDICATOR_VALUES_TABLE, VALUE_SPECS, INDICATORS_SHEET);
    const y = settings?.year ?? year ?? new Date().getFullYear();
    const labelToKey = new Map<string, string>();
    try {
      for (const p of periodsOfYear(y)) labelToKey.set(p.label, p.token.split("-")[0]);
    } catch {
      /* unusual year: keys by label only */
    }
    if (values) {
      indicatorInputs = {};
      for (const r of values.rows) {
        const id = r.id === null ? "" : String(r.id);
        const period = r.period === null ? "" : String(r.period);
        const key = labelToKey.get(period) ?? (INDICATOR_PERIOD_KEYS as readonly string[]).find((k) => period === k) ?? null;
        const numerator = parseNumberVi(r.numerator);
        const denominator = parseNumberVi(r.denominator);
        if (!id || !key || (numerator === null && denominator === null)) continue;
        const slot: Partial<Record<string, IndicatorInput>> = indicatorInputs[id] ?? {};
        slot[key] = { numerator, denominator };
        indicatorInputs[id] = slot;
      }
    }
    const defs = await readTable(ctx, INDICATORS_TABLE, DEF_SPECS, INDICATORS_SHEET);
    if (defs) {
      indicatorOverrides = {};
      for (const r of defs.rows) {
        const id = r.id === null ? "" : String(r.id);
        const target = parseNumberVi(r.targetOverride);
        const comparator = r.comparatorOverride === null ? null : String(r.comparatorOverride).trim();
        if (!id || (target === null && !comparator)) continue;
        const o: IndicatorOverride = {};
        if (target !== null) o.target = target;
        if (comparator === ">=" || comparator === "<=" || comparator === "=") o.comparator = comparator;
        indicatorOverrides[id] = o;
      }
    }
  }
  const archivedRead = has("archive") ? await readTable(ctx, ARCHIVE_TABLE, ARCHIVE_COLUMNS.map((c) => ({ key: c.key, header: c.header })), ARCHIVE_SHEET) : null;
  const activities = plan ? plan.rows.filter((r) => r.id !== null && String(r.id).trim()).map(activityFromRow) : [];
  const log = has("log") ? await readLogEntries(ctx) : null;
  return {
    plan, activities, progress: plan ? progressFromPlanRows(plan) : {}, settings, units, indicatorInputs, indicatorOverrides,
    owned: owned.map((s) => ({ name: s.name, role: s.role })), archived: archivedRead ? archivedRead.rows : [],
    log: log ? log.entries : null,
    reports: owned.filter((s) => s.role === "report").map((s) => s.name),
  };
}

/** The plan as stored: activities from the table, the rest from the saved meta (or rebuilt). */
function planFromWorkbook(inputs: WorkbookInputs, meta: PlanMeta | null): Plan {
  const s = inputs.settings ?? {};
  const groupIds = [...new Set(inputs.activities.map((a) => a.group))];
  const groups: Group[] = meta?.groups?.length ? meta.groups : groupIds.map((id) => ({ id, title: "" }));
  return {
    unit: s.unit ?? meta?.unit ?? "",
    commune: s.commune ?? meta?.commune ?? "",
    district: s.district ?? meta?.district,
    province: s.province ?? meta?.province ?? "",
    year: s.year ?? meta?.year ?? new Date().getFullYear(),
    decision: meta?.decision,
    title: meta?.title ?? `Kế hoạch cải cách hành chính năm ${s.year ?? ""}`.trim(),
    groups,
    activities: inputs.activities,
    indicators: meta?.indicators ?? [],
  };
}

function settingsFor(plan: Plan, stored: Partial<Settings> | null): Settings {
  const base = defaultSettings(plan, defaultAsOf(plan.year));
  const merged = { ...base, ...(stored ?? {}) } as Settings;
  return merged;
}

/** Today when inside the plan year, else the year's last cut-off. */
export function defaultAsOf(year: number): string {
  const today = todayIso();
  return today.startsWith(`${year}-`) ? today : `${year}-12-14`;
}

function modelFor(plan: Plan, settings: Settings, inputs: WorkbookInputs | null, caps: Capabilities): WorkbookModel {
  return {
    plan, settings, progress: inputs?.progress ?? {}, mode: caps.formulaMode,
    indicatorInputs: inputs?.indicatorInputs, indicatorOverrides: inputs?.indicatorOverrides,
  };
}

// ---------------------------------------------------------------------------------------------
// Import

export interface ImportPreview {
  view: ImportPreviewView;
  plan: Plan;
  headerLines: string[];
}

export async function previewImport(source: ImportSource, opts: { year?: number; commune?: string; columns?: ColumnMapping }, caps: Capabilities, o: OpOptions = {}): Promise<ImportPreview> {
  let plan: Plan;
  let mapping: ImportPreviewView["headerMapping"] = [];
  let warnings: string[] = [];
  let selection: ImportPreviewView["selection"];
  let headerLines: string[] = [];
  o.onProgress?.(0.1);
  if (source.kind === "embedded") {
    const { HONG_LOC_2024 } = await import(/* webpackChunkName: "plan-hongloc" */ "../../data/hongLoc2024");
    plan = HONG_LOC_2024;
    mapping = headerMapping(null);
  } else {
    let parsed: ReturnType<typeof parseAppendix>;
    if (source.kind === "docx") {
      const { importDocx } = await import(/* webpackChunkName: "docx" */ "../../import/importFile");
      o.onProgress?.(0.3);
      parsed = importDocx(source.bytes, { year: opts.year, commune: opts.commune, columns: opts.columns });
    } else {
      const grid = await run((ctx) => readSelectionGrid(ctx, caps));
      selection = { address: grid.address, mergesKnown: grid.mergesKnown, merges: grid.merges, warning: grid.warning };
      parsed = parseAppendix(grid.grid, { year: opts.year, commune: opts.commune, columns: opts.columns });
    }
    plan = planFromAppendix(parsed, { year: opts.year, commune: opts.commune });
    mapping = headerMapping(parsed.header);
    warnings = parsed.warnings;
    headerLines = [parsed.meta.title ?? ""].filter(Boolean);
  }
  o.onProgress?.(0.6);
  const existing = await run((ctx) => readInputs(ctx, plan.year));
  return { plan, headerLines, view: previewView(source, plan, existing.activities, { headerMapping: mapping, warnings, selection }) };
}

function checksFor(model: WorkbookModel, units: Unit[], headerLines: string[]): Finding[] {
  return validatePlan(model.plan, { units, asOf: model.settings.asOf, progress: model.progress, headerLines });
}

/** Writes the imported plan: every owned sheet rebuilt, the user's entries kept, removed activities archived. */
export async function applyImport(preview: ImportPreview, caps: Capabilities, o: OpOptions = {}): Promise<{ render: RenderResult; activities: number; archived: number; findings: Record<"error" | "warning" | "info", number> }> {
  o.onProgress?.(0.05, { vi: "Đang đọc sổ hiện tại…", en: "Reading the current workbook…" });
  const existing = await run((ctx) => readInputs(ctx, preview.plan.year));
  let plan = preview.plan;
  let removed: Activity[] = [];
  if (existing.activities.length) {
    const diff = diffPlans(existing.activities, plan.activities);
    plan = { ...plan, activities: reconciledActivities(diff, plan.activities) };
    removed = diff.removed;
  }
  // Settings: what the workbook has wins, unless the plan is for another year.
  const stored = existing.settings && existing.settings.year === plan.year ? existing.settings : null;
  const { render, findings } = await rebuild(plan, stored, existing, caps, o, { removed, headerLines: preview.headerLines.length ? preview.headerLines : plan.appendixHeader ?? [] });
  await saveMeta(metaOf(plan));
  return {
    render,
    activities: plan.activities.length,
    archived: removed.length,
    findings: { error: findings.filter((f) => f.severity === "error").length, warning: findings.filter((f) => f.severity === "warning").length, info: findings.filter((f) => f.severity === "info").length },
  };
}

/**
 * The whole add-in workbook rebuilt from a plan and what the workbook holds: the standard
 * sheets, the log (entries kept) linked to the plan, the archive, and every report sheet that
 * exists (their formulas point at the plan and log, which are replaced too).
 */
async function rebuild(
  plan: Plan,
  stored: Partial<Settings> | null,
  existing: WorkbookInputs,
  caps: Capabilities,
  o: OpOptions,
  extra: { removed?: Activity[]; headerLines?: string[]; entries?: LogEntry[] } = {},
): Promise<{ render: RenderResult; findings: Finding[]; model: WorkbookModel; entries: LogEntry[] }> {
  const settings = settingsFor(plan, stored);
  const base = modelFor(plan, settings, existing, caps);
  const { entries, progress } = progressWithLog(base, existing.progress, existing.log ? [...existing.log, ...(extra.entries ?? [])] : extra.entries ?? null);
  const model: WorkbookModel = { ...base, progress };
  const units = existing.units ?? DEFAULT_UNITS;
  const headerLines = extra.headerLines ?? [];
  const layout = buildWorkbookLayout(model, { units, checkedAt: todayIso(), validation: { headerLines } });
  let sheets = withLog(layout.sheets, model, entries);
  const removed = extra.removed ?? [];
  if (removed.length || existing.archived.length) {
    const today = todayIso();
    const archived = removed.map((activity) => ({ activity, progress: existing.progress[activity.id] }));
    sheets.push(archiveSheet(existing.archived, archived, today, `Không còn trong phụ lục nhập ngày ${formatViDate(today)}`));
  }
  const fields = await oldReportFields(existing, caps);
  const reports = reportSheetsToRebuild(model, entries, existing.reports, fields);
  sheets = [...sheets, ...reports.sheets];
  const result = await run((ctx) => renderLayout(ctx, { ...layout, sheets }, { capabilities: caps, signal: o.signal, onProgress: renderProgress(o, 0.2, 0.95), activate: PLAN_SHEET }));
  result.messages.push(...reports.messages);
  return { render: result, findings: checksFor(model, units, headerLines), model, entries };
}

function metaOf(plan: Plan): PlanMeta {
  return { title: plan.title, unit: plan.unit, commune: plan.commune, district: plan.district, province: plan.province, year: plan.year, decision: plan.decision, groups: plan.groups, indicators: plan.indicators as Indicator[] };
}

// ---------------------------------------------------------------------------------------------
// Checks

/** Re-runs the rules on the plan as it is in the workbook and rewrites the "Kiểm tra" sheet. */
export async function runChecks(caps: Capabilities, o: OpOptions = {}): Promise<{ findings: FindingView[]; render: RenderResult | null }> {
  o.onProgress?.(0.1, { vi: "Đang đọc kế hoạch…", en: "Reading the plan…" });
  // The same model (progress derived from the log) as the progress card: one status everywhere.
  const { inputs, model } = await currentModel(caps);
  const plan = model.plan;
  const units = inputs.units ?? DEFAULT_UNITS;
  const findings = checksFor(model, units, []);
  const read = inputs.plan!;
  const rowOf = new Map<string, number>();
  read.rows.forEach((r, i) => {
    if (r.id !== null) rowOf.set(String(r.id), read.firstRow + i);
  });
  const sheetName = read.sheet || PLAN_SHEET;
  const cellOf = (f: Finding) => {
    const row = rowOf.get(f.activityId);
    if (row === undefined) return "";
    const key = (PLAN_COLUMNS.some((c) => c.key === f.column) ? f.column : "activity") as PlanColumnKey;
    const idx = read.columns[key] ?? read.columns.activity ?? 0;
    return `'${sheetName.replace(/'/g, "''")}'!${columnLetter(read.firstColumn + idx)}${row}`;
  };
  o.onProgress?.(0.4, { vi: "Đang ghi trang Kiểm tra…", en: "Writing the checks sheet…" });
  const names: Record<string, string> = {};
  const sheet = checksSheet(findings, plan.activities, names, todayIso());
  const layout: WorkbookLayout = { sheets: [sheet], names: { [FINDING_KEYS_NAME]: names[FINDING_KEYS_NAME] }, properties: { title: plan.title, creator: "CCHC add-in" } };
  const render = await run((ctx) => renderLayout(ctx, layout, { capabilities: caps, signal: o.signal, onProgress: renderProgress(o, 0.4, 1), activate: false }));
  const byId = new Map(plan.activities.map((a) => [a.id, a]));
  return { findings: findings.map((f) => findingView(f, cellOf, byId)), render };
}

/**
 * Re-check after edits: calls `onEdit` when a person changes the plan sheet (ExcelApi 1.7
 * Worksheet.onChanged; a co-author's remote changes are left to their own pane, and the add-in's
 * own writes go to other sheets, so a re-check never triggers itself). Returns a function that stops
 * watching, or null where the event is not available (the pane then offers the button only).
 */
export async function watchPlanEdits(caps: Capabilities, onEdit: () => void): Promise<(() => Promise<void>) | null> {
  if (caps.excelApiMinor < 7) return null;
  return run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(PLAN_SHEET);
    await ctx.sync();
    if (ws.isNullObject) return null;
    const registration = ws.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
      if (String(event.source) !== "Remote") onEdit();
    });
    await ctx.sync();
    return async () => {
      await Excel.run(registration.context, async (c) => {
        registration.remove();
        await c.sync();
      });
    };
  });
}

export function goToCell(reference: string): Promise<void> {
  return run((ctx) => selectCell(ctx, reference));
}

/** The activity on the selected row of the plan table, or null. */
export async function activityAtSelection(): Promise<string | null> {
  return run(async (ctx) => {
    const sel = await readSelectionAddress(ctx);
    const plan = await readPlanTable(ctx);
    if (!plan || sel.sheet.toLowerCase() !== plan.sheet.toLowerCase()) return null;
    const i = sel.row - plan.firstRow;
    const row = plan.rows[i];
    return row && row.id !== null && String(row.id).trim() ? String(row.id) : null;
  });
}

export function noPlan(): CchcError {
  return new CchcError("no-plan", {
    vi: "Sổ này chưa có kế hoạch (trang Kế hoạch của phần bổ trợ). Hãy nhập kế hoạch ở mục Nhập trước.",
    en: "This workbook has no plan yet (the add-in's plan sheet). Import one first.",
  });
}

// ---------------------------------------------------------------------------------------------
// Settings

export async function saveSettings(next: Settings, caps: Capabilities, o: OpOptions = {}): Promise<RenderResult> {
  if (!parseIso(next.asOf)) throw new CchcError("bad-as-of", { vi: "Ngày \"Tính đến ngày\" không hợp lệ. Hãy nhập ngày dạng dd/mm/yyyy rồi lưu lại.", en: "The as-of date is invalid. Enter a date as dd/mm/yyyy and save again." });
  // The settings sheet also holds the plan's completion and reform-index points (from the model).
  let model: WorkbookModel | undefined;
  try {
    const current = await currentModel(caps);
    model = { ...current.model, settings: next };
  } catch (e) {
    // No plan yet: the settings sheet without points. Any other failure is a real one.
    if (!(e instanceof CchcError && e.code === "no-plan")) throw e;
    model = undefined;
  }
  const names: Record<string, string> = {};
  const sheet = settingsSheet(next, names, model);
  const layout: WorkbookLayout = { sheets: [sheet], names, properties: { title: SETTINGS_SHEET, creator: "CCHC add-in" } };
  return run((ctx) => renderLayout(ctx, layout, { capabilities: caps, signal: o.signal, onProgress: renderProgress(o, 0.2, 1), activate: false }));
}

/** The model as the workbook holds it now (plan, settings, progress derived from the log). */
async function currentModel(caps: Capabilities): Promise<{ inputs: WorkbookInputs; model: WorkbookModel; entries: LogEntry[] }> {
  const inputs = await run((ctx) => readInputs(ctx, null));
  if (!inputs.plan || !inputs.activities.length) throw noPlan();
  const plan = planFromWorkbook(inputs, await loadMeta());
  const base = modelFor(plan, settingsFor(plan, inputs.settings), inputs, caps);
  const { entries, progress } = progressWithLog(base, inputs.progress, inputs.log);
  return { inputs, model: { ...base, progress }, entries };
}

/**
 * Fields people edited on the report sheets, read with the model the sheets were built from.
 * When they cannot be read the rebuild stops (workbook untouched): rebuilding the reports with
 * blank texts would silently lose what a person typed.
 */
async function oldReportFields(existing: WorkbookInputs, caps: Capabilities): Promise<Map<string, ReportFields>> {
  if (!existing.reports.length || !existing.activities.length) return new Map();
  try {
    const plan = planFromWorkbook(existing, await loadMeta());
    const base = modelFor(plan, settingsFor(plan, existing.settings), existing, caps);
    const { entries, progress } = progressWithLog(base, existing.progress, existing.log);
    return await run((ctx) => readReportFields(ctx, { ...base, progress }, entries, existing.reports));
  } catch (cause) {
    throw reportFieldsUnreadable(existing.reports, cause);
  }
}

function reportFieldsUnreadable(sheets: string[], cause: unknown): CchcError {
  const list = sheets.map((s) => `"${s}"`).join(", ");
  const why = cause instanceof Error ? cause.message : String(cause);
  return new CchcError("report-fields-unreadable", {
    vi: `Không đọc được số văn bản, người ký, nơi nhận… đã nhập trên trang báo cáo ${list} (${why}), nên sổ chưa được lập lại để không mất các nội dung đó. Hãy thử lại; nếu vẫn lỗi, chép các nội dung đó ra chỗ khác hoặc đổi tên trang báo cáo rồi thử lại.`,
    en: `Could not read the number, signer, recipients… typed on report sheet(s) ${list} (${why}), so the workbook was not rebuilt, to keep them. Try again; if it still fails, copy those texts elsewhere or rename the report sheet, then try again.`,
  });
}

// ---------------------------------------------------------------------------------------------
// Progress log

/** Appends one entry to the log (two syncs); without a log sheet yet, rebuilds the workbook with one. */
export async function addLogEntry(entry: LogEntryInput, caps: Capabilities, o: OpOptions = {}): Promise<{ skipped: RenderResult["skipped"]; messages: RenderResult["messages"] }> {
  const state = await run(async (ctx) => ({ owned: await listOwnedSheets(ctx), plan: await readPlanTable(ctx) }));
  if (!state.plan || !state.plan.rows.length) throw noPlan();
  const ids = new Set(state.plan.rows.map((r) => (r.id === null ? "" : String(r.id))));
  if (!ids.has(entry.activityId)) {
    throw new CchcError("unknown-activity", {
      vi: `Mã hoạt động "${entry.activityId}" không có trong bảng Kế hoạch. Hãy chọn lại hoạt động.`,
      en: `Activity id "${entry.activityId}" is not in the plan table. Choose the activity again.`,
    });
  }
  if (state.owned.some((s) => s.role === "log")) {
    o.onProgress?.(0.5, { vi: `Đang ghi vào trang ${LOG_SHEET}…`, en: `Writing to ${LOG_SHEET}…` });
    await run((ctx) => appendLogEntry(ctx, entry, state.plan!.rows.length));
    return { skipped: [], messages: [] };
  }
  const { inputs, model } = await currentModel(caps);
  const logEntry: LogEntry = { ...entry };
  const { render } = await rebuild(model.plan, inputs.settings, inputs, caps, o, { entries: [logEntry] });
  return { skipped: render.skipped, messages: render.messages };
}

// ---------------------------------------------------------------------------------------------
// Reports

/** Builds (or rebuilds, keeping the texts a person edited) the report sheet of a period. */
export async function buildReport(choice: PeriodChoice, caps: Capabilities, o: OpOptions = {}): Promise<{ summary: ReportSummary; render: RenderResult }> {
  o.onProgress?.(0.1, { vi: "Đang đọc kế hoạch và nhật ký…", en: "Reading the plan and the log…" });
  const { inputs, model, entries } = await currentModel(caps);
  const period = periodFromChoice(choice, model.settings);
  const existed = inputs.reports.find((n) => n.toLowerCase() === period.sheetName.toLowerCase());
  const fields = existed ? (await run((ctx) => readReportFields(ctx, model, entries, [existed]))).get(existed) : undefined;
  const { sheet, info } = reportLayout(model, entries, period, fields);
  o.onProgress?.(0.3, { vi: `Đang ghi trang ${sheet.name}…`, en: `Writing ${sheet.name}…` });
  const layout: WorkbookLayout = { sheets: [sheet], properties: { title: sheet.name, creator: "CCHC add-in" } };
  const render = await run((ctx) => renderLayout(ctx, layout, { capabilities: caps, signal: o.signal, onProgress: renderProgress(o, 0.3, 1), activate: sheet.name }));
  const r = info.report;
  return {
    summary: { sheet: sheet.name, label: period.label, done: r.totals.doneOnTime + r.totals.doneLate, due: r.totals.due, rate: r.totals.completionRate, cutoffStart: period.cutoffStart, cutoffEnd: period.cutoffEnd },
    render,
  };
}

// ---------------------------------------------------------------------------------------------
// Export and roll-up

function base64Of(bytes: Uint8Array): string {
  let s = "";
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) s += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(s);
}

function blobUrl(bytes: Uint8Array): string | null {
  try {
    if (typeof URL === "undefined" || typeof Blob === "undefined") return null;
    return URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  } catch {
    return null;
  }
}

/** Opens the file as a new workbook where ExcelApi 1.8 allows; a download link in every case. */
async function deliver(bytes: Uint8Array, fileName: string, caps: Capabilities, base64?: string): Promise<ExportOutcome> {
  let opened = false;
  if (caps.createWorkbook) {
    try {
      await Excel.createWorkbook(base64 ?? base64Of(bytes));
      opened = true;
    } catch {
      opened = false;
    }
  }
  return { fileName, opened, url: blobUrl(bytes), bytes: bytes.length };
}

/** The chosen report sheets (and the plan) as a new .xlsx with every formula frozen to its value. */
export async function exportForDistrict(sheetNames: string[], includePlan: boolean, caps: Capabilities, o: OpOptions = {}): Promise<ExportOutcome> {
  o.onProgress?.(0.1, { vi: "Đang đọc sổ…", en: "Reading the workbook…" });
  const { model, entries } = await currentModel(caps);
  const periods: Array<{ period: Period; fields?: ReportFields }> = [];
  const fields = await run((ctx) => readReportFields(ctx, model, entries, sheetNames));
  for (const name of sheetNames) {
    const period = periodOfSheet(name, model);
    if (period) periods.push({ period, fields: fields.get(name) });
  }
  if (!periods.length && !includePlan) {
    throw new CchcError("no-report-chosen", { vi: "Hãy chọn ít nhất một trang báo cáo để gửi.", en: "Choose at least one report sheet to send." });
  }
  o.onProgress?.(0.4, { vi: "Đang tạo tệp .xlsx…", en: "Creating the .xlsx file…" });
  if (!periods.length) {
    throw new CchcError("no-report-chosen", { vi: "Hãy chọn ít nhất một trang báo cáo để gửi (tệp gửi cấp trên được kiểm tra theo báo cáo).", en: "Choose at least one report sheet to send (the level above verifies the file by its reports)." });
  }
  const { exportBytes } = await import(/* webpackChunkName: "export" */ "./exportAdapter");
  const { bytes, fileName, base64 } = await exportBytes(model, entries, periods, includePlan);
  if (o.signal?.aborted) throw new CchcError("cancelled", { vi: "Đã hủy; sổ chưa bị thay đổi.", en: "Cancelled; the workbook was not changed." });
  o.onProgress?.(0.8, { vi: "Đang mở sổ mới…", en: "Opening the new workbook…" });
  return deliver(bytes, fileName, caps, base64);
}

/** Each chosen file's commune and periods (read and verified, nothing summed). */
export async function describeCommuneFiles(files: Array<{ name: string; bytes: Uint8Array }>): Promise<ExportFileView[]> {
  const { describeExports } = await import(/* webpackChunkName: "export" */ "./exportAdapter");
  return describeExports(files);
}

/** Several communes' exports → one district workbook. */
export async function rollupCommunes(files: Array<{ name: string; bytes: Uint8Array }>, token: string, caps: Capabilities, o: OpOptions = {}): Promise<RollupOutcome> {
  const { rollupBytes } = await import(/* webpackChunkName: "export" */ "./exportAdapter");
  o.onProgress?.(0.2, { vi: "Đang đọc các tệp…", en: "Reading the files…" });
  const out = await rollupBytes(files, token);
  const delivered = await deliver(out.bytes, out.fileName, caps);
  return { ...delivered, communes: out.communes, problems: out.problems };
}

export { CHECKS_SHEET };
export { readInputs, planFromWorkbook, settingsFor, modelFor, run as runExcel };
