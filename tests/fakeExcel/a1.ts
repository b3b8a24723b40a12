/**
 * A1 addresses for the fake Excel host: 0-based rectangles, sheet-qualified references,
 * whole rows and columns. No imports: this file also runs in the browser bundle.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export interface ParsedRef {
  /** The sheet name as written (unquoted), when the reference names one. */
  sheet?: string;
  rect: Rect;
}

export function colLetter(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    let c = letters.charCodeAt(i);
    if (c >= 97) c -= 32;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export function cellA1(row: number, col: number, absolute = false): string {
  return absolute ? `$${colLetter(col)}$${row + 1}` : `${colLetter(col)}${row + 1}`;
}

export function isEntireColumns(r: Rect): boolean {
  return r.r1 === 0 && r.r2 === MAX_ROWS - 1;
}

export function isEntireRows(r: Rect): boolean {
  return r.c1 === 0 && r.c2 === MAX_COLS - 1;
}

/** "A1", "A1:B2", "A:C" (whole columns), "3:5" (whole rows), as Excel prints addresses. */
export function rectA1(r: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isEntireColumns(r) && !isEntireRows(r)) return `${d}${colLetter(r.c1)}:${d}${colLetter(r.c2)}`;
  if (isEntireRows(r)) return `${d}${r.r1 + 1}:${d}${r.r2 + 1}`;
  if (r.r1 === r.r2 && r.c1 === r.c2) return cellA1(r.r1, r.c1, absolute);
  return `${cellA1(r.r1, r.c1, absolute)}:${cellA1(r.r2, r.c2, absolute)}`;
}

const CELL_LIKE = /^[A-Za-z]{1,3}\d+$/;
const R1C1_LIKE = /^[Rr](\d*)([Cc](\d*))?$|^[Cc]\d*$/;

/** Whether Excel quotes this sheet name in references ('Kế hoạch'!A1 but Sheet1!A1). */
export function needsQuote(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return true;
  if (CELL_LIKE.test(name) || R1C1_LIKE.test(name)) return true;
  return false;
}

export function quoteSheet(name: string): string {
  return needsQuote(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

export function qualified(sheet: string, r: Rect, absolute = false): string {
  return `${quoteSheet(sheet)}!${rectA1(r, absolute)}`;
}

function parseCell(s: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(s);
  if (!m) return null;
  const col = colIndex(m[1]);
  const row = Number(m[2]) - 1;
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLS) return null;
  return { row, col };
}

function parseCol(s: string): number | null {
  const m = /^\$?([A-Za-z]{1,3})$/.exec(s);
  if (!m) return null;
  const c = colIndex(m[1]);
  return c >= 0 && c < MAX_COLS ? c : null;
}

function parseRow(s: string): number | null {
  const m = /^\$?(\d{1,7})$/.exec(s);
  if (!m) return null;
  const r = Number(m[1]) - 1;
  return r >= 0 && r < MAX_ROWS ? r : null;
}

const FAST_RANGE = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/;

/** Parses the part after "!": "A1", "A1:B2", "A:C", "3:5" (with optional $). */
export function parseRectText(text: string): Rect | null {
  const f = FAST_RANGE.exec(text);
  if (f) {
    const c1 = colIndex(f[1]);
    const r1 = Number(f[2]) - 1;
    const c2 = f[3] ? colIndex(f[3]) : c1;
    const r2 = f[4] ? Number(f[4]) - 1 : r1;
    if (r1 >= 0 && r2 >= 0 && r1 < MAX_ROWS && r2 < MAX_ROWS && c1 < MAX_COLS && c2 < MAX_COLS) {
      return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
    }
    return null;
  }
  const t = text.trim();
  if (!t) return null;
  const parts = t.split(":");
  if (parts.length > 2) return null;
  const [a, b = a] = parts;
  const p = parseCell(a);
  const q = parseCell(b);
  if (p && q) {
    return { r1: Math.min(p.row, q.row), c1: Math.min(p.col, q.col), r2: Math.max(p.row, q.row), c2: Math.max(p.col, q.col) };
  }
  if (parts.length === 2) {
    const c1 = parseCol(a);
    const c2 = parseCol(b);
    if (c1 !== null && c2 !== null) return { r1: 0, c1: Math.min(c1, c2), r2: MAX_ROWS - 1, c2: Math.max(c1, c2) };
    const r1 = parseRow(a);
    const r2 = parseRow(b);
    if (r1 !== null && r2 !== null) return { r1: Math.min(r1, r2), c1: 0, r2: Math.max(r1, r2), c2: MAX_COLS - 1 };
  }
  return null;
}

/**
 * Parses "Sheet1!A1:B2", "'Kế hoạch'!A:A", "A1" … Returns null when the text is not a
 * reference Excel would accept (an unquoted sheet name that needs quotes is refused, as
 * Excel refuses `Sheet-2!A1`).
 */
export function parseRef(text: string): ParsedRef | null {
  const t = text.trim();
  const bang = t.lastIndexOf("!");
  if (bang < 0) {
    const rect = parseRectText(t);
    return rect ? { rect } : null;
  }
  const sheetPart = t.slice(0, bang);
  const rect = parseRectText(t.slice(bang + 1));
  if (!rect) return null;
  let sheet: string;
  if (sheetPart.startsWith("'")) {
    if (!sheetPart.endsWith("'") || sheetPart.length < 3) return null;
    const inner = sheetPart.slice(1, -1);
    if (/(^|[^'])'([^']|$)/.test(inner.replace(/''/g, ""))) return null;
    sheet = inner.replace(/''/g, "'");
  } else {
    if (!sheetPart || needsQuote(sheetPart)) return null;
    sheet = sheetPart;
  }
  return { sheet, rect };
}

/** Comma-separated areas ("A1:B2, D4"), each possibly sheet-qualified. */
export function parseAreas(text: string): ParsedRef[] | null {
  const out: ParsedRef[] = [];
  let depth = false;
  let cur = "";
  for (const ch of text) {
    if (ch === "'") depth = !depth;
    if (ch === "," && !depth) {
      const p = parseRef(cur);
      if (!p) return null;
      out.push(p);
      cur = "";
    } else cur += ch;
  }
  const p = parseRef(cur);
  if (!p) return null;
  out.push(p);
  return out;
}

export function rectCells(r: Rect): number {
  return (r.r2 - r.r1 + 1) * (r.c2 - r.c1 + 1);
}

export function rows(r: Rect): number {
  return r.r2 - r.r1 + 1;
}

export function cols(r: Rect): number {
  return r.c2 - r.c1 + 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return { r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1), r2: Math.min(a.r2, b.r2), c2: Math.min(a.c2, b.c2) };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r1 <= inner.r1 && outer.c1 <= inner.c1 && outer.r2 >= inner.r2 && outer.c2 >= inner.c2;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r1 === b.r1 && a.c1 === b.c1 && a.r2 === b.r2 && a.c2 === b.c2;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return { r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1), r2: Math.max(a.r2, b.r2), c2: Math.max(a.c2, b.c2) };
}

/** The parts of `a` outside `b` (up to four rectangles). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const x = intersection(a, b);
  if (!x) return [a];
  const out: Rect[] = [];
  if (a.r1 < x.r1) out.push({ r1: a.r1, c1: a.c1, r2: x.r1 - 1, c2: a.c2 });
  if (x.r2 < a.r2) out.push({ r1: x.r2 + 1, c1: a.c1, r2: a.r2, c2: a.c2 });
  if (a.c1 < x.c1) out.push({ r1: x.r1, c1: a.c1, r2: x.r2, c2: x.c1 - 1 });
  if (x.c2 < a.c2) out.push({ r1: x.r1, c1: x.c2 + 1, r2: x.r2, c2: a.c2 });
  return out;
}

export function inBounds(r: Rect): boolean {
  return r.r1 >= 0 && r.c1 >= 0 && r.r2 < MAX_ROWS && r.c2 < MAX_COLS && r.r1 <= r.r2 && r.c1 <= r.c2;
}

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyRow(key: number): number {
  return Math.floor(key / MAX_COLS);
}

export function keyCol(key: number): number {
  return key % MAX_COLS;
}
