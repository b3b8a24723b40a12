/**
 * What the panels show, built the same way on every host (the pane on the live workbook, the
 * page on a file): an import preview (the appendix's columns as understood, the groups read, the
 * diff with the plan already in the workbook), a finding, the period a report choice means.
 */
import { formatTarget, listIndicators } from "../core/indicatorList";
import type { Activity, Plan } from "../core/plan";
import { adhocPeriod, periodOf, type Period } from "../core/periods";
import type { Settings } from "../core/settings";
import { RULES, type Finding } from "../core/validate/rules";
import { diffPlans, type PlanDiff } from "../import/reimport";
import type { FieldKey } from "../import/header";
import type { Message as Bilingual } from "../core/message";
import type { FindingView, ImportPreviewView, ImportSource, PeriodChoice } from "./viewTypes";

const FIELD_LABELS: Record<FieldKey, Bilingual> = {
  tt: { vi: "Số thứ tự", en: "Number" },
  objective: { vi: "Mục tiêu / chỉ tiêu", en: "Objective / target" },
  task: { vi: "Nhiệm vụ", en: "Task" },
  activity: { vi: "Hoạt động", en: "Activity" },
  output: { vi: "Kết quả, sản phẩm", en: "Output" },
  lead: { vi: "Chủ trì", en: "Lead" },
  partners: { vi: "Phối hợp", en: "Partners" },
  deadline: { vi: "Thời gian hoàn thành", en: "Deadline" },
  budget: { vi: "Kinh phí", en: "Budget" },
};

/** The column headers of the embedded plan's appendix, as printed in Decision 03/QĐ-UBND. */
const SEED_HEADERS: Record<FieldKey, string> = {
  tt: "TT", objective: "1- Mục tiêu/Chỉ tiêu/nội dung", task: "2- Nhiệm vụ", activity: "3- Hoạt động", output: "4- Kết quả, sản phẩm",
  lead: "5- Chủ trì", partners: "6- Phối hợp", deadline: "7- Thời gian hoàn thành", budget: "8- Kinh phí",
};

/** The embedded plan's columns, or what the header finder matched (null: a field it did not find). */
export function headerMapping(header: { columns: Record<FieldKey, number | null>; labels: Record<FieldKey, string> } | null): ImportPreviewView["headerMapping"] {
  return (Object.keys(FIELD_LABELS) as FieldKey[]).map((k) => ({
    field: k,
    fieldLabel: FIELD_LABELS[k],
    label: header === null ? SEED_HEADERS[k] : header.columns[k] === null ? null : header.labels[k] || null,
  }));
}

function activityLabel(a: Activity): string {
  const no = a.activityNo || a.taskNo || a.objectiveNo;
  const text = a.activity || a.task || a.objective;
  return `${a.group}${no ? ` ${no}` : ""}: ${text.length > 90 ? `${text.slice(0, 88)}…` : text}`;
}

function diffView(diff: PlanDiff): NonNullable<ImportPreviewView["diff"]> {
  return {
    added: diff.added.map((a) => ({ id: a.id, label: activityLabel(a) })),
    removed: diff.removed.map((a) => ({ id: a.id, label: activityLabel(a) })),
    changed: diff.matched.filter((m) => m.changes.length).map((m) => ({ id: m.to.id, label: activityLabel(m.to), fields: m.changes })),
    kept: diff.matched.length,
  };
}

/** The preview of `plan` read from `source`, against the activities the workbook holds now. */
export function previewView(
  source: ImportSource,
  plan: Plan,
  existing: Activity[],
  read: Pick<ImportPreviewView, "headerMapping" | "warnings" | "selection">,
): ImportPreviewView {
  const counts = new Map<string, number>();
  for (const a of plan.activities) counts.set(a.group, (counts.get(a.group) ?? 0) + 1);
  const indicators = listIndicators(plan);
  return {
    source: source.kind,
    fileName: source.kind === "docx" ? source.name : undefined,
    title: plan.title,
    commune: plan.commune,
    year: plan.year,
    groups: plan.groups.map((g) => ({ id: g.id, title: g.title, count: counts.get(g.id) ?? 0 })).filter((g) => g.count > 0 || g.title),
    activityCount: plan.activities.length,
    indicatorCount: indicators.length,
    indicators: indicators.map((i) => `${i.text.length > 90 ? `${i.text.slice(0, 88)}…` : i.text} (${formatTarget(i.target, i.comparator, i.unit)})`),
    ...read,
    diff: existing.length ? diffView(diffPlans(existing, plan.activities)) : undefined,
  };
}

export function findingView(f: Finding, cellOf: (f: Finding) => string, byId: Map<string, Activity>): FindingView {
  const a = byId.get(f.activityId);
  const rule = RULES[f.code];
  return {
    code: f.code,
    severity: f.severity,
    rule: { vi: rule?.vi ?? f.code, en: rule?.en ?? f.code },
    activityId: f.activityId,
    where: a ? `${a.group} ${a.activityNo || a.taskNo || a.objectiveNo}`.trim() : "",
    message: { vi: f.message, en: f.messageEn },
    suggestion: f.suggestion,
    cell: cellOf(f),
  };
}

export function periodFromChoice(choice: PeriodChoice, settings: Settings): Period {
  const cut = { startDay: settings.cutoffStartDay, endDay: settings.cutoffEndDay };
  if (choice.kind === "adhoc") return adhocPeriod(choice.start!, choice.end!);
  return periodOf(choice.kind, choice.year, choice.kind === "quarter" ? choice.quarter : undefined, cut);
}
