/**
 * Calendar dates as ISO strings "YYYY-MM-DD". No time zones anywhere: all arithmetic is done
 * on day numbers (proleptic Gregorian calendar), never on `Date` objects. The only places a
 * JS `Date` is read are `parseUserDate` (a date picked by a person) and `todayIso` (the user's
 * "today"), and both read the LOCAL calendar fields, i.e. the date the person sees.
 *
 * Years are 1..9999 (four digits, zero-padded).
 */

export interface YMD {
  year: number;
  month: number;
  day: number;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month (1..12) of a year; 0 for an impossible month. */
export function lastDayOfMonth(year: number, month: number): number {
  if (!Number.isInteger(month) || month < 1 || month > 12) return 0;
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True for a real calendar date with integer parts and a year in 1..9999. */
export function isValidYMD(year: number, month: number, day: number): boolean {
  if (![year, month, day].every(Number.isInteger)) return false;
  if (year < 1 || year > 9999) return false;
  if (month < 1 || month > 12) return false;
  return day >= 1 && day <= lastDayOfMonth(year, month);
}

/** "YYYY-MM-DD"; throws a RangeError for an impossible date. */
export function toIso(year: number, month: number, day: number): string {
  if (!isValidYMD(year, month, day)) {
    throw new RangeError(`Ngày không hợp lệ / invalid date: ${year}-${month}-${day}`);
  }
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The parts of a strict "YYYY-MM-DD" string, or null when it is malformed or impossible. */
export function parseIso(iso: unknown): YMD | null {
  if (typeof iso !== "string") return null;
  const m = ISO_RE.exec(iso);
  if (!m) return null;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  return isValidYMD(year, month, day) ? { year, month, day } : null;
}

export function isIso(s: unknown): s is string {
  return parseIso(s) !== null;
}

/** Days since 1970-01-01 (may be negative). Howard Hinnant's days_from_civil. */
export function dayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of `dayNumber`. */
export function fromDayNumber(n: number): YMD {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

function requireIso(iso: string): YMD {
  const p = parseIso(iso);
  if (!p) throw new RangeError(`Ngày ISO không hợp lệ / invalid ISO date: ${JSON.stringify(iso)}`);
  return p;
}

/** Day number of an ISO date; throws on a malformed date. */
export function isoToDayNumber(iso: string): number {
  const p = requireIso(iso);
  return dayNumber(p.year, p.month, p.day);
}

export function isoFromDayNumber(n: number): string {
  const p = fromDayNumber(n);
  return toIso(p.year, p.month, p.day);
}

/** The date `days` days after (negative: before) `iso`. Throws on a malformed date. */
export function addDays(iso: string, days: number): string {
  return isoFromDayNumber(isoToDayNumber(iso) + Math.trunc(days));
}

/** Whole days from `a` to `b` (b − a). */
export function daysBetween(a: string, b: string): number {
  return isoToDayNumber(b) - isoToDayNumber(a);
}

/** -1, 0 or 1. Well-formed ISO dates compare correctly as strings. */
export function compareIso(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The earliest of the given dates, ignoring null/undefined/empty; null when none. */
export function minIso(...dates: Array<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && (best === null || d < best)) best = d;
  return best;
}

/** The latest of the given dates, ignoring null/undefined/empty; null when none. */
export function maxIso(...dates: Array<string | null | undefined>): string | null {
  let best: string | null = null;
  for (const d of dates) if (d && (best === null || d > best)) best = d;
  return best;
}

export function endOfMonthIso(year: number, month: number): string {
  return toIso(year, month, lastDayOfMonth(year, month));
}

// --- Excel serials (1900 date system) ---------------------------------------------------
// Serial 1 = 1900-01-01; Excel keeps Lotus 1-2-3's fictitious 1900-02-29 as serial 60, so from
// serial 61 (1900-03-01) on, serial = days since 1899-12-30. Serial 0 and 60 have no real date.

const EXCEL_EPOCH = dayNumber(1899, 12, 30);
const EXCEL_MAX = dayNumber(9999, 12, 31) - EXCEL_EPOCH;

/** The Excel serial of a date from 1900-01-01 on; throws for earlier or malformed dates. */
export function excelSerialFromIso(iso: string): number {
  const n = isoToDayNumber(iso) - EXCEL_EPOCH;
  if (n >= 61) return n;
  if (n >= 2) return n - 1; // 1900-01-01 .. 1900-02-28 → 1 .. 59
  throw new RangeError(`Ngày trước 01/01/1900 không có số sê-ri Excel / no Excel serial before 1900-01-01: ${iso}`);
}

/** The date of an Excel serial (time of day ignored), or null for serial 60, < 1 or > 9999-12-31. */
export function isoFromExcelSerial(serial: number): string | null {
  if (typeof serial !== "number" || !Number.isFinite(serial)) return null;
  const s = Math.floor(serial);
  if (s < 1 || s === 60 || s > EXCEL_MAX) return null;
  return isoFromDayNumber(EXCEL_EPOCH + (s < 60 ? s + 1 : s));
}

// --- Vietnamese display and user input ---------------------------------------------------

/** "15/01/2024"; "" for null or a malformed date. */
export function formatViDate(iso: string | null | undefined): string {
  const p = parseIso(iso);
  if (!p) return "";
  return `${String(p.day).padStart(2, "0")}/${String(p.month).padStart(2, "0")}/${String(p.year).padStart(4, "0")}`;
}

/** Two-digit years are read as 20yy (this product tracks plans from 2019 on). */
function fullYear(y: string): number {
  return y.length === 2 ? 2000 + +y : +y;
}

function ymdOrNull(y: number, m: number, d: number): string | null {
  return isValidYMD(y, m, d) ? toIso(y, m, d) : null;
}

/**
 * A date typed or picked by a person → ISO, or null when it is not a (real) date.
 * Accepts: "15/01/2024", "15/1/24", "15-01-2024", "15.01.2024" (day first, Vietnamese order),
 * "2024-01-15" (optionally followed by a time, which is ignored), "ngày 15 tháng 01 năm 2024",
 * an Excel serial as a number or a digit string ("45306"), and a JS Date (its local calendar
 * date, which is what a date picker or Excel hands over). Never guesses month-first order.
 * With `defaultYear` (the plan's year), a day and month without a year ("15/3", "15-03",
 * "ngày 15 tháng 3") are read in that year; without it they are not dates.
 */
export function parseUserDate(value: unknown, defaultYear?: number): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return ymdOrNull(value.getFullYear(), value.getMonth() + 1, value.getDate());
  }
  if (typeof value === "number") return isoFromExcelSerial(value);
  if (typeof value !== "string") return null;
  const s = value.normalize("NFC").trim().toLowerCase();
  if (s === "") return null;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/.exec(s);
  if (m) return ymdOrNull(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/.exec(s);
  if (m) return ymdOrNull(fullYear(m[4]), +m[3], +m[1]);
  m = /^(?:ngày\s*)?(\d{1,2})\s+tháng\s+(\d{1,2})\s*(?:năm|,|\/)?\s*(\d{4})$/.exec(s);
  if (m) return ymdOrNull(+m[3], +m[2], +m[1]);
  if (/^\d{1,7}(?:\.\d+)?$/.test(s)) return isoFromExcelSerial(Number(s));
  if (defaultYear !== undefined && Number.isInteger(defaultYear)) {
    m = /^(?:ngày\s*)?(\d{1,2})\s*[/-]\s*(\d{1,2})$/.exec(s) ?? /^(?:ngày\s*)?(\d{1,2})\s+tháng\s+(\d{1,2})$/.exec(s);
    if (m) return ymdOrNull(defaultYear, +m[2], +m[1]);
  }
  return null;
}

/** Today's calendar date where the user is (local fields of `now`). */
export function todayIso(now: Date = new Date()): string {
  return toIso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
