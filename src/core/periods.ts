/**
 * Reporting periods (Nghị định 09/2019/NĐ-CP, Điều 12) and their data cut-offs.
 *
 * Every period has two windows:
 *  - the CUT-OFF window (`cutoffStart..cutoffEnd`): which data the report covers. By default
 *    from the 15th of the month before the period to the 14th of its last month
 *    (Q1/2024 = 15/12/2023–14/03/2024; 6 tháng = 15/12–14/06; 9 tháng = 15/12–14/09;
 *    năm = 15/12–14/12). Provinces may set other days: `CutoffSettings`. With `startDay: 1`
 *    the window starts on the 1st of the period's first month (calendar-aligned).
 *  - the CALENDAR span (`calendarStart..calendarEnd`): the nominal quarter/half/year
 *    (Q2 = 01/04–30/06).
 *
 * Decision taken for reports (used by `dueInPeriod` and `reportAsOf`):
 *  - an activity is "due in a period" when its deadline falls due within the period's
 *    CALENDAR span (Q2 = 01/04–30/06), per `dueWithin` in deadline.ts;
 *  - statuses are evaluated as of the report's as-of date, which defaults to the period's
 *    cut-off end (14/06 for Q2). So an activity due 25/06 is due in Q2 but, as of 14/06,
 *    it is still "Đang thực hiện" / "Chưa đến hạn", not "Quá hạn".
 */
import { addDays, formatViDate, isoFromDayNumber, isoToDayNumber, lastDayOfMonth, parseIso, toIso } from "./dates";
import { Deadline, dueWithin } from "./deadline";
import { normalizeText, stripDiacritics } from "./text";

export type PeriodKind = "quarter" | "half" | "nine-months" | "year" | "adhoc";

export interface CutoffSettings {
  startDay: number;
  endDay: number;
}

export const DEFAULT_CUTOFF: Readonly<CutoffSettings> = Object.freeze({ startDay: 15, endDay: 14 });

export interface Period {
  kind: PeriodKind;
  year: number;
  quarter?: 1 | 2 | 3 | 4;
  /** "Q2-2024", "H1-2024", "9M-2024", "Y-2024", "2024-03-01..2024-04-15" */
  token: string;
  /** "Quý II/2024", "6 tháng/2024", "9 tháng/2024", "Năm 2024", "Đột xuất 01/03/2024–15/04/2024" */
  label: string;
  labelEn: string;
  /** "BC Quý II-2024", "BC 6 tháng-2024", "BC 9 tháng-2024", "BC Năm-2024", "BC đột xuất 0103-1504-2024" (≤ 31 chars, no []:*?/\) */
  sheetName: string;
  /** the data window: Q1 2024 = 2023-12-15 .. 2024-03-14 */
  cutoffStart: string;
  cutoffEnd: string;
  /** the nominal span: Q1 2024 = 2024-01-01 .. 2024-03-31 */
  calendarStart: string;
  calendarEnd: string;
}

const ROMAN = ["", "I", "II", "III", "IV"];
const KIND_ORDER: Record<PeriodKind, number> = { quarter: 0, half: 1, "nine-months": 2, year: 3, adhoc: 4 };

function badPeriod(what: string): Error {
  return new Error(
    `Kỳ báo cáo không hợp lệ: ${what} (ví dụ: Q2-2024, H1-2024, 9M-2024, Y-2024, 2024-03-01..2024-04-15) / ` +
      `Invalid reporting period: ${what} (e.g. Q2-2024, H1-2024, 9M-2024, Y-2024, 2024-03-01..2024-04-15)`,
  );
}

function checkSettings(s: CutoffSettings): CutoffSettings {
  const ok = (d: number) => Number.isInteger(d) && d >= 1 && d <= 31;
  if (!s || !ok(s.startDay) || !ok(s.endDay)) {
    throw new Error(
      `Ngày chốt số liệu không hợp lệ: ${JSON.stringify(s)} (ngày 1–31) / Invalid cut-off days: ${JSON.stringify(s)} (days 1–31)`,
    );
  }
  return s;
}

function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 2 || year > 9999) throw badPeriod(`năm/year ${year}`);
  return year;
}

/** day `day` of a month, clamped to the month's length */
function clampedDay(year: number, month: number, day: number): string {
  return toIso(year, month, Math.min(day, lastDayOfMonth(year, month)));
}

/** The cut-off window of a period running from `firstMonth` to `lastMonth` of `year`. */
function cutoffWindow(year: number, firstMonth: number, lastMonth: number, s: CutoffSettings): [string, string] {
  let start: string;
  if (s.startDay === 1) start = toIso(year, firstMonth, 1);
  else if (firstMonth === 1) start = clampedDay(year - 1, 12, s.startDay);
  else start = clampedDay(year, firstMonth - 1, s.startDay);
  return [start, clampedDay(year, lastMonth, s.endDay)];
}

/** A quarter, half (6 tháng), nine-months (9 tháng) or year period. */
export function periodOf(kind: PeriodKind, year: number, quarter?: number, settings: CutoffSettings = DEFAULT_CUTOFF): Period {
  checkSettings(settings);
  checkYear(year);
  let firstMonth = 1;
  let lastMonth: number;
  let base: Pick<Period, "token" | "label" | "labelEn" | "sheetName">;
  switch (kind) {
    case "quarter": {
      if (quarter === undefined || !Number.isInteger(quarter) || quarter < 1 || quarter > 4) throw badPeriod(`quý/quarter ${quarter}`);
      firstMonth = 3 * quarter - 2;
      lastMonth = 3 * quarter;
      base = { token: `Q${quarter}-${year}`, label: `Quý ${ROMAN[quarter]}/${year}`, labelEn: `Q${quarter} ${year}`, sheetName: `BC Quý ${ROMAN[quarter]}-${year}` };
      break;
    }
    case "half":
      lastMonth = 6;
      base = { token: `H1-${year}`, label: `6 tháng/${year}`, labelEn: `First half ${year}`, sheetName: `BC 6 tháng-${year}` };
      break;
    case "nine-months":
      lastMonth = 9;
      base = { token: `9M-${year}`, label: `9 tháng/${year}`, labelEn: `Nine months ${year}`, sheetName: `BC 9 tháng-${year}` };
      break;
    case "year":
      lastMonth = 12;
      base = { token: `Y-${year}`, label: `Năm ${year}`, labelEn: `Year ${year}`, sheetName: `BC Năm-${year}` };
      break;
    case "adhoc":
      throw new Error("Kỳ đột xuất cần ngày bắt đầu và kết thúc: dùng adhocPeriod(start, end) / An ad hoc period needs a start and an end: use adhocPeriod(start, end)");
    default:
      throw badPeriod(String(kind));
  }
  const [cutoffStart, cutoffEnd] = cutoffWindow(year, firstMonth, lastMonth, settings);
  const p: Period = {
    kind,
    year,
    ...base,
    cutoffStart,
    cutoffEnd,
    calendarStart: toIso(year, firstMonth, 1),
    calendarEnd: toIso(year, lastMonth, lastDayOfMonth(year, lastMonth)),
  };
  if (kind === "quarter") p.quarter = quarter as 1 | 2 | 3 | 4;
  return p;
}

/** An ad hoc (đột xuất) period: any range; its cut-off window and calendar span are the same. */
export function adhocPeriod(start: string, end: string): Period {
  const a = parseIso(start);
  const b = parseIso(end);
  if (!a || !b || start > end) throw badPeriod(`${start}..${end}`);
  const ddmm = (p: { day: number; month: number }) => `${String(p.day).padStart(2, "0")}${String(p.month).padStart(2, "0")}`;
  const yyyy = (y: number) => String(y).padStart(4, "0");
  const sheetName = a.year === b.year
    ? `BC đột xuất ${ddmm(a)}-${ddmm(b)}-${yyyy(b.year)}`
    : `BC đột xuất ${ddmm(a)}${yyyy(a.year)}-${ddmm(b)}${yyyy(b.year)}`;
  return {
    kind: "adhoc",
    year: b.year,
    token: `${start}..${end}`,
    label: `Đột xuất ${formatViDate(start)}–${formatViDate(end)}`,
    labelEn: `Ad hoc ${formatViDate(start)}–${formatViDate(end)}`,
    sheetName,
    cutoffStart: start,
    cutoffEnd: end,
    calendarStart: start,
    calendarEnd: end,
  };
}

// --- tokens ----------------------------------------------------------------------------------

function keyOf(s: string): string {
  return stripDiacritics(normalizeText(s))
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

const Q_NUM: Record<string, number> = { "1": 1, "2": 2, "3": 3, "4": 4, i: 1, ii: 2, iii: 3, iv: 4 };
const YEAR_SEP = String.raw`\s*(?:[/\-_ ]|nam)?\s*(?:nam\s*)?(\d{4})`;
const RE_QUARTER = new RegExp(String.raw`^(?:q|quy|qui|quarter)\s*\.?\s*(iv|i{1,3}|[1-9]|v|vi{1,3})` + YEAR_SEP + "$");
const RE_HALF = new RegExp(String.raw`^(?:h1|6t|6m|6 ?thang(?: dau nam)?|nua dau nam|6 months|first half)` + YEAR_SEP + "$");
const RE_NINE = new RegExp(String.raw`^(?:9m|9t|9 ?thang(?: dau nam)?|9 months|nine months)` + YEAR_SEP + "$");
const RE_YEAR = new RegExp(String.raw`^(?:y|n|nam|ca nam|year)` + YEAR_SEP + "$");
const RE_ADHOC_ISO = /^(\d{4}-\d{2}-\d{2})\s*(?:\.\.|\s-\s|den|to)\s*(\d{4}-\d{2}-\d{2})$/;
const RE_ADHOC_VI = /^(?:dot xuat|ad hoc)\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*(?:-|\.\.|den|to)\s*(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const RE_ADHOC_SHEET = /^dot xuat\s*(\d{2})(\d{2})-(\d{2})(\d{2})-(\d{4})$/;
const RE_ADHOC_SHEET2 = /^dot xuat\s*(\d{2})(\d{2})(\d{4})-(\d{2})(\d{2})(\d{4})$/;

function ymd(y: string, m: string, d: string): string {
  const iso = `${y.padStart(4, "0")}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  if (!parseIso(iso)) throw badPeriod(`${d}/${m}/${y}`);
  return iso;
}

/**
 * A period from its token ("Q2-2024", "H1-2024", "9M-2024", "Y-2024", "2024-03-01..2024-04-15")
 * or a common spelling of it ("Q2/2024", "Quý II/2024", "6T-2024", "6 tháng/2024", "N-2024",
 * "Năm 2024", its own label, English label or sheet name). Throws a clear bilingual Error otherwise.
 */
export function parsePeriodToken(token: string, settings: CutoffSettings = DEFAULT_CUTOFF): Period {
  if (typeof token !== "string") throw badPeriod(String(token));
  const k = keyOf(token).replace(/^bc\s+/, "");
  let m: RegExpExecArray | null;
  if ((m = RE_QUARTER.exec(k))) {
    const q = Q_NUM[m[1]];
    if (!q) throw badPeriod(`“${normalizeText(token)}” (quý/quarter ${m[1].toUpperCase()})`);
    return periodOf("quarter", +m[2], q, settings);
  }
  if ((m = RE_HALF.exec(k))) return periodOf("half", +m[1], undefined, settings);
  if ((m = RE_NINE.exec(k))) return periodOf("nine-months", +m[1], undefined, settings);
  if ((m = RE_YEAR.exec(k))) return periodOf("year", +m[1], undefined, settings);
  if ((m = RE_ADHOC_ISO.exec(k))) return adhocPeriod(m[1], m[2]);
  if ((m = RE_ADHOC_VI.exec(k))) return adhocPeriod(ymd(m[3], m[2], m[1]), ymd(m[6], m[5], m[4]));
  if ((m = RE_ADHOC_SHEET.exec(k))) return adhocPeriod(ymd(m[5], m[2], m[1]), ymd(m[5], m[4], m[3]));
  if ((m = RE_ADHOC_SHEET2.exec(k))) return adhocPeriod(ymd(m[3], m[2], m[1]), ymd(m[6], m[5], m[4]));
  throw badPeriod(`“${normalizeText(token)}”`);
}

// --- finding periods -------------------------------------------------------------------------

function requireIso(iso: string): { year: number } {
  const p = parseIso(iso);
  if (!p) throw new RangeError(`Ngày ISO không hợp lệ / invalid ISO date: ${JSON.stringify(iso)}`);
  return p;
}

/** The seven regular periods of a year (4 quarters, 6 tháng, 9 tháng, năm) in report order. */
export function periodsOfYear(year: number, settings: CutoffSettings = DEFAULT_CUTOFF): Period[] {
  const all = [
    ...[1, 2, 3, 4].map((q) => periodOf("quarter", year, q, settings)),
    periodOf("half", year, undefined, settings),
    periodOf("nine-months", year, undefined, settings),
    periodOf("year", year, undefined, settings),
  ];
  return all.sort((a, b) => (a.cutoffEnd < b.cutoffEnd ? -1 : a.cutoffEnd > b.cutoffEnd ? 1 : KIND_ORDER[a.kind] - KIND_ORDER[b.kind]));
}

/**
 * The period of a kind whose CUT-OFF window contains the date (2024-06-20 → Q3/2024 with the
 * default 15/14 cut-offs; 2023-12-20 → Q1/2024). Null when no window of that kind contains it
 * (e.g. "half" for a date in 15/06–14/12, which no 6-month report covers; a gap left by unusual
 * settings) and for "adhoc". When custom settings make windows overlap, the earliest wins.
 */
export function periodContaining(isoDate: string, kind: PeriodKind, settings: CutoffSettings = DEFAULT_CUTOFF): Period | null {
  const { year } = requireIso(isoDate);
  checkSettings(settings);
  if (kind === "adhoc") return null;
  for (const y of [year - 1, year, year + 1]) {
    if (y < 2 || y > 9999) continue;
    const candidates = kind === "quarter" ? [1, 2, 3, 4].map((q) => periodOf("quarter", y, q, settings)) : [periodOf(kind, y, undefined, settings)];
    for (const p of candidates) if (p.cutoffStart <= isoDate && isoDate <= p.cutoffEnd) return p;
  }
  return null;
}

/**
 * Every quarter / 6-month / 9-month / year period of `year` whose cut-off window has started
 * by `asOf` (cutoffStart ≤ asOf), in report order (Q1, Q2, 6 tháng, Q3, 9 tháng, Q4, năm).
 */
export function periodsUpTo(asOf: string, year: number, settings: CutoffSettings = DEFAULT_CUTOFF): Period[] {
  requireIso(asOf);
  return periodsOfYear(year, settings).filter((p) => p.cutoffStart <= asOf);
}

/** From 1 January of the period's year to the end of its calendar span. */
export function yearToDate(period: Period): { start: string; end: string } {
  return { start: toIso(period.year, 1, 1), end: period.calendarEnd };
}

/** The as-of date a report uses: the one given, else the period's cut-off end. */
export function reportAsOf(period: Period, asOf?: string | null): string {
  return asOf && parseIso(asOf) ? asOf : period.cutoffEnd;
}

/** True when the deadline falls due within the period's CALENDAR span (see the file comment). */
export function dueInPeriod(deadline: Deadline, period: Period): boolean {
  return dueWithin(deadline, period.calendarStart, period.calendarEnd);
}

/** Number of days in the cut-off window (inclusive). */
export function cutoffLength(period: Period): number {
  return isoToDayNumber(period.cutoffEnd) - isoToDayNumber(period.cutoffStart) + 1;
}

/** The period that follows `p` of the same kind (next quarter, next year's half…); ad hoc: the same length right after. */
export function nextPeriod(p: Period, settings: CutoffSettings = DEFAULT_CUTOFF): Period {
  if (p.kind === "quarter") return p.quarter === 4 ? periodOf("quarter", p.year + 1, 1, settings) : periodOf("quarter", p.year, (p.quarter ?? 0) + 1, settings);
  if (p.kind === "adhoc") {
    const start = addDays(p.cutoffEnd, 1);
    return adhocPeriod(start, isoFromDayNumber(isoToDayNumber(start) + cutoffLength(p) - 1));
  }
  return periodOf(p.kind, p.year + 1, undefined, settings);
}
