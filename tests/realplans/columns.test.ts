/**
 * Headers by meaning, as officials write them (issue 13 item 1), and what happens when a column
 * still cannot be placed: the refusal names the columns found, the one missing and what to do
 * (vi + en), and the importer takes an explicit mapping (field → column) instead of refusing.
 */
import * as fs from "fs";
import * as path from "path";
import { buildDocx } from "../helpers/docxWriter";
import { fieldOfLabel } from "../../src/import/header";
import { parseAppendix } from "../../src/import/appendix";
import { gridFromValues } from "../../src/import/grid";
import { importDocx, importXlsx } from "../../src/import/importFile";
import { caught } from "../helpers/caught";
import { FIXTURE_DIR, loadTable, tableRowSpecs } from "./realTables";
import { sheetsToXlsx } from "../helpers/xlsxWriter";

test.each([
  ["Tên đề án", "task"], ["Tên đề án ưu tiên", "task"], ["Tên nhiệm vụ/dự án", "task"], ["Nội dung thực hiện", "task"], ["Nội dung công việc", "task"],
  ["Nhiệm vụ, giải pháp", "task"], ["NHIỆM VỤ VÀ GIẢI PHÁP", "task"], ["Nội dung/nhiệm vụ", "task"],
  ["Thời hạn hoàn thành", "deadline"], ["Thời gian triển khai", "deadline"], ["Thời gian dự kiến hoàn thành", "deadline"], ["THỜI GIAN", "deadline"],
  ["Đơn vị thực hiện", "lead"], ["Phân công nhiệm vụ", "lead"], ["CHỦ TRÌ", "lead"], ["Cơ quan chủ trì", "lead"],
  ["Kết quả dự kiến", "output"], ["Sản phẩm đầu ra", "output"], ["Sản phẩm dự kiến", "output"], ["Nguồn kinh phí", "budget"],
  ["Nội dung triển khai", "task"], ["Tổ chức thực hiện", null], ["Ghi chú", null],
])("%j → %s", (label, field) => {
  expect(fieldOfLabel(label)).toBe(field);
});

/** T8's real rows under a header whose task column says nothing the importer knows ("Danh mục"). */
const t8 = loadTable("T8");
const t8Rows = tableRowSpecs(t8);
const unknownHeader = [["TT", "Danh mục", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành"], ...t8Rows.slice(1)];

test("no task column: the refusal names each column found and how it was read, the missing one, and the way on (vi + en)", () => {
  const e = caught(() => importDocx(buildDocx({ body: [{ table: { rows: unknownHeader } }] })));
  expect(e.code).toBe("no-header");
  expect(e.messageVi).toContain('"Danh mục" (không nhận ra)');
  expect(e.messageVi).toContain('"Cơ quan chủ trì" (Chủ trì)');
  expect(e.messageVi).toContain('"Thời hạn hoàn thành" (Thời gian hoàn thành)');
  expect(e.messageVi).toMatch(/không có cột nào được nhận là cột "Nhiệm vụ \/ Nội dung"/);
  expect(e.messageVi).toMatch(/Hãy chọn cột đó .* hoặc đổi tiêu đề cột đó thành "Nhiệm vụ"/);
  expect(e.messageEn).toContain('"Danh mục" (not recognised)');
  expect(e.messageEn).toMatch(/none is recognised as the "task" column/);
  expect(e.header).toEqual({ row: 0, labels: ["TT", "Danh mục", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành"] });
});

test("a table with no header-like row at all keeps the general message", () => {
  const e = caught(() => parseAppendix(gridFromValues([["Họ tên", "Chức vụ"], ["A", "B"]])));
  expect(e.code).toBe("no-header");
  expect(e.header).toBeUndefined();
});

test("with the user's mapping the same table imports, .docx and .xlsx alike", async () => {
  const columns = { columns: { task: 1 } };
  const fromDocx = importDocx(buildDocx({ body: [{ table: { rows: unknownHeader } }] }), { columns });
  const fromXlsx = await importXlsx(await sheetsToXlsx([{ name: "Phụ lục", rows: unknownHeader }]), { columns });
  const reference = importDocx(fs.readFileSync(path.join(FIXTURE_DIR, "T8.docx")));
  for (const p of [fromDocx, fromXlsx]) {
    expect(p.activities).toEqual(reference.activities);
    expect(p.header.labels.task).toBe("Danh mục");
  }
});

test("a mapping overrides what the labels say, and a column holds one field", () => {
  const grid = gridFromValues([
    ["TT", "Nhiệm vụ", "Chủ trì", "Ghi chú", "Thời gian"],
    ["1", "Rà soát thủ tục", "Văn phòng HĐND và UBND", "Quý I/2026", "(ghi chú)"],
  ]);
  // The person says: the deadline is in the fourth column; "Thời gian" then holds nothing we read.
  const p = parseAppendix(grid, { columns: { columns: { deadline: 3 } } });
  expect(p.activities[0]).toMatchObject({ activity: "Rà soát thủ tục", lead: "Văn phòng HĐND và UBND", deadline: "Quý I/2026" });
  expect(p.header.columns.deadline).toBe(3);
  // A column given to the lead is no longer the task: with no task column left, the refusal names it.
  expect(caught(() => parseAppendix(grid, { columns: { columns: { lead: 1 } } })).code).toBe("no-header");
});
