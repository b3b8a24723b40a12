/**
 * The workbook the page works on: bytes held in memory, never sent anywhere. Every operation
 * replaces them with the updated workbook, which the person downloads ("Tải sổ Excel về máy").
 * Small on purpose (initial bundle): no exceljs here.
 */
export interface FileWorkbook {
  name: string;
  bytes: Uint8Array;
  /** Changed since it was opened or downloaded. */
  changed: boolean;
}

let current: FileWorkbook | null = null;
const listeners = new Set<() => void>();

export function currentWorkbook(): FileWorkbook | null {
  return current;
}

export function setWorkbook(next: FileWorkbook | null): void {
  current = next;
  for (const l of listeners) l();
}

export function onWorkbookChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
