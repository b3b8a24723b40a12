/** Each workbook object the add-in uses, driven through Microsoft's client and checked in the simulator's model. */
import { createExcelHost, type ExcelHost } from ".";

type Ctx = Excel.RequestContext;

function host(options = {}): ExcelHost {
  return createExcelHost({ today: "2024-06-14", workbook: { sheets: [{ name: "Kế hoạch", values: [["Mã", "Hoạt động", "Hạn"], ["I.1", "Rà soát", 45000], ["I.2", "Công khai", 45100]] }] }, ...options });
}

const run = <T>(h: ExcelHost, f: (ctx: Ctx) => Promise<T>) => h.Excel.run(f) as Promise<T>;

describe("worksheets", () => {
  it("add, rename, position, visibility, tab colour, gridlines, delete", async () => {
    const h = host();
    const out = await run(h, async (ctx) => {
      const ws = ctx.workbook.worksheets.add("Nháp");
      ws.name = "Kiểm tra";
      ws.position = 0;
      ws.tabColor = "#0F6CBD";
      ws.showGridlines = false;
      const gone = ctx.workbook.worksheets.add("Xoá");
      gone.delete();
      ws.load("name,position,tabColor,showGridlines,id");
      await ctx.sync();
      ws.visibility = "Hidden";
      await ctx.sync();
      return { name: ws.name, position: ws.position, tab: ws.tabColor, grid: ws.showGridlines, id: ws.id };
    });
    expect(out).toEqual({ name: "Kiểm tra", position: 0, tab: "#0F6CBD", grid: false, id: h.workbook.sheet("Kiểm tra")!.id });
    expect(h.workbook.sheetNames()).toEqual(["Kiểm tra", "Kế hoạch"]);
    expect(h.workbook.sheet("Kiểm tra")!.visibility).toBe("Hidden");
  });

  it("freeze panes and protection", async () => {
    const h = host();
    await run(h, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kế hoạch");
      ws.freezePanes.freezeAt(ws.getRange("A1:B1"));
      ws.protection.protect();
      await ctx.sync();
    });
    const snap = h.snapshot().sheets[0];
    expect(snap.freeze).toEqual({ rows: 1, columns: 2 });
    expect(snap.protection?.protected).toBe(true);
  });

  it("getItemOrNullObject, getActiveWorksheet, getUsedRange", async () => {
    const h = host();
    const out = await run(h, async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject("Không có");
      const active = ctx.workbook.worksheets.getActiveWorksheet();
      active.load("name");
      const used = ctx.workbook.worksheets.getItem("Kế hoạch").getUsedRange();
      used.load("address,rowCount");
      await ctx.sync();
      return [missing.isNullObject, active.name, used.address, used.rowCount];
    });
    expect(out).toEqual([true, "Kế hoạch", "'Kế hoạch'!A1:C3", 3]);
  });
});

describe("ranges", () => {
  it("values, formulas, numberFormat, text and valueTypes", async () => {
    const h = host();
    const out = await run(h, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kế hoạch");
      const r = ws.getRange("D2:E2");
      r.numberFormat = [["@", "dd/mm/yyyy"]];
      r.values = [["=1+1", 45474]];
      const f = ws.getRange("F2");
      f.formulas = [["=C2+1"]];
      const all = ws.getRange("D2:F2");
      all.load("values,formulas,text,valueTypes,numberFormat");
      await ctx.sync();
      return { values: all.values, formulas: all.formulas, text: all.text, types: all.valueTypes, nf: all.numberFormat };
    });
    expect(out.values).toEqual([["=1+1", 45474, 45001]]);
    expect(out.formulas).toEqual([["=1+1", 45474, "=C2+1"]]);
    expect(out.text).toEqual([["=1+1", "01/07/2024", "45001"]]);
    expect(out.types).toEqual([["String", "Double", "Double"]]);
    expect(out.nf[0][1]).toBe("dd/mm/yyyy");
  });

  it("format: fill, font, borders, alignment, wrap, column width and row height", async () => {
    const h = host();
    const out = await run(h, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Kế hoạch").getRange("A1:C1");
      r.format.fill.color = "#DDEBF7";
      r.format.font.bold = true;
      r.format.font.name = "Times New Roman";
      r.format.horizontalAlignment = "Center";
      r.format.wrapText = true;
      r.format.columnWidth = 120;
      r.format.rowHeight = 30;
      r.format.borders.getItem("EdgeBottom").style = "Continuous";
      r.format.load("wrapText,horizontalAlignment,columnWidth,rowHeight");
      r.format.font.load("bold,name");
      r.format.fill.load("color");
      await ctx.sync();
      return [r.format.wrapText, r.format.horizontalAlignment, r.format.columnWidth, r.format.rowHeight, r.format.font.bold, r.format.font.name, r.format.fill.color];
    });
    expect(out).toEqual([true, "Center", 120, 30, true, "Times New Roman", "#DDEBF7"]);
    expect(h.workbook.sheet("Kế hoạch")!.cell("B1")!.st?.borders?.EdgeBottom?.style).toBe("Continuous");
  });

  it("a row fitted to its text (autofitRows) is told apart from a height set by code, which ends the fit", async () => {
    const h = host();
    await run(h, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kế hoạch");
      ws.getRange("2:3").format.autofitRows();
      await ctx.sync();
      ws.getRange("3:3").format.rowHeight = 40;
      await ctx.sync();
    });
    const s = h.snapshot().sheets.find((x) => x.name === "Kế hoạch")!;
    expect(s.fittedRows).toEqual([2]);
    expect(s.rowHeights["3"]).toBe(40);
  });

  it("merge, getCell, getOffsetRange, getResizedRange, getEntireColumn", async () => {
    const h = host();
    const out = await run(h, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kế hoạch");
      ws.getRange("A5:C5").merge();
      const base = ws.getRange("A1");
      const cell = base.getCell(1, 1);
      const off = base.getOffsetRange(2, 2);
      const big = base.getResizedRange(2, 1);
      const col = off.getEntireColumn();
      [cell, off, big, col].forEach((r) => r.load("address"));
      cell.load("values");
      await ctx.sync();
      return [cell.address, cell.values, off.address, big.address, col.address];
    });
    expect(out).toEqual(["'Kế hoạch'!B2", [["Rà soát"]], "'Kế hoạch'!C3", "'Kế hoạch'!A1:B3", "'Kế hoạch'!C:C"]);
    expect(h.snapshot().sheets[0].merges).toEqual(["A5:C5"]);
  });

  it("hyperlink and clear", async () => {
    const h = host();
    await run(h, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kế hoạch");
      ws.getRange("D1").hyperlink = { documentReference: "'Kế hoạch'!A2", textToDisplay: "xem" };
      ws.getRange("A3:C3").clear("Contents");
      await ctx.sync();
    });
    expect(h.workbook.sheet("Kế hoạch")!.cell("D1")!.link).toMatchObject({ documentReference: "'Kế hoạch'!A2" });
    expect(h.workbook.read("Kế hoạch", "A3:C3")).toEqual([["", "", ""]]);
  });

  it("hyperlinks per cell with setCellProperties (ExcelApi 1.9): {} leaves a cell alone, the matrix must fit the range", async () => {
    const h = host();
    const read = await run(h, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kế hoạch");
      ws.getRange("D1:D3").values = [["a"], ["b"], ["c"]];
      ws.getRange("D1:D3").setCellProperties([[{ hyperlink: { documentReference: "'Kế hoạch'!B2", textToDisplay: "Kế hoạch!B2" } }], [{}], [{ hyperlink: { documentReference: "'Kế hoạch'!B3", textToDisplay: "Kế hoạch!B3" } }]]);
      const range = ws.getRange("D1:D3");
      range.load("values,formulas");
      const third = ws.getRange("D3");
      third.load("hyperlink");
      await ctx.sync();
      return { values: range.values, formulas: range.formulas, link: third.hyperlink };
    });
    expect(read).toEqual({ values: [["Kế hoạch!B2"], ["b"], ["Kế hoạch!B3"]], formulas: [["Kế hoạch!B2"], ["b"], ["Kế hoạch!B3"]], link: { documentReference: "'Kế hoạch'!B3", textToDisplay: "Kế hoạch!B3" } });
    expect(h.workbook.sheet("Kế hoạch")!.cell("D2")!.link).toBeUndefined();
    await expect(run(h, async (ctx) => {
      ctx.workbook.worksheets.getItem("Kế hoạch").getRange("D1:D2").setCellProperties([[{ hyperlink: { documentReference: "A1" } }]]);
      await ctx.sync();
    })).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("Range.hyperlink needs ExcelApi 1.7 and setCellProperties 1.9: below, the host refuses them", async () => {
    const h = host({ requirementSets: { ExcelApi: "1.8" } });
    await expect(run(h, async (ctx) => {
      ctx.workbook.worksheets.getItem("Kế hoạch").getRange("D1").setCellProperties([[{ hyperlink: { documentReference: "A1" } }]]);
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ApiNotFound" });
    const old = host({ requirementSets: { ExcelApi: "1.6" } });
    await expect(run(old, async (ctx) => {
      ctx.workbook.worksheets.getItem("Kế hoạch").getRange("D1").hyperlink = { documentReference: "A1", textToDisplay: "x" };
      await ctx.sync();
    })).rejects.toMatchObject({ code: "ApiNotFound" });
    expect(old.workbook.sheet("Kế hoạch")!.cell("D1")?.link).toBeUndefined();
  });
});

describe("tables", () => {
  it("add with headers, rows.add, columns, style, header and total rows, getDataBodyRange", async () => {
    const h = host();
    const out = await run(h, async (ctx) => {
      const t = ctx.workbook.tables.add("'Kế hoạch'!A1:C3", true);
      t.name = "KeHoach";
      t.style = "TableStyleMedium2";
      t.rows.add(undefined as never, [["I.3", "Báo cáo", 45200]]);
      t.showTotals = true;
      const cols = t.columns;
      cols.load("items/name");
      const body = t.getDataBodyRange();
      body.load("address,values");
      const header = t.getHeaderRowRange();
      header.load("values");
      await ctx.sync();
      return { cols: cols.items.map((c) => c.name), body: body.address, last: body.values[2], header: header.values };
    });
    expect(out).toEqual({ cols: ["Mã", "Hoạt động", "Hạn"], body: "'Kế hoạch'!A2:C4", last: ["I.3", "Báo cáo", 45200], header: [["Mã", "Hoạt động", "Hạn"]] });
    expect(h.workbook.table("KeHoach")).toMatchObject({ style: "TableStyleMedium2", showTotals: true });
  });

  it("a table found by name in workbook.tables and worksheet.tables, then deleted", async () => {
    const h = host();
    await run(h, async (ctx) => {
      ctx.workbook.tables.add("'Kế hoạch'!A1:C3", true).name = "BangKeHoach";
      await ctx.sync();
      const t = ctx.workbook.worksheets.getItem("Kế hoạch").tables.getItem("BangKeHoach");
      t.load("name,id");
      await ctx.sync();
      t.delete();
      await ctx.sync();
    });
    expect(h.workbook.table("BangKeHoach")).toBeFalsy();
  });
});

describe("names, validation, conditional formats, page layout, charts", () => {
  it("workbook and sheet names, with their formulas and ranges", async () => {
    const h = host();
    const out = await run(h, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kế hoạch");
      ctx.workbook.names.add("CCHC_YEAR", ws.getRange("C2"));
      ws.names.add("CCHC_ROLE", '="plan"');
      const n = ctx.workbook.names.getItem("CCHC_YEAR");
      n.load("formula,type");
      const r = n.getRange();
      r.load("values");
      const role = ws.names.getItem("CCHC_ROLE");
      role.load("value");
      await ctx.sync();
      return [n.formula, n.type, r.values, role.value];
    });
    expect(out).toEqual(["='Kế hoạch'!$C$2", "Range", [[45000]], "plan"]);
  });

  it("a list validation with its prompt, and a custom conditional format", async () => {
    const h = host();
    await run(h, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem("Kế hoạch").getRange("D2:D3");
      r.dataValidation.rule = { list: { inCellDropDown: true, source: "Chưa bắt đầu,Đang thực hiện,Hoàn thành" } };
      r.dataValidation.prompt = { showPrompt: true, title: "Trạng thái", message: "Chọn trong danh sách" };
      const cf = r.conditionalFormats.add("Custom");
      cf.custom.rule.formula = '=$D2="Hoàn thành"';
      cf.custom.format.fill.color = "#C6EFCE";
      await ctx.sync();
    });
    const sheet = h.snapshot().sheets[0];
    expect(sheet.dataValidations![0]).toMatchObject({ range: "D2:D3" });
    expect(JSON.stringify(sheet.dataValidations![0])).toContain("Đang thực hiện");
    expect(sheet.conditionalFormats![0]).toMatchObject({ type: "Custom", ranges: ["D2:D3"], rule: { formula: '=$D2="Hoàn thành"' }, format: { fill: "#C6EFCE" } });
  });

  it("page layout: orientation, paper, margins, print titles, fit to width", async () => {
    const h = host();
    await run(h, async (ctx) => {
      const pl = ctx.workbook.worksheets.getItem("Kế hoạch").pageLayout;
      pl.orientation = "Landscape";
      pl.paperSize = "A4";
      pl.leftMargin = 36;
      pl.zoom = { horizontalFitToPages: 1 };
      pl.setPrintTitleRows("$1:$1");
      await ctx.sync();
    });
    expect(h.snapshot().sheets[0].pageLayout).toMatchObject({ orientation: "Landscape", paperSize: "A4", leftMargin: 36, zoom: { horizontalFitToPages: 1 }, printTitleRows: "$1:$1" });
  });

  it("a chart from a range, with its title and position", async () => {
    const h = host();
    const name = await run(h, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("Kế hoạch");
      const c = ws.charts.add("ColumnClustered", ws.getRange("B1:C3"), "Auto");
      c.title.text = "Tiến độ";
      c.setPosition("E2", "K15");
      c.load("name");
      await ctx.sync();
      return c.name;
    });
    expect(name).toBe("Chart 1");
    expect(h.snapshot().sheets[0].charts![0]).toMatchObject({ title: { text: "Tiến độ" } });
  });
});

describe("workbook", () => {
  it("settings and document properties", async () => {
    const h = host();
    const out = await run(h, async (ctx) => {
      ctx.workbook.settings.add("cchc.meta", { year: 2024 });
      ctx.workbook.properties.title = "Kế hoạch CCHC";
      const s = ctx.workbook.settings.getItem("cchc.meta");
      s.load("value");
      await ctx.sync();
      return s.value;
    });
    expect(out).toEqual({ year: 2024 });
    expect(h.workbook.settings["cchc.meta"]).toEqual({ year: 2024 });
    expect(h.workbook.properties.title).toBe("Kế hoạch CCHC");
  });

  it("Excel.createWorkbook reaches the host (Application.CreateWorkbook(base64).Open()) and refuses non-base64", async () => {
    const h = host();
    await h.Excel.createWorkbook("UEsDBA==");
    expect(h.createdWorkbooks).toEqual(["UEsDBA=="]);
    await expect(h.Excel.createWorkbook("not base64!")).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("application.calculate and the calculation mode", async () => {
    const h = host();
    await run(h, async (ctx) => {
      ctx.workbook.application.calculate("Full");
      await ctx.sync();
    });
    expect(h.stats.calculations).toBe(1);
  });
});
