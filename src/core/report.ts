/**
 * The periodic report (báo cáo quý, 6 tháng, 9 tháng, năm, đột xuất) computed from the plan,
 * the progress log and the indicators' actuals. The report sheets' formulas compute the same
 * figures in the workbook; their cached values come from here, and tests make a spreadsheet
 * engine recalculate them and compare.
 *
 * Definitions (decisions recorded in src/core/periods.ts and src/core/progress.ts):
 *  - "due in the period": the deadline falls due within the period's CALENDAR span (dueInPeriod);
 *  - statuses are evaluated as of the report's as-of date (default: the period's cut-off end),
 *    from the latest log entry dated on or before it;
 *  - a recurring activity is due in every period and judged on the entries dated within the
 *    period's data window (cut-off start … as-of): done (on time) when one says done, in progress
 *    when one reports it under way, "chưa có báo cáo" when there is none (an earlier period's entry
 *    does not report on this one) — never overdue, since it has no single deadline
 *    (src/core/activityStatus.ts, the same rule as the plan sheet and the pane);
 *  - among activities due in the period: done on time, done late, overdue (not done, deadline
 *    end before the as-of date), no report ("chưa có báo cáo": not done and no log entry at all
 *    as of the as-of date — never sent up as under way) and in progress (the rest, including
 *    "not yet due" as of the as-of date), so the five always add up to "due";
 *  - completion rate = (done on time + done late) / due, null when nothing is due;
 *  - year to date: activities with a dated deadline whose end is on or before the period's
 *    calendar end (deadline end ≤ calendarEnd), with the same statuses;
 *  - groups are rolled up to their top numeral (VII.A and VII.B into VII); the sub-groups are
 *    also given in `subGroups` for a detail line under their parent;
 *  - leads are canonical unit names (src/core/units.ts) as the unit was called on the as-of date
 *    (unitNameAt: a unit renamed by law carries its new name in reports after the rename); an
 *    empty lead is its own row.
 * Plain TypeScript: no Office, DOM or Node imports.
 */
import type { Deadline } from "./deadline";
import { dueWithin } from "./deadline";
import { dueInPeriod, reportAsOf, yearToDate, type Period } from "./periods";
import { topGroup, type Comparator, type Indicator, type Plan } from "./plan";
import { LogIndex, entryDoneOn, trackedDeadline, type LogEntry } from "./progress";
import type { Settings } from "./settings";
import { isDone, STATUS_LABELS, type Status } from "./status";
import { logStateOf, statusFromLog } from "./activityStatus";
import { attainment as attainmentOf, met as metOf } from "./targets";
import { defaultUnitDirectory, unitNameAt, type UnitDirectory } from "./units";
import { normalizeText } from "./text";

export interface ReportCounts {
  activities: number;
  due: number;
  doneOnTime: number;
  doneLate: number;
  inProgress: number;
  /** Due, not done, not overdue, and nobody has reported on it. */
  noReport: number;
  overdue: number;
  /** (doneOnTime + doneLate) / due; null when nothing is due. */
  completionRate: number | null;
}

export interface ReportGroupRow extends ReportCounts {
  group: string;
  title: string;
}

export interface ReportLeadRow extends ReportCounts {
  lead: string;
}

/**
 * An indicator's figures for the period, as the "Chỉ tiêu" sheet holds them. When a list of these
 * carries texts, it IS the report's indicator list (the sheet lists more than plan.indicators:
 * appendix objectives too); otherwise the plan's indicators are listed and these give actuals.
 */
export interface IndicatorActual {
  id: string;
  text?: string;
  unit?: "percent" | "count";
  numerator?: number | null;
  denominator?: number | null;
  /** When the sheet already computed them (its cached values), they are used as they are. */
  actual?: number | null;
  attainment?: number | null;
  met?: boolean | null;
  /** The applied target and comparator (the sheet lets a person override the ones read from the text). */
  target?: number;
  comparator?: Comparator;
}

export interface ReportIndicator {
  id: string;
  text: string;
  comparator: Comparator;
  target: number;
  unit: "percent" | "count";
  numerator: number | null;
  denominator: number | null;
  actual: number | null;
  attainment: number | null;
  met: boolean | null;
}

/** One activity as the report sees it. */
export interface ActivityEvaluation {
  id: string;
  group: string;
  top: string;
  lead: string;
  deadline: Deadline;
  due: boolean;
  ytd: boolean;
  status: Status;
  doneOn: string | null;
  /** Index in the log of the entry that gives the state (-1: none). */
  entryIndex: number;
  lastUpdate: string | null;
  note: string;
}

export interface ReportItem {
  id: string;
  group: string;
  activityNo: string;
  activity: string;
  /** The canonical lead (as in byLead); `leadAsWritten` is the plan's text. */
  lead: string;
  leadAsWritten: string;
  deadline: string;
  /** The deadline's end (ISO) or null. */
  deadlineEnd: string | null;
  /** Date of the latest log entry as of the report date, or null. */
  lastUpdate: string | null;
  status: Status;
  statusLabel: string;
  note: string;
}

export interface Report {
  period: Period;
  asOf: string;
  totals: ReportCounts;
  ytd: { due: number; done: number; completionRate: number | null };
  byGroup: ReportGroupRow[];
  /** Sub-groups (VII.A, VII.B …): already counted in their parent's row. */
  subGroups: ReportGroupRow[];
  byLead: ReportLeadRow[];
  indicators: ReportIndicator[];
  /** Overdue and unfinished activities (due in the period or by it), in plan order: the đôn đốc list. */
  overdue: ReportItem[];
  /** Every activity, in plan order. */
  items: ActivityEvaluation[];
}

export interface BuildReportOptions {
  /** Dates a person typed in the plan's "Hạn do người dùng nhập" column, by activity id. */
  userDeadlines?: Record<string, string | null | undefined>;
  units?: UnitDirectory;
}

/** The label of an activity without a lead in the by-lead table. */
export const NO_LEAD = "(Chưa có đơn vị chủ trì)";

export function emptyCounts(): ReportCounts {
  return { activities: 0, due: 0, doneOnTime: 0, doneLate: 0, inProgress: 0, noReport: 0, overdue: 0, completionRate: null };
}

function add(c: ReportCounts, e: ActivityEvaluation): void {
  c.activities++;
  if (!e.due) return;
  c.due++;
  if (e.status === "done-on-time") c.doneOnTime++;
  else if (e.status === "done-late") c.doneLate++;
  else if (e.status === "overdue") c.overdue++;
  else if (e.status === "no-report") c.noReport++;
  else c.inProgress++;
}

function finish<T extends ReportCounts>(c: T): T {
  c.completionRate = c.due > 0 ? (c.doneOnTime + c.doneLate) / c.due : null;
  return c;
}

/**
 * The canonical lead of an activity: the unit's name as it was called on `asOf` when given (a
 * unit renamed by law is named as it was then: "Bộ phận Một cửa" in a 2024 report, "Trung tâm
 * Phục vụ hành chính công" after 1/7/2025), else its first name; the text as written when no unit
 * matches; NO_LEAD when empty.
 */
export function canonicalLead(lead: string, units: UnitDirectory = defaultUnitDirectory(), asOf?: string): string {
  const text = normalizeText(lead);
  if (!text) return NO_LEAD;
  const unit = units.match(text).unit;
  if (!unit) return text;
  return asOf ? unitNameAt(unit, asOf) : unit.name;
}

/**
 * Evaluates every activity for a period as of a date. Deadlines are parsed once per distinct
 * (text, user date); the log is indexed once: linear in plan + log size.
 */
export function evaluateActivities(
  plan: Pick<Plan, "activities" | "year">,
  log: readonly LogEntry[] | LogIndex,
  period: Period,
  asOf: string,
  options: BuildReportOptions = {},
): ActivityEvaluation[] {
  const index = log instanceof LogIndex ? log : new LogIndex(log);
  const position = new Map<LogEntry, number>();
  index.entries.forEach((e, i) => position.set(e, i));
  const units = options.units ?? defaultUnitDirectory();
  const cache = new Map<string, Deadline>();
  const leads = new Map<string, string>();
  const ytd = yearToDate(period);
  return plan.activities.map((a) => {
    const user = options.userDeadlines?.[a.id] ?? null;
    const key = `${a.deadline}\u0000${user ?? ""}`;
    let deadline = cache.get(key);
    if (!deadline) cache.set(key, (deadline = trackedDeadline(a, plan.year, user)));
    let lead = leads.get(a.lead);
    if (lead === undefined) leads.set(a.lead, (lead = canonicalLead(a.lead, units, asOf)));
    const entry = index.latest(a.id, asOf);
    const doneOn = deadline.kind === "recurring" ? null : entryDoneOn(entry);
    const status = statusFromLog(deadline, doneOn, asOf, logStateOf(index, a.id, deadline, period.cutoffStart, asOf));
    return {
      id: a.id,
      group: a.group,
      top: topGroup(a.group),
      lead,
      deadline,
      due: dueInPeriod(deadline, period),
      // Due from 1 January to the period's end: dated deadlines, any point of a list, and recurring
      // activities (reported per period), so everything due in the period is due in the year to date.
      ytd: dueWithin(deadline, ytd.start, ytd.end),
      status,
      doneOn,
      entryIndex: entry ? position.get(entry) ?? -1 : -1,
      lastUpdate: entry?.date ?? null,
      note: entry?.note ?? "",
    };
  });
}

/** The report's indicators: the sheet's list when given (see IndicatorActual), else the plan's, with their actuals. */
export function reportIndicators(indicators: readonly Indicator[], actuals: readonly IndicatorActual[] = []): ReportIndicator[] {
  const defs = new Map(indicators.map((i) => [i.id, i]));
  const byId = new Map(actuals.map((x) => [x.id, x]));
  const list: Array<{ id: string; def?: Indicator; x?: IndicatorActual }> = actuals.some((x) => x.text !== undefined)
    ? actuals.map((x) => ({ id: x.id, def: defs.get(x.id), x }))
    : indicators.map((d) => ({ id: d.id, def: d, x: byId.get(d.id) }));
  return list.map(({ id, def, x }) => {
    const target = x?.target ?? def?.target ?? 0;
    const comparator = x?.comparator ?? def?.comparator ?? ">=";
    const numerator = typeof x?.numerator === "number" && Number.isFinite(x.numerator) ? x.numerator : null;
    const denominator = typeof x?.denominator === "number" && Number.isFinite(x.denominator) ? x.denominator : null;
    const unit = x?.unit ?? def?.unit ?? "percent";
    let actual: number | null;
    if (x?.actual !== undefined) actual = x.actual;
    else if (unit === "count") actual = numerator;
    else actual = numerator !== null && denominator !== null && denominator > 0 ? numerator / denominator : null;
    if (actual !== null && !Number.isFinite(actual)) actual = null;
    let att: number | null = x?.attainment !== undefined ? x.attainment : null;
    let ok: boolean | null = x?.met !== undefined ? x.met : null;
    if (actual !== null && x?.attainment === undefined) {
      try {
        att = attainmentOf(actual, target, comparator);
      } catch {
        att = null;
      }
    }
    if (actual !== null && x?.met === undefined) ok = metOf(actual, target, comparator);
    return { id, text: x?.text ?? def?.text ?? "", comparator, target, unit, numerator, denominator, actual, attainment: att, met: ok };
  });
}

/**
 * The report of a period. `asOf` defaults to the period's cut-off end; `settings` is accepted for
 * symmetry with the workbook (the period already carries the cut-offs; the plan its year).
 */
export function buildReport(
  plan: Pick<Plan, "activities" | "groups" | "year" | "indicators">,
  log: readonly LogEntry[] | LogIndex,
  period: Period,
  asOf?: string | null,
  settings?: Pick<Settings, "year"> | null,
  indicators?: readonly IndicatorActual[] | null,
  options: BuildReportOptions = {},
): Report {
  const at = reportAsOf(period, asOf);
  const year = settings?.year ?? plan.year;
  const items = evaluateActivities({ activities: plan.activities, year }, log, period, at, options);

  const totals = emptyCounts();
  const groups = new Map<string, ReportGroupRow>();
  const subs = new Map<string, ReportGroupRow>();
  const leads = new Map<string, ReportLeadRow>();
  const titleOf = new Map(plan.groups.map((g) => [g.id, g.title]));
  for (const g of plan.groups) {
    const top = topGroup(g.id);
    if (!groups.has(top)) groups.set(top, { group: top, title: titleOf.get(top) ?? g.title, ...emptyCounts() });
    if (g.id !== top) subs.set(g.id, { group: g.id, title: g.title, ...emptyCounts() });
  }
  let ytdDue = 0;
  let ytdDone = 0;
  const overdue: ReportItem[] = [];
  items.forEach((e, i) => {
    add(totals, e);
    let g = groups.get(e.top);
    if (!g) groups.set(e.top, (g = { group: e.top, title: titleOf.get(e.top) ?? "", ...emptyCounts() }));
    add(g, e);
    if (e.group !== e.top) {
      let s = subs.get(e.group);
      if (!s) subs.set(e.group, (s = { group: e.group, title: titleOf.get(e.group) ?? "", ...emptyCounts() }));
      add(s, e);
    }
    let l = leads.get(e.lead);
    if (!l) leads.set(e.lead, (l = { lead: e.lead, ...emptyCounts() }));
    add(l, e);
    if (e.ytd) {
      ytdDue++;
      if (isDone(e.status)) ytdDone++;
    }
    if ((e.due || e.ytd) && !isDone(e.status)) {
      const a = plan.activities[i];
      overdue.push({
        id: a.id, group: a.group, activityNo: a.activityNo, activity: a.activity, lead: e.lead, leadAsWritten: a.lead,
        deadline: a.deadline, deadlineEnd: e.deadline.end, lastUpdate: e.lastUpdate, status: e.status, statusLabel: STATUS_LABELS[e.status].vi, note: e.note,
      });
    }
  });
  const byGroup = [...groups.values()].filter((g) => g.activities > 0).map(finish);
  const subGroups = [...subs.values()].filter((g) => g.activities > 0).map(finish);
  // Leads: most activities first (the workload view), ties in plan order of first appearance.
  const firstSeen = new Map<string, number>();
  items.forEach((e, i) => { if (!firstSeen.has(e.lead)) firstSeen.set(e.lead, i); });
  const byLead = [...leads.values()].map(finish).sort((a, b) => b.activities - a.activities || firstSeen.get(a.lead)! - firstSeen.get(b.lead)!);
  return {
    period,
    asOf: at,
    totals: finish(totals),
    ytd: { due: ytdDue, done: ytdDone, completionRate: ytdDue > 0 ? ytdDone / ytdDue : null },
    byGroup,
    subGroups,
    byLead,
    indicators: reportIndicators(plan.indicators, indicators ?? []),
    overdue,
    items,
  };
}

// --- the JSON of `cchc report --json` -------------------------------------------------------

export interface ReportCountsJson {
  activities: number; due: number; doneOnTime: number; doneLate: number; inProgress: number; noReport: number; overdue: number; completionRate: number | null;
}

export interface ReportJson {
  period: { label: string; start: string; end: string };
  totals: ReportCountsJson;
  byGroup: Array<{ group: string } & ReportCountsJson>;
  byLead: Array<{ lead: string } & ReportCountsJson>;
  indicators: Array<{ id: string; text: string; comparator: string; target: number; actual: number | null; attainment: number | null; met: boolean | null }>;
}

function countsJson(c: ReportCounts): ReportCountsJson {
  return {
    activities: c.activities, due: c.due, doneOnTime: c.doneOnTime, doneLate: c.doneLate,
    inProgress: c.inProgress, noReport: c.noReport, overdue: c.overdue, completionRate: c.completionRate,
  };
}

/** Exactly the contract of `cchc report --json`: period {label, start, end} is the data window. */
export function reportToJson(r: Report): ReportJson {
  return {
    period: { label: r.period.label, start: r.period.cutoffStart, end: r.period.cutoffEnd },
    totals: countsJson(r.totals),
    byGroup: r.byGroup.map((g) => ({ group: g.group, ...countsJson(g) })),
    byLead: r.byLead.map((l) => ({ lead: l.lead, ...countsJson(l) })),
    indicators: r.indicators.map((i) => ({ id: i.id, text: i.text, comparator: i.comparator, target: i.target, actual: i.actual, attainment: i.attainment, met: i.met })),
  };
}

/** "12/20 nhiệm vụ, đạt 60%" (rates with one decimal, Vietnamese comma, trailing ",0" dropped). */
export function completionText(done: number, due: number): string {
  return `${done}/${due} nhiệm vụ, đạt ${due > 0 ? formatPercentVi(done / due) : "—"}`;
}

/** 0.8533 → "85,3%", 1 → "100%" (what the sheets' text formulas produce). */
export function formatPercentVi(rate: number): string {
  const fixed = (Math.round(rate * 1000 + 1e-9) / 10).toFixed(1);
  return `${fixed.replace(".", ",").replace(/,0$/, "")}%`;
}
