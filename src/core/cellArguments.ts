/**
 * Reading one cell's value as a function argument (the =CCHC.* functions, and the layout's cached
 * values computed with the same code). One number parser for the whole product (`parseNumberVi`),
 * one date reader (`parseUserDate`: Excel serials, dd/mm/yyyy, ISO). Every reader throws an Excel
 * error value with a Vietnamese / English message.
 */
import { isoFromExcelSerial, parseUserDate } from "./dates";
import { fail } from "./excelError";
import type { Comparator } from "./plan";
import { parseComparator } from "./targets";
import { parseNumberVi } from "./numbers";

/** What an argument is, for messages: "tổng / whole". */
export type What = string;

const vi = (what: What) => what.split(" / ")[0];
const en = (what: What) => what.split(" / ")[1] ?? what;

/** Short display of a cell value for an error message. */
export function show(value: unknown): string {
  const s = typeof value === "string" ? value : String(value);
  return s.length > 40 ? `${s.slice(0, 37)}…` : s;
}

/** True for an empty cell or a left-out argument (null, undefined, "" or spaces). */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** A number from a cell: numbers, "75%", "85,3%", "1.234,5" (core's parseNumberVi); an Excel error otherwise. */
export function toNumber(value: unknown, what: What): number {
  if (typeof value === "boolean") {
    throw fail("#VALUE!", `${vi(what)} phải là số, không phải TRUE/FALSE`, `${en(what)} must be a number, not TRUE/FALSE`);
  }
  if (isBlank(value)) throw fail("#VALUE!", `Thiếu giá trị ${vi(what)}`, `Missing ${en(what)}`);
  const n = parseNumberVi(value);
  if (n === null) throw fail("#VALUE!", `Không đọc được số ở ${vi(what)}: “${show(value)}”`, `Not a number: ${en(what)} “${show(value)}”`);
  return n;
}

/** A date from a cell as ISO: an Excel serial, "15/01/2024", "2024-01-15"; an Excel error otherwise. */
export function toIsoDate(value: unknown, what: What): string {
  if (isBlank(value)) throw fail("#VALUE!", `Thiếu ngày ${vi(what)}`, `Missing date: ${en(what)}`);
  if (typeof value === "number") {
    const iso = isoFromExcelSerial(value);
    if (!iso) throw fail("#NUM!", `${vi(what)}: số ${show(value)} không phải là ngày hợp lệ`, `${en(what)}: ${show(value)} is not a valid date`);
    return iso;
  }
  const iso = typeof value === "string" || value instanceof Date ? parseUserDate(value) : null;
  if (!iso) {
    throw fail("#VALUE!", `${vi(what)}: “${show(value)}” không phải là ngày (dd/mm/yyyy)`, `${en(what)}: “${show(value)}” is not a date (dd/mm/yyyy)`);
  }
  return iso;
}

/** A date as ISO, or null for an empty cell. */
export function toIsoDateOrNull(value: unknown, what: What): string | null {
  return isBlank(value) ? null : toIsoDate(value, what);
}

/** A whole number in [min, max], or `fallback` when left out. */
export function toInteger(value: unknown, what: What, min: number, max: number, fallback?: number): number {
  if (isBlank(value)) {
    if (fallback !== undefined) return fallback;
    throw fail("#VALUE!", `Thiếu giá trị ${vi(what)}`, `Missing ${en(what)}`);
  }
  const n = toNumber(value, what);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw fail("#NUM!", `${vi(what)} phải là số nguyên từ ${min} đến ${max}, không phải ${show(value)}`, `${en(what)} must be a whole number from ${min} to ${max}, not ${show(value)}`);
  }
  return n;
}

/** A year 1900..9999, or null when left out. */
export function toYear(value: unknown, what: What = "năm / year"): number | null {
  return isBlank(value) ? null : toInteger(value, what, 1900, 9999);
}

/** TRUE/FALSE from a cell: booleans, 1/0, "TRUE"/"FALSE", "có"/"không", "đúng"/"sai"; `fallback` when left out. */
export function toBoolean(value: unknown, what: What, fallback: boolean): boolean {
  if (isBlank(value)) return fallback;
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value !== 0;
  if (typeof value === "string") {
    const k = value.normalize("NFC").trim().toLowerCase();
    if (["true", "đúng", "có", "yes", "1", "x"].includes(k)) return true;
    if (["false", "sai", "không", "no", "0"].includes(k)) return false;
  }
  throw fail("#VALUE!", `${vi(what)} phải là TRUE hoặc FALSE, không phải “${show(value)}”`, `${en(what)} must be TRUE or FALSE, not “${show(value)}”`);
}

/** ">=", "<=" or "=" (also "≥", "tối thiểu", "tối đa"…); ">=" when left out. */
export function toComparator(value: unknown, what: What = "phép so sánh / comparator"): Comparator {
  if (isBlank(value)) return ">=";
  const c = parseComparator(value);
  if (!c) {
    throw fail("#VALUE!", `${vi(what)} phải là ">=", "<=" hoặc "=", không phải “${show(value)}”`, `${en(what)} must be ">=", "<=" or "=", not “${show(value)}”`);
  }
  return c;
}

/** Text from a cell (numbers as written by String), "" for an empty cell. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  return String(value);
}
