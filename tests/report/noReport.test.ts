/**
 * "Chưa có báo cáo": an activity due and not done that nobody has reported on is not "in
 * progress". Core, the report sheet, the plan sheet linked to the log and the district export
 * say the same.
 */
import { parseDeadline } from "../../src/core/deadline";
import { parsePeriodToken } from "../../src/core/periods";
import { buildReport } from "../../src/core/report";
import { computeStatus, STATUS_LABELS } from "../../src/core/status";
import { activityStatus } from "../../src/core/activityStatus";
import type { LogEntry } from "../../src/core/progress";
import { buildDistrictExport } from "../../src/export/districtExport";
import { readCommuneExport } from "../../src/export/rollup";
import { reportSheetWithInfo, trackedWorkbookLayout } from "../../src/layout/reportSheet";
import { PLAN_TABLE, PLAN_COLUMNS } from "../../src/layout/planColumns";
import { demoModel, PLAN } from "./fixtures";

const H1 = parsePeriodToken("H1-2024");

describe("no entry at all: 'Chưa có báo cáo', still not done, not in progress", () => {
  test("computeStatus", () => {
    const d = parseDeadline("Quý III", 2024);
    expect(computeStatus(d, null, "2024-08-01", false)).toBe("no-report");
    expect(computeStatus(d, null, "2024-08-01", true)).toBe("in-progress");
    expect(computeStatus(d, null, "2024-10-01", false)).toBe("overdue");
    expect(computeStatus(d, null, "2024-05-01", false)).toBe("not-due");
    expect(STATUS_LABELS["no-report"].vi).toBe("Chưa có báo cáo");
  });

  // One in-progress entry for the first activity due in the year that is not overdue at the report date.
  const asOf = "2024-06-14";
  const report0 = buildReport(PLAN, [], H1, asOf);
  const open = report0.items.filter((e) => e.due && (e.status === "no-report" || e.status === "in-progress"));
  const log: LogEntry[] = [{ date: "2024-06-01", activityId: open[0].id, status: "in-progress", completedOn: null, evidence: "", note: "đang làm", who: "test" }];

  test("the report counts them apart; the five counts add up to the number due", () => {
    expect(open.length).toBeGreaterThan(1);
    const r = buildReport(PLAN, log, H1, asOf);
    expect(r.totals.inProgress).toBe(1);
    expect(r.totals.noReport).toBe(open.length - 1);
    const t = r.totals;
    expect(t.doneOnTime + t.doneLate + t.inProgress + t.noReport + t.overdue).toBe(t.due);
  });

  test("the report sheet: status formula and cached value, and its own column", () => {
    const model = demoModel("native", asOf);
    const { sheet, info } = reportSheetWithInfo({ model, log, period: H1 });
    const work = sheet.tables.find((t) => t.name.endsWith("TinhToan"))!;
    const statusCol = work.columns.findIndex((c) => c.key === "status");
    const statuses = work.rows.map((r) => r[statusCol]);
    expect(statuses.filter((c) => c.v === "Chưa có báo cáo")).toHaveLength(info.report.items.filter((e) => e.status === "no-report").length);
    expect(statuses.every((c) => !c.f || c.f.includes('"Chưa có báo cáo"'))).toBe(true);
    const group = sheet.tables.find((t) => t.name.endsWith("Nhom"))!;
    expect(group.columns.map((c) => c.header)).toContain("Chưa có báo cáo");
  });

  test("the plan sheet linked to the log", () => {
    const model = demoModel("native", asOf);
    const { layout } = trackedWorkbookLayout(model, log, {});
    const plan = layout.sheets.find((s) => s.role === "plan")!;
    const table = plan.tables.find((t) => t.name === PLAN_TABLE)!;
    const i = PLAN_COLUMNS.findIndex((c) => c.key === "status");
    const silent = open.find((e, k) => k > 0 && e.deadline.kind !== "recurring")!;
    const row = table.rows[PLAN.activities.findIndex((a) => a.id === silent.id)][i];
    expect(row.v).toBe("Chưa có báo cáo");
    expect(row.f).toContain("Chưa có báo cáo");
    const reported = table.rows[PLAN.activities.findIndex((a) => a.id === open[0].id)][i];
    expect(reported.v).not.toBe("Chưa có báo cáo");
  });

  test("the district export carries the count and still verifies", async () => {
    const model = demoModel("native", asOf);
    const exp = await buildDistrictExport({ model, log, periods: [H1], includePlan: true, exportedAt: "2024-06-20T08:00:00Z" });
    expect(exp.payload.reports[0].totals.noReport).toBe(open.length - 1);
    expect(readCommuneExport("x.xlsx", exp.bytes).problem).toBeUndefined();
  });

  test("activityStatus (the pane's card, the file page, the checks) agrees with the report, and says why", () => {
    const r = buildReport(PLAN, log, H1, asOf);
    for (const e of r.items.filter((x) => x.deadline.kind !== "recurring")) {
      const s = activityStatus(PLAN.activities.find((a) => a.id === e.id)!, 2024, log, asOf);
      expect([e.id, s.status]).toEqual([e.id, e.status]);
    }
    const silent = activityStatus(PLAN.activities.find((a) => a.id === open.find((e, k) => k > 0 && e.deadline.kind !== "recurring")!.id)!, 2024, log, asOf);
    expect(silent.status).toBe("no-report");
    expect(silent.reason.vi).toMatch(/chưa ai báo cáo/);
  });
});
