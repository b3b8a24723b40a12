/** What both renderers agree on when turning a layout cell into a value. */
import { excelSerialFromIso, parseIso } from "../core/dates";
import { fitCellText } from "../core/text";
import type { StyleSpec } from "../layout/styles";
import type { Cell, CellValue } from "../layout/types";

export { EXCEL_CELL_MAX_CHARS, fitCellText, TRUNCATION_MARKER } from "../core/text";

/** The value to store: dates become Excel serial numbers (no time zones involved); text fits in a cell (fitCellText). */
export function storedValue(cell: Cell): CellValue {
  const v = cell.v ?? null;
  if (cell.kind === "date" && typeof v === "string" && parseIso(v)) return excelSerialFromIso(v);
  if (typeof v === "string") return fitCellText(v);
  return v;
}

/** Custom functions are saved in files under Excel's JS-UDF prefix: CCHC.RATE → _xldudf_CCHC_RATE. */
export function fileFormula(formula: string): string {
  return formula.replace(/\bCCHC\.([A-Z]+)\(/g, "_xldudf_CCHC_$1(");
}

/** Whether a formula calls the add-in's custom functions. */
export function usesCustomFunctions(formula: string): boolean {
  return /\bCCHC\.[A-Z]+\(/.test(formula);
}

/**
 * The number format a cell is written with, on both hosts: a text constant "@" (Excel keeps it as
 * typed when a person edits it: "1.234" stays text, not 1.234); a formula, a link or a number never
 * "@" (a formula in a text cell turns into text when edited); an empty cell its style's.
 * `asValue`: the formula is written as its computed value (a frozen export, no custom functions).
 */
export function cellNumberFormat(cell: Cell | undefined, spec: StyleSpec, asValue = false): string {
  const styled = spec.numberFormat ?? "General";
  if (!cell) return styled;
  const v = storedValue(cell);
  const formula = (cell.f && !asValue) || (cell.link && typeof v === "string");
  if (!formula && typeof v === "string") return "@";
  if (!formula && (v === null || v === undefined)) return styled;
  return styled === "@" ? "General" : styled;
}
