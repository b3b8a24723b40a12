/**
 * RATE, TARGET, COMPARATOR, ATTAINMENT, MET, COMPLETION, PARSCORE over ranges: core's indicator
 * functions (src/core/indicatorFunctions.ts) applied cell by cell, with broadcasting.
 */
import { isBlank, toNumber } from "../core/cellArguments";
import { fail } from "../core/excelError";
import { attainmentOf, comparatorOf, completionOf, metOf, parScoreOf, rateOf, targetValueOf } from "../core/indicatorFunctions";
import type { ParThresholds } from "../core/targets";
import { elementwise, flatten, single } from "./matrix";

/** Thresholds from a range: (full, partial[, partial share]); the defaults (100%, 80%) when left out. */
function thresholdsOf(arg: unknown): Partial<ParThresholds> {
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

export const rateFn = (part: unknown, whole: unknown) => elementwise([part, whole], rateOf);
export const targetFn = (text: unknown, index?: unknown) => elementwise([text, index], targetValueOf);
export const comparatorFn = (text: unknown, index?: unknown) => elementwise([text, index], comparatorOf);
export const attainmentFn = (actual: unknown, target: unknown, comparator?: unknown, cap?: unknown) =>
  elementwise([actual, target, comparator, cap], attainmentOf);
export const metFn = (actual: unknown, target: unknown, comparator?: unknown) => elementwise([actual, target, comparator], metOf);

export function completionFn(statuses: unknown, dueOnly?: unknown): string {
  return completionOf(flatten(statuses), single(dueOnly, "chỉ tính việc đã đến hạn / dueOnly"));
}

export function parScoreFn(rateArg: unknown, maxPoints: unknown, thresholds?: unknown): unknown[][] {
  const t = thresholdsOf(thresholds);
  return elementwise([rateArg, maxPoints], (r, m) => parScoreOf(r, m, t));
}
