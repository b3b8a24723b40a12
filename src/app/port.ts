/**
 * The workbook port: what every use case needs from a host (the live workbook through Office.js,
 * an .xlsx file through exceljs, the page on a file). A host reads the product's sheets into a
 * host-neutral snapshot and applies a layout atomically; it never reads, overwrites or deletes a
 * sheet the product does not own.
 */
import type { Message } from "../core/message";
import type { WorkbookLayout } from "../layout/types";
import type { WorkbookSnapshot } from "../layout/snapshot";

export type { SheetSnapshot, SnapshotValue, WorkbookSnapshot } from "../layout/snapshot";

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
