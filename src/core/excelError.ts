/**
 * Excel error values with a message: what a =CCHC.* function puts in a cell that cannot be
 * computed ("#DIV/0!" with "Tổng bằng 0… / The whole is 0…"), and what the layout writes as a
 * cell's cached value. Plain values here; the custom functions turn them into the runtime's
 * CustomFunctions.Error at their boundary (src/functions/runtimeErrors.ts).
 * Messages are Vietnamese first, then English: "… / …" (Excel shows them on the cell's error tip).
 * An Excel error value is a cell's result, not a product failure: not a CchcError.
 */
export type ErrorCode = "#VALUE!" | "#DIV/0!" | "#N/A" | "#NUM!" | "#NAME?";

export class ExcelErrorValue extends Error {
  constructor(readonly code: ErrorCode, message: string) {
    super(message);
    this.name = "ExcelErrorValue";
  }
}

export function excelError(code: ErrorCode, message: string): ExcelErrorValue {
  return new ExcelErrorValue(code, message);
}

/** An Excel error whose message is "vi / en". */
export function fail(code: ErrorCode, vi: string, en: string): ExcelErrorValue {
  return excelError(code, `${vi} / ${en}`);
}

/** True for an error value (ours, the runtime's CustomFunctions.Error, or any Error). */
export function isExcelError(value: unknown): value is Error {
  if (value instanceof Error) return true;
  return typeof value === "object" && value !== null && "code" in value && "message" in value && !Array.isArray(value);
}

/** The code of an error value ("#DIV/0!"); "#VALUE!" for an error without one; null for a value. */
export function errorCode(value: unknown): string | null {
  if (!isExcelError(value)) return null;
  const code = (value as { code?: unknown }).code;
  return typeof code === "string" ? code : "#VALUE!";
}

/**
 * What a cell shows for `fn`: its value, or the code of the Excel error value it throws (bad input:
 * "#DIV/0!", "#VALUE!"). Any other exception is a bug and is not hidden behind "#VALUE!".
 */
export function resultOrErrorCode<T>(fn: () => T): T | ErrorCode {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ExcelErrorValue) return e.code;
    throw e;
  }
}
