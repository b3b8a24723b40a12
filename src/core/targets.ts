/**
 * Indicator targets (chỉ tiêu) read from plan sentences, Vietnamese numbers, and the arithmetic
 * of attainment: rate, attainment, met, plan completion "x/y", PAR INDEX points.
 * Plain TypeScript: no Office, DOM or Node imports.
 */
import { statusFromLabel } from "./status";
import type { Comparator } from "./plan";
import { diacriticCompatible, foldChar, normalizeText, stripDiacritics } from "./text";
import { percentOf, splitDigits } from "./numbers";

const EPS = 1e-9;


export interface Target {
  /** A fraction for percentages (0.75 for 75%), a count otherwise. */
  value: number;
  comparator: Comparator;
  unit: "percent" | "count";
  /** The matched phrase as written (NFC), e.g. "đạt từ 94% trở lên", "ít nhất có 01". */
  text: string;
  /**
   * Present when the target is a change rather than a level: "giảm 20%" / "cắt giảm 20%" /
   * "rút ngắn 30%" → { value: 0.2, comparator: ">=", change: "reduction" }, i.e. the REDUCTION
   * must be at least 20% (actual = 1 − new/old). "tăng 10%" → change "increase". A level after a
   * change word ("giảm xuống còn 5%", "giảm xuống dưới 5%", "tăng lên 80%") is a plain level.
   */
  change?: "reduction" | "increase";
}

// ---------------------------------------------------------------------------------------------
// The target reader

type CueKind = "ge" | "le" | "eq" | "aim" | "reduce" | "increase" | "level-le" | "level-ge";

interface Cue {
  phrase: string;
  kind: CueKind;
  /** Only counts when nothing but spaces separates it from the number ("trên 50%", "từ 94%"). */
  immediate?: boolean;
}

const CUES: Cue[] = [
  { phrase: "không dưới", kind: "ge" },
  { phrase: "không thấp hơn", kind: "ge" },
  { phrase: "không ít hơn", kind: "ge" },
  { phrase: "không nhỏ hơn", kind: "ge" },
  { phrase: "tối thiểu", kind: "ge" },
  { phrase: "ít nhất", kind: "ge" },
  { phrase: "nhiều hơn", kind: "ge", immediate: true },
  { phrase: "lớn hơn", kind: "ge", immediate: true },
  { phrase: "cao hơn", kind: "ge", immediate: true },
  { phrase: "hơn", kind: "ge", immediate: true },
  { phrase: "trên", kind: "ge", immediate: true },
  { phrase: "từ", kind: "ge", immediate: true },
  { phrase: "không vượt quá", kind: "le" },
  { phrase: "không quá", kind: "le" },
  { phrase: "không cao hơn", kind: "le" },
  { phrase: "không lớn hơn", kind: "le" },
  { phrase: "không vượt", kind: "le" },
  { phrase: "tối đa", kind: "le" },
  { phrase: "ít hơn", kind: "le", immediate: true },
  { phrase: "thấp hơn", kind: "le", immediate: true },
  { phrase: "nhỏ hơn", kind: "le", immediate: true },
  { phrase: "dưới", kind: "le", immediate: true },
  { phrase: "bằng", kind: "eq", immediate: true },
  { phrase: "đúng", kind: "eq", immediate: true },
  { phrase: "phấn đấu", kind: "aim" },
  { phrase: "đạt", kind: "aim" },
  { phrase: "bảo đảm", kind: "aim" },
  { phrase: "đảm bảo", kind: "aim" },
  { phrase: "cắt giảm", kind: "reduce" },
  { phrase: "giảm thiểu", kind: "reduce" },
  { phrase: "giảm", kind: "reduce" },
  { phrase: "rút ngắn", kind: "reduce" },
  { phrase: "tăng thêm", kind: "increase" },
  { phrase: "tăng", kind: "increase" },
  { phrase: "xuống còn", kind: "level-le", immediate: true },
  { phrase: "còn", kind: "level-le", immediate: true },
  { phrase: "xuống", kind: "level-le", immediate: true },
  { phrase: "lên", kind: "level-ge", immediate: true },
];

const SYMBOL_CUES: Cue[] = [
  { phrase: "≥", kind: "ge", immediate: true },
  { phrase: ">=", kind: "ge", immediate: true },
  { phrase: "=>", kind: "ge", immediate: true },
  { phrase: "≤", kind: "le", immediate: true },
  { phrase: "<=", kind: "le", immediate: true },
  { phrase: "=<", kind: "le", immediate: true },
  { phrase: ">", kind: "ge", immediate: true },
  { phrase: "<", kind: "le", immediate: true },
  { phrase: "=", kind: "eq", immediate: true },
];

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Word cues are matched on the diacritic-free lower-case text, then checked against the text as
// written (a missing mark is tolerated, a different one is not: "tư" is not "từ").
const WORD_CUES_BY_PLAIN = new Map<string, Cue[]>();
for (const c of CUES) {
  const p = stripDiacritics(c.phrase);
  WORD_CUES_BY_PLAIN.set(p, [...(WORD_CUES_BY_PLAIN.get(p) ?? []), c]);
}
const WORD_CUE_RE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${[...WORD_CUES_BY_PLAIN.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join("|")})(?![\\p{L}\\p{N}])`,
  "gu",
);
const SYMBOL_CUE_RE = new RegExp(`(${SYMBOL_CUES.map((c) => escapeRe(c.phrase)).join("|")})`, "g");

interface CueHit {
  start: number;
  end: number;
  cue: Cue;
}

/** Words (any run of letters/digits) in a string. */
function wordCount(s: string): number {
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Lower case without changing the length (a character whose lower case is longer is kept). */
function lowerSameLength(s: string): string {
  let out = "";
  for (const ch of s) {
    const l = ch.toLowerCase();
    out += l.length === ch.length ? l : ch;
  }
  return out;
}

function foldSameLength(s: string): string {
  let out = "";
  for (const ch of s) out += foldChar(ch);
  return out;
}

function findCues(low: string, plain: string): CueHit[] {
  const hits: CueHit[] = [];
  for (const m of plain.matchAll(WORD_CUE_RE)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const written = low.slice(start, end);
    const cue = (WORD_CUES_BY_PLAIN.get(m[0]) ?? []).find((c) => diacriticCompatible(written, c.phrase));
    if (cue) hits.push({ start, end, cue });
  }
  for (const m of low.matchAll(SYMBOL_CUE_RE)) {
    const start = m.index ?? 0;
    const cue = SYMBOL_CUES.find((c) => c.phrase === m[0]);
    if (cue) hits.push({ start, end: start + m[0].length, cue });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** Words right before a number that make it a date, an ordinal, a document or section number, a level… not a count. */
const NOT_A_COUNT_BEFORE = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[
    "năm", "ngày", "tháng", "quý", "tuần", "giai đoạn", "số", "số hiệu", "điều", "khoản", "điểm", "mục", "chương", "phần",
    "phụ lục", "khóa", "khoá", "lần thứ", "thứ", "đề án", "dự án", "nghị định", "nghị quyết", "quyết định", "thông tư", "chỉ thị",
    "kế hoạch", "công văn", "công điện", "kết luận", "thông báo", "luật", "mức độ", "cấp độ", "mức", "cấp", "độ", "tổ", "thôn",
    "xóm", "khu", "lớp", "phiên bản", "version", "iso", "tcvn", "chỉ số", "tiêu chí", "nhóm", "loại", "hạng", "bước", "giờ",
    "phút", "trang", "phòng", "tầng", "km", "tập", "quyển", "đợt", "vòng", "top", "hệ", "mã", "bảng", "biểu", "mẫu", "ô", "dòng",
    "cột", "hình", "trạm", "đường", "quốc lộ", "tỉnh lộ", "ql", "đt", "tl",
  ]
    .map(escapeRe)
    .join("|")})\\s*$`,
  "iu",
);

/** Words right after a number that make it a duration, an amount of money, an age… */
const NOT_A_COUNT_AFTER =
  /^\s*(?:ngày|tháng|năm|giờ|phút|giây|tuần|quý|tuổi|đồng|triệu|tỷ|tỉ|nghìn|ngàn|trăm|vnđ|vnd|km|m2|m²|ha|kg|tấn|lít|độ|điểm)(?![\p{L}\p{N}])/iu;

/** Nouns that make a bare number a countable target ("tổ chức 02 hội nghị"). */
const COUNT_NOUN_AFTER =
  /^\s*(?:cuộc|sáng kiến|giải pháp|mô hình|hội nghị|lớp|buổi|lượt|văn bản|hồ sơ|thủ tục|tthc|dịch vụ|dvc|người|cán bộ|công chức|đơn vị|cơ quan|doanh nghiệp|tài khoản|diễn đàn|lần|chuyên mục|tin|bài|phóng sự|đoàn|đợt|cuộc kiểm tra|cuộc đối thoại|chỉ tiêu|nhiệm vụ|hoạt động|sản phẩm|ứng dụng|điểm cầu|camera|máy|bộ)(?![\p{L}\p{N}])/iu;

/** Clause boundaries: a target's cue never reaches across them. */
const BOUNDARY = /[;()\[\]!?\n]|[.:](?=\s|$)/g;

const MAX_CUE_GAP_WORDS = 5;
const MAX_INHERIT_GAP_WORDS = 6;
const MAX_PERCENT = 10; // 1000%

const NUMBER_RE = /(?<![\p{L}\p{N}_])\d+(?:[.,]\d+)*/gu;

interface Resolved {
  comparator: Comparator;
  change?: "reduction" | "increase";
  /** Start of the phrase (first cue of the chain), or -1 when no cue applies. */
  start: number;
  /** The cue nearest the number ("từ" opens a range "từ 50% đến 70%"). */
  nearest?: string;
}

function resolveCues(hits: CueHit[], s: string, leadStart: number, numStart: number): Resolved | null {
  const inLead = hits.filter((h) => h.start >= leadStart && h.end <= numStart);
  // The nearest cue that reaches the number.
  let nearest = -1;
  for (let k = inLead.length - 1; k >= 0; k--) {
    const h = inLead[k];
    const gap = s.slice(h.end, numStart);
    if (h.cue.immediate ? /^\s*$/.test(gap) : wordCount(gap) <= MAX_CUE_GAP_WORDS) {
      nearest = k;
      break;
    }
  }
  if (nearest < 0) return null;
  // The chain: cues directly before it, separated by spaces only ("phấn đấu ít nhất", "đạt từ", "giảm xuống còn").
  let first = nearest;
  while (first > 0 && /^\s*$/.test(s.slice(inLead[first - 1].end, inLead[first].start))) first--;
  const chain = inLead.slice(first, nearest + 1);
  let comparator: Comparator | null = null;
  let change: "reduction" | "increase" | undefined;
  for (const h of chain) {
    switch (h.cue.kind) {
      case "ge": comparator = ">="; break;
      case "le": comparator = "<="; break;
      case "eq": comparator = "="; break;
      case "reduce": change = "reduction"; comparator = null; break;
      case "increase": change = "increase"; comparator = null; break;
      case "level-le": change = undefined; comparator = "<="; break;
      case "level-ge": change = undefined; comparator = ">="; break;
      case "aim": break;
    }
  }
  return { comparator: comparator ?? ">=", change, start: chain[0].start, nearest: inLead[nearest].cue.phrase };
}

function trailing(s: string, end: number): { comparator: Comparator | null; end: number } {
  const m = /^\s*(trở lên|trở xuống|tro len|tro xuong)(?![\p{L}\p{N}])/iu.exec(s.slice(end));
  if (!m) return { comparator: null, end };
  return { comparator: /l[eê]n$/i.test(m[1]) ? ">=" : "<=", end: end + m[0].length };
}

/**
 * Every numeric target in a sentence, in order of appearance.
 *
 * Read: percentages ("75%", "85,3 %", "100 phần trăm"; at most 1000%) and counts ("ít nhất 01",
 * "phấn đấu 01 cuộc", "tổ chức 02 hội nghị", "tối đa 3"). A count needs a cue before it, a
 * written-with-leading-zero form ("01 sáng kiến") or a countable noun after it.
 * Comparator: "tối thiểu", "ít nhất", "từ … trở lên", "trên", "không dưới", "≥", ">=", ">" → ">="
 * ("trên 50%" is read as ">= 50%": the model has no strict comparators); "tối đa", "không quá",
 * "dưới", "≤", "<=", "<" → "<="; "bằng", "=" → "="; "đạt", "phấn đấu" or no cue → ">=". A number
 * joined to the previous target by "và"/"," inherits its comparator ("cắt giảm 20% quy định và 20%
 * chi phí": two reductions). Never read: years ("năm 2024", "2021-2030"), dates ("15/01/2024"),
 * document numbers ("130/2005/NĐ-CP", "03/QĐ-UBND", "12-NQ/TU"), section numbers ("1.3.", "3.12"),
 * "ISO 9001:2015", "chỉ số B1", durations and money ("05 ngày", "50 triệu đồng").
 */
export function readTargets(text: string): Target[] {
  const s = normalizeText(typeof text === "string" ? text : text === null || text === undefined ? "" : String(text));
  if (!s || !/\d/.test(s)) return [];
  const low = lowerSameLength(s);
  const plain = foldSameLength(low);
  const hits = findCues(low, plain);
  const boundaries: number[] = [];
  for (const m of s.matchAll(BOUNDARY)) boundaries.push(m.index ?? 0);
  const out: Target[] = [];
  let prevNumberEnd = 0;
  let prevTargetEnd = -1;
  let prevNearest: string | undefined;
  let prevPhraseEnd = -1;
  for (const m of s.matchAll(NUMBER_RE)) {
    const token = m[0];
    const start = m.index ?? 0;
    const tokenEnd = start + token.length;
    const before = s.slice(Math.max(0, start - 2), start);
    const afterRaw = s.slice(tokenEnd);
    const lastBoundary = boundaries.filter((b) => b < start).pop() ?? -1;
    const leadStart = Math.max(prevNumberEnd, lastBoundary + 1);
    const thisPrevNumberEnd = prevNumberEnd;
    prevNumberEnd = tokenEnd;

    // Glued to a document number, a date, a range, a time, a code.
    if (/[/\\:]$/.test(before) || /[\p{L}\p{N}][-–]$/u.test(before)) continue;
    if (/^[/\\]/.test(afterRaw) || /^:\d/.test(afterRaw) || /^[-–][\p{L}\p{N}]/u.test(afterRaw)) continue;
    if (/^\.\d/.test(afterRaw)) continue;

    let pct = /^\s*(%|phần trăm|phan tram)/iu.exec(afterRaw);
    // "từ 50 đến 70%", "50 - 70%": the unit written once, after the second number.
    const sharedPercent = !pct && /^\s*(?:đến|tới|den|toi|[-–])\s*\d+(?:[.,]\d+)*\s*(?:%|phần trăm|phan tram)/iu.test(afterRaw);
    if (sharedPercent) pct = /^/.exec(afterRaw);
    let unit: "percent" | "count";
    let value: number;
    let end: number;
    if (pct) {
      let parts = splitDigits(token);
      let v = parts ? percentOf(parts[0], parts[1]) : NaN;
      if (Number.isFinite(v) && v > MAX_PERCENT) {
        // "1.234%" is far more likely a decimal dot than 1234%.
        parts = splitDigits(token, true);
        v = parts ? percentOf(parts[0], parts[1]) : NaN;
      }
      if (!Number.isFinite(v) || v > MAX_PERCENT) continue;
      unit = "percent";
      value = v;
      end = tokenEnd + (pct?.[0].length ?? 0);
    } else {
      if (/^\p{L}/u.test(afterRaw)) continue; // "3G", "4a"
      if (!/^\d+$/.test(token) && !/^[1-9]\d{0,2}(\.\d{3})+$/.test(token)) continue; // "1.3", "3.12", "4.0", "85,3"
      const n = Number(token.replace(/\./g, ""));
      if (/^\d{4}$/.test(token) && n >= 1900 && n <= 2100) continue; // a year
      const lead = s.slice(leadStart, start);
      if (NOT_A_COUNT_BEFORE.test(lead)) continue;
      if (NOT_A_COUNT_AFTER.test(afterRaw)) continue;
      unit = "count";
      value = n;
      end = tokenEnd;
    }

    let resolved = resolveCues(hits, s, leadStart, start);
    const trail = trailing(s, end);
    if (!resolved && out.length > 0 && prevTargetEnd === thisPrevNumberEnd && leadStart === thisPrevNumberEnd) {
      // "cắt giảm 20% quy định và 20% chi phí": the second number shares the first one's cue.
      const gap = s.slice(prevTargetEnd, start);
      if (wordCount(gap) <= MAX_INHERIT_GAP_WORDS && /,|(?<!\p{L})(?:và|hoặc|va|hoac)(?!\p{L})/iu.test(gap)) {
        const prev = out[out.length - 1];
        resolved = { comparator: prev.comparator, change: prev.change, start: -1 };
      }
    }
    if (!resolved && out.length > 0 && prevTargetEnd === thisPrevNumberEnd && prevNearest === "từ") {
      // "từ 50% đến 70%": the upper end of a range.
      if (/^\s*(?:đến|tới|den|toi|[-–])\s*$/iu.test(s.slice(prevPhraseEnd, start))) resolved = { comparator: "<=", start: -1 };
    }
    if (unit === "count" && !resolved) {
      const leadingZero = /^0\d+$/.test(token) && /^\s+\p{Ll}/u.test(afterRaw);
      if (!leadingZero && !COUNT_NOUN_AFTER.test(afterRaw) && !trail.comparator) continue;
    }
    if (unit === "count" && value === 0 && !resolved) continue;

    let comparator: Comparator = resolved?.comparator ?? ">=";
    if (trail.comparator) comparator = trail.comparator;
    const phraseStart = resolved && resolved.start >= 0 ? resolved.start : start;
    const target: Target = { value, comparator, unit, text: s.slice(phraseStart, trail.end).trim() };
    if (resolved?.change) target.change = resolved.change;
    out.push(target);
    prevTargetEnd = tokenEnd;
    prevNearest = resolved?.nearest;
    prevPhraseEnd = trail.end;
  }
  return out;
}

/** The `index`-th target (1-based) of a sentence, or null. */
export function readTarget(text: string, index = 1): Target | null {
  if (typeof index !== "number" || !Number.isInteger(index) || index < 1) return null;
  return readTargets(text)[index - 1] ?? null;
}

/** "≥", ">=", "=>", "tối thiểu" … → ">="; "≤", "<=", "tối đa" … → "<="; "=" → "="; null when not a comparator. */
export function parseComparator(input: unknown): Comparator | null {
  const s = stripDiacritics(normalizeText(input)).toLowerCase();
  if (!s) return null;
  if (/^(>=|=>|≥|>|ge|toi thieu|it nhat|tu|tren|khong duoi|tro len)$/.test(s)) return ">=";
  if (/^(<=|=<|≤|<|le|toi da|khong qua|duoi|tro xuong)$/.test(s)) return "<=";
  if (/^(=|==|eq|bang)$/.test(s)) return "=";
  return null;
}

// ---------------------------------------------------------------------------------------------
// Arithmetic

function assertFinite(values: Record<string, unknown>): void {
  for (const [name, v] of Object.entries(values)) {
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new RangeError(`Giá trị "${name}" phải là số hữu hạn / "${name}" must be a finite number (got ${String(v)})`);
    }
  }
}

/** part / whole. RangeError when either is not a finite number, whole ≤ 0 or part < 0. May exceed 1. */
export function rate(part: number, whole: number): number {
  assertFinite({ part, whole });
  if (whole <= 0) throw new RangeError("Tổng (mẫu số) phải lớn hơn 0 / The whole (denominator) must be greater than 0");
  if (part < 0) throw new RangeError("Phần (tử số) không được âm / The part (numerator) must not be negative");
  return part / whole;
}

function tolerance(a: number, b: number): number {
  return EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Whether `actual` meets `target` under `comparator`, with a relative tolerance of 1e-9 so that
 * 70/100 meets 0.7. False when either value is not a finite number.
 */
export function met(actual: number, target: number, comparator: Comparator = ">="): boolean {
  if (typeof actual !== "number" || typeof target !== "number" || !Number.isFinite(actual) || !Number.isFinite(target)) return false;
  const eps = tolerance(actual, target);
  switch (comparator) {
    case "<=": return actual <= target + eps;
    case "=": return Math.abs(actual - target) <= eps;
    default: return actual >= target - eps;
  }
}

/**
 * How far `actual` goes towards `target`, 0..1 (more when `cap` is false):
 *  - ">=": actual / target; a target of 0 is met by anything → 1.
 *  - "<=": target / actual; actual 0 → 1 (nothing over the limit); target 0 with actual > 0 → 0.
 *  - "=":  1 − |actual − target| / target, floored at 0; target 0 → 1 when actual is 0, else 0.
 * A target met within the tolerance of `met` scores at least 1. RangeError for values that are
 * not finite or are negative.
 */
export function attainment(actual: number, target: number, comparator: Comparator = ">=", cap = true): number {
  assertFinite({ actual, target });
  if (actual < 0 || target < 0) throw new RangeError("Giá trị không được âm / Values must not be negative");
  let x: number;
  if (comparator === "<=") {
    if (actual <= 0) x = 1;
    else if (target <= 0) x = 0;
    else x = target / actual;
  } else if (comparator === "=") {
    if (target <= 0) x = actual <= tolerance(actual, target) ? 1 : 0;
    else x = Math.max(0, 1 - Math.abs(actual - target) / target);
  } else {
    x = target <= 0 ? 1 : actual / target;
  }
  if (met(actual, target, comparator) && x < 1) x = 1;
  return cap ? Math.min(1, x) : x;
}

// ---------------------------------------------------------------------------------------------
// Plan completion

export type CompletionClass = "done" | "not-due" | "open";

/**
 * How a typed status counts towards completion: "done" (Hoàn thành đúng hạn / quá hạn / trễ hạn,
 * Đã hoàn thành, Completed on time / late, Done), "not-due" (Chưa đến hạn, Not yet due), "open"
 * (anything else: Đang thực hiện, Quá hạn chưa hoàn thành, Thường xuyên, unknown words), null
 * when blank. Tolerant of case, diacritics and tone placement.
 */
export function completionClass(status: unknown): CompletionClass | null {
  const raw = normalizeText(typeof status === "string" ? status : status === null || status === undefined ? "" : String(status));
  if (!raw) return null;
  const s = statusFromLabel(raw);
  if (s === "done-on-time" || s === "done-late") return "done";
  return s === "not-due" ? "not-due" : "open";
}

/**
 * Plan completion as reports state it ("x/y nhiệm vụ, đạt z%"): `done` counts "Hoàn thành đúng
 * hạn" and "Hoàn thành quá hạn" (any spelling, Vietnamese or English); blank entries are ignored;
 * `dueOnly` leaves "Chưa đến hạn" out of the total. `rate` is null when the total is 0.
 */
export function completion(statuses: unknown[], dueOnly = false): { done: number; total: number; rate: number | null; text: string } {
  let done = 0;
  let total = 0;
  for (const s of statuses ?? []) {
    const c = completionClass(s);
    if (c === null) continue;
    if (c === "not-due" && dueOnly) continue;
    total++;
    if (c === "done") done++;
  }
  return { done, total, rate: total > 0 ? done / total : null, text: `${done}/${total}` };
}

// ---------------------------------------------------------------------------------------------
// PAR INDEX points

export interface ParThresholds {
  /** Full points from this completion rate on (default 1.0). */
  full: number;
  /** Partial points from this rate on (default 0.8); none below. */
  partial: number;
  /** Fixed share of the points between `partial` and `full` (e.g. 0.5 for "0,5 điểm"); overrides `scale`. */
  partialShare?: number;
  /**
   * Points between `partial` and `full` when there is no fixed share:
   * "rate" (default): maxPoints × rate / full — the usual "tỷ lệ % × điểm tối đa";
   * "linear": maxPoints × (rate − partial) / (full − partial) — 0 at `partial`, rising to full.
   */
  scale?: "rate" | "linear";
}

export const DEFAULT_PAR_THRESHOLDS: ParThresholds = { full: 1, partial: 0.8 };

/**
 * Reform-index points for a completion rate (thresholds are province settings):
 * rate ≥ full → maxPoints; partial ≤ rate < full → maxPoints × partialShare when a share is set,
 * else maxPoints × rate / full ("rate" scale, default) or maxPoints × (rate − partial)/(full − partial)
 * ("linear"); rate < partial → 0. Rates are compared with a 1e-9 tolerance; the result is rounded to
 * 1e-9 to drop floating-point dust. RangeError for a rate or maxPoints that is negative or not
 * finite, or thresholds with full ≤ 0, partial < 0, partial > full, or a share outside 0..1.
 */
export function parScore(rate: number, maxPoints: number, thresholds: Partial<ParThresholds> = DEFAULT_PAR_THRESHOLDS): number {
  const t: ParThresholds = { ...DEFAULT_PAR_THRESHOLDS, ...thresholds };
  assertFinite({ rate, maxPoints, full: t.full, partial: t.partial });
  if (rate < 0) throw new RangeError("Tỷ lệ không được âm / The rate must not be negative");
  if (maxPoints < 0) throw new RangeError("Điểm tối đa không được âm / Max points must not be negative");
  if (t.full <= 0 || t.partial < 0 || t.partial > t.full) {
    throw new RangeError("Ngưỡng không hợp lệ (0 ≤ partial ≤ full, full > 0) / Invalid thresholds (0 ≤ partial ≤ full, full > 0)");
  }
  if (t.partialShare !== undefined && (typeof t.partialShare !== "number" || !(t.partialShare >= 0 && t.partialShare <= 1))) {
    throw new RangeError("Tỷ lệ điểm một phần phải từ 0 đến 1 / partialShare must be between 0 and 1");
  }
  const round = (x: number) => Math.round(x * 1e9) / 1e9;
  if (rate >= t.full - tolerance(rate, t.full)) return maxPoints;
  if (rate >= t.partial - tolerance(rate, t.partial)) {
    if (t.partialShare !== undefined) return round(maxPoints * t.partialShare);
    if (t.scale === "linear") return t.full === t.partial ? maxPoints : round((maxPoints * Math.max(0, rate - t.partial)) / (t.full - t.partial));
    return round((maxPoints * rate) / t.full);
  }
  return 0;
}
