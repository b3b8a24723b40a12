import { parsePeriodToken } from "../../src/core/periods";
import { buildReport } from "../../src/core/report";
import { LOG_SHEET } from "../../src/layout/logSheet";
import { reportSheetWithInfo, trackedWorkbookLayout } from "../../src/layout/reportSheet";
import type { Cell, SheetLayout } from "../../src/layout/types";
import { PLAN_TABLE } from "../../src/layout/planColumns";
import { AS_OF, demoLog, demoModel } from "./fixtures";

const formulas = (s: SheetLayout): string[] => [
  ...Object.values(s.cells).map((c) => c.f).filter((f): f is string => !!f),
  ...s.tables.flatMap((t) => t.rows.flat().map((c) => c.f).filter((f): f is string => !!f)),
];
const texts = (s: SheetLayout) => Object.values(s.cells).map((c) => String(c.v ?? ""));

describe("a report sheet (Quý II/2024)", () => {
  const model = demoModel("custom");
  const log = demoLog();
  const period = parsePeriodToken("Q2-2024");
  const { sheet, info } = reportSheetWithInfo({ model, log, period });

  it("is laid out as an administrative report (Nghị định 30/2020)", () => {
    expect(sheet.name).toBe("BC Quý II-2024");
    expect(sheet.role).toBe("report");
    expect(sheet.cells.A1.v).toBe("UBND XÃ HỒNG LỘC");
    expect(sheet.cells.E1.v).toBe("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(sheet.cells.E2.v).toBe("Độc lập - Tự do - Hạnh phúc");
    expect(String(sheet.cells.A2.v)).toMatch(/^Số:\s+\/BC-UBND$/);
    expect(sheet.cells.E3.v).toBe("Hồng Lộc, ngày 14 tháng 06 năm 2024");
    expect(sheet.cells.A5.v).toBe("BÁO CÁO");
    expect(String(sheet.cells.A6.v)).toContain("Quý II năm 2024");
    expect(String(sheet.cells.A7.v)).toContain("từ ngày 15/03/2024 đến ngày 14/06/2024");
    const t = texts(sheet);
    expect(t).toContain("Nơi nhận:");
    expect(t).toContain("TM. ỦY BAN NHÂN DÂN");
    expect(t).toContain("CHỦ TỊCH");
    expect(t).toContain("Lê Viết Bình");
    expect(t.some((x) => /^1\. Trong kỳ \(Quý II\/2024\): hoàn thành \d+\/\d+ nhiệm vụ, đạt [\d,]+%$/.test(x))).toBe(true);
    expect(t.some((x) => /^2\. Lũy kế từ đầu năm/.test(x))).toBe(true);
  });

  it("prints A4 landscape, one page wide, with repeated title rows and page numbers", () => {
    expect(sheet.print).toMatchObject({ orientation: "landscape", fitToWidth: true, pageNumbers: true });
    expect(sheet.print.titleRows).toMatch(/^\$\d+:\$\d+$/);
  });

  it("has a native chart of completion by group over the group table", () => {
    expect(sheet.charts).toHaveLength(1);
    const c = sheet.charts[0];
    const first = info.groupRows.I;
    expect(c.categories).toBe(`$A$${first}:$A$${first + 6}`);
    expect(c.series[0].values).toBe(`$J$${first}:$J$${first + 6}`);
    expect(c.data!.categories).toEqual(["I", "II", "III", "IV", "V", "VI", "VII"]);
  });

  it("uses only formulas Excel 2016 and LibreOffice both compute (no structured refs, MAXIFS, CCHC.*, array tricks)", () => {
    const fs = formulas(sheet);
    expect(fs.length).toBeGreaterThan(500);
    for (const f of fs) {
      expect(f).not.toMatch(/\[|MAXIFS|MINIFS|CCHC\.|LOOKUP\(2|TEXTJOIN|(^|[^A-Z])IFS\(|LET\(|FILTER\(/);
    }
    expect(fs.some((f) => f.includes(`'${LOG_SHEET}'!$A$5:$A$1004`))).toBe(true);
  });

  it("caches the core's figures in its formula cells", () => {
    const report = buildReport(model.plan, log, period, null, model.settings, undefined);
    const row = info.groupTotalRow;
    const v = (a1: string) => sheet.cells[a1]?.v;
    expect(v(`C${row}`)).toBe(60);
    expect(v(`D${row}`)).toBe(report.totals.due);
    expect(v(`E${row}`)).toBe(report.totals.doneOnTime);
    expect(v(`H${row}`)).toBe(report.totals.noReport);
    expect(v(`I${row}`)).toBe(report.totals.overdue);
    expect(v(`J${row}`)).toBe(report.totals.completionRate);
    const group = sheet.tables.find((t) => t.name === "BC_Q2_2024_Nhom")!;
    group.rows.forEach((cells: Cell[], i) => {
      const g = report.byGroup[i];
      expect(cells.slice(2).map((c) => c.v)).toEqual([g.activities, g.due, g.doneOnTime, g.doneLate, g.inProgress, g.noReport, g.overdue, g.completionRate ?? ""]);
    });
    const leads = sheet.tables.find((t) => t.name === "BC_Q2_2024_DonVi")!;
    expect(leads.rows.map((r) => r[1].v)).toEqual(report.byLead.map((l) => l.lead));
    const list = sheet.tables.find((t) => t.name === "BC_Q2_2024_DonDoc")!;
    expect(list.rows).toHaveLength(report.overdue.length);
    expect(list.rows.map((r) => r[6].v)).toEqual(report.overdue.map((o) => o.statusLabel));
  });

  it("keeps the working columns hidden, one row per activity", () => {
    const work = sheet.tables.find((t) => t.name === "BC_Q2_2024_TinhToan")!;
    expect(work.rows).toHaveLength(60);
    expect(work.columns.every((c) => c.hidden)).toBe(true);
    expect(work.origin).toBe("K11");
  });

  it("standalone (district export): values only, no working columns", () => {
    const { sheet: s } = reportSheetWithInfo({ model, log, period, standalone: true });
    expect(formulas(s)).toEqual([]);
    expect(s.tables.some((t) => t.name.endsWith("TinhToan"))).toBe(false);
    expect(s.cells[`D${info.groupTotalRow}`].v).toBe(sheet.cells[`D${info.groupTotalRow}`].v);
  });
});

describe("the tracked workbook", () => {
  it("links the plan's completion date and evidence to the log and appends log and report sheets", () => {
    const periods = ["Q1-2024", "Q2-2024"].map((t) => parsePeriodToken(t));
    const { layout, reports } = trackedWorkbookLayout(demoModel("native"), demoLog(), { periods, sample: true });
    expect(layout.sheets.map((s) => s.name).slice(-3)).toEqual([LOG_SHEET, "BC Quý I-2024", "BC Quý II-2024"]);
    expect(reports.map((r) => r.report.period.token)).toEqual(["Q1-2024", "Q2-2024"]);
    const plan = layout.sheets.find((s) => s.role === "plan")!;
    const table = plan.tables.find((t) => t.name === PLAN_TABLE)!;
    const done = table.columns.findIndex((c) => c.key === "completedOn");
    expect(table.rows[0][done].f).toMatch(/SUMPRODUCT\(MAX\(/);
    expect(table.rows.some((r) => typeof r[done].v === "string" && r[done].v)).toBe(true);
    const log = layout.sheets.find((s) => s.role === "log")!;
    expect(String(log.cells.A3.v)).toContain("DỮ LIỆU MẪU");
    expect(log.validations.map((v) => v.type)).toEqual(["date", "list", "list", "date"]);
  });
});

describe("a report as of a chosen date", () => {
  it("as of a date other than the cut-off end", () => {
    const { info } = reportSheetWithInfo({ model: demoModel(), log: demoLog(), period: parsePeriodToken("Q3-2024"), asOf: "2024-08-01" });
    expect(info.report.asOf).toBe("2024-08-01");
    expect(AS_OF).toBe("2024-09-14");
  });
});
