/**
 * Issue 15: the pane as a commune official meets it, in headless Chromium with the fake Excel
 * host. A workbook holding the 2024 sample plan of Hồng Lộc receives a Word appendix of another
 * commune for 2025 (20 activities): the replacement needs a confirmation naming both; impossible
 * dates are refused; no internal id is ever shown; the report of the imported plan lists its
 * targets and says "Chưa có báo cáo" for activities nobody reported on (so does the export); the
 * consolidation uses the report's period picker and refuses a period no file holds; one message
 * at a time, scoped to its tab; every visible string in one language; dates typed dd/mm/yyyy in
 * an en-US browser.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { planToDocx } from "../helpers/docxWriter";
import { axe, describeBrowser, launch, openPane, pageErrors, screenshot, serve, type Browser, type Served } from "./harness";

jest.setTimeout(300_000);

const FAKE = { requirementSets: "microsoft365", displayLanguage: "vi-VN", numberLocale: "vi-VN", today: "2025-12-10", customFunctionsNamespace: "CCHC" };
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Another commune's appendix: the sample's first 20 activities, as a Word table. */
function otherCommuneDocx(): Buffer {
  const y = (s: string) => s.replace(/2024/g, "2025");
  const activities = HONG_LOC_2024.activities.slice(0, 20).map((a) => ({ ...a, deadline: y(a.deadline), activity: y(a.activity), objective: y(a.objective) }));
  const groups = HONG_LOC_2024.groups.filter((g) => activities.some((a) => a.group === g.id));
  return Buffer.from(planToDocx({ groups, activities }, { title: ["ỦY BAN NHÂN DÂN XÃ THẠCH KIM", "KẾ HOẠCH Cải cách hành chính năm 2025"] }));
}

async function tableValues(page: Page, table: string): Promise<unknown[][]> {
  return page.evaluate(async (name) => {
    const w = window as any;
    return w.Excel.run(async (ctx: any) => {
      const t = ctx.workbook.tables.getItemOrNullObject(name);
      await ctx.sync();
      if (t.isNullObject) return [];
      const body = t.getDataBodyRange();
      body.load("values");
      await ctx.sync();
      return body.values;
    });
  }, table);
}

async function notice(page: Page, text: RegExp): Promise<string> {
  const bar = page.getByTestId("notice");
  await bar.filter({ hasText: text }).waitFor({ timeout: 90_000 });
  return (await bar.textContent()) ?? "";
}

const noticeCount = (page: Page) => page.getByTestId("notice").count();

/** Every visible text of the pane, except content marked as Vietnamese data (lang="vi") in English. */
async function visibleTexts(page: Page, lang: "vi" | "en"): Promise<string[]> {
  return page.evaluate((l) => {
    const skip = l === "en" ? '[lang="vi"], select, option' : '[lang="en"], select, option';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!el || el.closest(skip) || el.closest("script,style,noscript")) continue;
      const text = (node.textContent ?? "").trim();
      if (text) out.push(text);
    }
    return out;
  }, lang);
}

// Words that only a sentence of the other language contains (quoted data and file names removed first).
const VIETNAMESE_WORDS = /(?<![\p{L}])(của|và|các|được|không|chưa|Chưa|hãy|Hãy|Đã|đã|lỗi|cảnh báo|lưu ý|Gợi ý|hoạt động|tệp|ngày|tháng|kỳ|báo cáo|nhiệm vụ|Kiểm tra|Nhập|Tiến độ|Tổng hợp|Cài đặt|Gửi cấp trên)(?![\p{L}])/u;
const ENGLISH_WORDS = /(?<![\p{L}])(the|and|of|with|is|are|Choose|Import|Check|Progress|Report|Export|Consolidate|Settings|errors?|warnings?|notes|follow up|renumber|wrong-period|tampered|Done|Send|District|files?|activities|commune|Did you mean|add it)(?![\p{L}])/u;

async function expectOneLanguage(page: Page, lang: "vi" | "en", step: string): Promise<void> {
  const other = lang === "en" ? VIETNAMESE_WORDS : ENGLISH_WORDS;
  const bad = (await visibleTexts(page, lang))
    .map((t) => t.replace(/"[^"]*"|“[^”]*”/g, "").replace(/\S+\.(xlsx|docx)/g, ""))
    .filter((t) => other.test(t));
  if (bad.length) throw new Error(`${step}: text in the other language (${lang} chosen): ${JSON.stringify(bad.slice(0, 8))}`);
}

async function expectNoIds(page: Page, ids: string[], step: string): Promise<void> {
  const text = await page.evaluate(() => document.body.innerText);
  const shown = ids.filter((id) => text.includes(id));
  if (shown.length) throw new Error(`${step}: internal ids shown: ${shown.slice(0, 5).join(", ")}`);
}

describeBrowser("the pane as a commune official meets it (issue 15)", () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let planIds: string[] = [];

  beforeAll(async () => {
    served = await serve();
    browser = await launch({ locale: "en-US" });
    // The browser's locale is en-US (a date input would show mm/dd/yyyy); the pane must not care.
    page = await openPane(browser, served, { kind: "fake", options: FAKE });
    expect(await page.evaluate(() => navigator.language)).toBe("en-US");
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("labels the sample as sample data; with a plan in the workbook, it is no longer the default", async () => {
    await page.getByTestId("workbook-status").filter({ hasText: "chưa có kế hoạch" }).waitFor();
    await expect(page.getByTestId("help-link").getAttribute("href")).resolves.toBe("help.html");
    await page.getByRole("button", { name: "Đọc kế hoạch" }).click();
    await page.getByTestId("sample-label").waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Đưa vào sổ Excel" }).click();
    await notice(page, /Đã nhập kế hoạch/);
    await page.getByTestId("current-plan").filter({ hasText: "Hồng Lộc, năm 2024, 60 hoạt động" }).waitFor();
    expect(await page.getByRole("radio", { name: /Tệp phụ lục: Word/ }).isChecked()).toBe(true);
    expect(await page.getByRole("radio", { name: /Dữ liệu mẫu/ }).isChecked()).toBe(false);
  });

  it("replacing it with another commune's 2025 plan needs a confirmation naming both; cancel writes nothing", async () => {
    await page.getByLabel("Chọn tệp .docx hoặc .xlsx").setInputFiles({ name: "ke-hoach-thach-kim-2025.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: otherCommuneDocx() });
    await page.getByLabel("Năm kế hoạch").fill("2025");
    await page.getByLabel("Tên xã").fill("Thạch Kim");
    await page.getByRole("button", { name: "Đọc kế hoạch" }).click();
    const preview = page.getByTestId("import-preview");
    await preview.waitFor({ timeout: 60_000 });
    await expect(preview.textContent()).resolves.toMatch(/20 hoạt động/);
    const targets = page.getByTestId("import-indicators");
    await targets.waitFor();
    expect(await targets.locator("li").count()).toBeGreaterThan(0);
    expect(await noticeCount(page)).toBe(0); // the import's success banner went with the new action
    await page.getByRole("button", { name: "Cập nhật kế hoạch trong sổ" }).click();
    const confirm = page.getByTestId("replace-confirm");
    await confirm.waitFor();
    const text = (await confirm.textContent()) ?? "";
    expect(text).toMatch(/Hồng Lộc, năm 2024, 60 hoạt động/);
    expect(text).toMatch(/Thạch Kim, năm 2025, 20 hoạt động/);
    const moved = Number(/(\d+) hoạt động của kế hoạch cũ sẽ chuyển sang trang Lưu trữ/.exec(text)![1]);
    expect(moved).toBeGreaterThan(0);
    await screenshot(page, "11-xac-nhan-thay-ke-hoach");
    const violations = await axe(page);
    expect(violations).toEqual([]);
    await confirm.getByRole("button", { name: "Hủy" }).click();
    expect(await confirm.count()).toBe(0);
    expect(await tableValues(page, "KeHoach")).toHaveLength(60);

    await page.getByRole("button", { name: "Cập nhật kế hoạch trong sổ" }).click();
    await page.getByRole("button", { name: "Thay bằng kế hoạch vừa đọc" }).click();
    await notice(page, /Đã nhập kế hoạch/);
    await page.getByTestId("workbook-status").filter({ hasText: "20 hoạt động" }).waitFor();
    expect(await tableValues(page, "LuuTru")).toHaveLength(moved);
    planIds = (await tableValues(page, "KeHoach")).map((r) => String(r[0]));
    expect(planIds).toHaveLength(20);
    await expectNoIds(page, planIds, "import");
  });

  it("progress: dd/mm/yyyy fields, impossible dates refused, the status change explained, no ids", async () => {
    await page.getByRole("tab", { name: "Tiến độ" }).click();
    const entryDate = page.getByTestId("entry-date");
    await entryDate.waitFor();
    expect(await entryDate.getAttribute("type")).toBe("text");
    expect(await entryDate.inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    // An activity overdue at the as-of date (14/12/2025): due in January.
    const plan = await tableValues(page, "KeHoach");
    const q1 = plan.find((r) => /^(Trước 15\/01|Tháng 01)\/2025/.test(String(r[11])))!;
    await page.getByTestId("activity-select").selectOption(String(q1[0]));
    const card = page.getByTestId("selected-activity");
    await card.filter({ hasText: "Quá hạn" }).waitFor();
    await expectNoIds(page, planIds, "progress card");

    // 1. Dated after today.
    await entryDate.fill("15/03/2099");
    await page.getByRole("button", { name: "Ghi vào nhật ký" }).click();
    await page.getByText(/Ngày cập nhật 15\/03\/2099 sau hôm nay/).waitFor();
    // 2. Completed after the entry's date.
    await entryDate.fill("01/12/2025");
    await page.getByTestId("completed-on").fill("05/12/2025");
    await page.getByRole("button", { name: "Ghi vào nhật ký" }).click();
    await page.getByText(/Ngày hoàn thành 05\/12\/2025 sau ngày cập nhật 01\/12\/2025/).waitFor();
    expect((await tableValues(page, "NhatKy")).filter((r) => r[1] !== "")).toHaveLength(0);
    expect(await noticeCount(page)).toBe(0);
    await screenshot(page, "12-ngay-khong-hop-le");

    // 3. A real entry: 01/12/2025 is the first of December, not 12 January.
    await page.getByTestId("completed-on").fill("28/11/2025");
    await page.getByRole("button", { name: "Ghi vào nhật ký" }).click();
    const done = await notice(page, /Đã ghi tiến độ/);
    expect(done).toMatch(/Trạng thái: "Quá hạn" → "Hoàn thành quá hạn": hoàn thành ngày 28\/11\/2025, sau hạn/);
    const log = (await tableValues(page, "NhatKy")).filter((r) => r[1] !== "");
    expect(log).toHaveLength(1);
    const logged = log[0][0];
    expect(typeof logged === "number" ? logged : String(logged)).toEqual(typeof logged === "number" ? 45992 : expect.stringMatching(/2025-12-01|01\/12\/2025/));
    await card.filter({ hasText: "Hoàn thành quá hạn" }).waitFor();
    await expectNoIds(page, planIds, "progress notice");
    await screenshot(page, "13-trang-thai-da-doi");

    // 4. Checks read the same status: the activity is no longer listed as overdue.
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    expect(await noticeCount(page)).toBe(0); // the progress banner stays on its tab
    await page.getByTestId("findings").waitFor({ timeout: 60_000 });
    const row = plan.indexOf(q1) + 5; // the plan table's header is on row 4
    await page.locator('[aria-busy="true"]').waitFor({ state: "detached", timeout: 60_000 });
    const overdueCells = await page.locator('[data-finding="DEADLINE_OVERDUE"]').evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
    expect(overdueCells.some((c) => new RegExp(`[A-Z]+${row}$`).test(String(c)))).toBe(false);
    // A finding's cell is shown, not only announced.
    const first = page.locator("[data-finding]").first();
    const cell = /!([A-Z]+\d+)$/.exec((await first.getAttribute("data-cell")) ?? "")![1];
    await first.click();
    await notice(page, new RegExp(`Đã chọn ô ${cell} trên trang Kế hoạch`));
    await expectNoIds(page, planIds, "checks");
    await expectOneLanguage(page, "vi", "checks");
  });

  it("the 6-month report lists the appendix's targets and says 'Chưa có báo cáo'; so does the export", async () => {
    await page.getByRole("tab", { name: "Báo cáo" }).click();
    expect(await noticeCount(page)).toBe(0);
    await page.getByRole("radio", { name: "6 tháng" }).check();
    await page.getByRole("button", { name: "Lập báo cáo" }).click();
    await notice(page, /Đã lập báo cáo/);
    const targets = await tableValues(page, "BC_H1_2025_ChiTieu");
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.map((r) => String(r[1]))).not.toContain("(Kế hoạch không có chỉ tiêu định lượng)");
    // The counts by group have their own "Chưa có báo cáo" column (the fake host does not compute
    // the status formulas; the exported file below carries core's values).
    const headers = await page.evaluate(async () => (window as any).Excel.run(async (ctx: any) => {
      const h = ctx.workbook.tables.getItem("BC_H1_2025_Nhom").getHeaderRowRange();
      h.load("values");
      await ctx.sync();
      return h.values[0];
    }));
    expect(headers).toContain("Chưa có báo cáo");
    await expectOneLanguage(page, "vi", "report");

    await page.getByRole("tab", { name: "Gửi cấp trên" }).click();
    await page.getByRole("button", { name: "Xuất tệp gửi cấp trên" }).click();
    await notice(page, /Đã tạo tệp gửi cấp trên/);
    const created: string[] = await page.evaluate(() => (window as any).__fakeExcel.createdWorkbooks);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(created[created.length - 1], "base64") as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.getWorksheet("BC 6 tháng-2025")!.eachRow((r) => r.eachCell((c) => texts.push(String(c.value))));
    expect(texts).toContain("Chưa có báo cáo");
    expect(texts.some((t) => /chưa có báo cáo: [1-9]/.test(t))).toBe(true);
    // Nobody reported any activity as under way: "Đang thực hiện" is only the two tables' column header.
    expect(texts.filter((t) => t === "Đang thực hiện")).toHaveLength(2);
  });

  it("consolidation: the report's period picker, files with commune and period, no empty workbook for a period no file holds", async () => {
    const created: string[] = await page.evaluate(() => (window as any).__fakeExcel.createdWorkbooks);
    const exported = Buffer.from(created[created.length - 1], "base64");
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    expect(await noticeCount(page)).toBe(0);
    await page.getByLabel("Chọn các tệp báo cáo của xã (.xlsx)").setInputFiles([{ name: "BC-thach-kim-H1-2025.xlsx", mimeType: XLSX, buffer: exported }]);
    const files = page.getByTestId("rollup-files-table");
    await files.waitFor({ timeout: 60_000 });
    await expect(files.textContent()).resolves.toMatch(/Thạch Kim.*6 tháng\/2025/);
    await expect(page.getByTestId("rollup-quarter").inputValue()).resolves.toBe("2");
    await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    const refused = await notice(page, /Không có tệp hợp lệ nào của kỳ Quý II\/2025/);
    expect(refused).toMatch(/6 tháng\/2025/);
    expect(await page.evaluate(() => (window as any).__fakeExcel.createdWorkbooks.length)).toBe(created.length);
    await screenshot(page, "14-tong-hop-sai-ky");
    await page.getByRole("radio", { name: "6 tháng" }).check();
    await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    await notice(page, /Đã tổng hợp 1 xã/);
    expect(await page.evaluate(() => (window as any).__fakeExcel.createdWorkbooks.length)).toBe(created.length + 1);
    await expectOneLanguage(page, "vi", "rollup");
  });

  it("in English, every visible string is English: tabs, messages, suggestions, codes, counts", async () => {
    await page.getByRole("switch").click();
    await page.getByRole("heading", { name: "Reform plan (CCHC)" }).waitFor();
    expect(await page.getByRole("tab").count()).toBe(7);
    for (const tab of ["Import", "Check", "Progress", "Report", "Export report", "Consolidate", "Settings"]) expect(await page.getByRole("tab", { name: tab, exact: true }).count()).toBe(1);
    for (const tab of ["Import", "Check", "Progress", "Report", "Export report", "Consolidate", "Settings"]) {
      await page.getByRole("tab", { name: tab, exact: true }).click();
      await page.waitForTimeout(300);
      if (tab === "Check") await page.getByTestId("findings").waitFor({ timeout: 60_000 });
      await expectOneLanguage(page, "en", `tab ${tab}`);
      await expectNoIds(page, planIds, `tab ${tab}`);
    }
    // Messages in English: a refused date, a consolidation of the wrong period.
    await page.getByRole("tab", { name: "Progress" }).click();
    await page.getByTestId("activity-select").selectOption(planIds[1]);
    await page.getByTestId("entry-date").fill("15/03/2099");
    await page.getByRole("button", { name: "Add to the log" }).click();
    await page.getByText(/is after today/).waitFor();
    await expectOneLanguage(page, "en", "progress error");
    await page.getByRole("tab", { name: "Consolidate" }).click();
    // The file picker's button and "no file chosen" are the pane's words, not the browser's.
    await page.getByRole("button", { name: "Browse…" }).waitFor();
    await page.getByText("No file chosen").waitFor();
    const created: string[] = await page.evaluate(() => (window as any).__fakeExcel.createdWorkbooks);
    await page.getByLabel("Choose the communes' report files (.xlsx)").setInputFiles([{ name: "a.xlsx", mimeType: XLSX, buffer: Buffer.from(created[created.length - 2], "base64") }]);
    await page.getByTestId("rollup-files-table").waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Consolidate", exact: true }).click();
    await notice(page, /No valid file of Q2 2025/);
    await expectOneLanguage(page, "en", "rollup error");
    // The reader's notes in English (issue 12 item 4): Vĩnh Long's procedure table, whose total line is skipped.
    await page.getByRole("tab", { name: "Import" }).click();
    await page.getByLabel("Choose the .docx or .xlsx file").setInputFiles({ name: "T9.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: fs.readFileSync(path.join(__dirname, "..", "realplans", "fixtures", "T9.docx")) });
    await page.getByRole("button", { name: "Read the plan" }).click();
    const notes = page.getByTestId("import-notes");
    await notes.waitFor({ timeout: 60_000 });
    expect(await notes.textContent()).toMatch(/Row "Tổng thời gian[^"]*": a total line \("[^"]*"\) was skipped\./);
    await expectOneLanguage(page, "en", "import notes");
    await screenshot(page, "15-tieng-anh");
    expect(pageErrors(page)).toEqual([]);
  });
});
