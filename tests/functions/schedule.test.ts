/** DEADLINE, STATUS, PERIOD and DUE: dates in and out as Excel serial numbers. */
import * as F from "../../src/functions/functions";
import { excelSerialFromIso as S, isoFromExcelSerial } from "../../src/core/dates";
import { codes, col, err, expectBilingual, one } from "./helpers";

const iso = (v: unknown) => (typeof v === "number" ? isoFromExcelSerial(v) : v);

describe("CCHC.DEADLINE", () => {
  test("start and end of the plan's phrasings, as Excel dates", () => {
    expect(one(F.deadline([["Quý II/2024"]]))).toBe(S("2024-06-30"));
    expect(one(F.deadline([["Quý II/2024"]], [["start"]]))).toBe(S("2024-04-01"));
    expect(one(F.deadline([["Trước 15/01/2024"]]))).toBe(S("2024-01-15"));
    expect(one(F.deadline([["6 tháng đầu năm"]], [["end"]], [[2024]]))).toBe(S("2024-06-30"));
    expect(one(F.deadline([["Quý I, II năm 2024"]], [["bắt đầu"]]))).toBe(S("2024-01-01"));
    expect(one(F.deadline([["Tháng 6, tháng 12"]], [[""]], [[2024]]))).toBe(S("2024-12-31"));
    expect(one(F.deadline([["Thường xuyên"]], [["start"]], [[2024]]))).toBe(S("2024-01-01"));
  });

  test("the real plans' kinds (issue 13): an open-ended start keeps its start, an event keeps the start it has", () => {
    expect(one(F.deadline([["Năm 2026 và các năm tiếp theo"]], [["start"]], [[2025]]))).toBe(S("2026-01-01"));
    expect(one(F.deadline([["Từ 01/7/2025"]], [["start"]]))).toBe(S("2025-07-01"));
    expect(one(F.deadline([["Tháng 12 hằng năm"]], [["start"]], [[2025]]))).toBe(S("2025-12-01"));
    const until = "Từ tháng 10/2025 đến khi tổ chức thành công Đại hội";
    expect(one(F.deadline([[until]], [["start"]]))).toBe(S("2025-10-01"));
    expect(err(F.deadline([[until]], [["end"]])).code).toBe("#N/A");
  });

  test("a year left out needs the year argument (no guessing from today: not volatile)", () => {
    const e = err(F.deadline([["Quý II"]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/năm/);
    expectBilingual(e.message);
    expect(one(F.deadline([["Quý II"]], undefined, [[2025]]))).toBe(S("2025-06-30"));
    expect(one(F.deadline([["Quý II"]], undefined, [["2025"]]))).toBe(S("2025-06-30"));
  });

  test("an Excel date stays that date", () => {
    expect(one(F.deadline([[S("2024-03-31")]]))).toBe(S("2024-03-31"));
    expect(one(F.deadline([[S("2024-03-31") + 0.5]], [["start"]]))).toBe(S("2024-03-31"));
  });

  test("texts with no date are #N/A; impossible ones #VALUE! with the grammar's reason", () => {
    for (const text of ["Theo Kế hoạch của UBND huyện", "Khi có văn bản mới", "Sau khi các cơ quan liên quan công bố chỉ số PAPI"]) {
      const e = err(F.deadline([[text]], undefined, [[2024]]));
      expect(e.code).toBe("#N/A");
      expectBilingual(e.message);
    }
    expect(err(F.deadline([[""]], undefined, [[2024]])).code).toBe("#N/A");
    // a duration (issue 13) is not a due date
    const duration = err(F.deadline([["0,25 ngày làm việc"]], undefined, [[2024]]));
    expect(duration.code).toBe("#N/A");
    expect(duration.message).toMatch(/không phải hạn hoàn thành/);
    expectBilingual(duration.message);
    const bad = err(F.deadline([["30/02/2024"]]));
    expect(bad.code).toBe("#VALUE!");
    expect(bad.message).toMatch(/tháng 2/);
    expect(err(F.deadline([["Quý V/2024"]])).code).toBe("#VALUE!");
  });

  test("bad which/year arguments", () => {
    expect(err(F.deadline([["Quý II/2024"]], [["giữa"]])).code).toBe("#VALUE!");
    expect(err(F.deadline([["Quý II"]], undefined, [[24.5]])).code).toBe("#NUM!");
    expect(err(F.deadline([["Quý II"]], undefined, [["năm nay"]])).code).toBe("#VALUE!");
  });

  test("a whole deadline column in one call, with start and end side by side", () => {
    const texts = col("Quý I", "Quý IV", "Năm 2024", "Theo quy định", "Trước 31/01/2024", "Hằng tháng", "Tháng 01/2024", "Quý II, III/2024", "6 tháng cuối năm", "Cả năm");
    const r = F.deadline(texts, [["start", "end"]], [[2024]]);
    expect(r).toHaveLength(10);
    expect(r[0]).toHaveLength(2);
    expect(codes(r).map((row) => row.map(iso))).toEqual([
      ["2024-01-01", "2024-03-31"],
      ["2024-10-01", "2024-12-31"],
      ["2024-01-01", "2024-12-31"],
      ["#N/A", "#N/A"],
      ["2024-01-31", "2024-01-31"],
      ["2024-01-01", "2024-12-31"],
      ["2024-01-01", "2024-01-31"],
      ["2024-04-01", "2024-09-30"],
      ["2024-07-01", "2024-12-31"],
      ["2024-01-01", "2024-12-31"],
    ]);
  });
});

describe("CCHC.STATUS", () => {
  const asOf = [[S("2024-09-14")]];

  test("the six statuses", () => {
    expect(one(F.status([["Quý II/2024"]], [[S("2024-06-01")]], asOf))).toBe("Hoàn thành đúng hạn");
    expect(one(F.status([["Quý II/2024"]], [[S("2024-07-10")]], asOf))).toBe("Hoàn thành quá hạn");
    expect(one(F.status([["Quý III/2024"]], [[""]], asOf))).toBe("Đang thực hiện");
    expect(one(F.status([["Quý II/2024"]], [[null]], asOf))).toBe("Quá hạn");
    expect(one(F.status([["Quý IV/2024"]], [[""]], asOf))).toBe("Chưa đến hạn");
    expect(one(F.status([["Thường xuyên"]], [[""]], asOf, [[2024]]))).toBe("Thường xuyên");
  });

  test("a numeric deadline is a date the user gave; an undated text is in progress", () => {
    expect(one(F.status([[S("2024-08-31")]], [[""]], asOf))).toBe("Quá hạn");
    expect(one(F.status([[S("2024-10-31")]], [[""]], asOf))).toBe("Chưa đến hạn");
    expect(one(F.status([["Theo Kế hoạch của UBND huyện"]], [[""]], asOf))).toBe("Đang thực hiện");
    expect(one(F.status([[""]], [[""]], asOf))).toBe("Đang thực hiện");
  });

  test("the year defaults to the as-of date's year; text dates are read too", () => {
    expect(one(F.status([["Quý II"]], [[""]], asOf))).toBe("Quá hạn");
    expect(one(F.status([["Quý II"]], [[""]], asOf, [[2025]]))).toBe("Chưa đến hạn");
    expect(one(F.status([["Quý II/2024"]], [["01/06/2024"]], [["14/09/2024"]]))).toBe("Hoàn thành đúng hạn");
  });

  test("a completion after the as-of date has not happened yet", () => {
    expect(one(F.status([["Quý II/2024"]], [[S("2024-10-01")]], asOf))).toBe("Quá hạn");
  });

  test("errors: missing or bad as-of, bad completion date", () => {
    const missing = err(F.status([["Quý II/2024"]], [[""]], [[""]]));
    expect(missing.code).toBe("#VALUE!");
    expectBilingual(missing.message);
    expect(err(F.status([["Quý II/2024"]], [["hôm qua"]], asOf)).code).toBe("#VALUE!");
    expect(err(F.status([["Quý II/2024"]], [[""]], [[-5]])).code).toBe("#NUM!");
  });

  test("a plan's status column in one call against one as-of date", () => {
    const deadlines = col("Quý I", "Quý II", "Quý III", "Quý IV", "Thường xuyên", "Theo quy định", "Trước 15/01/2024", "Tháng 6, tháng 12", "6 tháng đầu năm", "Năm 2024");
    const done = col(S("2024-03-01"), "", "", "", "", "", S("2024-02-01"), "", S("2024-06-30"), "");
    expect(F.status(deadlines, done, asOf, [[2024]]).map((r) => r[0])).toEqual([
      "Hoàn thành đúng hạn", "Quá hạn", "Đang thực hiện", "Chưa đến hạn", "Thường xuyên",
      "Đang thực hiện", "Hoàn thành quá hạn", "Đang thực hiện", "Hoàn thành đúng hạn", "Đang thực hiện",
    ]);
  });
});

describe("CCHC.PERIOD", () => {
  test("the cut-offs of Nghị định 09/2019: quarters run from the 15th of the month before to the 14th", () => {
    expect(one(F.period([[S("2024-03-14")]]))).toBe("Quý I/2024");
    expect(one(F.period([[S("2024-03-15")]]))).toBe("Quý II/2024");
    expect(one(F.period([[S("2023-12-20")]]))).toBe("Quý I/2024");
    expect(one(F.period([[S("2024-12-14")]], [["quý"]]))).toBe("Quý IV/2024");
    expect(one(F.period([[S("2024-06-14")]], [["6 tháng"]]))).toBe("6 tháng/2024");
    expect(one(F.period([[S("2024-09-01")]], [["9 tháng"]]))).toBe("9 tháng/2024");
    expect(one(F.period([[S("2024-12-14")]], [["năm"]]))).toBe("Năm 2024");
    expect(one(F.period([[S("2024-12-15")]], [["năm"]]))).toBe("Năm 2025");
    expect(one(F.period([["14/06/2024"]], [["H1"]]))).toBe("6 tháng/2024");
  });

  test("other cut-off days from the settings", () => {
    expect(one(F.period([[S("2024-03-20")]], [["quý"]], [[1]], [[31]]))).toBe("Quý I/2024");
    expect(one(F.period([[S("2024-03-20")]], [["quý"]], [[21]], [[20]]))).toBe("Quý I/2024");
  });

  test("a date no 6-month report covers, bad kinds and bad dates are errors", () => {
    const none = err(F.period([[S("2024-07-20")]], [["6 tháng"]]));
    expect(none.code).toBe("#N/A");
    expectBilingual(none.message);
    expect(err(F.period([[S("2024-07-20")]], [["tuần"]])).code).toBe("#VALUE!");
    expect(err(F.period([["ngày mai"]])).code).toBe("#VALUE!");
    expect(err(F.period([[S("2024-07-20")]], [["quý"]], [[0]])).code).toBe("#NUM!");
  });

  test("a date column in one call, each kind in its own column", () => {
    const dates = col(S("2024-01-05"), S("2024-05-01"), S("2024-08-20"), S("2024-11-30"));
    expect(codes(F.period(dates, [["quý", "6 tháng", "9 tháng", "năm"]]))).toEqual([
      ["Quý I/2024", "6 tháng/2024", "9 tháng/2024", "Năm 2024"],
      ["Quý II/2024", "6 tháng/2024", "9 tháng/2024", "Năm 2024"],
      ["Quý III/2024", "#N/A", "9 tháng/2024", "Năm 2024"],
      ["Quý IV/2024", "#N/A", "#N/A", "Năm 2024"],
    ]);
  });
});

describe("CCHC.DUE", () => {
  test("a deadline falls due in the period's calendar span", () => {
    expect(one(F.due([["Quý II/2024"]], [["Q2/2024"]]))).toBe(true);
    expect(one(F.due([["Quý II"]], [["Quý II/2024"]]))).toBe(true);
    expect(one(F.due([["Quý III"]], [["Q2-2024"]]))).toBe(false);
    expect(one(F.due([["Tháng 6, tháng 12"]], [["Q4/2024"]]))).toBe(true);
    expect(one(F.due([["Tháng 6, tháng 12"]], [["Q3/2024"]]))).toBe(false);
    expect(one(F.due([["Quý II"]], [["H1-2024"]]))).toBe(true);
    expect(one(F.due([["Thường xuyên"]], [["Q3/2024"]]))).toBe(true);
    expect(one(F.due([["Theo Kế hoạch của UBND huyện"]], [["Năm 2024"]]))).toBe(false);
    expect(one(F.due([[""]], [["Năm 2024"]]))).toBe(false);
  });

  test("a numeric deadline is a user date; the year argument dates a yearless text", () => {
    expect(one(F.due([[S("2024-05-20")]], [["Q2/2024"]]))).toBe(true);
    expect(one(F.due([[S("2024-05-20")]], [["Q3/2024"]]))).toBe(false);
    expect(one(F.due([["Quý II"]], [["Q2/2024"]], [[2023]]))).toBe(false);
    expect(one(F.due([["01/03/2024"]], [["2024-03-01..2024-04-15"]]))).toBe(true);
  });

  test("a bad or missing period is #VALUE! with the accepted forms", () => {
    const e = err(F.due([["Quý II"]], [["Q5/2024"]]));
    expect(e.code).toBe("#VALUE!");
    expect(e.message).toMatch(/Q2-2024/);
    expectBilingual(e.message);
    expect(err(F.due([["Quý II"]], [[""]])).code).toBe("#VALUE!");
  });

  test("a deadline column against a row of periods", () => {
    const r = F.due(col("Quý I", "Quý II", "Quý IV", "Thường xuyên"), [["Q1/2024", "Q2/2024", "Q3/2024", "Q4/2024"]], [[2024]]);
    expect(r).toEqual([
      [true, false, false, false],
      [false, true, false, false],
      [false, false, false, true],
      [true, true, true, true],
    ]);
  });
});
