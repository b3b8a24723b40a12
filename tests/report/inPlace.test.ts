import { strFromU8, unzipSync, zipSync } from "fflate";
import { parsePeriodToken, type Period } from "../../src/core/periods";
import type { LogEntry } from "../../src/core/progress";
import { buildReports, type BuildReportsOptions } from "../../src/app/buildReports";

/** The report use case on an .xlsx file: the new file's bytes (null when nothing was written). */
async function buildReportsInPlace(bytes: Uint8Array, periods: Period[], options: BuildReportsOptions = {}) {
  const file = xlsxWorkbook(bytes);
  const r = await buildReports(file, periods, options);
  return { ...r, bytes: r.applied ? file.bytes() : null };
}
import { readWorkbook } from "../../src/app/readWorkbook";
import { xlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { readSheetRoles } from "../../src/adapters/xlsx/xlsxRead";

import { XlsxFile } from "../../src/export/xlsxCells";
import { trackedWorkbookLayout } from "../../src/layout/reportSheet";
import { emptySheet } from "../../src/layout/types";
import { writeXlsx } from "../../src/render/exceljs";
import { setOwnerMarkers } from "../../src/render/xlsxPostProcess";
import { DEFAULT_UNITS } from "../../src/core/units";
import { demoLog, demoModel, PLAN } from "./fixtures";

const Q1 = parsePeriodToken("Q1-2024");
const Q2 = parsePeriodToken("Q2-2024");
const Q3 = parsePeriodToken("Q3-2024");
const NINE = parsePeriodToken("9M-2024");

/** A tracked workbook with reports Q1, Q2 and a person's own sheet named like the Q3 report. */
async function workbook(log: LogEntry[]) {
  const mine = emptySheet("BC Quý III-2024", "report");
  mine.cells.A1 = { v: "Bảng của tôi" };
  mine.cells.B2 = { v: 42 };
  const built = trackedWorkbookLayout(demoModel("native"), log, {
    periods: [Q1, Q2],
    extraSheets: [mine],
    fields: { "Q2-2024": { number: "Số: 45/BC-UBND", signer: "Nguyễn Văn An" } },
  });
  const raw = await writeXlsx(built.layout, { created: new Date(Date.UTC(2024, 8, 14)) });
  const files = unzipSync(raw);
  setOwnerMarkers(files, built.layout.sheets.map((s) => (s.name === mine.name ? null : s.role)));
  return { bytes: zipSync(files), built };
}

describe("building report sheets inside an existing workbook", () => {
  const log = demoLog();
  let bytes: Uint8Array;
  let built: Awaited<ReturnType<typeof workbook>>["built"];
  beforeAll(async () => {
    ({ bytes, built } = await workbook(log));
  });

  it("reads the workbook back into the model, the log and its report sheets", async () => {
    const read = await readWorkbook(xlsxWorkbook(bytes));
    expect(read.model.plan.activities.map((a) => a.id)).toEqual(PLAN.activities.map((a) => a.id));
    expect(read.model.plan.activities[3]).toEqual(PLAN.activities[3]);
    expect(read.model.settings.asOf).toBe("2024-09-14");
    expect(read.model.mode).toBe("native");
    expect(read.log.map(({ row: _row, ...e }) => e)).toEqual(log);
    expect(read.log[0].row).toBe(5);
    expect(read.logProblems).toEqual([]);
    expect(read.sheets.find((s) => s.name === "BC Quý III-2024")!.role).toBeNull();
    expect(read.reports.map((r) => [r.name, r.period.token, r.asOf])).toEqual([
      ["BC Quý I-2024", "Q1-2024", "2024-03-14"],
      ["BC Quý II-2024", "Q2-2024", "2024-06-14"],
    ]);
    expect(read.reports[1].fields).toMatchObject({ number: "Số: 45/BC-UBND", signer: "Nguyễn Văn An" });
    expect(read.model.plan.groups.map((g) => g.id)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VII.A", "VII.B"]);
    expect(read.units?.map((u) => u.name)).toEqual(DEFAULT_UNITS.map((u) => u.name));
  });

  it("renames a person's sheet named like the report aside (never overwritten) and says so", async () => {
    const r = await buildReportsInPlace(bytes, [Q3]);
    expect(r.applied.renamedAside).toEqual([{ from: "BC Quý III-2024", to: "BC Quý III-2024 (cũ)" }]);
    expect(r.applied.messages[0].vi).toContain('đã được đổi tên thành "BC Quý III-2024 (cũ)" (không bị xóa)');
    const roles = readSheetRoles(r.bytes!);
    expect(roles.find((s) => s.name === "BC Quý III-2024 (cũ)")?.role).toBeNull();
    expect(roles.find((s) => s.name === "BC Quý III-2024")?.role).toBe("report");
    const x = XlsxFile.open(r.bytes!);
    expect(x.cell("BC Quý III-2024 (cũ)", "A1")).toBe("Bảng của tôi");
    expect(x.cell("BC Quý III-2024 (cũ)", "B2")).toBe(42);
  });

  it("builds the asked report, rebuilds the others, keeps the person's sheet, markers, texts and charts", async () => {
    const r = await buildReportsInPlace(bytes, [NINE]);
    expect(r.applied.renamedAside).toEqual([]);
    expect(r.built.map((b) => b.name)).toEqual(["BC 9 tháng-2024"]);
    expect(r.rebuilt).toEqual(["BC Quý I-2024", "BC Quý II-2024"]);
    const out = r.bytes!;
    const roles = readSheetRoles(out);
    expect(roles.map((s) => [s.name, s.role])).toEqual([
      ...built.layout.sheets.map((s) => [s.name, s.name === "BC Quý III-2024" ? null : s.role]),
      ["BC 9 tháng-2024", "report"],
    ]);
    const x = XlsxFile.open(out);
    expect(x.cell("BC Quý III-2024", "A1")).toBe("Bảng của tôi");
    expect(x.cell("BC Quý III-2024", "B2")).toBe(42);
    expect(x.cell("BC Quý II-2024", "A2")).toBe("Số: 45/BC-UBND");
    const q2 = built.reports.find((b) => b.name === "BC Quý II-2024")!;
    expect(x.cell("BC Quý II-2024", q2.fieldCells.signer)).toBe("Nguyễn Văn An");
    const files = unzipSync(out);
    expect(Object.keys(files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(3);
    const ct = strFromU8(files["[Content_Types].xml"]);
    expect(ct).toContain("/xl/charts/chart3.xml");
    expect(ct).toContain("drawingml.chart+xml");
    // the new sheet's figures are those of the core, at the same places as in a fresh build
    const fresh = trackedWorkbookLayout(demoModel("native"), log, { periods: [NINE] }).reports[0];
    for (const [a1, v] of Object.entries(fresh.keyCells)) expect(x.cell("BC 9 tháng-2024", a1) ?? "").toEqual(v ?? "");
  });

  it("rebuilding a past period's report after later log entries gives the same numbers", async () => {
    const later: LogEntry[] = PLAN.activities.map((a, i) => ({
      date: "2024-07-01", activityId: a.id, status: i % 2 ? "done" : "in-progress", completedOn: i % 3 ? "2024-01-05" : null, evidence: "", note: "sau kỳ", who: "test",
    }));
    const { bytes: longer } = await workbook([...log, ...later]);
    const r = await buildReportsInPlace(longer, [Q1, Q2]);
    const x = XlsxFile.open(r.bytes!);
    for (const info of built.reports) {
      for (const [a1, v] of Object.entries(info.keyCells)) expect([info.name, a1, x.cell(info.name, a1) ?? ""]).toEqual([info.name, a1, v ?? ""]);
    }
  });
});

describe("progress entered by people survives rebuilds", () => {
  it("the log read back and rebuilt gives the same log and the same reports", async () => {
    const log = demoLog();
    const first = trackedWorkbookLayout(demoModel("native"), log, { periods: [Q2] });
    const read1 = await readWorkbook(xlsxWorkbook(await writeXlsx(first.layout)));
    const again = trackedWorkbookLayout(read1.model, read1.log, { periods: [Q2], units: read1.units ?? undefined });
    const read2 = await readWorkbook(xlsxWorkbook(await writeXlsx(again.layout)));
    const strip = (l: LogEntry[]) => l.map(({ row: _r, ...e }) => e);
    expect(strip(read2.log)).toEqual(log);
    expect(again.reports[0].keyCells).toEqual(first.reports[0].keyCells);
  });

  it("completion dates typed in an older workbook's plan (no log) become log entries and count", async () => {
    const model = demoModel("native");
    const a = PLAN.activities.find((x) => x.deadline === "Quý II")!;
    model.progress[a.id] = { completedOn: "2024-05-20", evidence: "9/BC-UBND" };
    const { buildWorkbookLayout } = await import("../../src/layout/workbook");
    const old = await writeXlsx(buildWorkbookLayout(model));
    const r = await buildReportsInPlace(old, [Q2]);
    expect(r.read.log).toEqual([expect.objectContaining({ activityId: a.id, status: "done", completedOn: "2024-05-20", evidence: "9/BC-UBND", who: "Chuyển từ bảng Kế hoạch" })]);
    expect(r.read.warnings.map((w) => w.en).join(" ")).toMatch(/became log entries/);
    const roles = readSheetRoles(r.bytes!);
    expect(roles.find((s) => s.name === "Nhật ký tiến độ")?.role).toBe("log");
    const item = r.built[0].report.items.find((i) => i.id === a.id)!;
    expect(item.status).toBe("done-on-time");
    const again = await readWorkbook(xlsxWorkbook(r.bytes!));
    expect(again.log).toHaveLength(1);
  });
});
