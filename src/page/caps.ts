import type { Capabilities } from "../render/officejs/capabilities";

/**
 * What a file written with exceljs holds: every feature. Its formulas are Excel's built-in ones
 * (`cchc import --formulas native`): the page is for people without the add-in, and =CCHC.* would
 * show #NAME? in their Excel once it recalculates. A workbook made by the add-in keeps its own.
 */
export const FILE_CAPS: Capabilities = {
  excelApiMinor: 0, conditionalFormats: true, suspendCalculation: false, freezePanes: true, tabColor: true, chartSeries: true, dataValidation: true,
  createWorkbook: true, pageLayout: true, mergedAreas: true, customFunctions: true, sharedRuntime: true, formulaMode: "native", inOffice: false,
};
