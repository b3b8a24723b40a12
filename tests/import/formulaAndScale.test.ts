/** Hostile, formula-looking strings stay plain text; a 10,000-row appendix imports, fast. */
import ExcelJS from "exceljs";
import { parseAppendix } from "../../src/import/appendix";
import { gridFromValues } from "../../src/import/grid";
import { importDocx } from "../../src/import/importFile";
import { readXlsxGrid } from "../../src/import/xlsxGrid";
import { buildDocx, SEED_HEADER, type RowSpec } from "../helpers/docxWriter";

const HOSTILE = {
  objective: '=HYPERLINK("http://x","y")',
  task: "@SUM(1+1)",
  activity: "+1",
  output: "-2",
  lead: "=cmd|' /C calc'!A0",
  partners: "@SUM(1+1)",
  deadline: "\tx",
  budget: "=1+1",
};

function hostileRows(): RowSpec[] {
  return [
    SEED_HEADER,
    ["I", { text: "CÔNG TÁC", span: 8 }],
    ["1", HOSTILE.objective, HOSTILE.task, HOSTILE.activity, HOSTILE.output, HOSTILE.lead, HOSTILE.partners, HOSTILE.deadline, HOSTILE.budget],
  ];
}

const EXPECTED = {
  group: "I",
  objectiveNo: "",
  objective: '=HYPERLINK("http://x","y")',
  taskNo: "",
  task: "@SUM(1+1)",
  activityNo: "",
  activity: "+1",
  output: "-2",
  lead: "=cmd|' /C calc'!A0",
  partners: "@SUM(1+1)",
  deadline: "x", // a leading tab is whitespace: normalisation trims it
  budget: "=1+1",
};

describe("formula-looking strings survive as plain text", () => {
  test("from a .docx", () => {
    const p = importDocx(buildDocx({ body: [{ table: { rows: hostileRows() } }] }));
    expect(p.rows).toEqual([EXPECTED]);
    for (const v of Object.values(p.activities[0])) expect(typeof v).toBe("string");
  });

  test("from an Excel selection (values as Office.js gives them)", () => {
    const values = [SEED_HEADER, ["I", "CÔNG TÁC"], ["1", HOSTILE.objective, HOSTILE.task, HOSTILE.activity, HOSTILE.output, HOSTILE.lead, HOSTILE.partners, HOSTILE.deadline, HOSTILE.budget]];
    expect(parseAppendix(gridFromValues(values)).rows).toEqual([EXPECTED]);
  });

  test("from an .xlsx: strings stay strings; a real formula cell gives its cached result as text, never the formula", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Phụ lục");
    ws.addRow(SEED_HEADER);
    ws.addRow(["I", "CÔNG TÁC"]);
    ws.addRow(["1", HOSTILE.objective, HOSTILE.task, HOSTILE.activity, HOSTILE.output, HOSTILE.lead, HOSTILE.partners, HOSTILE.deadline, HOSTILE.budget]);
    ws.addRow(["2", "1.2. M", "2.2. N", "3.2. Tính", { formula: "1+1", result: 2 }, "Tư pháp", "", new Date(Date.UTC(2024, 0, 15)), 5000000]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const p = parseAppendix(await readXlsxGrid(bytes));
    expect(p.rows[0]).toEqual(EXPECTED);
    expect(p.rows[1]).toMatchObject({ activity: "Tính", output: "2", deadline: "15/01/2024", budget: "5000000" });
  });
});

describe("scale", () => {
  test("a 10,000-row table imports (docx → grid → activities) in well under 5 s", () => {
    const rows: RowSpec[] = [SEED_HEADER, ["I", { text: "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", span: 8 }]];
    for (let i = 0; i < 10000; i++) {
      const first = i % 10 === 0;
      rows.push([
        first ? { text: String(i / 10 + 1), vMerge: "restart" } : { vMerge: "continue" },
        // The document's numbers stay realistic (≤ 3 digits a component) and repeat, as real ones do.
        first ? { text: `1.${(i / 10) % 999 + 1}. Mục tiêu số ${i / 10 + 1} về cải cách hành chính`, vMerge: "restart" } : { vMerge: "continue" },
        i % 5 === 0 ? { text: `2.${(i / 5) % 999 + 1}. Nhiệm vụ ${i / 5 + 1}`, vMerge: "restart" } : { vMerge: "continue" },
        `3.${i % 999 + 1}. Hoạt động thứ ${i + 1}: xây dựng, ban hành văn bản`,
        "Kế hoạch, báo cáo",
        i % 3 === 0 ? "Tư pháp" : "Văn phòng - Thống kê",
        "Các ban, ngành cấp xã",
        "Quý I/2024",
        "",
      ]);
    }
    const bytes = buildDocx({ body: ["KẾ HOẠCH CCHC NĂM 2024 XÃ HỒNG LỘC", { table: { rows } }] });
    const p = importDocx(bytes);
    expect(p.activities).toHaveLength(10000);
    expect(p.rows[9999]).toMatchObject({ objectiveNo: "1.1", objective: "Mục tiêu số 1000 về cải cách hành chính", taskNo: "2.2", task: "Nhiệm vụ 2000", activityNo: "3.10", activity: "Hoạt động thứ 10000: xây dựng, ban hành văn bản", lead: "Tư pháp" });
    expect(new Set(p.activities.map((a) => a.id)).size).toBe(10000);
  });

  test("a 10,000-row Excel selection (values + merged areas) parses", () => {
    const values: unknown[][] = [SEED_HEADER, ["I", "CÔNG TÁC"]];
    const merges = [];
    for (let i = 0; i < 10000; i++) {
      values.push([i % 10 === 0 ? String(i / 10 + 1) : "", i % 10 === 0 ? `1.${(i / 10) % 999 + 1}. Mục tiêu ${i / 10 + 1}` : "", `2.${i % 999 + 1}. Nhiệm vụ`, `3.${i % 999 + 1}. Hoạt động ${i + 1}`, "Báo cáo", "Tư pháp", "", "Năm 2024", ""]);
      if (i % 10 === 0) merges.push({ r1: i + 2, c1: 1, r2: i + 11, c2: 1 });
    }
    const p = parseAppendix(gridFromValues(values, merges, "selection"));
    expect(p.rows).toHaveLength(10000);
    expect(p.rows[9999]).toMatchObject({ objectiveNo: "1.1", objective: "Mục tiêu 1000", activity: "Hoạt động 10000" });
  });
});
