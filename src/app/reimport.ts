/**
 * Importing a revised appendix into a workbook that already holds a plan, on any host: the diff
 * first (added, removed, reworded), then — when asked — the merge (src/import/merge.ts: progress,
 * notes and user dates kept by id, then by wording), removed activities moved to the archive sheet
 * (never deleted), and only the product's sheets rebuilt.
 */
import { formatViDate, todayIso } from "../core/dates";
import type { Message } from "../core/message";
import type { Plan } from "../core/plan";
import { identityDifferences } from "../core/planIdentity";
import { defaultSettings, initialAsOf, type Settings } from "../core/settings";
import type { Finding } from "../core/validate/rules";
import { describeDiff, mergeReimport } from "../import/merge";
import { archiveSheet } from "../layout/archiveSheet";
import type { SheetRole } from "../layout/types";
import type { ApplyOptions, ApplyResult, WorkbookPort } from "./port";
import { readWorkbook } from "./readWorkbook";
import { rebuild } from "./rebuild";

/**
 * Sheets a re-import rebuilds: the plan and every sheet whose formulas refer to it (Excel turns a
 * reference to a replaced sheet into #REF!), rebuilt from what was read back, so the settings and
 * the log keep what people entered. The units directory refers to nothing and stays as it is.
 */
const REBUILT: SheetRole[] = ["plan", "checks", "indicators", "settings", "log", "report", "archive"];

export interface ReimportOutcome {
  /** What the host did; null when only the diff was asked for. */
  applied: ApplyResult | null;
  summary: { vi: string[]; en: string[] };
  /** How many activities were moved to the archive sheet. */
  archived: number;
  /** What the "Kiểm tra" sheet lists (empty when only the diff was asked for). */
  findings: Finding[];
  warnings: Message[];
}

export interface ReimportOptions {
  apply: boolean;
  headerLines: string[];
  today?: string;
  /** The as-of date when the incoming plan is of another year (default: initialAsOf). */
  asOf?: string;
  applyOptions?: ApplyOptions;
}

/**
 * The same commune's plan for the same year keeps the workbook's settings and plan information
 * (what people corrected there); another commune's or year's plan (the pane confirms it first)
 * brings its own: settings anew for another commune, the year and as-of date for another year.
 */
function identityOf(current: { plan: Plan; settings: Settings }, incoming: Plan, asOf: string): { plan: Partial<Plan>; settings: Settings } {
  const differs = identityDifferences({ commune: current.settings.commune, year: current.settings.year }, { commune: incoming.commune, year: incoming.year });
  if (!differs.length) return { plan: {}, settings: current.settings };
  const plan: Partial<Plan> = { title: incoming.title, unit: incoming.unit, commune: incoming.commune, district: incoming.district, province: incoming.province, decision: incoming.decision, indicators: incoming.indicators };
  if (differs.includes("commune")) return { plan, settings: defaultSettings(incoming, asOf) };
  return { plan, settings: { ...current.settings, year: incoming.year, asOf } };
}

export async function reimport(port: WorkbookPort, incoming: Plan, options: ReimportOptions): Promise<ReimportOutcome> {
  const read = await readWorkbook(port);
  const merged = mergeReimport({ plan: read.model.plan, progress: read.model.progress }, incoming);
  const logged = new Set(read.log.map((e) => e.activityId));
  const entered = (id: string) => Object.values(read.model.progress[id] ?? {}).some((v) => v !== null && v !== undefined && v !== "");
  const kept = merged.diff.matched.filter((m) => entered(m.from.id) || logged.has(m.from.id)).length;
  const summary = describeDiff(merged.diff, kept);
  if (!options.apply) return { applied: null, summary, archived: merged.archived.length, findings: [], warnings: read.warnings };

  const today = options.today ?? todayIso();
  const identity = identityOf(read.model, incoming, options.asOf ?? initialAsOf(incoming.year, today));
  const archive = merged.archived.length || read.archived.length
    ? [archiveSheet(read.archived, merged.archived, today, `Không còn trong phụ lục nhập ngày ${formatViDate(today)}`)]
    : [];
  const { applied, findings } = await rebuild(port, read, REBUILT, {
    model: { ...read.model, plan: { ...merged.plan, ...identity.plan }, settings: identity.settings, progress: merged.progress },
    headerLines: options.headerLines,
    extraSheets: archive,
  }, options.applyOptions ?? { activate: false });
  return { applied, summary, archived: merged.archived.length, findings, warnings: read.warnings };
}
