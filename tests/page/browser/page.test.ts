/**
 * The file page (dist/app.html) in headless Chromium with no Office at all: import a Word
 * appendix unlike the seed and download the workbook; open a workbook with progress, build a
 * quarter report, export it for the level above and consolidate that export; axe on every step;
 * offline after the first load.
 */
import * as fs from "fs";
import * as path from "path";
import type { Download, Page } from "playwright-core";
import { readWorkbook as readThrough } from "../../../src/app/readWorkbook";
import { xlsxWorkbook } from "../../../src/adapters/xlsx/xlsxWorkbook";
import { readSheetRoles } from "../../../src/adapters/xlsx/xlsxRead";

const readWorkbook = (bytes: Uint8Array) => readThrough(xlsxWorkbook(bytes));
import { describeBrowser, expectAccessible, notice, OUT, screenshot, suiteBrowser, type Browser, type Served } from "../../e2e/harness";
import { runCli } from "../../helpers/cli";
import { OTHER_ROWS, otherAppendixDocx } from "../fixtures";

jest.setTimeout(240_000);

/** The page with every request outside its own origin refused (nothing is sent anywhere). */
async function openPage(browser: Browser, served: Served): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 900, height: 900 }); // a browser window, not a task pane
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

  it("opens a workbook with progress, builds a quarter report, exports it for the level above, consolidates it; the downloads read back", async () => {
    const demo = path.join(OUT, "page", "demo.xlsx");
    expect((await runCli(["demo", "--out", demo])).code).toBe(0);
    const { page, errors, outside } = await openPage(suite.browser(), suite.served());
    await page.getByLabel(/^Mở sổ Excel/).setInputFiles(demo);
    await notice(page, /Đã mở sổ demo\.xlsx/);
    await page.getByTestId("workbook-status").filter({ hasText: /60/ }).waitFor();

    await page.getByRole("tab", { name: "Báo cáo" }).click();
    await page.locator('select[data-testid$="-quarter"]').selectOption("3");
    await page.getByRole("button", { name: /Lập (lại )?báo cáo/ }).click();
    await page.getByTestId("report-summary").filter({ hasText: "BC Quý III-2024" }).waitFor({ timeout: 120_000 });
    await screenshot(page, "page-02-bao-cao");
    await expectAccessible(page, "report");
    const { bytes } = await downloadWorkbook(page, "demo-q3.xlsx");
    const read = await readWorkbook(bytes);
    expect(read.reports.map((r) => r.name)).toContain("BC Quý III-2024");
    expect(read.log.length).toBeGreaterThan(0);
    expect(read.model.plan.activities).toHaveLength(60);

    await page.getByRole("tab", { name: "Gửi cấp trên" }).click();
    for (const box of await page.getByRole("checkbox", { name: /^BC / }).all()) {
      const name = (await box.getAttribute("aria-label")) ?? (await box.evaluate((el) => (el as HTMLInputElement).labels?.[0]?.textContent ?? ""));
      if (/Quý III-2024/.test(name) !== (await box.isChecked())) await box.click();
    }
    await page.getByRole("button", { name: "Xuất tệp gửi cấp trên" }).click();
    const link = page.getByTestId("download-link");
    await link.waitFor({ timeout: 120_000 });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const sent = await saved(download, download.suggestedFilename());
    expect(download.suggestedFilename()).toMatch(/^BC-CCHC-hong-loc-Q3-2024\.xlsx$/);
    const sheets = readSheetRoles(sent).map((s) => s.name);
    expect(sheets).toContain("BC Quý III-2024");
    expect(sheets).toContain("Thông tin");
    await screenshot(page, "page-03-gui-huyen");
    await expectAccessible(page, "export");

    // The level above consolidates the communes' exports on the same page.
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByLabel(/^Chọn các tệp báo cáo/).setInputFiles(path.join(OUT, "page", download.suggestedFilename()));
    await page.getByTestId("rollup-files-table").waitFor({ timeout: 60_000 });
    await page.locator('select[data-testid$="-quarter"]').selectOption("3");
    await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    await page.getByText("Đã tổng hợp 1 xã.").waitFor({ timeout: 120_000 });
    const [summary] = await Promise.all([page.waitForEvent("download"), page.getByRole("tabpanel").getByRole("link", { name: /^Tải tệp TH-CCHC/ }).click()]);
    const district = await saved(summary, summary.suggestedFilename());
    expect(readSheetRoles(district).length).toBeGreaterThan(0);
    await screenshot(page, "page-04-tong-hop");
    await expectAccessible(page, "rollup");
    expect(errors).toEqual([]);
    expect(outside).toEqual([]);
    await page.close();
  });

  it("works with the network cut after its first load (service worker)", async () => {
    const context = suite.browser().context;
    const page = await context.newPage();
    await page.goto(`${suite.served().url}/app.html`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await context.setOffline(true);
    try {
      await page.reload();
      await page.getByRole("heading", { name: "Kế hoạch CCHC" }).waitFor();
      await page.getByRole("radio", { name: /Hồng Lộc/ }).check();
      await page.getByRole("button", { name: "Đọc kế hoạch" }).click();
      await page.getByTestId("import-preview").waitFor({ timeout: 60_000 });
      await page.getByRole("button", { name: "Đưa vào sổ Excel" }).click();
      await notice(page, /Đã nhập kế hoạch/, 120_000);
      const { bytes } = await downloadWorkbook(page, "offline.xlsx");
      expect((await readWorkbook(bytes)).model.plan.activities).toHaveLength(60);
    } finally {
      await context.setOffline(false);
      await page.close();
    }
  });
});
