/** Plans of any size, made by repeating the embedded plan's activities with distinct wording. */
import { HONG_LOC_2024 } from "../src/data/hongLoc2024";
import { makeActivities, type ActivityFields, type Plan } from "../src/core/plan";

export function syntheticPlan(size: number): Plan {
  const base = HONG_LOC_2024.activities;
  const rows: ActivityFields[] = [];
  for (let i = 0; i < size; i++) {
    const a = base[i % base.length];
    const round = Math.floor(i / base.length);
    const { id: _id, ...fields } = a;
    rows.push(round === 0 ? fields : { ...fields, activity: `${a.activity} (đợt ${round + 1})`, activityNo: `${a.activityNo}.${round + 1}` });
  }
  return { ...HONG_LOC_2024, activities: makeActivities(rows) };
}
