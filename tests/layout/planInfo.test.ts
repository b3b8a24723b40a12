/**
 * The plan's own information that is not in the plan table — its title, the issuing decision and
 * the titles of its groups — is kept in the workbook ("Thông tin kế hoạch" on the Cài đặt sheet) and
 * read back from there, for any plan: the seed, a Word appendix unlike it, and a real plan with two
 * levels of groups (realplans T6). An official's correction there survives every rebuild; a
 * workbook made before the block existed still reads (generic title, group titles from its
 * report sheets when it has any).
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import { xlsxWorkbook, type XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { importPlan } from "../../src/app/importPlan";
import { readWorkbook } from "../../src/app/readWorkbook";
import { recordProgress } from "../../src/app/recordProgress";
import { reimport } from "../../src/app/reimport";
import { buildReports } from "../../src/app/buildReports";
import { loadPlan } from "../../src/cli/loadPlan";
import { parsePeriodToken } from "../../src/core/periods";
import type { Plan } from "../../src/core/plan";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { PLAN_INFO_LABELS, GROUP_COLUMNS } from "../../src/layout/planInfo";
import { heightForLines, linesFor } from "../../src/layout/rowHeights";
import { buildWorkbookLayout } from "../../src/layout/workbook";
import { defaultSettings } from "../../src/core/settings";
import { SETTINGS_SHEET, SETTINGS_RESULT_ROWS, settingAddress } from "../../src/layout/settingsSheet";
import { cellValue, type SheetSnapshot } from "../../src/layout/snapshot";
import { OTHER_GROUPS, OTHER_TITLE, otherAppendixDocx } from "../page/fixtures";

const CORPUS_DEMO = path.join(__dirname, "..", "fixtures", "corpus", "demo-workbook.xlsx");
const T6 = path.join(__dirname, "..", "realplans", "fixtures", "T6.docx");

/** A plan as `cchc import FILE` loads it. */
async function planOf(file: string, bytes: Uint8Array) {
  const io = { out: () => undefined, err: () => undefined, readFile: () => bytes, readFileIfExists: () => null, writeFile: () => undefined };
  return loadPlan({ file }, io);
}

/** `cchc import … --out w.xlsx`: a new file workbook holding the plan. */
async function imported(plan: Plan, headerLines: string[] = []): Promise<XlsxWorkbook> {
  const port = xlsxWorkbook();
  await importPlan(port, plan, { headerLines, mode: "native", today: `${plan.year}-06-14` });
  return xlsxWorkbook(port.bytes());
}

/** Which target of a sentence an indicator is: 1 when not said (the indicators sheet writes 1 either way). */
const indicators = (p: Plan) => p.indicators.map(({ index, ...i }) => ({ ...i, index: index ?? 1 }));
const info = (p: Plan) => ({ title: p.title, decision: p.decision, groups: p.groups });

/** The by-group table of a report sheet: group → title as shown. */
function reportGroupTitles(sheet: SheetSnapshot): Record<string, string> {
  const header = sheet.values.findIndex((row) => row[0] === "TT" && row[1] === "Nhóm nhiệm vụ");
  const out: Record<string, string> = {};
  for (let r = header + 1; cellValue(sheet, r, 0) !== ""; r++) out[String(cellValue(sheet, r, 0))] = String(cellValue(sheet, r, 1));
  return out;
}

async function editSettings(port: XlsxWorkbook, edit: (ws: ExcelJS.Worksheet) => void): Promise<XlsxWorkbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(port.bytes() as unknown as ArrayBuffer);
  edit(wb.getWorksheet(SETTINGS_SHEET)!);
  return xlsxWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
}

/** The row (1-based) whose column A holds `text`, below the settings. */
function rowOf(ws: ExcelJS.Worksheet, text: string): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === text) return r;
  throw new Error(`no row "${text}"`);
}

describe("the plan's title, decision and group titles survive import → file → read back", () => {
  test("the embedded plan", async () => {
    const read = await readWorkbook(await imported(HONG_LOC_2024, HONG_LOC_2024.appendixHeader));
    expect(info(read.model.plan)).toEqual(info(HONG_LOC_2024));
    expect(indicators(read.model.plan)).toEqual(indicators(HONG_LOC_2024));
  });

  test("a Word appendix unlike the seed (another commune, year and groups)", async () => {
    const { plan, headerLines } = await planOf("tan-phu.docx", otherAppendixDocx());
    expect(plan.groups).toEqual(OTHER_GROUPS);
    const read = await readWorkbook(await imported(plan, headerLines));
    expect(info(read.model.plan)).toEqual(info(plan));
    expect(read.model.plan.title.toUpperCase()).toBe(OTHER_TITLE);
    expect(read.model.plan.decision).toBeUndefined();
  });

  test("a real plan with two levels of groups (realplans T6: A, A.I, …, C.VI)", async () => {
    const { plan, headerLines } = await planOf("T6.docx", new Uint8Array(fs.readFileSync(T6)));
    expect(plan.groups.filter((g) => !g.id.includes("."))).toHaveLength(3);
    const read = await readWorkbook(await imported(plan, headerLines));
    expect(info(read.model.plan)).toEqual(info(plan));
  });

  test("a plan's body indicators and its decision, on a plan other than the seed", async () => {
    const { plan } = await planOf("tan-phu.docx", otherAppendixDocx());
    const withBody: Plan = {
      ...plan,
      decision: { number: "15/QĐ-UBND", date: "2025-01-20", signer: "Nguyễn Văn A" },
      indicators: [{ id: "BODY-1", text: "Tối thiểu 80% hồ sơ được số hoá", target: 0.8, comparator: ">=", unit: "percent", source: "II.1" }],
    };
    const read = await readWorkbook(await imported(withBody));
    expect(info(read.model.plan)).toEqual(info(withBody));
    expect(indicators(read.model.plan)).toEqual(indicators(withBody));
  });
});

describe("what is stored on the Cài đặt sheet", () => {
  test("below everything the sheet had: the settings and their result rows keep their addresses", async () => {
    const { plan } = await planOf("tan-phu.docx", otherAppendixDocx());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await imported(plan)).bytes() as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SETTINGS_SHEET)!;
    expect(settingAddress("unit")).toBe("B3");
    expect(SETTINGS_RESULT_ROWS.parScore).toBe(21);
    expect(rowOf(ws, PLAN_INFO_LABELS.title)).toBeGreaterThan(SETTINGS_RESULT_ROWS.parScore);
    expect(ws.getCell(rowOf(ws, PLAN_INFO_LABELS.title), 2).value).toBe(plan.title);
    const header = rowOf(ws, GROUP_COLUMNS[0].header);
    expect(ws.getCell(header, 2).value).toBe(GROUP_COLUMNS[1].header);
    expect(OTHER_GROUPS.map((g, i) => [ws.getCell(header + 1 + i, 1).value, ws.getCell(header + 1 + i, 2).value])).toEqual(OTHER_GROUPS.map((g) => [g.id, g.title]));
  });

  test("a long title wraps: its row is as tall as its lines (Excel does not grow a row written by a file)", async () => {
    const { plan } = await planOf("T6.docx", new Uint8Array(fs.readFileSync(T6)));
    const sheet = buildWorkbookLayout({ plan, settings: defaultSettings(plan), progress: {}, mode: "native" }).sheets.find((s) => s.name === SETTINGS_SHEET)!;
    const rowOfText = (v: string) => Number(Object.entries(sheet.cells).find(([, c]) => c.v === v)![0].slice(1));
    const long = plan.groups.find((g) => g.title.length > 60)!;
    expect(sheet.rowHeights?.[rowOfText(long.title) - 1]).toBe(heightForLines(linesFor(long.title, 26)));
    expect(sheet.rowHeights?.[rowOfText("Phát triển hạ tầng") - 1]).toBeUndefined();
  });

  test("imported text is written as text: a title or group title starting with '=' is no formula", async () => {
    const { plan } = await planOf("tan-phu.docx", otherAppendixDocx());
    const hostile: Plan = { ...plan, title: "=HYPERLINK(\"http://x\",\"a\")", groups: [{ id: "I", title: "+SUM(1+1)" }, plan.groups[1]] };
    const port = await imported(hostile);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(port.bytes() as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(SETTINGS_SHEET)!;
    expect(ws.getCell(rowOf(ws, PLAN_INFO_LABELS.title), 2).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell(rowOf(ws, "I"), 2).type).toBe(ExcelJS.ValueType.String);
    expect(info((await readWorkbook(port)).model.plan)).toEqual(info(hostile));
  });
});

describe("reports rebuilt from the file, and an official's corrections", () => {
  test("a report built from the file (cchc report w.xlsx --out) shows the plan's own group titles", async () => {
    const { plan, headerLines } = await planOf("tan-phu.docx", otherAppendixDocx());
    const port = await imported(plan, headerLines);
    await buildReports(port, [parsePeriodToken("Y-2025")]);
    const report = (await port.read()).sheets.find((s) => s.role === "report")!;
    expect(reportGroupTitles(report)).toEqual(Object.fromEntries(OTHER_GROUPS.map((g) => [g.id, g.title])));
  });

  test("a group title, the plan's title and its decision corrected on Cài đặt survive recording progress and a report", async () => {
    const { plan, headerLines } = await planOf("tan-phu.docx", otherAppendixDocx());
    const port = await editSettings(await imported(plan, headerLines), (ws) => {
      ws.getCell(rowOf(ws, "II"), 2).value = "CẢI CÁCH THỦ TỤC HÀNH CHÍNH (đã sửa)";
      ws.getCell(rowOf(ws, PLAN_INFO_LABELS.title), 2).value = "Kế hoạch CCHC xã Tân Phú năm 2025 (sửa đổi)";
      ws.getCell(rowOf(ws, PLAN_INFO_LABELS.decisionNumber), 2).value = "07/QĐ-UBND";
      ws.getCell(rowOf(ws, PLAN_INFO_LABELS.decisionDate), 2).value = "15/01/2025";
    });
    const first = (await readWorkbook(port)).model.plan;
    await recordProgress(port, [{ date: "2025-03-01", activityId: first.activities[1].id, status: "done", completedOn: "2025-03-01", evidence: "", note: "", who: "" }]);
    await buildReports(port, [parsePeriodToken("Q1-2025")]);
    const read = await readWorkbook(port);
    expect(read.model.plan.groups.find((g) => g.id === "II")!.title).toBe("CẢI CÁCH THỦ TỤC HÀNH CHÍNH (đã sửa)");
    expect(read.model.plan.title).toBe("Kế hoạch CCHC xã Tân Phú năm 2025 (sửa đổi)");
    expect(read.model.plan.decision).toEqual({ number: "07/QĐ-UBND", date: "2025-01-15" });
    const report = (await port.read()).sheets.find((s) => s.role === "report")!;
    expect(reportGroupTitles(report).II).toBe("CẢI CÁCH THỦ TỤC HÀNH CHÍNH (đã sửa)");
  });
});

test("a decision date that is not a date is kept as typed (a rebuild writes it back) and reported, in Vietnamese and English", async () => {
  const { plan, headerLines } = await planOf("tan-phu.docx", otherAppendixDocx());
  const port = await editSettings(await imported(plan, headerLines), (ws) => {
    ws.getCell(rowOf(ws, PLAN_INFO_LABELS.decisionNumber), 2).value = "07/QĐ-UBND";
    ws.getCell(rowOf(ws, PLAN_INFO_LABELS.decisionDate), 2).value = "giữa tháng 1";
  });
  const first = await readWorkbook(port);
  expect(first.model.plan.decision).toEqual({ number: "07/QĐ-UBND", date: "giữa tháng 1" });
  const warning = first.warnings.find((w) => w.vi.includes("giữa tháng 1"))!;
  expect(warning.vi).toMatch(/không phải là ngày\. Hãy nhập ngày dạng dd\/mm\/yyyy/);
  expect(warning.en).toMatch(/is not a date\. Enter it as dd\/mm\/yyyy/);
  await recordProgress(port, [{ date: "2025-03-01", activityId: first.model.plan.activities[0].id, status: "done", completedOn: "2025-03-01", evidence: "", note: "", who: "" }]);
  expect((await readWorkbook(port)).model.plan.decision).toEqual({ number: "07/QĐ-UBND", date: "giữa tháng 1" });
});

test("a re-import of the appendix keeps the title and decision entered on Cài đặt; the groups are the appendix's", async () => {
  const { plan, headerLines } = await planOf("tan-phu.docx", otherAppendixDocx());
  const port = await editSettings(await imported(plan, headerLines), (ws) => {
    ws.getCell(rowOf(ws, PLAN_INFO_LABELS.title), 2).value = "Kế hoạch CCHC xã Tân Phú năm 2025";
    ws.getCell(rowOf(ws, PLAN_INFO_LABELS.decisionNumber), 2).value = "07/QĐ-UBND";
    ws.getCell(rowOf(ws, PLAN_INFO_LABELS.decisionDate), 2).value = new Date(Date.UTC(2025, 0, 15));
  });
  const revised = { ...plan, groups: [plan.groups[0], { id: "II", title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH, MỘT CỬA" }] };
  await reimport(port, revised, { apply: true, headerLines, today: "2025-06-14" });
  const read = (await readWorkbook(port)).model.plan;
  expect(info(read)).toEqual({ title: "Kế hoạch CCHC xã Tân Phú năm 2025", decision: { number: "07/QĐ-UBND", date: "2025-01-15" }, groups: revised.groups });
});

describe("a workbook made before the plan's information was stored", () => {
  // Its report sheets are no source: the older reader titled any plan's groups I–VII with the
  // sample plan's titles, so a report built from a file of another plan shows those.
  test("the demo workbook of an older version: a generic title, no decision, the groups untitled, and a note saying where to fill them in", async () => {
    const read = await readWorkbook(xlsxWorkbook(new Uint8Array(fs.readFileSync(CORPUS_DEMO))));
    const plan = read.model.plan;
    expect(plan.title).toBe("Kế hoạch cải cách hành chính UBND xã Hồng Lộc năm 2024");
    expect(plan.decision).toBeUndefined();
    expect(plan.groups).toEqual(HONG_LOC_2024.groups.map((g) => ({ id: g.id, title: "" })));
    expect(read.model.settings).toMatchObject({ unit: "UBND xã Hồng Lộc", year: 2024, signer: HONG_LOC_2024.decision!.signer });
    const note = read.warnings.find((w) => w.vi.includes("Thông tin kế hoạch"))!;
    expect(note.vi).toMatch(/hãy điền vào đó/);
    expect(note.en).toMatch(/fill it in there/);
  });

  test("rebuilt (progress recorded), it gains the block, and titles filled in there are kept", async () => {
    const port = xlsxWorkbook(new Uint8Array(fs.readFileSync(CORPUS_DEMO)));
    const before = await readWorkbook(port);
    await recordProgress(port, [{ date: "2024-09-01", activityId: before.model.plan.activities[0].id, status: "done", completedOn: "2024-09-01", evidence: "", note: "", who: "" }]);
    const filled = await editSettings(port, (ws) => {
      ws.getCell(rowOf(ws, "I"), 2).value = "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC";
    });
    const read = await readWorkbook(filled);
    expect(read.warnings.some((w) => w.vi.includes("Thông tin kế hoạch"))).toBe(false);
    expect(read.model.plan.groups[0]).toEqual({ id: "I", title: "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC" });
  });

  test("another plan without the block: its groups are there, untitled; without a Cài đặt sheet at all, the year comes from the plan sheet's title", async () => {
    const { plan, headerLines } = await planOf("tan-phu.docx", otherAppendixDocx());
    const port = await editSettings(await imported(plan, headerLines), (ws) => {
      for (let r = SETTINGS_RESULT_ROWS.parScore + 1; r <= ws.rowCount; r++) for (let c = 1; c <= 3; c++) ws.getCell(r, c).value = null;
    });
    const read = await readWorkbook(port);
    expect(read.model.plan.groups).toEqual(OTHER_GROUPS.map((g) => ({ id: g.id, title: "" })));
    expect(read.model.plan.title).toBe(`Kế hoạch cải cách hành chính ${plan.unit} năm 2025`.replace(/\s+/g, " "));

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(port.bytes() as unknown as ArrayBuffer);
    wb.removeWorksheet(wb.getWorksheet(SETTINGS_SHEET)!.id);
    const without = await readWorkbook(xlsxWorkbook(new Uint8Array(await wb.xlsx.writeBuffer())));
    expect(without.model.settings.year).toBe(2025);
  });
});
