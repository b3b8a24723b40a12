/**
 * A fake Excel host for jest and for the headless-browser tests: `Office`, `Excel`,
 * `OfficeExtension` and `CustomFunctions` over an in-memory workbook, with Excel's proxy
 * semantics (queued operations, load + sync, PropertyNotLoaded, null objects, partial
 * application of a failed batch), requirement-set gating, counters and failure injection.
 *
 *   const fake = createFakeExcel({ requirementSets: "excel2016", displayLanguage: "vi-VN" });
 *   await fake.Excel.run(async (context) => { ... });
 *   expect(fake.stats.syncs).toBe(2);
 *   expect(fake.workbook.sheet("Kế hoạch")!.cell("A1")!.v).toBe("…");
 *
 * No Node imports: tests/excelHost bundles it for the browser (tests/excelHost/build-browser.js).
 */
import * as api from "./api";
import { ErrorCodes, FakeRichApiError } from "./errors";
import { ENUMS } from "./generated";
import { InitialWorkbook, WorkbookModel, WorkbookOptions, WorkbookSnapshot, clone } from "./model";
import { FakeOffice, OfficeRecord, PRESETS, RequirementSets, createOffice, emptyRecord, isSetSupported } from "./office";
import { ClientObject, ClientResult, FailureTrigger, FakeRequestContext, FakeStats, Host, emptyStats } from "./runtime";
import { Scalar, localeFor, parseDate, LOCALES } from "./values";

export type { FakeStats, FailureTrigger, RequirementSets, InitialWorkbook, WorkbookSnapshot, OfficeRecord };
export { WorkbookModel, FakeRichApiError, PRESETS, ErrorCodes };

export interface FakeExcelOptions {
  /** A preset name ("microsoft365", "excel2021", "excel2019", "excel2016", "excel2016Retail", "excel2024") or explicit sets, e.g. { ExcelApi: "1.2" }. Default: microsoft365 (ExcelApi 1.17, SharedRuntime 1.1, CustomFunctionsRuntime 1.4). */
  requirementSets?: string | RequirementSets;
  /** Office.context.displayLanguage. Default "en-US". */
  displayLanguage?: string;
  contentLanguage?: string;
  /** How typed strings are parsed and numbers rendered as text ("en-US": 1,234.5; "vi-VN": 1.234,5). Default "en-US". */
  numberLocale?: string;
  host?: string;
  /** Office.context.platform / onReady's platform. Default "PC". */
  platform?: string;
  /** Office.context.diagnostics.version. */
  version?: string;
  /** The workbook at start (and after reset()): any part of a snapshot. Default: one empty sheet "Sheet1". */
  workbook?: InitialWorkbook;
  /** Characters that make a typed string a formula. Default ["=", "+", "-"] (Excel's documented behaviour). */
  formulaPrefixes?: string[];
  /** Evaluate simple formulas so that `values` of formula cells are meaningful. Default true. */
  evaluateFormulas?: boolean;
  /** Supplies the value of a formula the fake cannot evaluate (return undefined to decline). */
  formulaValue?: (formula: string, at: { sheet: string; address: string }) => Scalar | undefined;
  /** The namespace of the add-in's custom functions in formulas ("CCHC"); unregistered ones show #NAME?. */
  customFunctionsNamespace?: string;
  /** The date TODAY() returns, "yyyy-mm-dd". Default: the real date. */
  today?: string;
  /** Default names of new sheets: "Sheet" gives Sheet1, Sheet2… */
  sheetNamePrefix?: string;
  /** The default paper size of new sheets. Default "Letter" for en-US numbers, "A4" otherwise. */
  paperSize?: string;
}

export interface FakeExcel {
  Excel: typeof Excel & Record<string, any>;
  Office: FakeOffice & Record<string, any>;
  OfficeExtension: Record<string, any>;
  CustomFunctions: Record<string, any>;
  OfficeRuntime: Record<string, any>;
  /** The live in-memory workbook (replaced by reset()). */
  readonly workbook: WorkbookModel;
  readonly stats: FakeStats;
  /** What the add-in asked of Office: actions, custom functions, createWorkbook payloads, dialogs… */
  readonly recorded: OfficeRecord;
  /** base64 strings passed to Excel.createWorkbook. */
  readonly createdWorkbooks: string[];
  readonly requirementSets: RequirementSets;
  /** Restores the initial workbook and clears counters, recordings and any pending failure. */
  reset(): void;
  resetStats(): void;
  /**
   * Makes one future operation fail when a batch is applied: `failAfter(3)` lets 3 operations
   * succeed and fails the 4th; `failAfter("Range.values=")`, `failAfter(/^Table/)` or
   * `failAfter({ op: "Worksheet.delete", occurrence: 2 })` fail the first (or n-th) matching
   * operation. Operations before it stay applied, as in Excel; sync rejects with `code`.
   */
  failAfter(trigger: FailureTrigger, error?: { code?: string; message?: string }): void;
  clearFailure(): void;
  /** Deep JSON of the whole workbook (sheets, cells, tables, names, formats, layout…). */
  snapshot(): WorkbookSnapshot;
  /** Calls the handlers registered with `onChanged.add(...)` etc. for an event name. */
  emit(event: string, args?: unknown): Promise<unknown[]>;
  /** Changes the supported requirement sets (e.g. between tests). */
  setRequirementSets(sets: string | RequirementSets): void;
  /** The host state the API classes work on (for tests/excelHost's protocol server). */
  readonly _host: Host;
}

function resolveSets(s: string | RequirementSets | undefined): RequirementSets {
  if (s === undefined) return { ...PRESETS.microsoft365 };
  if (typeof s === "string") {
    const p = PRESETS[s];
    if (!p) throw new Error(`Unknown requirement-set preset "${s}". Known: ${Object.keys(PRESETS).join(", ")}`);
    return { ...p };
  }
  return { ...s };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function createFakeExcel(options: FakeExcelOptions = {}): FakeExcel {
  let sets = resolveSets(options.requirementSets);
  const displayLanguage = options.displayLanguage ?? "en-US";
  const locale = localeFor(options.numberLocale ?? "en-US");
  const record = emptyRecord();
  const stats = emptyStats();
  const todaySerial = (() => {
    if (options.today) {
      const d = parseDate(options.today, LOCALES["en-US"]);
      if (d === null) throw new Error(`Bad option today: ${options.today}`);
      return () => d;
    }
    return () => {
      const now = new Date();
      return parseDate(`${now.getFullYear()}-${now.getMonth() + 1}-${now.getDate()}`, LOCALES["en-US"])!;
    };
  })();
  const ns = options.customFunctionsNamespace?.toUpperCase();
  const wbOptions: WorkbookOptions = {
    locale,
    formulaPrefixes: options.formulaPrefixes ?? ["=", "+", "-"],
    evaluateFormulas: options.evaluateFormulas ?? true,
    paperSize: options.paperSize ?? (locale.tag === "en-US" ? "Letter" : "A4"),
    sheetNamePrefix: options.sheetNamePrefix ?? "Sheet",
    formulaValue: options.formulaValue,
    today: todaySerial,
    customFunction: (name) => {
      const upper = name.toUpperCase();
      const dot = upper.indexOf(".");
      if (dot < 0) return undefined;
      const prefix = upper.slice(0, dot);
      const id = upper.slice(dot + 1);
      if (ns ? prefix !== ns : !record.customFunctions.has(id)) return undefined;
      if (!isSetSupported(sets, "CustomFunctionsRuntime", "1.1")) return "unavailable";
      return record.customFunctions.get(id) ?? "unavailable";
    },
  };
  const initial: InitialWorkbook = clone(options.workbook ?? { sheets: [{ name: `${wbOptions.sheetNamePrefix}1` }] });
  const host: Host = {
    model: WorkbookModel.fromSnapshot(initial, wbOptions),
    stats,
    isSupported: (set: string) => {
      const [name, version] = set.split(" ");
      return isSetSupported(sets, name, version);
    },
    failure: null,
    events: [],
  };

  const office = createOffice({
    host: options.host ?? "Excel",
    platform: options.platform ?? "PC",
    displayLanguage,
    contentLanguage: options.contentLanguage ?? displayLanguage,
    version: options.version ?? "16.0.17928.20114",
    sets: () => sets,
    record: () => record,
    documentSettings: () => host.model.settings,
    saveDocumentSettings: (s) => {
      host.model.settings = s;
    },
  });

  class RequestContext extends FakeRequestContext {
    constructor(_url?: unknown) {
      super(host, api.createWorkbookProxy);
    }
  }

  async function run(...args: unknown[]): Promise<unknown> {
    const batch = args.find((a) => typeof a === "function") as ((ctx: FakeRequestContext) => unknown) | undefined;
    const first = args[0];
    let ctx: FakeRequestContext;
    if (first instanceof FakeRequestContext) ctx = first;
    else if (first instanceof ClientObject) ctx = first.context;
    else if (Array.isArray(first) && first[0] instanceof ClientObject) ctx = first[0].context;
    else ctx = new RequestContext();
    stats.runs++;
    if (!batch) throw new FakeRichApiError(ErrorCodes.invalidArgument, "Excel.run needs a batch function.");
    ctx._closed = false;
    let value: unknown;
    try {
      const result = batch(ctx);
      if (!result || typeof (result as Promise<unknown>).then !== "function") throw new FakeRichApiError(ErrorCodes.runMustReturnPromise);
      value = await result;
    } catch (e) {
      stats.unsentOps += ctx._queue.length;
      ctx._queue = [];
      ctx._closed = true;
      throw e;
    }
    try {
      await ctx._flush(value);
    } finally {
      ctx._closed = true;
    }
    return value;
  }

  function createWorkbook(base64?: string): Promise<void> {
    if (!isSetSupported(sets, "ExcelApi", "1.8")) {
      throw new FakeRichApiError(ErrorCodes.apiNotFound, "The method or property Excel.createWorkbook is part of the ExcelApi 1.8 requirement set, which is not available in your version of Excel.");
    }
    if (base64 !== undefined && (typeof base64 !== "string" || !BASE64.test(base64))) {
      return Promise.reject(new FakeRichApiError(ErrorCodes.invalidArgument, undefined, { detail: "createWorkbook expects a base64 string" }));
    }
    record.createdWorkbooks.push(base64 ?? "");
    return Promise.resolve();
  }

  const classes: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(api)) if (typeof v === "function" && /^[A-Z]/.test(k)) classes[k] = v;

  const ExcelNs: Record<string, any> = {
    ...ENUMS,
    ...classes,
    run,
    RequestContext,
    createWorkbook,
    ErrorCodes,
    Interfaces: {},
  };

  const OfficeExtensionNs: Record<string, any> = {
    Error: FakeRichApiError,
    ErrorCodes,
    ClientResult,
    ClientObject,
    ClientRequestContext: FakeRequestContext,
    Promise,
    config: { extendedErrorLogging: false },
    EventHandlers: api.EventHandlers,
  };

  class CustomFunctionError extends Error {
    constructor(public code: string, message?: string) {
      super(message ?? code);
    }
  }
  const CustomFunctionsNs: Record<string, any> = {
    associate(idOrMap: string | Record<string, (...a: unknown[]) => unknown>, fn?: (...a: unknown[]) => unknown) {
      if (typeof idOrMap === "string") record.customFunctions.set(idOrMap.toUpperCase(), fn!);
      else for (const [k, f] of Object.entries(idOrMap)) record.customFunctions.set(k.toUpperCase(), f);
    },
    Error: CustomFunctionError,
    ErrorCode: {
      invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!", nullReference: "#NULL!",
      invalidName: "#NAME?", invalidReference: "#REF!",
    },
  };

  const storage = new Map<string, string>();
  const OfficeRuntimeNs: Record<string, any> = {
    storage: {
      getItem: async (k: string) => storage.get(k) ?? null,
      setItem: async (k: string, v: string) => void storage.set(k, String(v)),
      removeItem: async (k: string) => void storage.delete(k),
      getItems: async (keys: string[]) => Object.fromEntries(keys.map((k) => [k, storage.get(k) ?? null])),
      setItems: async (o: Record<string, string>) => Object.entries(o).forEach(([k, v]) => storage.set(k, String(v))),
      removeItems: async (keys: string[]) => keys.forEach((k) => storage.delete(k)),
      getKeys: async () => [...storage.keys()],
    },
  };

  const fake: FakeExcel = {
    Excel: ExcelNs as FakeExcel["Excel"],
    Office: office as FakeExcel["Office"],
    OfficeExtension: OfficeExtensionNs,
    CustomFunctions: CustomFunctionsNs,
    OfficeRuntime: OfficeRuntimeNs,
    get workbook() {
      return host.model;
    },
    stats,
    _host: host,
    recorded: record,
    get createdWorkbooks() {
      return record.createdWorkbooks;
    },
    get requirementSets() {
      return { ...sets };
    },
    reset() {
      host.model = WorkbookModel.fromSnapshot(clone(initial), wbOptions);
      host.failure = null;
      host.events.length = 0;
      this.resetStats();
      const fresh = emptyRecord();
      record.actions.clear();
      record.customFunctions.clear();
      Object.assign(record, { ...fresh, actions: record.actions, customFunctions: record.customFunctions });
      office.context.document.settings._reload();
      storage.clear();
    },
    resetStats() {
      Object.assign(stats, emptyStats());
    },
    failAfter(trigger, error = {}) {
      const occurrence = typeof trigger === "object" && !(trigger instanceof RegExp) ? (trigger.occurrence ?? 1) - 1 : 0;
      host.failure = {
        trigger,
        remaining: typeof trigger === "number" ? trigger : occurrence,
        code: error.code ?? ErrorCodes.generalException,
        message: error.message,
      };
    },
    clearFailure() {
      host.failure = null;
    },
    snapshot() {
      return host.model.snapshot();
    },
    async emit(event, args) {
      const hs = host.events.filter((e) => e.event === event);
      return Promise.all(hs.map((h) => h.handler(args)));
    },
    setRequirementSets(s) {
      sets = resolveSets(s);
    },
  };
  return fake;
}

export interface InstalledFake extends FakeExcel {
  /** Restores the globals that were there before installFakeOffice. */
  uninstall(): void;
}

const GLOBALS = ["Office", "Excel", "OfficeExtension", "CustomFunctions", "OfficeRuntime", "__fakeExcel"] as const;

/**
 * Installs the fake as `Office`, `Excel`, `OfficeExtension`, `CustomFunctions` and
 * `OfficeRuntime` on `target` (globalThis or a browser window), keeps the fake on
 * `target.__fakeExcel`, and calls `Office.initialize` if the add-in set one.
 */
export function installFakeOffice(target: any = globalThis, options: FakeExcelOptions = {}): InstalledFake {
  return installGlobals(target, createFakeExcel(options));
}

/** Sets the host's namespaces as globals on `target`, with `uninstall()` restoring what was there. */
export function installGlobals<H extends Pick<FakeExcel, "Office" | "Excel" | "OfficeExtension" | "CustomFunctions" | "OfficeRuntime">>(
  target: any,
  fake: H,
): H & { uninstall(): void } {
  const saved = GLOBALS.map((k) => [k, Object.getOwnPropertyDescriptor(target, k)] as const);
  target.Office = fake.Office;
  target.Excel = fake.Excel;
  target.OfficeExtension = fake.OfficeExtension;
  target.CustomFunctions = fake.CustomFunctions;
  target.OfficeRuntime = fake.OfficeRuntime;
  target.__fakeExcel = fake;
  setTimeout(() => {
    const init = fake.Office.initialize;
    if (typeof init === "function") init("inserted");
  }, 0);
  const installed = fake as H & { uninstall(): void };
  installed.uninstall = () => {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(target, k, d);
      else delete target[k];
    }
  };
  return installed;
}

export { PRESETS as presets };
export { LOCALES, localeFor };
