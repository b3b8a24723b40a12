/**
 * One Vietnamese number reader for the whole product: the workbook readers, the custom functions
 * and the target phrases all read "1.234" as 1234 and "85,3%" as 0.853.
 * Plain TypeScript: no Office, DOM or Node imports.
 */
import { normalizeText } from "./text";

/** "1234.5" (canonical digits) shifted two places left, as a string, so "85.3" → 0.853 exactly as typed. */
export function percentOf(intPart: string, fracPart: string): number {
  const digits = intPart.replace(/^0+(?=\d)/, "").padStart(3, "0");
  return Number(`${digits.slice(0, -2)}.${digits.slice(-2)}${fracPart}`);
}

/** Digits of a number written the Vietnamese way (or plainly): [int, frac] or null. */
export function splitDigits(body: string, preferDecimalDot = false): [string, string] | null {
  if (/^\d+$/.test(body)) return [body, ""];
  // 1.234.567,89 — Vietnamese thousands with optional decimal comma (first group 1-3 digits, no leading 0)
  if (!preferDecimalDot && /^[1-9]\d{0,2}(\.\d{3})+(,\d+)?$/.test(body)) {
    const [i, f = ""] = body.split(",");
    return [i.replace(/\./g, ""), f];
  }
  // 85,3 — Vietnamese decimal comma
  if (/^\d+,\d+$/.test(body)) {
    const [i, f] = body.split(",");
    return [i, f];
  }
  // 1,234,567.8 or 1,234.5 — English thousands (only when unambiguous)
  if (/^[1-9]\d{0,2}(,\d{3}){2,}(\.\d+)?$/.test(body) || /^[1-9]\d{0,2}(,\d{3})+\.\d+$/.test(body)) {
    const [i, f = ""] = body.split(".");
    return [i.replace(/,/g, ""), f];
  }
  // 0.75, .5, 12.5 — decimal dot
  if (/^\d*\.\d+$/.test(body)) {
    const [i, f] = body.split(".");
    return [i || "0", f];
  }
  return null;
}

/**
 * A number from a cell or a phrase: numbers pass through (finite only); strings read
 * "75%" → 0.75, "85,3%" → 0.853, "1.234,5" → 1234.5, "1.234" → 1234 (a dot followed by exactly
 * three digits groups thousands), "0.75" / "12.5" → decimals, "1,234.5" → 1234.5, "01" → 1,
 * "- 5" → -5, "75 phần trăm" → 0.75; spaces (also non-breaking) are ignored. Anything else —
 * "", text, booleans, dates, objects — is null.
 */
export function parseNumberVi(input: unknown): number | null {
  if (typeof input === "number") return Number.isFinite(input) ? input : null;
  if (typeof input !== "string") return null;
  let s = normalizeText(input);
  if (!s) return null;
  let percent = false;
  const pm = /\s*(%|phần trăm|phan tram)$/iu.exec(s);
  if (pm) {
    percent = true;
    s = s.slice(0, pm.index);
  }
  s = s.replace(/[\s\u00A0\u202F\u2009]/g, "");
  let sign = 1;
  if (/^[+\-\u2212]/.test(s)) {
    if (s[0] !== "+") sign = -1;
    s = s.slice(1);
  }
  const parts = splitDigits(s);
  if (!parts) return null;
  const [i, f] = parts;
  const n = percent ? percentOf(i, f) : Number(f ? `${i}.${f}` : i);
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : sign * n;
}
