/**
 * What the panels' buttons do on the page: the same functions as the `cchc` command, on the
 * workbook held in memory (fileWorkbook.ts) instead of a file on disk. Loaded on first use (its
 * own chunk: exceljs, the readers and the layout live here).
 *
 * Import is `loadPlan` and `cchc import --out` (new workbook) or `--apply` (re-import);
 * reports are `cchc report --out` (app/buildReports); the export is `cchc export`; the
 * roll-up is the pane's and the command's rollupWorkbook. What the command has no verb for —
 * recording progress, re-checking, saving settings — rebuilds the product's derived sheets from
 * the workbook read back, with the layout the command uses (trackedWorkbookLayout), replacing
 * only sheets the product owns.
 */
import { parseIso } from "../core/dates";
import { LogIndex, type LogEntry } from "../core/progress";
import { activityStatus } from "../core/activityStatus";
import type { Settings } from "../core/settings";
import { STATUS_LABELS } from "../core/status";
import { validatePlan } from "../core/validate/validate";
import type { Finding } from "../core/validate/rules";
import { DEFAULT_UNITS } from "../core/units";
import { PLAN_FIRST_ROW } from "../layout/planSheet";
import { PLAN_COLUMNS, PLAN_SHEET, planColumnIndex, type PlanColumnKey } from "../layout/planColumns";
import { columnLetter } from "../layout/address";
import { trackedWorkbookLayout } from "../layout/reportSheet";
import type { SheetRole } from "../layout/types";
import type { WorkbookModel } from "../layout/model";
import { readWorkbook as readThrough } from "../app/readWorkbook";
import { buildReports } from "../app/buildReports";
import { reimport } from "../app/reimport";
import { xlsxWorkbook } from "../adapters/xlsx/xlsxWorkbook";
import { readSheetRoles } from "../adapters/xlsx/xlsxRead";
import type { WorkbookRead } from "../layout/readBack";
import { communeSlug } from "../export/districtExport";
import { rebuild as rebuildSheets } from "../app/rebuild";
import type { RenderResult } from "../render/officejs/render";
import { loadPlan } from "../cli/loadPlan";
import type { Io } from "../cli/io";
import { newWorkbook } from "../cli/commands/import";
import { exportForLevelAbove } from "../app/exportForLevelAbove";
import { describeExports, rollupBytes } from "../taskpane/services/exportAdapter";
import { findingView, headerMapping, periodFromChoice, previewView } from "../taskpane/services/views";
import type { OpOptions, ImportPreview } from "../taskpane/services/ops";
import type { Ops } from "../taskpane/state";
import type { Capabilities } from "../render/officejs/capabilities";
import type { ExportOutcome, ImportSource, LogEntryInput, PeriodChoice, WorkbookState } from "../taskpane/services/opsTypes";
import { CchcError } from "../core/errors";
import { blobUrl, currentWorkbook, setWorkbook } from "./fileWorkbook";

/** A failure the panels show as it is (the product's one error type: describeError reads its messages). */
function failure(code: string, vi: string, en: string): CchcError {
  return new CchcError(code, { vi, en });
}

const noPlan = () =>
  failure(
    "no-plan",
    "Chưa có sổ kế hoạch. Hãy mở một sổ Excel do phần bổ trợ hoặc lệnh cchc tạo (nút Mở sổ Excel), hoặc nhập kế hoạch ở mục Nhập trước.",
    "No plan workbook yet. Open a workbook made by the add-in or the cchc command (Open workbook), or import a plan first.",
  );

/** The sheets a change of progress, settings or checks makes stale; units and the archive are what people keep. */
const DERIVED: SheetRole[] = ["plan", "checks", "indicators", "report", "log"];

async function readCurrent(): Promise<{ bytes: Uint8Array; read: WorkbookRead }> {
  const wb = currentWorkbook();
  if (!wb) throw noPlan();
  return { bytes: wb.bytes, read: await readWorkbook(wb.bytes) };
}

function done(bytes: Uint8Array, name?: string): string[] {
  const wb = currentWorkbook();
  setWorkbook({ name: name ?? wb?.name ?? "ke-hoach-cchc.xlsx", bytes, changed: true });
  return readSheetRoles(bytes).filter((s) => s.role !== null).map((s) => s.name);
}

function rendered(sheets: string[], messages: RenderResult["messages"] = []): RenderResult {
  return { sheets, replaced: sheets, renamedAside: [], skipped: [], messages, stats: { syncs: 0, rangeWrites: 0, cells: 0, payloadBytes: 0 } };
}

/**
 * The product's sheets of `roles` rebuilt from the workbook read back, with `change` applied:
 * the layout `cchc import --apply` writes (report sheets keep their period, as-of date and texts).
 */
async function rebuild(bytes: Uint8Array, read: WorkbookRead, roles: SheetRole[], change: { model?: WorkbookModel; log?: LogEntry[] } = {}) {
  const file = xlsxWorkbook(bytes);
  const { model } = await rebuildSheets(file, read, roles, change);
  return { bytes: file.bytes()!, model };
}

/** The findings the Kiểm tra sheet lists for a tracked model (as buildWorkbookLayout computes them). */
function findingsOf(model: WorkbookModel, read: WorkbookRead, headerLines: string[] = []): Finding[] {
  return validatePlan(model.plan, { headerLines, units: read.units ?? DEFAULT_UNITS, asOf: model.settings.asOf, progress: model.progress });
}

function count(findings: Finding[]): Record<"error" | "warning" | "info", number> {
  return { error: findings.filter((f) => f.severity === "error").length, warning: findings.filter((f) => f.severity === "warning").length, info: findings.filter((f) => f.severity === "info").length };
}

const EMPTY: WorkbookState = { hasPlan: false, planSheet: null, activities: [], owned: [], settings: null, reports: [], hasLog: false };

export async function readWorkbookState(_caps: Capabilities): Promise<WorkbookState> {
  if (!currentWorkbook()) return EMPTY;
  const { read } = await readCurrent();
  const { model } = trackedWorkbookLayout(read.model, read.log, {});
  const planSheet = read.sheets.find((s) => s.role === "plan")?.name ?? PLAN_SHEET;
  const index = new LogIndex(read.log);
  return {
    hasPlan: model.plan.activities.length > 0,
    planSheet,
    activities: model.plan.activities.map((a, i) => {
      // The same status, and reason, as the pane's progress card (core/activityStatus).
      const s = activityStatus(a, model.settings.year, index, model.settings.asOf, model.progress[a.id]?.userDeadline ?? null);
      return {
        id: a.id, group: a.group, no: a.activityNo || a.taskNo || a.objectiveNo, activity: a.activity || a.task, lead: a.lead, deadline: a.deadline,
        status: STATUS_LABELS[s.status].vi, statusKey: s.status, statusReason: s.reason,
        row: PLAN_FIRST_ROW + i,
      };
    }),
    owned: read.sheets.filter((s) => s.role !== null).map((s) => ({ name: s.name, role: s.role! })),
    settings: model.settings,
    reports: read.reports.map((r) => r.name),
    hasLog: read.sheets.some((s) => s.role === "log"),
  };
}

/** The readers and use cases of the command, on bytes held in memory. */
const readWorkbook = (bytes: Uint8Array) => readThrough(xlsxWorkbook(bytes));

async function reimportBytes(bytes: Uint8Array, plan: ImportPreview["plan"], headerLines: string[]): Promise<Uint8Array> {
  const file = xlsxWorkbook(bytes);
  await reimport(file, plan, { apply: true, headerLines });
  return file.bytes()!;
}

/** The bytes given to `loadPlan` as if they were the file `name` (the command decides by extension). */
function memoryIo(bytes: Uint8Array): Io {
  return { out: () => undefined, err: () => undefined, readFile: () => bytes, readFileIfExists: () => bytes, writeFile: () => undefined };
}

export async function previewImport(source: ImportSource, opts: { year?: number; commune?: string }, _caps: Capabilities, o: OpOptions = {}): Promise<ImportPreview> {
  if (source.kind === "selection") {
    throw failure("no-selection", "Trang này không có vùng chọn của Excel: hãy lưu vùng đó thành tệp .xlsx rồi chọn tệp.", "This page has no Excel selection: save the range as an .xlsx file and choose that file.");
  }
  o.onProgress?.(0.2);
  const loaded = source.kind === "embedded"
    ? await loadPlan({ useDefault: true }, memoryIo(new Uint8Array()))
    : await loadPlan({ file: source.name, year: opts.year, commune: opts.commune }, memoryIo(new Uint8Array(source.bytes)));
  o.onProgress?.(0.6);
  const existing = currentWorkbook() ? (await readCurrent()).read.model.plan.activities : [];
  return {
    plan: loaded.plan,
    headerLines: loaded.headerLines,
    view: previewView(source, loaded.plan, existing, { headerMapping: headerMapping(loaded.header), warnings: loaded.warnings, selection: undefined }),
  };
}

export async function applyImport(preview: ImportPreview, _caps: Capabilities, o: OpOptions = {}) {
  const plan = preview.plan;
  const wb = currentWorkbook();
  o.onProgress?.(0.2, { vi: "Đang dựng sổ…", en: "Building the workbook…" });
  const bytes = wb
    ? await reimportBytes(wb.bytes, plan, preview.headerLines)
    : await newWorkbook(plan, preview.headerLines);
  const name = wb?.name ?? `ke-hoach-cchc-${communeSlug(plan.commune || plan.unit)}-${plan.year}.xlsx`;
  const sheets = done(bytes, name);
  const read = await readWorkbook(bytes);
  const { model } = trackedWorkbookLayout(read.model, read.log, {});
  return {
    render: rendered(sheets),
    activities: plan.activities.length,
    archived: preview.view.diff?.removed.length ?? 0,
    findings: count(findingsOf(model, read, preview.headerLines)),
  };
}

export async function runChecks(_caps: Capabilities, o: OpOptions = {}) {
  o.onProgress?.(0.1, { vi: "Đang đọc kế hoạch…", en: "Reading the plan…" });
  const { bytes, read } = await readCurrent();
  o.onProgress?.(0.4, { vi: "Đang ghi trang Kiểm tra…", en: "Writing the checks sheet…" });
  const out = await rebuild(bytes, read, ["checks"]);
  const planSheet = read.sheets.find((s) => s.role === "plan")?.name ?? PLAN_SHEET;
  const rowOf = new Map(out.model.plan.activities.map((a, i) => [a.id, PLAN_FIRST_ROW + i]));
  const cellOf = (f: Finding) => {
    const row = rowOf.get(f.activityId);
    if (row === undefined) return "";
    const key = (PLAN_COLUMNS.some((c) => c.key === f.column) ? f.column : "activity") as PlanColumnKey;
    return `'${planSheet.replace(/'/g, "''")}'!${columnLetter(planColumnIndex(key))}${row}`;
  };
  const byId = new Map(out.model.plan.activities.map((a) => [a.id, a]));
  const findings = findingsOf(out.model, read).map((f) => findingView(f, cellOf, byId));
  return { findings, render: rendered(done(out.bytes)) };
}

/** A file does not change under the page: nothing to watch. */
export async function watchPlanEdits(): Promise<null> {
  return null;
}

export async function goToCell(reference: string): Promise<void> {
  throw failure(
    "no-cell-selection",
    `Trang này không mở được ô trong Excel. Hãy tải sổ về, mở bằng Excel hoặc LibreOffice rồi tới ô ${reference}.`,
    `This page cannot select a cell in Excel. Download the workbook, open it in Excel or LibreOffice, and go to ${reference}.`,
  );
}

export async function activityAtSelection(): Promise<string | null> {
  return null;
}

export async function addLogEntry(entry: LogEntryInput, _caps: Capabilities, o: OpOptions = {}) {
  const { bytes, read } = await readCurrent();
  if (!read.model.plan.activities.some((a) => a.id === entry.activityId)) {
    throw failure("unknown-activity", `Mã hoạt động "${entry.activityId}" không có trong bảng Kế hoạch. Hãy chọn lại hoạt động.`, `Activity id "${entry.activityId}" is not in the plan table. Choose the activity again.`);
  }
  o.onProgress?.(0.4, { vi: "Đang ghi nhật ký…", en: "Writing the log…" });
  const out = await rebuild(bytes, read, DERIVED, { log: [...read.log, { ...entry }] });
  done(out.bytes);
  return { skipped: [], messages: [] };
}

export async function buildReport(choice: PeriodChoice, _caps: Capabilities, o: OpOptions = {}) {
  o.onProgress?.(0.1, { vi: "Đang đọc kế hoạch và nhật ký…", en: "Reading the plan and the log…" });
  const { bytes, read } = await readCurrent();
  const period = periodFromChoice(choice, read.model.settings);
  const file = xlsxWorkbook(bytes);
  const built = await buildReports(file, [period], { asOf: null, read });
  const sheets = done(file.bytes()!);
  const r = built.built[0].report;
  return {
    summary: { sheet: period.sheetName, label: period.label, done: r.totals.doneOnTime + r.totals.doneLate, due: r.totals.due, rate: r.totals.completionRate, cutoffStart: period.cutoffStart, cutoffEnd: period.cutoffEnd },
    render: rendered(sheets, built.applied.messages),
  };
}

export async function exportForDistrict(sheetNames: string[], includePlan: boolean, _caps: Capabilities, o: OpOptions = {}): Promise<ExportOutcome> {
  o.onProgress?.(0.1, { vi: "Đang đọc sổ…", en: "Reading the workbook…" });
  const { read } = await readCurrent();
  const periods = sheetNames.map((n) => read.reports.find((r) => r.name === n)?.period).filter((p) => p !== undefined);
  if (!periods.length) throw failure("no-report-chosen", "Hãy chọn ít nhất một trang báo cáo để gửi.", "Choose at least one report sheet to send.");
  o.onProgress?.(0.4, { vi: "Đang tạo tệp .xlsx…", en: "Creating the .xlsx file…" });
  const out = await exportForLevelAbove(read, periods, { includePlan, asOf: null });
  return { fileName: out.fileName, opened: false, url: blobUrl(out.bytes), bytes: out.bytes.length };
}

export async function rollupCommunes(files: Array<{ name: string; bytes: Uint8Array }>, token: string, _caps: Capabilities, o: OpOptions = {}) {
  o.onProgress?.(0.2, { vi: "Đang đọc các tệp…", en: "Reading the files…" });
  const out = await rollupBytes(files, token);
  return { fileName: out.fileName, opened: false, url: blobUrl(out.bytes), bytes: out.bytes.length, communes: out.communes, problems: out.problems };
}

export async function saveSettings(next: Settings, _caps: Capabilities, o: OpOptions = {}): Promise<RenderResult> {
  if (!parseIso(next.asOf)) throw failure("bad-as-of", 'Ngày "Tính đến ngày" không hợp lệ.', "The as-of date is invalid.");
  const { bytes, read } = await readCurrent();
  o.onProgress?.(0.3, { vi: "Đang ghi cài đặt…", en: "Writing the settings…" });
  const out = await rebuild(bytes, read, [...DERIVED, "settings"], { model: { ...read.model, settings: next } });
  return rendered(done(out.bytes));
}

/** Opens a workbook the product made; anything else is refused with what to do instead. */
export async function openWorkbook(name: string, bytes: Uint8Array): Promise<void> {
  try {
    await readWorkbook(bytes);
  } catch (e) {
    const why = e as Partial<CchcError>;
    throw failure(
      "not-product-workbook",
      `Tệp "${name}" không phải sổ kế hoạch do phần bổ trợ hoặc lệnh cchc tạo (${why.messageVi ?? "không đọc được"}). Nếu đó là phụ lục kế hoạch (.docx hoặc bảng .xlsx), hãy nhập nó ở mục Nhập.`,
      `"${name}" is not a plan workbook made by the add-in or the cchc command (${why.messageEn ?? "unreadable"}). If it is a plan appendix (.docx or an .xlsx table), import it from the Import tab.`,
    );
  }
  setWorkbook({ name, bytes, changed: false });
}

export const fileOps: Ops = {
  readWorkbookState, previewImport, applyImport, runChecks, watchPlanEdits, goToCell, activityAtSelection, addLogEntry, buildReport,
  exportForDistrict, describeCommuneFiles: async (files) => describeExports(files), rollupCommunes, saveSettings,
};
