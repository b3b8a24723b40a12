/**
 * The complete embedded plan (src/data/hongLoc2024.ts) written to a real .docx (merged objective
 * and task cells, group rows spanning the table, numbered activities sharing a cell) and to an
 * .xlsx with merged areas, then imported back: the same groups and activities, field for field.
 */
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { parseAppendix } from "../../src/import/appendix";
import { importDocx } from "../../src/import/importFile";
import { planFromAppendix } from "../../src/import/planFromAppendix";
import { readXlsxGrid } from "../../src/import/xlsxGrid";
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
