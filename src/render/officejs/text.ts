/**
 * Writing imported text into a live workbook so that it stays text.
 *
 * Excel parses what an add-in writes through `Range.values`/`Range.formulas` as if a person had
 * typed it: a string starting with "=" (and, for typed input, "+", "-" or "@") becomes a
 * formula, "3.12" becomes a number, "1/2" a date. Two defences, both applied:
 *  1. every cell that receives a string gets the Text number format "@" in the same batch,
 *     queued before the value (Excel stores what is written into a Text cell verbatim);
 *  2. a string starting with =, +, -, @, a tab, a CR or an apostrophe is written with a leading
 *     apostrophe, Excel's quote prefix: the cell holds the text after it, `values` reads it back
 *     without the apostrophe, and it stays text even if someone later changes the number format.
 * Formula cells never get "@" (a formula written into a Text cell would be stored as text).
 * Text longer than Excel's 32,767 characters per cell is cut, ending in "… [cắt bớt]" (safeText).
 */
import { EXCEL_CELL_MAX_CHARS, fitCellText } from "../../core/text";

const FORMULA_TRIGGER = /^[=+\-@\t\r']/;

/**
 * The string to write for a text value, within Excel's 32,767 characters per cell (the quote
 * prefix counted): longer text is cut, ending in "… [cắt bớt]" (fitCellText).
 */
export function safeText(s: string): string {
  return FORMULA_TRIGGER.test(s) ? `'${fitCellText(s, EXCEL_CELL_MAX_CHARS - 1)}` : fitCellText(s);
}

/** Whether a string would need the quote prefix. */
export function needsQuotePrefix(s: string): boolean {
  return FORMULA_TRIGGER.test(s);
}

/**
 * An Excel string literal for use inside a formula ("…" with doubled quotes). Excel limits a
 * literal to 255 characters, so longer text is joined from pieces with &.
 */
export function formulaLiteral(s: string): string {
  if (s.length === 0) return '""';
  const parts: string[] = [];
  for (let i = 0; i < s.length; i += 250) parts.push(`"${s.slice(i, i + 250).replace(/"/g, '""')}"`);
  return parts.join("&");
}

/** Quotes a sheet name for a reference: 'Kế hoạch'!A1 (always quoted, quotes doubled). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Rewrites references to sheets and tables in a formula (outside string literals): used to point
 * formulas written into temporary sheets at the other temporary sheets and tables of the same
 * operation. Excel then follows the renames when the temporary sheets take their final names.
 */
export function rewriteRefs(formula: string, sheets: Map<string, string>, tables: Map<string, string>): string {
  if (!sheets.size && !tables.size) return formula;
  let out = "";
  let i = 0;
  const n = formula.length;
  while (i < n) {
    const ch = formula[i];
    if (ch === '"') {
      // string literal: copy verbatim (doubled quotes stay inside)
      let j = i + 1;
      while (j < n) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      // quoted sheet name: 'Name'!
      let j = i + 1;
      let name = "";
      while (j < n) {
        if (formula[j] === "'") {
          if (formula[j + 1] === "'") {
            name += "'";
            j += 2;
            continue;
          }
          break;
        }
        name += formula[j];
        j++;
      }
      const target = formula[j + 1] === "!" ? sheets.get(name) : undefined;
      out += target !== undefined ? quoteSheet(target) : formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (/[A-Za-z_\u00C0-\uFFFF]/.test(ch) && (i === 0 || !/[A-Za-z0-9_.\u00C0-\uFFFF]/.test(formula[i - 1]))) {
      let j = i;
      while (j < n && /[A-Za-z0-9_.\u00C0-\uFFFF]/.test(formula[j])) j++;
      const word = formula.slice(i, j);
      if (formula[j] === "!" && sheets.has(word)) out += quoteSheet(sheets.get(word)!);
      else if (formula[j] === "[" && tables.has(word)) out += tables.get(word)!;
      else out += word;
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
