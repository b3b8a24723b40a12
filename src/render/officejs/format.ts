/**
 * The layout's style palette applied to Office.js ranges, and the per-cell value/number-format
 * pair both written in one batch. Semantics mirror `src/render/exceljs.ts`:
 *  - a table body cell gets STYLES[cell.style ?? column.style ?? "text"] on top of
 *    { border, vertical: "top" }; the header row gets STYLES.header;
 *  - a free cell gets STYLES[cell.style] (or nothing);
 *  - a link cell becomes a HYPERLINK formula to "#<target>" (works at ExcelApi 1.1, and a whole
 *    column of links is one write instead of one Range.hyperlink per cell);
 *  - text longer than Excel's 32,767 characters per cell is cut, ending in "… [cắt bớt]"
 *    (storedValue → fitCellText): Excel rejects a longer value written through Range.values.
 */
import { FONT_NAME, FONT_SIZE, STYLES, type StyleSpec } from "../../layout/styles";
import type { Cell, StyleKey } from "../../layout/types";
import { cellNumberFormat, storedValue, usesCustomFunctions } from "../cellValues";
import { formulaLiteral, safeText } from "./text";

export const BORDER_COLOR = "#808080";
export const DEFAULT_FONT_COLOR = "#000000";

export function styleSpec(key: StyleKey | undefined, base?: StyleSpec): StyleSpec {
  return { ...base, ...(key ? STYLES[key] : {}) };
}

export interface CellWrite {
  /** What goes into Range.formulas (constants are written as themselves). */
  value: string | number | boolean;
  numberFormat: string;
  formula: boolean;
  /** A CCHC.* formula replaced by its computed value because the host has no custom functions. */
  frozen?: boolean;
}

export interface CellWriteOptions {
  rewrite: (formula: string) => string;
  /** false: CCHC.* formulas are written as their computed values. */
  customFunctions: boolean;
}

/** How one layout cell is written: the value (or "=formula") and the number format set before it. */
export function cellWrite(cell: Cell | undefined, spec: StyleSpec, opts: CellWriteOptions): CellWrite {
  if (!cell) return { value: "", numberFormat: cellNumberFormat(cell, spec), formula: false };
  if (cell.f) {
    if (opts.customFunctions || !usesCustomFunctions(cell.f)) {
      return { value: `=${opts.rewrite(cell.f)}`, numberFormat: cellNumberFormat(cell, spec), formula: true };
    }
    const frozen = cellWrite({ ...cell, f: undefined }, spec, opts);
    return { ...frozen, frozen: true };
  }
  const v = storedValue(cell);
  const numberFormat = cellNumberFormat(cell, spec);
  if (cell.link && typeof v === "string") {
    return { value: `=HYPERLINK(${formulaLiteral(`#${cell.link}`)},${formulaLiteral(v)})`, numberFormat, formula: true };
  }
  if (typeof v === "string") return { value: safeText(v), numberFormat, formula: false };
  return { value: v ?? "", numberFormat, formula: false };
}

/** Applies a full style (every property written, so an override replaces the column's style). */
export function applyFormat(range: Excel.Range, s: StyleSpec): void {
  const f = range.format;
  f.font.name = FONT_NAME;
  f.font.size = s.size ?? FONT_SIZE;
  f.font.bold = Boolean(s.bold);
  f.font.italic = Boolean(s.italic);
  f.font.color = s.color ?? DEFAULT_FONT_COLOR;
  f.font.underline = s.underline ? "Single" : "None";
  if (s.fill) f.fill.color = s.fill;
  else f.fill.clear();
  f.wrapText = Boolean(s.wrap);
  f.horizontalAlignment = s.horizontal === "left" ? "Left" : s.horizontal === "center" ? "Center" : s.horizontal === "right" ? "Right" : "General";
  f.verticalAlignment = s.vertical === "top" ? "Top" : s.vertical === "center" ? "Center" : "Bottom";
}

const BORDER_ITEMS = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal"] as const;

/** Thin grey borders around and inside a block (one range, six border items). */
export function applyGrid(range: Excel.Range, inside: { vertical: boolean; horizontal: boolean }): void {
  for (const item of BORDER_ITEMS) {
    if (item === "InsideVertical" && !inside.vertical) continue;
    if (item === "InsideHorizontal" && !inside.horizontal) continue;
    const b = range.format.borders.getItem(item);
    b.style = "Continuous";
    b.weight = "Thin";
    b.color = BORDER_COLOR;
  }
}

/** Excel column width in characters (as exceljs and the layout give it) → points for Office.js. */
export function widthToPoints(chars: number): number {
  const px = Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7);
  return Math.round(px * 0.75 * 100) / 100;
}
