/**
 * The pane's shared state: the host's capabilities, what the workbook holds, the running
 * operation (with progress and cancel), the last notice, and features skipped by this Excel.
 * Operations live in `services/ops.ts`, loaded on first use (dynamic import) so the initial
 * bundle holds only the shell.
 */
import * as React from "react";
import type { Capabilities } from "../render/officejs/capabilities";
import type { ApplyResult } from "../app/port";

type SkippedFeature = ApplyResult["skipped"][number];
import type { Bilingual } from "./i18n";
import { describeError } from "./services/errors";
import type { WorkbookState } from "../app/viewTypes";

/** What the panels call: the pane's live-workbook operations, or the file page's (src/page). */
export type Ops = Pick<
  typeof import("./services/ops"),
  "readWorkbookState" | "previewImport" | "applyImport" | "runChecks" | "watchPlanEdits" | "goToCell" | "activityAtSelection"
  | "addLogEntry" | "buildReport" | "exportForDistrict" | "describeCommuneFiles" | "rollupCommunes" | "saveSettings"
>;

let provider: () => Promise<Ops> = () => Promise.reject(new Error("provideOps was not called"));
/** The host's operations: the pane's live-workbook ones, or the file page's; call before the shell renders. */
export function provideOps(load: () => Promise<Ops>): void {
  provider = load;
  opsPromise = null;
}

let opsPromise: Promise<Ops> | null = null;
/** The operations module (layout, renderer, core, import): a separate chunk, fetched once. */
export function loadOps(): Promise<Ops> {
  if (!opsPromise) {
    opsPromise = provider().catch((e) => {
      opsPromise = null;
      throw e;
    });
  }
  return opsPromise;
}

export interface Busy {
  label: Bilingual;
  progress?: number;
  detail?: Bilingual;
  cancel?: () => void;
}

export interface Notice {
  intent: "error" | "success" | "info" | "warning";
  title?: Bilingual;
  text: Bilingual;
  /** Extra lines (messages from the renderer, skipped features). */
  lines?: Bilingual[];
  link?: { href: string; download: string; label: Bilingual };
}

export interface RunContext {
  signal: AbortSignal;
  progress: (fraction: number, detail?: Bilingual) => void;
  ops: Ops;
}

export interface AppContextValue {
  caps: Capabilities;
  workbook: WorkbookState | null;
  busy: Busy | null;
  notice: Notice | null;
  skipped: SkippedFeature[];
  setNotice: (n: Notice | null) => void;
  announce: (m: Bilingual) => void;
  /** Re-reads the workbook; returns what it holds now (null when it could not be read). */
  refreshWorkbook: () => Promise<WorkbookState | null>;
  addSkipped: (s: SkippedFeature[]) => void;
  /** Runs an operation with the busy indicator; errors become a plain-language notice. Returns undefined on failure. */
  run: <T>(label: Bilingual, fn: (rc: RunContext) => Promise<T>, options?: { cancellable?: boolean }) => Promise<T | undefined>;
}

export const AppContext = React.createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const v = React.useContext(AppContext);
  if (!v) throw new Error("AppContext missing");
  return v;
}

export function useAppState(caps: Capabilities): { value: AppContextValue; liveMessage: Bilingual | null } {
  const [workbook, setWorkbook] = React.useState<WorkbookState | null>(null);
  const [busy, setBusy] = React.useState<Busy | null>(null);
  const [notice, setNoticeState] = React.useState<Notice | null>(null);
  const [skipped, setSkipped] = React.useState<SkippedFeature[]>([]);
  const [liveMessage, setLive] = React.useState<Bilingual | null>(null);
  const busyRef = React.useRef(false);

  const announce = React.useCallback((m: Bilingual) => setLive({ ...m }), []);
  const setNotice = React.useCallback((n: Notice | null) => {
    setNoticeState(n);
    if (n) setLive(n.title ? { vi: `${n.title.vi}. ${n.text.vi}`, en: `${n.title.en}. ${n.text.en}` } : n.text);
  }, []);
  const addSkipped = React.useCallback((s: SkippedFeature[]) => {
    if (!s.length) return;
    setSkipped((prev) => {
      const map = new Map(prev.map((x) => [x.feature, x]));
      for (const x of s) map.set(x.feature, x);
      return [...map.values()];
    });
  }, []);

  const refreshWorkbook = React.useCallback(async () => {
    try {
      const ops = await loadOps();
      const state = await ops.readWorkbookState(caps);
      setWorkbook(state);
      return state;
    } catch (e) {
      setNotice({ intent: "error", title: { vi: "Chưa đọc được sổ Excel", en: "Could not read the workbook" }, text: describeError(e) });
      return null;
    }
  }, [caps, setNotice]);

  const run = React.useCallback(
    async <T,>(label: Bilingual, fn: (rc: RunContext) => Promise<T>, options: { cancellable?: boolean } = {}): Promise<T | undefined> => {
      if (busyRef.current) return undefined;
      busyRef.current = true;
      const controller = new AbortController();
      setNoticeState(null);
      setBusy({ label, progress: 0, cancel: options.cancellable ? () => controller.abort() : undefined });
      announce(label);
      try {
        const ops = await loadOps();
        const result = await fn({
          signal: controller.signal,
          ops,
          progress: (fraction, detail) => setBusy((b) => (b ? { ...b, progress: fraction, detail } : b)),
        });
        return result;
      } catch (e) {
        setNotice({ intent: controller.signal.aborted ? "info" : "error", title: controller.signal.aborted ? { vi: "Đã hủy", en: "Cancelled" } : { vi: "Chưa làm được", en: "That did not work" }, text: describeError(e) });
        return undefined;
      } finally {
        busyRef.current = false;
        setBusy(null);
      }
    },
    [announce, setNotice],
  );

  const value = React.useMemo<AppContextValue>(
    () => ({ caps, workbook, busy, notice, skipped, setNotice, announce, refreshWorkbook, addSkipped, run }),
    [caps, workbook, busy, notice, skipped, setNotice, announce, refreshWorkbook, addSkipped, run],
  );
  return { value, liveMessage };
}
