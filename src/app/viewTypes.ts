/** What the operations give the panels (the pane's and the page's): types only, no code. */
import type { Settings } from "../core/settings";
import type { Status } from "../core/status";
import type { Message as Bilingual } from "../core/message";

export interface ActivityLite {
  id: string;
  group: string;
  /** The document's number: activity, else task, else objective. */
  no: string;
  activity: string;
  lead: string;
  deadline: string;
  status: string;
  /** The status as core computes it from the plan, the log and the settings, and why. */
  statusKey?: Status;
  statusReason?: Bilingual;
  /** 1-based sheet row. */
  row: number;
}

export interface WorkbookState {
  hasPlan: boolean;
  planSheet: string | null;
  activities: ActivityLite[];
  owned: Array<{ name: string; role: string }>;
  settings: Partial<Settings> | null;
  /** Report sheets present (role "report"). */
  reports: string[];
  hasLog: boolean;
}

export type ImportSource = { kind: "embedded" } | { kind: "docx"; name: string; bytes: ArrayBuffer } | { kind: "selection" };

export interface ImportPreviewView {
  source: ImportSource["kind"];
  fileName?: string;
  title: string;
  commune: string;
  year: number;
  groups: Array<{ id: string; title: string; count: number }>;
  activityCount: number;
  indicatorCount: number;
  /** The targets read (body indicators, then the appendix's objectives with a number), as "text (≥ 50%)". */
  indicators?: string[];
  /** The appendix's columns as understood: field → header label found (null when absent). */
  headerMapping: Array<{ field: string; fieldLabel: Bilingual; label: string | null }>;
  /** The reader's notes (what was skipped, joined, cut), shown in the person's language. */
  warnings: Bilingual[];
  selection?: { address: string; mergesKnown: boolean; merges: number; warning?: Bilingual };
  diff?: {
    added: Array<{ id: string; label: string }>;
    removed: Array<{ id: string; label: string }>;
    changed: Array<{ id: string; label: string; fields: string[] }>;
    kept: number;
  };
}

export interface FindingView {
  code: string;
  severity: "error" | "warning" | "info";
  rule: Bilingual;
  activityId: string;
  where: string;
  message: Bilingual;
  suggestion: string;
  /** "'Kế hoạch'!J7", or "" for plan-wide findings. */
  cell: string;
}

export interface LogEntryInput {
  activityId: string;
  date: string;
  status: "done" | "in-progress" | "not-started";
  completedOn: string | null;
  evidence: string;
  note: string;
  who: string;
}

export interface PeriodChoice {
  kind: "quarter" | "half" | "nine-months" | "year" | "adhoc";
  year: number;
  quarter?: 1 | 2 | 3 | 4;
  start?: string;
  end?: string;
}

export interface ReportSummary {
  sheet: string;
  label: string;
  done: number;
  due: number;
  rate: number | null;
  cutoffStart: string;
  cutoffEnd: string;
}

export interface ExportOutcome {
  fileName: string;
  /** Opened with Excel.createWorkbook. */
  opened: boolean;
  /** A blob: URL the pane offers as a download. */
  url: string | null;
  bytes: number;
}

export interface RollupOutcome extends ExportOutcome {
  communes: number;
  problems: Bilingual[];
}

/** A commune's export as the consolidation sees it before summing. */
export interface ExportFileView {
  file: string;
  commune: string;
  periods: Bilingual;
  tokens: string[];
  problem: Bilingual | null;
}
