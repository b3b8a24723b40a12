/**
 * The task pane driven as a user would, in headless Chromium, against Microsoft's Excel client and
 * the workbook simulator (tests/excelHost) served in place of office.js: import the embedded plan, see the findings, click one (the selection
 * moves), log progress on two activities, build the Q2 report, export it. Every step is checked
 * on the fake workbook, screenshotted (test-output/e2e/) and checked with axe-core.
 */
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { describeBrowser, expectAccessible, notice, openPane, pageErrors, screenshot, suiteBrowser } from "./harness";

jest.setTimeout(180_000);

const FAKE = { requirementSets: "microsoft365", displayLanguage: "vi-VN", numberLocale: "vi-VN", today: "2024-06-14", customFunctionsNamespace: "CCHC" };

async function snapshot(page: Page): Promise<any> {
  return page.evaluate(() => (window as any).__fakeExcel.snapshot());
}

async function tableValues(page: Page, table: string): Promise<unknown[][]> {
  return page.evaluate(async (name) => {
    const w = window as any;
    return w.Excel.run(async (ctx: any) => {
      const body = ctx.workbook.tables.getItem(name).getDataBodyRange();
      body.load("values");
      await ctx.sync();
      return body.values;
    });
  }, table);
}

describeBrowser("task pane in headless Chromium with the fake Excel host", () => {
  const suite = suiteBrowser();

  it("opened outside Office, shows a friendly message instead of crashing", async () => {
    const page = await openPane(suite.browser(), suite.served(), { kind: "none" });
    await page.getByTestId("no-office").waitFor();
    await expect(page.getByText("Hãy mở trang này trong Excel").first().isVisible()).resolves.toBe(true);
    await expect(page.getByText(/only runs inside Microsoft Excel/).isVisible()).resolves.toBe(true);
    await screenshot(page, "00-ngoai-excel");
    await expectAccessible(page, "no office");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it("when Office never reports Excel, shows the same message after a while", async () => {
    const page = await openPane(suite.browser(), suite.served(), { kind: "never-ready" });
    await page.getByTestId("no-office").waitFor({ timeout: 15_000 });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it("speaks English when Office's display language is English, with a switch back to Vietnamese", async () => {
    const page = await openPane(suite.browser(), suite.served(), { kind: "fake", options: { ...FAKE, displayLanguage: "en-US" } });
    await page.getByRole("heading", { name: "Reform plan (CCHC)" }).waitFor();
    await expect(page.getByRole("tab", { name: "Import" }).isVisible()).resolves.toBe(true);
    await page.getByRole("switch").click();
    await page.getByRole("heading", { name: "Kế hoạch CCHC" }).waitFor();
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe("vi");
    await page.close();
  });

  it("imports the embedded plan, shows and follows findings, logs progress, builds the Q2 report and exports it", async () => {
    const page = await openPane(suite.browser(), suite.served(), { kind: "fake", options: FAKE });
    await page.getByRole("heading", { name: "Kế hoạch CCHC" }).waitFor();
    await page.getByTestId("workbook-status").filter({ hasText: "chưa có kế hoạch" }).waitFor();
    await screenshot(page, "01-mo-ngan-tac-vu");
    await expectAccessible(page, "start");

    // 1. Import the embedded plan: read, look at what was read, write.
    await page.getByRole("button", { name: "Đọc kế hoạch" }).click();
    const preview = page.getByTestId("import-preview");
    await preview.waitFor({ timeout: 60_000 });
    await expect(preview.textContent()).resolves.toMatch(/60 hoạt động/);
    await expect(page.getByTestId("groups-table").locator("tbody tr").count()).resolves.toBe(9); // I … VI, VII (heading), VII.A, VII.B
    await screenshot(page, "02-doc-ke-hoach");
    await expectAccessible(page, "preview");
    await page.getByRole("button", { name: "Đưa vào sổ Excel" }).click();
    await notice(page, /Đã nhập kế hoạch/);
    await page.getByTestId("workbook-status").filter({ hasText: "60 hoạt động" }).waitFor();
    let snap = await snapshot(page);
    const sheetNames = snap.sheets.map((s: any) => s.name);
    expect(sheetNames).toEqual(expect.arrayContaining(["Kế hoạch", "Kiểm tra", "Chỉ tiêu", "Đơn vị", "Cài đặt", "Nhật ký tiến độ"]));
    expect(sheetNames.some((n: string) => n.startsWith("~cchc"))).toBe(false);
    const planTable = snap.tables.find((t: any) => t.name === "KeHoach");
    expect(planTable.range).toMatch(/^A4:[A-Z]+64$/);
    await screenshot(page, "03-da-nhap");

    // 2. Findings: grouped by severity and rule; clicking one selects its cell.
    await page.getByRole("tab", { name: "Kiểm tra" }).click();
    await page.getByTestId("findings").waitFor({ timeout: 60_000 });
    await expect(page.getByTestId("findings").textContent()).resolves.toMatch(/\d+ lỗi, \d+ cảnh báo/);
    const missingOwner = page.locator('[data-finding="OWNER_MISSING"]').first();
    await missingOwner.waitFor();
    await screenshot(page, "04-kiem-tra");
    await expectAccessible(page, "findings");
    const target = (await missingOwner.getAttribute("data-cell")) ?? "";
    const cell = /'Kế hoạch'!([A-Z]+\d+)/.exec(target)![1];
    await missingOwner.click();
    await page.getByTestId("live").filter({ hasText: `Đã chọn ô` }).waitFor();
    snap = await snapshot(page);
    expect(snap.activeSheet).toBe("Kế hoạch");
    expect(snap.sheets.find((s: any) => s.name === "Kế hoạch").selection).toBe(cell);
    await screenshot(page, "05-chon-o-loi");

    // 3. Progress on two activities: one from the list, one from the selected row.
    // The first activity due in quarter II, so that the Q2 report counts it as done.
    const plan = await tableValues(page, "KeHoach");
    const q2 = plan.find((r) => /Quý II/.test(String(r[11])) && !/III|IV/.test(String(r[11])))!;
    await page.getByRole("tab", { name: "Tiến độ" }).click();
    await page.getByTestId("activity-select").selectOption(String(q2[0]));
    const firstId = await page.getByTestId("activity-select").inputValue();
    await page.getByLabel("Ngày cập nhật").fill("20/05/2024");
    await page.getByLabel("Ngày hoàn thành").fill("18/05/2024");
    await page.getByLabel("Tài liệu kiểm chứng (số văn bản hoặc đường dẫn)").fill("Công văn 123/UBND");
    await page.getByLabel("Người cập nhật").fill("Tư pháp - Hộ tịch");
    await screenshot(page, "06-cap-nhat-tien-do");
    await expectAccessible(page, "progress form");
    await page.getByRole("button", { name: "Ghi vào nhật ký" }).click();
    await notice(page, /Đã ghi tiến độ/);

    await page.evaluate(async () => {
      const w = window as any;
      await w.Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getItem("Kế hoạch").getRange("H12").select();
        await ctx.sync();
      });
    });
    await page.getByRole("button", { name: "Lấy hoạt động ở dòng đang chọn" }).click();
    await page.getByTestId("selected-activity").waitFor();
    const secondId = await page.getByTestId("activity-select").inputValue();
    expect(secondId).not.toBe(firstId);
    await page.getByLabel("Tình trạng").selectOption("in-progress");
    await page.getByLabel("Ngày cập nhật").fill("10/06/2024");
    await page.getByLabel("Tài liệu kiểm chứng (số văn bản hoặc đường dẫn)").fill('=HYPERLINK("http://x","y")');
    await page.getByLabel("Ghi chú").fill("@SUM(1+1)");
    await page.getByRole("button", { name: "Ghi vào nhật ký" }).click();
    const logged = await notice(page, /Đã ghi tiến độ của hoạt động "[IVX]+[^·]*·/);
    expect(logged).not.toContain(secondId);
    await screenshot(page, "07-da-ghi-tien-do");
    const log = await tableValues(page, "NhatKy");
    const entries = log.filter((r) => r[1] !== "");
    expect(entries.map((r) => r[1])).toEqual([firstId, secondId]);
    expect(entries[0][2]).toBe("Đã hoàn thành");
    expect(entries[1][4]).toBe('=HYPERLINK("http://x","y")');
    expect(entries[1][5]).toBe("@SUM(1+1)");
    snap = await snapshot(page);
    const logSheet = snap.sheets.find((s: any) => s.name === "Nhật ký tiến độ");
    const hostile = Object.values(logSheet.cells as Record<string, any>).find((c: any) => c && typeof c === "object" && c.v === '=HYPERLINK("http://x","y")');
    expect(hostile).toBeDefined();
    expect((hostile as any).f ?? null).toBeNull();

    // 4. The Q2 report.
    await page.getByRole("tab", { name: "Báo cáo" }).click();
    await expect(page.getByTestId("report-quarter").inputValue()).resolves.toBe("2");
    await page.getByRole("button", { name: "Lập báo cáo" }).click();
    const built = await notice(page, /Đã lập báo cáo/);
    expect(built).toMatch(/hoàn thành [1-9]\d*\/\d+ nhiệm vụ/);
    await page.getByTestId("report-summary").waitFor();
    snap = await snapshot(page);
    expect(snap.sheets.map((s: any) => s.name)).toContain("BC Quý II-2024");
    expect(snap.activeSheet).toBe("BC Quý II-2024");
    await screenshot(page, "08-bao-cao-quy-II");
    await expectAccessible(page, "report");

    // 5. Export for the district: Excel.createWorkbook receives an .xlsx.
    await page.getByRole("tab", { name: "Gửi cấp trên" }).click();
    const box = page.getByRole("checkbox", { name: "BC Quý II-2024" });
    await box.waitFor();
    expect(await box.isChecked()).toBe(true);
    await page.getByRole("button", { name: "Xuất tệp gửi cấp trên" }).click();
    await notice(page, /Đã tạo tệp gửi cấp trên/);
    await page.getByTestId("download-link").waitFor();
    await screenshot(page, "09-gui-huyen");
    await expectAccessible(page, "export");
    const created: string[] = await page.evaluate(() => (window as any).__fakeExcel.createdWorkbooks);
    expect(created).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(created[0], "base64") as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(["BC Quý II-2024", "Kế hoạch", "Thông tin"]));
    let formulas = 0;
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => {
      if (c.formula || (c.value && typeof c.value === "object" && "formula" in (c.value as object))) formulas++;
    })));
    expect(formulas).toBe(0);

    // 6. District consolidation: the exported file, and a copy with one key figure edited.
    const original = Buffer.from(created[0], "base64");
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.load(original as unknown as ArrayBuffer);
    const report = edited.getWorksheet("BC Quý II-2024")!;
    let changed = false;
    report.eachRow((row) => row.eachCell((c) => {
      if (!changed && typeof c.value === "number" && c.value > 0) {
        c.value = c.value + 1;
        changed = true;
      }
    }));
    const tampered = Buffer.from(await edited.xlsx.writeBuffer());
    await page.getByRole("tab", { name: "Tổng hợp" }).click();
    await page.getByLabel("Chọn các tệp báo cáo của xã (.xlsx)").setInputFiles([
      { name: "BC-CCHC-hong-loc-Q2-2024.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: original },
      { name: "BC-CCHC-da-sua.xlsx", mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", buffer: tampered },
    ]);
    await page.getByTestId("rollup-files-table").waitFor();
    await expect(page.getByTestId("rollup-quarter").inputValue()).resolves.toBe("2");
    await page.getByRole("button", { name: "Tổng hợp", exact: true }).click();
    const text = await notice(page, /Đã tổng hợp/);
    expect(text).toMatch(/1 xã/);
    expect(text).toMatch(/BC-CCHC-da-sua\.xlsx/);
    await screenshot(page, "10-tong-hop-huyen");
    await expectAccessible(page, "rollup");
    const rolled: string[] = await page.evaluate(() => (window as any).__fakeExcel.createdWorkbooks);
    expect(rolled).toHaveLength(2);

    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });
});
