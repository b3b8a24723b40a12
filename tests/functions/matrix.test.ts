/** The matrix contract every function shares, the error objects, and the bench helper. */
import { asMatrix, broadcastShape, elementwise, flatten, isOmitted, single } from "../../src/functions/matrix";
import { excelError, errorCode, fail, ExcelErrorValue, isExcelError } from "../../src/core/excelError";
import { attainmentBenchInputs, attainmentRangeCall, attainmentScalarCalls, benchAttainments } from "../../bench/attainments";
import * as F from "../../src/functions/functions";

describe("matrix helpers", () => {
  test("values, 1-D arrays and empty arrays become 2-D", () => {
    expect(asMatrix(5)).toEqual([[5]]);
    expect(asMatrix(undefined)).toEqual([[null]]);
    expect(asMatrix([1, 2])).toEqual([[1, 2]]);
    expect(asMatrix([])).toEqual([[null]]);
    expect(asMatrix([[]])).toEqual([[null]]);
    expect(flatten([[1, 2], [3, 4]])).toEqual([1, 2, 3, 4]);
  });

  test("broadcast shapes", () => {
    expect(broadcastShape([[[1]], [[1], [2], [3]]])).toEqual({ rows: 3, cols: 1 });
    expect(broadcastShape([[[1, 2]], [[1], [2]]])).toEqual({ rows: 2, cols: 2 });
    expect(() => broadcastShape([[[1], [2]], [[1], [2], [3]]])).toThrow(/different sizes/);
  });

  test("elementwise keeps each cell's error in its cell; plain exceptions become #VALUE!", () => {
    const r = elementwise([[[1], [0], [2]]], (x) => {
      if (x === 0) throw new Error("không / no");
      if (x === 2) throw fail("#NUM!", "hai", "two");
      return x;
    });
    expect(r[0][0]).toBe(1);
    expect(errorCode(r[1][0])).toBe("#VALUE!");
    expect((r[1][0] as Error).message).toBe("không / no");
    expect(errorCode(r[2][0])).toBe("#NUM!");
  });

  test("single() and isOmitted()", () => {
    expect(single([[7]], "cờ / flag")).toBe(7);
    expect(single(7, "cờ / flag")).toBe(7);
    expect(() => single([[1, 2]], "cờ / flag")).toThrow(/cờ: cần một ô.*flag: expected one cell/);
    expect(isOmitted(undefined)).toBe(true);
    expect(isOmitted([[""]])).toBe(true);
    expect(isOmitted([["  "]])).toBe(true);
    expect(isOmitted([[0]])).toBe(false);
  });
});

describe("Excel errors", () => {
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  /** Installs a runtime like Excel's: its own Error class and ErrorCode values. */
  function installRuntime() {
    class RuntimeError {
      constructor(public code: string, public message: string) {}
    }
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = {
      Error: RuntimeError,
      ErrorCode: { invalidValue: "#VALUE!", divisionByZero: "#DIV/0!", notAvailable: "#N/A", invalidNumber: "#NUM!", invalidName: "#NAME?" },
      associate: () => undefined,
    };
    return RuntimeError;
  }

  test("without the runtime: core's ExcelErrorValue with the code", () => {
    const e = excelError("#DIV/0!", "x");
    expect(e).toBeInstanceOf(ExcelErrorValue);
    expect(errorCode(e)).toBe("#DIV/0!");
    expect(isExcelError(e)).toBe(true);
    expect(isExcelError("#DIV/0!")).toBe(false);
    expect(fail("#N/A", "không có", "none").message).toBe("không có / none");
    expect(errorCode(F.rate([[1]], [[0]])[0][0])).toBe("#DIV/0!");
    expect(F.rate([[1]], [[0]])[0][0]).toBeInstanceOf(ExcelErrorValue);
  });

  test("inside Excel: the runtime's CustomFunctions.Error with its ErrorCode, in cells", () => {
    const RuntimeError = installRuntime();
    const r = F.rate([[1], [2]], [[0], [4]]);
    expect(r[0][0]).toBeInstanceOf(RuntimeError);
    expect((r[0][0] as unknown as InstanceType<typeof RuntimeError>).code).toBe("#DIV/0!");
    expect((r[0][0] as unknown as InstanceType<typeof RuntimeError>).message).toMatch(/Tổng bằng 0/);
    expect(r[1][0]).toBe(0.5);
    expect(errorCode(r[0][0])).toBe("#DIV/0!");
    const units = F.owner([["VH-TT"], ["Ban không ai biết"]]);
    expect(typeof units[0][0]).toBe("string");
    expect(units[1][0]).toBeInstanceOf(RuntimeError);
  });

  test("inside Excel: an error thrown for the whole call is the runtime's error too", () => {
    const RuntimeError = installRuntime();
    const thrown = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as InstanceType<typeof RuntimeError>;
      }
      throw new Error("did not throw");
    };
    const sizes = thrown(() => F.rate([[1], [2], [3]], [[1], [2]]));
    expect(sizes).toBeInstanceOf(RuntimeError);
    expect(sizes.code).toBe("#VALUE!");
    expect(sizes.message).toMatch(/kích thước khác nhau.*different sizes/);
    const flag = thrown(() => F.completion([["Quá hạn"]], [["có lẽ"]]));
    expect(flag).toBeInstanceOf(RuntimeError);
    expect(flag.message).toMatch(/TRUE hoặc FALSE/);
    const thresholds = thrown(() => F.parscore([[0.9]], [[10]], [[1, 2, 3, 4]]));
    expect(thresholds).toMatchObject({ code: "#VALUE!" });
    expect(thresholds).toBeInstanceOf(RuntimeError);
  });
});

describe("bench helper: 10,000 attainments, scalar calls vs one range call", () => {
  test("both ways agree and the range call takes [[x]] and 10000×1 arrays", () => {
    const inputs = attainmentBenchInputs(10_000);
    expect(inputs.actual).toHaveLength(10_000);
    expect(inputs.actual[0]).toHaveLength(1);
    const a = attainmentScalarCalls(inputs);
    const b = attainmentRangeCall(inputs);
    expect(b).toHaveLength(10_000);
    expect(a).toEqual(b);
    expect(b.every((x) => typeof x === "number" && x >= 0 && x <= 1)).toBe(true);
  });

  test("benchAttainments reports both timings", () => {
    const r = benchAttainments(2_000);
    expect(r.n).toBe(2_000);
    expect(r.same).toBe(true);
    expect(r.scalarMs).toBeGreaterThanOrEqual(0);
    expect(r.rangeMs).toBeGreaterThanOrEqual(0);
  });
});
