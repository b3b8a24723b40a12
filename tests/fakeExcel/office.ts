/**
 * The `Office` namespace of the fake host: onReady, context (display language, requirement
 * sets, document settings, platform), HostType/PlatformType, actions.associate, addin.*,
 * ribbon.requestUpdate and dialog stubs that record what the add-in asked for.
 */
import { ErrorCodes, FakeRichApiError } from "./errors";

/** Requirement sets: name → the highest version supported (every lower 1.x is supported too). */
export type RequirementSets = Record<string, string>;

/**
 * Presets from the requirement-set tables of the Office documentation (volume-licensed
 * perpetual builds for 2016–2024). Excel 2016 MSI supports ExcelApi 1.1 only; many Excel
 * 2016 retail installs reached 1.2 — use `{ ExcelApi: "1.2" }` for those.
 */
export const PRESETS: Record<string, RequirementSets> = {
  microsoft365: {
    ExcelApi: "1.17", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.4", DialogApi: "1.2", DialogOrigin: "1.1",
    AddinCommands: "1.3", RibbonApi: "1.1", IdentityAPI: "1.3", OpenBrowserWindowApi: "1.1", ImageCoercion: "1.2",
  },
  excel2024: {
    ExcelApi: "1.17", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3", DialogApi: "1.2", DialogOrigin: "1.1",
    AddinCommands: "1.1", RibbonApi: "1.1", IdentityAPI: "1.3", OpenBrowserWindowApi: "1.1", ImageCoercion: "1.1",
  },
  excel2021: {
    ExcelApi: "1.14", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3", DialogApi: "1.2", DialogOrigin: "1.1",
    AddinCommands: "1.1", RibbonApi: "1.1", IdentityAPI: "1.3", OpenBrowserWindowApi: "1.1", ImageCoercion: "1.1",
  },
  excel2019: { ExcelApi: "1.7", DialogApi: "1.1", AddinCommands: "1.1", ImageCoercion: "1.1", OpenBrowserWindowApi: "1.1" },
  excel2016: { ExcelApi: "1.1", DialogApi: "1.1", ImageCoercion: "1.1" },
  /** Excel 2016 retail (click-to-run) as many PCs left it: ExcelApi 1.1–1.2. */
  excel2016Retail: { ExcelApi: "1.2", DialogApi: "1.1", AddinCommands: "1.1", ImageCoercion: "1.1" },
};

export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function isSetSupported(sets: RequirementSets, name: string, minVersion?: string | number): boolean {
  const key = Object.keys(sets).find((k) => k.toLowerCase() === String(name).toLowerCase());
  if (!key) return false;
  if (minVersion === undefined || minVersion === null || minVersion === "") return true;
  return compareVersions(sets[key], String(minVersion)) >= 0;
}

export const HostType = {
  Word: "Word", Excel: "Excel", PowerPoint: "PowerPoint", Outlook: "Outlook", OneNote: "OneNote", Project: "Project", Access: "Access",
} as const;
export const PlatformType = {
  PC: "PC", OfficeOnline: "OfficeOnline", Mac: "Mac", iOS: "iOS", Android: "Android", Universal: "Universal",
} as const;

export interface OfficeRecord {
  /** Office.actions.associate(id, fn) calls, by id. */
  actions: Map<string, (...args: unknown[]) => unknown>;
  /** CustomFunctions.associate registrations, by upper-case id. */
  customFunctions: Map<string, (...args: unknown[]) => unknown>;
  showAsTaskpane: number;
  hide: number;
  startupBehavior: string;
  dialogs: Array<{ url: string; options: unknown }>;
  ribbonUpdates: unknown[];
  settingsSaves: number;
  /** base64 strings passed to Excel.createWorkbook, in order. */
  createdWorkbooks: string[];
}

export function emptyRecord(): OfficeRecord {
  return {
    actions: new Map(), customFunctions: new Map(), showAsTaskpane: 0, hide: 0, startupBehavior: "none", dialogs: [], ribbonUpdates: [],
    settingsSaves: 0, createdWorkbooks: [],
  };
}

export interface OfficeEnv {
  host: string;
  platform: string;
  displayLanguage: string;
  contentLanguage: string;
  version: string;
  sets: () => RequirementSets;
  record: () => OfficeRecord;
  /** The persisted document settings (the workbook's), read at load and written by saveAsync. */
  documentSettings: () => Record<string, unknown>;
  saveDocumentSettings: (s: Record<string, unknown>) => void;
}

type Callback = (result: { status: "succeeded" | "failed"; value?: unknown; error?: unknown; asyncContext?: unknown }) => void;

function asyncArgs(args: unknown[]): { options: Record<string, unknown>; callback?: Callback } {
  const callback = args.find((a) => typeof a === "function") as Callback | undefined;
  const options = (args.find((a) => a && typeof a === "object") ?? {}) as Record<string, unknown>;
  return { options, callback };
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Office.context.document.settings: an in-memory copy, persisted by saveAsync. */
export class FakeSettings {
  private data: Record<string, unknown> | null = null;
  private handlers: Array<(e: unknown) => void> = [];
  constructor(private env: OfficeEnv) {}
  private store(): Record<string, unknown> {
    if (!this.data) this.data = clone(this.env.documentSettings());
    return this.data;
  }
  get(name: string): unknown {
    const v = this.store()[name];
    return v === undefined ? null : clone(v);
  }
  set(name: string, value: unknown): void {
    this.store()[name] = clone(value);
  }
  remove(name: string): void {
    delete this.store()[name];
  }
  saveAsync(...args: unknown[]): void {
    const { options, callback } = asyncArgs(args);
    this.env.saveDocumentSettings(clone(this.store()));
    this.env.record().settingsSaves++;
    setTimeout(() => {
      callback?.({ status: "succeeded", value: undefined, asyncContext: options.asyncContext });
      this.handlers.forEach((h) => h({ type: "settingsChanged", settings: this }));
    }, 0);
  }
  refreshAsync(...args: unknown[]): void {
    const { options, callback } = asyncArgs(args);
    this.data = clone(this.env.documentSettings());
    setTimeout(() => callback?.({ status: "succeeded", value: this, asyncContext: options.asyncContext }), 0);
  }
  addHandlerAsync(_eventType: string, handler: (e: unknown) => void, ...rest: unknown[]): void {
    this.handlers.push(handler);
    const { callback } = asyncArgs(rest);
    setTimeout(() => callback?.({ status: "succeeded" }), 0);
  }
  removeHandlerAsync(_eventType: string, ...rest: unknown[]): void {
    const { options, callback } = asyncArgs(rest);
    if (options && typeof (options as { handler?: unknown }).handler === "function") this.handlers = this.handlers.filter((h) => h !== (options as { handler?: unknown }).handler);
    else this.handlers = [];
    setTimeout(() => callback?.({ status: "succeeded" }), 0);
  }
  /** Drops the in-memory copy (after the fake's workbook is reset). */
  _reload(): void {
    this.data = null;
  }
}

export function createOffice(env: OfficeEnv) {
  const settings = new FakeSettings(env);
  const needShared = (what: string) => {
    if (!isSetSupported(env.sets(), "SharedRuntime", "1.1")) {
      return Promise.reject(new FakeRichApiError(ErrorCodes.apiNotFound, `${what} requires the SharedRuntime 1.1 requirement set, which this host does not support.`));
    }
    return null;
  };
  const info = () => ({ host: env.host, platform: env.platform });
  const office = {
    HostType,
    PlatformType,
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Text: "text", Matrix: "matrix", Table: "table", Html: "html", Ooxml: "ooxml", Image: "image" },
    EventType: { SettingsChanged: "settingsChanged", DocumentSelectionChanged: "documentSelectionChanged", DialogMessageReceived: "dialogMessageReceived", DialogEventReceived: "dialogEventReceived" },
    StartupBehavior: { none: "None", load: "Load" },
    VisibilityMode: { hidden: "Hidden", taskpane: "Taskpane" },
    initialize: undefined as undefined | ((reason: string) => void),
    onReady(callback?: (info: { host: string; platform: string }) => void): Promise<{ host: string; platform: string }> {
      return new Promise((resolve) => {
        setTimeout(() => {
          callback?.(info());
          resolve(info());
        }, 0);
      });
    },
    context: {
      host: env.host,
      platform: env.platform,
      displayLanguage: env.displayLanguage,
      contentLanguage: env.contentLanguage,
      diagnostics: { host: env.host, platform: env.platform, version: env.version },
      requirements: { isSetSupported: (name: string, minVersion?: string | number) => isSetSupported(env.sets(), name, minVersion) },
      document: { settings, url: "https://localhost/Book1.xlsx", mode: "readWrite" },
      officeTheme: { bodyBackgroundColor: "#FFFFFF", bodyForegroundColor: "#000000", controlBackgroundColor: "#FFFFFF", controlForegroundColor: "#000000", isDarkTheme: false },
      touchEnabled: false,
      commerceAllowed: true,
      ui: {
        displayDialogAsync(url: string, ...rest: unknown[]): void {
          const { options, callback } = asyncArgs(rest);
          env.record().dialogs.push({ url, options });
          const dialog = { close: () => undefined, addEventHandler: () => undefined, messageChild: () => undefined };
          setTimeout(() => callback?.({ status: "succeeded", value: dialog }), 0);
        },
        messageParent: (_m: string) => undefined,
        closeContainer: () => undefined,
      },
    },
    actions: {
      associate(id: string, fn: (...args: unknown[]) => unknown): void {
        env.record().actions.set(id, fn);
      },
    },
    addin: {
      showAsTaskpane(): Promise<void> {
        return needShared("Office.addin.showAsTaskpane") ?? (env.record().showAsTaskpane++, Promise.resolve());
      },
      hide(): Promise<void> {
        return needShared("Office.addin.hide") ?? (env.record().hide++, Promise.resolve());
      },
      onVisibilityModeChanged(_handler: (args: unknown) => void): Promise<() => Promise<void>> {
        return (needShared("Office.addin.onVisibilityModeChanged") as Promise<never>) ?? Promise.resolve(() => Promise.resolve());
      },
      setStartupBehavior(behavior: string): Promise<void> {
        return needShared("Office.addin.setStartupBehavior") ?? ((env.record().startupBehavior = behavior), Promise.resolve());
      },
      getStartupBehavior(): Promise<string> {
        return (needShared("Office.addin.getStartupBehavior") as Promise<never>) ?? Promise.resolve(env.record().startupBehavior);
      },
      beforeDocumentCloseNotification: { enable: () => Promise.resolve(), disable: () => Promise.resolve(), onCloseActionCancelled: () => Promise.resolve(() => Promise.resolve()) },
    },
    ribbon: {
      requestUpdate(input: unknown): Promise<void> {
        if (!isSetSupported(env.sets(), "RibbonApi", "1.1")) return Promise.reject(new FakeRichApiError(ErrorCodes.apiNotFound, "Office.ribbon.requestUpdate requires RibbonApi 1.1."));
        env.record().ribbonUpdates.push(clone(input));
        return Promise.resolve();
      },
    },
  };
  return office;
}

export type FakeOffice = ReturnType<typeof createOffice>;
