/**
 * The task pane's operations (src/taskpane/services/ops.ts) against the fake Excel host in Node:
 * import and re-import (progress kept, removed activities archived), the selection reader with
 * and without merged areas, logging, reports (edited texts kept on rebuild), checks, and the
 * whole flow on Excel 2019 (native formulas, no CCHC.*).
 */
import { installExcelHost as installFakeOffice, type InstalledExcelHost as InstalledFake, type ExcelHostOptions as FakeExcelOptions } from "../excelHost";
import { detectCapabilities } from "../../src/render/officejs/capabilities";
import { readTable, writeTableCells } from "../excelHost/tables";
import { LOG_COLUMN_SPECS as LOG_SPECS, PLAN_COLUMN_SPECS } from "../../src/layout/columnSpecs";
import { PLAN_TABLE } from "../../src/layout/planColumns";
import * as ops from "../../src/taskpane/services/ops";
import { makeActivities } from "../../src/core/plan";

let fake: InstalledFake;

function install(options: FakeExcelOptions = {}): InstalledFake {
  fake = installFakeOffice(globalThis, { today: "2024-06-14", displayLanguage: "vi-VN", customFunctionsNamespace: "CCHC", ...options });
  return fake;
}

afterEach(() => fake?.uninstall());

const caps = () => detectCapabilities(fake.Office);

async function importEmbedded() {
  const preview = await ops.previewImport({ kind: "embedded" }, {}, caps());
  return { preview, applied: await ops.applyImport(preview, caps()) };
}

function sheetNames(): string[] {
  return fake.snapshot().sheets.map((s: { name: string }) => s.name);
}

async function logRows() {
  const read = await fake.Excel.run((ctx: Excel.RequestContext) => readTable(ctx, "NhatKy", LOG_SPECS));
  return read!.rows.filter((r) => r.activityId);
}

describe("import and re-import", () => {
  it("imports the embedded plan with the log, then re-imports a revision keeping progress and archiving what left", async () => {
    install();
    const { preview, applied } = await importEmbedded();
    expect(preview.view.activityCount).toBe(60);
    expect(preview.view.diff).toBeUndefined();
    expect(applied.activities).toBe(60);
    expect(applied.findings.error).toBeGreaterThan(0);
    expect(sheetNames()).toEqual(expect.arrayContaining(["Kế hoạch", "Kiểm tra", "Chỉ tiêu", "Đơn vị", "Cài đặt", "Nhật ký tiến độ"]));
    let state = await ops.readWorkbookState(caps());
    expect(state.hasPlan).toBe(true);
    expect(state.activities).toHaveLength(60);

    // Progress: a log entry, and a note typed on the plan sheet.
    const [a0, a1, a2] = state.activities;
    await ops.addLogEntry({ activityId: a1.id, date: "2024-05-20", status: "done", completedOn: "2024-05-18", evidence: "=HYPERLINK(\"http://x\",\"y\")", note: "@SUM(1+1)", who: "TP-HT" }, caps());
    await fake.Excel.run((ctx: Excel.RequestContext) => writeTableCells(ctx, PLAN_TABLE, PLAN_COLUMN_SPECS, [{ rowIndex: 2, key: "note", value: "Ghi chú của tôi" }]));
    state = await ops.readWorkbookState(caps());
    expect(state.activities[1].status).toMatch(/Hoàn thành/);

    // A revision: the first activity removed, one added at the end, the third reworded slightly.
    const revised = { ...preview.plan };
    const rows = preview.plan.activities.slice(1).map(({ id: _id, ...rest }) => rest);
    rows[1] = { ...rows[1], output: `${rows[1].output} (sửa)` };
    rows.push({ ...rows[rows.length - 1], objectiveNo: "1.9", objective: "Mục tiêu bổ sung về số hóa hồ sơ", taskNo: "2.9", task: "Rà soát kho lưu trữ", activityNo: "3.99", activity: "Số hóa hồ sơ lưu trữ năm 2020-2023" });
    revised.activities = makeActivities(rows);
    const rePreview = await ops.previewImport({ kind: "embedded" }, {}, caps());
    const second = { ...rePreview, plan: revised };
    const again = await ops.applyImport(second, caps());
    expect(again.archived).toBe(1);
    expect(sheetNames()).toContain("Lưu trữ");
    expect(sheetNames().filter((n) => n === "Kế hoạch")).toHaveLength(1);
    state = await ops.readWorkbookState(caps());
    expect(state.activities).toHaveLength(60);
    expect(state.activities.some((a) => a.id === a0.id)).toBe(false);
    expect(state.activities.find((a) => a.id === a1.id)!.status).toMatch(/Hoàn thành/);
    // The log entry and the plan note survived; hostile text stayed text.
    const log = await logRows();
    expect(log).toHaveLength(1);
    expect(log[0].activityId).toBe(a1.id);
    expect(log[0].evidence).toBe("=HYPERLINK(\"http://x\",\"y\")");
    expect(log[0].note).toBe("@SUM(1+1)");
    const plan = await fake.Excel.run((ctx: Excel.RequestContext) => readTable(ctx, PLAN_TABLE, PLAN_COLUMN_SPECS));
    expect(plan!.rows.find((r) => r.id === a2.id)!.note).toBe("Ghi chú của tôi");
    const archived = await fake.Excel.run((ctx: Excel.RequestContext) => readTable(ctx, "LuuTru", [{ key: "id", header: "Mã" }]));
    expect(archived!.rows.map((r) => r.id)).toEqual([a0.id]);
    // A third import archives nothing new and keeps the archive.
    const third = await ops.applyImport(second, caps());
    expect(third.archived).toBe(0);
    const still = await fake.Excel.run((ctx: Excel.RequestContext) => readTable(ctx, "LuuTru", [{ key: "id", header: "Mã" }]));
    expect(still!.rows.map((r) => r.id)).toEqual([a0.id]);
    // No name or formula was left pointing at a deleted sheet.
    const snap = JSON.stringify(fake.snapshot());
    expect(snap).not.toMatch(/#REF!/);
    expect(snap).not.toMatch(/~cchc/);
  }, 120000);

  it("shows the re-import diff before applying", async () => {
    install();
    const { preview } = await importEmbedded();
    const again = await ops.previewImport({ kind: "embedded" }, {}, caps());
    expect(again.view.diff).toEqual({ added: [], removed: [], changed: [], kept: 60 });
    expect(preview.view.headerMapping.find((m) => m.field === "lead")!.label).toBe("5- Chủ trì");
  });
});

const GRID_ROWS = [
  ["PHỤ LỤC: KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2024", "", "", "", "", "", "", "", ""],
  ["TT", "Mục tiêu/Chỉ tiêu/nội dung", "Nhiệm vụ", "Hoạt động", "Kết quả, sản phẩm", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Kinh phí"],
  ["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", "", "", "", "", "", "", ""],
  ["1", "1.1 Mục tiêu thứ nhất của nhóm", "2.1 Nhiệm vụ thứ nhất", "3.1 Hoạt động một", "Kế hoạch", "Văn phòng", "Tư pháp", "Quý I", ""],
  ["2", "", "", "3.2 Hoạt động hai", "Báo cáo", "Tư pháp", "", "Quý II", ""],
  ["3", "", "2.2 Nhiệm vụ thứ hai", "3.3 Hoạt động ba", "Báo cáo", "Văn phòng", "", "Tháng 6", ""],
];

describe("the selection as an appendix", () => {
  const workbook = {
    sheets: [{ name: "Phụ lục", values: GRID_ROWS, merges: ["A1:I1", "B3:I3", "B4:B6", "C4:C5"], selection: "A1:I6" }],
    activeSheet: "Phụ lục",
  };

  it("reads values and merged areas (ExcelApi 1.13) and fills merged objective and task cells down", async () => {
    install({ workbook });
    const preview = await ops.previewImport({ kind: "selection" }, { year: 2024, commune: "Thử" }, caps());
    expect(preview.view.selection).toMatchObject({ mergesKnown: true, merges: 4 });
    expect(preview.view.selection!.warning).toBeUndefined();
    const acts = preview.plan.activities;
    expect(acts.map((a) => a.activityNo)).toEqual(["3.1", "3.2", "3.3"]);
    expect(acts[1].objective).toBe(acts[0].objective);
    expect(acts[1].task).toBe(acts[0].task);
    expect(acts[2].task).not.toBe(acts[0].task);
    expect(preview.view.headerMapping.find((m) => m.field === "deadline")!.label).toBe("Thời gian hoàn thành");
  });

  it("without ExcelApi 1.13, says what is lost", async () => {
    install({ workbook, requirementSets: { ExcelApi: "1.12", SharedRuntime: "1.1", CustomFunctionsRuntime: "1.1" } });
    const preview = await ops.previewImport({ kind: "selection" }, { year: 2024 }, caps());
    expect(preview.view.selection).toMatchObject({ mergesKnown: false, merges: 0 });
    expect(preview.view.selection!.warning!.vi).toMatch(/ô gộp/);
    expect(preview.plan.activities.length).toBeGreaterThan(0);
  });

  it("refuses an empty selection with a plain sentence", async () => {
    install();
    await expect(ops.previewImport({ kind: "selection" }, {}, caps())).rejects.toMatchObject({ messageVi: expect.stringMatching(/không có dữ liệu/) });
  });
});

describe("checks, reports and export", () => {
  it("re-checks, builds the Q2 report with its chart, keeps edited texts on rebuild, exports", async () => {
    install();
    await importEmbedded();
    const { findings } = await ops.runChecks(caps());
    const missing = findings.filter((f) => f.code === "OWNER_MISSING");
    expect(missing.length).toBe(5);
    expect(missing[0].cell).toMatch(/^'Kế hoạch'!J\d+$/);
    await ops.goToCell(missing[0].cell);
    expect(fake.snapshot().activeSheet).toBe("Kế hoạch");

    const { summary } = await ops.buildReport({ kind: "quarter", year: 2024, quarter: 2 }, caps());
    expect(summary.sheet).toBe("BC Quý II-2024");
    const sheet = fake.snapshot().sheets.find((s: { name: string }) => s.name === "BC Quý II-2024")!;
    expect(sheet.charts!.length).toBe(1);
    // A person fills in the document number; a rebuild keeps it.
    await fake.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem("BC Quý II-2024").getRange("A2").values = [["Số: 45/BC-UBND"]];
      await ctx.sync();
    });
    await ops.buildReport({ kind: "quarter", year: 2024, quarter: 2 }, caps());
    const rebuilt = fake.snapshot().sheets.find((s: { name: string }) => s.name === "BC Quý II-2024")!;
    const a2 = rebuilt.cells!.A2 as { v: unknown } | string;
    expect(typeof a2 === "object" ? a2.v : a2).toBe("Số: 45/BC-UBND");
    expect(sheetNames().filter((n) => n.startsWith("BC "))).toEqual(["BC Quý II-2024"]);

    const out = await ops.exportForDistrict(["BC Quý II-2024"], true, caps());
    expect(out.opened).toBe(true);
    expect(out.fileName).toBe("BC-CCHC-hong-loc-Q2-2024.xlsx");
    expect(fake.createdWorkbooks).toHaveLength(1);
  }, 120000);
});

describe("Excel 2019: no custom functions, no shared runtime", () => {
  it("imports, logs, checks and reports with built-in formulas only", async () => {
    install({ requirementSets: "excel2019" });
    expect(caps().formulaMode).toBe("native");
    const { applied } = await importEmbedded();
    expect(applied.render.skipped.map((s) => s.feature).sort()).toEqual(["dataValidation", "pageLayout"]);
    const state = await ops.readWorkbookState(caps());
    await ops.addLogEntry({ activityId: state.activities[0].id, date: "2024-04-02", status: "done", completedOn: null, evidence: "CV 12", note: "", who: "" }, caps());
    await ops.runChecks(caps());
    const { summary } = await ops.buildReport({ kind: "half", year: 2024 }, caps());
    expect(summary.sheet).toBe("BC 6 tháng-2024");
    expect(JSON.stringify(fake.snapshot())).not.toMatch(/CCHC\.[A-Z]+\(/);
    // No createWorkbook before ExcelApi 1.8: a download instead.
    const out = await ops.exportForDistrict(["BC 6 tháng-2024"], false, caps());
    expect(out.opened).toBe(false);
    expect(out.bytes).toBeGreaterThan(1000);
  }, 120000);
});

describe("settings", () => {
  it("saves the settings sheet and keeps every workbook name pointing at it", async () => {
    install();
    await importEmbedded();
    const state = await ops.readWorkbookState(caps());
    const next = { ...(state.settings as Required<typeof state.settings>), asOf: "2024-09-14", signer: "Nguyễn Văn A" } as never;
    await ops.saveSettings(next, caps());
    const again = await ops.readWorkbookState(caps());
    expect(again.settings!.asOf).toBe("2024-09-14");
    expect(again.settings!.signer).toBe("Nguyễn Văn A");
    const names = fake.snapshot().names as Array<{ name: string; formula: string }>;
    for (const n of names.filter((x) => x.name.startsWith("CCHC_") && x.name !== "CCHC_FINDING_KEYS")) expect(n.formula).toMatch(/^='Cài đặt'!/);
    expect(JSON.stringify(names)).not.toMatch(/#REF!|~cchc/);
  });
});
