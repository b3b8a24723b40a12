/**
 * A recurring activity ("Thường xuyên") is reported period by period: its status is taken from
 * the entries dated in a period's data window. Due with no entry in the window it is "Chưa có
 * báo cáo" — in core's report, the report sheet (formula and cached value), the plan sheet linked
 * to the log (native and CCHC.* formulas), the pane's activityStatus, Cài đặt's completion count
 * and the district export's plan sheet alike. (Before: the report said "Đang thực hiện" from an
 * earlier period's entry, while the plan and the pane said "Thường xuyên".)
 */
import { activityStatus, reportingWindowStart } from "../../src/core/activityStatus";
import { parsePeriodToken } from "../../src/core/periods";
import type { LogEntry } from "../../src/core/progress";
import { buildReport } from "../../src/core/report";
import { STATUS_LABELS, type Status } from "../../src/core/status";
import { buildDistrictExport } from "../../src/export/districtExport";
import type { FormulaMode } from "../../src/layout/model";
import { PLAN_COLUMNS, PLAN_HEADER_ROW, PLAN_SHEET, PLAN_TABLE } from "../../src/layout/planColumns";
import { reportSheetWithInfo, trackedWorkbookLayout, WORK_COLUMNS } from "../../src/layout/reportSheet";
import { SETTINGS_RESULT_ROWS } from "../../src/layout/settingsSheet";
import type { SheetLayout } from "../../src/layout/types";
import ExcelJS from "exceljs";
import { demoModel, PLAN } from "./fixtures";

const Q2 = parsePeriodToken("Q2-2024");
const H1 = parsePeriodToken("H1-2024");
const AS_OF = "2024-06-14"; // Q2's cut-off end: the plan's quarter under way is Q2
const recurring = PLAN.activities.filter((a) => a.deadline === "Thường xuyên");
const [onlyQ1, underWay, doneQ2, silent] = recurring;
const entry = (activityId: string, date: string, status: LogEntry["status"] = "done"): LogEntry => ({
  date, activityId, status, completedOn: null, evidence: "", note: "", who: "test",
});
const log: LogEntry[] = [
  entry(onlyQ1.id, "2024-03-10"), // reported done in Q1's window (15/12–14/03) only
  entry(underWay.id, "2024-03-01"),
  entry(underWay.id, "2024-05-02", "in-progress"),
  entry(doneQ2.id, "2024-05-20"),
];
const expected: Record<string, Status> = { [onlyQ1.id]: "no-report", [underWay.id]: "in-progress", [doneQ2.id]: "done-on-time", [silent.id]: "no-report" };
const label = (id: string) => STATUS_LABELS[expected[id]].vi;

function planStatuses(plan: SheetLayout) {
  const table = plan.tables.find((t) => t.name === PLAN_TABLE)!;
  const i = PLAN_COLUMNS.findIndex((c) => c.key === "status");
  return new Map(PLAN.activities.map((a, k) => [a.id, table.rows[k][i]]));
}

describe("a recurring activity due in a period: one status everywhere", () => {
  test("the data window of the quarter under way", () => {
    expect(reportingWindowStart("2024-06-14")).toBe("2024-03-15");
    expect(reportingWindowStart("2024-06-15")).toBe("2024-06-15");
    expect(reportingWindowStart("2024-01-10")).toBe("2023-12-15");
    expect(reportingWindowStart("2024-12-20")).toBe("2024-12-15");
    expect(reportingWindowStart("2024-05-01", { startDay: 1, endDay: 31 })).toBe("2024-04-01");
    expect(reportingWindowStart("2024-07-01", { startDay: 31, endDay: 30 })).toBe("2024-06-30");
    expect(reportingWindowStart("2024-03-20", { startDay: 25, endDay: 20 })).toBe("2023-12-25");
  });

  test("core's report: by the entries of the period's window, not an earlier period's", () => {
    const r = buildReport(PLAN, log, Q2, AS_OF);
    for (const a of [onlyQ1, underWay, doneQ2, silent]) expect([a.id, r.items.find((e) => e.id === a.id)!.status]).toEqual([a.id, expected[a.id]]);
    // The half year's window (15/12–14/06) holds the Q1 entry: done for the 6-month report.
    expect(buildReport(PLAN, log, H1, AS_OF).items.find((e) => e.id === onlyQ1.id)!.status).toBe("done-on-time");
  });

  test("the report sheet's status formula and cached value", () => {
    const { sheet } = reportSheetWithInfo({ model: demoModel("native", AS_OF), log, period: Q2 });
    const work = sheet.tables.find((t) => t.name.endsWith("TinhToan"))!;
    const iStatus = WORK_COLUMNS.findIndex((c) => c.key === "status");
    const iId = WORK_COLUMNS.findIndex((c) => c.key === "id");
    for (const id of Object.keys(expected)) {
      const cell = work.rows.find((r) => r[iId].v === id)![iStatus];
      expect([id, cell.v]).toEqual([id, label(id)]);
      expect(cell.f).toContain(`"${STATUS_LABELS["no-report"].vi}"`);
      expect(cell.f).toContain(`"${STATUS_LABELS["in-progress"].vi}"`);
    }
  });

  test.each<FormulaMode>(["native", "custom"])("the plan sheet linked to the log (%s formulas) and Cài đặt's count", (mode) => {
    const { layout } = trackedWorkbookLayout(demoModel(mode, AS_OF), log, {});
    const plan = planStatuses(layout.sheets.find((s) => s.name === PLAN_SHEET)!);
    for (const id of Object.keys(expected)) {
      expect([id, plan.get(id)!.v]).toEqual([id, label(id)]);
      // the recurring label the deadline alone gives is replaced by what the log says in the quarter
      expect(plan.get(id)!.f).toMatch(new RegExp(`SUBSTITUTE\\(.*,"${STATUS_LABELS.recurring.vi}",IF\\(COUNTIFS\\(`));
    }
    // Cài đặt counts the plan's statuses: the recurring activity done this quarter is among the done.
    const done = [...plan.values()].filter((c) => c.v === STATUS_LABELS["done-on-time"].vi || c.v === STATUS_LABELS["done-late"].vi).length;
    const settings = layout.sheets.find((s) => s.role === "settings")!;
    expect(settings.cells[`B${SETTINGS_RESULT_ROWS.completion}`].v).toBe(`${done}/${PLAN.activities.length}`);
    expect(done).toBeGreaterThan(0);
  });

  test("the pane's status (activityStatus) says the same, and why", () => {
    for (const a of [onlyQ1, underWay, doneQ2, silent]) {
      const s = activityStatus(a, 2024, log, AS_OF);
      expect([a.id, s.status]).toEqual([a.id, expected[a.id]]);
      expect(s.reason.vi).toContain("15/03/2024");
    }
    expect(activityStatus(onlyQ1, 2024, log, AS_OF).reason.vi).toMatch(/chưa có báo cáo nào trong kỳ/);
    // the same cut-offs as Cài đặt: with calendar quarters the window starts on 01/04
    expect(activityStatus(underWay, 2024, log, "2024-04-20", null, { startDay: 1, endDay: 31 }).status).toBe("no-report");
  });

  test("the district export's plan sheet says what its report says (the report's own window)", async () => {
    const exp = await buildDistrictExport({ model: demoModel("native", AS_OF), log, periods: [H1], includePlan: true, exportedAt: "2024-06-20T08:00:00Z" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(exp.bytes) as never);
    const ws = wb.getWorksheet(PLAN_SHEET)!;
    const headers = ws.getRow(PLAN_HEADER_ROW + 1).values as unknown[];
    const header = headers.indexOf(PLAN_COLUMNS.find((c) => c.key === "status")!.header);
    const idCol = headers.indexOf(PLAN_COLUMNS.find((c) => c.key === "id")!.header);
    const byId = new Map<string, unknown>();
    ws.eachRow((row) => byId.set(String(row.getCell(idCol).value), row.getCell(header).value));
    const report = buildReport(PLAN, log, H1, AS_OF);
    for (const a of [onlyQ1, underWay, doneQ2, silent]) {
      expect([a.id, byId.get(a.id)]).toEqual([a.id, STATUS_LABELS[report.items.find((e) => e.id === a.id)!.status].vi]);
    }
    expect(byId.get(onlyQ1.id)).toBe(STATUS_LABELS["done-on-time"].vi);
  });
});
