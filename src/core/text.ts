/**
 * Vietnamese text normalisation. Every string that enters the model goes through
 * `normalizeText`; every comparison of names goes through `matchKey`.
 */

// C0/C1 controls except tab and line feed, plus bidi and zero-width marks that sneak in from Word.
const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

/**
 * Controls removed, then NFC, whitespace runs collapsed to one space; line breaks kept when
 * `keepLines`. The characters are removed before composing: a removed character between a letter
 * and its combining mark ("g\u200B\u0301") must not leave a decomposed pair behind. The result
 * is NFC and a fixpoint: normalizeText(normalizeText(x)) === normalizeText(x).
 */
export function normalizeText(input: unknown, keepLines = false): string {
  if (input === null || input === undefined) return "";
  let raw: string;
  try {
    raw = typeof input === "string" ? input : String(input);
  } catch {
    return ""; // an object that cannot become text (a non-function toString, no prototype): nothing to keep
  }
  let s = raw.replace(/\r\n?/g, "\n").replace(CONTROL_CHARS, "").normalize("NFC");
  if (keepLines) {
    s = s
      .split("\n")
      .map((line) => line.replace(/[\s\u00A0]+/g, " ").trim())
      .filter((line) => line.length > 0)
      .join("\n");
  } else {
    s = s.replace(/[\s\u00A0]+/g, " ").trim();
  }
  return s;
}

const TONE_MOVE: Record<string, string> = {
  "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
  "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
  "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
};

/**
 * Moves the tone mark of "oa", "oe", "uy" to the first vowel when the syllable ends there
 * ("hoá" → "hóa", "uỷ" → "ủy"), leaving "hoàn", "thuyết" and the like alone.
 */
export function newStyleTones(s: string): string {
  return s.replace(/(o[àáảãạèéẻẽẹ]|u[ỳýỷỹỵ])(?![a-zđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])/gi, (m) => {
    const lower = m.toLowerCase();
    const moved = TONE_MOVE[lower];
    if (!moved) return m;
    return m[0] === m[0].toUpperCase() && m[0] !== m[0].toLowerCase() ? moved[0].toUpperCase() + moved.slice(1) : moved;
  });
}

/** Strips Vietnamese diacritics (đ → d) for fuzzy matching only: never for display or identity. */
export function stripDiacritics(s: string): string {
  return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFC");
}

const FOLD_CACHE = new Map<string, string>();

/** One character without its diacritics ("ề" → "e", "đ" → "d"); characters that would not stay one character are kept. */
export function foldChar(c: string): string {
  let f = FOLD_CACHE.get(c);
  if (f === undefined) {
    const s = stripDiacritics(c);
    f = s.length === c.length ? s : c;
    if (FOLD_CACHE.size < 4096) FOLD_CACHE.set(c, f);
  }
  return f;
}

/**
 * True when `input` is `known` with some, none or all of its diacritics left out: every
 * character equals the known one or its mark-free form. Never true when the input carries a mark
 * the known text does not ("hòa" vs "hóa", "hóa" vs "hoa"), so a diacritic-free fallback built on
 * it cannot confuse two differently marked words. Compare NFC strings of the same case.
 */
export function diacriticCompatible(input: string, known: string): boolean {
  if (input.length !== known.length) return false;
  for (let i = 0; i < input.length; i++) {
    const a = input[i];
    const b = known[i];
    if (a !== b && a !== foldChar(b)) return false;
  }
  return true;
}

/**
 * A comparison key: NFC, lower case, new-style tones, dashes unified and spaced, punctuation
 * trimmed. Lower-casing and moving a tone can leave a decomposed pair (a second tone mark on a
 * vowel: "hoà\u0301" → "hòa\u0301"; "ẖ".toUpperCase().toLowerCase()): the key is composed again
 * at the end, so it is NFC and a fixpoint (matchKey(matchKey(x)) === matchKey(x)).
 */
export function matchKey(input: unknown): string {
  let s = normalizeText(input).toLowerCase();
  s = newStyleTones(s);
  s = s.replace(/[\u2010-\u2015\u2212]/g, "-").replace(/\s*-\s*/g, " - ");
  s = s.replace(/[“”"'‘’`.;:,()\[\]]/g, " ").replace(/\s+/g, " ").trim();
  return s.normalize("NFC");
}

/** Dice coefficient on character bigrams of two match keys (0..1). */
export function similarity(a: string, b: string): number {
  const x = matchKey(a).replace(/ /g, "");
  const y = matchKey(b).replace(/ /g, "");
  if (x === y) return 1;
  if (x.length < 2 || y.length < 2) return 0;
  const counts = new Map<string, number>();
  for (let i = 0; i < x.length - 1; i++) {
    const g = x.slice(i, i + 2);
    counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  let common = 0;
  for (let i = 0; i < y.length - 1; i++) {
    const g = y.slice(i, i + 2);
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      common++;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length - 1 + y.length - 1);
}

/** FNV-1a 32-bit hash, base-36: short, deterministic, no dependencies. */
export function shortHash(s: string, length = 5): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, "0").slice(-length);
}

/** Excel's limit on the characters in one cell: longer text makes Excel repair (and cut) the file. */
export const EXCEL_CELL_MAX_CHARS = 32767;
/** What ends a text cut to fit in a cell, so the cut is visible. */
export const TRUNCATION_MARKER = "… [cắt bớt]";

/**
 * A string that fits in one Excel cell: up to 32,767 characters (or `max`) as it is; longer, its
 * first characters followed by "… [cắt bớt]", `max` in all (never splitting a surrogate pair).
 */
export function fitCellText(s: string, max = EXCEL_CELL_MAX_CHARS): string {
  if (s.length <= max) return s;
  let cut = max - TRUNCATION_MARKER.length;
  const last = s.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return s.slice(0, cut) + TRUNCATION_MARKER;
}
