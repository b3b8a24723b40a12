/**
 * Indicator arithmetic for the custom functions: RATE, TARGET, COMPARATOR, ATTAINMENT, MET,
 * COMPLETION, PARSCORE. Element-level functions (one cell in, one value out) are exported so
 * the layout computes cached values with exactly the code the workbook runs.
 * Convention: an empty input cell gives an empty result (""), so a column whose figures are not
 * typed yet stays blank instead of filling with errors.
 */
import type { Comparator } from "../core/plan";
import { attainment, completion, met, parScore, rate, readTargets, type ParThresholds, type Target } from "../core/targets";
import { normalizeText } from "../core/text";
import { fail } from "./excelError";
import { isBlank, show, toBoolean, toComparator, toInteger, toNumber } from "./coerce";
import { elementwise, flatten, single } from "./matrix";

// --- element functions ---------------------------------------------------------------------

export function rateOf(part: unknown, whole: unknown): number | "" {
  if (isBlank(part) || isBlank(whole)) return "";
  const x = toNumber(part, "phần / part");
  const y = toNumber(whole, "tổng / whole");
  if (y === 0) throw fail("#DIV/0!", "Tổng bằng 0: chưa có gì để tính tỷ lệ", "The whole is 0: nothing to take a share of");
  if (y < 0) throw fail("#NUM!", `Tổng không được âm (${show(whole)})`, `The whole must not be negative (${show(whole)})`);
  if (x < 0) throw fail("#NUM!", `Phần không được âm (${show(part)})`, `The part must not be negative (${show(part)})`);
  return rate(x, y);
}

/** The target of a cell: a number passes through; a sentence is read by core's `readTargets`. */
export function targetOf(text: unknown, index: unknown): Target | "" {
  if (isBlank(text)) return "";
  const i = toInteger(index, "thứ tự chỉ tiêu / index", 1, 50, 1);
  if (typeof text === "number") {
    if (i !== 1) throw fail("#N/A", `Ô chỉ có một số, không có chỉ tiêu thứ ${i}`, `The cell holds one number, there is no target ${i}`);
    return { value: text, comparator: ">=", unit: Math.abs(text) <= 1 ? "percent" : "count", text: String(text) };
  }
  if (typeof text !== "string") throw fail("#VALUE!", "Chỉ tiêu phải là một câu chữ", "The target must be a sentence");
  const targets = readTargets(text);
  const s = normalizeText(text);
  if (targets.length === 0) {
    throw fail("#N/A", `Không tìm thấy chỉ tiêu bằng số trong “${show(s)}”`, `No numeric target in “${show(s)}”`);
  }
  if (i > targets.length) {
    throw fail("#N/A", `Câu chỉ có ${targets.length} chỉ tiêu, không có chỉ tiêu thứ ${i}`, `The sentence holds ${targets.length} target(s), there is no target ${i}`);
  }
  return targets[i - 1];
}

export function targetValueOf(text: unknown, index: unknown): number | "" {
  const t = targetOf(text, index);
  return t === "" ? "" : t.value;
}

export function comparatorOf(text: unknown, index: unknown): Comparator | "" {
  const t = targetOf(text, index);
  return t === "" ? "" : t.comparator;
}

function actualAndTarget(actual: unknown, target: unknown): [number, number] | null {
  if (isBlank(actual) || isBlank(target)) return null;
  const a = toNumber(actual, "kết quả thực hiện / actual");
  const t = toNumber(target, "mục tiêu / target");
  if (a < 0) throw fail("#NUM!", `Kết quả không được âm (${show(actual)})`, `The actual must not be negative (${show(actual)})`);
  if (t < 0) throw fail("#NUM!", `Mục tiêu không được âm (${show(target)})`, `The target must not be negative (${show(target)})`);
  return [a, t];
}

export function attainmentOf(actual: unknown, target: unknown, comparator: unknown, cap: unknown): number | "" {
  const at = actualAndTarget(actual, target);
  const c = toComparator(comparator);
  const capped = toBoolean(cap, "giới hạn 100% / cap", true);
  if (!at) return "";
  return attainment(at[0], at[1], c, capped);
}

export function metOf(actual: unknown, target: unknown, comparator: unknown): boolean | "" {
  const at = actualAndTarget(actual, target);
  const c = toComparator(comparator);
  if (!at) return "";
  return met(at[0], at[1], c);
}

/** A completion rate from a cell: a number, "85%", "85,3%" or the "x/y" text of COMPLETION. */
export function completionRateOf(value: unknown): number | "" {
  if (isBlank(value)) return "";
  if (typeof value === "string") {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(value);
    if (m) {
      if (+m[2] === 0) throw fail("#DIV/0!", "“x/0”: chưa có nhiệm vụ nào để tính tỷ lệ", "“x/0”: no tasks to take a rate of");
      return +m[1] / +m[2];
    }
  }
  const r = toNumber(value, "tỷ lệ hoàn thành / rate");
  if (r < 0) throw fail("#NUM!", `Tỷ lệ không được âm (${show(value)})`, `The rate must not be negative (${show(value)})`);
  return r;
}

/** Thresholds from a range: (full, partial[, partial share]); the defaults (100%, 80%) when left out. */
export function thresholdsOf(arg: unknown): Partial<ParThresholds> {
  const values = flatten(arg).filter((v) => !isBlank(v));
  if (values.length === 0) return {};
  if (values.length < 2 || values.length > 3) {
    throw fail("#VALUE!", "Ngưỡng cần 2 số: tỷ lệ đạt điểm tối đa và tỷ lệ tối thiểu được tính điểm (ví dụ 100%, 80%)",
      "Thresholds need 2 numbers: the rate for full points and the minimum rate for partial points (e.g. 100%, 80%)");
  }
  const [full, partial, share] = values.map((v, i) => toNumber(v, ["ngưỡng tối đa / full threshold", "ngưỡng tối thiểu / partial threshold", "tỷ lệ điểm một phần / partial share"][i]));
  if (!(full > 0) || partial < 0 || partial > full) {
    throw fail("#NUM!", `Ngưỡng không hợp lệ: cần 0 ≤ ${partial} ≤ ${full} và ngưỡng tối đa > 0`, `Invalid thresholds: need 0 ≤ ${partial} ≤ ${full} and full > 0`);
  }
  if (share !== undefined && !(share >= 0 && share <= 1)) {
    throw fail("#NUM!", "Tỷ lệ điểm một phần phải từ 0 đến 1", "The partial share must be between 0 and 1");
  }
  return share === undefined ? { full, partial } : { full, partial, partialShare: share };
}

export function parScoreOf(rateValue: unknown, maxPoints: unknown, thresholds: Partial<ParThresholds>): number | "" {
  const r = completionRateOf(rateValue);
  if (r === "") return "";
  const max = toNumber(maxPoints, "điểm tối đa / max points");
  if (max < 0) throw fail("#NUM!", `Điểm tối đa không được âm (${show(maxPoints)})`, `Max points must not be negative (${show(maxPoints)})`);
  return parScore(r, max, thresholds);
}

// --- the range-aware functions (what functions.ts exposes) ---------------------------------

export const rateFn = (part: unknown, whole: unknown) => elementwise([part, whole], rateOf);
export const targetFn = (text: unknown, index?: unknown) => elementwise([text, index], targetValueOf);
export const comparatorFn = (text: unknown, index?: unknown) => elementwise([text, index], comparatorOf);
export const attainmentFn = (actual: unknown, target: unknown, comparator?: unknown, cap?: unknown) =>
  elementwise([actual, target, comparator, cap], attainmentOf);
export const metFn = (actual: unknown, target: unknown, comparator?: unknown) => elementwise([actual, target, comparator], metOf);

export function completionFn(statuses: unknown, dueOnly?: unknown): string {
  const due = toBoolean(single(dueOnly, "chỉ tính việc đã đến hạn / dueOnly"), "chỉ tính việc đã đến hạn / dueOnly", false);
  return completion(flatten(statuses).map((s) => (typeof s === "string" ? s : "")), due).text;
}

export function parScoreFn(rateArg: unknown, maxPoints: unknown, thresholds?: unknown): unknown[][] {
  const t = thresholdsOf(thresholds);
  return elementwise([rateArg, maxPoints], (r, m) => parScoreOf(r, m, t));
}
