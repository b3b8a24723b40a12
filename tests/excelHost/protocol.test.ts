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

describe("identities and references", () => {
  it("a worksheet comes back with its id, and items of a collection are addressed by id", async () => {
    const h = hostWith();
    h.recordRequests(true);
    await h.Excel.run(async (ctx: Excel.RequestContext) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name");
      await ctx.sync();
      sheets.items[0].getRange("A1").values = [["đã sửa"]];
      await ctx.sync();
    });
    const id = h.workbook.sheet("Plan")!.id;
    const second = h.requests[1];
    const indexer = Object.values(second.ObjectPaths).find((p) => p.ObjectPathType === 5);
    expect(indexer?.ArgumentInfo?.Arguments).toEqual([id]);
    expect(h.workbook.read("Plan", "A1")).toEqual([["đã sửa"]]);
  });

  it("Excel.run keeps references (_KeepReference) for ranges and releases them all at the end", async () => {
    const h = hostWith();
    h.recordRequests(true);
    await h.Excel.run(async (ctx: Excel.RequestContext) => {
      const r = ctx.workbook.worksheets.getItem("Plan").getRange("A1:B1");
      r.load("values");
      await ctx.sync();
      r.values = [["x", "y"]];
      await ctx.sync();
    });
    const names = h.requests.flatMap((q) => q.Actions.map((a) => a.Name));
    expect(names).toContain("_KeepReference");
    expect(names).toContain("_RemoveReference");
    expect(h.server.references.size).toBe(0);
    // The second sync reached the range through its reference id, not by rebuilding the path.
    expect(Object.values(h.requests[1].ObjectPaths).some((p) => p.ObjectPathType === 6)).toBe(true);
    expect(h.workbook.read("Plan", "A1:B1")).toEqual([["x", "y"]]);
  });

  it("a tracked object survives across Excel.run calls until it is untracked", async () => {
    const h = hostWith();
    const range = await h.Excel.run(async (ctx: Excel.RequestContext) => {
      const r = ctx.workbook.worksheets.getItem("Plan").getRange("B2");
      ctx.trackedObjects.add(r);
      await ctx.sync();
      return r;
    });
    expect(h.server.references.size).toBe(1);
    await h.Excel.run(range, async (ctx: Excel.RequestContext) => {
      range.values = [[42]];
      ctx.trackedObjects.remove(range);
      await ctx.sync();
    });
    expect(h.workbook.read("Plan", "B2")).toEqual([[42]]);
    expect(h.server.references.size).toBe(0);
  });

  it("an object used after its Excel.run ended fails with InvalidObjectPath", async () => {
    const h = hostWith();
    const range = await h.Excel.run(async (ctx: Excel.RequestContext) => {
      const r = ctx.workbook.worksheets.getItem("Plan").getRange("A1");
      r.load("values");
      await ctx.sync();
      return r;
    });
    await expect(
      h.Excel.run(async (ctx: Excel.RequestContext) => {
        range.load("address");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: expect.stringMatching(/InvalidObjectPath|InvalidRequestContext/) });
  });

  it("collections come back as _Items with PascalCase properties", async () => {
    const h = hostWith();
    h.recordRequests(true);
    const seen: unknown[] = [];
    const real = h.server.process.bind(h.server);
    h.server.process = (req) => {
      const res = real(req);
      seen.push(res);
      return res;
    };
    await h.Excel.run(async (ctx: Excel.RequestContext) => {
      ctx.workbook.worksheets.load("items/name,items/visibility");
      await ctx.sync();
    });
    const json = JSON.stringify(seen[0]);
    expect(json).toContain('"_Items":[{"Name":"Plan","Visibility":"Visible"');
  });

  it("a failed action leaves the earlier actions of the request applied and drops the rest (as Excel does)", async () => {
    const h = hostWith();
    const e = await h.Excel.run(async (ctx: Excel.RequestContext) => {
      const s = ctx.workbook.worksheets.getItem("Plan");
      s.getRange("A1").values = [["trước"]];
      s.getRange("A2").values = [[1, 2]]; // wrong shape
      s.getRange("A3").values = [["sau"]];
      await ctx.sync();
    }).catch((x) => x);
    expect(e.code).toBe("InvalidArgument");
    expect(e.debugInfo.errorLocation).toBe("Range.values");
    expect(h.workbook.read("Plan", "A1:A3")).toEqual([["trước"], [""], [""]]);
  });

  it("ClientResult values come from method actions", async () => {
    const h = hostWith();
    const n = await h.Excel.run(async (ctx: Excel.RequestContext) => {
      const c = ctx.workbook.worksheets.getCount();
      await ctx.sync();
      return c.value;
    });
    expect(n).toBe(1);
  });

  it("counts syncs made by the add-in, requests and their bytes from the real request bodies", async () => {
    const h = hostWith();
    await h.Excel.run(async (ctx: Excel.RequestContext) => {
      const r = ctx.workbook.worksheets.getItem("Plan").getRange("A1");
      r.values = [["Hồng Lộc"]];
      await ctx.sync();
      r.load("values");
      await ctx.sync();
    });
    expect(h.stats.syncs).toBe(2);
    expect(h.stats.runs).toBe(1);
    expect(h.stats.requests).toBe(h.stats.requestSizes.length);
    expect(h.stats.requestBytes).toBe(h.stats.requestSizes.reduce((a, b) => a + b, 0));
    expect(h.stats.requestSizes[0]).toBeGreaterThan(Buffer.byteLength('"Hồng Lộc"'));
  });

  it("API-set checks run in the client against the emulated version (Office.context.requirements)", async () => {
    const h = hostWith([["a"]], { requirementSets: "excel2016" });
    await expect(
      h.Excel.run(async (ctx: Excel.RequestContext) => {
        ctx.workbook.worksheets.getItem("Plan").freezePanes.freezeRows(1);
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
