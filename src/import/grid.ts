/**
 * The one shape every source becomes before the appendix parser sees it: a rectangle of cells
 * in grid coordinates (a Word table's w:tblGrid columns, an Excel range's columns), where a
 * merged area's text sits in its top-left cell and every other cell of the area is flagged.
 */
import type { Message } from "../core/message";

export interface GridCell {
  text: string;
  /** This cell continues a merge from above (Word vMerge continue, or an Excel merged area). */
  mergedFromAbove?: boolean;
  /** This cell continues a merge from the left (Word gridSpan, or an Excel merged area). */
  mergedFromLeft?: boolean;
}

export interface Grid {
  rows: GridCell[][];
  /** Free text lines before/around the table (document title, issuing body), for commune and year. */
  title: string[];
  source: "docx" | "xlsx" | "selection";
  /** What the reader left out (columns past the cap, …), as notes (notes.ts): parseAppendix reports them first. */
  warnings?: Message[];
}

/**
 * Size caps every reader holds a grid to (docx.ts, xlsxGrid.ts). A plan table has ~9 columns;
 * Word allows 63. The byte caps of zip.ts do not bound memory (one w:gridSpan=1000 above 60,000
 * rows, or one stray Excel cell in XFD20000, would make every row 1,000 or 16,384 cells wide):
 * - maxCols: grid columns kept; a wider span is clamped, cells past it are dropped (with a warning);
 * - maxRows: rows of an Excel sheet (the last row with a value within maxCols counts);
 * - maxCells: rows × width of one table; past it the import stops with "too-large".
 * 60,000 rows × 64 columns (3.84 million cells) is within the caps.
 */
export const GRID_LIMITS = { maxCols: 64, maxRows: 200_000, maxCells: 4_000_000 } as const;

/** A merged area, 0-based and inclusive, relative to the values array. */
export interface MergeArea {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A cell value as text, whatever the source put there: strings as they are (a string that
 * looks like a formula stays a string), numbers without float noise, dates as dd/mm/yyyy
 * (calendar date, read in UTC as exceljs and Excel serials mean it), booleans, and the
 * object shapes exceljs returns (rich text, hyperlinks, formulas with their result, errors).
 */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return String(v);
    return Number.isInteger(v) ? String(v) : String(Math.round(v * 1e10) / 1e10);
  }
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return "";
    return `${pad2(v.getUTCDate())}/${pad2(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  }
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return o.richText.map((r) => cellText((r as { text?: unknown }).text)).join("");
    if ("result" in o || "formula" in o || "sharedFormula" in o) return cellText(o.result);
    if ("text" in o) return cellText(o.text);
    if ("error" in o) return cellText(o.error);
  }
  return String(v);
}

/**
 * How an Excel range (values + merged areas) or an exceljs sheet becomes a Grid: every value
 * becomes text; a merged area's value sits in its top-left cell (whatever the source repeated
 * in the other cells is dropped), and the others are marked merged from above (rows below the
 * first) and/or from the left (columns right of the first). Areas are clipped to the values.
 *
 * From Office.js, pass `range.text` (what the user sees: "15/01/2024", "5.000.000") rather
 * than `range.values` (date serials such as 45306), and the merged areas from
 * `range.getMergedAreasOrNullObject()` (ExcelApi 1.13) through `mergesRelativeTo`. Without
 * that API the grid has no merge flags: the parser then fills objective and task cells down
 * (flattened mode) but a merged lead, deadline or budget cell only reaches its first row.
 */
export function gridFromValues(values: unknown[][], merges: MergeArea[] = [], source: Grid["source"] = "selection", title: string[] = []): Grid {
  const width = values.reduce((w, row) => Math.max(w, row ? row.length : 0), 0);
  const rows: GridCell[][] = values.map((row) => {
    const out: GridCell[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = { text: cellText(row ? row[c] : undefined) };
    return out;
  });
  for (const m of merges) {
    const r2 = Math.min(m.r2, rows.length - 1);
    const c2 = Math.min(m.c2, width - 1);
    for (let r = Math.max(0, m.r1); r <= r2; r++) {
      for (let c = Math.max(0, m.c1); c <= c2; c++) {
        if (r === m.r1 && c === m.c1) continue;
        const cell: GridCell = { text: "" };
        if (r > m.r1) cell.mergedFromAbove = true;
        if (c > m.c1) cell.mergedFromLeft = true;
        rows[r][c] = cell;
      }
    }
  }
  return { rows, title, source };
}

function colIndex(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
  return n - 1;
}

/** "Sheet1!$B$3:D5" (or "B3") → 0-based rows and columns. */
export function parseA1Range(ref: string): MergeArea {
  const body = ref.replace(/^.*!/, "").replace(/\$/g, "");
  const [a, b = a] = body.split(":");
  const pa = /^([A-Za-z]+)(\d+)$/.exec(a.trim());
  const pb = /^([A-Za-z]+)(\d+)$/.exec(b.trim());
  if (!pa || !pb) throw new Error(`Bad range address: ${ref}`);
  const r1 = Number(pa[2]) - 1, c1 = colIndex(pa[1]), r2 = Number(pb[2]) - 1, c2 = colIndex(pb[1]);
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}

/**
 * For the Office.js selection reader: merged areas given as A1 addresses (from
 * `range.getMergedAreasOrNullObject().areas`) made relative to the selected range's address,
 * ready for `gridFromValues(range.values, mergesRelativeTo(range.address, areaAddresses))`.
 */
export function mergesRelativeTo(rangeAddress: string, areaAddresses: string[]): MergeArea[] {
  const base = parseA1Range(rangeAddress);
  return areaAddresses.map((a) => {
    const m = parseA1Range(a);
    return { r1: m.r1 - base.r1, c1: m.c1 - base.c1, r2: m.r2 - base.r1, c2: m.c2 - base.c1 };
  });
}

/** The grid's text as plain rows (merged cells empty), for tests and debugging. */
export function gridTexts(grid: Pick<Grid, "rows">): string[][] {
  return grid.rows.map((r) => r.map((c) => c.text));
}
