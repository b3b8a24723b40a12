/**
 * What the running Excel can do. The add-in's floor is ExcelApi 1.4 (Excel 2019 and later, Mac
 * 15.36+, the web; Excel 2016 for Windows has only 1.1 and never loads the pane, see README
 * "Which Excel runs the add-in"); every API above it is used only when `isSetSupported` says so,
 * and what was skipped is reported to the user (see `SkippedFeature`).
 *
 * Excel 2019 perpetual has neither custom functions nor the shared runtime: there the
 * workbook is built with FormulaMode "native" (built-in functions, computed values) instead of
 * `=CCHC.*`.
 */
import type { FormulaMode } from "../../layout/model";

export interface Capabilities {
  /** Highest ExcelApi 1.x minor version reported as supported (4 = 1.4). 0 when below the floor. */
  excelApiMinor: number;
  /** ExcelApi 1.6: conditional formats, suspendApiCalculationUntilNextSync. */
  conditionalFormats: boolean;
  suspendCalculation: boolean;
  /** ExcelApi 1.7: freeze panes, tab colour, chart series API, NamedItem.formula setter. */
  freezePanes: boolean;
  tabColor: boolean;
  chartSeries: boolean;
  /** ExcelApi 1.8: data validation, Excel.createWorkbook. */
  dataValidation: boolean;
  createWorkbook: boolean;
  /** ExcelApi 1.9: page layout (orientation, fit to width, print titles, footers). */
  pageLayout: boolean;
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject (merged areas of a selection). */
  mergedAreas: boolean;
  /** CustomFunctionsRuntime 1.1 and SharedRuntime 1.1: `=CCHC.*` can run beside the pane. */
  customFunctions: boolean;
  sharedRuntime: boolean;
  /** "custom" only when both of the above hold. */
  formulaMode: FormulaMode;
  /** Whether Office was there at all (false in a plain browser). */
  inOffice: boolean;
}

export type Feature = "conditionalFormats" | "freezePanes" | "tabColor" | "hyperlinks" | "dataValidation" | "createWorkbook" | "pageLayout" | "mergedAreas" | "customFunctions";

/** The requirement set each gated feature needs. */
export const FEATURE_SETS: Record<Feature, { set: string; version: string; vi: string; en: string }> = {
  conditionalFormats: { set: "ExcelApi", version: "1.6", vi: "Định dạng có điều kiện (tô màu ô thiếu chủ trì, quá hạn…)", en: "Conditional formatting (highlighting missing owners, overdue rows…)" },
  freezePanes: { set: "ExcelApi", version: "1.7", vi: "Cố định dòng tiêu đề (freeze panes)", en: "Frozen header rows (freeze panes)" },
  tabColor: { set: "ExcelApi", version: "1.7", vi: "Màu thẻ trang tính", en: "Sheet tab colours" },
  hyperlinks: { set: "ExcelApi", version: "1.7", vi: "Siêu liên kết ở cột Vị trí của trang Kiểm tra (ghi bằng hàm =HYPERLINK thay thế, bấm vào vẫn đến ô cần sửa)", en: "Hyperlinks in the Kiểm tra sheet's Vị trí column (written as =HYPERLINK formulas instead; clicking still goes to the cell)" },
  dataValidation: { set: "ExcelApi", version: "1.8", vi: "Danh sách chọn và kiểm tra dữ liệu nhập (data validation)", en: "Drop-down lists and input checks (data validation)" },
  createWorkbook: { set: "ExcelApi", version: "1.8", vi: "Mở tệp xuất thành sổ Excel mới (sẽ tải tệp về thay thế)", en: "Opening the export as a new workbook (a download is offered instead)" },
  pageLayout: { set: "ExcelApi", version: "1.9", vi: "Thiết lập trang in (A4 ngang, vừa một trang ngang, lặp tiêu đề, số trang)", en: "Print setup (A4 landscape, fit to one page wide, repeated titles, page numbers)" },
  mergedAreas: { set: "ExcelApi", version: "1.13", vi: "Đọc ô gộp của vùng đang chọn", en: "Reading merged cells of the selection" },
  customFunctions: { set: "SharedRuntime", version: "1.1", vi: "Hàm =CCHC.* (dùng công thức Excel sẵn có thay thế)", en: "=CCHC.* functions (built-in Excel formulas are used instead)" },
};

interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

function requirementsOf(officeGlobal: unknown): RequirementsLike | null {
  const office = officeGlobal as { context?: { requirements?: RequirementsLike } } | undefined;
  const req = office?.context?.requirements;
  return req && typeof req.isSetSupported === "function" ? req : null;
}

/** Reads the host's requirement sets. Pass `Office` (or nothing to use the global one). */
export function detectCapabilities(officeGlobal: unknown = (globalThis as { Office?: unknown }).Office): Capabilities {
  const req = requirementsOf(officeGlobal);
  const has = (name: string, version: string) => {
    if (!req) return false;
    try {
      return Boolean(req.isSetSupported(name, version));
    } catch {
      return false;
    }
  };
  let minor = 0;
  for (let m = 1; m <= 20; m++) {
    if (has("ExcelApi", `1.${m}`)) minor = m;
    else if (m > 4) break;
  }
  const customFunctions = has("CustomFunctionsRuntime", "1.1");
  const sharedRuntime = has("SharedRuntime", "1.1");
  return {
    excelApiMinor: minor,
    conditionalFormats: minor >= 6,
    suspendCalculation: minor >= 6,
    freezePanes: minor >= 7,
    tabColor: minor >= 7,
    chartSeries: minor >= 7,
    dataValidation: minor >= 8,
    createWorkbook: minor >= 8,
    pageLayout: minor >= 9,
    mergedAreas: minor >= 13,
    customFunctions,
    sharedRuntime,
    formulaMode: customFunctions && sharedRuntime ? "custom" : "native",
    inOffice: Boolean(req),
  };
}

/** Everything available: for tests and the CLI-side reasoning. */
export const FULL_CAPABILITIES: Capabilities = {
  excelApiMinor: 17, conditionalFormats: true, suspendCalculation: true, freezePanes: true, tabColor: true, chartSeries: true,
  dataValidation: true, createWorkbook: true, pageLayout: true, mergedAreas: true, customFunctions: true, sharedRuntime: true,
  formulaMode: "custom", inOffice: true,
};

/** Features the host lacks, in the order the pane lists them. */
export function missingFeatures(caps: Capabilities): Feature[] {
  const out: Feature[] = [];
  if (!caps.conditionalFormats) out.push("conditionalFormats");
  if (!caps.freezePanes) out.push("freezePanes");
  if (!caps.tabColor) out.push("tabColor");
  if (!caps.dataValidation) out.push("dataValidation");
  if (!caps.createWorkbook) out.push("createWorkbook");
  if (!caps.pageLayout) out.push("pageLayout");
  if (!caps.mergedAreas) out.push("mergedAreas");
  if (caps.formulaMode === "native") out.push("customFunctions");
  return out;
}
