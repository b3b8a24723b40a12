/**
 * The plan's own information (title, decision, group titles: src/layout/planInfo.ts) on the live
 * workbook: the Office.js adapter against the workbook simulator keeps and reads it as the file does,
 * and an official's correction typed on the Cài đặt sheet survives recording progress and a report.
 */
import { installExcelHost, type InstalledExcelHost } from "../excelHost";
import { officeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { detectCapabilities } from "../../src/render/officejs/capabilities";
import { importPlan } from "../../src/app/importPlan";
import { readWorkbook } from "../../src/app/readWorkbook";
import { recordProgress } from "../../src/app/recordProgress";
import { buildReports } from "../../src/app/buildReports";
import { loadPlan } from "../../src/cli/loadPlan";
import { parsePeriodToken } from "../../src/core/periods";
import { PLAN_INFO_LABELS } from "../../src/layout/planInfo";
import { SETTINGS_SHEET } from "../../src/layout/settingsSheet";
import { cellValue } from "../../src/layout/snapshot";
import { OTHER_GROUPS, otherAppendixDocx } from "../page/fixtures";

let host: InstalledExcelHost | null = null;
afterEach(() => {
  host?.uninstall();
  host = null;
});

/** Types `value` in column B of the Cài đặt row whose column A reads `label`, as a person would. */
async function typeOnSettings(label: string, value: string): Promise<void> {
  await host!.Excel.run(async (ctx: Excel.RequestContext) => {
    const ws = ctx.workbook.worksheets.getItem(SETTINGS_SHEET);
    const used = ws.getUsedRange().load("values");
    await ctx.sync();
    const row = used.values.findIndex((r) => r[0] === label);
    expect(row).toBeGreaterThan(0);
    ws.getCell(row, 1).values = [[value]];
    await ctx.sync();
  });
}

test("a Word appendix unlike the seed, on the live workbook: its title and group titles read back; a corrected group title survives progress and a report", async () => {
  host = installExcelHost(globalThis, { today: "2025-06-14", customFunctionsNamespace: "CCHC" });
  const port = officeWorkbook({ capabilities: detectCapabilities(host.Office) });
  const io = { out: () => undefined, err: () => undefined, readFile: () => otherAppendixDocx(), readFileIfExists: () => null, writeFile: () => undefined };
  const { plan, headerLines } = await loadPlan({ file: "tan-phu.docx" }, io);
  await importPlan(port, plan, { headerLines, mode: "custom", today: "2025-06-14" });

  const first = await readWorkbook(port);
  expect(first.model.plan.title).toBe(plan.title);
  expect(first.model.plan.groups).toEqual(OTHER_GROUPS);

  await typeOnSettings("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH (đã sửa)");
  await typeOnSettings(PLAN_INFO_LABELS.decisionNumber, "07/QĐ-UBND");
  await recordProgress(port, [{ date: "2025-03-01", activityId: first.model.plan.activities[2].id, status: "done", completedOn: "2025-03-01", evidence: "", note: "", who: "" }]);
  await buildReports(port, [parsePeriodToken("Q1-2025")]);

  const read = await readWorkbook(port);
  expect(read.model.plan.groups.map((g) => g.title)).toEqual([OTHER_GROUPS[0].title, "CẢI CÁCH THỦ TỤC HÀNH CHÍNH (đã sửa)"]);
  expect(read.model.plan.decision).toEqual({ number: "07/QĐ-UBND", date: "" });
  const report = (await port.read()).sheets.find((s) => s.role === "report")!;
  const shown = report.values.map((_, r) => [cellValue(report, r, 0), cellValue(report, r, 1)]).filter(([id]) => id === "I" || id === "II");
  expect(shown).toEqual([["I", OTHER_GROUPS[0].title], ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH (đã sửa)"]]);
}, 120000);
