/**
 * The browser bundle: Microsoft's library loaded as a plain script, then the host bundle, in one
 * fresh global scope (as in the pane's page, no Node): window.__EXCEL_HOST_OPTIONS__ installs it.
 */
import * as vm from "node:vm";
import { readFileSync } from "node:fs";
import { join } from "node:path";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { buildExcelHostBundle, officeLibrarySource } = require("./build-browser.js");

test("excel-web-16.00.debug.js + the bundle run in a bare window: Excel.run reaches the simulator", async () => {
  const out = buildExcelHostBundle(join(__dirname, "../../test-output/excel-host.test-build.js"));
  const win: any = {
    setTimeout, clearTimeout, console, navigator: { userAgent: "test" }, location: { href: "https://localhost/taskpane.html", search: "", hash: "", protocol: "https:", host: "localhost", hostname: "localhost" },
    document: { readyState: "complete", cookie: "", addEventListener() {}, getElementsByTagName: () => [], createElement: () => ({ style: {}, setAttribute() {} }) },
    __EXCEL_HOST_OPTIONS__: { displayLanguage: "vi-VN", requirementSets: "excel2019" },
  };
  win.window = win;
  win.self = win;
  vm.createContext(win);
  vm.runInContext(officeLibrarySource(), win);
  vm.runInContext(readFileSync(out, "utf8"), win);
  const result = await vm.runInContext(
    `Excel.run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      r.values = [["xin chào"]];
      r.load("values");
      await context.sync();
      return JSON.stringify({ v: r.values, lang: Office.context.displayLanguage, api13: Office.context.requirements.isSetSupported("ExcelApi", "1.13"), requests: __fakeExcel.stats.requests, real: typeof OfficeExtension.HttpUtility.setCustomSendRequestFunc });
    })`,
    win,
  );
  expect(JSON.parse(result)).toEqual({ v: [["xin chào"]], lang: "vi-VN", api13: false, requests: 1, real: "function" });
});
