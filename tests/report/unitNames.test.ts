/**
 * Units renamed by law are named in a report as they were called on its as-of date: a 2025 plan's
 * reports before 1/7/2025 say "Bộ phận Một cửa", "Văn phòng - Thống kê", "Văn hóa - Xã hội"; after
 * it, "Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội" —
 * whichever name the plan wrote. Core's by-lead rows, the report sheet (its table, its working
 * column and the COUNTIFS criteria over it), the đôn đốc list and the command's JSON agree.
 */
import { parsePeriodToken } from "../../src/core/periods";
import { makeActivities, type ActivityFields, type Plan } from "../../src/core/plan";
import type { LogEntry } from "../../src/core/progress";
import { buildReport, reportToJson } from "../../src/core/report";
import { defaultSettings } from "../../src/core/settings";
import { DEFAULT_UNITS, UnitDirectory, unitsFromSheetRows, unitsToSheetRows } from "../../src/core/units";
import { reportSheetWithInfo, WORK_COLUMNS } from "../../src/layout/reportSheet";
import type { WorkbookModel } from "../../src/layout/model";

const row = (activityNo: string, lead: string, deadline: string): ActivityFields => ({
  group: "I", objectiveNo: "1.1", objective: "Cải cách thủ tục hành chính", taskNo: "2.1", task: "Giải quyết thủ tục hành chính",
  activityNo, activity: `Hoạt động ${activityNo}`, output: "Báo cáo", lead, partners: "", deadline, budget: "",
});
// Leads written under the old names and the new: each is one unit.
const PLAN_2025: Plan = {
  unit: "UBND xã Thạch Kim", commune: "Thạch Kim", province: "Hà Tĩnh", year: 2025, title: "Kế hoạch cải cách hành chính năm 2025",
  groups: [{ id: "I", title: "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC" }],
  activities: makeActivities([
    row("3.1", "Bộ phận Một cửa", "Quý II/2025"),
    row("3.2", "Trung tâm Phục vụ hành chính công cấp xã", "Quý III/2025"),
    row("3.3", "Văn phòng - Thống kê", "Thường xuyên"),
    row("3.4", "Văn hóa - Thông tin", "Quý II, III/2025"),
    row("3.5", "Tư pháp - Hộ tịch", "Quý III/2025"),
  ]),
  indicators: [],
};
const log: LogEntry[] = [{ date: "2025-05-10", activityId: PLAN_2025.activities[0].id, status: "in-progress", completedOn: null, evidence: "", note: "", who: "test" }];
const Q2 = parsePeriodToken("Q2-2025"); // as of 14/06/2025: before the two-level government
const Q3 = parsePeriodToken("Q3-2025"); // as of 14/09/2025: after it
const NM = parsePeriodToken("9M-2025");

const BEFORE = ["Bộ phận Một cửa", "Văn phòng - Thống kê", "Văn hóa - Xã hội", "Tư pháp - Hộ tịch"];
const AFTER = ["Trung tâm Phục vụ hành chính công", "Văn phòng HĐND và UBND", "Phòng Văn hóa - Xã hội", "Tư pháp - Hộ tịch"];

describe("a 2025 plan's reports name each unit as it was called on the report's as-of date", () => {
  test("core's by-lead rows and the đôn đốc list", () => {
    const leads = (p = Q2, asOf?: string) => buildReport(PLAN_2025, log, p, asOf).byLead.map((l) => l.lead).sort();
    expect(leads(Q2)).toEqual([...BEFORE].sort());
    expect(leads(Q3)).toEqual([...AFTER].sort());
    expect(leads(NM)).toEqual([...AFTER].sort());
    expect(leads(Q3, "2025-06-30")).toEqual([...BEFORE].sort()); // the day before the change
    expect(leads(Q3, "2025-07-01")).toEqual([...AFTER].sort());
    // the two one-stop activities are one row: one unit, under the name of the day
    expect(buildReport(PLAN_2025, log, Q3).byLead.find((l) => l.lead === "Trung tâm Phục vụ hành chính công")!.activities).toBe(2);
    const overdue = buildReport(PLAN_2025, log, Q3).overdue;
    expect(overdue.find((o) => o.leadAsWritten === "Bộ phận Một cửa")?.lead).toBe("Trung tâm Phục vụ hành chính công");
    expect(reportToJson(buildReport(PLAN_2025, log, Q2)).byLead.map((l) => l.lead)).toContain("Bộ phận Một cửa");
  });

  test("the units sheet's renames (read back from its rows) give the same names", () => {
    const units = new UnitDirectory(unitsFromSheetRows(unitsToSheetRows(DEFAULT_UNITS)));
    const q3 = buildReport(PLAN_2025, log, Q3, null, null, null, { units });
    expect(q3.byLead.map((l) => l.lead).sort()).toEqual([...AFTER].sort());
  });

  test.each([["Q2-2025", BEFORE], ["Q3-2025", AFTER]] as const)("the report sheet for %s: table, working column and criteria agree", (token, names) => {
    const period = parsePeriodToken(token);
    const model: WorkbookModel = { plan: PLAN_2025, settings: defaultSettings(PLAN_2025, period.cutoffEnd), progress: {}, mode: "native" };
    const { sheet, info } = reportSheetWithInfo({ model, log, period });
    const leadTable = sheet.tables.find((t) => t.name.endsWith("DonVi"))!;
    expect(leadTable.rows.map((r) => r[1].v).sort()).toEqual([...names].sort());
    for (const r of leadTable.rows) expect(r[2].f).toContain(`"=${r[1].v}"`);
    const work = sheet.tables.find((t) => t.name.endsWith("TinhToan"))!;
    const iLead = WORK_COLUMNS.findIndex((c) => c.key === "lead");
    expect(new Set(work.rows.map((r) => r[iLead].v))).toEqual(new Set(names));
    expect(info.report.byLead.map((l) => l.lead).sort()).toEqual([...names].sort());
  });
});
