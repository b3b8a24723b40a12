/** A1 address arithmetic, 0-based indexes. */

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function address(row: number, col: number, absolute = false): string {
  return absolute ? `$${columnLetter(col)}$${row + 1}` : `${columnLetter(col)}${row + 1}`;
}

export function parseAddress(a1: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(a1.trim());
  if (!m) throw new Error(`Bad cell address: ${a1}`);
  return { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
}

export function rangeAddress(r1: number, c1: number, r2: number, c2: number, absolute = false): string {
  return `${address(r1, c1, absolute)}:${address(r2, c2, absolute)}`;
}

export function parseRange(ref: string): { r1: number; c1: number; r2: number; c2: number } {
  const [a, b = a] = ref.replace(/^.*!/, "").split(":");
  const p = parseAddress(a);
  const q = parseAddress(b);
  return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
}

/** "A4:A9", or "A4" when the two ends are the same cell (as Excel writes a one-cell range). */
export function span(from: string, to: string): string {
  return from === to ? from : `${from}:${to}`;
}

/** Quotes a sheet name for use in a formula: 'Kế hoạch'!A1. */
export function sheetRef(sheet: string, ref: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${ref}`;
}
