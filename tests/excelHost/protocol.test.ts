/** The wire between Microsoft's Excel client and the simulator: requests, results, identities, references, errors. */
import { createExcelHost, type ExcelHost } from ".";
import { fromWire, toWire } from "./server";

function hostWith(values: (string | number)[][] = [["a", 1]], options = {}): ExcelHost {
  return createExcelHost({ workbook: { sheets: [{ name: "Plan", values }] }, ...options });
}

describe("the real client against the simulator", () => {
  it("sends one ProcessQuery request per non-empty sync and reads results back", async () => {
    const h = hostWith();
    h.recordRequests(true);
    const out = await h.Excel.run(async (ctx: Excel.RequestContext) => {
      const r = ctx.workbook.worksheets.getItem("Plan").getRange("A1:B2");
      r.values = [[1, 2], [3, 4]];
      r.load("values,address");
      await ctx.sync();
      return [r.values, r.address];
    });
    expect(out).toEqual([[[1, 2], [3, 4]], "Plan!A1:B2"]);
    expect(h.stats.syncs).toBe(1);
    expect(h.stats.requests).toBeGreaterThanOrEqual(1);
    const first = h.requests[0];
    expect(first.Actions.some((a) => a.ActionType === 4 && a.Name === "Values")).toBe(true);
    expect(Object.values(first.ObjectPaths).some((p) => p.ObjectPathType === 3 && p.Name === "GetRange")).toBe(true);
    expect(h.workbook.read("Plan", "A1:B2")).toEqual([[1, 2], [3, 4]]);
  });

  it("reading a property that was not loaded throws the real PropertyNotLoaded", async () => {
    const h = hostWith();
    await expect(
      h.Excel.run(async (ctx: Excel.RequestContext) => {
        const r = ctx.workbook.worksheets.getItem("Plan").getRange("A1");
        await ctx.sync();
        return r.values;
      }),
    ).rejects.toMatchObject({ code: "PropertyNotLoaded" });
  });

  it("a missing item fails the sync with ItemNotFound and the failing statement in debugInfo", async () => {
    const h = hostWith();
    const e = await h.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.getItem("Nope").load("name");
      await ctx.sync();
    }).catch((x) => x);
    expect(e).toBeInstanceOf(h.OfficeExtension.Error);
    expect(e.code).toBe("ItemNotFound");
    expect(e.debugInfo.statement).toMatch(/getItem/);
  });

  it("getItemOrNullObject gives isNullObject after the sync", async () => {
    const h = hostWith();
    const out = await h.Excel.run(async (ctx: Excel.RequestContext) => {
      const t = ctx.workbook.tables.getItemOrNullObject("T");
      const s = ctx.workbook.worksheets.getItemOrNullObject("Plan");
      await ctx.sync();
      return [t.isNullObject, s.isNullObject];
    });
    expect(out).toEqual([true, false]);
  });

  it("wire names are the JavaScript names with an upper-case first letter, as the library's metadata says", () => {
    const h = hostWith();
    const X = h.Excel as any;
    let checked = 0;
    for (const cls of ["Range", "Worksheet", "Table", "RangeFormat", "RangeFont", "DataValidation", "PageLayout", "NamedItem", "ConditionalFormat"]) {
      const p = X[cls].prototype;
      const js: string[] = p._scalarPropertyNames;
      const wire: string[] = p._scalarPropertyOriginalNames;
      js.forEach((n, i) => {
        expect(toWire(n)).toBe(wire[i]);
        expect(fromWire(wire[i])).toBe(n);
        checked++;
      });
    }
    expect(checked).toBeGreaterThan(50);
  });
});
