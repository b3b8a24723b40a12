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
    groups: [...parsed.parents, ...parsed.groups].sort((a, b) => order(parsed, a.id) - order(parsed, b.id)),
    activities: parsed.activities,
    indicators: [],
  };
}

/** Keeps a parent heading (VII) just before its first sub-group (VII.A). */
function order(parsed: ParsedAppendix, id: string): number {
  const i = parsed.groups.findIndex((g) => g.id === id || g.id.startsWith(`${id}.`));
  return i < 0 ? Number.MAX_SAFE_INTEGER : i * 2 + (parsed.groups[i].id === id ? 1 : 0);
}
