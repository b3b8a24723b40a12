/** Helpers for the custom-function tests: read results and their Excel errors plainly. */
import { errorCode, isExcelError } from "../../src/core/excelError";

/** A result matrix with every error replaced by its code ("#DIV/0!"). */
export function codes(result: unknown[][]): unknown[][] {
  return result.map((row) => row.map((v) => (isExcelError(v) ? errorCode(v) : v)));
}

/** The single value of a 1×1 result (an error as its code). */
export function one(result: unknown[][]): unknown {
  expect(result).toHaveLength(1);
  expect(result[0]).toHaveLength(1);
  return codes(result)[0][0];
}

/** The error of a 1×1 result: { code, message }. */
export function err(result: unknown[][]): { code: string | null; message: string } {
  const v = result[0][0];
  expect(isExcelError(v)).toBe(true);
  return { code: errorCode(v), message: (v as Error).message };
}

/** A column (n×1) from values. */
export const col = (...values: unknown[]) => values.map((v) => [v]);

/** Vietnamese letters (any letter with a Vietnamese diacritic, or đ). */
export const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

/** An error message in Vietnamese, then English after " / ". */
export function expectBilingual(message: string) {
  const [vi, en] = message.split(" / ");
  expect(vi).toMatch(VIETNAMESE);
  expect(en).toBeTruthy();
  expect(en).toMatch(/[a-z]{3,}/i);
}
