/**
 * How Excel turns what an add-in writes into cell contents ("as if typed"), and how it
 * renders cell values as text. Deliberately small: numbers, percentages, booleans, error
 * literals, dates in the ISO form and in the locale's short form, the apostrophe prefix,
 * the text number format "@", and a handful of number formats for `Range.text`.
 */

export type Scalar = string | number | boolean;

export interface NumberLocale {
  tag: string;
  decimal: string;
  group: string;
  dateOrder: "mdy" | "dmy";
  /** The number format Excel gives a cell when a date is typed into a General cell. */
  shortDate: string;
}

export const LOCALES: Record<string, NumberLocale> = {
  "en-US": { tag: "en-US", decimal: ".", group: ",", dateOrder: "mdy", shortDate: "m/d/yyyy" },
  "vi-VN": { tag: "vi-VN", decimal: ",", group: ".", dateOrder: "dmy", shortDate: "dd/mm/yyyy" },
};

export function localeFor(tag: string | undefined): NumberLocale {
  if (tag && LOCALES[tag]) return LOCALES[tag];
  if (tag && tag.toLowerCase().startsWith("vi")) return LOCALES["vi-VN"];
  return LOCALES["en-US"];
}

export const ERROR_LITERALS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#BUSY!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#UNKNOWN!"];

export function isErrorLiteral(s: unknown): boolean {
  return typeof s === "string" && ERROR_LITERALS.includes(s.toUpperCase());
}

export type TypedInput =
  | { kind: "clear" }
  | { kind: "value"; value: Scalar; error?: boolean; quotePrefix?: boolean; numberFormat?: string }
  | { kind: "formula"; formula: string };

/**
 * What a value written through `Range.values` / `Range.formulas` becomes in a cell whose
 * number format is `numberFormat`. Strings go through Excel's typing rules; numbers and
 * booleans are stored as they are.
 */
export function parseTyped(input: Scalar, numberFormat: string, locale: NumberLocale, formulaPrefixes: string[]): TypedInput {
  if (typeof input === "number" || typeof input === "boolean") return { kind: "value", value: input };
  const s = String(input);
  if (s === "") return { kind: "clear" };
  if (s.startsWith("'")) return { kind: "value", value: s.slice(1), quotePrefix: true };
  if (numberFormat === "@") return { kind: "value", value: s };
  const first = s[0];
  if (formulaPrefixes.includes(first)) {
    if (first !== "=") {
      const n = parseNumber(s, locale);
      if (n) return { kind: "value", value: n.value, ...(n.format && isGeneral(numberFormat) ? { numberFormat: n.format } : {}) };
    }
    if (s.length > 1 || first !== "=") return { kind: "formula", formula: first === "=" ? s : `=${s}` };
  }
  if (isErrorLiteral(s)) return { kind: "value", value: s.toUpperCase(), error: true };
  const upper = s.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { kind: "value", value: upper === "TRUE" };
  const n = parseNumber(s, locale);
  if (n) return { kind: "value", value: n.value, ...(n.format && isGeneral(numberFormat) ? { numberFormat: n.format } : {}) };
  const d = parseDate(s, locale);
  if (d !== null) return { kind: "value", value: d, ...(isGeneral(numberFormat) ? { numberFormat: locale.shortDate } : {}) };
  return { kind: "value", value: s };
}

export function isGeneral(nf: string | undefined): boolean {
  return !nf || nf.toLowerCase() === "general";
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A number typed in the locale: "-1,234.5", "50%", "1e3" (en-US) or "1.234,5" (vi-VN). */
export function parseNumber(text: string, locale: NumberLocale): { value: number; format?: string } | null {
  let t = text.trim();
  if (!t) return null;
  let percent = false;
  if (t.endsWith("%")) {
    percent = true;
    t = t.slice(0, -1).trim();
  }
  const dec = escapeRe(locale.decimal);
  const grp = escapeRe(locale.group);
  const re = new RegExp(`^[+-]?(\\d{1,3}(${grp}\\d{3})+|\\d+)?(${dec}\\d+)?([eE][+-]?\\d+)?$`);
  if (!re.test(t) || !/\d/.test(t)) return null;
  if (/^[+-]?(e|E)/.test(t)) return null;
  const grouped = new RegExp(grp).test(t.replace(new RegExp(`${dec}.*$`), ""));
  const normal = t.split(locale.group).join("").replace(locale.decimal, ".");
  const v = Number(normal);
  if (!Number.isFinite(v)) return null;
  if (percent) return { value: v / 100, format: /\./.test(normal) ? "0.00%" : "0%" };
  return { value: v, ...(grouped ? { format: "#,##0" } : {}) };
}

const EPOCH = Date.UTC(1899, 11, 30);

export function serialFromYmd(y: number, m: number, d: number): number {
  return Math.round((Date.UTC(y, m - 1, d) - EPOCH) / 86400000);
}

export function ymdFromSerial(serial: number): { y: number; m: number; d: number } {
  const dt = new Date(EPOCH + Math.floor(serial) * 86400000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** "2024-06-30" everywhere; "6/30/2024" in en-US, "30/06/2024" in vi-VN. Returns a serial. */
export function parseDate(text: string, locale: NumberLocale): number | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return validYmd(y, mo, d) ? serialFromYmd(y, mo, d) : null;
  }
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(t);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    const [mo, d] = locale.dateOrder === "mdy" ? [a, b] : [b, a];
    return validYmd(y, mo, d) ? serialFromYmd(y, mo, d) : null;
  }
  return null;
}

/** Excel's "General" rendering of a number (at most 11 characters, then scientific). */
export function formatGeneral(n: number, locale: NumberLocale): string {
  if (n === 0) return "0";
  const abs = Math.abs(n);
  let s: string;
  if (abs >= 1e11 || abs < 1e-9) {
    const [mant, exp] = n.toExponential(5).split("e");
    const e = Number(exp);
    s = `${mant.replace(/\.?0+$/, "")}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  } else {
    const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
    const decimals = Math.max(0, 10 - intDigits - (n < 0 ? 1 : 0));
    s = n.toFixed(Math.min(decimals, 20));
    if (s.includes(".")) s = s.replace(/\.?0+$/, "");
  }
  return s.replace(".", locale.decimal);
}

function splitSections(nf: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < nf.length; i++) {
    const ch = nf[i];
    if (ch === '"') quoted = !quoted;
    if (ch === "\\" && i + 1 < nf.length) {
      cur += ch + nf[++i];
      continue;
    }
    if (ch === ";" && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** Strips colours, locale tags and conditions: "[Red]", "[$-409]", "[>=100]". */
function stripBrackets(section: string): string {
  return section.replace(/\[(?!h\]|hh\]|m\]|mm\]|s\]|ss\])[^\]]*\]/gi, "");
}

function isDateFormat(section: string): boolean {
  const bare = section.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[dy]/i.test(bare) || /h/i.test(bare) || /(^|[^0#?])m+([^0#?]|$)/i.test(bare.replace(/[0#?.,%]+/g, "0"));
}

function formatDate(serial: number, section: string): string {
  const { y, m, d } = ymdFromSerial(serial);
  const frac = serial - Math.floor(serial);
  const totalSeconds = Math.round(frac * 86400);
  const hh = Math.floor(totalSeconds / 3600);
  const mi = Math.floor((totalSeconds % 3600) / 60);
  const ss = totalSeconds % 60;
  const monthsLong = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  const daysLong = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
  const dow = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const ampm = /AM\/PM/i.test(section);
  let out = "";
  let lastWasHour = false;
  for (let i = 0; i < section.length; ) {
    const rest = section.slice(i);
    let mm: RegExpExecArray | null;
    if (rest[0] === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end + 1;
      continue;
    }
    if (rest[0] === "\\") {
      out += rest[1] ?? "";
      i += 2;
      continue;
    }
    if ((mm = /^AM\/PM/i.exec(rest))) {
      out += hh < 12 ? "AM" : "PM";
      i += mm[0].length;
      continue;
    }
    if ((mm = /^(yyyy|yyy|yy|y)/i.exec(rest))) {
      out += mm[0].length <= 2 ? String(y % 100).padStart(2, "0") : String(y);
      i += mm[0].length;
      continue;
    }
    if ((mm = /^(dddd|ddd|dd|d)/i.exec(rest))) {
      const n = mm[0].length;
      out += n === 4 ? daysLong[dow] : n === 3 ? daysLong[dow].slice(0, 3) : n === 2 ? String(d).padStart(2, "0") : String(d);
      i += n;
      continue;
    }
    if ((mm = /^(hh|h)/i.exec(rest))) {
      const h = ampm ? ((hh + 11) % 12) + 1 : hh;
      out += mm[0].length === 2 ? String(h).padStart(2, "0") : String(h);
      i += mm[0].length;
      lastWasHour = true;
      continue;
    }
    if ((mm = /^(ss|s)/i.exec(rest))) {
      out += mm[0].length === 2 ? String(ss).padStart(2, "0") : String(ss);
      i += mm[0].length;
      continue;
    }
    if ((mm = /^(mmmmm|mmmm|mmm|mm|m)/i.exec(rest))) {
      const n = mm[0].length;
      const minutes = lastWasHour || /^m+:?s/i.test(rest.replace(/^m+/i, (x) => x + ""));
      if (minutes && n <= 2) out += n === 2 ? String(mi).padStart(2, "0") : String(mi);
      else out += n === 5 ? monthsLong[m - 1][0] : n === 4 ? monthsLong[m - 1] : n === 3 ? monthsLong[m - 1].slice(0, 3) : n === 2 ? String(m).padStart(2, "0") : String(m);
      i += n;
      lastWasHour = false;
      continue;
    }
    out += rest[0];
    i += 1;
  }
  return out;
}

function formatNumberSection(n: number, section: string, locale: NumberLocale): string {
  // Literal parts before and after the numeric core.
  let s = section.replace(/_./g, " ").replace(/\*./g, "");
  const lits: string[] = [];
  s = s.replace(/"([^"]*)"/g, (_m, t: string) => {
    lits.push(t);
    return `\u0000${lits.length - 1}\u0000`;
  });
  s = s.replace(/\\(.)/g, (_m, t: string) => {
    lits.push(t);
    return `\u0000${lits.length - 1}\u0000`;
  });
  const core = /[0#?][0#?,.]*|\.[0#?]+/.exec(s);
  const restore = (t: string) => t.replace(/\u0000(\d+)\u0000/g, (_m, i: string) => lits[Number(i)]);
  if (!core) return restore(s);
  const before = s.slice(0, core.index);
  const after = s.slice(core.index + core[0].length);
  let value = n;
  if (/%/.test(s)) value *= 100;
  const spec = core[0];
  const trailingCommas = /,+$/.exec(spec)?.[0].length ?? 0;
  value /= Math.pow(1000, trailingCommas);
  const body = spec.slice(0, spec.length - trailingCommas);
  const [intSpec, decSpec = ""] = body.split(".");
  const decimals = decSpec.replace(/[^0#?]/g, "").length;
  const minDecimals = decSpec.replace(/[^0]/g, "").length;
  const grouping = intSpec.includes(",");
  const minInt = intSpec.replace(/[^0]/g, "").length;
  let fixed = Math.abs(value).toFixed(decimals);
  let [ip, dp = ""] = fixed.split(".");
  while (dp.length > minDecimals && dp.endsWith("0")) dp = dp.slice(0, -1);
  if (ip === "0" && minInt === 0) ip = "";
  ip = ip.padStart(minInt, "0");
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, locale.group);
  fixed = dp ? `${ip}${locale.decimal}${dp}` : decimals > 0 && minDecimals === 0 && body.includes(".") ? `${ip}${locale.decimal}` : ip;
  return restore(before) + fixed + restore(after);
}

/** The text Excel shows for a value in a given number format (`Range.text`). */
export function formatValue(value: Scalar, numberFormat: string | undefined, locale: NumberLocale): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") {
    const secs = numberFormat ? splitSections(numberFormat) : [];
    if (secs.length >= 4 && secs[3].includes("@")) return stripBrackets(secs[3]).replace(/"([^"]*)"/g, "$1").replace("@", value);
    return value;
  }
  if (!Number.isFinite(value)) return String(value);
  if (isGeneral(numberFormat) || numberFormat === "@") return formatGeneral(value, locale);
  const sections = splitSections(numberFormat!).map(stripBrackets);
  let section = sections[0];
  let v = value;
  if (value < 0 && sections.length >= 2) {
    section = sections[1];
    v = -value;
  } else if (value === 0 && sections.length >= 3) section = sections[2];
  if (section.toLowerCase() === "general") return formatGeneral(v, locale);
  if (isDateFormat(section)) return formatDate(v, section);
  const out = formatNumberSection(v, section, locale);
  return v < 0 && sections.length < 2 ? `-${out}` : out;
}
