/** Excel's documented rules and limits, enforced by the simulator and reported through Microsoft's client with Excel's codes. */
import { createExcelHost, type ExcelHost } from ".";

type Ctx = Excel.RequestContext;

function host(options = {}): ExcelHost {
  return createExcelHost({ workbook: { sheets: [{ name: "Kế hoạch", values: [["Mã", "Hoạt động"], ["I.1", "Rà soát"]] }] }, ...options });
}

async function failure(h: ExcelHost, f: (ctx: Ctx) => void): Promise<{ code: string; httpStatusCode?: number; message: string }> {
  const e = await h.Excel.run(async (ctx: Ctx) => {
    f(ctx);
    await ctx.sync();
  }).then(
    () => null,
    (x: { code: string; httpStatusCode?: number; message: string }) => x,
  );
  if (!e) throw new Error("expected the sync to fail");
  return e;
}

describe("sheet names", () => {
  it("at most 31 characters", async () => {
    const h = host();
    expect((await failure(h, (ctx) => ctx.workbook.worksheets.add("x".repeat(32)))).code).toBe("InvalidArgument");
    await h.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.add("x".repeat(31));
      await ctx.sync();
    });
    expect(h.workbook.sheetNames()).toContain("x".repeat(31));
  });

  it.each([":", "\\", "/", "?", "*", "[", "]"])("never with %s", async (ch) => {
    const h = host();
    expect((await failure(h, (ctx) => (ctx.workbook.worksheets.getItem("Kế hoạch").name = `Kế${ch}hoạch`))).code).toBe("InvalidArgument");
    expect(h.workbook.sheetNames()).toEqual(["Kế hoạch"]);
  });

  it("unique ignoring case: ItemAlreadyExists (409)", async () => {
    const h = host();
    const e = await failure(h, (ctx) => ctx.workbook.worksheets.add("KẾ HOẠCH"));
    expect(e.code).toBe("ItemAlreadyExists");
    expect(e.httpStatusCode).toBe(409);
  });
});

describe("cell contents", () => {
  it("the values array must have the range's shape, also when the client splits a large write", async () => {
    const h = host();
    expect((await failure(h, (ctx) => (ctx.workbook.worksheets.getItem("Kế hoạch").getRange("A1:B2").values = [[1, 2, 3]]))).code).toBe("InvalidArgument");
    // 2,000 × 1 cells for a 2,001-row range: the client sends _ValidateArraySize first, then 1,500-cell chunks.
    const rows = Array.from({ length: 2000 }, (_, i) => [i]);
    expect((await failure(h, (ctx) => (ctx.workbook.worksheets.getItem("Kế hoạch").getRange("D1:D2001").values = rows))).code).toBe("InvalidArgument");
    expect(h.workbook.read("Kế hoạch", "D1:D2")).toEqual([[""], [""]]);
  });

  it("a cell holds at most 32,767 characters", async () => {
    const h = host();
    expect((await failure(h, (ctx) => (ctx.workbook.worksheets.getItem("Kế hoạch").getRange("C1").values = [["ạ".repeat(32768)]]))).code).toBe("InvalidArgument");
    await h.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("Kế hoạch").getRange("C1").values = [["ạ".repeat(32767)]];
      await ctx.sync();
    });
    expect(String(h.workbook.read("Kế hoạch", "C1")[0][0]).length).toBe(32767);
  });

  it("a formula holds at most 8,192 characters", async () => {
    const h = host();
    const long = `=${Array.from({ length: 2100 }, () => "1").join("+")}`; // 4,200 characters: fine
    const tooLong = `=${Array.from({ length: 4100 }, () => "1").join("+")}`; // 8,200 characters
    await h.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.worksheets.getItem("Kế hoạch").getRange("C1").formulas = [[long]];
      await ctx.sync();
    });
    expect(h.workbook.read("Kế hoạch", "C1")).toEqual([[2100]]);
    expect((await failure(h, (ctx) => (ctx.workbook.worksheets.getItem("Kế hoạch").getRange("C2").formulas = [[tooLong]]))).code).toBe("InvalidArgument");
  });
});

describe("tables, names and validation", () => {
  it("tables may not overlap", async () => {
    const h = host();
    await h.Excel.run(async (ctx: Ctx) => {
      ctx.workbook.tables.add("'Kế hoạch'!A1:B2", true).name = "KeHoach";
      await ctx.sync();
    });
    const e = await failure(h, (ctx) => ctx.workbook.tables.add("'Kế hoạch'!B2:C4", true));
    expect(e.code).toBe("MergedRangeConflict");
    expect(e.message).toMatch(/can't overlap/);
  });

  it("a missing table is ItemNotFound (404); a duplicate defined name is ItemAlreadyExists", async () => {
    const h = host();
    const e = await failure(h, (ctx) => ctx.workbook.tables.getItem("KhongCo").load("name"));
    expect([e.code, e.httpStatusCode]).toEqual(["ItemNotFound", 404]);
    const d = await failure(h, (ctx) => {
      ctx.workbook.names.add("CCHC_YEAR", "=2024");
      ctx.workbook.names.add("cchc_year", "=2025");
    });
    expect(d.code).toBe("ItemAlreadyExists");
  });

  it("a list validation's source is at most 255 characters", async () => {
    const h = host();
    const items = Array.from({ length: 40 }, (_, i) => `Mục ${i + 1}`).join(",");
    expect(items.length).toBeGreaterThan(255);
    const e = await failure(h, (ctx) => (ctx.workbook.worksheets.getItem("Kế hoạch").getRange("C2:C5").dataValidation.rule = { list: { inCellDropDown: true, source: items } }));
    expect(e.code).toBe("InvalidArgument");
    expect(h.snapshot().sheets[0].dataValidations).toEqual([]);
  });

  it("an address that is not one is InvalidArgument", async () => {
    const h = host();
    expect((await failure(h, (ctx) => ctx.workbook.worksheets.getItem("Kế hoạch").getRange("A0:ZZZZ1").load("address"))).code).toBe("InvalidArgument");
  });
});

describe("Excel on the web: 5 MB a request and a response, measured on the real bodies", () => {
  const big = () => Array.from({ length: 3000 }, (_, i) => [`${"Nội dung hoạt động ".repeat(50)}${i}`]); // ~3 MB of UTF-8 text, 6 MB with its copy
  /** Columns C and D filled with big(), one sync each. */
  const fillInTwoSyncs = (h: ExcelHost) =>
    h.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kế hoạch");
      ws.getRange("C1:C3000").values = big();
      await ctx.sync();
      ws.getRange("D1:D3000").values = big();
      await ctx.sync();
    });

  it("a request over 5 MB is refused whole with RequestPayloadSizeLimitExceeded: nothing of it is applied", async () => {
    const h = host({ platform: "OfficeOnline" });
    const e = await failure(h, (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kế hoạch");
      ws.getRange("A1").values = [["trước"]];
      ws.getRange("C1:C3000").values = big();
      ws.getRange("D1:D3000").values = big();
    });
    expect(e.code).toBe("RequestPayloadSizeLimitExceeded");
    expect(h.stats.largestRequest).toBeGreaterThan(5 * 1024 * 1024);
    expect(h.workbook.read("Kế hoạch", "A1")).toEqual([["Mã"]]);
  });

  it("the same request is fine on the desktop, and split in two it is fine on the web", async () => {
    const desk = host();
    await desk.Excel.run(async (ctx: Ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kế hoạch");
      ws.getRange("C1:C3000").values = big();
      ws.getRange("D1:D3000").values = big();
      await ctx.sync();
    });
    const web = host({ platform: "OfficeOnline" });
    await fillInTwoSyncs(web);
    expect(web.stats.largestRequest).toBeLessThan(5 * 1024 * 1024);
    expect(web.workbook.read("Kế hoạch", "D3000")).toEqual(desk.workbook.read("Kế hoạch", "D3000"));
  });

  it("a response over 5 MB fails with ResponsePayloadSizeLimitExceeded", async () => {
    const h = host({ platform: "OfficeOnline" });
    await fillInTwoSyncs(h);
    const e = await failure(h, (ctx) => ctx.workbook.worksheets.getItem("Kế hoạch").getRange("C1:D3000").load("values"));
    expect(e.code).toBe("ResponsePayloadSizeLimitExceeded");
  });
});
