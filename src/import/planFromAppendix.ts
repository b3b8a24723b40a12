/** A parsed appendix becomes a Plan; what the document did not say comes from the caller. */
import type { Plan } from "../core/plan";
import type { ParsedAppendix } from "./appendix";
import { errors } from "./errors";

export interface PlanDefaults {
  year?: number;
  commune?: string;
  province?: string;
  district?: string;
}

export function planFromAppendix(parsed: ParsedAppendix, defaults: PlanDefaults = {}): Plan {
  const year = defaults.year ?? parsed.meta.year ?? null;
  if (!parsed.activities.length) throw errors.empty("table");
  const commune = defaults.commune ?? parsed.meta.commune ?? "";
  return {
    unit: parsed.meta.unit ?? (commune ? `UBND xã ${commune}` : ""),
    commune,
    district: defaults.district,
    province: defaults.province ?? "",
    year: year ?? new Date().getFullYear(),
    title: parsed.meta.title ?? `Kế hoạch cải cách hành chính${commune ? ` xã ${commune}` : ""}${year ? ` năm ${year}` : ""}`,
    // `groups` already lists every group row in document order, heading-only parents (VII) included.
    groups: parsed.groups,
    activities: parsed.activities,
    indicators: [],
  };
}
