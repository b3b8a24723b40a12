import {
  adhocPeriod, DEFAULT_CUTOFF, dueInPeriod, nextPeriod, parsePeriodToken, Period, periodContaining,
  periodOf, periodsOfYear, periodsUpTo, reportAsOf, yearToDate, cutoffLength,
} from "../../src/core/periods";
import { parseDeadline } from "../../src/core/deadline";
import { addDays } from "../../src/core/dates";
import fc from "fast-check";

const win = (p: Period) => [p.cutoffStart, p.cutoffEnd, p.calendarStart, p.calendarEnd];

describe("periodOf with the default cut-offs (15 → 14, Nghị định 09/2019 Điều 12)", () => {
  test.each<[1 | 2 | 3 | 4, string[]]>([
    [1, ["2023-12-15", "2024-03-14", "2024-01-01", "2024-03-31"]],
    [2, ["2024-03-15", "2024-06-14", "2024-04-01", "2024-06-30"]],
    [3, ["2024-06-15", "2024-09-14", "2024-07-01", "2024-09-30"]],
    [4, ["2024-09-15", "2024-12-14", "2024-10-01", "2024-12-31"]],
  ])("Q%d 2024", (q, windows) => {
    const p = periodOf("quarter", 2024, q);
    expect(win(p)).toEqual(windows);
    expect(p).toMatchObject({ kind: "quarter", year: 2024, quarter: q, token: `Q${q}-2024` });
  });

  test("6 months, 9 months, year", () => {
    expect(win(periodOf("half", 2024))).toEqual(["2023-12-15", "2024-06-14", "2024-01-01", "2024-06-30"]);
    expect(win(periodOf("nine-months", 2024))).toEqual(["2023-12-15", "2024-09-14", "2024-01-01", "2024-09-30"]);
    expect(win(periodOf("year", 2024))).toEqual(["2023-12-15", "2024-12-14", "2024-01-01", "2024-12-31"]);
  });

  test("tokens, labels and sheet names", () => {
    const rows = [
      [periodOf("quarter", 2024, 2), "Q2-2024", "Quý II/2024", "Q2 2024", "BC Quý II-2024"],
      [periodOf("quarter", 2024, 4), "Q4-2024", "Quý IV/2024", "Q4 2024", "BC Quý IV-2024"],
      [periodOf("half", 2024), "H1-2024", "6 tháng/2024", "First half 2024", "BC 6 tháng-2024"],
      [periodOf("nine-months", 2024), "9M-2024", "9 tháng/2024", "Nine months 2024", "BC 9 tháng-2024"],
      [periodOf("year", 2024), "Y-2024", "Năm 2024", "Year 2024", "BC Năm-2024"],
      [adhocPeriod("2024-03-01", "2024-04-15"), "2024-03-01..2024-04-15", "Đột xuất 01/03/2024–15/04/2024", "Ad hoc 01/03/2024–15/04/2024", "BC đột xuất 0103-1504-2024"],
      [adhocPeriod("2024-12-01", "2025-01-15"), "2024-12-01..2025-01-15", "Đột xuất 01/12/2024–15/01/2025", "Ad hoc 01/12/2024–15/01/2025", "BC đột xuất 01122024-15012025"],
    ] as const;
    for (const [p, token, label, labelEn, sheetName] of rows) {
      expect({ token: p.token, label: p.label, labelEn: p.labelEn, sheetName: p.sheetName }).toEqual({ token, label, labelEn, sheetName });
      expect(p.sheetName.length).toBeLessThanOrEqual(31);
      expect(p.sheetName).not.toMatch(/[[\]:*?/\\]/);
      expect(p.label).toBe(p.label.normalize("NFC"));
    }
  });

  test("periodOf rejects bad arguments with a bilingual message", () => {
    expect(() => periodOf("quarter", 2024, 5)).toThrow(/Kỳ báo cáo không hợp lệ.*Invalid reporting period/);
    expect(() => periodOf("quarter", 2024)).toThrow(/Invalid/);
    expect(() => periodOf("adhoc", 2024)).toThrow(/adhocPeriod/);
    expect(() => periodOf("year", 2024.5)).toThrow(/Invalid/);
    expect(() => periodOf("year", 2024, undefined, { startDay: 0, endDay: 14 })).toThrow(/cut-off/);
    expect(() => periodOf("year", 2024, undefined, { startDay: 15, endDay: 32 })).toThrow(/cut-off/);
    expect(() => adhocPeriod("2024-04-15", "2024-03-01")).toThrow(/Invalid/);
    expect(() => adhocPeriod("2024-02-30", "2024-03-01")).toThrow(/Invalid/);
  });
});

describe("custom cut-off settings", () => {
  test("startDay 1 means calendar-aligned windows, endDay clamped to the month", () => {
    const s = { startDay: 1, endDay: 31 };
    expect(win(periodOf("quarter", 2024, 1, s))).toEqual(["2024-01-01", "2024-03-31", "2024-01-01", "2024-03-31"]);
    expect(win(periodOf("quarter", 2024, 2, s))).toEqual(["2024-04-01", "2024-06-30", "2024-04-01", "2024-06-30"]);
    expect(periodOf("half", 2024, undefined, s).cutoffEnd).toBe("2024-06-30");
    expect(periodOf("nine-months", 2024, undefined, s).cutoffEnd).toBe("2024-09-30");
    expect(periodOf("year", 2024, undefined, s).cutoffStart).toBe("2024-01-01");
    expect(periodOf("year", 2024, undefined, { startDay: 1, endDay: 14 }).cutoffEnd).toBe("2024-12-14");
  });

  test("other provincial days", () => {
    const s = { startDay: 20, endDay: 19 };
    expect(win(periodOf("quarter", 2024, 1, s)).slice(0, 2)).toEqual(["2023-12-20", "2024-03-19"]);
    expect(win(periodOf("quarter", 2024, 3, s)).slice(0, 2)).toEqual(["2024-06-20", "2024-09-19"]);
    // a start day past the end of the month before is clamped (31 June → 30 June)
    expect(periodOf("quarter", 2024, 3, { startDay: 31, endDay: 30 }).cutoffStart).toBe("2024-06-30");
    expect(periodOf("quarter", 2024, 1, { startDay: 30, endDay: 29 }).cutoffEnd).toBe("2024-03-29");
    expect(periodOf("quarter", 2024, 2, { startDay: 30, endDay: 31 }).cutoffEnd).toBe("2024-06-30");
  });

  test("consecutive default windows tile the timeline with no gap and no overlap", () => {
    let p = periodOf("quarter", 2023, 1);
    for (let i = 0; i < 12; i++) {
      const n = nextPeriod(p);
      expect(n.cutoffStart).toBe(addDays(p.cutoffEnd, 1));
      p = n;
    }
  });
});

describe("parsePeriodToken", () => {
  test.each([
    ["Q2-2024", "Q2-2024"],
    ["Q2/2024", "Q2-2024"],
    ["q2 2024", "Q2-2024"],
    ["Quý II/2024", "Q2-2024"],
    ["quý ii năm 2024", "Q2-2024"],
    ["Quý 2-2024", "Q2-2024"],
    ["QIV-2024", "Q4-2024"],
    ["BC Quý II-2024", "Q2-2024"],
    ["H1-2024", "H1-2024"],
    ["6T-2024", "H1-2024"],
    ["6 tháng/2024", "H1-2024"],
    ["6 tháng đầu năm 2024", "H1-2024"],
    ["BC 6 tháng-2024", "H1-2024"],
    ["9M-2024", "9M-2024"],
    ["9T/2024", "9M-2024"],
    ["9 tháng/2024", "9M-2024"],
    ["Y-2024", "Y-2024"],
    ["N-2024", "Y-2024"],
    ["Năm 2024", "Y-2024"],
    ["BC Năm-2024", "Y-2024"],
    ["Year 2024", "Y-2024"],
    ["2024-03-01..2024-04-15", "2024-03-01..2024-04-15"],
    ["Đột xuất 01/03/2024–15/04/2024", "2024-03-01..2024-04-15"],
    ["BC đột xuất 0103-1504-2024", "2024-03-01..2024-04-15"],
    ["BC đột xuất 01122024-15012025", "2024-12-01..2025-01-15"],
    ["  q2-2024  ".normalize("NFD"), "Q2-2024"],
  ])("%p → %s", (input, token) => expect(parsePeriodToken(input).token).toBe(token));

  test("every token, label, English label and sheet name parses back to the same period", () => {
    const all = [...periodsOfYear(2024), adhocPeriod("2024-03-01", "2024-04-15"), adhocPeriod("2024-12-01", "2025-01-15")];
    for (const p of all) {
      for (const s of [p.token, p.label, p.labelEn, p.sheetName]) expect(parsePeriodToken(s)).toEqual(p);
    }
  });

  test("settings are applied", () => {
    expect(parsePeriodToken("Q1-2024", { startDay: 1, endDay: 31 }).cutoffStart).toBe("2024-01-01");
  });

  test.each(["", "Q5-2024", "Quý V/2024", "Q0-2024", "X-2024", "Q2", "2024", "H1-24", "2024-04-15..2024-03-01", "2024-02-30..2024-03-01", "Đột xuất 31/02/2024–15/04/2024"])(
    "%p is rejected with a Vietnamese + English message",
    (bad) => {
      expect(() => parsePeriodToken(bad)).toThrow(/không hợp lệ.*\/ Invalid/);
    },
  );
});

describe("periodContaining (by cut-off window)", () => {
  test.each([
    ["2024-06-20", "quarter", "Q3-2024"],
    ["2023-12-20", "quarter", "Q1-2024"],
    ["2023-12-14", "quarter", "Q4-2023"],
    ["2023-12-15", "quarter", "Q1-2024"],
    ["2024-03-14", "quarter", "Q1-2024"],
    ["2024-03-15", "quarter", "Q2-2024"],
    ["2024-12-31", "quarter", "Q1-2025"],
    ["2024-06-14", "half", "H1-2024"],
    ["2023-12-20", "half", "H1-2024"],
    ["2024-09-14", "nine-months", "9M-2024"],
    ["2024-12-14", "year", "Y-2024"],
    ["2024-12-15", "year", "Y-2025"],
  ])("%s in %s → %s", (iso, kind, token) => {
    expect(periodContaining(iso, kind as Period["kind"])?.token).toBe(token);
  });

  test("dates no report of that kind covers give null", () => {
    expect(periodContaining("2024-07-01", "half")).toBeNull();
    expect(periodContaining("2024-11-01", "nine-months")).toBeNull();
    expect(periodContaining("2024-07-01", "adhoc")).toBeNull();
  });

  test("calendar settings", () => {
    expect(periodContaining("2024-06-20", "quarter", { startDay: 1, endDay: 31 })?.token).toBe("Q2-2024");
    expect(periodContaining("2024-12-31", "quarter", { startDay: 1, endDay: 31 })?.token).toBe("Q4-2024");
  });

  test("a malformed date throws", () => {
    expect(() => periodContaining("2024-02-30", "quarter")).toThrow();
  });

  test("every day belongs to exactly one quarter window (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (n) => {
        const iso = addDays("2020-01-01", n);
        const p = periodContaining(iso, "quarter")!;
        expect(p.cutoffStart <= iso && iso <= p.cutoffEnd).toBe(true);
        const others = [p.year - 1, p.year, p.year + 1].flatMap((y) => [1, 2, 3, 4].map((q) => periodOf("quarter", y, q)));
        expect(others.filter((o) => o.cutoffStart <= iso && iso <= o.cutoffEnd)).toHaveLength(1);
      }),
      { numRuns: 200 },
    );
  });
});

describe("periodsUpTo, yearToDate, reportAsOf, dueInPeriod", () => {
  test("periods whose cut-off window has started, in report order", () => {
    expect(periodsUpTo("2023-12-01", 2024, DEFAULT_CUTOFF).map((p) => p.token)).toEqual([]);
    expect(periodsUpTo("2023-12-15", 2024, DEFAULT_CUTOFF).map((p) => p.token)).toEqual(["Q1-2024", "H1-2024", "9M-2024", "Y-2024"]);
    expect(periodsUpTo("2024-07-01", 2024, DEFAULT_CUTOFF).map((p) => p.token)).toEqual(["Q1-2024", "Q2-2024", "H1-2024", "Q3-2024", "9M-2024", "Y-2024"]);
    expect(periodsUpTo("2025-06-01", 2024, DEFAULT_CUTOFF).map((p) => p.token)).toEqual(["Q1-2024", "Q2-2024", "H1-2024", "Q3-2024", "9M-2024", "Q4-2024", "Y-2024"]);
    expect(periodsUpTo("2024-04-01", 2024, { startDay: 1, endDay: 31 }).map((p) => p.token)).toEqual(["Q1-2024", "Q2-2024", "H1-2024", "9M-2024", "Y-2024"]);
  });

  test("yearToDate runs from 1 January to the calendar end", () => {
    expect(yearToDate(periodOf("quarter", 2024, 3))).toEqual({ start: "2024-01-01", end: "2024-09-30" });
    expect(yearToDate(periodOf("half", 2024))).toEqual({ start: "2024-01-01", end: "2024-06-30" });
    expect(yearToDate(periodOf("year", 2024))).toEqual({ start: "2024-01-01", end: "2024-12-31" });
    expect(yearToDate(adhocPeriod("2024-03-01", "2024-04-15"))).toEqual({ start: "2024-01-01", end: "2024-04-15" });
  });

  test("the as-of date defaults to the cut-off end", () => {
    const q2 = periodOf("quarter", 2024, 2);
    expect(reportAsOf(q2)).toBe("2024-06-14");
    expect(reportAsOf(q2, null)).toBe("2024-06-14");
    expect(reportAsOf(q2, "2024-06-30")).toBe("2024-06-30");
    expect(reportAsOf(q2, "garbage")).toBe("2024-06-14");
  });

  test("due in a period = due within its CALENDAR span", () => {
    const q2 = periodOf("quarter", 2024, 2);
    const d = (t: string) => parseDeadline(t, 2024);
    expect(dueInPeriod(d("Trước 25/06/2024"), q2)).toBe(true); // after the 14/06 cut-off, still Q2
    expect(dueInPeriod(d("Trước 10/04/2024"), q2)).toBe(true);
    expect(dueInPeriod(d("Trước 20/03/2024"), q2)).toBe(false); // inside Q2's cut-off window, but calendar Q1
    expect(dueInPeriod(d("Quý II"), q2)).toBe(true);
    expect(dueInPeriod(d("Tháng 6, tháng 12"), q2)).toBe(true);
    expect(dueInPeriod(d("Thường xuyên"), q2)).toBe(true);
    expect(dueInPeriod(d("Theo quy định"), q2)).toBe(false);
    expect(dueInPeriod(d("Năm 2024"), periodOf("year", 2024))).toBe(true);
    expect(dueInPeriod(d("Năm 2024"), periodOf("nine-months", 2024))).toBe(false);
  });

  test("cutoffLength and nextPeriod", () => {
    expect(cutoffLength(periodOf("quarter", 2024, 1))).toBe(91);
    expect(nextPeriod(periodOf("quarter", 2024, 4)).token).toBe("Q1-2025");
    expect(nextPeriod(periodOf("half", 2024)).token).toBe("H1-2025");
    expect(nextPeriod(adhocPeriod("2024-03-01", "2024-03-10")).token).toBe("2024-03-11..2024-03-20");
  });
});
