/**
 * What only the task pane can do, on the live workbook (Office.js): its workbook as a port, the
 * selected range as an appendix, the selected cell, going to a cell, watching the plan sheet for
 * edits, and opening a file as a new workbook. The operations themselves are src/app's.
 */
import type { OperationsHost } from "../../app/operations";
import type { ExportOutcome } from "../../app/viewTypes";
import { PLAN_SHEET } from "../../layout/planColumns";
import type { Capabilities } from "../../render/officejs/capabilities";
import { readSelectionAddress, readSelectionGrid, selectCell } from "./selection";
import { officeWorkbook } from "./officeWorkbook";
import { blobUrl } from "../xlsx/download";
import { toBase64 } from "../../core/base64";

/**
 * Re-check after edits: calls `onEdit` when a person changes the plan sheet (ExcelApi 1.7
 * Worksheet.onChanged; a co-author's remote changes are left to their own pane, and the add-in's
 * own writes replace the sheet, so a re-check never triggers itself). Returns a function that stops
 * watching, or null where the event is not available (the pane then offers the button only).
 */
async function watchPlanEdits(caps: Capabilities, onEdit: () => void): Promise<(() => Promise<void>) | null> {
  if (caps.excelApiMinor < 7) return null;
  return Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(PLAN_SHEET);
    await ctx.sync();
    if (ws.isNullObject) return null;
    const registration = ws.onChanged.add(async (event: Excel.WorksheetChangedEventArgs) => {
      if (String(event.source) !== "Remote") onEdit();
    });
    await ctx.sync();
    return async () => {
      await Excel.run(registration.context, async (c) => {
        registration.remove();
        await c.sync();
      });
    };
  });
}

/** Opens the file as a new workbook where ExcelApi 1.8 allows; a download link in every case. */
async function deliver(file: { bytes: Uint8Array; fileName: string }, caps: Capabilities): Promise<ExportOutcome> {
  let opened = false;
  if (caps.createWorkbook) {
    try {
      await Excel.createWorkbook(toBase64(file.bytes));
      opened = true;
    } catch {
      opened = false; // Excel refused (a policy, a blocked pop-up): the download link below still works
    }
  }
  return { fileName: file.fileName, opened, url: blobUrl(file.bytes), bytes: file.bytes.length };
}

export const paneHost: OperationsHost = {
  workbook: (caps) => officeWorkbook({ capabilities: caps }),
  async readSelection(caps) {
    const read = await Excel.run((ctx) => readSelectionGrid(ctx, caps));
    return { grid: read.grid, selection: { address: read.address, mergesKnown: read.mergesKnown, merges: read.merges, warning: read.warning } };
  },
  selectedCell: () => Excel.run(async (ctx) => {
    const sel = await readSelectionAddress(ctx);
    return { sheet: sel.sheet, row: sel.row };
  }),
  goToCell: (reference) => Excel.run((ctx) => selectCell(ctx, reference)),
  watchPlanEdits,
  deliver,
};
