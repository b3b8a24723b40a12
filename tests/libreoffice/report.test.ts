/**
 * Report sheets and district exports opened in LibreOffice, headless (three soffice calls in
 * all, each converting several files):
 *  1. the live workbook (native formulas) and a copy with a report built in place are converted
 *     to CSV twice — once with LibreOffice told to recalculate every formula on load, once
 *     showing the cached values: the two agree cell for cell on the report, log and plan sheets,
 *     so a real spreadsheet engine computes exactly the figures core caches; no #NAME?, #VALUE!
 *     or #REF! anywhere;
 *  2. the district export shows the same report figures as the live sheet;
 *  3. the export's PDF: A4 landscape, the report one page wide;
 *  4. recurring activities with no entry in a period's window (one reported in Q1 only, one never):
 *     LibreOffice's plan and report sheets say the words core says ("Chưa có báo cáo", not
 *     "Đang thực hiện" or "Thường xuyên"), and the plan's formula for the window of the quarter
 *     under way gives core's reportingWindowStart for dates across a year and several cut-off days.
 * Skips (with a message) when soffice is missing, except under CI=true, where it fails.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parsePeriodToken, type Period } from "../../src/core/periods";
import { buildDistrictExport } from "../../src/export/districtExport";
import { buildReports, type BuildReportsOptions } from "../../src/app/buildReports";
import { xlsxWorkbook as fileHost } from "../../src/adapters/xlsx/xlsxWorkbook";

/** The report use case on an .xlsx file: the new file's bytes (null when nothing was written). */
async function buildReportsInPlace(bytes: Uint8Array, periods: Period[], options: BuildReportsOptions = {}) {
  const file = fileHost(bytes);
  const r = await buildReports(file, periods, options);
  return { ...r, bytes: r.applied ? file.bytes() : null };
}
import { LOG_SHEET } from "../../src/layout/logSheet";
import type { WorkbookModel } from "../../src/layout/model";
import { PLAN_COLUMNS, PLAN_SHEET } from "../../src/layout/planColumns";
import { trackedWorkbookLayout } from "../../src/layout/reportSheet";
import { writeXlsx } from "../../src/render/exceljs";
import { demoLog, demoModel } from "../report/fixtures";
import { activityStatus, reportingWindowStart } from "../../src/core/activityStatus";
import { addDays } from "../../src/core/dates";
import { buildReport } from "../../src/core/report";
import { STATUS_LABELS, type Status } from "../../src/core/status";
import { windowStartFormula } from "../../src/layout/logSheet";
import { WORK_COLUMNS } from "../../src/layout/reportSheet";
import { emptySheet } from "../../src/layout/types";
import { completionFigures, SETTINGS_SHEET } from "../../src/layout/settingsSheet";
import { CSV_ALL_SHEETS, libreOfficeAvailable, libreOfficeProfile, sheetCsvs, soffice } from "../helpers/libreoffice";

const maybe = libreOfficeAvailable("tests/libreoffice/report.test.ts", ["soffice", "pdftotext", "pdfinfo"]) ? describe : describe.skip;
const CSV = CSV_ALL_SHEETS;
const profile = (_dir: string, recalc: boolean) => libreOfficeProfile(recalc);
const sheets = sheetCsvs;

/** Columns A…I of a sheet, trailing blank rows dropped. */
function visible(rows: string[][]): string[][] {
  const v = rows.map((r) => Array.from({ length: 9 }, (_, i) => r[i] ?? ""));
  while (v.length && v[v.length - 1].every((x) => x === "")) v.pop();
  return v;
}

const ERRORS = /#NAME\?|#VALUE!|#REF!|#DIV\/0!|#N\/A|Err:\d+/;

maybe("report sheets and district exports in LibreOffice", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-lo-report-"));
  const model: WorkbookModel = {
    ...demoModel("native"),
    indicatorInputs: { "BODY-3.1": { Q2: { numerator: 80, denominator: 100 }, H1: { numerator: 140, denominator: 200 } }, "BODY-1.2": { H1: { numerator: 1 } } },
  };
  // Two recurring activities without entries in Q2's and Q3's windows: one reported in Q1 only, one never.
  const [onlyQ1, silent] = model.plan.activities.filter((a) => a.deadline === "Thường xuyên");
  const log = demoLog().filter((e) => !(e.activityId === silent.id || (e.activityId === onlyQ1.id && e.date >= "2024-03-15")));
  const periods = ["Q2-2024", "H1-2024", "2024-03-01..2024-04-15"].map((t) => parsePeriodToken(t));
  // The window-start formula beside core, for dates over a year and four cut-off start days.
  const windowDates = Array.from({ length: 70 }, (_, i) => addDays("2023-12-10", i * 6)).concat(["2024-02-29", "2024-03-14", "2024-03-15", "2024-12-14", "2024-12-15", "2024-12-31", "2025-01-01"]);
  const windowSheet = emptySheet("Kỳ", "report");
  [1, 15, 20, 31].forEach((startDay, k) => windowDates.forEach((iso, i) => {
    const r = k * windowDates.length + i + 1;
    windowSheet.cells[`A${r}`] = { v: iso, kind: "date", style: "date" };
    windowSheet.cells[`B${r}`] = { v: startDay };
    windowSheet.cells[`C${r}`] = { f: windowStartFormula(`A${r}`, `B${r}`), v: reportingWindowStart(iso, { startDay, endDay: 14 }), kind: "date", style: "date" };
  }));
  const recalc = new Map<string, Map<string, string[][]>>();
  const cached = new Map<string, Map<string, string[][]>>();
  let pdfText = "";
  let pdfPages: string[] = [];
  let pdfInfo = "";

  beforeAll(async () => {
    const live = await writeXlsx(trackedWorkbookLayout(model, log, { periods, sample: true }).layout);
    fs.writeFileSync(path.join(dir, "live.xlsx"), live);
    const inPlace = await buildReportsInPlace(live, [parsePeriodToken("Q3-2024")]);
    fs.writeFileSync(path.join(dir, "inplace.xlsx"), inPlace.bytes!);
    const exp = await buildDistrictExport({ model, log, periods: [parsePeriodToken("Q2-2024")], includePlan: true, exportedAt: "2024-06-20T08:00:00Z" });
    fs.writeFileSync(path.join(dir, "export.xlsx"), exp.bytes);
    fs.writeFileSync(path.join(dir, "window.xlsx"), await writeXlsx({ sheets: [windowSheet], properties: { title: "window", creator: "test" } }));
    const files = ["live.xlsx", "inplace.xlsx", "export.xlsx", "window.xlsx"].map((f) => path.join(dir, f));
    soffice(profile(dir, true), CSV, path.join(dir, "recalc"), files);
    soffice(profile(dir, false), CSV, path.join(dir, "cached"), [files[0], files[1], files[3]]);
    soffice(profile(dir, false), "pdf", path.join(dir, "pdf"), [files[2]]);
    for (const base of ["live", "inplace", "export", "window"]) recalc.set(base, sheets(path.join(dir, "recalc"), base));
    for (const base of ["live", "inplace", "window"]) cached.set(base, sheets(path.join(dir, "cached"), base));
    const pdf = path.join(dir, "pdf", "export.pdf");
    pdfInfo = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    pdfText = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
    pdfPages = pdfText.split("\f");
  }, 300_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it.each(["live", "inplace"])("%s: LibreOffice's own evaluation of every report and log formula equals the cached values", (base) => {
    const r = recalc.get(base)!;
    const c = cached.get(base)!;
    const names = [...r.keys()].filter((n) => n.startsWith("BC ") || n === LOG_SHEET);
    expect(names.length).toBeGreaterThanOrEqual(base === "live" ? 4 : 5);
    for (const n of names) expect([n, r.get(n)]).toEqual([n, c.get(n)]);
    // the plan's columns driven by the log: completion date, evidence, status
    const cols = ["completedOn", "evidence", "status"].map((k) => PLAN_COLUMNS.findIndex((x) => x.key === k));
    const pick = (rows: string[][]) => rows.map((row) => cols.map((i) => row[i] ?? ""));
    expect(pick(r.get(PLAN_SHEET)!)).toEqual(pick(c.get(PLAN_SHEET)!));
    expect(pick(r.get(PLAN_SHEET)!).some(([done]) => /^\d\d\/\d\d\/2024$/.test(done))).toBe(true);
  });

  it("recurring activities with no entry in the period: LibreOffice says core's words on the plan and report sheets", () => {
    const r = recalc.get("live")!;
    const word = (status: Status) => STATUS_LABELS[status].vi;
    // the plan, as of Cài đặt's date (14/09: Q3's window): neither has an entry there
    const plan = r.get(PLAN_SHEET)!;
    const iId = PLAN_COLUMNS.findIndex((c) => c.key === "id");
    const iStatus = PLAN_COLUMNS.findIndex((c) => c.key === "status");
    for (const a of [onlyQ1, silent]) {
      expect([a.id, plan.find((row) => row[iId] === a.id)?.[iStatus]]).toEqual([a.id, word("no-report")]);
      expect(activityStatus(a, 2024, log, model.settings.asOf).status).toBe("no-report");
    }
    // each report's working table: core's status, "Chưa có báo cáo" for Q2, the Q1 entry counts for the half year
    const workId = 10; // column K
    const workStatus = workId + WORK_COLUMNS.findIndex((c) => c.key === "status");
    for (const p of periods.slice(0, 2)) {
      const rows = r.get(p.sheetName)!;
      const items = buildReport(model.plan, log, p).items;
      for (const a of [onlyQ1, silent]) {
        const want = items.find((e) => e.id === a.id)!.status;
        expect([p.token, a.id, rows.find((row) => row[workId] === a.id)?.[workStatus]]).toEqual([p.token, a.id, word(want)]);
      }
    }
    // Cài đặt counts the plan's statuses (recurring activities reported done this quarter among the done): LibreOffice agrees with core
    expect(r.get(SETTINGS_SHEET)!.flat()).toContain(`${completionFigures(trackedWorkbookLayout(model, log).model).completion}`);
    expect(r.get(SETTINGS_SHEET)).toEqual(cached.get("live")!.get(SETTINGS_SHEET));
    expect(buildReport(model.plan, log, periods[0]).items.find((e) => e.id === onlyQ1.id)!.status).toBe("no-report");
    expect(buildReport(model.plan, log, periods[1]).items.find((e) => e.id === onlyQ1.id)!.status).toBe("done-on-time");
  });

  it("the plan's window formula gives core's window start for every date and cut-off day", () => {
    const got = recalc.get("window")!.get("Kỳ")!;
    expect(got.length).toBe(4 * windowDates.length);
    expect(got).toEqual(cached.get("window")!.get("Kỳ"));
  });

  it("shows no error value in any sheet", () => {
    for (const [base, m] of [...recalc.entries(), ...cached.entries()]) {
      for (const [name, rows] of m) {
        const bad = rows.flat().filter((x) => ERRORS.test(x));
        expect([base, name, bad]).toEqual([base, name, []]);
      }
    }
    expect(pdfText).not.toMatch(ERRORS);
  });

  it("the export shows the same figures as the live report sheet", () => {
    const live = visible(recalc.get("live")!.get("BC Quý II-2024")!);
    const exp = visible(recalc.get("export")!.get("BC Quý II-2024")!);
    expect(exp).toEqual(live);
    expect(exp.flat()).toContain("Tổng cộng");
    expect(exp.flat().some((x) => /^1\. Trong kỳ \(Quý II\/2024\): hoàn thành \d+\/\d+ nhiệm vụ, đạt/.test(x))).toBe(true);
    expect(recalc.get("export")!.has("Thông tin")).toBe(true);
  });

  it("prints the report on A4 landscape, one page wide", () => {
    expect(pdfInfo).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const reportPages = pdfPages.filter((p) => p.includes("Nhóm nhiệm vụ") || p.includes("Đơn vị chủ trì") || p.includes("Hoạt động"));
    expect(reportPages.length).toBeGreaterThan(0);
    // Cut into several pages across, the right-hand columns would print on pages of their own,
    // without the TT column: every line that holds a right-hand header also holds "TT".
    const rightHeaders = /Tỷ lệ hoàn thành|Đạt \/ Chưa đạt|Ghi chú|Quá hạn chưa/;
    let seen = 0;
    for (const page of pdfPages) {
      for (const line of page.split("\n")) {
        if (rightHeaders.test(line) && /Số hoạt động|Mẫu số|Tình trạng/.test(line)) {
          seen++;
          expect(line).toMatch(/^\s*TT\s/);
        }
      }
      if (/Tổng cộng/.test(page)) expect(page).toMatch(/Tổng cộng\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d/);
    }
    expect(seen).toBeGreaterThanOrEqual(3);
    expect(pdfText).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(pdfText).toContain("TM. ỦY BAN NHÂN DÂN");
    expect(pdfText).toMatch(/Trang 1\/\d+/);
  });
});
