import type { Capabilities } from "../render/officejs/capabilities";

/** What a file written with exceljs holds: every feature, with the formulas the command writes (=CCHC.* with cached values). */
export const FILE_CAPS: Capabilities = {
  excelApiMinor: 0, conditionalFormats: true, suspendCalculation: false, freezePanes: true, tabColor: true, chartSeries: true, dataValidation: true,
  createWorkbook: true, pageLayout: true, mergedAreas: true, customFunctions: true, sharedRuntime: true, formulaMode: "custom", inOffice: false,
};
