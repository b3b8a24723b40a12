/**
 * The indicator functions of =CCHC.* on one cell's values: RATE, TARGET, COMPARATOR, ATTAINMENT,
 * MET, COMPLETION's rate and PARSCORE. The custom functions (src/functions/indicators.ts) apply
 * them over ranges, and the layout computes the sheets' cached values with them, so a cached
 * value is exactly what the workbook's CCHC.* computes.
 * Convention: an empty input cell gives an empty result (""), so a column whose figures are not
 * typed yet stays blank instead of filling with errors.
 */
import { isBlank, show, toBoolean, toComparator, toInteger, toNumber } from "./cellArguments";
import { fail } from "./excelError";
import type { Comparator } from "./plan";
import { attainment, completion, met, parScore, rate, readTargets, type ParThresholds, type Target } from "./targets";
import { normalizeText } from "./text";

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
function targetOf(text: unknown, index: unknown): Target | "" {
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

export function parScoreOf(rateValue: unknown, maxPoints: unknown, thresholds: Partial<ParThresholds>): number | "" {
  const r = completionRateOf(rateValue);
  if (r === "") return "";
  const max = toNumber(maxPoints, "điểm tối đa / max points");
  if (max < 0) throw fail("#NUM!", `Điểm tối đa không được âm (${show(maxPoints)})`, `Max points must not be negative (${show(maxPoints)})`);
  return parScore(r, max, thresholds);
}

/** COMPLETION over a list of status cells: "x/y", tasks done over tasks with a status. */
export function completionOf(statuses: readonly unknown[], dueOnly?: unknown): string {
  const due = toBoolean(dueOnly, "chỉ tính việc đã đến hạn / dueOnly", false);
  return completion(statuses.map((s) => (typeof s === "string" ? s : "")), due).text;
}
