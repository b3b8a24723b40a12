/**
 * The file page (dist/app.html) in headless Chromium with no Office at all: import a Word
 * appendix unlike the seed and download the workbook; open a workbook with progress, build a
 * quarter report, export it for the level above; axe on every step; offline after the first load.
 */
import * as fs from "fs";
import * as path from "path";
import type { Download, Page } from "playwright-core";
import { readSheetRoles, readWorkbook } from "../../../src/export/readWorkbook";
import { describeBrowser, expectAccessible, notice, OUT, screenshot, suiteBrowser, type Browser, type Served } from "../../e2e/harness";
import { OTHER_ROWS, otherAppendixDocx } from "../fixtures";

jest.setTimeout(240_000);

/** The page with every request outside its own origin refused (nothing is sent anywhere). */
async function openPage(browser: Browser, served: Served): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  const outside: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(served.url)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  await page.goto(`${served.url}/app.html`);
  await page.getByRole("heading", { name: "Kế hoạch CCHC" }).waitFor();
  return { page, errors, outside };
}

async function saved(download: Download, name: string): Promise<Uint8Array> {
  const file = path.join(OUT, "page", name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await download.saveAs(file);
  return new Uint8Array(fs.readFileSync(file));
}

async function downloadWorkbook(page: Page, name: string): Promise<{ bytes: Uint8Array; suggested: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: /^Tải sổ Excel/ }).click()]);
  return { bytes: await saved(download, name), suggested: download.suggestedFilename() };
}

describeBrowser("the file page in headless Chromium, no Office", () => {
  const suite = suiteBrowser();

  it("imports a Word appendix unlike the seed and downloads the workbook", async () => {
    const { page, errors, outside } = await openPage(suite.browser(), suite.served());
    await expect(page.getByRole("button", { name: /^Tải sổ Excel/ }).isDisabled()).resolves.toBe(true);
    await expectAccessible(page, "opened");
    await screenshot(page, "page-00-mo-trang");

    await page.getByRole("radio", { name: /Tệp phụ lục/ }).check();
    const docx = path.join(OUT, "page", "tan-phu-2025.docx");
    fs.mkdirSync(path.dirname(docx), { recursive: true });
    fs.writeFileSync(docx, otherAppendixDocx());
    await page.getByLabel("Chọn tệp .docx hoặc .xlsx").setInputFiles(docx);
    await page.getByRole("button", { name: "Đọc kế hoạch" }).click();
    await page.getByTestId("import-preview").waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("import-preview").textContent()).resolves.toContain(`${OTHER_ROWS.length} hoạt động`);
    await expectAccessible(page, "preview");
    await page.getByRole("button", { name: "Đưa vào sổ Excel" }).click();
    await notice(page, /Đã nhập kế hoạch/, 120_000);
    await screenshot(page, "page-01-da-nhap");
    await expectAccessible(page, "imported");

    const { bytes, suggested } = await downloadWorkbook(page, "tan-phu-2025.xlsx");
    expect(suggested).toMatch(/\.xlsx$/);
    const read = await readWorkbook(bytes);
    expect(read.model.plan.activities.map((a) => a.activity)).toEqual(OTHER_ROWS.map((r) => r.activity));
    expect(read.model.plan.activities.map((a) => a.lead)).toEqual(OTHER_ROWS.map((r) => r.lead));
    expect(read.model.settings.year).toBe(2025);
    const roles = readSheetRoles(bytes).map((s) => s.role);
    expect(roles).toEqual(expect.arrayContaining(["plan", "checks", "indicators", "units", "settings"]));
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });
});
