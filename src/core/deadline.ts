/**
 * The deadline grammar: the "Thời gian hoàn thành" column of a CCHC plan → a `Deadline`.
 *
 * Parsing works on a comparison key (NFC → diacritics stripped → lower case → dashes unified),
 * so "Quý", "Quí", "Qúy", "quy", NFD input and any case read alike. Precedence, in order:
 *
 *  1. empty / whitespace                                    → "missing"
 *  2. a duration that opens the text ("0,25 ngày làm việc", "03 ngày làm việc (kể từ …)")
 *                                                           → "duration": how long a procedure
 *     step takes, never a due date.
 *  3. "<start> đến khi …" ("Từ tháng 10/2025 đến khi tổ chức thành công Đại hội …") → "event"
 *     with the start the text dates and no end.
 *  4. explicit calendar dates ("15/01/2024", "15/1", "15-01-2024", "2024-01-15",
 *     "ngày 15 tháng 1 năm 2024", a bare Excel serial)     → "date" (one) or "range" (span or list);
 *     an impossible date anywhere                          → "invalid". A date beats everything
 *     else in the text: "Trước 31/3/2024 hoặc khi có văn bản" is 31/03/2024. "Từ ngày 01/7/2025"
 *     alone is an open-ended start (see 7); a yearless date with "hằng năm" is yearly (see 8).
 *  5. recurrence words (Thường xuyên, Hằng/Hàng tháng, Hằng quý, "tháng cuối quý", Định kỳ,
 *     "6 tháng/lần"…) → "recurring", spanning the plan year (a year in the text is ignored).
 *  6. text that STARTS with an event or external trigger ("Sau khi…", "Khi có…", "Theo …",
 *     "Tùy theo…") → "event" / "external", with no date, even if it mentions a year
 *     ("Sau khi … công bố chỉ số CCHC tỉnh năm 2024" is an event, not the year 2024;
 *     "Theo kế hoạch công tác tư pháp hàng năm" follows another plan).
 *  7. open-ended starts: "… và các năm tiếp theo", "… trở đi", and a lone "Từ <unit>" ("Từ Quý
 *     II/2025", "Từ tháng 9") → "recurring" / "ongoing" from the start the text gives (never the
 *     plan year as start), tracked like "Thường xuyên" to the end of the plan year (or of the
 *     start's year when later: then not due in this plan). Shown "Từ Quý II/2025 trở đi".
 *  8. "Hằng năm" / "Hàng năm" / "mỗi năm" → "recurring" / "yearly": this plan year's occurrence of
 *     the units named ("Tháng 12 hằng năm" = December of the plan year), the whole year if none.
 *  9. calendar units: quarters (Quý/Q, Roman or Arabic, lists "II, III", spans "I-IV"),
 *     months ("Tháng 6, tháng 12", "Từ tháng 3 đến tháng 5", "T6/2024"), "6 tháng đầu/cuối năm",
 *     "9 tháng đầu năm", "Năm 2024", "Cả năm", "Trong năm", "Đầu năm" (= quý I), years and spans
 *     of years ("2025 - 2030", "Giai đoạn 2026-2030"); "Trước <unit>" → the day before the unit
 *     starts, "Cuối/Hết/Chậm nhất <unit>" → its last day (kind "date"). Impossible units (Quý V,
 *     Tháng 13) → "invalid".
 * 10. an event/external phrase anywhere else → "event" / "external".
 * 11. anything else → "invalid" ("unrecognised").
 *
 * A year left out means the plan year; a trailing year applies to every yearless unit before
 * it ("Quý I, II năm 2024"). A year far from the plan year is parsed as written (flagging it is
 * the validator's job); a deadline due after the plan year ("2025 - 2030" in a 2025 plan) gets a
 * `note` saying it is due in no period of this plan. `points` is filled only for lists of two or
 * more due points ("Tháng 6, tháng 12", "Quý II, III/2024"); a single unit or a span ("Quý I-IV")
 * has `points` empty and falls due at its end.
 *
 * `display` is a normalised Vietnamese rendering that parses back to the same kind, start and
 * end (tested as a property). For event/external/duration/invalid it is the normalised original
 * text. A failure of the grammar itself is `internal` (see parseDeadline), never plain "invalid".
 */
import { normalizeText, stripDiacritics } from "./text";
import { CchcError } from "./errors";
import {
  addDays, endOfMonthIso, formatViDate, isoFromExcelSerial, isValidYMD, lastDayOfMonth,
  parseIso, parseUserDate, toIso,
} from "./dates";

export type DeadlineKind = "date" | "range" | "recurring" | "event" | "external" | "duration" | "invalid" | "missing";
/**
 * How a recurring deadline recurs. "yearly": every year ("Hằng năm", "Tháng 12 hằng năm");
 * start/end are this plan year's occurrence. "ongoing": from a start the text gives, with no end
 * ("Từ Quý II/2025", "Năm 2026 và các năm tiếp theo"); tracked like "Thường xuyên" from its start
 * to the end of the plan year (or of the start's year, when that is later).
 */
export type Recurrence = "monthly" | "quarterly" | "period" | "continuous" | "yearly" | "ongoing";
export type DurationUnit = "working-day" | "day" | "working-hour" | "hour" | "week";

export interface Deadline {
  kind: DeadlineKind;
  start: string | null;
  end: string | null;
  recurrence: Recurrence | null;
  /** the due points of a list such as "Tháng 6, tháng 12" or "Quý II, IV" (ISO end of each unit) */
  points: string[];
  /** normalised Vietnamese display, e.g. "Quý II–III/2024", "Trước 15/01/2024", "Thường xuyên" */
  display: string;
  /** for invalid: why, in Vietnamese and English */
  reason?: string;
  reasonEn?: string;
  /** true when a user-supplied date replaced an undated text */
  userDate?: boolean;
  /** for kind "duration": how long a step takes ("0,25 ngày làm việc"); it is not a due date */
  duration?: { amount: number; unit: DurationUnit };
  /** how the deadline is tracked within the plan year, when the text alone does not say (vi, en) */
  note?: string;
  noteEn?: string;
  /**
   * true only when the grammar itself failed (a defect, not bad input): the result is kind
   * "invalid" so the sheet still asks for a date, but this must never happen (fuzz-tested).
   */
  internal?: true;
}

export interface ParseDeadlineOptions {
  /**
   * When true, a valid `userDate` also replaces a deadline the text itself dates (date, range,
   * recurring). Default false: the plan document is the source of truth for dated deadlines,
   * and a user date only fills in deadlines that have no date (event, external, invalid, missing).
   */
  overrideDated?: boolean;
}

// ---------------------------------------------------------------------------------------------

const ROMAN: Record<string, number> = {
  i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12,
};
const ROMAN_OF = ["", "I", "II", "III", "IV"];

const pad2 = (n: number) => String(n).padStart(2, "0");
const pad4 = (n: number) => String(n).padStart(4, "0");

/** NFC → stripped of diacritics → lower case, dashes unified, one line. */
export function deadlineKey(text: string): string {
  return stripDiacritics(normalizeText(text))
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}

/** What the grammar reads from the text alone; a user date is applied afterwards. */
type Result = Omit<Deadline, "userDate">;

function invalid(display: string, reason: string, reasonEn: string): Result {
  return { kind: "invalid", start: null, end: null, recurrence: null, points: [], display, reason, reasonEn };
}

function undated(kind: "event" | "external", display: string): Result {
  return { kind, start: null, end: null, recurrence: null, points: [], display };
}

// --- 4. explicit dates -------------------------------------------------------------------------

interface DateHit {
  pos: number;
  len: number;
  raw: string;
  day: number;
  month: number;
  year: number | null;
}

interface Item {
  start: string;
  end: string;
}

const DATE_PATTERNS: Array<{ re: RegExp; get: (m: RegExpExecArray) => [number, number, number | null] }> = [
  // ngày 15 tháng 1 năm 2024
  { re: /ngay\s*(\d{1,2})\s*thang\s*(\d{1,2})(?:\s*,?\s*nam\s*(\d{4}))?(?!\d)/g, get: (m) => [+m[1], +m[2], m[3] ? +m[3] : null] },
  // 2024-01-15
  { re: /(?<![\d/.])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/g, get: (m) => [+m[3], +m[2], +m[1]] },
  // 15/01/2024, 15-01-2024, 15.01.2024, 15/01/24
  { re: /(?<![\d/.])(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d])/g, get: (m) => [+m[1], +m[3], m[4].length === 2 ? 2000 + +m[4] : +m[4]] },
  // 15/01 (year left out)
  { re: /(?<![\d/.])(\d{1,2})\s*\/\s*(\d{1,2})(?!\d)(?!\s*[/.]\s*\d)(?!\s*-\s*\d{4}\b)/g, get: (m) => [+m[1], +m[2], null] },
];

function findDates(key: string): DateHit[] {
  let work = key;
  const hits: DateHit[] = [];
  DATE_PATTERNS.forEach(({ re, get }, idx) => {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    const found: RegExpExecArray[] = [];
    while ((m = re.exec(work)) !== null) found.push(m);
    for (const f of found) {
      // "Tháng 6/12", "Quý 1/2": a unit, not a day/month
      if (idx === 3 && /(?:\b(?:thang|quy|qui|q|t))\s*$/.test(work.slice(0, f.index))) continue;
      const [day, month, year] = get(f);
      hits.push({ pos: f.index, len: f[0].length, raw: f[0].replace(/^ngay\s*/, "").trim(), day, month, year });
      work = work.slice(0, f.index) + " ".repeat(f[0].length) + work.slice(f.index + f[0].length);
    }
  });
  return hits.sort((a, b) => a.pos - b.pos);
}

function parseDates(key: string, hits: DateHit[], planYear: number, original: string): Result {
  // A missing year borrows the next explicit year in the text, else the plan year.
  const isos: string[] = [];
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i];
    let year = h.year;
    if (year === null) year = hits.slice(i + 1).find((x) => x.year !== null)?.year ?? planYear;
    if (!isValidYMD(year, h.month, h.day)) return invalidDate(h, year, original);
    isos.push(toIso(year, h.month, h.day));
  }
  // group into items: dates joined by "-", "đến", "tới", "~" form a span
  const items: Item[] = [];
  for (let i = 0; i < hits.length; i++) {
    if (i > 0) {
      const between = key.slice(hits[i - 1].pos + hits[i - 1].len, hits[i].pos).replace(/\b(ngay|het)\b/g, " ").trim();
      if (/^(-|~|->|den|toi)$/.test(between)) {
        items[items.length - 1].end = isos[i];
        continue;
      }
    }
    items.push({ start: isos[i], end: isos[i] });
  }
  for (const it of items) {
    if (it.start > it.end) return reversed(original, `${formatViDate(it.start)}–${formatViDate(it.end)}`);
  }
  if (items.length === 1) {
    const it = items[0];
    // "Trước ngày 15/12 hằng năm": no year written, recurring every year
    if (RE_YEARLY.test(key) && hits.every((h) => h.year === null)) {
      return it.start === it.end
        ? yearly(it.start, it.end, `Trước ${dayMonth(it.start)} hằng năm`)
        : yearly(it.start, it.end, `Từ ${dayMonth(it.start)} đến ${dayMonth(it.end)} hằng năm`);
    }
    if (it.start === it.end) {
      // "Từ ngày 01/7/2025" alone, or "… trở đi": an open-ended start
      if (/\btu\s*(ngay\s*)?$/.test(key.slice(0, hits[0].pos)) || RE_ONWARD.test(key)) return ongoing(it.start, formatViDate(it.start), planYear);
      return { kind: "date", start: it.start, end: it.end, recurrence: null, points: [], display: `Trước ${formatViDate(it.start)}` };
    }
    return rangeResult(it.start, it.end, [], `Từ ${formatViDate(it.start)} đến ${formatViDate(it.end)}`);
  }
  const display = items.map((it) => (it.start === it.end ? formatViDate(it.start) : `${formatViDate(it.start)}–${formatViDate(it.end)}`)).join("; ");
  return listResult(items, display);
}

function invalidDate(h: DateHit, year: number, original: string): Result {
  const raw = h.raw;
  if (h.month < 1 || h.month > 12) {
    return invalid(original,
      `Ngày không hợp lệ: ${raw} (tháng ${h.month} không tồn tại, chỉ có tháng 1–12)`,
      `Invalid date: ${raw} (there is no month ${h.month}; months are 1–12)`);
  }
  if (year < 1 || year > 9999) {
    return invalid(original, `Ngày không hợp lệ: ${raw} (năm ${year} không hợp lệ)`, `Invalid date: ${raw} (year ${year} is not valid)`);
  }
  const last = lastDayOfMonth(year, h.month);
  return invalid(original,
    `Ngày không hợp lệ: ${raw} (tháng ${h.month}/${year} chỉ có ${last} ngày)`,
    `Invalid date: ${raw} (month ${h.month} of ${year} has only ${last} days)`);
}

function reversed(original: string, what: string): Result {
  return invalid(original,
    `Khoảng thời gian ngược: ${what} (bắt đầu sau khi kết thúc)`,
    `Reversed range: ${what} (it starts after it ends)`);
}

function rangeResult(start: string, end: string, points: string[], display: string): Result {
  return { kind: "range", start, end, recurrence: null, points, display };
}

function listResult(items: Item[], display: string): Result {
  const start = items.reduce((a, it) => (it.start < a ? it.start : a), items[0].start);
  const end = items.reduce((a, it) => (it.end > a ? it.end : a), items[0].end);
  const points = [...new Set(items.map((it) => it.end))].sort();
  return rangeResult(start, end, points, display);
}

// --- 5. recurrence -----------------------------------------------------------------------------

const NOT_QUARTER = "(?!\\s*(?:dinh|che|trinh|hoach|mo|uoc|chuan|tac|luat|doi|dau|tu)\\b)";
const RE_QUARTERLY = new RegExp(
  `\\b(?:hang|moi|tung|cac) quy\\b${NOT_QUARTER}|\\bdinh ky\\s*(?:theo\\s*)?quy\\b${NOT_QUARTER}|\\b(?:3|ba) thang\\s*(?:\\/|mot)\\s*(?:1\\s*)?lan\\b` +
    // "tháng cuối quý", "đầu quý sau": every quarter (but "cuối quý II" is one quarter)
    `|\\b(?:dau|cuoi|giua) (?:moi |cac |hang )?quy\\b${NOT_QUARTER}(?!\\s*\\.?\\s*(?:iv|i{1,3}|v|[0-9])\\b)`,
);
const RE_MONTHLY = /\b(?:hang|moi|tung) thang\b|\bdinh ky\s*(?:theo\s*)?thang\b/;
const RE_CONTINUOUS = /\bthuong xuyen\b|\blien tuc\b|\b(?:hang|moi) (?:ngay|tuan)\b/;
const RE_PERIOD = /\bdinh ky\b|\b\d{1,2} thang\s*(?:\/|mot)\s*(?:1\s*)?lan\b/;
/** "Hằng năm", "Hàng năm", "mỗi năm", "từng năm": every year */
const RE_YEARLY = /\b(?:hang|moi|tung) nam\b/;
/** "… và các năm tiếp theo", "… và những năm sau", "… trở đi": no end */
const RE_ONWARD = /(?:\bva |, ?)?\b(?:cac|nhung) nam (?:tiep theo|sau)\b|\btro di\b/;

function parseRecurrence(key: string, planYear: number): Result | null {
  let recurrence: Recurrence | null = null;
  let display = "";
  if (RE_QUARTERLY.test(key)) [recurrence, display] = ["quarterly", "Hằng quý"];
  else if (RE_MONTHLY.test(key)) [recurrence, display] = ["monthly", "Hằng tháng"];
  else if (RE_CONTINUOUS.test(key)) [recurrence, display] = ["continuous", "Thường xuyên"];
  else if (RE_PERIOD.test(key) && !RE_YEARLY.test(key)) {
    recurrence = "period";
    const n = /\b(\d{1,2}) thang\b/.exec(key);
    display = n && +n[1] > 0 ? `Định kỳ ${+n[1]} tháng` : "Định kỳ";
  }
  if (!recurrence) return null;
  const y = clampYear(planYear);
  return { kind: "recurring", start: toIso(y, 1, 1), end: toIso(y, 12, 31), recurrence, points: [], display };
}

function clampYear(y: number): number {
  return Number.isInteger(y) && y >= 1 && y <= 9999 ? y : new Date().getFullYear();
}

// --- 6/10. events and external schedules ----------------------------------------------------------

const EVENT_START = /^(?:ngay\s+)?(?:sau khi|sau|khi|ngay khi|neu|truong hop|trong truong hop|dot xuat|theo yeu cau|theo de nghi|tuy (?:theo\s+)?(?:tinh hinh|yeu cau|thuc te)|kip thoi|phat sinh)\b/;
const EXTERNAL_START = /^(?:thuc hien\s+)?(?:theo|tuy theo|tuy thuoc|phu thuoc|can cu|do)\b/;
const EVENT_ANY = /\b(?:sau khi|khi co|khi duoc|theo yeu cau|dot xuat|phat sinh|(?:den|toi) khi)\b/;
const EXTERNAL_ANY = /\btheo (?:ke hoach|lo trinh|quy dinh|huong dan|chi dao|tien do|thoi gian|lich|van ban|de an|thong bao|cong van|quyet dinh)\b/;
/** "Từ tháng 10/2025 đến khi …": a start, and an end tied to an event */
const RE_UNTIL = /\b(?:cho )?(?:den|toi) khi\b/;

function stripLead(key: string): string {
  return key.replace(/^[^a-z0-9]+/, "");
}

// --- 2/3. durations, and ends tied to an event -----------------------------------------------

const RE_DURATION = /^(?:trong (?:vong |thoi han |thoi gian )?)?(\d+(?:[.,]\d+)?) ?(ngay lam viec|ngay|gio lam viec|gio|tuan)\b(?! ?\d)/;
const DURATION_UNIT: Record<string, DurationUnit> = {
  "ngay lam viec": "working-day", ngay: "day", "gio lam viec": "working-hour", gio: "hour", tuan: "week",
};

/** "0,25 ngày làm việc", "03 ngày làm việc (kể từ ngày nhận đủ hồ sơ)": how long a step takes. */
function parseDuration(key: string, original: string): Result | null {
  const m = RE_DURATION.exec(stripLead(key));
  if (!m) return null;
  // "0,25" and "1.5" are decimals; "1.000" is a thousand
  const amount = /^\d+\.\d{3}$/.test(m[1]) ? Number(m[1].replace(".", "")) : Number(m[1].replace(",", "."));
  if (!(amount > 0)) return null;
  return {
    kind: "duration", start: null, end: null, recurrence: null, points: [], display: original,
    duration: { amount, unit: DURATION_UNIT[m[2]] },
    note: "Thời gian thực hiện một bước, không phải hạn hoàn thành: nếu cần theo dõi, hãy nhập hạn cụ thể",
    noteEn: "How long a step takes, not a due date: enter a date if it must be tracked",
  };
}

/** The start before "đến khi …", when the text before it dates one. */
function parseUntil(key: string, planYear: number, original: string): Result | null {
  const m = RE_UNTIL.exec(key);
  if (!m) return null;
  const head = parseText(key.slice(0, m.index), planYear);
  if (head.start === null || !(head.kind === "date" || head.kind === "range" || head.kind === "recurring")) return null;
  return {
    kind: "event", start: head.start, end: null, recurrence: null, points: [], display: original,
    note: `Bắt đầu ${formatViDate(head.start)}; kết thúc khi sự kiện xảy ra: hãy nhập hạn cụ thể khi biết`,
    noteEn: `Starts ${formatViDate(head.start)}; ends with an event: enter a date when it is known`,
  };
}

// --- 7/8/9. calendar units, open-ended starts, yearly ------------------------------------------

type UnitType = "quarter" | "month" | "firstN" | "lastN" | "year";

interface Unit {
  type: UnitType;
  n: number;
  year: number | null;
  connector: "span" | "list";
}

type Tok = { t: "num" | "word" | "p"; v: string };

function tokenize(key: string): Tok[] {
  const out: Tok[] = [];
  const re = /[0-9]+|[a-z]+|[^\sa-z0-9]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(key)) !== null) {
    const v = m[0];
    out.push({ t: /^[0-9]/.test(v) ? "num" : /^[a-z]/.test(v) ? "word" : "p", v });
  }
  return out;
}

/** An impossible calendar unit; caught below and reported as an "invalid" deadline. */
class UnitError extends CchcError {
  constructor(readonly vi: string, readonly en: string) {
    super("bad-deadline-unit", { vi, en });
  }
}

const isWord = (tok: Tok | undefined, ...ws: string[]) => !!tok && tok.t === "word" && ws.includes(tok.v);
const isP = (tok: Tok | undefined, ...ps: string[]) => !!tok && tok.t === "p" && ps.includes(tok.v);
const isYear = (tok: Tok | undefined) => !!tok && tok.t === "num" && tok.v.length === 4;
const QUARTER_WORDS = ["quy", "qui", "q"];
const LIST_SEP_P = [",", ";", "&", "+"];
const LIST_SEP_W = ["va", "hoac"];
const SPAN_SEP_P = ["-", "~"];
const SPAN_SEP_W = ["den", "toi"];

function yearValue(tok: Tok): number {
  const y = +tok.v;
  if (y < 1) throw new UnitError(`Năm không hợp lệ: ${tok.v}`, `Invalid year: ${tok.v}`);
  return y;
}

/** A quarter numeral at tokens[i] (Roman word or Arabic number), or null when there is none. */
function quarterNumeral(tok: Tok | undefined): number | null {
  if (!tok) return null;
  if (tok.t === "word" && tok.v in ROMAN) return ROMAN[tok.v];
  if (tok.t === "num" && tok.v.length <= 2) return +tok.v;
  return null;
}

function monthNumeral(tok: Tok | undefined, next: Tok | undefined): number | null {
  if (!tok || tok.t !== "num" || tok.v.length > 2) return null;
  if (isWord(next, "thang")) return null; // "…, 9 tháng đầu năm"
  return +tok.v;
}

function checkQuarter(n: number, raw: string): number {
  if (n < 1 || n > 4) {
    throw new UnitError(`Quý không hợp lệ: ${raw.toUpperCase()} (chỉ có quý I–IV)`, `Invalid quarter: ${raw.toUpperCase()} (quarters are I–IV)`);
  }
  return n;
}

function checkMonth(n: number, raw: string): number {
  if (n < 1 || n > 12) {
    throw new UnitError(`Tháng không hợp lệ: ${raw} (chỉ có tháng 1–12)`, `Invalid month: ${raw} (months are 1–12)`);
  }
  return n;
}

interface UnitParse {
  units: Unit[];
  prefix: "before" | "by" | "from" | null;
}

/** Scans the tokens for calendar units; throws UnitError for impossible ones. */
function scanUnits(toks: Tok[]): UnitParse {
  const units: Unit[] = [];
  let prefix: UnitParse["prefix"] = null;
  let pendingPrefix: UnitParse["prefix"] = null;
  let sep: "span" | "list" | null = null;
  let lastWasUnit = false;

  const push = (u: Omit<Unit, "connector">) => {
    if (units.length === 0 && pendingPrefix) prefix = pendingPrefix;
    units.push({ ...u, connector: sep ?? "list" });
    sep = null;
    lastWasUnit = true;
  };
  /** Applies a year to the trailing yearless units; false when there are none. */
  const qualify = (year: number): boolean => {
    if (!lastWasUnit || units.length === 0 || units[units.length - 1].year !== null) return false;
    for (let k = units.length - 1; k >= 0 && units[k].year === null; k--) units[k].year = year;
    return true;
  };

  /** A list of numerals after a unit word: "II, III", "I-IV", "6, tháng 12", "3 đến tháng 5". */
  const numeralList = (i: number, type: "quarter" | "month"): number => {
    let j = i;
    const words = type === "quarter" ? QUARTER_WORDS : ["thang", "t"];
    for (;;) {
      const tok = toks[j];
      const n = type === "quarter" ? checkQuarter(quarterNumeral(tok)!, tok.v) : checkMonth(monthNumeral(tok, toks[j + 1])!, tok.v);
      push({ type, n, year: null });
      let k = j + 1;
      let s: "span" | "list" | null = null;
      if (isP(toks[k], ...LIST_SEP_P) || isWord(toks[k], ...LIST_SEP_W)) s = "list";
      else if ((isP(toks[k], ...SPAN_SEP_P) || isWord(toks[k], ...SPAN_SEP_W)) && !isYear(toks[k + 1])) s = "span";
      if (!s) return j + 1;
      k++;
      if (isWord(toks[k], ...words)) k++;
      const next = type === "quarter" ? quarterNumeral(toks[k]) : monthNumeral(toks[k], toks[k + 1]);
      if (next === null) return j + 1;
      sep = s;
      j = k;
    }
  };

  let i = 0;
  while (i < toks.length) {
    const tok = toks[i];
    const nx = toks[i + 1];

    // "QII", "qiv"
    if (tok.t === "word" && /^q(?:i{1,3}|iv|v|vi{1,3}|ix|x)$/.test(tok.v)) {
      toks.splice(i, 1, { t: "word", v: "q" }, { t: "word", v: tok.v.slice(1) });
      continue;
    }
    // Quý II, III / Q2 / Quý I-IV
    if (isWord(tok, ...QUARTER_WORDS)) {
      let k = i + 1;
      if (isP(toks[k], ".")) k++;
      if (quarterNumeral(toks[k]) !== null && !isWord(toks[k + 1], "thang")) {
        i = numeralList(k, "quarter");
        continue;
      }
      i++;
      continue;
    }
    // Tháng 6, tháng 12 / T6/2024
    if (isWord(tok, "thang", "t") && monthNumeral(nx, toks[i + 2]) !== null) {
      i = numeralList(i + 1, "month");
      continue;
    }
    // 6 tháng đầu năm / 6 tháng cuối năm / 9 tháng
    if (tok.t === "num" && tok.v.length <= 2 && +tok.v >= 1 && +tok.v <= 12 && isWord(nx, "thang")) {
      const n = +tok.v;
      let k = i + 2;
      let type: UnitType = "firstN";
      if (isWord(toks[k], "dau")) k++;
      else if (isWord(toks[k], "cuoi")) {
        type = "lastN";
        k++;
      }
      let year: number | null = null;
      if (isWord(toks[k], "nam")) {
        k++;
        if (isP(toks[k], "/", "-")) k++;
        if (isYear(toks[k])) year = yearValue(toks[k++]);
      } else if (isP(toks[k], "/") && isYear(toks[k + 1])) {
        year = yearValue(toks[k + 1]);
        k += 2;
      }
      push({ type, n, year });
      i = k;
      continue;
    }
    // nửa đầu năm / nửa cuối năm
    if (isWord(tok, "nua") && isWord(nx, "dau", "cuoi") && isWord(toks[i + 2], "nam")) {
      push({ type: nx.v === "dau" ? "firstN" : "lastN", n: 6, year: null });
      i += 3;
      continue;
    }
    // đầu năm → quý I
    if (isWord(tok, "dau") && isWord(nx, "nam")) {
      push({ type: "quarter", n: 1, year: null });
      i += 2;
      continue;
    }
    // year: "năm 2024" (qualifier or unit), "/2024", "-2024", bare "2024"
    if (isWord(tok, "nam") && (isYear(nx) || (isP(nx, "/", "-", ":") && isYear(toks[i + 2])))) {
      const yTok = isYear(nx) ? nx : toks[i + 2];
      const y = yearValue(yTok);
      if (!qualify(y)) push({ type: "year", n: 0, year: y });
      i += isYear(nx) ? 2 : 3;
      continue;
    }
    if (isP(tok, "/", "-", "~") && isYear(nx)) {
      const y = yearValue(nx);
      if (!qualify(y)) {
        if (tok.v !== "/") sep = "span";
        push({ type: "year", n: 0, year: y });
      }
      i += 2;
      continue;
    }
    if (isYear(tok)) {
      const y = yearValue(tok);
      if (!qualify(y)) push({ type: "year", n: 0, year: y });
      i++;
      continue;
    }
    // bare "01/2024": a month of a year
    if (tok.t === "num" && tok.v.length <= 2 && isP(nx, "/", "-") && isYear(toks[i + 2])) {
      push({ type: "month", n: checkMonth(+tok.v, tok.v), year: yearValue(toks[i + 2]) });
      i += 3;
      continue;
    }
    // "Cả năm", "Trong năm", "Năm" alone → the plan year
    if (isWord(tok, "nam")) {
      // "Tháng 12 hằng năm": "hằng năm" qualifies the unit before it; alone it means the plan year
      const yearly = isWord(toks[i - 1], "hang", "moi", "tung") && units.length > 0;
      if (!lastWasUnit && !yearly) push({ type: "year", n: 0, year: null });
      i++;
      continue;
    }
    // prefixes and connectors
    if (isWord(tok, "tu") && units.length === 0) pendingPrefix = pendingPrefix ?? "from";
    else if (isWord(tok, "truoc")) pendingPrefix = pendingPrefix === "from" || !pendingPrefix ? "before" : pendingPrefix;
    else if (isWord(tok, "cuoi", "het") || (isWord(tok, "cham") && isWord(nx, "nhat"))) pendingPrefix = pendingPrefix === "from" || !pendingPrefix ? "by" : pendingPrefix;
    if (isP(tok, ...SPAN_SEP_P) || isWord(tok, ...SPAN_SEP_W)) sep = "span";
    else if ((isP(tok, ...LIST_SEP_P) || isWord(tok, ...LIST_SEP_W)) && sep !== "span") sep = "list";
    lastWasUnit = false;
    i++;
  }
  return { units, prefix };
}

function unitBounds(u: Unit, year: number): Item {
  switch (u.type) {
    case "quarter":
      return { start: toIso(year, 3 * u.n - 2, 1), end: endOfMonthIso(year, 3 * u.n) };
    case "month":
      return { start: toIso(year, u.n, 1), end: endOfMonthIso(year, u.n) };
    case "firstN":
      return { start: toIso(year, 1, 1), end: endOfMonthIso(year, u.n) };
    case "lastN":
      return { start: toIso(year, 13 - u.n, 1), end: toIso(year, 12, 31) };
    case "year":
      return { start: toIso(year, 1, 1), end: toIso(year, 12, 31) };
  }
}

function unitDisplay(u: Unit, year: number): string {
  switch (u.type) {
    case "quarter":
      return `Quý ${ROMAN_OF[u.n]}/${pad4(year)}`;
    case "month":
      return `Tháng ${pad2(u.n)}/${pad4(year)}`;
    case "firstN":
      return `${u.n} tháng đầu năm ${pad4(year)}`;
    case "lastN":
      return `${u.n} tháng cuối năm ${pad4(year)}`;
    case "year":
      return `Năm ${pad4(year)}`;
  }
}

/** How an open-ended start is named in "Từ … trở đi". */
function startLabel(u: Unit, year: number, start: string): string {
  if (u.type === "quarter") return `Quý ${ROMAN_OF[u.n]}/${pad4(year)}`;
  if (u.type === "month") return `tháng ${pad2(u.n)}/${pad4(year)}`;
  if (u.type === "year") return `năm ${pad4(year)}`;
  return formatViDate(start);
}

/**
 * An open-ended start ("Từ Quý II/2025", "Năm 2026 và các năm tiếp theo"): recurring from the
 * start the text gives, with no end. Within a plan it is tracked like "Thường xuyên" from that
 * start to the end of the plan year, or of the start's own year when that is later (then it is
 * not due at all in this plan).
 */
function ongoing(start: string, label: string, planYear: number): Result {
  const py = clampYear(planYear);
  const sy = +start.slice(0, 4);
  const end = toIso(Math.max(py, sy), 12, 31);
  const [note, noteEn] = sy > py
    ? [`Bắt đầu ${formatViDate(start)}, sau năm kế hoạch ${py}: chưa đến hạn trong kế hoạch này`,
      `Starts ${formatViDate(start)}, after the plan year ${py}: not due in this plan`]
    : [`Bắt đầu ${formatViDate(start)}, không có hạn kết thúc: theo dõi mỗi kỳ báo cáo như việc thường xuyên đến hết năm ${py}`,
      `Starts ${formatViDate(start)} with no end: tracked every reporting period like an ongoing task to the end of ${py}`];
  return { kind: "recurring", start, end, recurrence: "ongoing", points: [], display: `Từ ${label} trở đi`, note, noteEn };
}

/** A yearly deadline ("Hằng năm", "Tháng 12 hằng năm"): this plan year's occurrence. */
function yearly(start: string, end: string, display: string): Result {
  return {
    kind: "recurring", start, end, recurrence: "yearly", points: [], display,
    note: `Lặp lại hằng năm; trong kế hoạch này là lần của năm ${start.slice(0, 4)}`,
    noteEn: `Recurs every year; in this plan, the occurrence of ${start.slice(0, 4)}`,
  };
}

const dayMonth = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`;

/**
 * "plain": the units as written; a lone "Từ <unit>" is an open-ended start.
 * "onward": the text said "… và các năm tiếp theo" / "trở đi": open-ended from the first unit.
 * "yearly": the text said "hằng năm": the units of the plan year, recurring every year.
 */
type UnitMode = "plain" | "onward" | "yearly";

function parseUnits(key: string, planYear: number, original: string, mode: UnitMode = "plain"): Result | null {
  let parsed: UnitParse;
  try {
    parsed = scanUnits(tokenize(key));
  } catch (e) {
    if (e instanceof UnitError) return invalid(original, e.vi, e.en);
    throw e;
  }
  const { units, prefix } = parsed;
  if (units.length === 0) return null;
  // "Từ tháng 9", "Từ quý II", "Từ năm 2026" with no end: an open-ended start
  if (mode === "plain" && prefix === "from" && units.length === 1) mode = "onward";
  // "Từ tháng 3 hằng năm": from that unit to the end of each year
  if (mode === "yearly" && prefix === "from" && units.length === 1 && (units[0].type === "month" || units[0].type === "quarter")) {
    const last = units[0].type === "month" ? 12 : 4;
    if (units[0].n < last) units.push({ type: units[0].type, n: last, year: null, connector: "span" });
  }
  const py = clampYear(planYear);
  // a yearly deadline is this plan year's occurrence, whatever year the text names
  const years = units.map((u) => (mode === "yearly" ? py : u.year ?? py));
  if (years.some((y) => y > 9999)) return invalid(original, "Năm không hợp lệ", "Invalid year");

  // group spans into items
  let groups: Array<{ units: Unit[]; years: number[] }> = [];
  units.forEach((u, k) => {
    if (u.connector === "span" && groups.length > 0) {
      groups[groups.length - 1].units.push(u);
      groups[groups.length - 1].years.push(years[k]);
    } else groups.push({ units: [u], years: [years[k]] });
  });
  // a span is read from its first and last units only; "Năm 2024–Năm 2024" is just "Năm 2024"
  for (const g of groups) {
    const n = g.units.length;
    const [a, b] = [g.units[0], g.units[n - 1]];
    const same = a.type === b.type && a.n === b.n && g.years[0] === g.years[n - 1];
    g.units = same ? [a] : [a, b];
    g.years = same ? [g.years[0]] : [g.years[0], g.years[n - 1]];
  }
  let items: Item[] = groups.map((g) => ({
    start: unitBounds(g.units[0], g.years[0]).start,
    end: unitBounds(g.units[g.units.length - 1], g.years[g.years.length - 1]).end,
  }));
  // a list naming the same span twice ("Năm 2024 và các năm tiếp theo") names it once
  const seen = new Set<string>();
  const keep = items.map((it) => {
    const k = `${it.start}|${it.end}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  groups = groups.filter((_, k) => keep[k]);
  items = items.filter((_, k) => keep[k]);
  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (it.start > it.end) {
      const g = groups[k];
      return reversed(original, `${unitDisplay(g.units[0], g.years[0])}–${unitDisplay(g.units[g.units.length - 1], g.years[g.years.length - 1])}`);
    }
  }

  const first = items.reduce((a, it) => (it.start < a ? it.start : a), items[0].start);
  const last = items.reduce((a, it) => (it.end > a ? it.end : a), items[0].end);
  if (mode === "onward") {
    const k = items.findIndex((it) => it.start === first);
    return ongoing(first, startLabel(groups[k].units[0], groups[k].years[0], first), planYear);
  }
  if (prefix === "before" || prefix === "by") {
    const day = prefix === "before" ? addDays(first, -1) : last;
    if (mode === "yearly") return day.slice(0, 4) === pad4(py) ? yearly(day, day, `Trước ${dayMonth(day)} hằng năm`) : yearly(toIso(py, 1, 1), toIso(py, 12, 31), "Hằng năm");
    return { kind: "date", start: day, end: day, recurrence: null, points: [], display: `Trước ${formatViDate(day)}` };
  }

  // display: compressed when every unit is a quarter (or a month, or a year) of one year
  const shown = groups.flatMap((g) => g.units);
  const shownYears = groups.flatMap((g) => g.years);
  const sameType = shown.every((u) => u.type === shown[0].type);
  const sameYear = shownYears.every((y) => y === shownYears[0]);
  let display: string;
  if (mode === "yearly") {
    if (first === toIso(py, 1, 1) && last === toIso(py, 12, 31)) return yearly(first, last, "Hằng năm");
    if (sameType && (shown[0].type === "quarter" || shown[0].type === "month")) {
      const num = (u: Unit) => (u.type === "quarter" ? ROMAN_OF[u.n] : pad2(u.n));
      const body = groups.map((g) => (g.units.length === 1 ? num(g.units[0]) : `${num(g.units[0])}–${num(g.units[g.units.length - 1])}`)).join(", ");
      return yearly(first, last, `${shown[0].type === "quarter" ? "Quý" : "Tháng"} ${body} hằng năm`);
    }
    // mixed units: the span they cover, as days of the year
    return yearly(first, last, `Từ ${dayMonth(first)} đến ${dayMonth(last)} hằng năm`);
  }
  if (sameType && shown[0].type === "year") {
    display = "Năm " + groups.map((g) => (g.units.length === 1 ? pad4(g.years[0]) : `${pad4(g.years[0])}–${pad4(g.years[g.years.length - 1])}`)).join(", ");
  } else if (sameType && sameYear && (shown[0].type === "quarter" || shown[0].type === "month")) {
    const num = (u: Unit) => (u.type === "quarter" ? ROMAN_OF[u.n] : pad2(u.n));
    const body = groups.map((g) => (g.units.length === 1 ? num(g.units[0]) : `${num(g.units[0])}–${num(g.units[g.units.length - 1])}`)).join(", ");
    display = `${shown[0].type === "quarter" ? "Quý" : "Tháng"} ${body}/${pad4(shownYears[0])}`;
  } else {
    display = groups
      .map((g) => {
        const a = unitDisplay(g.units[0], g.years[0]);
        return g.units.length === 1 ? a : `${a}–${unitDisplay(g.units[g.units.length - 1], g.years[g.years.length - 1])}`;
      })
      .join(", ");
  }
  if (items.length === 1) return rangeResult(items[0].start, items[0].end, [], display);
  return listResult(items, display);
}

// --- the parser ----------------------------------------------------------------------------------

/**
 * A multi-year period or a unit of another year in a one-year plan ("2025 - 2030", "Quý II/2027"
 * in a 2025 plan): its due date is after the plan year, so no report of this plan counts it as due
 * and it is never overdue in this plan; the note says so.
 */
function beyondPlanYear(r: Result, planYear: number): Result {
  const py = clampYear(planYear);
  if ((r.kind !== "range" && r.kind !== "date") || r.end === null || +r.end.slice(0, 4) <= py) return r;
  return {
    ...r,
    note: `Hạn ${formatViDate(r.end)}, sau năm kế hoạch ${py}: trong kế hoạch này theo dõi tiến độ, không đến hạn ở kỳ báo cáo nào của năm ${py}`,
    noteEn: `Due ${formatViDate(r.end)}, after the plan year ${py}: tracked for progress, due in no reporting period of ${py}`,
  };
}

function parseText(text: string, planYear: number): Result {
  const original = normalizeText(text);
  const key = deadlineKey(text);
  if (key === "") return { kind: "missing", start: null, end: null, recurrence: null, points: [], display: "" };

  // a bare Excel serial (a date cell read as a number)
  if (/^\d{5}(?:\.\d+)?$/.test(key)) {
    const iso = isoFromExcelSerial(Number(key));
    if (iso) return { kind: "date", start: iso, end: iso, recurrence: null, points: [], display: `Trước ${formatViDate(iso)}` };
  }

  const duration = parseDuration(key, original);
  if (duration) return duration;
  const until = parseUntil(key, planYear, original);
  if (until) return until;

  const hits = findDates(key);
  if (hits.length > 0) return beyondPlanYear(parseDates(key, hits, clampYear(planYear), original), planYear);

  const rec = parseRecurrence(key, planYear);
  if (rec) return rec;

  const lead = stripLead(key);
  if (EVENT_START.test(lead)) return undated("event", original);
  if (EXTERNAL_START.test(lead)) return undated("external", original);

  if (RE_ONWARD.test(key)) {
    const onward = parseUnits(key.replace(new RegExp(RE_ONWARD.source, "g"), " "), planYear, original, "onward");
    if (onward) return onward;
  }
  if (RE_YEARLY.test(key)) {
    const py = clampYear(planYear);
    return parseUnits(key.replace(RE_YEARLY, " "), planYear, original, "yearly") ?? yearly(toIso(py, 1, 1), toIso(py, 12, 31), "Hằng năm");
  }

  const units = parseUnits(key, planYear, original);
  if (units) return beyondPlanYear(units, planYear);

  if (EVENT_ANY.test(key)) return undated("event", original);
  if (EXTERNAL_ANY.test(key)) return undated("external", original);

  return invalid(original,
    `Không nhận dạng được thời hạn “${original}”: hãy ghi ngày (dd/mm/yyyy), tháng, quý, năm, “Thường xuyên” hoặc sự kiện (“Khi…”, “Theo…”)`,
    `Unrecognised deadline “${original}”: write a date (dd/mm/yyyy), a month, quarter or year, “Thường xuyên”, or an event (“Khi…”, “Theo…”)`);
}

/**
 * Parses a deadline cell. Never throws.
 *
 * `userDate` (ISO "YYYY-MM-DD"; "dd/mm/yyyy" and Excel serials are also accepted), when valid,
 * gives a date to a deadline that has none — event, external, duration, invalid or missing — and the
 * result is kind "date" with `userDate: true`. For a deadline the text already dates (date,
 * range, recurring) the text wins unless `options.overrideDated` is true: the plan document is
 * the source of truth, and a stale user date must not silently move a written deadline.
 */
export function parseDeadline(text: string, planYear: number, userDate?: string | null, options: ParseDeadlineOptions = {}): Deadline {
  let r: Result;
  try {
    // normalizeText turns any cell value into text and never throws (a value that cannot be text is "")
    r = parseText(typeof text === "string" ? text : normalizeText(text), planYear);
  } catch {
    // A defect in the grammar, not bad input: still "invalid" so the sheet asks for a date, but
    // marked `internal` (the fuzz suites assert it never happens) and worded as a program error.
    const original = normalizeText(text);
    r = {
      ...invalid(original,
        `Lỗi chương trình khi đọc thời hạn “${original}”: hãy nhập hạn cụ thể và báo lỗi này cho người phát triển`,
        `Program error reading the deadline “${original}”: enter a date and report this defect`),
      internal: true,
    };
  }
  const ud = userDate === null || userDate === undefined ? null : parseIso(userDate) ? userDate : parseUserDate(userDate);
  if (ud) {
    const undatedKind = r.kind === "event" || r.kind === "external" || r.kind === "duration" || r.kind === "invalid" || r.kind === "missing";
    if (undatedKind || options.overrideDated) {
      return { kind: "date", start: ud, end: ud, recurrence: null, points: [], display: `Trước ${formatViDate(ud)}`, userDate: true };
    }
  }
  const out: Deadline = { kind: r.kind, start: r.start, end: r.end, recurrence: r.recurrence, points: r.points, display: r.display };
  if (r.reason !== undefined) {
    out.reason = r.reason;
    out.reasonEn = r.reasonEn;
  }
  if (r.duration) out.duration = r.duration;
  if (r.note !== undefined) {
    out.note = r.note;
    out.noteEn = r.noteEn;
  }
  if (r.internal) out.internal = true;
  return out;
}

/** The last day of the deadline (the due date), or null when it has none. */
export function deadlineEnd(d: Deadline): string | null {
  return d.end;
}

/** True when the deadline has a computable date (date, range or recurring). */
export function isDated(d: Deadline): boolean {
  return d.kind === "date" || d.kind === "range" || d.kind === "recurring";
}

/**
 * True when the deadline falls due inside [from, to] (inclusive ISO dates):
 * a date or range when its end is inside; a list when any of its points is inside;
 * a recurring deadline whenever the window overlaps its year; an undated one never.
 */
export function dueWithin(d: Deadline, from: string, to: string): boolean {
  if (from > to) return false;
  switch (d.kind) {
    case "date":
    case "range":
      if (d.points.length > 0) return d.points.some((p) => p >= from && p <= to);
      return d.end !== null && d.end >= from && d.end <= to;
    case "recurring":
      return d.start !== null && d.end !== null && d.start <= to && d.end >= from;
    default:
      return false;
  }
}
