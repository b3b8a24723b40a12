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
  /**
   * The level above that receives the reports and exports and consolidates the communes, as it is
   * named in them: "UBND huyện Can Lộc (Phòng Nội vụ)" before 1/7/2025, "UBND tỉnh Hà Tĩnh (Sở Nội
   * vụ)" after (see defaultReceiver). The office in brackets is the one that handles the reports.
   */
  receiver: string;
}

/** The Law on Local Government of 16/6/2025 ended the district level from this day. */
export const TWO_LEVEL_SINCE = "2025-07-01";

/**
 * Who receives a plan's reports by default, from the plan's date (its decision's, else 1 January
 * of its year): the district's Phòng Nội vụ before 1/7/2025, the province's Sở Nội vụ after.
 */
export function defaultReceiver(plan: Pick<Plan, "district" | "province" | "year" | "decision">): string {
  const date = plan.decision?.date || `${plan.year}-01-01`;
  const named = (level: string, name: string | undefined) => {
    const n = (name ?? "").trim();
    // "Thành phố Hồ Chí Minh", "tỉnh Hà Tĩnh": the name already says its level
    return n === "" ? level : /^(tỉnh|thành phố|huyện|thị xã|quận)\s/i.test(n) ? n : `${level} ${n}`;
  };
  return date < TWO_LEVEL_SINCE
    ? `UBND ${named("huyện", plan.district)} (Phòng Nội vụ)`
    : `UBND ${named("tỉnh", plan.province)} (Sở Nội vụ)`;
}

/** The receiving level of these settings; settings saved before it existed get the default of their year. */
export function receiverOf(s: Pick<Settings, "receiver" | "district" | "province" | "year">): string {
  return s.receiver || defaultReceiver({ district: s.district, province: s.province, year: s.year });
}

/** "UBND tỉnh Hà Tĩnh (Sở Nội vụ)" → the body "UBND tỉnh Hà Tĩnh" and its office "Sở Nội vụ". */
export function receiverParts(receiver: string): { body: string; office: string } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(receiver.trim());
  return m && m[1] ? { body: m[1], office: m[2].trim() } : { body: receiver.trim(), office: "" };
}

/**
 * The as-of date of a new workbook: today while the plan's year runs (statuses as they are now),
 * else the year's last cut-off (a past plan is seen whole, a future one before it starts).
 */
export function initialAsOf(year: number, today: string): string {
  return today.startsWith(`${year}-`) ? today : `${year}-12-14`;
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
    receiver: defaultReceiver(plan),
  };
}
