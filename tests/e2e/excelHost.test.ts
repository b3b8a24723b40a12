/**
 * In Chromium, the pane's office.js is Microsoft's Excel client (excel-web-16.00.debug.js from
 * node_modules) and the workbook simulator runs in the page: the client's requests reach it, its
 * errors come back as the library's own OfficeExtension.Error, and the 5 MB limit of Excel on
 * the web is measured on the real request bodies.
 */
import { describeBrowser, openPane, pageErrors, suiteBrowser } from "./harness";

jest.setTimeout(120_000);

describeBrowser("Microsoft's Excel client against the simulator, in the pane's page", () => {
  const suite = suiteBrowser();

  it("the pane's Excel is Microsoft's library; its requests reach the simulator in the page", async () => {
    const page = await openPane(suite.browser(), suite.served(), { kind: "fake", options: { displayLanguage: "vi-VN", today: "2024-06-14" } });
    await page.getByRole("heading", { name: "Kế hoạch CCHC" }).waitFor();
    const out = await page.evaluate(async () => {
      const w = window as any;
      const before = w.__fakeExcel.stats.requests;
      await w.Excel.run(async (ctx: any) => {
        const ws = ctx.workbook.worksheets.add("Thử");
        ws.getRange("A1:B1").values = [["Hồng Lộc", 2024]];
        await ctx.sync();
      });
      const e = await w.Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getItem("Không có").load("name");
        await ctx.sync();
      }).catch((x: any) => x);
      return {
        real: typeof w.OfficeExtension.HttpUtility?.setCustomSendRequestFunc === "function",
        requests: w.__fakeExcel.stats.requests - before,
        cells: w.__fakeExcel.workbook.read("Thử", "A1:B1"),
        error: { isLibraryError: e instanceof w.OfficeExtension.Error, code: e.code, statement: e.debugInfo?.statement },
      };
    });
    expect(out.real).toBe(true);
    expect(out.requests).toBeGreaterThanOrEqual(2);
    expect(out.cells).toEqual([["Hồng Lộc", 2024]]);
    expect(out.error).toEqual({ isLibraryError: true, code: "ItemNotFound", statement: expect.stringMatching(/getItem/) });
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it("on Excel on the web, a request over 5 MB is refused with RequestPayloadSizeLimitExceeded", async () => {
    const page = await openPane(suite.browser(), suite.served(), { kind: "fake", options: { platform: "OfficeOnline" } });
    await page.getByRole("heading").first().waitFor();
    const code = await page.evaluate(async () => {
      const w = window as any;
      const big = Array.from({ length: 3000 }, (_, i) => [`${"Nội dung hoạt động ".repeat(100)}${i}`]);
      return w.Excel.run(async (ctx: any) => {
        ctx.workbook.worksheets.getActiveWorksheet().getRange("A1:A3000").values = big;
        await ctx.sync();
      }).then(() => "ok", (e: any) => e.code);
    });
    expect(code).toBe("RequestPayloadSizeLimitExceeded");
    await page.close();
  });
});
