/**
 * The document's own numbers at the start of a cell ("1.1. Nâng cao…" → "1.1"), and cells that
 * list several numbered activities ("3.12 X 3.13. Y" or one per line) split into items.
 * Numbers stay text: they repeat, skip and restart in real plans.
 */
import { normalizeText } from "../core/text";

export interface NumberedText {
  no: string;
  text: string;
}

// "1.1." / "1.1" / "3.12 –" / "2.8 " (dotted), then a separator; or "1." / "1)" / "1 -" (single).
const DOTTED = /^(\d{1,3}(?:\.\d{1,3})+)(?:\.(?!\d))?(?:\s*[-–—:]\s*|\s+|(?=\p{Lu})|$)/u;
const SINGLE = /^(\d{1,3})(?:[.)](?!\d)\s*|\s+[-–—]\s+)(?=\S)/u;

/** Splits the leading number off a text; `no` is "" when there is none. Text is normalised. */
export function splitLeadingNumber(input: string): NumberedText {
  const s = normalizeText(input);
  const m = DOTTED.exec(s) ?? SINGLE.exec(s);
  if (!m) return { no: "", text: s };
  const rest = s.slice(m[0].length).trim();
  if (!rest) return { no: m[1], text: "" };
  return { no: m[1], text: rest };
}

/** The number tokens that may start a new item inside a cell, with where they start. */
const INNER = /(^|\s)(\d{1,3}(?:\.\d{1,3})+)(?:\.(?!\d))?(?:\s*[-–—:]\s*|\s+|(?=\p{Lu}))(?=(\S))/gu;

function parts(no: string): number[] {
  return no.split(".").map((x) => parseInt(x, 10));
}

/**
 * Splits a cell that lists several numbered items. A new item starts at a dotted number that
 * (1) shares every component but the last with the first item's number ("3.x"), (2) has a
 * larger last component than the previous item's, and (3) begins a line, or is followed by a
 * capital letter (so "đạt 3.5 điểm" inside a sentence does not split). A cell that does not
 * start with a dotted number is one item. Lines are joined by spaces.
 */
export function splitNumberedItems(input: string): NumberedText[] {
  const s = normalizeText(input, true);
  const firstM = DOTTED.exec(s);
  if (!firstM) return [splitLeadingNumber(s)];
  const first = parts(firstM[1]);
  const prefix = first.slice(0, -1).join(".");
  let last = first[first.length - 1];
  const starts: Array<{ at: number; no: string; len: number }> = [{ at: 0, no: firstM[1], len: firstM[0].length }];
  INNER.lastIndex = firstM[0].length;
  for (let m = INNER.exec(s); m; m = INNER.exec(s)) {
    const at = m.index + m[1].length;
    const no = m[2];
    const p = parts(no);
    if (p.slice(0, -1).join(".") !== prefix || p.length !== first.length) continue;
    const n = p[p.length - 1];
    if (n <= last) continue;
    const lineStart = at === 0 || s[at - 1] === "\n";
    const next = m[3];
    if (!lineStart && !/\p{Lu}/u.test(next)) continue;
    starts.push({ at, no, len: m[0].length - m[1].length });
    last = n;
  }
  const out: NumberedText[] = [];
  for (let i = 0; i < starts.length; i++) {
    const end = i + 1 < starts.length ? starts[i + 1].at : s.length;
    out.push({ no: starts[i].no, text: normalizeText(s.slice(starts[i].at + starts[i].len, end)) });
  }
  return out;
}

/** A Roman numeral from I to XX (the group numbers of an appendix), or null. */
export function romanValue(s: string): number | null {
  const i = ROMANS.indexOf(s.toUpperCase());
  return i >= 0 ? i + 1 : null;
}

export const ROMANS = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];
