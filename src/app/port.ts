/**
 * The workbook port: what every use case needs from a host (the live workbook through Office.js,
 * an .xlsx file through exceljs, the page on a file). A host reads the product's sheets into a
 * host-neutral snapshot and applies a layout atomically; it never reads, overwrites or deletes a
 * sheet the product does not own.
 */
import type { Message } from "../core/message";
import type { SheetRole, WorkbookLayout } from "../layout/types";

/** A cell's value as Excel reports it: dates are serial numbers, errors their text ("#N/A"), empty "". */
export type SnapshotValue = string | number | boolean;

export interface SheetSnapshot {
  name: string;
  /** The product's role, from the sheet's owner marker; null for a person's sheet. */
  role: SheetRole | null;
  /**
   * A product sheet's cells from A1, row by row (0-based); rows may be ragged and a missing cell is
   * empty (""). A person's sheet is never read: no rows.
   */
  values: SnapshotValue[][];
  /** Same shape: the formula as Excel shows it ("=CCHC.RATE(…)"), or null for a constant. */
  formulas: Array<Array<string | null>>;
}

export interface WorkbookSnapshot {
  /** Every sheet, in tab order. */
  sheets: SheetSnapshot[];
}

export interface ApplyProgress extends Message {
  /** 0..1 */
  fraction: number;
}

export interface ApplyOptions {
  signal?: AbortSignal;
  onProgress?: (p: ApplyProgress) => void;
  /** The sheet to show when done (a layout sheet's name); false leaves the selection alone. */
  activate?: string | false;
}

export interface ApplyResult {
  /** The layout's sheets, as written. */
  sheets: string[];
  /** The product's sheets that were replaced. */
  replaced: string[];
  /** A person's sheets whose name the layout needed, renamed aside (never deleted). */
  renamedAside: Array<{ from: string; to: string }>;
  /** Features the host could not write (an older Excel), with how many items were left out. */
  skipped: Array<Message & { feature: string; requirement: string; count: number }>;
  messages: Message[];
}

export interface WorkbookPort<R extends ApplyResult = ApplyResult> {
  read(): Promise<WorkbookSnapshot>;
  /**
   * Writes the layout's sheets (and workbook names), replacing the product's sheets of the same
   * names and leaving every other sheet alone; all or nothing: on failure the workbook is as it was.
   */
  apply(layout: WorkbookLayout, options?: ApplyOptions): Promise<R>;
}
