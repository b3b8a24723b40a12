/**
 * The resolved formats (../resolvedSheet.ts) applied to Office.js ranges, and the per-cell
 * value/number-format pair both written in one batch:
 *  - a link cell is its text plus a hyperlink to the target, written after the values (render.ts
 *    writeLinks), as the file has it; below ExcelApi 1.7 (no Range.hyperlink) it becomes a
 *    HYPERLINK formula to "#<target>" instead (docs/hosts.md, "Links on the Kiểm tra sheet");
 *  - text longer than Excel's 32,767 characters per cell is cut, ending in "… [cắt bớt]"
 *    (storedValue → fitCellText): Excel rejects a longer value written through Range.values.
 */
import type { StyleSpec } from "../../layout/styles";
import type { Cell } from "../../layout/types";
import { cellNumberFormat, storedValue, usesCustomFunctions } from "../cellValues";
import { BORDER_COLOR, type CellFormat } from "../resolvedSheet";
import { formulaLiteral, safeText } from "./text";

export interface CellWrite {
  /** What goes into Range.formulas (constants are written as themselves). */
  value: string | number | boolean;
  numberFormat: string;
  formula: boolean;
  /** A CCHC.* formula replaced by its computed value because the host has no custom functions. */
  frozen?: boolean;
  /** A link inside the workbook, set on the cell once its text is written (render.ts writeLinks). */
  link?: Excel.RangeHyperlink;
  /** A link written as a HYPERLINK formula, the host having no Range.hyperlink. */
  linkAsFormula?: boolean;
}

export interface CellWriteOptions {
  rewrite: (formula: string) => string;
  /** false: CCHC.* formulas are written as their computed values. */
  customFunctions: boolean;
  /** false (below ExcelApi 1.7): links are written as HYPERLINK formulas. */
  hyperlinks: boolean;
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
    if (opts.hyperlinks) return { value: safeText(v), numberFormat, formula: false, link: { documentReference: cell.link, textToDisplay: v } };
    return { value: `=HYPERLINK(${formulaLiteral(`#${cell.link}`)},${formulaLiteral(v)})`, numberFormat, formula: true, linkAsFormula: true };
  }
  if (typeof v === "string") return { value: safeText(v), numberFormat, formula: false };
  return { value: v ?? "", numberFormat, formula: false };
}

const HORIZONTAL = { general: "General", left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", center: "Center", bottom: "Bottom" } as const;

/** Applies a resolved format, every property written (so an override replaces the column's); borders: applyGrid. */
export function applyFormat(range: Excel.Range, c: CellFormat): void {
  const f = range.format;
  f.font.name = c.font.name;
  f.font.size = c.font.size;
  f.font.bold = c.font.bold;
  f.font.italic = c.font.italic;
  f.font.color = c.font.color;
  f.font.underline = c.font.underline ? "Single" : "None";
  if (c.fill) f.fill.color = c.fill;
  else f.fill.clear();
  f.wrapText = c.wrap;
  f.horizontalAlignment = HORIZONTAL[c.horizontal];
  f.verticalAlignment = VERTICAL[c.vertical];
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
