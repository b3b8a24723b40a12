/**
 * The JSON contract of `cchc import --json`: later versions add fields, never rename these.
 */
import type { Plan } from "./plan";

export interface PlanJson {
  unit: string;
  year: number;
  commune: string;
  province: string;
  groups: Array<{ id: string; title: string }>;
  activities: Array<{
    id: string; group: string; objectiveNo: string; objective: string; taskNo: string; task: string;
    activityNo: string; activity: string; output: string; lead: string; partners: string; deadline: string; budget: string;
  }>;
  indicators: Array<{ id: string; text: string; target: number; comparator: string; unit: string }>;
}

export function planToJson(plan: Plan): PlanJson {
  return {
    unit: plan.unit,
    year: plan.year,
    commune: plan.commune,
    province: plan.province,
    groups: plan.groups.map((g) => ({ id: g.id, title: g.title })),
    activities: plan.activities.map((a) => ({
      id: a.id, group: a.group, objectiveNo: a.objectiveNo, objective: a.objective, taskNo: a.taskNo, task: a.task,
      activityNo: a.activityNo, activity: a.activity, output: a.output, lead: a.lead, partners: a.partners,
      deadline: a.deadline, budget: a.budget,
    })),
    indicators: plan.indicators.map((i) => ({ id: i.id, text: i.text, target: i.target, comparator: i.comparator, unit: i.unit })),
  };
}
