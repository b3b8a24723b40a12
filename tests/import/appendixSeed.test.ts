/** A seed-shaped appendix (Hồng Lộc 2024 subset) through .docx and through .xlsx: field for field. */
import { makeActivities } from "../../src/core/plan";
import { parseAppendix } from "../../src/import/appendix";
import { gridFromDocx } from "../../src/import/docx";
import { importAppendixFile, importDocx } from "../../src/import/importFile";
import { readXlsxGrid } from "../../src/import/xlsxGrid";
import { buildDocx } from "../helpers/docxWriter";
import { sheetsToXlsx } from "../helpers/xlsxWriter";
import { SEED_EXPECTED, SEED_GROUPS, SEED_ROWS, SEED_TITLE } from "./fixtures/seedSubset";

const docx = () => buildDocx({ body: [...SEED_TITLE, { table: { rows: SEED_ROWS } }, "Nơi nhận:"] });

describe("seed-shaped appendix via .docx", () => {
  const parsed = parseAppendix(gridFromDocx(docx()));

  test("every activity, field for field", () => {
    expect(parsed.rows).toEqual(SEED_EXPECTED);
    expect(parsed.activities).toEqual(makeActivities(SEED_EXPECTED));
  });

  test("groups: I, the heading VII, and its sub-groups VII.A / VII.B", () => {
    expect(parsed.groups).toEqual(SEED_GROUPS);
    expect(parsed.parents).toEqual([SEED_GROUPS[1]]);
  });

  test("header found by meaning, with the column of every field", () => {
    expect(parsed.header.row).toBe(0);
    expect(parsed.header.columns).toEqual({ tt: 0, objective: 1, task: 2, activity: 3, output: 4, lead: 5, partners: 6, deadline: 7, budget: 8 });
    expect(parsed.header.labels.deadline).toBe("7- Thời gian\nhoàn thành");
  });

  test("year, commune and unit from the title lines (not the issue date)", () => {
    expect(parsed.meta).toEqual({ year: 2024, commune: "Hồng Lộc", unit: "UBND xã Hồng Lộc", title: "KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2024" });
  });

  test("options override the detected year and commune", () => {
    const p = parseAppendix(gridFromDocx(docx()), { year: 2025, commune: "Thạch Hà" });
    expect(p.meta.year).toBe(2025);
    expect(p.meta.commune).toBe("Thạch Hà");
  });

  test("split runs and proofErr everywhere change nothing", () => {
    const split = buildDocx({ body: [...SEED_TITLE, { table: { rows: SEED_ROWS } }], splitRuns: 2 });
    expect(importDocx(split).rows).toEqual(SEED_EXPECTED);
  });

  test("every string is NFC", () => {
    for (const a of parsed.activities) for (const v of Object.values(a)) expect(v).toBe(String(v).normalize("NFC"));
  });
});

describe("seed-shaped appendix via .xlsx with merged areas (exceljs)", () => {
  test("the same activities, field for field", async () => {
    const bytes = await sheetsToXlsx([
      { name: "Ghi chú", rows: [["Bảng này do công chức Tư pháp lập"], ["Cập nhật", "15/01/2024"]] },
      { name: "Phụ lục", titleRows: ["UBND XÃ HỒNG LỘC", "KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2024"], rows: SEED_ROWS },
    ]);
    const grid = await readXlsxGrid(bytes);
    expect(grid.source).toBe("xlsx");
    // exceljs returns the master's value from slave cells: they must come back marked, empty.
    const groupRow = grid.rows.find((r) => r[0].text === "I")!;
    expect(groupRow[2]).toEqual({ text: "", mergedFromLeft: true });
    const parsed = parseAppendix(grid);
    expect(parsed.rows).toEqual(SEED_EXPECTED);
    expect(parsed.groups).toEqual(SEED_GROUPS);
    expect(parsed.meta.commune).toBe("Hồng Lộc");
    expect(parsed.meta.year).toBe(2024);
    expect(parsed.header.row).toBe(2);
  });

  test("a named sheet, and the file-level entry point choosing the .xlsx reader by content", async () => {
    const bytes = await sheetsToXlsx([{ name: "Phụ lục", rows: SEED_ROWS }]);
    expect(parseAppendix(await readXlsxGrid(bytes, "Phụ lục")).rows).toEqual(SEED_EXPECTED);
    const viaFile = await importAppendixFile(bytes);
    expect(viaFile.source).toBe("xlsx");
    expect(viaFile.rows).toEqual(SEED_EXPECTED);
    const viaDocx = await importAppendixFile(docx());
    expect(viaDocx.source).toBe("docx");
    expect(viaDocx.activities.map((a) => a.id)).toEqual(viaFile.activities.map((a) => a.id));
  });

  test("a flattened paste (values only, no merges): objective and task fill down, other fields do not", async () => {
    const bytes = await sheetsToXlsx([{ name: "Dán", rows: SEED_ROWS, flatten: true }]);
    const parsed = parseAppendix(await readXlsxGrid(bytes));
    // Without merges the budget of 3.5 is really empty; everything else is the same.
    const expected = SEED_EXPECTED.map((a) => (a.activityNo === "3.5" && a.group === "I" ? { ...a, budget: "" } : a));
    expect(parsed.rows).toEqual(expected);
  });
});
