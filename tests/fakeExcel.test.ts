/**
 * The fake Excel host (tests/fakeExcel) behaves like Excel's JavaScript API for the subset the
 * add-in uses: proxy semantics, batches, failures, values and formulas, merges, tables, names,
 * validation, conditional formats, charts, page layout, selection, requirement sets, counters.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { createFakeExcel, installFakeOffice, FakeExcel, FakeExcelOptions } from "./fakeExcel";
import * as api from "./fakeExcel/api";
import { API_SETS } from "./fakeExcel/generated";

function setup(opts: FakeExcelOptions = {}): { fake: FakeExcel; run: typeof Excel.run } {
  const fake = createFakeExcel(opts);
  return { fake, run: fake.Excel.run as typeof Excel.run };
}

async function rejection(p: Promise<unknown>): Promise<any> {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

function thrown(f: () => unknown): any {
  try {
    f();
  } catch (e) {
    return e;
  }
  throw new Error("expected an exception");
}

const NOT_LOADED = `The property 'values' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`;

describe("proxy semantics", () => {
  test("reading a property that was not loaded throws PropertyNotLoaded; load + sync makes it readable", async () => {
    const { run } = setup({ workbook: { sheets: [{ name: "Sheet1", values: [["a", 1]] }] } });
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      const e = thrown(() => range.values);
      expect(e.code).toBe("PropertyNotLoaded");
      expect(e.name).toBe("RichApi.Error");
      expect(e.message).toBe(NOT_LOADED);
      range.load("values");
      expect(() => range.values).toThrow(NOT_LOADED); // queued, not yet synced
      await context.sync();
      expect(range.values).toEqual([["a", 1]]);
      expect(() => range.address).toThrow(/'address' is not available/);
    });
  });

  test("load accepts a comma list, an array, an object, $all and navigation paths", async () => {
    const { run } = setup({ workbook: { sheets: [{ name: "S", values: [["x"]] }] } });
    await run(async (context) => {
      const r = context.workbook.worksheets.getItem("S").getRange("A1");
      r.format.font.bold = true;
      await context.sync();
      const a = context.workbook.worksheets.getItem("S").getRange("A1");
      a.load("address, rowCount");
      const b = context.workbook.worksheets.getItem("S").getRange("A1");
      b.load(["values", "format/font/bold", "format/fill/color"]);
      const c = context.workbook.worksheets.getItem("S").getRange("A1");
      c.load({ text: true, format: { wrapText: true, font: { name: true } } });
      const d = context.workbook.worksheets.getItem("S").getRange("A1");
      d.load({ $all: true });
      await context.sync();
      expect([a.address, a.rowCount]).toEqual(["S!A1", 1]);
      expect([b.values, b.format.font.bold, b.format.fill.color]).toEqual([[["x"]], true, "#FFFFFF"]);
      expect([c.text, c.format.wrapText, c.format.font.name]).toEqual([[["x"]], false, "Calibri"]);
      expect(d.formulas).toEqual([["x"]]);
      expect(() => b.format.font.italic).toThrow(/'italic' is not available/);
    });
  });

  test("a property set locally is readable without a load (office.js keeps the local value)", async () => {
    const { run } = setup();
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      sheet.name = "Kế hoạch";
      expect(sheet.name).toBe("Kế hoạch");
      await context.sync();
    });
  });

  test("collections: items after load, getCount() readable after sync", async () => {
    const { run } = setup({ workbook: { sheets: [{ name: "A" }, { name: "B" }, { name: "C", visibility: "Hidden" }] } });
    await run(async (context) => {
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/'items' is not available/);
      const count = sheets.getCount();
      const visible = sheets.getCount(true);
      expect(() => count.value).toThrow(/The value of the result object has not been loaded yet/);
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["A", "B", "C"]);
      expect(() => sheets.items[0].visibility).toThrow(/'visibility' is not available/);
      expect([count.value, visible.value]).toEqual([3, 2]);
      sheets.load("name, visibility");
      await context.sync();
      expect(sheets.items.map((s) => s.visibility)).toEqual(["Visible", "Visible", "Hidden"]);
    });
  });

  test("getItemOrNullObject: isNullObject after sync; operations on a null object are ignored", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "Keep" }, { name: "Old" }] } });
    await run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("old");
      expect(() => missing.isNullObject).toThrow(/'isNullObject' is not available/);
      missing.delete(); // the "delete if exists" idiom
      missing.getRange("A1").values = [[1]];
      present.load("name");
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(present.name).toBe("Old");
      context.workbook.worksheets.getItemOrNullObject("Old").delete();
    });
    expect(fake.workbook.sheetNames()).toEqual(["Keep"]);
  });

  test("Excel.run applies what is still queued when the batch resolves; syncs counts explicit calls only", async () => {
    const { fake, run } = setup();
    await run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [["late"]];
    });
    expect(fake.workbook.sheet("Sheet1")!.cell("A1")!.v).toBe("late");
    expect(fake.stats.syncs).toBe(0);
    expect(fake.stats.roundTrips).toBe(1);
    expect(fake.stats.runs).toBe(1);
  });

  test("a batch function that does not return a promise fails with RunMustReturnPromise", async () => {
    const { fake } = setup();
    const e = await rejection((fake.Excel.run as any)((context: Excel.RequestContext) => {
      context.workbook.worksheets.add("X");
    }));
    expect(e.code).toBe("RunMustReturnPromise");
    expect(fake.workbook.sheet("X")).toBeUndefined();
    expect(fake.stats.unsentOps).toBe(1);
  });

  test("objects used after their Excel.run finished fail with InvalidObjectPath", async () => {
    const { fake, run } = setup();
    let kept: Excel.Range | undefined;
    await run(async (context) => {
      kept = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      kept.load("address");
      await context.sync();
    });
    kept!.values = [["after"]]; // a missing await in an add-in
    expect(fake.stats.opsAfterRun).toBe(1);
    const e = await rejection(kept!.context.sync());
    expect(e.code).toBe("InvalidObjectPath");
    expect(fake.workbook.sheet("Sheet1")!.cell("A1")).toBeUndefined();
  });

  test("set() and toJSON()", async () => {
    const { run } = setup();
    await run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange("B2");
      r.set({ values: [[5]], numberFormat: [["0.00"]], format: { font: { bold: true, color: "red" }, fill: { color: "#ffff00" } } });
      r.load("values, text, format/font/color, format/fill/color");
      await context.sync();
      expect(r.toJSON()).toMatchObject({ values: [[5]], text: [["5.00"]], format: { font: { color: "#FF0000" }, fill: { color: "#FFFF00" } } });
    });
  });
});

describe("batches and failures", () => {
  test("operations apply in order within a batch", async () => {
    const { fake, run } = setup();
    await run(async (context) => {
      const s = context.workbook.worksheets.getActiveWorksheet();
      s.name = "Plan";
      context.workbook.worksheets.getItem("Plan").getRange("A1").values = [["ok"]];
      const added = context.workbook.worksheets.add("Log");
      added.position = 0;
      await context.sync();
    });
    expect(fake.workbook.sheetNames()).toEqual(["Log", "Plan"]);
    expect(fake.workbook.sheet("Plan")!.cell("A1")!.v).toBe("ok");
  });

  test("a failing operation rejects sync with code and debugInfo; earlier operations stay applied, later ones do not", async () => {
    const { fake, run } = setup();
    const e = await rejection(run(async (context) => {
      const ws = context.workbook.worksheets;
      ws.add("First");
      const r = ws.getActiveWorksheet().getRange("A1");
      r.values = [["before"]];
      r.load("values");
      ws.getItem("Missing").getRange("A1").values = [["x"]];
      ws.add("After");
      await context.sync();
    }));
    expect(e.code).toBe("ItemNotFound");
    expect(e.message).toBe("The requested resource doesn't exist.");
    expect(e.debugInfo.code).toBe("ItemNotFound");
    expect(e.debugInfo.errorLocation).toBe("WorksheetCollection.getItem");
    expect(e.debugInfo.statement).toContain('getItem("Missing")');
    expect(e.debugInfo.surroundingStatements.some((s: string) => s.startsWith(">>>>>"))).toBe(true);
    expect(e).toBeInstanceOf(fake.OfficeExtension.Error);
    expect(fake.workbook.sheetNames()).toEqual(["Sheet1", "First"]);
    expect(fake.workbook.sheet("Sheet1")!.cell("A1")!.v).toBe("before");
    expect(fake.stats.failedSyncs).toBe(1);
  });

  test("loads queued in a failed batch are not delivered", async () => {
    const { run } = setup();
    await run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange("A1");
      r.load("address");
      context.workbook.worksheets.add("Sheet1"); // duplicate
      const e = await rejection(context.sync());
      expect(e.code).toBe("ItemAlreadyExists");
      expect(() => r.address).toThrow(/not available/);
    });
  });

  test("error codes: ItemAlreadyExists, InvalidArgument for a bad address or mismatched dimensions", async () => {
    const { run } = setup();
    await run(async (context) => {
      const s = context.workbook.worksheets.getActiveWorksheet();
      context.workbook.worksheets.add("SHEET1");
      expect((await rejection(context.sync())).code).toBe("ItemAlreadyExists");
      s.getRange("A1:ZZZZ9");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
      s.getRange("Sheet-2!A1");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
      s.getRange("A1:B2").values = [[1, 2, 3]];
      const e = await rejection(context.sync());
      expect(e.code).toBe("InvalidArgument");
      expect(e.message).toBe("The argument is invalid or missing or has an incorrect format.");
      s.getRange("A1:B2").values = null as any;
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });

  test("a scalar or a 1×1 array applies to every cell of the range", async () => {
    const { fake, run } = setup();
    await run(async (context) => {
      const s = context.workbook.worksheets.getActiveWorksheet();
      (s.getRange("A1:B2") as any).values = 7;
      s.getRange("C1:C3").values = [["x"]];
      s.getRange("D1:D2").numberFormat = [["0%"]];
      await context.sync();
    });
    const sh = fake.workbook.sheet("Sheet1")!;
    expect(sh.grid("A1:D3")).toEqual([[7, 7, "x", ""], [7, 7, "x", ""], ["", "", "x", ""]]);
    expect(sh.cell("D2")!.nf).toBe("0%");
  });

  test("failAfter(n) fails the (n+1)-th operation; the workbook keeps what was applied before it", async () => {
    const { fake, run } = setup();
    fake.failAfter(2);
    const e = await rejection(run(async (context) => {
      const s = context.workbook.worksheets.getActiveWorksheet(); // op 1
      s.getRange("A1").values = [["one"]]; // ops 2 (getRange) and 3 (values=) — fails at 3
      await context.sync();
    }));
    expect(e.code).toBe("GeneralException");
    expect(e.debugInfo.injected).toBe(true);
    expect(fake.workbook.sheet("Sheet1")!.cell("A1")).toBeUndefined();
    // One-shot: the next batch succeeds.
    await run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [["ok"]];
    });
    expect(fake.workbook.sheet("Sheet1")!.cell("A1")!.v).toBe("ok");
  });

  test("failAfter(kind) fails the first (or n-th) operation of a kind, with a chosen code", async () => {
    const { fake, run } = setup();
    fake.failAfter({ op: "Range.values", occurrence: 2 }, { code: "AccessDenied" });
    const e = await rejection(run(async (context) => {
      const s = context.workbook.worksheets.getActiveWorksheet();
      s.getRange("A1").values = [[1]];
      s.getRange("A2").values = [[2]];
      s.getRange("A3").values = [[3]];
      await context.sync();
    }));
    expect(e.code).toBe("AccessDenied");
    expect(e.debugInfo.errorLocation).toBe("Range.values");
    expect(fake.workbook.sheet("Sheet1")!.grid("A1:A3")).toEqual([[1], [""], [""]]);
    fake.failAfter(/^Worksheet\.delete$/);
    expect((await rejection(run(async (context) => context.workbook.worksheets.getActiveWorksheet().delete()))).code).toBe("GeneralException");
  });

  test("a failure on the first write leaves the workbook exactly as it was (snapshot)", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "Plan", values: [["Nội dung", 1]] }] } });
    const before = fake.snapshot();
    fake.failAfter("WorksheetCollection.add");
    await rejection(run(async (context) => {
      const tmp = context.workbook.worksheets.add("Plan (new)");
      tmp.getRange("A1").values = [["x"]];
      await context.sync();
    }));
    expect(fake.snapshot()).toEqual(before);
  });
});

describe("values, formulas, text", () => {
  async function write(values: unknown[][], opts: FakeExcelOptions = {}, numberFormat?: string) {
    const { fake, run } = setup(opts);
    const out = await run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange("A1").getResizedRange(values.length - 1, values[0].length - 1);
      if (numberFormat) r.numberFormat = [[numberFormat]];
      r.values = values as any;
      r.load("values, formulas, text, valueTypes, numberFormat");
      await context.sync();
      return { values: r.values, formulas: r.formulas, text: r.text, types: r.valueTypes, nf: r.numberFormat };
    });
    return { fake, ...out };
  }

  test("a string starting with '=' written to values becomes a formula", async () => {
    const r = await write([["=1+2", "=HYPERLINK(\"x\")"]]);
    expect(r.formulas).toEqual([["=1+2", '=HYPERLINK("x")']]);
    expect(r.values[0][0]).toBe(3);
    expect(r.values[0][1]).toBe("x"); // HYPERLINK shows its location when it has no friendly name
    expect(r.types).toEqual([["Double", "String"]]);
  });

  test("'+' and '-' also start formulas unless the text is a number; malformed formulas are refused", async () => {
    const r = await write([["-5", "+3", "-abc", "+A1"]]);
    expect(r.values[0].slice(0, 2)).toEqual([-5, 3]);
    expect(r.formulas[0].slice(2)).toEqual(["=-abc", "=+A1"]);
    expect(r.values[0][2]).toBe("#NAME?");
    const { run } = setup();
    const e = await rejection(run(async (context) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [["- Nội dung: rà soát, cập nhật"]];
      await context.sync();
    }));
    expect(e.code).toBe("InvalidArgument");
  });

  test("a leading apostrophe makes text and is not part of the value (formulas drop it too)", async () => {
    const r = await write([["'=SUM(1,2)", "'0012", "'-x"]]);
    expect(r.values).toEqual([["=SUM(1,2)", "0012", "-x"]]);
    expect(r.formulas).toEqual([["=SUM(1,2)", "0012", "-x"]]);
    expect(r.types).toEqual([["String", "String", "String"]]);
    expect(r.fake.workbook.sheet("Sheet1")!.cell("A1")).toMatchObject({ v: "=SUM(1,2)", qp: true });
  });

  test("with the text number format '@' set first, '=x' stays text", async () => {
    const r = await write([["=A2", "00123", "TRUE"]], {}, "@");
    expect(r.values).toEqual([["=A2", "00123", "TRUE"]]);
    expect(r.formulas).toEqual([["=A2", "00123", "TRUE"]]);
    expect(r.nf).toEqual([["@", "@", "@"]]);
  });

  test("typed strings: numbers, percentages, booleans, dates, error literals; '' clears; null leaves a cell unchanged", async () => {
    const r = await write([["1,234.5", "50%", "true", "2024-06-30", "#N/A", "text"]]);
    expect(r.values).toEqual([[1234.5, 0.5, true, 45473, "#N/A", "text"]]);
    expect(r.types).toEqual([["Double", "Double", "Boolean", "Double", "Error", "String"]]);
    expect(r.text).toEqual([["1,235", "50%", "TRUE", "6/30/2024", "#N/A", "text"]]);
    const { fake, run } = setup({ workbook: { sheets: [{ name: "S", values: [["keep", "drop", 1]] }] } });
    await run(async (context) => {
      context.workbook.worksheets.getItem("S").getRange("A1:C1").values = [[null, "", Number.NaN]];
    });
    expect(fake.workbook.sheet("S")!.grid("A1:C1")).toEqual([["keep", "", 1]]);
  });

  test("Vietnamese number locale: '1,5' is a number, '1.5' is text, dd/mm/yyyy dates", async () => {
    const r = await write([["1,5", "1.5", "30/06/2024", 1234.5]], { numberLocale: "vi-VN" });
    expect(r.values).toEqual([[1.5, "1.5", 45473, 1234.5]]);
    expect(r.text[0][2]).toBe("30/06/2024");
    expect(r.text[0][3]).toBe("1234,5");
  });

  test("formulas writes store formulas; simple formulas are evaluated across sheets", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "Kế hoạch", values: [[1], [2], [3]] }, { name: "R" }] } });
    const values = await run(async (context) => {
      const r = context.workbook.worksheets.getItem("R").getRange("A1:E1");
      r.formulas = [["=SUM('Kế hoạch'!A1:A3)", "=A1*2", '=IF(A1>5,"cao","thấp")', "=COUNTIF('Kế hoạch'!A:A,\">1\")", "=A1/0"]];
      r.load("values");
      await context.sync();
      return r.values;
    });
    expect(values).toEqual([[6, 12, "cao", 2, "#DIV/0!"]]);
    expect(fake.snapshot().sheets[1].cells.A1).toEqual({ f: "=SUM('Kế hoạch'!A1:A3)", v: 6 });
  });

  test("formulaValue supplies values the fake cannot compute", async () => {
    const r = await write([["=XLOOKUP(1,A:A,B:B)"]], { formulaValue: (f) => (f.includes("XLOOKUP") ? 42 : undefined) });
    expect(r.values).toEqual([[42]]);
  });

  test("custom functions: registered ones evaluate; without CustomFunctionsRuntime (Excel 2016) they show #NAME?", async () => {
    for (const [sets, expected] of [["microsoft365", 7], ["excel2016", "#NAME?"]] as const) {
      const { fake, run } = setup({ requirementSets: sets, customFunctionsNamespace: "CCHC" });
      fake.CustomFunctions.associate("CONG", (a: number, b: number) => a + b);
      const v = await run(async (context) => {
        const r = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B1");
        r.formulas = [["=CCHC.CONG(3,4)", "=CCHC.KHONG_CO(1)"]];
        r.load("values");
        await context.sync();
        return r.values;
      });
      expect(v).toEqual([[expected, "#NAME?"]]);
    }
  });

  test("text follows number formats", async () => {
    const { run } = setup();
    const text = await run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange("A1:E1");
      r.values = [[0.756, 1234567.891, 45473, 0.1 + 0.2, -3]];
      r.numberFormat = [["0.0%", "#,##0.00", "dd/mm/yyyy", "General", "0;(0)"]];
      r.load("text");
      await context.sync();
      return r.text;
    });
    expect(text).toEqual([["75.6%", "1,234,567.89", "30/06/2024", "0.3", "(3)"]]);
  });
});

describe("merged cells", () => {
  test("merge keeps the top-left value; getMergedAreasOrNullObject returns the areas; across merges row by row", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "S", values: [["title", "gone"], ["x", "y"]] }] } });
    await run(async (context) => {
      const s = context.workbook.worksheets.getItem("S");
      s.getRange("A1:C1").merge();
      s.getRange("A5:C6").merge(true);
      const none = s.getRange("E1:F2").getMergedAreasOrNullObject();
      const areas = s.getRange("A1:D6").getMergedAreasOrNullObject();
      areas.load("address, areaCount, cellCount");
      areas.areas.load("items/address");
      await context.sync();
      expect(none.isNullObject).toBe(true);
      expect(areas.address).toBe("S!A1:C1, S!A5:C5, S!A6:C6");
      expect(areas.areaCount).toBe(3);
      expect(areas.areas.items.map((a) => a.address)).toEqual(["S!A1:C1", "S!A5:C5", "S!A6:C6"]);
      s.getRange("A1:C1").values = [["new", "ignored", "ignored"]];
      s.getRange("A6").unmerge();
      await context.sync();
    });
    const sh = fake.workbook.sheet("S")!;
    expect(sh.grid("A1:C1")).toEqual([["new", "", ""]]);
    expect(fake.snapshot().sheets[0].merges).toEqual(["A1:C1", "A5:C5"]);
  });

  test("getMergedAreasOrNullObject needs ExcelApi 1.13: it throws ApiNotFound when the host lacks it", async () => {
    const { run } = setup({ requirementSets: { ExcelApi: "1.12" } });
    await run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange("A1:B2");
      const e = thrown(() => r.getMergedAreasOrNullObject());
      expect(e.code).toBe("ApiNotFound");
      expect(e.message).toBe("The method or property Range.getMergedAreasOrNullObject is part of the ExcelApi 1.13 requirement set, which is not available in your version of Excel.");
      r.merge(); // ExcelApi 1.2
      await context.sync();
    });
  });
});

describe("tables", () => {
  test("tables.add with headers, rows.add in one call, ranges, columns, workbook-wide lookup", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "Plan", values: [["STT", "Nội dung", "Trạng thái"]] }] } });
    await run(async (context) => {
      const t = context.workbook.worksheets.getItem("Plan").tables.add("A1:C1", true);
      t.name = "tblPlan";
      t.style = "TableStyleLight9";
      t.rows.add(undefined, [[1, "Rà soát", "Đang thực hiện"], [2, "Niêm yết", "Chưa thực hiện"]]);
      const count = t.rows.getCount();
      const body = t.getDataBodyRange();
      body.load("address");
      const header = context.workbook.tables.getItem("TBLPLAN").getHeaderRowRange();
      header.load("values");
      t.columns.load("items/name");
      const missing = context.workbook.tables.getItemOrNullObject("nope");
      await context.sync();
      expect(count.value).toBe(2); // the new table's blank data row took the first added row
      expect(body.address).toBe("Plan!A2:C3");
      expect(header.values).toEqual([["STT", "Nội dung", "Trạng thái"]]);
      expect(t.columns.items.map((c) => c.name)).toEqual(["STT", "Nội dung", "Trạng thái"]);
      expect(missing.isNullObject).toBe(true);
    });
    expect(fake.snapshot().tables).toMatchObject([{ name: "tblPlan", sheet: "Plan", range: "A1:C3", style: "TableStyleLight9" }]);
    expect(fake.workbook.read("Plan", "A2:C3")).toEqual([[1, "Rà soát", "Đang thực hiện"], [2, "Niêm yết", "Chưa thực hiện"]]);
  });

  test("table names are unique in the workbook; tables cannot overlap; rows.add checks its width", async () => {
    const { run } = setup({ workbook: { sheets: [{ name: "A" }, { name: "B" }] } });
    await run(async (context) => {
      const t = context.workbook.worksheets.getItem("A").tables.add("A1:B3", true);
      t.name = "T";
      await context.sync();
      context.workbook.worksheets.getItem("B").tables.add("A1:B3", true).name = "t";
      expect((await rejection(context.sync())).code).toBe("ItemAlreadyExists");
      context.workbook.tables.add("A!B2:C4", true);
      expect((await rejection(context.sync())).code).toBe("MergedRangeConflict");
      t.rows.add(undefined, [[1, 2, 3]]);
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
  });

  test("headers: blanks become ColumnN; writing a header cell renames the column; hasHeaders=false inserts a header row", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "S", values: [["a", ""], [1, 2]] }] } });
    await run(async (context) => {
      const s = context.workbook.worksheets.getItem("S");
      const t = s.tables.add("A1:B2", true);
      s.getRange("B1").values = [["b"]];
      t.columns.load("items/name");
      const t2 = s.tables.add("D1:E2", false);
      t2.getRange().load("address");
      await context.sync();
      expect(t.columns.items.map((c) => c.name)).toEqual(["a", "b"]);
      expect(t2.getRange()).toBeDefined();
    });
    expect(fake.workbook.sheet("S")!.grid("D1:E1")).toEqual([["Column1", "Column2"]]);
  });

  test("convertToRange keeps the data, delete removes it", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "S", values: [["h1", "h2"], [1, 2], [], [], ["k1", "k2"], [3, 4]] }] } });
    await run(async (context) => {
      const s = context.workbook.worksheets.getItem("S");
      s.tables.add("A1:B2", true).convertToRange();
      s.tables.add("A5:B6", true).delete();
    });
    expect(fake.workbook.tables).toHaveLength(0);
    expect(fake.workbook.sheet("S")!.grid("A1:B6")).toEqual([["h1", "h2"], [1, 2], ["", ""], ["", ""], ["", ""], ["", ""]]);
  });
});

describe("names", () => {
  test("workbook and sheet names: add by range or formula, type and value, scope, duplicates", async () => {
    const { run } = setup({ workbook: { sheets: [{ name: "Đơn vị" }, { name: "Plan" }] } });
    await run(async (context) => {
      const wb = context.workbook;
      const units = wb.names.add("DonVi", wb.worksheets.getItem("Đơn vị").getRange("A5:A40"));
      const role = wb.worksheets.getItem("Plan").names.add("CCHC_ROLE", '="plan"');
      wb.worksheets.getItem("Đơn vị").names.add("CCHC_ROLE", '="units"'); // same name, other scope
      units.load("name, formula, type, value, scope");
      role.load("type, value, scope");
      const missing = wb.names.getItemOrNullObject("CCHC_ROLE"); // sheet-scoped names are not workbook names
      await context.sync();
      expect([units.formula, units.type, units.value, units.scope]).toEqual(["='Đơn vị'!$A$5:$A$40", "Range", "'Đơn vị'!$A$5:$A$40", "Workbook"]);
      expect([role.type, role.value, role.scope]).toEqual(["String", "plan", "Worksheet"]);
      expect(missing.isNullObject).toBe(true);
      wb.names.add("donvi", "=1");
      expect((await rejection(context.sync())).code).toBe("ItemAlreadyExists");
      wb.names.add("A1", "=1");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
      const r = wb.names.getItem("DonVi").getRange();
      r.load("address");
      await context.sync();
      expect(r.address).toBe("'Đơn vị'!A5:A40");
    });
  });

  test("renaming a sheet updates references; deleting it turns them into #REF!", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "Data", values: [[5]] }, { name: "Report", cells: { A1: { f: "=Data!A1*2" } } }] } });
    await run(async (context) => {
      context.workbook.names.add("Src", "=Data!$A$1");
      context.workbook.worksheets.getItem("Data").name = "Dữ liệu";
      await context.sync();
    });
    expect(fake.workbook.sheet("Report")!.cell("A1")!.f).toBe("='Dữ liệu'!A1*2");
    expect(fake.workbook.name("Src")!.formula).toBe("='Dữ liệu'!$A$1");
    await run(async (context) => context.workbook.worksheets.getItem("Dữ liệu").delete());
    expect(fake.workbook.sheet("Report")!.cell("A1")!.f).toBe("=#REF!A1*2");
    expect(fake.snapshot().sheets[0].cells.A1.v).toBe("#REF!");
  });
});

describe("data validation", () => {
  test("list rules from literals or ranges; errorAlert and prompt; read back", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "Đơn vị", values: [["UBND"], ["Công an"]] }, { name: "Plan" }] } });
    await run(async (context) => {
      const s = context.workbook.worksheets.getItem("Plan");
      const dv = s.getRange("F5:F64").dataValidation;
      dv.errorAlert = { showAlert: true, style: "Warning", title: "Giá trị lạ", message: "Chọn trong danh sách" };
      dv.rule = { list: { inCellDropDown: true, source: "Đã hoàn thành,Đang thực hiện,Chưa thực hiện" } };
      dv.prompt = { showPrompt: true, title: "Trạng thái", message: "Chọn" };
      s.getRange("G5:G64").dataValidation.rule = { list: { inCellDropDown: true, source: context.workbook.worksheets.getItem("Đơn vị").getRange("A1:A2") } };
      s.getRange("H5:H64").dataValidation.rule = { decimal: { formula1: 0, formula2: 1, operator: fake.Excel.DataValidationOperator.between } };
      const read = s.getRange("F5:F64").dataValidation;
      read.load("type, rule, errorAlert, prompt, ignoreBlanks");
      const g = s.getRange("G10").dataValidation;
      g.load("rule, type");
      await context.sync();
      expect(read.type).toBe("List");
      expect(read.rule.list).toEqual({ inCellDropDown: true, source: "Đã hoàn thành,Đang thực hiện,Chưa thực hiện" });
      expect(read.errorAlert).toEqual({ showAlert: true, style: "Warning", title: "Giá trị lạ", message: "Chọn trong danh sách" });
      expect(read.prompt).toEqual({ showPrompt: true, title: "Trạng thái", message: "Chọn" });
      expect(read.ignoreBlanks).toBe(true);
      expect(g.rule.list!.source).toBe("='Đơn vị'!$A$1:$A$2");
    });
    expect(fake.snapshot().sheets[1].dataValidations.map((d) => d.range)).toEqual(["F5:F64", "G5:G64", "H5:H64"]);
  });

  test("a rule has exactly one criterion; literal lists are limited to 255 characters; clear() removes overlapping parts", async () => {
    const { fake, run } = setup();
    await run(async (context) => {
      const s = context.workbook.worksheets.getActiveWorksheet();
      s.getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: "a" }, decimal: { formula1: 1, operator: "GreaterThan" } } as any;
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
      s.getRange("A1").dataValidation.rule = { list: { inCellDropDown: true, source: "x,".repeat(130) } };
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
      s.getRange("A1:A10").dataValidation.rule = { wholeNumber: { formula1: 1, formula2: 5, operator: "Between" } };
      s.getRange("A4:A6").dataValidation.clear();
      const mixed = s.getRange("A1:A10").dataValidation;
      mixed.load("type");
      s.getRange("A1").values = [[9]];
      const v = s.getRange("A1:A2").dataValidation;
      v.load("valid");
      await context.sync();
      expect(mixed.type).toBe("MixedCriteria");
      expect(v.valid).toBeNull();
    });
    expect(fake.snapshot().sheets[0].dataValidations.map((d) => d.range)).toEqual(["A1:A3", "A7:A10"]);
  });
});

describe("conditional formats", () => {
  test("custom rules with formula, fill and font colour; newest first; clearAll", async () => {
    const { fake, run } = setup();
    await run(async (context) => {
      const r = context.workbook.worksheets.getActiveWorksheet().getRange("A5:K64");
      const late = r.conditionalFormats.add(fake.Excel.ConditionalFormatType.custom);
      late.custom.rule.formula = '=AND($F5<>"Đã hoàn thành",$E5<$B$2)';
      late.custom.format.fill.color = "#FFC7CE";
      late.custom.format.font.color = "#9C0006";
      const done = r.conditionalFormats.add("Custom" as any);
      done.custom.rule.formula = '=$F5="Đã hoàn thành"';
      done.custom.format.fill.color = "lightgreen";
      const count = r.conditionalFormats.getCount();
      r.conditionalFormats.load("items/type, items/priority");
      await context.sync();
      expect(count.value).toBe(2);
      expect(r.conditionalFormats.items.map((c) => c.priority)).toEqual([0, 1]);
      const bad = r.conditionalFormats.add("Custom" as any);
      bad.custom.rule.formula = "$F5=1";
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
    // The failed batch still added its (empty) format before the bad formula: Excel does not roll back.
    const cfs = fake.snapshot().sheets[0].conditionalFormats;
    expect(cfs.map((c) => c.rule.formula)).toEqual([undefined, '=$F5="Đã hoàn thành"', '=AND($F5<>"Đã hoàn thành",$E5<$B$2)']);
    expect(cfs[2]).toMatchObject({ ranges: ["A5:K64"], type: "Custom", format: { fill: "#FFC7CE", font: { color: "#9C0006" } } });
    expect(cfs[1].format.fill).toBe("#90EE90");
    await run(async (context) => context.workbook.worksheets.getActiveWorksheet().getRange("A1:Z100").conditionalFormats.clearAll());
    expect(fake.snapshot().sheets[0].conditionalFormats).toEqual([]);
  });
});

describe("charts", () => {
  test("charts.add with a source range, title, position, series and axes", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "Report", values: [["Nhóm", "Kế hoạch", "Hoàn thành"], ["A", 10, 7], ["B", 5, 5]] }] } });
    await run(async (context) => {
      const s = context.workbook.worksheets.getItem("Report");
      const chart = s.charts.add(fake.Excel.ChartType.barClustered, s.getRange("A1:C3"), fake.Excel.ChartSeriesBy.columns);
      chart.title.text = "Tiến độ theo nhóm";
      chart.setPosition("E2", "L20");
      chart.axes.valueAxis.maximum = 12;
      chart.series.load("items/name");
      chart.load("name, chartType");
      await context.sync();
      expect(chart.name).toBe("Chart 1");
      expect(chart.chartType).toBe("BarClustered");
      expect(chart.series.items.map((x) => x.name)).toEqual(["Kế hoạch", "Hoàn thành"]);
      s.charts.add("NotAChart" as any, s.getRange("A1:C3"));
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
    expect(fake.snapshot().sheets[0].charts[0]).toMatchObject({
      title: { text: "Tiến độ theo nhóm", visible: true }, from: "E2", to: "L20",
      series: [{ name: "Kế hoạch", values: "Report!$B$2:$B$3", xValues: "Report!$A$2:$A$3" }, { name: "Hoàn thành", values: "Report!$C$2:$C$3" }],
      axes: { value: { maximum: 12 } },
    });
  });
});

describe("page layout, freeze panes, sheets, selection", () => {
  test("page layout: orientation, paper, fit to width, print titles, print area, footer", async () => {
    const { fake, run } = setup({ numberLocale: "vi-VN" });
    await run(async (context) => {
      const s = context.workbook.worksheets.getActiveWorksheet();
      const pl = s.pageLayout;
      pl.orientation = "Landscape" as any;
      pl.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      pl.setPrintTitleRows("$4:$4");
      pl.setPrintArea("A1:K64");
      pl.headersFooters.defaultForAllPages.centerFooter = "Trang &P / &N";
      const titles = pl.getPrintTitleRowsOrNullObject();
      titles.load("address");
      pl.load("paperSize, zoom");
      await context.sync();
      expect(titles.address).toBe("Sheet1!4:4");
      expect(pl.paperSize).toBe("A4");
      expect(pl.zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
      pl.zoom = { scale: 500 };
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
    expect(fake.snapshot().sheets[0].pageLayout).toMatchObject({
      orientation: "Landscape", printTitleRows: "$4:$4", printArea: "Sheet1!$A$1:$K$64",
      headersFooters: { defaultForAllPages: { centerFooter: "Trang &P / &N" } },
    });
  });

  test("pageLayout needs ExcelApi 1.9 and freezePanes 1.7: Excel 2019 has the second, Excel 2016 neither", async () => {
    for (const [preset, pageLayout, freeze] of [["excel2019", false, true], ["excel2016", false, false], ["microsoft365", true, true]] as const) {
      const { run } = setup({ requirementSets: preset });
      await run(async (context) => {
        const s = context.workbook.worksheets.getActiveWorksheet();
        expect(attempt(() => s.pageLayout)).toBe(pageLayout);
        expect(attempt(() => s.freezePanes)).toBe(freeze);
      });
    }
    function attempt(f: () => unknown): boolean {
      try {
        f();
        return true;
      } catch (e: any) {
        expect(e.code).toBe("ApiNotFound");
        return false;
      }
    }
  });

  test("freeze panes", async () => {
    const { fake, run } = setup();
    await run(async (context) => {
      const fp = context.workbook.worksheets.getActiveWorksheet().freezePanes;
      fp.freezeAt("A1:B4");
      const loc = fp.getLocationOrNullObject();
      loc.load("address");
      await context.sync();
      expect(loc.address).toBe("Sheet1!A1:B4");
      fp.freezeRows(4);
      await context.sync();
      expect(fake.workbook.sheet("Sheet1")!.freeze).toEqual({ rows: 4, columns: 0 });
      fp.unfreeze();
      const none = fp.getLocationOrNullObject();
      await context.sync();
      expect(none.isNullObject).toBe(true);
    });
  });

  test("selection: range.select() activates the sheet and getSelectedRange() returns it", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "A" }, { name: "Kiểm tra" }, { name: "H", visibility: "Hidden" }] } });
    await run(async (context) => {
      context.workbook.worksheets.getItem("Kiểm tra").getRange("C7").select();
      const sel = context.workbook.getSelectedRange();
      sel.load("address");
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      expect(sel.address).toBe("'Kiểm tra'!C7");
      expect(active.name).toBe("Kiểm tra");
      context.workbook.worksheets.getItem("H").getRange("A1").select();
      expect((await rejection(context.sync())).code).toBe("InvalidOperation");
    });
    expect(fake.snapshot().activeSheet).toBe("Kiểm tra");
  });

  test("sheets: names are validated, tab colours normalised, the last visible sheet cannot go", async () => {
    const { fake, run } = setup();
    await run(async (context) => {
      const ws = context.workbook.worksheets;
      const s = ws.getActiveWorksheet();
      s.tabColor = "orange";
      s.load("tabColor");
      await context.sync();
      expect(s.tabColor).toBe("#FFA500");
      ws.add("a/b");
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
      ws.add("x".repeat(32));
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
      s.delete();
      expect((await rejection(context.sync())).code).toBe("InvalidOperation");
      s.visibility = "Hidden" as any;
      expect((await rejection(context.sync())).code).toBe("InvalidOperation");
    });
    expect(fake.workbook.sheetNames()).toEqual(["Sheet1"]);
  });

  test("used range, getCell, offsets, entire rows, intersections, insert and delete", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "S", cells: { B2: 1, D5: "x" } }] } });
    await run(async (context) => {
      const s = context.workbook.worksheets.getItem("S");
      const used = s.getUsedRange(true);
      const empty = context.workbook.worksheets.add("E").getUsedRangeOrNullObject();
      const cell = s.getRange("B2:D5").getCell(1, 1);
      const off = s.getRange("A1").getOffsetRange(2, 3).getResizedRange(1, 1);
      const row = s.getRange("B3").getEntireRow();
      const x = s.getRange("A1:C3").getIntersection("B2:E9");
      const bound = s.getRange("A1").getBoundingRect("C3");
      for (const r of [used, cell, off, row, x, bound]) r.load("address");
      await context.sync();
      expect([used.address, cell.address, off.address, row.address, x.address, bound.address]).toEqual(["S!B2:D5", "S!C3", "S!D3:E4", "S!3:3", "S!B2:C3", "S!A1:C3"]);
      expect(empty.isNullObject).toBe(true);
      s.getRange("2:2").insert("Down" as any);
      s.getRange("A1:A1").delete("Left" as any);
      await context.sync();
    });
    expect(fake.workbook.sheet("S")!.cell("B3")!.v).toBe(1);
    expect(fake.workbook.sheet("S")!.cell("D6")!.v).toBe("x");
  });

  test("formats: fonts, fills, alignment, borders, widths; a mixed range reads null", async () => {
    const { fake, run } = setup();
    await run(async (context) => {
      const s = context.workbook.worksheets.getActiveWorksheet();
      const r = s.getRange("A1:C3");
      r.values = [["a", "b", "c"], [1, 2, 3], [4, 5, 6]];
      s.getRange("A1:C1").format.font.bold = true;
      r.format.wrapText = true;
      r.format.horizontalAlignment = "Center" as any;
      r.format.borders.getItem("InsideHorizontal" as any).style = "Continuous" as any;
      r.format.borders.getItem("EdgeBottom" as any).weight = "Medium" as any;
      s.getRange("B:B").format.columnWidth = 120;
      r.format.autofitRows();
      r.load("format/font/bold, format/wrapText, format/horizontalAlignment");
      const top = s.getRange("A1").format.borders.getItem("EdgeBottom" as any);
      top.load("style");
      const w = s.getRange("B1:C1").format;
      w.load("columnWidth");
      await context.sync();
      expect(r.format.font.bold).toBeNull();
      expect(r.format.wrapText).toBe(true);
      expect(r.format.horizontalAlignment).toBe("Center");
      expect(top.style).toBe("Continuous");
      expect(w.columnWidth).toBeNull();
      r.format.horizontalAlignment = "Middle" as any;
      expect((await rejection(context.sync())).code).toBe("InvalidArgument");
    });
    expect(fake.workbook.sheet("Sheet1")!.cell("A3")!.st!.borders!.EdgeBottom).toEqual({ style: "Continuous", color: "#000000", weight: "Medium" });
    expect(fake.snapshot().sheets[0].columnWidths).toEqual({ B: 120 });
  });
});

describe("Office namespace and requirement sets", () => {
  test("isSetSupported answers from the declared sets; presets emulate Excel 2016", () => {
    const m365 = createFakeExcel();
    const x2016 = createFakeExcel({ requirementSets: "excel2016Retail" });
    const req = (f: FakeExcel) => f.Office.context.requirements;
    expect(req(m365).isSetSupported("ExcelApi", "1.17")).toBe(true);
    expect(req(m365).isSetSupported("ExcelApi", "1.18")).toBe(false);
    expect(req(m365).isSetSupported("excelapi", "1.9")).toBe(true);
    expect(req(m365).isSetSupported("SharedRuntime", "1.1")).toBe(true);
    expect(req(x2016).isSetSupported("ExcelApi", "1.2")).toBe(true);
    expect(req(x2016).isSetSupported("ExcelApi", "1.3")).toBe(false);
    expect(req(x2016).isSetSupported("ExcelApi")).toBe(true);
    expect(req(x2016).isSetSupported("SharedRuntime", "1.1")).toBe(false);
    expect(req(x2016).isSetSupported("CustomFunctionsRuntime", "1.1")).toBe(false);
    expect(createFakeExcel({ requirementSets: "excel2016" }).Office.context.requirements.isSetSupported("ExcelApi", "1.2")).toBe(false);
    expect(req(createFakeExcel({ requirementSets: { ExcelApi: "1.10" } })).isSetSupported("ExcelApi", "1.9")).toBe(true);
  });

  test("onReady, context, settings, actions, addin stubs", async () => {
    const fake = createFakeExcel({ displayLanguage: "vi-VN", platform: "OfficeOnline" });
    const O = fake.Office;
    await expect(O.onReady()).resolves.toEqual({ host: "Excel", platform: "OfficeOnline" });
    expect(O.HostType.Excel).toBe("Excel");
    expect(O.context.displayLanguage).toBe("vi-VN");
    O.context.document.settings.set("commune", "Hồng Lộc");
    expect(O.context.document.settings.get("commune")).toBe("Hồng Lộc");
    expect(fake.snapshot().settings).toEqual({});
    await new Promise<void>((resolve) => O.context.document.settings.saveAsync((r: any) => (expect(r.status).toBe("succeeded"), resolve())));
    expect(fake.snapshot().settings).toEqual({ commune: "Hồng Lộc" });
    O.actions.associate("showPane", () => undefined);
    expect([...fake.recorded.actions.keys()]).toEqual(["showPane"]);
    await O.addin.showAsTaskpane();
    expect(fake.recorded.showAsTaskpane).toBe(1);
    const old = createFakeExcel({ requirementSets: "excel2016" });
    expect((await rejection(old.Office.addin.showAsTaskpane())).code).toBe("ApiNotFound");
  });

  test("installFakeOffice sets the globals and restores them", async () => {
    const target: any = { Office: "previous" };
    const fake = installFakeOffice(target, { displayLanguage: "en-US" });
    expect(target.Excel).toBe(fake.Excel);
    expect(target.Office.context.displayLanguage).toBe("en-US");
    expect(target.__fakeExcel).toBe(fake);
    await target.Excel.run(async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getActiveWorksheet().getRange("A1").values = [[1]];
    });
    expect(fake.stats.roundTrips).toBe(1);
    fake.uninstall();
    expect(target.Office).toBe("previous");
    expect("Excel" in target).toBe(false);
  });

  test("Excel enums are the string enums of office.js", () => {
    const { fake } = setup();
    const E = fake.Excel;
    expect(E.ChartType.columnClustered).toBe("ColumnClustered");
    expect(E.ConditionalFormatType.custom).toBe("Custom");
    expect(E.DataValidationType.list).toBe("List");
    expect(E.DataValidationAlertStyle.warning).toBe("Warning");
    expect(E.PageOrientation.landscape).toBe("Landscape");
    expect(E.PaperType.a4).toBe("A4");
    expect(E.SheetVisibility.veryHidden).toBe("VeryHidden");
    expect(E.HorizontalAlignment.centerAcrossSelection).toBe("CenterAcrossSelection");
    expect(E.VerticalAlignment.center).toBe("Center");
    expect(E.BorderIndex.insideHorizontal).toBe("InsideHorizontal");
    expect(E.BorderLineStyle.continuous).toBe("Continuous");
    expect(E.ChartSeriesBy.columns).toBe("Columns");
  });

  test("Excel.createWorkbook records the base64 it received (ExcelApi 1.8)", async () => {
    const { fake } = setup();
    await fake.Excel.createWorkbook("UEsDBBQAAAAIAA==");
    expect(fake.createdWorkbooks).toEqual(["UEsDBBQAAAAIAA=="]);
    expect((await rejection(fake.Excel.createWorkbook("not base64!"))).code).toBe("InvalidArgument");
    const old = createFakeExcel({ requirementSets: "excel2019" });
    expect(thrown(() => old.Excel.createWorkbook("UEsD")).code).toBe("ApiNotFound");
  });

  test("workbook properties and application calculation", async () => {
    const { fake, run } = setup();
    await run(async (context) => {
      const p = context.workbook.properties;
      p.title = "Kế hoạch CCHC 2024";
      p.author = "UBND xã Hồng Lộc";
      p.keywords = "CCHC";
      context.workbook.application.calculationMode = "Manual" as any;
      context.workbook.application.calculate("Full" as any);
      context.workbook.worksheets.getActiveWorksheet().calculate(true);
    });
    expect(fake.snapshot().properties).toMatchObject({ title: "Kế hoạch CCHC 2024", author: "UBND xã Hồng Lộc", keywords: "CCHC" });
    expect(fake.snapshot().calculationMode).toBe("Manual");
    expect(fake.stats.calculations).toBe(2);
  });
});

describe("counters, snapshot, reset", () => {
  async function writeRows(fake: FakeExcel, n: number) {
    await (fake.Excel.run as typeof Excel.run)(async (context) => {
      const s = context.workbook.worksheets.add("Plan");
      const rows = Array.from({ length: n }, (_x, i) => [i + 1, `Hoạt động ${i + 1}`, "=A1*2"]);
      const r = s.getRangeByIndexes(1, 0, n, 3);
      r.numberFormat = [["General"]];
      r.values = rows;
      s.getRange("A1:C1").values = [["STT", "Nội dung", "Gấp đôi"]];
      s.getRange("A1:C1").format.font.bold = true;
      const used = s.getUsedRange();
      used.load("rowCount");
      await context.sync();
      s.getRange("D1").formulas = [["=COUNTA(B:B)"]];
      await context.sync();
    });
  }

  test("syncs and ranges written do not grow with the number of rows", async () => {
    const small = createFakeExcel();
    const big = createFakeExcel();
    await writeRows(small, 60);
    await writeRows(big, 6000);
    expect([small.stats.syncs, big.stats.syncs]).toEqual([2, 2]);
    expect(small.stats.rangesWritten).toBe(4);
    expect(big.stats.rangesWritten).toBe(4);
    expect(big.stats.cellsWritten).toBe(6000 * 3 * 2 + 3 + 1);
    expect(big.stats.opsByKind["Range.values="]).toBe(2);
    expect(big.stats.formatWrites).toBe(1);
    expect(big.stats.opsPerSync).toEqual(small.stats.opsPerSync);
  });

  test("snapshot round-trips through the workbook option; reset restores the initial workbook", async () => {
    const fake = createFakeExcel({ workbook: { sheets: [{ name: "Start", values: [["x"]] }] } });
    await writeRows(fake, 3);
    const snap = fake.snapshot();
    const copy = createFakeExcel({ workbook: snap });
    expect(copy.snapshot()).toEqual(snap);
    fake.failAfter(0);
    fake.reset();
    expect(fake.workbook.sheetNames()).toEqual(["Start"]);
    expect(fake.stats.syncs).toBe(0);
    await (fake.Excel.run as typeof Excel.run)(async (context) => context.workbook.worksheets.add("Y"));
    expect(fake.workbook.sheetNames()).toEqual(["Start", "Y"]);
  });
});

describe("more of the surface", () => {
  test("hyperlinks, special cells, defined names and TODAY() in formulas, read() for assertions", async () => {
    const { fake, run } = setup({ today: "2024-07-15", workbook: { sheets: [{ name: "S", values: [[1, "", "x"], ["=A1+1"]] }], names: [{ name: "Han", formula: "=S!$A$1" }] } });
    await run(async (context) => {
      const s = context.workbook.worksheets.getItem("S");
      s.getRange("D1").hyperlink = { documentReference: "'S'!A1", textToDisplay: "Về đầu" };
      s.getRange("E1:F1").formulas = [["=Han*10", "=TODAY()"]];
      const consts = s.getRange("A1:F2").getSpecialCells("Constants" as any);
      const forms = s.getRange("A1:F2").getSpecialCellsOrNullObject("Formulas" as any);
      consts.load("address");
      forms.load("address");
      const link = s.getRange("D1");
      link.load("hyperlink, values");
      await context.sync();
      expect(consts.address).toBe("S!A1, S!C1:D1");
      expect(forms.address).toBe("S!E1:F1, S!A2");
      expect(link.hyperlink).toEqual({ documentReference: "'S'!A1", textToDisplay: "Về đầu" });
      expect(link.values).toEqual([["Về đầu"]]);
    });
    expect(fake.workbook.read("S", "E1:F1")).toEqual([[10, 45488]]);
    expect(fake.workbook.read("S", "A2", "formulas")).toEqual([["=A1+1"]]);
  });

  test("table rows added or deleted shift the cells below within the table's columns only", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "S", values: [["h", "k", "outside"], [1, 2, "o1"], [3, 4, "o2"], [], ["below", "b"]] }] } });
    await run(async (context) => {
      const t = context.workbook.worksheets.getItem("S").tables.add("A1:B3", true);
      t.rows.add(1, [[9, 9]]);
      t.rows.getItemAt(0).delete();
    });
    expect(fake.workbook.sheet("S")!.grid("A1:C6")).toEqual([["h", "k", "outside"], [9, 9, "o1"], [3, 4, "o2"], ["", "", ""], ["below", "b", ""], ["", "", ""]]);
    expect(fake.snapshot().tables[0].range).toBe("A1:B3");
  });

  test("table columns and totals; cell-value and text conditional formats; chart series; margins; protection", async () => {
    const { fake, run } = setup({ workbook: { sheets: [{ name: "S", values: [["a", "b"], [1, 2], [3, 4]] }] } });
    await run(async (context) => {
      const s = context.workbook.worksheets.getItem("S");
      const t = s.tables.add("A1:B3", true);
      t.showTotals = true;
      t.columns.add(undefined, [["c"], [5], [6], [null]] as any);
      const cv = s.getRange("A2:B3").conditionalFormats.add("CellValue" as any);
      cv.cellValue.rule = { formula1: "2", operator: "GreaterThan" };
      cv.cellValue.format.font.bold = true;
      const tc = s.getRange("A1:B1").conditionalFormats.add("ContainsText" as any);
      tc.textComparison.rule = { operator: "Contains" as any, text: "a" };
      tc.textComparison.format.fill.color = "yellow";
      const ch = s.charts.add("ColumnClustered" as any, s.getRange("A1:B3"));
      ch.series.add("Extra").setValues(s.getRange("B2:B3"));
      ch.series.getItemAt(0).delete();
      s.pageLayout.setPrintMargins("Inches" as any, { left: 0.5, top: 1 });
      s.protection.protect();
      const total = t.getTotalRowRange();
      total.load("address");
      t.columns.load("items/name");
      await context.sync();
      expect(total.address).toBe("S!A4:C4");
      expect(t.columns.items.map((c) => c.name)).toEqual(["a", "b", "c"]);
      t.columns.getItem("c").delete();
      const range = t.getRange();
      range.load("address");
      await context.sync();
      expect(range.address).toBe("S!A1:B4");
      s.protection.protect();
      expect((await rejection(context.sync())).code).toBe("InvalidOperation");
    });
    const sheet = fake.snapshot().sheets[0];
    expect(sheet.conditionalFormats.map((c) => [c.type, c.ranges[0], c.rule, c.format])).toEqual([
      ["ContainsText", "A1:B1", { operator: "Contains", text: "a" }, { fill: "#FFFF00" }],
      ["CellValue", "A2:B3", { formula1: "2", operator: "GreaterThan" }, { font: { bold: true } }],
    ]);
    expect(sheet.charts[0].series.map((x) => [x.name, x.values])).toEqual([["b", "S!$B$2:$B$3"], ["Extra", "S!$B$2:$B$3"]]);
    expect([sheet.pageLayout.leftMargin, sheet.pageLayout.topMargin, sheet.protection.protected]).toEqual([36, 72, true]);
  });

  test("Worksheet.names needs ExcelApi 1.4 (absent from Excel 2016)", async () => {
    const { run } = setup({ requirementSets: "excel2016" });
    await run(async (context) => {
      expect(thrown(() => context.workbook.worksheets.getActiveWorksheet().names).code).toBe("ApiNotFound");
      expect(thrown(() => context.workbook.worksheets.getItemOrNullObject("x")).code).toBe("ApiNotFound");
      context.workbook.names.load("items"); // workbook names are ExcelApi 1.1
      await context.sync();
    });
  });

  test("workbook.settings shares the document settings store; events are recorded and fired by emit()", async () => {
    const { fake, run } = setup({ workbook: { settings: { year: 2024 } } });
    expect(fake.Office.context.document.settings.get("year")).toBe(2024);
    const seen: unknown[] = [];
    await run(async (context) => {
      context.workbook.settings.add("commune", "Hồng Lộc");
      context.workbook.worksheets.getActiveWorksheet().onChanged.add(async (e) => void seen.push(e));
      const item = context.workbook.settings.getItem("year");
      item.load("value");
      await context.sync();
      expect(item.value).toBe(2024);
    });
    expect(fake.snapshot().settings).toEqual({ year: 2024, commune: "Hồng Lộc" });
    await fake.emit("onChanged", { address: "A1" });
    expect(seen).toEqual([{ address: "A1" }]);
  });

  test("toJSON turns loaded navigation collections into arrays, as office.js does", async () => {
    const { run } = setup();
    await run(async (context) => {
      const s = context.workbook.worksheets.getActiveWorksheet();
      s.load("name");
      s.tables.load("items/name");
      await context.sync();
      expect(JSON.parse(JSON.stringify(s))).toEqual({ name: "Sheet1", tables: [] });
    });
  });
});

describe("fidelity to the type definitions", () => {
  test("every member the fake implements exists in @types/office-js for that class", () => {
    const unknown: string[] = [];
    for (const [name, Cls] of Object.entries(api)) {
      const proto = (Cls as any)?.prototype;
      if (typeof Cls !== "function" || !proto || typeof proto._requireApi !== "function") continue;
      const className = (Object.create(proto) as { _className: string })._className;
      for (let p = proto; p && !["ClientObject", "CollectionObject"].includes(p.constructor.name); p = Object.getPrototypeOf(p)) {
        for (const m of Object.getOwnPropertyNames(p)) {
          if (m.startsWith("_") || m === "constructor") continue;
          if (!(`${className}.${m}` in API_SETS)) unknown.push(`${className}.${m}`);
        }
      }
      void name;
    }
    expect(unknown).toEqual([]);
  });

  test("generated.ts is up to date with @types/office-js", () => {
    expect(() => execFileSync(process.execPath, [join(__dirname, "fakeExcel", "tools", "generate.mjs"), "--check"], { stdio: "pipe" })).not.toThrow();
  });
});
