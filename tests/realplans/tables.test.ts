/**
 * Issue 13 item 1: every task table of the real 2025 plans, as a Word table and as a range pasted
 * into Excel (tests/realplans/fixtures, made by scripts/make-realplans.ts from source/T*.txt),
 * imports one activity per numbered task row with text, lead, partners, deadline, output and
 * budget equal to the source; section headings become groups (letters above numerals in T6),
 * repeated header rows, sub-headings and total lines are not tasks.
 */
import * as fs from "fs";
import * as path from "path";
import { importDocx, importXlsx, type ImportedAppendix } from "../../src/import/importFile";
import { planFromAppendix } from "../../src/import/planFromAppendix";
import { planUnitContext } from "../../src/core/units";
import { validatePlan } from "../../src/core/validate/validate";
import { parseAppendix } from "../../src/import/appendix";
import { readXlsxGrid } from "../../src/import/xlsxGrid";
import { defaultSettings } from "../../src/core/settings";
import { buildWorkbookLayout } from "../../src/layout/workbook";
import { writeXlsx } from "../../src/render/exceljs";
import { expectedActivities, FIXTURE_DIR, loadTable, tableIds, tableRowSpecs, titleLines } from "./realTables";
import { sheetsToXlsx } from "../helpers/xlsxWriter";
import { badNotes } from "../helpers/notes";

const FIELDS = ["group", "taskNo", "task", "activityNo", "activity", "lead", "partners", "deadline", "output", "budget"] as const;

async function read(id: string, kind: "docx" | "xlsx"): Promise<ImportedAppendix> {
  const bytes = fs.readFileSync(path.join(FIXTURE_DIR, `${id}.${kind}`));
  return kind === "docx" ? importDocx(bytes) : importXlsx(bytes);
}

test("every source table has both fixtures", () => {
  expect(tableIds()).toEqual(["T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8", "T9"]);
  for (const id of tableIds()) for (const kind of ["docx", "xlsx"]) expect(fs.existsSync(path.join(FIXTURE_DIR, `${id}.${kind}`))).toBe(true);
});

/** The source README's counts of numbered task rows: the activities each table must give. */
const TASK_ROWS: Record<string, number> = { T1: 11, T2: 25, T3: 19, T4: 6, T5: 18, T6: 94, T7: 25, T8: 3, T9: 6 };
const LEVEL: Record<string, string> = { T1: "province", T2: "province", T3: "province", T4: "province", T5: "province", T6: "province", T7: "central", T8: "central", T9: "province" };

test("a province's plan: its Sở lead it (no 'outside' lead), the year is the issue date's when the title names none", async () => {
  const plan = planFromAppendix(await read("T1", "docx"));
  expect(plan).toMatchObject({ unit: "UBND tỉnh Đồng Tháp", year: 2025 });
  expect(validatePlan(plan).filter((f) => f.code === "OWNER_OUTSIDE")).toEqual([]);
  // "… lộ trình đổi mới công nghệ đến năm 2035": a horizon, not the plan's year.
  expect(planFromAppendix(await read("T3", "docx")).year).toBe(2025);
});

describe.each(tableIds())("%s", (id) => {
  const expected = expectedActivities(loadTable(id));

  test("the model keeps the source's count of task rows", () => {
    expect(expected.activities).toHaveLength(TASK_ROWS[id]);
  });

  test.each(["docx", "xlsx"] as const)("%s: one activity per task row, every field as the source", async (kind) => {
    const parsed = await read(id, kind);
    const got = parsed.activities.map((a) => Object.fromEntries(FIELDS.map((f) => [f, a[f]])));
    const want = expected.activities.map((a) => Object.fromEntries(FIELDS.map((f) => [f, a[f]])));
    expect(got).toEqual(want);
    expect(parsed.groups.map((g) => g.id)).toEqual(expected.groups.map((g) => g.id));
    expect(parsed.groups.map((g) => g.title)).toEqual(expected.groups.map((g) => g.title));
    expect(new Set(parsed.activities.map((a) => a.id)).size).toBe(parsed.activities.length);
    const plan = planFromAppendix(parsed);
    expect(plan.activities).toHaveLength(TASK_ROWS[id]);
    // The issuer above the table makes it a province's or the Government's plan.
    expect(planUnitContext(plan).level).toBe(LEVEL[id]);
    expect(badNotes(parsed.warnings)).toEqual([]);
  });
});

test.each(tableIds())("%s pasted without its merged areas (Excel before ExcelApi 1.13): the same tasks, merged cells empty below their first row", async (id) => {
  const t = loadTable(id);
  const bytes = await sheetsToXlsx([{ name: "Phụ lục", titleRows: titleLines(t), rows: tableRowSpecs(t), flatten: true }]);
  const parsed = parseAppendix(await readXlsxGrid(bytes));
  const want = expectedActivities(t, { flattened: true });
  expect(parsed.activities.map((a) => Object.fromEntries(FIELDS.map((f) => [f, a[f]])))).toEqual(want.activities.map((a) => Object.fromEntries(FIELDS.map((f) => [f, a[f]]))));
  expect(parsed.groups.map((g) => g.id)).toEqual(want.groups.map((g) => g.id));
  expect(badNotes(parsed.warnings)).toEqual([]);
});

describe("what each table needed", () => {
  test("T8: a task column headed 'Tên đề án ưu tiên' and a deadline 'Thời hạn hoàn thành'; the second lead row joins scheme 1", async () => {
    const p = await read("T8", "docx");
    expect(p.header.labels).toMatchObject({ task: "Tên đề án ưu tiên", deadline: "Thời hạn hoàn thành", lead: "Cơ quan chủ trì", partners: "Cơ quan phối hợp" });
    expect(p.activities[0].lead).toBe("Trung ương Mặt trận Tổ quốc Việt Nam; Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương");
    expect(p.activities[0].deadline).toBe("2030");
  });

  test("T6: letters above numerals, the header repeated under each section, a numeral repeated over another title", async () => {
    const p = await read("T6", "docx");
    expect(p.parents.map((g) => g.id)).toEqual(["A", "B", "C"]);
    expect(p.warnings.filter((w) => /tiêu đề lặp lại/.test(w.vi))).toHaveLength(8);
    // The second "IV" (a typo for V) is reported and its tasks stay in B.IV.
    expect(p.warnings.some((w) => /nhóm B\.IV xuất hiện lần nữa với tên khác/.test(w.vi))).toBe(true);
    expect(p.activities.filter((a) => a.group === "B.IV").map((a) => a.activityNo)).toEqual(["4.1", "4.2", "4.3", "4.4", ...["1", "2", "3", "4", "5", "6", "7", "8"].map((n) => `5.1.${n}`), "5.2.1", "5.2.2", "5.2.3"]);
    // "5.1 Thương mại" is the heading of 5.1.1 … 5.1.8, not a task.
    expect(p.activities.filter((a) => a.taskNo === "5.1").map((a) => a.activityNo)).toEqual(["5.1.1", "5.1.2", "5.1.3", "5.1.4", "5.1.5", "5.1.6", "5.1.7", "5.1.8"]);
    expect(p.activities.some((a) => a.activity === "Thương mại")).toBe(false);
  });

  test("T2: a row whose number cell continues the task's is more of that task (its text, its second lead)", async () => {
    const p = await read("T2", "xlsx");
    const two = p.activities.find((a) => a.group === "IV" && a.activityNo === "2")!;
    expect(two.activity).toBe("Quản lý, vận hành Hệ thống thông tin và cơ sở dữ liệu quốc gia về quy hoạch đảm bảo hoạt động thông suốt, liên tục 24/7. Thực hiện sao lưu dữ liệu và đảm bảo có khả năng phục hồi hệ thống sau sự cố.");
    expect(two.lead).toBe("Sở Tài chính; Sở Khoa học và Công nghệ");
    expect(p.warnings.filter((w) => /không có số thứ tự riêng \(ô gộp/.test(w.vi))).toHaveLength(3);
    // "Nguồn kinh phí" merged over the section reaches each of its tasks.
    expect(p.activities.filter((a) => a.group === "I").map((a) => a.budget)).toEqual(new Array(4).fill("Chi thường xuyên hoặc nguồn vốn hợp pháp khác (nếu có)"));
  });

  test("T9: procedure steps keep 'Bước n' as their number, durations arrive as text, the total line is no step", async () => {
    const p = await read("T9", "docx");
    expect(p.activities.map((a) => a.activityNo)).toEqual(["Bước 1", "Bước 2", "Bước 3", "Bước 4", "Bước 5", "Bước 6"]);
    expect(p.header.labels.lead).toBe("Phân công nhiệm vụ");
    expect(p.activities.map((a) => a.deadline)).toContain("0,25 ngày làm việc");
    expect(p.activities.every((a) => !/03 ngày/.test(a.deadline))).toBe(true);
    expect(p.warnings.some((w) => /dòng tổng/.test(w.vi))).toBe(true);
  });
});

test("T6 through the add-in's workbook and back: the same activities, letters still above numerals", async () => {
  const plan = planFromAppendix(await read("T6", "docx"));
  const bytes = await writeXlsx(buildWorkbookLayout({ plan, settings: defaultSettings(plan), progress: {}, mode: "native" }));
  const back = parseAppendix(await readXlsxGrid(bytes));
  expect(back.activities).toEqual(plan.activities);
  expect(back.groups.map((g) => g.id)).toEqual(plan.groups.map((g) => g.id));
  expect(back.parents.map((g) => g.id)).toEqual(["A", "B", "C"]);
});
