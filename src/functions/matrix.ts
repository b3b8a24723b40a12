/**
 * Every =CCHC.* function takes single values or ranges. Excel passes a range (and a single cell
 * declared as a matrix parameter) as a 2-D array; the result has the shape of the largest
 * argument, with single values (1×1) broadcast, and a single row or column broadcast along the
 * other axis (a 10×1 column against a 1×1 value gives 10×1). So a whole column is one call.
 * A bad element becomes an error in its own cell, not in the whole result.
 */
import { isBlank } from "../core/cellArguments";
import { excelError, ExcelErrorValue } from "../core/excelError";

export type Matrix = unknown[][];

/** A value or a range as a non-empty 2-D array (a bare value becomes 1×1, a 1-D array one row). */
export function asMatrix(arg: unknown): Matrix {
  if (Array.isArray(arg)) {
    if (arg.length === 0) return [[null]];
    if (!Array.isArray(arg[0])) return [arg as unknown[]];
    const m = arg as Matrix;
    return m[0].length === 0 ? [[null]] : m;
  }
  return [[arg === undefined ? null : arg]];
}

/** The shape every argument broadcasts to, or an Excel error when two shapes disagree. */
export function broadcastShape(matrices: Matrix[]): { rows: number; cols: number } {
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
      throw excelError(
        "#VALUE!",
        `Các vùng ô có kích thước khác nhau (${r}×${c} và ${rows}×${cols}) / Ranges have different sizes (${r}×${c} vs ${rows}×${cols})`,
      );
    }
  }
  return { rows, cols };
}

function asCellError(err: unknown): ExcelErrorValue {
  if (err instanceof ExcelErrorValue) return err;
  return excelError("#VALUE!", err instanceof Error ? err.message : String(err));
}

/** Applies `fn` element-wise over broadcast arguments; a thrown error becomes that cell's error. */
export function elementwise(args: unknown[], fn: (...values: unknown[]) => unknown): unknown[][] {
  const matrices = args.map(asMatrix);
  const { rows, cols } = broadcastShape(matrices);
  const out: unknown[][] = new Array(rows);
  const values: unknown[] = new Array(matrices.length);
  for (let i = 0; i < rows; i++) {
    const row: unknown[] = new Array(cols);
    for (let j = 0; j < cols; j++) {
      for (let k = 0; k < matrices.length; k++) {
        const m = matrices[k];
        const r = m.length === 1 ? m[0] : m[i];
        values[k] = r.length === 1 ? r[0] : r[j];
      }
      try {
        row[j] = fn(...values);
      } catch (err) {
        row[j] = asCellError(err);
      }
    }
    out[i] = row;
  }
  return out;
}

/** Every element of a value or range, row by row. */
export function flatten(arg: unknown): unknown[] {
  return asMatrix(arg).flat();
}

/**
 * A single value from an argument that does not broadcast (a setting, a flag): a bare value or
 * a 1×1 range; a larger range is an error.
 */
export function single(arg: unknown, what: string): unknown {
  const m = asMatrix(arg);
  if (m.length !== 1 || m[0].length !== 1) {
    throw excelError("#VALUE!", `${what.split(" / ")[0]}: cần một ô, không phải một vùng / ${what.split(" / ")[1] ?? what}: expected one cell, not a range`);
  }
  return m[0][0];
}

/** An argument that was left out entirely (undefined, null, or a 1×1 empty range). */
export function isOmitted(arg: unknown): boolean {
  if (arg === undefined || arg === null) return true;
  const m = asMatrix(arg);
  return m.length === 1 && m[0].length === 1 && isBlank(m[0][0]);
}
