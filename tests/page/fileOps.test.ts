/**
 * The page's operations on a workbook held in memory (src/page/fileOps), where the command has no
 * verb: recording progress, re-checking, saving settings; a person's sheet survives them; a
 * failed operation leaves the workbook as it was; bad files are refused with the pane's messages.
 */
import ExcelJS from "exceljs";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import type { Settings } from "../../src/core/settings";
import { unzipSync, zipSync } from "fflate";
import { readWorkbook as readThrough } from "../../src/app/readWorkbook";
import { xlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { readSheetRoles } from "../../src/adapters/xlsx/xlsxRead";

const readWorkbook = (bytes: Uint8Array) => readThrough(xlsxWorkbook(bytes));
import { setOwnerMarkers } from "../../src/render/xlsxPostProcess";
import { importDocx } from "../../src/import/importFile";
import { FILE_CAPS } from "../../src/page/caps";
import * as page from "../../src/page/fileOps";
import { currentWorkbook, setWorkbook } from "../../src/page/fileWorkbook";

jest.setTimeout(120_000);

const [first, second] = HONG_LOC_2024.activities;

async function embeddedWorkbook(): Promise<void> {
  setWorkbook(null);
  await page.applyImport(await page.previewImport({ kind: "embedded" }, {}, FILE_CAPS), FILE_CAPS);
}

/** The current workbook with a sheet a person made (no owner marker), opened as the page opens a file. */
async function withPersonalSheet(): Promise<void> {
  const bytes = currentWorkbook()!.bytes;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  wb.addWorksheet("Ghi chép").getCell("A1").value = "Sổ tay của tôi";
  const files = unzipSync(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  setOwnerMarkers(files, [...readSheetRoles(bytes).map((s) => s.role), null]); // exceljs drops the markers
  await page.openWorkbook("so.xlsx", zipSync(files));
}

async function personalNote(bytes: Uint8Array): Promise<unknown> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.getWorksheet("Ghi chép")?.getCell("A1").value;
}

test("progress recorded on the file: the log holds the entries, the plan shows them, a person's sheet is kept", async () => {
  await embeddedWorkbook();
  await withPersonalSheet();
  await page.addLogEntry({ activityId: first.id, date: "2024-03-10", status: "done", completedOn: "2024-03-08", evidence: "QĐ 12/QĐ-UBND", note: "", who: "Tư pháp" }, FILE_CAPS);
  await page.addLogEntry({ activityId: second.id, date: "2024-03-11", status: "in-progress", completedOn: null, evidence: "", note: "đang soạn", who: "VP" }, FILE_CAPS);
  const bytes = currentWorkbook()!.bytes;
  expect(currentWorkbook()!.changed).toBe(true);
  const read = await readWorkbook(bytes);
  expect(read.log.map((e) => [e.activityId, e.status, e.completedOn])).toEqual([[first.id, "done", "2024-03-08"], [second.id, "in-progress", null]]);
  expect(await personalNote(bytes)).toBe("Sổ tay của tôi");
  const state = await page.readWorkbookState(FILE_CAPS);
  expect(state.hasLog).toBe(true);
  expect(state.activities.find((a) => a.id === first.id)!.status).toMatch(/^Hoàn thành/);
});

test("an entry for an unknown activity is refused (vi + en) and the workbook stays as it was", async () => {
  await embeddedWorkbook();
  const before = currentWorkbook()!;
  await expect(page.addLogEntry({ activityId: "KHONG-CO", date: "2024-03-10", status: "done", completedOn: "2024-03-08", evidence: "", note: "", who: "" }, FILE_CAPS))
    .rejects.toMatchObject({ messageVi: expect.stringContaining("KHONG-CO"), messageEn: expect.stringContaining("KHONG-CO") });
  expect(currentWorkbook()).toBe(before);
});

test("checks: each finding points at its activity's row on the plan sheet, and the Kiểm tra sheet lists them", async () => {
  await embeddedWorkbook();
  const { findings } = await page.runChecks(FILE_CAPS);
  expect(findings.length).toBeGreaterThan(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(currentWorkbook()!.bytes as unknown as ArrayBuffer);
  const plan = wb.getWorksheet("Kế hoạch")!;
  for (const f of findings.filter((x) => x.cell)) {
    const m = /^'Kế hoạch'!([A-Z]+)(\d+)$/.exec(f.cell)!;
    expect(plan.getCell(`A${m[2]}`).value).toBe(f.activityId);
  }
  let listed = 0;
  wb.getWorksheet("Kiểm tra")!.eachRow((row) => {
    if (findings.some((f) => (row.values as unknown[]).includes(f.activityId))) listed++;
  });
  expect(listed).toBeGreaterThan(0);
});

test("settings saved on the file read back; an impossible as-of date is refused (vi + en)", async () => {
  await embeddedWorkbook();
  const settings = (await readWorkbook(currentWorkbook()!.bytes)).model.settings;
  await page.saveSettings({ ...settings, asOf: "2024-07-01", signer: "Nguyễn Văn A" }, FILE_CAPS);
  const after = (await readWorkbook(currentWorkbook()!.bytes)).model.settings;
  expect(after.asOf).toBe("2024-07-01");
  expect(after.signer).toBe("Nguyễn Văn A");
  await expect(page.saveSettings({ ...settings, asOf: "31/02/2024" }, FILE_CAPS)).rejects.toMatchObject({ messageVi: expect.stringContaining("Tính đến ngày") });
});

test("bad files: an appendix that is not a .docx gets the pane's message; a file that is not a product workbook is refused saying what to do", async () => {
  setWorkbook(null);
  const pdf = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\n");
  let paneError: unknown;
  try {
    importDocx(pdf);
  } catch (e) {
    paneError = e;
  }
  await expect(page.previewImport({ kind: "docx", name: "phu-luc.docx", bytes: pdf.slice().buffer }, {}, FILE_CAPS))
    .rejects.toMatchObject({ messageVi: (paneError as { messageVi: string }).messageVi, messageEn: (paneError as { messageEn: string }).messageEn });
  await expect(page.openWorkbook("phu-luc.xlsx", pdf)).rejects.toMatchObject({ messageVi: expect.stringContaining("mục Nhập"), messageEn: expect.stringContaining("Import tab") });
  expect(currentWorkbook()).toBeNull();
});

test("a plan imported on the page is written with Excel's built-in formulas: no =CCHC.* that an Excel without the add-in shows as #NAME?", async () => {
  await embeddedWorkbook();
  const files = unzipSync(currentWorkbook()!.bytes);
  const sheets = Object.entries(files).filter(([name]) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).map(([, data]) => new TextDecoder().decode(data));
  expect(sheets.join("").match(/<f>/g)?.length ?? 0).toBeGreaterThan(100);
  expect(sheets.join("")).not.toMatch(/_xldudf_|CCHC\./);
});

test("a recurring activity's status follows the settings' cut-off days in the pane's list as on the plan sheet", async () => {
  await embeddedWorkbook();
  const recurring = HONG_LOC_2024.activities.find((a) => /Thường xuyên/.test(a.deadline))!;
  const settings = (await page.readWorkbookState(FILE_CAPS)).settings as Settings;
  // With cut-off days 1 and 31 Q2's data window is 01/04–30/06 (15/03–14/06 by default): a report of 20 March is Q1's.
  await page.saveSettings({ ...settings, asOf: "2024-05-10", cutoffStartDay: 1, cutoffEndDay: 31 }, FILE_CAPS);
  await page.addLogEntry({ activityId: recurring.id, date: "2024-03-20", status: "done", completedOn: null, evidence: "BC tháng 3", note: "", who: "" }, FILE_CAPS);
  const shown = (await page.readWorkbookState(FILE_CAPS)).activities.find((a) => a.id === recurring.id)!;
  const onSheet = (await readWorkbook(currentWorkbook()!.bytes)).planRows.find((r) => r.id === recurring.id)!;
  expect(shown.statusKey).toBe("no-report");
  expect(onSheet.status).toBe(shown.status);
});

test("a product workbook whose sheet markers another program dropped still opens as a plan; the unmarked copies are kept, renamed aside", async () => {
  await embeddedWorkbook();
  const files = unzipSync(currentWorkbook()!.bytes);
  setOwnerMarkers(files, readSheetRoles(currentWorkbook()!.bytes).map(() => null));
  await page.openWorkbook("luu-lai.xlsx", zipSync(files));
  const state = await page.readWorkbookState(FILE_CAPS);
  expect(state.hasPlan).toBe(true);
  expect(state.activities).toHaveLength(60);
  await page.addLogEntry({ activityId: first.id, date: "2024-03-02", status: "done", completedOn: "2024-03-01", evidence: "QĐ 1", note: "", who: "" }, FILE_CAPS);
  const roles = readSheetRoles(currentWorkbook()!.bytes);
  expect(roles.find((s) => s.name === "Kế hoạch")?.role).toBe("plan");
  expect(roles.find((s) => s.name === "Kế hoạch (cũ)")?.role).toBeNull();
  const read = await readWorkbook(currentWorkbook()!.bytes);
  expect(read.log.map((e) => e.activityId)).toEqual([first.id]);
});

test("a person's own sheet that is only named 'Kế hoạch' is not taken for the plan (no plan yet, nothing refused)", async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Kế hoạch").getCell("A1").value = "Việc của tôi";
  setWorkbook({ name: "so.xlsx", bytes: new Uint8Array(await wb.xlsx.writeBuffer()), changed: false });
  expect((await page.readWorkbookState(FILE_CAPS)).hasPlan).toBe(false);
  await page.applyImport(await page.previewImport({ kind: "embedded" }, {}, FILE_CAPS), FILE_CAPS);
  const roles = readSheetRoles(currentWorkbook()!.bytes);
  expect(roles.find((s) => s.name === "Kế hoạch (cũ)")?.role).toBeNull();
  expect((await page.readWorkbookState(FILE_CAPS)).activities).toHaveLength(60);
});
