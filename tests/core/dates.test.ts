import {
  addDays, compareIso, dayNumber, daysBetween, excelSerialFromIso, formatViDate, fromDayNumber,
  isLeapYear, isoFromExcelSerial, isValidYMD, lastDayOfMonth, maxIso, minIso, parseIso,
  parseUserDate, todayIso, toIso,
} from "../../src/core/dates";
import fc from "fast-check";

describe("isValidYMD / toIso / parseIso", () => {
  test.each([
    [2024, 1, 15, true],
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false],
    [2000, 2, 29, true],
    [2024, 4, 31, false],
    [2024, 13, 1, false],
    [2024, 0, 1, false],
    [2024, 1, 0, false],
    [0, 1, 1, false],
    [10000, 1, 1, false],
    [2024.5, 1, 1, false],
  ])("%d-%d-%d → %s", (y, m, d, ok) => expect(isValidYMD(y, m, d)).toBe(ok));

  test("toIso pads and throws on impossible dates", () => {
    expect(toIso(2024, 1, 5)).toBe("2024-01-05");
    expect(toIso(999, 12, 31)).toBe("0999-12-31");
    expect(() => toIso(2024, 2, 30)).toThrow(RangeError);
  });

  test("parseIso is strict", () => {
    expect(parseIso("2024-01-15")).toEqual({ year: 2024, month: 1, day: 15 });
    expect(parseIso("2024-1-15")).toBeNull();
    expect(parseIso("2024-02-30")).toBeNull();
    expect(parseIso("15/01/2024")).toBeNull();
    expect(parseIso(" 2024-01-15")).toBeNull();
    expect(parseIso(null)).toBeNull();
    expect(parseIso(45306)).toBeNull();
  });

  test("leap years and month lengths", () => {
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2100)).toBe(false);
    expect(lastDayOfMonth(2024, 2)).toBe(29);
    expect(lastDayOfMonth(2023, 2)).toBe(28);
    expect(lastDayOfMonth(2024, 4)).toBe(30);
    expect(lastDayOfMonth(2024, 12)).toBe(31);
    expect(lastDayOfMonth(2024, 13)).toBe(0);
  });
});

describe("day arithmetic", () => {
  test("addDays crosses months, years and leap days", () => {
    expect(addDays("2024-01-31", 1)).toBe("2024-02-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2024-01-01", -1)).toBe("2023-12-31");
    expect(addDays("2024-03-01", 0)).toBe("2024-03-01");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
    expect(() => addDays("2024-02-30", 1)).toThrow();
  });

  test("daysBetween and epoch", () => {
    expect(dayNumber(1970, 1, 1)).toBe(0);
    expect(daysBetween("2024-01-01", "2024-12-31")).toBe(365);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
  });

  test("dayNumber and fromDayNumber are inverse (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -700000, max: 2900000 }), (n) => {
        const p = fromDayNumber(n);
        expect(isValidYMD(p.year, p.month, p.day)).toBe(true);
        expect(dayNumber(p.year, p.month, p.day)).toBe(n);
      }),
      { numRuns: 300 },
    );
  });

  test("addDays agrees with Date.UTC arithmetic (property)", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1901, 0, 1)), max: new Date(Date.UTC(2199, 0, 1)) }), fc.integer({ min: -5000, max: 5000 }), (dt, n) => {
        if (Number.isNaN(dt.getTime())) return;
        const iso = dt.toISOString().slice(0, 10);
        const expected = new Date(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10) + n)).toISOString().slice(0, 10);
        expect(addDays(iso, n)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  test("compare, min, max", () => {
    expect(compareIso("2024-01-15", "2024-02-01")).toBe(-1);
    expect(compareIso("2024-02-01", "2024-01-15")).toBe(1);
    expect(compareIso("2024-01-15", "2024-01-15")).toBe(0);
    expect(minIso("2024-03-01", null, "2024-01-15", undefined)).toBe("2024-01-15");
    expect(maxIso("2024-03-01", null, "2024-01-15")).toBe("2024-03-01");
    expect(minIso()).toBeNull();
    expect(maxIso(null, undefined)).toBeNull();
  });
});

describe("Excel serials (1900 system)", () => {
  test.each([
    ["2024-01-15", 45306],
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["1899-12-31", undefined],
    ["2000-01-01", 36526],
    ["9999-12-31", 2958465],
  ])("%s ↔ %s", (iso, serial) => {
    if (serial === undefined) {
      expect(() => excelSerialFromIso(iso)).toThrow();
      return;
    }
    expect(excelSerialFromIso(iso)).toBe(serial);
    expect(isoFromExcelSerial(serial)).toBe(iso);
  });

  test("the fictitious 1900-02-29, out-of-range and fractional serials", () => {
    expect(isoFromExcelSerial(60)).toBeNull();
    expect(isoFromExcelSerial(0)).toBeNull();
    expect(isoFromExcelSerial(-3)).toBeNull();
    expect(isoFromExcelSerial(2958466)).toBeNull();
    expect(isoFromExcelSerial(NaN)).toBeNull();
    expect(isoFromExcelSerial(45306.75)).toBe("2024-01-15");
  });

  test("round trip (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }).filter((s) => s !== 60), (s) => {
        const iso = isoFromExcelSerial(s)!;
        expect(excelSerialFromIso(iso)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Vietnamese display and user input", () => {
  test("formatViDate", () => {
    expect(formatViDate("2024-01-15")).toBe("15/01/2024");
    expect(formatViDate("2024-12-05")).toBe("05/12/2024");
    expect(formatViDate(null)).toBe("");
    expect(formatViDate("2024-02-30")).toBe("");
  });

  test.each<[unknown, string | null]>([
    ["15/01/2024", "2024-01-15"],
    ["15/1/2024", "2024-01-15"],
    ["5/1/24", "2024-01-05"],
    ["15-01-2024", "2024-01-15"],
    ["15.01.2024", "2024-01-15"],
    [" 15 / 01 / 2024 ", "2024-01-15"],
    ["2024-01-15", "2024-01-15"],
    ["2024-1-5", "2024-01-05"],
    ["2024-01-15T08:30:00Z", "2024-01-15"],
    ["ngày 15 tháng 01 năm 2024", "2024-01-15"],
    ["ngày 15 tháng 01 năm 2024".normalize("NFD"), "2024-01-15"],
    [45306, "2024-01-15"],
    ["45306", "2024-01-15"],
    [new Date(2024, 0, 15), "2024-01-15"],
    [new Date(2024, 0, 15, 23, 59), "2024-01-15"],
    [new Date(NaN), null],
    ["30/02/2024", null],
    ["13/13/2024", null],
    ["01/15/2024", null],
    ["", null],
    ["abc", null],
    [null, null],
    [undefined, null],
    [{}, null],
    [60, null],
  ])("parseUserDate(%p) → %p", (input, expected) => expect(parseUserDate(input)).toBe(expected));

  test("todayIso uses the local calendar date", () => {
    expect(todayIso(new Date(2024, 5, 30, 23, 59, 59))).toBe("2024-06-30");
    expect(todayIso(new Date(2024, 0, 1, 0, 0, 1))).toBe("2024-01-01");
    expect(todayIso()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
