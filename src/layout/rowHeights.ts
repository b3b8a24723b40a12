/**
 * Row heights for wrapped text. Neither Excel nor LibreOffice grows a row to fit wrapped text in
 * a file written by a library, so the layout estimates the height once for both renderers.
 */
import { parseAddress } from "./address";
import { STYLES } from "./styles";
import type { SheetLayout } from "./types";

const LINE_HEIGHT = 15.5; // points per line of 12 pt Times New Roman
const MAX_LINES = 12;

/** Lines a text needs in a column `width` characters wide (Excel's width unit ≈ one digit). */
export function linesFor(text: string, width: number): number {
  const usable = Math.max(1, width * 1.15 - 1);
  return String(text)
    .split("\n")
    .reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / usable)), 0);
}

/** The height in points of a row of `lines` lines of text (capped at MAX_LINES). */
export function heightForLines(lines: number): number {
  return Math.min(lines, MAX_LINES) * LINE_HEIGHT;
}

/** 0-based row index → height in points, for table rows whose wrapped text needs more than one line. */
export function estimatedRowHeights(sheet: SheetLayout): Record<number, number> {
  const heights: Record<number, number> = {};
  for (const table of sheet.tables) {
    const origin = parseAddress(table.origin);
    table.rows.forEach((row, r) => {
      let lines = 1;
      row.forEach((cell, c) => {
        const column = table.columns[c];
        const style = STYLES[cell.style ?? column?.style ?? "text"];
        if (!column || !style.wrap || typeof cell.v !== "string" || !cell.v) return;
        lines = Math.max(lines, linesFor(cell.v, column.width));
      });
      if (lines > 1) heights[origin.row + 1 + r] = heightForLines(lines);
    });
  }
  return heights;
}
