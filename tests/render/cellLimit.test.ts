/**
 * Excel holds at most 32,767 characters in a cell. A longer field (a 1 MB activity cell pasted
 * into the appendix) is never written as it is: both renderers (exceljs for files, Office.js for
 * the live workbook) and the Office.js table writers cut it to 32,767 characters ending in
 * "… [cắt bớt]", and the importer warns about each field over the limit.
 */
import ExcelJS from "exceljs";
import { createExcelHost as createFakeExcel } from "../excelHost";
import { EXCEL_CELL_MAX_CHARS, fitCellText, TRUNCATION_MARKER } from "../../src/core/text";
import { makeActivities, type Plan } from "../../src/core/plan";
import { defaultSettings } from "../../src/core/settings";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { parseAppendix } from "../../src/import/appendix";
import { gridFromValues } from "../../src/import/grid";
import { PLAN_TABLE } from "../../src/layout/planColumns";
import { buildWorkbookLayout } from "../../src/layout/workbook";
import { writeXlsx } from "../../src/render/exceljs";
import { detectCapabilities, renderLayout } from "../../src/render/officejs";
import { readPlanTable, writeTableCells } from "../excelHost/tables";
import { PLAN_COLUMN_SPECS } from "../../src/layout/columnSpecs";
import { SEED_HEADER } from "../helpers/docxWriter";

const LONG = "Xây dựng, ban hành và tổ chức thực hiện kế hoạch cải cách hành chính; ".repeat(600).trim(); // ~42,000 characters
const CUT = fitCellText(LONG);

function longPlan(): Plan {
  const rows = HONG_LOC_2024.activities.map(({ id: _id, ...a }, i) => (i === 0 ? { ...a, activity: LONG } : a));
  return { ...HONG_LOC_2024, activities: makeActivities(rows) };
}

describe("fitCellText", () => {
  test("up to 32,767 characters: unchanged; longer: 32,767 characters ending in the marker", () => {
    expect(EXCEL_CELL_MAX_CHARS).toBe(32767);
    expect(TRUNCATION_MARKER).toBe("… [cắt bớt]");
    const exact = "a".repeat(32767);
    expect(fitCellText(exact)).toBe(exact);
    expect(LONG.length).toBeGreaterThan(40000);
    expect(CUT).toHaveLength(32767);
    expect(CUT.endsWith("… [cắt bớt]")).toBe(true);
    expect(LONG.startsWith(CUT.slice(0, -TRUNCATION_MARKER.length))).toBe(true);
  });

  test("a smaller limit (the Office.js writers' quote prefix takes one character)", () => {
    expect(fitCellText(LONG, 32766)).toHaveLength(32766);
    expect(fitCellText(LONG, 32766).endsWith(TRUNCATION_MARKER)).toBe(true);
  });

  test("never splits a surrogate pair", () => {
    const at = EXCEL_CELL_MAX_CHARS - TRUNCATION_MARKER.length - 1;
    const s = "a".repeat(at) + "😀".repeat(10);
    const cut = fitCellText(s);
    expect(cut.endsWith(`a${TRUNCATION_MARKER}`)).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(32767);
  });
});

describe("the renderers cut a text longer than a cell holds", () => {
  test("exceljs (files): the cell holds 32,767 characters ending in the marker; other cells as they were", async () => {
    const plan = longPlan();
    const bytes = await writeXlsx(buildWorkbookLayout({ plan, settings: defaultSettings(plan), progress: {}, mode: "native" }));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Kế hoạch")!;
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => { if (typeof c.value === "string") texts.push(c.value); }));
    expect(texts.every((t) => t.length <= 32767)).toBe(true);
    expect(texts).toContain(CUT);
    expect(texts).toContain(plan.activities[1].activity);
  });

  test("Office.js (live workbook): the plan table and a note written by the task pane are cut the same way", async () => {
    const fake = createFakeExcel({ today: "2024-06-14" });
    const plan = longPlan();
    const layout = buildWorkbookLayout({ plan, settings: defaultSettings(plan, "2024-06-14"), progress: {}, mode: "custom" });
    await fake.Excel.run((ctx: Excel.RequestContext) => renderLayout(ctx, layout, { capabilities: detectCapabilities(fake.Office), token: "t" }));
    const read = await fake.Excel.run((ctx: Excel.RequestContext) => readPlanTable(ctx));
    expect(read!.rows[0].activity).toBe(CUT);
    expect(read!.rows[1].activity).toBe(plan.activities[1].activity);
    await fake.Excel.run((ctx: Excel.RequestContext) => writeTableCells(ctx, PLAN_TABLE, PLAN_COLUMN_SPECS, [{ rowIndex: 2, key: "note", value: `=${LONG}` }]));
    const after = await fake.Excel.run((ctx: Excel.RequestContext) => readPlanTable(ctx));
    // The quote prefix that keeps "=…" text counts against the limit: one character less.
    expect(after!.rows[2].note).toBe(fitCellText(`=${LONG}`, 32766));
    expect(String(after!.rows[2].note).endsWith("… [cắt bớt]")).toBe(true);
  });
});

describe("the importer warns about a field over the limit", () => {
  test("one warning per field, naming the activity, the field and its length", () => {
    const p = parseAppendix(gridFromValues([SEED_HEADER, ["I", "CÔNG TÁC CHỈ ĐẠO"], ["1", "1.1. Mục tiêu", "2.1. Nhiệm vụ", `3.1. ${LONG}`, LONG, "Tư pháp", "", "Năm 2024", ""], ["", "", "", "3.2. Ngắn", "Báo cáo", "Văn hóa", "", "Quý I", ""]]));
    expect(p.activities[0].activity).toBe(LONG); // the model keeps the whole text; only the workbook cell is cut
    const long = p.warnings.filter((w) => /32\.767 ký tự/.test(w.vi));
    const grouped = (sep: string) => LONG.length.toString().replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    expect(long).toEqual([
      {
        vi: `Hoạt động 3.1 (nhóm I): nội dung "Hoạt động" dài ${grouped(".")} ký tự, quá giới hạn 32.767 ký tự của một ô Excel; khi ghi vào sổ sẽ bị cắt bớt (kết thúc bằng "… [cắt bớt]"). Hãy rút gọn nội dung này trong phụ lục.`,
        en: `Activity 3.1 (group I): its activity ("Hoạt động") is ${grouped(",")} characters long, over Excel's limit of 32,767 characters a cell; it will be cut when written to the workbook (ending in "… [cắt bớt]"). Shorten it in the appendix.`,
      },
      { vi: expect.stringMatching(/^Hoạt động 3\.1 \(nhóm I\): nội dung "Kết quả, sản phẩm" dài/), en: expect.stringMatching(/^Activity 3\.1 \(group I\): its output \("Kết quả, sản phẩm"\) is/) },
    ]);
  });
});
