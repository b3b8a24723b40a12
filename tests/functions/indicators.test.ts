/**
 * RATE, TARGET, COMPARATOR, ATTAINMENT, MET, COMPLETION, PARSCORE called as Excel calls them:
 * every argument a 2-D array (one cell is [[x]]), optional arguments left out as undefined/null.
 */
import * as F from "../../src/functions/functions";
import { codes, col, err, expectBilingual, one } from "./helpers";

describe("CCHC.RATE", () => {
  test("scalars, text numbers and Vietnamese decimals", () => {
    expect(one(F.rate([[7]], [[10]]))).toBeCloseTo(0.7, 12);
    expect(one(F.rate([["75%"]], [[1]]))).toBe(0.75);
    expect(one(F.rate([["85,3%"]], [[1]]))).toBe(0.853);
    expect(one(F.rate([["1.234,5"]], [["2.469"]]))).toBeCloseTo(0.5, 12);
    expect(one(F.rate([[" 45 "]], [["60"]]))).toBe(0.75);
    expect(one(F.rate([[0]], [[5]]))).toBe(0);
  });

  test("a 10×1 column in one call, against one denominator and against a column", () => {
    const parts = col(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
    const byOne = F.rate(parts, [[10]]);
    expect(byOne).toHaveLength(10);
    expect(byOne.map((r) => r[0])).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    const byCol = F.rate(parts, col(10, 10, 10, 10, 10, 10, 10, 10, 10, 0));
    expect(codes(byCol)[9][0]).toBe("#DIV/0!");
    expect(byCol[3][0]).toBeCloseTo(0.3, 12);
  });

  test("blank in, blank out (a row whose figures are not typed yet)", () => {
    expect(one(F.rate([[""]], [[10]]))).toBe("");
    expect(one(F.rate([[5]], [[null]]))).toBe("");
    expect(one(F.rate([[null]], [[null]]))).toBe("");
  });

  test("errors: whole 0 or negative, negative part, text, booleans — in Vietnamese and English", () => {
    const zero = err(F.rate([[1]], [[0]]));
    expect(zero.code).toBe("#DIV/0!");
    expectBilingual(zero.message);
    expect(err(F.rate([[1]], [[-4]])).code).toBe("#NUM!");
    expect(err(F.rate([[-1]], [[4]])).code).toBe("#NUM!");
    const text = err(F.rate([["nhiều"]], [[4]]));
    expect(text.code).toBe("#VALUE!");
    expect(text.message).toContain("nhiều");
    expectBilingual(text.message);
    expect(err(F.rate([[true]], [[4]])).code).toBe("#VALUE!");
  });

  test("a bad element errs in its own cell only", () => {
    expect(codes(F.rate(col(1, "x", 3), [[4]]))).toEqual([[0.25], ["#VALUE!"], [0.75]]);
  });

  test("broadcasting: a row against a column gives the full grid; mismatched sizes are one error", () => {
    const grid = F.rate([[1], [2]], [[4, 8, 10]]);
    expect(grid).toEqual([[0.25, 0.125, 0.1], [0.5, 0.25, 0.2]]);
    expect(() => F.rate(col(1, 2, 3), col(1, 2))).toThrow(/kích thước khác nhau.*different sizes/);
  });
});

describe("CCHC.TARGET and CCHC.COMPARATOR", () => {
  const satisfaction = "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt từ 94% trở lên.";
  const twoTargets = "Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến, trong số đó, tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu 40% trở lên.";

  test("reads the plan's wording", () => {
    expect(one(F.target([["Tối thiểu 75% số hồ sơ"]]))).toBe(0.75);
    expect(one(F.target([[satisfaction]]))).toBe(0.94);
    expect(one(F.target([["Phấn đấu ít nhất có 01 sáng kiến"]]))).toBe(1);
    expect(one(F.comparator([[satisfaction]]))).toBe(">=");
    expect(one(F.comparator([["Tỷ lệ hồ sơ trễ hạn không quá 5%"]]))).toBe("<=");
    expect(one(F.target([["cắt giảm 20% chi phí tuân thủ"]]))).toBe(0.2);
    expect(one(F.target([["Tỷ lệ đạt 85,3%"]]))).toBe(0.853);
  });

  test("the index picks one of several targets in a sentence", () => {
    expect(one(F.target([[twoTargets]], [[1]]))).toBe(0.8);
    expect(one(F.target([[twoTargets]], [[2]]))).toBe(0.4);
    expect(F.target([[twoTargets]], [[1, 2]])).toEqual([[0.8, 0.4]]);
    const third = err(F.target([[twoTargets]], [[3]]));
    expect(third.code).toBe("#N/A");
    expect(third.message).toMatch(/2 chỉ tiêu/);
    expect(err(F.target([[twoTargets]], [[0]])).code).toBe("#NUM!");
    expect(err(F.target([[twoTargets]], [["hai"]])).code).toBe("#VALUE!");
  });

  test("a column of sentences in one call", () => {
    const texts = col("Tối thiểu 50%", "đạt 70%", "không quá 10%", "Năm 2024 giảm biên chế", "");
    expect(codes(F.target(texts))).toEqual([[0.5], [0.7], [0.1], ["#N/A"], [""]]);
    expect(codes(F.comparator(texts))).toEqual([[">="], [">="], ["<="], ["#N/A"], [""]]);
  });

  test("no numeric target (years, document numbers, ISO) is #N/A with a bilingual message", () => {
    for (const text of ["Năm 2024 giảm biên chế công chức", "Theo Quyết định 03/QĐ-UBND", "Duy trì TCVN ISO 9001:2015"]) {
      const e = err(F.target([[text]]));
      expect(e.code).toBe("#N/A");
      expectBilingual(e.message);
    }
  });

  test("a number in the text cell is its own target", () => {
    expect(one(F.target([[0.75]]))).toBe(0.75);
    expect(one(F.comparator([[0.75]]))).toBe(">=");
  });
});

describe("CCHC.ATTAINMENT", () => {
  test(">= : actual / target, capped at 1 unless cap is FALSE", () => {
    expect(one(F.attainment([[0.6]], [[0.75]]))).toBeCloseTo(0.8, 12);
    expect(one(F.attainment([[0.9]], [[0.75]]))).toBe(1);
    expect(one(F.attainment([[0.9]], [[0.75]], [[">="]], [[false]]))).toBeCloseTo(1.2, 12);
    expect(one(F.attainment([["72%"]], [["80%"]]))).toBeCloseTo(0.9, 12);
    expect(one(F.attainment([["85,3%"]], [[0.853]]))).toBe(1);
  });

  test("<= : target / actual; = : closeness", () => {
    expect(one(F.attainment([[0.1]], [[0.05]], [["<="]]))).toBeCloseTo(0.5, 12);
    expect(one(F.attainment([[0.04]], [[0.05]], [["≤"]]))).toBe(1);
    expect(one(F.attainment([[0]], [[0.05]], [["tối đa"]]))).toBe(1);
    expect(one(F.attainment([[9]], [[10]], [["="]]))).toBeCloseTo(0.9, 12);
  });

  test("edge cases: zero target, zero actual, exact boundary 70/100 against 70%", () => {
    expect(one(F.attainment([[0]], [[0]]))).toBe(1);
    expect(one(F.attainment([[0]], [[0.5]]))).toBe(0);
    expect(one(F.attainment(F.rate([[70]], [[100]]), [[0.7]]))).toBe(1);
    expect(one(F.attainment(F.rate([[7]], [[30]]), [["7/30"]]))).toBe("#VALUE!");
  });

  test("blank actual or target gives blank; bad arguments give errors", () => {
    expect(one(F.attainment([[""]], [[0.75]]))).toBe("");
    expect(one(F.attainment([[0.5]], [[null]]))).toBe("");
    expect(err(F.attainment([[-0.1]], [[0.75]])).code).toBe("#NUM!");
    expect(err(F.attainment([[0.5]], [[-1]])).code).toBe("#NUM!");
    const cmp = err(F.attainment([[0.5]], [[0.75]], [["lớn"]]));
    expect(cmp.code).toBe("#VALUE!");
    expectBilingual(cmp.message);
    expect(err(F.attainment([[0.5]], [[0.75]], [[">="]], [["có lẽ"]])).code).toBe("#VALUE!");
  });

  test("a column of actuals against per-row targets and comparators", () => {
    const r = F.attainment(col(0.6, 0.8, "", 0.2), col(0.75, 0.75, 0.75, 0.1), col(">=", ">=", ">=", "<="));
    expect(codes(r).map((x) => (typeof x[0] === "number" ? Math.round(x[0] * 1e9) / 1e9 : x[0]))).toEqual([0.8, 1, "", 0.5]);
  });
});

describe("CCHC.MET", () => {
  test("applies the comparator with a tolerance", () => {
    expect(one(F.met([[0.8]], [[0.75]]))).toBe(true);
    expect(one(F.met([[0.6]], [[0.75]]))).toBe(false);
    expect(one(F.met(F.rate([[70]], [[100]]), [[0.7]]))).toBe(true);
    expect(one(F.met([[0.3]], [[0.1]], [["<="]]))).toBe(false);
    expect(one(F.met([[0.1]], [[0.1]], [["="]]))).toBe(true);
    expect(one(F.met([["1"]], [[1]]))).toBe(true);
    expect(one(F.met([[0]], [[0]]))).toBe(true);
  });

  test("ranges, blanks and errors", () => {
    expect(codes(F.met(col(0.5, 0.9, "", "x"), [[0.75]]))).toEqual([[false], [true], [""], ["#VALUE!"]]);
    expect(err(F.met([[0.5]], [[0.75]], [["≈"]])).code).toBe("#VALUE!");
  });
});

describe("CCHC.COMPLETION", () => {
  const statuses = col("Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đang thực hiện", "Quá hạn", "Chưa đến hạn", "Thường xuyên", "", null);

  test("x/y over a range: one value out", () => {
    expect(F.completion(statuses)).toBe("2/6");
    expect(F.completion(statuses, true)).toBe("2/5");
    expect(F.completion(statuses, [["TRUE"]])).toBe("2/5");
    expect(F.completion(statuses, [[false]])).toBe("2/6");
  });

  test("a row range, a single cell, an empty range", () => {
    expect(F.completion([["Hoàn thành đúng hạn", "Quá hạn", "Hoàn thành quá hạn"]])).toBe("2/3");
    expect(F.completion([["Hoàn thành đúng hạn"]])).toBe("1/1");
    expect(F.completion([[""], [""]])).toBe("0/0");
  });

  test("a bad dueOnly flag is an error", () => {
    expect(() => F.completion(statuses, [["có lẽ"]])).toThrow(/TRUE hoặc FALSE/);
    expect(() => F.completion(statuses, [[true, false]])).toThrow(/một ô/);
  });
});

describe("CCHC.PARSCORE", () => {
  test("full, partial (max × rate) and none, with the default thresholds", () => {
    expect(codes(F.parscore(col(1, 0.95, 0.8, 0.79, 0), [[2]]))).toEqual([[2], [1.9], [1.6], [0], [0]]);
  });

  test("thresholds from a two-cell range (full, partial), as on the settings sheet", () => {
    expect(one(F.parscore([[0.7]], [[1]], col(0.9, 0.6)))).toBeCloseTo(0.7 / 0.9, 9);
    expect(one(F.parscore([[0.95]], [[1]], col(0.9, 0.6)))).toBe(1);
    expect(one(F.parscore([[0.5]], [[1]], col(0.9, 0.6)))).toBe(0);
    expect(one(F.parscore([["85%"]], [[1]], [[1, 0.8]]))).toBeCloseTo(0.85, 9);
  });

  test("the rate may be COMPLETION's x/y text", () => {
    expect(one(F.parscore([["45/50"]], [[1]]))).toBeCloseTo(0.9, 9);
    expect(one(F.parscore([[F.completion(col("Hoàn thành đúng hạn", "Hoàn thành quá hạn"))]], [[3]]))).toBe(3);
    expect(err(F.parscore([["0/0"]], [[1]])).code).toBe("#DIV/0!");
  });

  test("blank rate → blank; errors for bad values and bad thresholds", () => {
    expect(one(F.parscore([[""]], [[1]]))).toBe("");
    expect(err(F.parscore([[-0.1]], [[1]])).code).toBe("#NUM!");
    expect(err(F.parscore([[0.9]], [[-1]])).code).toBe("#NUM!");
    expect(err(F.parscore([[0.9]], [["mười"]])).code).toBe("#VALUE!");
    expect(() => F.parscore([[0.9]], [[1]], col(0.8))).toThrow(/2 số/);
    expect(() => F.parscore([[0.9]], [[1]], col(0.6, 0.9))).toThrow(/Ngưỡng không hợp lệ/);
  });
});
