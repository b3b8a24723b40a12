import fc from "fast-check";
import { Deadline, parseDeadline } from "../../src/core/deadline";
import { parseIso } from "../../src/core/dates";

const PLAN_YEAR = 2024;
const RUNS = Number(process.env.PROP_RUNS ?? 400);
const KINDS = ["date", "range", "recurring", "event", "external", "duration", "invalid", "missing"];

// --- generators ------------------------------------------------------------------------------

const roman = fc.constantFrom("I", "II", "III", "IV", "V", "i", "ii", "iv", "1", "2", "3", "4", "0", "5");
const quarterWord = fc.constantFrom("Quý ", "Quí ", "Qúy ", "quy ", "QUÝ ", "Q", "Q.", "q");
const monthNum = fc.integer({ min: 0, max: 14 }).map((n) => (n < 10 && n % 2 ? `0${n}` : `${n}`));
const year = fc.constantFrom("2023", "2024", "2025", "2030", "1999", "0000", "2100");
const yearSuffix = fc.oneof(
  fc.constant(""),
  year.map((y) => `/${y}`),
  year.map((y) => ` năm ${y}`),
  year.map((y) => `-${y}`),
  year.map((y) => ` ${y}`),
);
const listSep = fc.constantFrom(", ", ",", " và ", "; ", " & ", " hoặc ");
const spanSep = fc.constantFrom("-", " - ", "–", " — ", " đến ", " tới ");
const sep = fc.oneof(listSep, spanSep);

const quarterExpr = fc
  .tuple(quarterWord, fc.array(fc.tuple(sep, fc.boolean(), roman), { maxLength: 3 }), roman, yearSuffix)
  .map(([w, rest, first, y]) => w + first + rest.map(([s, repeat, r]) => s + (repeat ? "quý " : "") + r).join("") + y);

const monthExpr = fc
  .tuple(fc.constantFrom("Tháng ", "tháng ", "THÁNG ", "T"), monthNum, fc.array(fc.tuple(sep, fc.boolean(), monthNum), { maxLength: 3 }), yearSuffix)
  .map(([w, first, rest, y]) => w + first + rest.map(([s, repeat, m]) => s + (repeat ? "tháng " : "") + m).join("") + y);

const dayDate = fc
  .tuple(fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 13 }), fc.constantFrom("/", "-", "."), fc.oneof(fc.constant(null), year))
  .map(([d, m, s, y]) => (y === null ? `${d}/${m}` : `${d}${s}${m}${s}${y}`));
const dateExpr = fc
  .tuple(fc.constantFrom("", "Trước ", "Trước ngày ", "Chậm nhất ngày ", "Từ ", "Từ ngày "), dayDate, fc.array(fc.tuple(sep, dayDate), { maxLength: 2 }))
  .map(([p, d, rest]) => p + d + rest.map(([s, x]) => s + x).join(""));

const halfExpr = fc
  .tuple(fc.constantFrom("6 tháng đầu năm", "6 tháng cuối năm", "9 tháng đầu năm", "3 tháng cuối năm", "18 tháng", "Nửa đầu năm", "nửa cuối năm"), yearSuffix)
  .map(([h, y]) => h + y);
const yearExpr = fc.oneof(
  year.map((y) => `Năm ${y}`),
  year.map((y) => `Trong năm ${y}`),
  fc.tuple(year, year).map(([a, b]) => `Năm ${a}-${b}`),
  fc.constantFrom("Cả năm", "Trong năm", "Năm", "Đầu năm", "Cuối năm", "Hằng năm"),
);
const words = fc.constantFrom(
  "Thường xuyên", "Hằng tháng", "Hàng tháng", "Định kỳ hằng quý", "Hằng quý", "Định kỳ", "Định kỳ 6 tháng",
  "Theo Kế hoạch của UBND huyện", "Theo lộ trình đề án được phê duyệt", "Theo quy định", "Theo hướng dẫn của Sở Nội vụ",
  "Sau khi các cơ quan liên quan công bố chỉ số PAPI…", "Khi có văn bản mới", "Khi có yêu cầu", "Đột xuất",
  // issue 13: open-ended starts, yearly recurrence, events with a start, durations
  "và các năm tiếp theo", "và những năm tiếp theo", "trở đi", "Hàng năm", "hằng năm", "Tháng 12 hằng năm",
  "Từ tháng 3 đến tháng 11 hằng năm", "đến khi có quyết định", "Giai đoạn 2026-2030", "0,25 ngày làm việc",
  "03 ngày làm việc (kể từ ngày nhận đủ hồ sơ)", "Trong 05 ngày làm việc", "Từ nay",
);
const unitExpr = fc.oneof(quarterExpr, monthExpr, dateExpr, halfExpr, yearExpr, words);
const prefix = fc.constantFrom("", "", "Trước ", "Trong ", "Từ ", "Cuối ", "Hết ", "Chậm nhất ", "- ", "(", "Đến hết ");
const noise = fc.constantFrom("", "", ".", ";", ")", " (dự kiến)", " hoặc khi có văn bản", "\n", " theo kế hoạch", " …");

/** Deadline-like text: units joined by separators, with prefixes, noise, line breaks and case changes. */
const deadlineText = fc
  .tuple(prefix, unitExpr, fc.array(fc.tuple(sep, unitExpr), { maxLength: 2 }), noise, fc.constantFrom("keep", "upper", "lower", "nfd", "lines"))
  .map(([p, u, rest, n, mode]) => {
    const s = p + u + rest.map(([x, v]) => x + v).join("") + n;
    switch (mode) {
      case "upper":
        return s.toUpperCase();
      case "lower":
        return s.toLowerCase();
      case "nfd":
        return s.normalize("NFD");
      case "lines":
        return s.replace(/ /g, " \n");
      default:
        return s;
    }
  });

const anyText = fc.oneof(
  { arbitrary: fc.string({ maxLength: 60 }), weight: 2 },
  { arbitrary: fc.fullUnicodeString({ maxLength: 40 }), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }), weight: 1 },
  { arbitrary: fc.stringMatching(/^[0-9/.\- QqIiVv,;đếnvàtháng]{0,30}$/), weight: 2 },
  { arbitrary: deadlineText, weight: 6 },
);

// --- helpers -----------------------------------------------------------------------------------

const core = (d: Deadline) => ({ kind: d.kind, start: d.start, end: d.end });

function checkInvariants(d: Deadline): void {
  expect(KINDS).toContain(d.kind);
  expect(Array.isArray(d.points)).toBe(true);
  expect(typeof d.display).toBe("string");
  expect(d.display).toBe(d.display.normalize("NFC"));
  expect(d.display).not.toMatch(/\n/);
  if (d.start !== null) expect(parseIso(d.start)).not.toBeNull();
  if (d.end !== null) expect(parseIso(d.end)).not.toBeNull();
  if (d.start !== null && d.end !== null) expect(d.start <= d.end).toBe(true);
  switch (d.kind) {
    case "date":
      expect(d.start).not.toBeNull();
      expect(d.start).toBe(d.end);
      break;
    case "range":
    case "recurring":
      expect(d.start).not.toBeNull();
      expect(d.end).not.toBeNull();
      break;
    case "event":
      // "Từ tháng 10/2025 đến khi …": a start, and an end tied to the event
      expect(d.end).toBeNull();
      break;
    default:
      expect([d.start, d.end]).toEqual([null, null]);
  }
  expect(d.duration !== undefined).toBe(d.kind === "duration");
  // a defect in the grammar is reported apart from bad input, and must never happen
  expect(d.internal).toBeUndefined();
  expect(d.recurrence !== null).toBe(d.kind === "recurring");
  if (d.kind === "invalid") {
    expect(d.reason).toBeTruthy();
    expect(d.reasonEn).toBeTruthy();
  } else {
    expect(d.reason).toBeUndefined();
  }
  for (const p of d.points) {
    expect(parseIso(p)).not.toBeNull();
    expect(p >= d.start! && p <= d.end!).toBe(true);
  }
  expect([...d.points].sort()).toEqual(d.points);
  expect(new Set(d.points).size).toBe(d.points.length);
  if (d.points.length > 0) expect(d.points[d.points.length - 1]).toBe(d.end);
}

// --- properties ----------------------------------------------------------------------------------

describe("parseDeadline properties", () => {
  test("never throws on arbitrary strings (ASCII, full unicode, graphemes) and keeps its invariants", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        checkInvariants(parseDeadline(s, PLAN_YEAR));
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("never throws on non-string input or odd plan years", () => {
    fc.assert(
      fc.property(fc.anything(), fc.oneof(fc.integer(), fc.double(), fc.constant(NaN)), (x, y) => {
        checkInvariants(parseDeadline(x as string, y));
      }),
      { numRuns: 100 },
    );
  });

  test("start ≤ end whenever both exist (deadline-like text)", () => {
    fc.assert(
      fc.property(deadlineText, (s) => {
        const d = parseDeadline(s, PLAN_YEAR);
        if (d.start !== null && d.end !== null) expect(d.start <= d.end).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  test("deterministic", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(parseDeadline(s, PLAN_YEAR)).toEqual(parseDeadline(s, PLAN_YEAR));
      }),
      { numRuns: RUNS },
    );
  });

  test("display is idempotent: parsing the display again gives the same kind, start, end and points", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const d = parseDeadline(s, PLAN_YEAR);
        const again = parseDeadline(d.display, PLAN_YEAR);
        expect(core(again)).toEqual(core(d));
        expect(again.points).toEqual(d.points);
        expect(again.recurrence).toEqual(d.recurrence);
        expect(again.display).toBe(d.display);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("NFC and NFD input give the same result", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(parseDeadline(s.normalize("NFD"), PLAN_YEAR)).toEqual(parseDeadline(s.normalize("NFC"), PLAN_YEAR));
      }),
      { numRuns: RUNS },
    );
  });

  test("case does not change what a deadline-like text means", () => {
    fc.assert(
      fc.property(deadlineText, (s) => {
        expect(core(parseDeadline(s.toUpperCase(), PLAN_YEAR))).toEqual(core(parseDeadline(s.toLowerCase(), PLAN_YEAR)));
      }),
      { numRuns: RUNS },
    );
  });

  test("a valid user date always yields a dated deadline, and only replaces undated ones", () => {
    const iso = fc.date({ min: new Date(Date.UTC(2000, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)) }).filter((x) => !Number.isNaN(x.getTime())).map((x) => x.toISOString().slice(0, 10));
    fc.assert(
      fc.property(anyText, iso, (s, u) => {
        const plain = parseDeadline(s, PLAN_YEAR);
        const d = parseDeadline(s, PLAN_YEAR, u);
        checkInvariants(d);
        expect(["date", "range", "recurring"]).toContain(d.kind);
        if (["event", "external", "duration", "invalid", "missing"].includes(plain.kind)) {
          expect(d).toMatchObject({ kind: "date", start: u, end: u, userDate: true });
        } else {
          expect(d).toEqual(plain);
        }
      }),
      { numRuns: RUNS },
    );
  });

  test("the plan year only fills years left out", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), roman.filter((r) => ["I", "II", "III", "IV", "1", "2", "3", "4"].includes(r)), (y, r) => {
        const withYear = parseDeadline(`Quý ${r}/${y}`, 1990);
        const withoutYear = parseDeadline(`Quý ${r}`, y);
        expect(core(withYear)).toEqual(core(withoutYear));
        expect(withYear.start!.slice(0, 4)).toBe(String(y));
      }),
      { numRuns: 100 },
    );
  });
});
