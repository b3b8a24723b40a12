/**
 * Deadlines, statuses and reporting periods for the custom functions: DEADLINE, STATUS, PERIOD,
 * DUE. Thin wrappers over core (deadline.ts, status.ts, periods.ts). Dates in and out are Excel
 * serial numbers; a number given where a deadline is expected is a date the user chose.
 */
import { excelSerialFromIso, formatViDate } from "../core/dates";
import { parseDeadline, type Deadline } from "../core/deadline";
import { dueInPeriod, parsePeriodToken, periodContaining, type CutoffSettings, type PeriodKind } from "../core/periods";
import { computeStatus, STATUS_LABELS } from "../core/status";
import { normalizeText, stripDiacritics } from "../core/text";
import { isBlank, show, toInteger, toIsoDate, toIsoDateOrNull, toText, toYear } from "../core/cellArguments";
import { fail } from "../core/excelError";
import { elementwise } from "./matrix";

/** Two years that differ in every calendar respect the grammar uses (both non-leap). */
const PROBE_YEARS = [2001, 2002] as const;

function sameDates(a: Deadline, b: Deadline): boolean {
  return a.kind === b.kind && a.start === b.start && a.end === b.end;
}

/**
 * A deadline cell read as core's Deadline. A number (an Excel date) or a date string is a date
 * the user gave. Without a year, a text that names no year ("Quý II", "Thường xuyên") cannot be
 * dated: an error asks for the year, rather than guessing one from today (the functions are not
 * volatile).
 */
export function readDeadline(value: unknown, year: number | null): Deadline {
  if (typeof value === "number") {
    const iso = toIsoDate(value, "thời hạn / deadline");
    return parseDeadline("", year ?? Number(iso.slice(0, 4)), iso);
  }
  if (typeof value === "boolean") throw fail("#VALUE!", "Thời hạn phải là chữ hoặc ngày, không phải TRUE/FALSE", "The deadline must be text or a date, not TRUE/FALSE");
  const text = toText(value);
  if (year !== null) return parseDeadline(text, year);
  const [a, b] = PROBE_YEARS.map((y) => parseDeadline(text, y));
  if (!sameDates(a, b)) {
    throw fail("#VALUE!", `Thời hạn “${show(normalizeText(text))}” không ghi năm: hãy nhập tham số năm (ví dụ CCHC_YEAR)`,
      `The deadline “${show(normalizeText(text))}” names no year: give the year argument (e.g. CCHC_YEAR)`);
  }
  return a;
}

function undatedError(d: Deadline, text: unknown): Error {
  const t = show(normalizeText(toText(text)));
  switch (d.kind) {
    case "missing":
      return fail("#N/A", "Chưa có thời hạn", "No deadline");
    case "event":
    case "external":
      return fail("#N/A", `Thời hạn “${t}” phụ thuộc sự kiện hoặc cơ quan khác, chưa có ngày: hãy nhập hạn cụ thể`,
        `The deadline “${t}” depends on an event or another body and has no date: enter a date`);
    case "duration":
      return fail("#N/A", `“${t}” là thời gian thực hiện, không phải hạn hoàn thành: hãy nhập hạn cụ thể`,
        `“${t}” is how long a step takes, not a due date: enter a date`);
    default:
      return fail("#VALUE!", d.reason ?? `Không đọc được thời hạn “${t}”`, d.reasonEn ?? `Could not read the deadline “${t}”`);
  }
}

type Which = "start" | "end";

function toWhich(value: unknown): Which {
  if (isBlank(value)) return "end";
  const k = stripDiacritics(normalizeText(toText(value))).toLowerCase();
  if (["start", "begin", "from", "bat dau", "dau", "tu", "tu ngay", "1"].includes(k)) return "start";
  if (["end", "finish", "to", "due", "ket thuc", "cuoi", "den", "den ngay", "han", "2"].includes(k)) return "end";
  throw fail("#VALUE!", `Tham số “${show(value)}” phải là "start" (bắt đầu) hoặc "end" (kết thúc)`, `“${show(value)}” must be "start" or "end"`);
}

export function deadlineOf(text: unknown, which: unknown, year: unknown): number {
  const w = toWhich(which);
  const y = toYear(year);
  if (isBlank(text)) throw fail("#N/A", "Chưa có thời hạn", "No deadline");
  const d = readDeadline(text, y);
  const iso = w === "start" ? d.start : d.end;
  if (!iso) throw undatedError(d, text);
  return excelSerialFromIso(iso);
}

export function statusOf(deadline: unknown, completedOn: unknown, asOf: unknown, year: unknown): string {
  const asOfIso = toIsoDate(asOf, "ngày tính / as-of date");
  const done = toIsoDateOrNull(completedOn, "ngày hoàn thành / completion date");
  const y = toYear(year) ?? Number(asOfIso.slice(0, 4));
  const d = isBlank(deadline) ? parseDeadline("", y) : readDeadline(deadline, y);
  return STATUS_LABELS[computeStatus(d, done, asOfIso)].vi;
}

const KIND_WORDS: Array<[PeriodKind, string[]]> = [
  ["quarter", ["quy", "qui", "q", "quarter", "3 thang"]],
  ["half", ["6 thang", "6t", "6m", "h1", "half", "nua nam", "nua dau nam", "6 thang dau nam"]],
  ["nine-months", ["9 thang", "9t", "9m", "nine months", "9 thang dau nam"]],
  ["year", ["nam", "ca nam", "y", "n", "year", "12 thang"]],
];

function toKind(value: unknown): PeriodKind {
  if (isBlank(value)) return "quarter";
  const k = stripDiacritics(normalizeText(toText(value))).toLowerCase().replace(/\s+/g, " ");
  for (const [kind, words] of KIND_WORDS) if (words.includes(k)) return kind;
  throw fail("#VALUE!", `Loại kỳ “${show(value)}” không hợp lệ: dùng "quý", "6 tháng", "9 tháng" hoặc "năm"`,
    `Unknown period kind “${show(value)}”: use "quý", "6 tháng", "9 tháng" or "năm"`);
}

export function cutoffsOf(startDay: unknown, endDay: unknown): CutoffSettings {
  return {
    startDay: toInteger(startDay, "ngày bắt đầu kỳ số liệu / cut-off start day", 1, 31, 15),
    endDay: toInteger(endDay, "ngày chốt số liệu / cut-off end day", 1, 31, 14),
  };
}

export function periodOfDate(date: unknown, kind: unknown, startDay: unknown, endDay: unknown): string {
  const k = toKind(kind);
  const settings = cutoffsOf(startDay, endDay);
  const iso = toIsoDate(date, "ngày / date");
  const p = periodContaining(iso, k, settings);
  if (!p) {
    throw fail("#N/A", `Ngày ${formatViDate(iso)} không thuộc kỳ báo cáo ${k === "half" ? "6 tháng" : k === "nine-months" ? "9 tháng" : "này"} nào (kỳ tính từ ngày ${settings.startDay} tháng cuối năm trước)`,
      `${iso} falls in no ${k === "half" ? "6-month" : k === "nine-months" ? "9-month" : k} reporting period (periods run from day ${settings.startDay} of the previous December)`);
  }
  return p.label;
}

export function dueOf(deadline: unknown, period: unknown, year: unknown): boolean {
  if (isBlank(period)) throw fail("#VALUE!", "Thiếu kỳ báo cáo (ví dụ \"Q2/2024\")", "Missing reporting period (e.g. \"Q2/2024\")");
  let p;
  try {
    p = parsePeriodToken(toText(period));
  } catch (e) {
    const [v, en] = (e instanceof Error ? e.message : String(e)).split(" / ");
    throw fail("#VALUE!", v, en ?? v);
  }
  const y = toYear(year) ?? p.year;
  if (isBlank(deadline)) return false;
  return dueInPeriod(readDeadline(deadline, y), p);
}

// --- the range-aware functions ---------------------------------------------------------------

export const deadlineFn = (text: unknown, which?: unknown, year?: unknown) => elementwise([text, which, year], deadlineOf);
export const statusFn = (deadline: unknown, completedOn: unknown, asOf: unknown, year?: unknown) =>
  elementwise([deadline, completedOn, asOf, year], statusOf);
export const periodFn = (date: unknown, kind?: unknown, startDay?: unknown, endDay?: unknown) =>
  elementwise([date, kind, startDay, endDay], periodOfDate);
export const dueFn = (deadline: unknown, period: unknown, year?: unknown) => elementwise([deadline, period, year], dueOf);

