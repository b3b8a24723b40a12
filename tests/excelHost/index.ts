/**
 * Microsoft's Office.js Excel client against our workbook simulator, for jest (Node):
 *
 *   const host = createExcelHost({ requirementSets: "excel2016" });   // same options as createFakeExcel
 *   await host.Excel.run(async (context) => { ... });                 // the real library's Excel.run
 *   expect(host.stats.requests).toBe(2);
 *
 * Each host loads its own copy of node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js
 * into a window-like scope (the library reads its globals through `window`).
 */
import * as fs from "fs";
import * as path from "path";
import { ExcelHost, ExcelHostOptions, InstalledExcelHost, OfficeLibrary, createExcelHostWith, installExcelHostWith } from "./host";

export type { ExcelHost, ExcelHostOptions, InstalledExcelHost, ExcelHostStats } from "./host";
export { WEB_REQUEST_LIMIT } from "./host";

export const LIBRARY_PATH = path.join(__dirname, "../../node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");

let compiled: ((scope: object) => void) | null = null;

/** A fresh copy of the library in its own window-like scope; its own statics (request URL, send function). */
export function loadOfficeLibrary(): OfficeLibrary {
  if (!compiled) {
    const source = fs.readFileSync(LIBRARY_PATH, "utf8");
    // `with` makes the library's global names resolve on the fake window, as a browser would.
    compiled = new Function("__scope", `with (__scope) {\n${source}\n}`) as (scope: object) => void;
  }
  const win: Record<string | symbol, any> = {
    navigator: { userAgent: "Mozilla/5.0 (excelHost; Node)", language: "en-US" },
  };
  win.window = win;
  win.self = win;
  win.top = win;
  win.parent = win;
  win.document = {
    readyState: "complete",
    cookie: "",
    addEventListener() {},
    removeEventListener() {},
    getElementsByTagName: () => [],
    getElementById: () => null,
    createElement: () => ({ style: {}, setAttribute() {}, appendChild() {} }),
  };
  win.location = { href: "https://excelhost.invalid/taskpane.html", search: "", hash: "", protocol: "https:", host: "excelhost.invalid", hostname: "excelhost.invalid", origin: "https://excelhost.invalid" };
  win.addEventListener = () => undefined;
  win.removeEventListener = () => undefined;
  const g = globalThis as Record<string | symbol, any>;
  const scope = new Proxy(win, {
    has: (t, k) => k in t || !(k in g),
    get: (t, k) => (k in t ? t[k] : g[k]),
    set: (t, k, v) => {
      t[k] = v;
      return true;
    },
  });
  compiled(scope);
  return { Excel: win.Excel, OfficeExtension: win.OfficeExtension, window: win };
}

export function createExcelHost(options: ExcelHostOptions = {}): ExcelHost {
  return createExcelHostWith(loadOfficeLibrary(), options);
}

export function installExcelHost(target: any = globalThis, options: ExcelHostOptions = {}): InstalledExcelHost {
  return installExcelHostWith(loadOfficeLibrary(), target, options);
}
