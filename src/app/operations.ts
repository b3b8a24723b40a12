/**
 * What the panels' buttons do, once, for every host: the task pane on the live workbook and the
 * page on a file give their workbook port and the few things only they can do (the selection, a
 * cell to go to, a file to hand over); every workflow is a use case of src/app on that port.
 *
 * The use cases that bundle exceljs (export, consolidation) are imported on demand, so a host's
 * chunk holding the operations stays small until an export is asked for.
 */
import { activityStatus } from "../core/activityStatus";
import { parseIso, todayIso } from "../core/dates";
import { CchcError } from "../core/errors";
import type { Message } from "../core/message";
import { LogIndex } from "../core/progress";
import { STATUS_LABELS } from "../core/status";
import type { Settings } from "../core/settings";
import type { Finding } from "../core/validate/rules";
import type { Grid } from "../import/grid";
import type { ColumnMapping } from "../import/header";
import { findingCell } from "../layout/checksSheet";
import { PLAN_SHEET } from "../layout/planColumns";
import { hasPlanSheet, readBack, type WorkbookRead } from "../layout/readBack";
import { trackedModel } from "../layout/reportSheet";
import { SETTINGS_SHEET, settingsSheet } from "../layout/settingsSheet";
import type { Capabilities } from "../render/officejs/capabilities";
import { buildReports } from "./buildReports";
import { importPlan } from "./importPlan";
import { loadAppendix, type LoadedPlan } from "./loadAppendix";
import type { ApplyOptions, ApplyResult, WorkbookPort } from "./port";
import { rebuild } from "./rebuild";
import { PROGRESS_SHEETS, recordProgress } from "./recordProgress";
import { findingView, headerMapping, periodFromChoice, previewView } from "./views";
import type {
  ExportFileView, ExportOutcome, FindingView, ImportPreviewView, ImportSource, LogEntryInput, PeriodChoice, ReportSummary, RollupOutcome, WorkbookState,
} from "./viewTypes";

export interface OperationOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number, detail?: Message) => void;
}

export interface ImportPreview {
  view: ImportPreviewView;
  plan: LoadedPlan["plan"];
  headerLines: string[];
}

/** What only a host can do; everything else is the same on every host. */
export interface OperationsHost {
  /** The workbook the operations work on; writing follows the host's capabilities (reading needs none). */
  workbook(caps?: Capabilities): WorkbookPort;
  /** The selected range as a grid (the pane), or a refusal saying what to do instead (the page). */
  readSelection(caps: Capabilities): Promise<{ grid: Grid; selection: NonNullable<ImportPreviewView["selection"]> }>;
  /** The selected cell's sheet and 1-based row, or null where the host has no selection. */
  selectedCell(): Promise<{ sheet: string; row: number } | null>;
  goToCell(reference: string): Promise<void>;
  watchPlanEdits(caps: Capabilities, onEdit: () => void): Promise<(() => Promise<void>) | null>;
  /** Hands a file over: opened as a new workbook where the host can, a download link in every case. */
  deliver(file: { bytes: Uint8Array; fileName: string }, caps: Capabilities): Promise<ExportOutcome>;
  /** Today's date (ISO); the clock by default. */
  today?(): string;
}

export interface Operations {
  readWorkbookState(caps: Capabilities): Promise<WorkbookState>;
  previewImport(source: ImportSource, opts: { year?: number; commune?: string; columns?: ColumnMapping }, caps: Capabilities, o?: OperationOptions): Promise<ImportPreview>;
  applyImport(preview: ImportPreview, caps: Capabilities, o?: OperationOptions): Promise<{ render: ApplyResult; activities: number; archived: number; findings: Record<Finding["severity"], number> }>;
  runChecks(caps: Capabilities, o?: OperationOptions): Promise<{ findings: FindingView[]; render: ApplyResult | null }>;
  watchPlanEdits(caps: Capabilities, onEdit: () => void): Promise<(() => Promise<void>) | null>;
  goToCell(reference: string): Promise<void>;
  activityAtSelection(): Promise<string | null>;
  addLogEntry(entry: LogEntryInput, caps: Capabilities, o?: OperationOptions): Promise<{ skipped: ApplyResult["skipped"]; messages: Message[] }>;
  buildReport(choice: PeriodChoice, caps: Capabilities, o?: OperationOptions): Promise<{ summary: ReportSummary; render: ApplyResult }>;
  exportForDistrict(sheetNames: string[], includePlan: boolean, caps: Capabilities, o?: OperationOptions): Promise<ExportOutcome>;
  describeCommuneFiles(files: Array<{ name: string; bytes: Uint8Array }>): Promise<ExportFileView[]>;
  rollupCommunes(files: Array<{ name: string; bytes: Uint8Array }>, token: string, caps: Capabilities, o?: OperationOptions): Promise<RollupOutcome>;
  saveSettings(next: Settings, caps: Capabilities, o?: OperationOptions): Promise<ApplyResult>;
}

export function noPlan(): CchcError {
  return new CchcError("no-plan", {
    vi: "Sổ này chưa có kế hoạch (trang Kế hoạch của phần bổ trợ). Hãy nhập kế hoạch ở mục Nhập trước.",
    en: "This workbook has no plan yet (the add-in's plan sheet). Import one first.",
  });
}



function counts(findings: Finding[]): Record<Finding["severity"], number> {
  return { error: findings.filter((f) => f.severity === "error").length, warning: findings.filter((f) => f.severity === "warning").length, info: findings.filter((f) => f.severity === "info").length };
}

function cancelled(o: OperationOptions): void {
  if (o.signal?.aborted) throw new CchcError("cancelled", { vi: "Đã hủy; sổ chưa bị thay đổi.", en: "Cancelled; the workbook was not changed." });
}

/** The host's progress for the write, between `from` and `to` of the operation's bar. */
function applying(o: OperationOptions, from: number, to = 1, activate?: string | false): ApplyOptions {
  return { signal: o.signal, activate, onProgress: (p) => o.onProgress?.(from + (to - from) * p.fraction, { vi: p.vi, en: p.en }) };
}

/** The messages a read and a write leave for the person (what could not be read as expected, what the host did). */
function messagesOf(read: WorkbookRead | null, applied: ApplyResult): Message[] {
  const log = (read?.logProblems ?? []).map((p) => ({ vi: `Nhật ký tiến độ — ${p.messageVi}`, en: `Progress log — ${p.messageEn}` }));
  return [...(read?.warnings ?? []), ...log, ...applied.messages];
}

export function createOperations(host: OperationsHost): Operations {
  const today = () => host.today?.() ?? todayIso();

  /** The workbook read back through the one reader; a workbook without the product's plan is refused. */
  async function current(caps: Capabilities): Promise<{ port: WorkbookPort; read: WorkbookRead }> {
    const port = host.workbook(caps);
    const snapshot = await port.read();
    if (!hasPlanSheet(snapshot)) throw noPlan();
    return { port, read: readBack(snapshot) };
  }

  return {
    async readWorkbookState(caps) {
      const snapshot = await host.workbook(caps).read();
      const owned = snapshot.sheets.filter((s) => s.role !== null).map((s) => ({ name: s.name, role: s.role! }));
      if (!hasPlanSheet(snapshot)) return { hasPlan: false, planSheet: null, activities: [], owned, settings: null, reports: [], hasLog: owned.some((s) => s.role === "log") };
      const read = readBack(snapshot);
      const model = trackedModel(read.model, read.log);
      const index = new LogIndex(read.log);
      const rowOf = new Map(read.planRows.map((r) => [r.id, r.row]));
      return {
        hasPlan: model.plan.activities.length > 0,
        planSheet: read.planSheet,
        activities: model.plan.activities.map((a) => {
          // Computed from the plan, the log and the settings (the sheet's formulas' rules): right even before Excel recalculates.
          const s = activityStatus(a, model.settings.year, index, model.settings.asOf, model.progress[a.id]?.userDeadline ?? null, { startDay: model.settings.cutoffStartDay, endDay: model.settings.cutoffEndDay });
          return {
            id: a.id, group: a.group, no: a.activityNo || a.taskNo || a.objectiveNo, activity: a.activity || a.task, lead: a.lead, deadline: a.deadline,
            status: STATUS_LABELS[s.status].vi, statusKey: s.status, statusReason: s.reason, row: rowOf.get(a.id) ?? 0,
          };
        }),
        owned,
        settings: model.settings,
        reports: read.reports.map((r) => r.name),
        hasLog: read.hasLog,
      };
    },

    async previewImport(source, opts, caps, o = {}) {
      o.onProgress?.(0.1);
      let selection: ImportPreviewView["selection"];
      let loaded: LoadedPlan;
      if (source.kind === "selection") {
        const read = await host.readSelection(caps);
        selection = read.selection;
        loaded = await loadAppendix({ kind: "grid", grid: read.grid }, opts);
      } else {
        loaded = await loadAppendix(source.kind === "embedded" ? source : { kind: "file", name: source.name, bytes: new Uint8Array(source.bytes) }, opts);
      }
      o.onProgress?.(0.6);
      const snapshot = await host.workbook(caps).read();
      const existing = hasPlanSheet(snapshot) ? readBack(snapshot).model.plan.activities : [];
      return {
        plan: loaded.plan,
        headerLines: loaded.headerLines,
        view: previewView(source, loaded.plan, existing, { headerMapping: headerMapping(loaded.header), warnings: loaded.warnings, selection }),
      };
    },

    async applyImport(preview, caps, o = {}) {
      o.onProgress?.(0.05, { vi: "Đang đọc sổ hiện tại…", en: "Reading the current workbook…" });
      const plan = preview.plan;
      const out = await importPlan(host.workbook(caps), plan, {
        headerLines: preview.headerLines.length ? preview.headerLines : plan.appendixHeader ?? [],
        mode: caps.formulaMode,
        today: today(),
        apply: applying(o, 0.2, 0.95, PLAN_SHEET),
      });
      return {
        render: { ...out.applied, messages: [...out.warnings, ...out.applied.messages] },
        activities: plan.activities.length,
        archived: out.reimported?.archived ?? 0,
        findings: counts(out.findings),
      };
    },

    async runChecks(caps, o = {}) {
      o.onProgress?.(0.1, { vi: "Đang đọc kế hoạch…", en: "Reading the plan…" });
      const { port, read } = await current(caps);
      o.onProgress?.(0.4, { vi: "Đang ghi trang Kiểm tra…", en: "Writing the checks sheet…" });
      const out = await rebuild(port, read, ["checks"], {}, applying(o, 0.4, 1, false));
      const byId = new Map(out.model.plan.activities.map((a) => [a.id, a]));
      const rowOf = new Map(read.planRows.map((r) => [r.id, r.row]));
      const at = (f: Finding) => findingCell(f, rowOf, read.planSheet);
      return { findings: out.findings.map((f) => findingView(f, at, byId)), render: { ...out.applied, messages: messagesOf(read, out.applied) } };
    },

    watchPlanEdits: (caps, onEdit) => host.watchPlanEdits(caps, onEdit),
    goToCell: (reference) => host.goToCell(reference),

    async activityAtSelection() {
      const cell = await host.selectedCell();
      if (!cell) return null;
      const snapshot = await host.workbook().read();
      if (!hasPlanSheet(snapshot)) return null;
      const read = readBack(snapshot);
      if (read.planSheet.toLowerCase() !== cell.sheet.toLowerCase()) return null;
      return read.planRows.find((r) => r.row === cell.row)?.id ?? null;
    },

    async addLogEntry(entry, caps, o = {}) {
      const { port, read } = await current(caps);
      o.onProgress?.(0.3, { vi: "Đang ghi nhật ký và cập nhật các trang…", en: "Writing the log and updating the sheets…" });
      const applied = await recordProgress(port, [{ ...entry }], { ...applying(o, 0.3, 1, false), read });
      return { skipped: applied.skipped, messages: applied.messages };
    },

    async buildReport(choice, caps, o = {}) {
      o.onProgress?.(0.1, { vi: "Đang đọc kế hoạch và nhật ký…", en: "Reading the plan and the log…" });
      const { port, read } = await current(caps);
      const period = periodFromChoice(choice, read.model.settings);
      o.onProgress?.(0.3, { vi: `Đang ghi trang ${period.sheetName}…`, en: `Writing ${period.sheetName}…` });
      const built = await buildReports(port, [period], { asOf: null, read, apply: applying(o, 0.3, 1, period.sheetName) });
      const r = built.built[0].report;
      return {
        summary: { sheet: period.sheetName, label: period.label, done: r.totals.doneOnTime + r.totals.doneLate, due: r.totals.due, rate: r.totals.completionRate, cutoffStart: period.cutoffStart, cutoffEnd: period.cutoffEnd },
        render: { ...built.applied, messages: messagesOf(read, built.applied) },
      };
    },

    async exportForDistrict(sheetNames, includePlan, caps, o = {}) {
      o.onProgress?.(0.1, { vi: "Đang đọc sổ…", en: "Reading the workbook…" });
      const { read } = await current(caps);
      const periods = sheetNames.flatMap((n) => read.reports.filter((r) => r.name.toLowerCase() === n.toLowerCase()).map((r) => r.period));
      if (!periods.length) {
        throw new CchcError("no-report-chosen", {
          vi: "Hãy chọn ít nhất một trang báo cáo để gửi (tệp gửi cấp trên được kiểm tra theo báo cáo).",
          en: "Choose at least one report sheet to send (the level above verifies the file by its reports).",
        });
      }
      o.onProgress?.(0.4, { vi: "Đang tạo tệp .xlsx…", en: "Creating the .xlsx file…" });
      const { exportForLevelAbove } = await import(/* webpackChunkName: "export" */ "./exportForLevelAbove");
      const out = await exportForLevelAbove(read, periods, { includePlan, asOf: null });
      cancelled(o);
      o.onProgress?.(0.8, { vi: "Đang mở sổ mới…", en: "Opening the new workbook…" });
      return host.deliver({ bytes: out.bytes, fileName: out.fileName }, caps);
    },

    async describeCommuneFiles(files) {
      const { describeCommuneFiles } = await import(/* webpackChunkName: "export" */ "./consolidate");
      return describeCommuneFiles(files);
    },

    async rollupCommunes(files, token, caps, o = {}) {
      const { consolidate } = await import(/* webpackChunkName: "export" */ "./consolidate");
      o.onProgress?.(0.2, { vi: "Đang đọc các tệp…", en: "Reading the files…" });
      const out = await consolidate(files, token, new Date().toISOString());
      const delivered = await host.deliver({ bytes: out.bytes, fileName: out.fileName }, caps);
      return { ...delivered, communes: out.communes, problems: out.problems };
    },

    async saveSettings(next, caps, o = {}) {
      if (!parseIso(next.asOf)) {
        throw new CchcError("bad-as-of", { vi: "Ngày \"Tính đến ngày\" không hợp lệ. Hãy nhập ngày dạng dd/mm/yyyy rồi lưu lại.", en: "The as-of date is invalid. Enter a date as dd/mm/yyyy and save again." });
      }
      const port = host.workbook(caps);
      const snapshot = await port.read();
      o.onProgress?.(0.2, { vi: "Đang ghi cài đặt…", en: "Writing the settings…" });
      if (!hasPlanSheet(snapshot)) {
        // No plan yet: the settings sheet alone, without the plan's completion rows.
        const names: Record<string, string> = {};
        return port.apply({ sheets: [settingsSheet(next, names)], names, properties: { title: SETTINGS_SHEET, creator: "CCHC add-in" } }, applying(o, 0.2, 1, false));
      }
      const read = readBack(snapshot);
      const out = await rebuild(port, read, PROGRESS_SHEETS, { model: { ...read.model, settings: next } }, applying(o, 0.2, 1, false));
      return { ...out.applied, messages: messagesOf(read, out.applied) };
    },
  };
}
