/**
 * Every =CCHC.* function takes single values or ranges. Excel passes a range (and a single cell
 * declared as a matrix parameter) as a 2-D array; the result has the shape of the largest
 * argument, with single values (1×1) broadcast, so a whole column is one call. A bad element
 * becomes an error in its own cell, not in the whole result.
 */
import { excelError } from "./excelError";

export type Matrix = unknown[][];

function asMatrix(arg: unknown): Matrix {
  if (Array.isArray(arg)) {
    if (arg.length === 0) return [[null]];
    return Array.isArray(arg[0]) ? (arg as Matrix) : [arg as unknown[]];
  }
  return [[arg === undefined ? null : arg]];
}

/** Applies `fn` element-wise over broadcast arguments; a thrown error becomes that cell's error. */
export function elementwise(args: unknown[], fn: (...values: unknown[]) => unknown): unknown[][] {
  const matrices = args.map(asMatrix);
  let rows = 1;
  let cols = 1;
  for (const m of matrices) {
    rows = Math.max(rows, m.length);
    cols = Math.max(cols, m[0]?.length ?? 1);
  }
  for (const m of matrices) {
    const r = m.length;
    const c = m[0]?.length ?? 1;
    if ((r !== 1 && r !== rows) || (c !== 1 && c !== cols)) {
      throw excelError("#VALUE!", "Các vùng ô có kích thước khác nhau / Ranges have different sizes");
    }
  }
  const out: unknown[][] = [];
  for (let i = 0; i < rows; i++) {
    const row: unknown[] = [];
    for (let j = 0; j < cols; j++) {
      const values = matrices.map((m) => {
        const r = m.length === 1 ? m[0] : m[i];
        return r.length === 1 ? r[0] : r[j];
      });
      try {
        row.push(fn(...values));
      } catch (err) {
        row.push(err instanceof Error && "code" in err ? err : excelError("#VALUE!", err instanceof Error ? err.message : String(err)));
      }
    }
    out.push(row);
  }
  return out;
}

/** A value Excel passed for an optional argument that was left out. */
export function isMissing(value: unknown): boolean {
  return value === null || value === undefined || value === "";
}
