/** Shared fixtures for the report, export and rollup tests. */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { addDays } from "../../src/core/dates";
import { periodsOfYear } from "../../src/core/periods";
import type { Plan } from "../../src/core/plan";
import { trackedDeadline, type LogEntry } from "../../src/core/progress";
import { sampleLog } from "../../src/core/sampleLog";
import { defaultSettings } from "../../src/core/settings";
import type { FormulaMode, WorkbookModel } from "../../src/layout/model";
export { seededRandom as rng } from "../../src/core/random";
import { seededRandom as rng } from "../../src/core/random";

export const PLAN: Plan = HONG_LOC_2024;
export const AS_OF = "2024-09-14";

export function demoModel(mode: FormulaMode = "native", asOf = AS_OF, commune?: string): WorkbookModel {
  const settings = defaultSettings(PLAN, asOf);
  if (commune) {
    settings.commune = commune;
    settings.unit = `UBND xã ${commune}`;
  }
  return { plan: PLAN, settings, progress: {}, mode };
}

export function demoLog(asOf = AS_OF): LogEntry[] {
  return sampleLog(PLAN, asOf);
}

/** A random but reproducible log for a commune: each activity done on time, late, or not, per seed. */
export function randomLog(plan: Pick<Plan, "activities" | "year">, seed: number, asOf = AS_OF): LogEntry[] {
  const r = rng(seed);
  const out: LogEntry[] = [];
  const quarters = periodsOfYear(plan.year).filter((p) => p.kind === "quarter" && p.cutoffStart <= asOf);
  for (const a of plan.activities) {
    const d = trackedDeadline(a, plan.year);
    if (d.kind === "recurring") {
      for (const q of quarters) {
        const end = q.cutoffEnd < asOf ? q.cutoffEnd : asOf;
        if (r() < 0.6) out.push({ date: addDays(end, -Math.floor(r() * 20)), activityId: a.id, status: "done", completedOn: null, evidence: "", note: "", who: "test" });
      }
      continue;
    }
    if (!d.end || !d.start) {
      if (r() < 0.3) out.push({ date: addDays(asOf, -Math.floor(r() * 100)), activityId: a.id, status: "done", completedOn: null, evidence: "x", note: "", who: "test" });
      continue;
    }
    const x = r();
    const date = addDays(d.end, Math.floor(r() * 60) - 40);
    if (date > asOf || date < "2024-01-01") continue;
    if (x < 0.55) out.push({ date, activityId: a.id, status: "done", completedOn: date, evidence: `${Math.floor(r() * 99)}/BC-UBND`, note: "", who: "test" });
    else if (x < 0.8) out.push({ date, activityId: a.id, status: "in-progress", completedOn: null, evidence: "", note: "đang làm", who: "test" });
  }
  return out.sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0));
}

/** Rewrites parts of an .xlsx (tests that tamper with files). */
export function editZip(bytes: Uint8Array, edit: (files: Record<string, string | Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes) as Record<string, Uint8Array>;
  const view: Record<string, string | Uint8Array> = {};
  for (const [k, v] of Object.entries(files)) view[k] = /\.(xml|rels)$/.test(k) ? strFromU8(v) : v;
  edit(view);
  const out: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(view)) out[k] = typeof v === "string" ? strToU8(v) : v;
  return zipSync(out, { level: 6 });
}

export const COMMUNES = [
  "Hồng Lộc", "Thạch Kim", "Thạch Châu", "Mai Phụ", "Hộ Độ", "Thạch Mỹ", "Tân Lộc", "Bình An", "Ích Hậu", "Phù Lưu",
  "Thịnh Lộc", "Thạch Bằng", "An Lộc", "Kim Lộc", "Thạch Hải", "Thạch Lạc", "Thạch Ngọc", "Thạch Sơn", "Đỉnh Bàn", "Việt Tiến",
  "Lưu Vĩnh Sơn", "Nam Điền", "Thạch Khê", "Đồng Lộc", "Tượng Sơn", "Thạch Thắng", "Thạch Hội", "Thạch Văn", "Thạch Trị", "Thạch Lâm",
];
