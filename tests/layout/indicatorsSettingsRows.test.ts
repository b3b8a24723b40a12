/**
 * The settings sheet's computed rows: plan completion "x/y" (all, and among those due), its rate,
 * and the reform-index points — CCHC.COMPLETION / CCHC.PARSCORE in custom mode, COUNTIF / IF in
 * native mode — cached with what the functions compute over the plan sheet's statuses.
 */
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { defaultSettings } from "../../src/core/settings";
import type { WorkbookModel } from "../../src/layout/model";
import { planSheet, PLAN_FIRST_ROW } from "../../src/layout/planSheet";
import { PLAN_COLUMNS } from "../../src/layout/planColumns";
import {
  SETTINGS_EXTRA_ROW, SETTINGS_RESULT_NAMES, SETTINGS_RESULT_ROWS, SETTING_ROWS, completionFigures, settingAddress, settingsSheet,
} from "../../src/layout/settingsSheet";
import { NAMES } from "../../src/layout/names";
import * as F from "../../src/functions/functions";

const plan = HONG_LOC_2024;
const acts = plan.activities;

function model(mode: "custom" | "native", asOf = "2024-09-14", progress: WorkbookModel["progress"] = {}): WorkbookModel {
  return { plan, settings: defaultSettings(plan, asOf), progress, mode };
}

const PROGRESS: WorkbookModel["progress"] = Object.fromEntries(
  acts.slice(0, 40).map((a, i) => [a.id, { completedOn: i % 3 === 0 ? "2024-01-10" : i % 3 === 1 ? "2024-08-30" : null }]),
);

/** The statuses the plan sheet caches, read from its table. */
function planStatuses(m: WorkbookModel): unknown[][] {
  const table = planSheet(m).tables[0];
  const k = PLAN_COLUMNS.findIndex((c) => c.key === "status");
  return table.rows.map((r) => [r[k].v]);
}

describe("settings sheet: completion and reform-index points", () => {
  test("the settings rows and names are unchanged; the computed rows sit from SETTINGS_EXTRA_ROW", () => {
    const names: Record<string, string> = {};
    const without = settingsSheet(model("custom").settings, {});
    const sheet = settingsSheet(model("custom").settings, names, model("custom"));
    SETTING_ROWS.forEach((_, i) => expect(sheet.cells[`B${3 + i}`]).toEqual(without.cells[`B${3 + i}`]));
    for (const n of Object.values(NAMES)) expect(names[n]).toBeDefined();
    expect(without.cells[`A${SETTINGS_EXTRA_ROW}`]).toBeUndefined();
    expect(sheet.cells[`A${SETTINGS_EXTRA_ROW}`].v).toMatch(/Kết quả/);
    expect(names[SETTINGS_RESULT_NAMES.completion]).toBe(`'Cài đặt'!$B$${SETTINGS_RESULT_ROWS.completion}`);
    expect(names[SETTINGS_RESULT_NAMES.completionRate]).toBe(`'Cài đặt'!$B$${SETTINGS_RESULT_ROWS.completionRate}`);
    expect(names[SETTINGS_RESULT_NAMES.parScore]).toBe(`'Cài đặt'!$B$${SETTINGS_RESULT_ROWS.parScore}`);
  });

  test.each([
    ["2024-09-14", {}],
    ["2024-09-14", PROGRESS],
    ["2024-12-31", Object.fromEntries(acts.map((a) => [a.id, { completedOn: "2024-12-01" }]))],
    ["2024-12-31", Object.fromEntries(acts.slice(0, 50).map((a) => [a.id, { completedOn: "2024-12-01" }]))],
  ])("as of %s: cached values equal the functions over the plan's statuses", (asOf, progress) => {
    const m = model("custom", asOf as string, progress as WorkbookModel["progress"]);
    const sheet = settingsSheet(m.settings, {}, m);
    const R = SETTINGS_RESULT_ROWS;
    const statuses = planStatuses(m);
    const x = F.completion(statuses);
    expect(sheet.cells[`B${R.completion}`].v).toBe(x);
    expect(sheet.cells[`B${R.completionDue}`].v).toBe(F.completion(statuses, [[true]]));
    const [done, total] = x.split("/").map(Number);
    expect(sheet.cells[`B${R.completionRate}`].v).toBeCloseTo(done / total, 12);
    const thresholds = [[m.settings.parFull], [m.settings.parPartial]];
    expect(sheet.cells[`B${R.parScore}`].v).toBe(F.parscore([[done / total]], [[m.settings.parMaxPoints]], thresholds)[0][0]);
    expect(completionFigures(m).completion).toBe(x);
  });

  test("all done → full points; 50 of 60 → 0 points below 80%", () => {
    const all = model("custom", "2024-12-31", Object.fromEntries(acts.map((a) => [a.id, { completedOn: "2024-12-01" }])));
    expect(completionFigures(all)).toMatchObject({ completion: "60/60", rate: 1, parScore: 1 });
    const most = model("custom", "2024-12-31", Object.fromEntries(acts.slice(0, 50).map((a) => [a.id, { completedOn: "2024-12-01" }])));
    expect(completionFigures(most)).toMatchObject({ completion: "50/60", parScore: 0.833333333 });
  });

  test("custom mode formulas: CCHC.COMPLETION over the plan's status column, CCHC.PARSCORE with the settings' thresholds", () => {
    const m = model("custom");
    const sheet = settingsSheet(m.settings, {}, m);
    const R = SETTINGS_RESULT_ROWS;
    const status = `'Kế hoạch'!$R$${PLAN_FIRST_ROW}:$R$${PLAN_FIRST_ROW + acts.length - 1}`;
    expect(PLAN_COLUMNS[17].key).toBe("status");
    expect(sheet.cells[`B${R.completion}`].f).toBe(`CCHC.COMPLETION(${status})`);
    expect(sheet.cells[`B${R.completionDue}`].f).toBe(`CCHC.COMPLETION(${status},TRUE)`);
    expect(sheet.cells[`B${R.parScore}`].f).toBe(
      `IF(B${R.completionRate}="","",CCHC.PARSCORE(B${R.completionRate},CCHC_PAR_POINTS,${settingAddress("parFull")}:${settingAddress("parPartial")}))`,
    );
    expect(sheet.cells[`B${R.completionRate}`].f).not.toMatch(/CCHC\./);
  });

  test("native mode: COUNTIF and IF only, the same cached values", () => {
    const c = model("custom", "2024-09-14", PROGRESS);
    const n = model("native", "2024-09-14", PROGRESS);
    const a = settingsSheet(c.settings, {}, c);
    const b = settingsSheet(n.settings, {}, n);
    for (const r of Object.values(SETTINGS_RESULT_ROWS)) {
      expect(b.cells[`B${r}`].f).not.toMatch(/CCHC\./);
      expect(b.cells[`B${r}`].v).toEqual(a.cells[`B${r}`].v);
    }
    expect(b.cells[`B${SETTINGS_RESULT_ROWS.completion}`].f).toMatch(/^\(COUNTIF\(.*"Hoàn thành đúng hạn"\)\+COUNTIF\(.*"Hoàn thành quá hạn"\)\)&"\/"&SUMPRODUCT/);
  });

  test("a plan without activities: 0/0, blank rate and points", () => {
    const m: WorkbookModel = { ...model("custom"), plan: { ...plan, activities: [] } };
    expect(completionFigures(m)).toMatchObject({ completion: "0/0", rate: "", parScore: "" });
  });
});
