/**
 * The complete embedded plan (src/data/hongLoc2024.ts) written to a real .docx (merged objective
 * and task cells, group rows spanning the table, numbered activities sharing a cell) and to an
 * .xlsx with merged areas, then imported back: the same groups and activities, field for field.
 */
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { defaultSettings } from "../../src/core/settings";
import { parsePeriodToken } from "../../src/core/periods";
import { buildWorkbookLayout } from "../../src/layout/workbook";
import { trackedWorkbookLayout } from "../../src/layout/reportSheet";
import { writeXlsx } from "../../src/render/exceljs";
import { numberOfLabel, fieldOfLabel } from "../../src/import/header";
import { PLAN_COLUMNS } from "../../src/layout/planColumns";
import { demoLog, demoModel } from "../report/fixtures";
import { parseAppendix } from "../../src/import/appendix";
import { importDocx } from "../../src/import/importFile";
import { planFromAppendix } from "../../src/import/planFromAppendix";
import { readXlsxGrid } from "../../src/import/xlsxGrid";
import { gridFromValues } from "../../src/import/grid";
import { appendixRows, planToDocx } from "../helpers/docxWriter";
import { sheetsToXlsx } from "../helpers/xlsxWriter";

const TITLE = ["UBND XÃ HỒNG LỘC", "KẾ HOẠCH", "Cải cách hành chính xã Hồng Lộc năm 2024", "PHỤ LỤC", "KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2024"];

describe("embedded plan round trip", () => {
  test.each(["none", "paragraphs", "inline"] as const)("via .docx, activities sharing a cell: %s", (combine) => {
    const bytes = planToDocx(HONG_LOC_2024, { title: TITLE, combine, numberingRow: combine === "paragraphs" });
    const parsed = importDocx(bytes);
    expect(parsed.activities).toHaveLength(HONG_LOC_2024.activities.length);
    expect(parsed.activities).toEqual(HONG_LOC_2024.activities);
    expect(parsed.groups).toEqual(HONG_LOC_2024.groups);
    expect(parsed.meta.year).toBe(HONG_LOC_2024.year);
    expect(parsed.meta.commune).toBe(HONG_LOC_2024.commune);
    expect(parsed.meta.unit).toBe(HONG_LOC_2024.unit);
  });

  test("via .xlsx with merged areas", async () => {
    const bytes = await sheetsToXlsx([{ name: "Phụ lục", titleRows: TITLE, rows: appendixRows(HONG_LOC_2024.groups, HONG_LOC_2024.activities, { combine: "paragraphs" }) }]);
    const parsed = parseAppendix(await readXlsxGrid(bytes));
    expect(parsed.activities).toEqual(HONG_LOC_2024.activities);
    expect(parsed.groups).toEqual(HONG_LOC_2024.groups);
  });
});

test("planFromAppendix keeps the groups once each, in document order (heading VII before VII.A)", () => {
  const plan = planFromAppendix(importDocx(planToDocx(HONG_LOC_2024, { title: TITLE })));
  expect(plan.groups).toEqual(HONG_LOC_2024.groups);
  expect(plan.activities).toEqual(HONG_LOC_2024.activities);
  expect(plan.commune).toBe("Hồng Lộc");
  expect(plan.year).toBe(2024);
});

describe("the add-in's own workbook imported as an appendix (the flat layout of the Kế hoạch sheet)", () => {
  test("'TT mục tiêu / TT nhiệm vụ / TT hoạt động' are number columns, 'Nhóm' the group column; the text columns are the texts", () => {
    const labels = Object.fromEntries(PLAN_COLUMNS.map((c) => [c.key, { field: fieldOfLabel(c.header), number: numberOfLabel(c.header) }]));
    expect(labels.group).toEqual({ field: null, number: "group" });
    expect(labels.objectiveNo).toEqual({ field: null, number: "objectiveNo" });
    expect(labels.taskNo).toEqual({ field: null, number: "taskNo" });
    expect(labels.activityNo).toEqual({ field: null, number: "activityNo" });
    expect(labels.objective).toEqual({ field: "objective", number: null });
    expect(labels.task).toEqual({ field: "task", number: null });
    expect(labels.activity).toEqual({ field: "activity", number: null });
    for (const l of ["STT hoạt động", "Số TT nhiệm vụ", "TT mục tiêu, chỉ tiêu"]) expect(fieldOfLabel(l)).toBeNull();
    expect(["STT hoạt động", "Số TT nhiệm vụ", "TT mục tiêu, chỉ tiêu"].map(numberOfLabel)).toEqual(["activityNo", "taskNo", "objectiveNo"]);
  });

  const builds: Array<[string, () => Promise<Uint8Array>]> = [
    ["buildWorkbookLayout, custom functions", () => writeXlsx(buildWorkbookLayout({ plan: HONG_LOC_2024, settings: defaultSettings(HONG_LOC_2024), progress: {}, mode: "custom" }))],
    ["buildWorkbookLayout, native formulas", () => writeXlsx(buildWorkbookLayout({ plan: HONG_LOC_2024, settings: defaultSettings(HONG_LOC_2024), progress: {}, mode: "native" }))],
    ["trackedWorkbookLayout with a log and report sheets", () => writeXlsx(trackedWorkbookLayout(demoModel("native"), demoLog(), { periods: [parsePeriodToken("Q2-2024")], sample: true }).layout)],
  ];
  test.each(builds)("%s → readXlsxGrid + parseAppendix: the 60 activities of HONG_LOC_2024, field for field", async (_name, build) => {
    const parsed = parseAppendix(await readXlsxGrid(await build()));
    expect(parsed.header.numbers).toEqual({ group: 1, objectiveNo: 2, taskNo: 4, activityNo: 6 });
    expect(parsed.header.columns).toMatchObject({ objective: 3, task: 5, activity: 7 });
    expect(parsed.activities).toHaveLength(60);
    expect(parsed.activities).toEqual(HONG_LOC_2024.activities);
    // Groups: the Nhóm values in order, VII listed as the heading of VII.A and VII.B; the flat
    // table holds no group titles, so they are empty.
    expect(parsed.groups).toEqual(HONG_LOC_2024.groups.map((g) => ({ id: g.id, title: "" })));
    expect(parsed.parents).toEqual([{ id: "VII", title: "" }]);
    expect(parsed.warnings).toEqual([]);
    expect(parsed.meta).toMatchObject({ year: 2024, commune: "Hồng Lộc" });
  });

  test("a flat table typed by hand: Nhóm per row, numbers in TT columns, an empty level filled down only where number and text are both empty", () => {
    const header = ["Nhóm", "TT mục tiêu", "Mục tiêu", "TT nhiệm vụ", "Nhiệm vụ", "TT hoạt động", "Hoạt động", "Chủ trì", "Thời gian hoàn thành"];
    const rows = [
      header,
      ["II", "1.1", "Mục tiêu A", "2.1", "Nhiệm vụ A", "3.1", "3.1. Hoạt động 3.2 và 3.3", "Tư pháp", "Quý I"],
      ["II", "", "", "", "", "3.2", "Hoạt động hai", "Văn hóa", "Quý II"],
      ["vii.a", "1.2", "Mục tiêu B", "", "Nhiệm vụ B", "3.3", "Hoạt động ba", "Công an xã", "Năm 2024"],
    ];
    const parsed = parseAppendix(gridFromValues(rows));
    expect(parsed.rows.map((a) => [a.group, a.objectiveNo, a.objective, a.taskNo, a.task, a.activityNo, a.activity])).toEqual([
      ["II", "1.1", "Mục tiêu A", "2.1", "Nhiệm vụ A", "3.1", "3.1. Hoạt động 3.2 và 3.3"],
      ["II", "1.1", "Mục tiêu A", "2.1", "Nhiệm vụ A", "3.2", "Hoạt động hai"],
      ["VII.A", "1.2", "Mục tiêu B", "", "Nhiệm vụ B", "3.3", "Hoạt động ba"],
    ]);
    expect(parsed.groups.map((g) => g.id)).toEqual(["II", "VII", "VII.A"]);
  });
});
