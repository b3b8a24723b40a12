/**
 * Microsoft's Excel client (office-js's excel-web library) wired to our workbook simulator:
 * `Excel`, `OfficeExtension` and `Excel.run` are the real library's; each `context.sync()` is a
 * ProcessQuery request answered in-process by ExcelServer over the fake host's workbook model.
 * `Office` (onReady, context, settings), events and custom functions stay the fake host's shell.
 * No Node imports: the browser bundle uses this with the library loaded by a <script>.
 */
import { FakeExcel, FakeExcelOptions, FakeStats, createFakeExcel, installGlobals } from "../fakeExcel";
import { ExcelServer, WireRequest, WireResponse } from "./server";

/** What a loaded copy of the library gives us: its namespaces and the window it was loaded into. */
export interface OfficeLibrary {
  Excel: any;
  OfficeExtension: any;
  /** The global scope the library reads `window.Office` from (for requirement-set checks). */
  window: any;
}

export interface ExcelHostStats extends FakeStats {
  /** ProcessQuery requests the client sent (each non-empty sync, including Excel.run's final flush). */
  requests: number;
  /** UTF-8 bytes of those requests' JSON bodies. */
  requestBytes: number;
  /** Body size of each request, in order. */
  requestSizes: number[];
  /** Bytes of the largest request. */
  largestRequest: number;
}

export interface ExcelHostOptions extends FakeExcelOptions {
  /**
   * Largest request or response body in bytes. Default: 5 MB on the web (`platform: "OfficeOnline"`),
   * Excel on the web's documented payload limit ("Resource limits and performance optimization"); none elsewhere.
   */
  requestLimit?: number;
}

export interface ExcelHost extends Omit<FakeExcel, "stats"> {
  readonly stats: ExcelHostStats;
  readonly server: ExcelServer;
  /** The JSON bodies of the requests, when `recordRequests(true)` was called (for protocol tests). */
  readonly requests: WireRequest[];
  recordRequests(on: boolean): void;
  /**
   * Fails the n-th wire action from now (0 = the next one), whatever the request: Excel answers
   * that request with an `Error` at that ActionIndex after applying the actions before it.
   */
  failAtAction(n: number, error?: { code?: string; message?: string }): void;
  /** Wire actions answered since the host was created (or reset). */
  readonly actionsSeen: number;
}

/** Excel on the web refuses requests over 5 MB ("Resource limits and performance optimization"). */
export const WEB_REQUEST_LIMIT = 5 * 1024 * 1024;

function byteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function createExcelHostWith(lib: OfficeLibrary, options: ExcelHostOptions = {}): ExcelHost {
  const fake = createFakeExcel(options);
  const host = fake._host;
  const stats = fake.stats as ExcelHostStats;
  const extra = () => ({ requests: 0, requestBytes: 0, requestSizes: [] as number[], largestRequest: 0 });
  Object.assign(stats, extra());
  const server = new ExcelServer(host, { createWorkbook: (b64) => fake.recorded.createdWorkbooks.push(b64) });
  const limit = options.requestLimit ?? (options.platform === "OfficeOnline" ? WEB_REQUEST_LIMIT : Infinity);
  const recorded: WireRequest[] = [];
  let recording = false;

  const OE = lib.OfficeExtension;
  const url = `https://excelhost.invalid/${Math.random().toString(36).slice(2)}`;
  OE.ClientRequestContext.defaultRequestUrlAndHeaders = { url, headers: {} };
  OE.HttpUtility.setCustomSendRequestFunc((req: { url: string; body: unknown }) => {
    const text = typeof req.body === "string" ? req.body : JSON.stringify(req.body);
    const size = byteLength(text);
    stats.requests++;
    stats.roundTrips++;
    stats.requestBytes += size;
    stats.requestSizes.push(size);
    stats.largestRequest = Math.max(stats.largestRequest, size);
    const body = JSON.parse(text) as WireRequest;
    if (recording) recorded.push(body);
    if (size > limit) return tooLarge("request", size);
    const opsBefore = stats.ops;
    const response: WireResponse = server.process(body);
    stats.opsPerSync.push(stats.ops - opsBefore);
    if (response.Error) stats.failedSyncs++;
    const reply = JSON.stringify(response);
    if (limit !== Infinity && byteLength(reply) > limit) return tooLarge("response", byteLength(reply));
    return Promise.resolve({ statusCode: 200, headers: {}, body: reply });
  });

  /** Excel on the web's answers past its 5 MB payload limit (codes from "Error handling with the application-specific JavaScript APIs"). */
  function tooLarge(what: "request" | "response", size: number) {
    stats.failedSyncs++;
    const code = what === "request" ? "RequestPayloadSizeLimitExceeded" : "ResponsePayloadSizeLimitExceeded";
    const message =
      `The ${what} payload size has exceeded the limit (${size} bytes; Excel on the web accepts ${limit}). ` +
      "See the Resource limits and performance optimization for Office Add-ins article for more information.";
    return Promise.resolve({ statusCode: 413, headers: {}, body: JSON.stringify({ error: { code, message } }) });
  }

  // Requirement-set checks inside the library read window.Office.context.requirements.
  lib.window.Office = fake.Office;

  // Events: the real client registers them through a host session the simulator does not have;
  // keep the handlers in the fake host's table so `emit` reaches them.
  const GEH = OE.GenericEventHandlers?.prototype;
  if (GEH) {
    GEH.add = function (this: any, handler: (a: unknown) => unknown) {
      const entry = { target: "", event: `on${this.m_name}`, handler };
      host.events.push(entry);
      const ctx = this.m_context;
      return {
        context: ctx,
        remove: () => {
          const i = host.events.indexOf(entry);
          if (i >= 0) host.events.splice(i, 1);
        },
      };
    };
    GEH.remove = function (this: any, handler: (a: unknown) => unknown) {
      const i = host.events.findIndex((e) => e.handler === handler && e.event === `on${this.m_name}`);
      if (i >= 0) host.events.splice(i, 1);
    };
  }

  // syncs: the add-in's own context.sync() calls; Excel.run's closing flush is not one of them.
  const proto = OE.ClientRequestContext.prototype;
  const realSync = proto.sync;
  proto.sync = function (this: any, passThrough?: unknown) {
    if (this.__excelHostClosing) this.__excelHostClosing = false;
    else stats.syncs++;
    return realSync.call(this, passThrough);
  };
  const realRun = lib.Excel.run;
  lib.Excel.run = function (...args: unknown[]) {
    stats.runs++;
    const i = args.findIndex((a) => typeof a === "function");
    if (i >= 0) {
      const batch = args[i] as (ctx: any) => unknown;
      args[i] = (ctx: any) => {
        const out = batch(ctx) as Promise<unknown> | undefined;
        if (!out || typeof out.then !== "function") return out;
        return out.then((v) => {
          ctx.__excelHostClosing = true;
          return v;
        });
      };
    }
    return realRun.apply(this, args);
  };

  const resetStats = fake.resetStats.bind(fake);
  const result: ExcelHost = Object.assign(Object.create(null), fake, {
    Excel: lib.Excel,
    OfficeExtension: lib.OfficeExtension,
    server,
    requests: recorded,
    recordRequests(on: boolean) {
      recording = on;
    },
    failAtAction(n: number, error: { code?: string; message?: string } = {}) {
      const code = error.code ?? "GeneralException";
      server.failure = { at: server.actionsSeen + n, code, message: error.message ?? "There was an internal error while processing the request." };
    },
    resetStats() {
      resetStats();
      Object.assign(stats, extra());
    },
    reset() {
      fake.reset();
      Object.assign(stats, extra());
      server.references.clear();
      server.failure = null;
    },
  });
  Object.defineProperty(result, "actionsSeen", { get: () => server.actionsSeen, enumerable: true });
  Object.defineProperty(result, "workbook", { get: () => fake.workbook, enumerable: true });
  Object.defineProperty(result, "createdWorkbooks", { get: () => fake.createdWorkbooks, enumerable: true });
  Object.defineProperty(result, "requirementSets", { get: () => fake.requirementSets, enumerable: true });
  return result;
}

export interface InstalledExcelHost extends ExcelHost {
  /** Restores the globals that were there before installExcelHost. */
  uninstall(): void;
}

export function installExcelHostWith(lib: OfficeLibrary, target: any, options: ExcelHostOptions = {}): InstalledExcelHost {
  return installGlobals(target, createExcelHostWith(lib, options));
}
