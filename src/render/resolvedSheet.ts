/**
 * How a layout sheet looks, decided once for both renderers: every cell's font, fill, borders,
 * alignment and wrap; column widths, row heights, frozen panes; print setup with margins and
 * footer; the rules of each data validation. `exceljs.ts` (files) and `officejs/` (the live
 * workbook) only translate this into their API, so the two hosts cannot drift apart. Number
 * formats are decided in cellValues.ts (cellNumberFormat), also once for both.
 */
import { FONT_NAME, FONT_SIZE, STYLES, type StyleSpec } from "../layout/styles";
import { columnIndex, parseRange } from "../layout/address";
import { estimatedRowHeights } from "../layout/rowHeights";
import type { Cell, ColumnLayout, SheetLayout, TableLayout, ValidationLayout } from "../layout/types";

export const BORDER_COLOR = "#808080";
const DEFAULT_FONT_COLOR = "#000000";

/** One cell's formatting with every property decided (no "whatever the host defaults to"). */
export interface CellFormat {
  font: { name: string; size: number; bold: boolean; italic: boolean; underline: boolean; color: string };
  /** Solid fill colour "#RRGGBB", or null for none. */
  fill: string | null;
  horizontal: "general" | "left" | "center" | "right";
  vertical: "top" | "center" | "bottom";
  wrap: boolean;
  /** Thin grey (BORDER_COLOR) lines on all four edges. */
  border: boolean;
}

export function cellFormat(s: StyleSpec): CellFormat {
  return {
    font: { name: FONT_NAME, size: s.size ?? FONT_SIZE, bold: Boolean(s.bold), italic: Boolean(s.italic), underline: Boolean(s.underline), color: s.color ?? DEFAULT_FONT_COLOR },
    fill: s.fill ?? null,
    horizontal: s.horizontal ?? "general",
    vertical: s.vertical ?? "bottom",
    wrap: Boolean(s.wrap),
    border: Boolean(s.border),
  };
}

/** A table's header cells. */
export const HEADER_SPEC: StyleSpec = STYLES.header;
/** What every table body cell has under its own style: a grid line and text from the top. */
const BODY_BASE: StyleSpec = { border: true, vertical: "top" };

/** A table body cell's style key: its own, else its column's, else plain text. */
export function bodyStyleKey(column: ColumnLayout, cell: Cell | undefined) {
  return cell?.style ?? column.style ?? "text";
}

/** A table body cell's style (the blank row of an empty table too: `cell` undefined). */
export function bodySpec(column: ColumnLayout, cell: Cell | undefined): StyleSpec {
  return { ...BODY_BASE, ...STYLES[bodyStyleKey(column, cell)] };
}

/** A free cell's style: its own, or none (the sheet's font only). */
export function freeSpec(cell: Cell | undefined): StyleSpec {
  return cell?.style ? STYLES[cell.style] : {};
}

/** A table's look: its style (Excel's built-in table styles), banded rows, a header row with filter buttons. */
export function tableLook(table: TableLayout): { style: string; bandedRows: true } {
  return { style: table.style ?? "TableStyleMedium2", bandedRows: true };
}

/** The rows an empty table still shows: one blank row, as Excel needs. */
export function bodyRows(table: TableLayout): Array<Array<Cell | undefined>> {
  return table.rows.length ? table.rows : [table.columns.map(() => undefined)];
}

/** Excel column width in characters (the layout's and the file's unit) → points (Office.js's unit). */
export function widthToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return Math.round(px * 0.75 * 100) / 100;
}

/** Inches (a file's margins) → points (Office.js's), to the hundredth. */
export function inchesToPoints(inches: number): number {
  return Math.round(inches * 72 * 100) / 100;
}

export interface PrintSetup {
  paperSize: "A4";
  orientation: "landscape" | "portrait";
  /** Fit to this many pages wide, the height left automatic; null: print at 100 %. */
  fitToPagesWide: number | null;
  /** Rows repeated on each page, "$4:$4"; null for none. */
  titleRows: string | null;
  /** In inches (a file's unit; Office.js takes points: inchesToPoints). */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** The centre footer ("Trang 1/3"), in Excel's header/footer codes; null for none. */
  centerFooter: string | null;
}

export interface ResolvedSheet {
  /** Columns with a width (characters), left to right: a table column's width unless the sheet sets its own. */
  columns: Array<{ index: number; width: number; hidden: boolean }>;
  /** Heights fixed by the layout, points by 0-based row. */
  rowHeights: Record<number, number>;
  /**
   * Table bodies whose rows are as tall as their wrapped text (0-based rows). A host that measures
   * text fits them (Office.js autofitRows); a file cannot, and gets `estimatedHeights` instead
   * (neither Excel nor LibreOffice grows a row when opening a file).
   */
  fittedRows: Array<{ first: number; last: number }>;
  estimatedHeights: Record<number, number>;
  /** Rows × columns from A1 that carry content: the sheet's font covers them. */
  extent: { rows: number; cols: number };
  freeze: { rows: number; columns: number } | null;
  print: PrintSetup;
}

export function resolveSheet(sheet: SheetLayout): ResolvedSheet {
  const widths = new Map<number, { width: number; hidden: boolean }>();
  for (const t of sheet.tables) {
    const { c1 } = parseRange(t.origin);
    t.columns.forEach((c, i) => widths.set(c1 + i, { width: c.width, hidden: Boolean(c.hidden) }));
  }
  for (const [letter, width] of Object.entries(sheet.widths ?? {})) {
    const index = columnIndex(letter);
    widths.set(index, { width, hidden: widths.get(index)?.hidden ?? false });
  }
  const fittedRows = sheet.tables.map((t) => {
    const { r1 } = parseRange(t.origin);
    return { first: r1 + 1, last: r1 + bodyRows(t).length };
  });
  const freeze = sheet.freeze && (sheet.freeze.rows || sheet.freeze.columns) ? { ...sheet.freeze } : null;
  return {
    columns: [...widths].sort((a, b) => a[0] - b[0]).map(([index, w]) => ({ index, ...w })),
    rowHeights: { ...sheet.rowHeights },
    fittedRows,
    estimatedHeights: estimatedRowHeights(sheet),
    extent: sheetExtent(sheet),
    freeze,
    print: {
      paperSize: "A4",
      orientation: sheet.print.orientation,
      fitToPagesWide: sheet.print.fitToWidth ? 1 : null,
      titleRows: sheet.print.titleRows ?? null,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      centerFooter: sheet.print.pageNumbers ? "Trang &P/&N" : null,
    },
  };
}

function sheetExtent(sheet: SheetLayout): { rows: number; cols: number } {
  let rows = 0;
  let cols = 0;
  const grow = (r: number, c: number) => {
    rows = Math.max(rows, r + 1);
    cols = Math.max(cols, c + 1);
  };
  for (const a1 of Object.keys(sheet.cells)) {
    const { r1, c1 } = parseRange(a1);
    grow(r1, c1);
  }
  for (const t of sheet.tables) {
    const { r1, c1 } = parseRange(t.origin);
    grow(r1 + bodyRows(t).length, c1 + t.columns.length - 1);
  }
  for (const m of sheet.merges) {
    const { r2, c2 } = parseRange(m);
    grow(r2, c2);
  }
  return { rows, cols };
}

/** A data validation with its defaults decided: blanks allowed, the alert shown, texts within Excel's limits. */
export interface ValidationRule {
  type: ValidationLayout["type"];
  /** list: a formula without "=" ('Đơn vị'!$A$5:$A$40) or the values joined by commas. */
  list?: { formula: string } | { values: string };
  /** date and decimal: the value must be at least this (ISO date, or a number). */
  minimum?: string | number;
  ignoreBlanks: true;
  errorStyle: ValidationLayout["errorStyle"];
  /** Excel keeps at most 32 characters of an alert's title and 255 of its message or a prompt. */
  errorTitle: string;
  errorMessage: string;
  prompt: string | null;
}

export function validationRule(v: ValidationLayout): ValidationRule {
  return {
    type: v.type,
    ...(v.type === "list"
      ? { list: v.source ? { formula: v.source.replace(/^=/, "") } : { values: (v.values ?? []).join(",") } }
      : { minimum: v.type === "date" ? "1900-01-01" : 0 }),
    ignoreBlanks: true,
    errorStyle: v.errorStyle,
    errorTitle: (v.errorTitle ?? "").slice(0, 32),
    errorMessage: (v.errorMessage ?? "").slice(0, 255),
    prompt: v.prompt ? v.prompt.slice(0, 255) : null,
  };
}
