/** A cached value shows an Excel error for bad input, but a bug is not hidden behind "#VALUE!". */
import { fail, resultOrErrorCode } from "../../src/core/excelError";
import { completionRateOf } from "../../src/core/indicatorFunctions";

test("an Excel error value becomes its code; a value is kept", () => {
  expect(resultOrErrorCode(() => 0.5)).toBe(0.5);
  expect(resultOrErrorCode(() => { throw fail("#DIV/0!", "Tổng bằng 0.", "The whole is 0."); })).toBe("#DIV/0!");
  expect(resultOrErrorCode(() => completionRateOf("3/0"))).toBe("#DIV/0!");
});

test("any other exception is thrown, not written as #VALUE!", () => {
  expect(() => resultOrErrorCode(() => { throw new TypeError("x is undefined"); })).toThrow(TypeError);
});
