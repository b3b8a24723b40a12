/**
 * The plan model: plan → groups → objectives → tasks → activities.
 * Activities are stored flat (one per tracked item, in document order) because that is what
 * the workbook table and the validator walk; `planTree` derives the hierarchy.
 */
import { normalizeText, shortHash, matchKey } from "./text";

export type Comparator = ">=" | "<=" | "=";

export interface Group {
  /** "I" … "VI", "VII.A", "VII.B" for the seed; sub-groups carry their parent's numeral. */
  id: string;
  title: string;
}

export interface Activity {
  /** Stable id of our own design: group + hash of the objective/task/activity text (see `activityId`). */
  id: string;
  group: string;
  /** The document's own numbers, kept as text ("1.1", "2.3", "3.12"); may be empty, repeated or skipped. */
  objectiveNo: string;
  objective: string;
  taskNo: string;
  task: string;
  activityNo: string;
  activity: string;
  output: string;
  lead: string;
  partners: string;
  deadline: string;
  budget: string;
}

export type ActivityFields = Omit<Activity, "id">;

export interface Indicator {
  /** "BODY-3.2a" for the plan body's section II; "OBJ-<activity group>-<objectiveNo>" for appendix objectives. */
  id: string;
  text: string;
  /** A fraction for percentages (0.75 for 75%), a count otherwise. */
  target: number;
  comparator: Comparator;
  unit: "percent" | "count";
  /** When one sentence holds several targets, which one this is (1-based), as CCHC.TARGET's index. */
  index?: number;
  /** Where it comes from: the plan body's section ("II.3.2") or the appendix group. */
  source?: string;
}

export interface Plan {
  /** Issuing body as written in the header, e.g. "UBND xã Hồng Lộc". */
  unit: string;
  commune: string;
  district?: string;
  province: string;
  year: number;
  decision?: { number: string; date: string; signer?: string };
  title: string;
  groups: Group[];
  activities: Activity[];
  indicators: Indicator[];
  /** The appendix's own title lines as written, checked for provincial-template leftovers. */
  appendixHeader?: string[];
}

export const ACTIVITY_TEXT_FIELDS = [
  "objectiveNo", "objective", "taskNo", "task", "activityNo", "activity",
  "output", "lead", "partners", "deadline", "budget",
] as const satisfies ReadonlyArray<keyof ActivityFields>;

/**
 * The id: "<group>-<hash>" where the hash covers the normalised objective, task and activity
 * wording (not the document's numbers, which repeat and shift). Identical wording in one group
 * gets "-2", "-3" in document order. An id therefore survives renumbering and edits to output,
 * owner or deadline; re-import falls back to text similarity when the wording itself changed.
 */
export function activityId(fields: Pick<ActivityFields, "group" | "objective" | "task" | "activity">): string {
  const basis = [fields.objective, fields.task, fields.activity].map(matchKey).join("|");
  return `${fields.group}-${shortHash(basis)}`;
}

/** Normalises every field and assigns ids, de-duplicating identical wording. */
export function makeActivities(rows: ActivityFields[]): Activity[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const clean = normalizeFields(row);
    const base = activityId(clean);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { id: n === 1 ? base : `${base}-${n}`, ...clean };
  });
}

export function normalizeFields(row: ActivityFields): ActivityFields {
  const out = { group: normalizeText(row.group) } as ActivityFields;
  for (const key of ACTIVITY_TEXT_FIELDS) out[key] = normalizeText(row[key]);
  return out;
}

export interface TaskNode { no: string; text: string; activities: Activity[] }
export interface ObjectiveNode { no: string; text: string; tasks: TaskNode[] }
export interface GroupNode extends Group { objectives: ObjectiveNode[] }

/** The hierarchy, in document order: consecutive activities sharing objective (task) text share a node. */
export function planTree(plan: Pick<Plan, "groups" | "activities">): GroupNode[] {
  const nodes = new Map<string, GroupNode>();
  for (const g of plan.groups) nodes.set(g.id, { ...g, objectives: [] });
  for (const a of plan.activities) {
    let g = nodes.get(a.group);
    if (!g) {
      g = { id: a.group, title: "", objectives: [] };
      nodes.set(a.group, g);
    }
    let o = g.objectives[g.objectives.length - 1];
    if (!o || o.no !== a.objectiveNo || o.text !== a.objective) {
      o = { no: a.objectiveNo, text: a.objective, tasks: [] };
      g.objectives.push(o);
    }
    let t = o.tasks[o.tasks.length - 1];
    if (!t || t.no !== a.taskNo || t.text !== a.task) {
      t = { no: a.taskNo, text: a.task, activities: [] };
      o.tasks.push(t);
    }
    t.activities.push(a);
  }
  return [...nodes.values()];
}

/** The top-level numeral of a group id ("VII.B" → "VII"), used by reports that roll sub-groups up. */
export function topGroup(groupId: string): string {
  return groupId.split(".")[0];
}
