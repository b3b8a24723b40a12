/** The workbook's settings ("Cài đặt" sheet): who, which year, as of when, and the province's rules. */
import type { Plan } from "./plan";

export interface Settings {
  /** Issuing body, e.g. "UBND xã Hồng Lộc". */
  unit: string;
  commune: string;
  district: string;
  province: string;
  year: number;
  /** The as-of date for statuses (ISO). */
  asOf: string;
  /** Reporting cut-offs (Nghị định 09/2019 Điều 12): from `startDay` of the month before to `endDay`. */
  cutoffStartDay: number;
  cutoffEndDay: number;
  /** Reform-index (PAR INDEX) completion criterion: full points from `parFull`, part from `parPartial`. */
  parFull: number;
  parPartial: number;
  parMaxPoints: number;
  /** Who signs the reports (TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH). */
  signer: string;
}

export function defaultSettings(plan: Pick<Plan, "unit" | "commune" | "district" | "province" | "year" | "decision">, asOf?: string): Settings {
  return {
    unit: plan.unit,
    commune: plan.commune,
    district: plan.district ?? "",
    province: plan.province,
    year: plan.year,
    asOf: asOf ?? `${plan.year}-12-14`,
    cutoffStartDay: 15,
    cutoffEndDay: 14,
    parFull: 1,
    parPartial: 0.8,
    parMaxPoints: 1,
    signer: plan.decision?.signer ?? "",
  };
}
