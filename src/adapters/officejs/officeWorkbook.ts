/**
 * The live workbook behind the workbook port (Office.js). Reading takes three syncs whatever the
 * size (sheet names, owner markers, the used ranges of the sheets readsSheet allows); applying is
 * the atomic renderer (src/render/officejs/render.ts, five syncs).
 */
import type { WorkbookLayout } from "../../layout/types";
import type { ApplyOptions, SnapshotValue, WorkbookPort, WorkbookSnapshot } from "../../app/port";
import { readsSheet, sheetSnapshot } from "../../layout/snapshot";
import { markerRole, renderLayout, type RenderOptions, type RenderResult } from "../../render/officejs/render";
import { OWNER_MARKER_NAME, type SheetRole } from "../../layout/types";
import { CchcError } from "../../core/errors";

export type OfficeWorkbookOptions = Pick<RenderOptions, "capabilities" | "token" | "maxBatchBytes">;

/** The product sheets of the workbook of `context` as a snapshot. Three syncs. */
export async function readSnapshot(context: Excel.RequestContext): Promise<WorkbookSnapshot> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const markers = sheets.items.map((ws) => ws.names.getItemOrNullObject(OWNER_MARKER_NAME).load("value"));
  await context.sync();
  const roles = markers.map((m) => (m.isNullObject ? null : (markerRole(m.value) as SheetRole | null)));
  const used = sheets.items.map((ws, i) => (readsSheet(ws.name, roles[i]) ? ws.getUsedRangeOrNullObject().load("values,formulas,rowIndex,columnIndex") : null));
  await context.sync();
  return {
    sheets: sheets.items.map((ws, i) => {
      const r = used[i];
      if (!r || r.isNullObject) return sheetSnapshot(ws.name, roles[i], [], []);
      // A text cell's "formula" is its text: only a formula shows something other than its value.
      const formulas = r.formulas.map((row, y) => row.map((f, x) => (typeof f === "string" && f !== r.values[y][x] ? f : null)));
      return sheetSnapshot(ws.name, roles[i], r.values as SnapshotValue[][], formulas, r.rowIndex, r.columnIndex);
    }),
  };
}

/**
 * A read that failed: nothing was written, and nothing is rebuilt from a partial read (a report's
 * typed texts would be lost), so the operation stops here and says so.
 */
function unreadable(cause: unknown): CchcError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new CchcError("workbook-unreadable", {
    vi: `Không đọc được sổ (${why}), nên chưa thay đổi gì trong sổ. Hãy thử lại; nếu vẫn lỗi, lưu sổ, đóng và mở lại rồi thử lại.`,
    en: `Could not read the workbook (${why}), so nothing in it was changed. Try again; if it still fails, save, close and reopen the workbook, then try again.`,
  });
}

/** The live workbook as a port; every call is its own Excel.run batch. */
export function officeWorkbook(options: OfficeWorkbookOptions = {}): WorkbookPort<RenderResult> {
  return {
    read: () => Excel.run((context) => readSnapshot(context)).catch((e: unknown) => {
      throw e instanceof CchcError ? e : unreadable(e);
    }),
    apply: (layout: WorkbookLayout, o: ApplyOptions = {}) =>
      Excel.run((context) => renderLayout(context, layout, { ...options, signal: o.signal, activate: o.activate, onProgress: o.onProgress })),
  };
}
