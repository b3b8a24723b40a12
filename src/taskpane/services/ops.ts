/**
 * What the pane's buttons do, against the live workbook: the application's operations
 * (src/app/operations.ts, the same as the page on a file) on the Office.js host. Loaded on demand
 * (a separate chunk); exceljs and the appendix readers load further down only when asked for.
 */
import { createOperations, noPlan, type ImportPreview } from "../../app/operations";
import { paneHost } from "../../adapters/officejs/paneHost";

export type { ImportPreview };
export { noPlan };

export const {
  readWorkbookState, previewImport, applyImport, runChecks, watchPlanEdits, goToCell, activityAtSelection, addLogEntry, buildReport,
  exportForDistrict, describeCommuneFiles, rollupCommunes, saveSettings,
} = createOperations(paneHost);
