/**
 * Browser entry of the Excel host (bundled by build-browser.js as the global `ExcelHost`). Load
 * Microsoft's excel-web-16.00(.debug).js first, then this bundle: if `window.__EXCEL_HOST_OPTIONS__`
 * is set, the library already on the page is wired to the simulator running in the page, and the
 * shell's Office/CustomFunctions/OfficeRuntime are installed (`window.__fakeExcel` is the host).
 */
import { createExcelHostWith, installExcelHostWith, type OfficeLibrary } from "./host";

export { createExcelHostWith, installExcelHostWith };

declare const window: any;

/** The library loaded by a <script> on this page. */
export function pageLibrary(): OfficeLibrary {
  if (!window.Excel || !window.OfficeExtension) throw new Error("excelHost: load excel-web-16.00.js before the host bundle");
  return { Excel: window.Excel, OfficeExtension: window.OfficeExtension, window };
}

if (typeof window !== "undefined" && window.__EXCEL_HOST_OPTIONS__ && !window.__fakeExcel) {
  installExcelHostWith(pageLibrary(), window, window.__EXCEL_HOST_OPTIONS__);
}
