/**
 * The custom functions' boundary with Excel's runtime: core computes plain Excel error values
 * (src/core/excelError.ts); inside Excel they must be the runtime's `CustomFunctions.Error` for
 * Excel to show the code and the message on the cell. Under jest, in a plain browser and in Excel
 * 2016/2019 there is no runtime Error, and core's values pass through unchanged.
 */
import { ExcelErrorValue, type ErrorCode } from "../core/excelError";

const CODE_NAMES: Record<ErrorCode, keyof typeof CustomFunctions.ErrorCode> = {
  "#VALUE!": "invalidValue",
  "#DIV/0!": "divisionByZero",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#NAME?": "invalidName",
};

function runtime(): typeof CustomFunctions | null {
  const r = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  return r && typeof r.Error === "function" ? r : null;
}

function toRuntime(r: typeof CustomFunctions, e: ExcelErrorValue): unknown {
  return new r.Error(r.ErrorCode[CODE_NAMES[e.code]], e.message);
}

/**
 * Runs a custom function's body for Excel: core's error values, in the result's cells or thrown,
 * become the runtime's errors (any other exception is left as it is: Excel shows it as #VALUE!).
 */
export function forExcel<T>(body: () => T): T {
  const r = runtime();
  let result: T;
  try {
    result = body();
  } catch (err) {
    throw r && err instanceof ExcelErrorValue ? toRuntime(r, err) : err;
  }
  if (!r || !Array.isArray(result)) return result;
  return result.map((row: unknown[]) => row.map((v) => (v instanceof ExcelErrorValue ? toRuntime(r, v) : v))) as T;
}
