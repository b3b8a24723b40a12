/** The one resolution both renderers translate (src/render/resolvedSheet.ts). */
import ExcelJS from "exceljs";
import { emptySheet, type SheetLayout } from "../../src/layout/types";
import { FONT_NAME, FONT_SIZE } from "../../src/layout/styles";
import { bodySpec, cellFormat, inchesToPoints, resolveSheet, validationRule, widthToPoints } from "../../src/render/resolvedSheet";
import { writeXlsx } from "../../src/render/exceljs";

function sheet(extra: Partial<SheetLayout> = {}): SheetLayout {
  return {
    ...emptySheet("Thử", "plan"),
    cells: { A1: { v: "Tiêu đề", style: "title" }, D2: { v: "Ghi chú" } },
    tables: [{ name: "T", origin: "B4", columns: [{ header: "Mã", key: "id", width: 8 }, { header: "Nội dung", key: "text", width: 40, style: "wrap", hidden: true }], rows: [] }],
    merges: ["A1:E1"],
    ...extra,
  };
}

describe("resolveSheet", () => {
  test("widths: the tables' columns, then the sheet's own widths over them; a hidden column stays hidden", () => {
    const look = resolveSheet(sheet({ widths: { C: 55, F: 12 } }));
    expect(look.columns).toEqual([
      { index: 1, width: 8, hidden: false },
      { index: 2, width: 55, hidden: true },
      { index: 5, width: 12, hidden: false },
    ]);
  });

  test("an empty table still shows one fitted row; the extent reaches it, free cells and merges", () => {
    const look = resolveSheet(sheet());
    expect(look.fittedRows).toEqual([{ first: 4, last: 4 }]);
    expect(look.extent).toEqual({ rows: 5, cols: 5 });
  });

  test("fixed heights are the layout's; a table row with wrapped text gets an estimate for hosts that cannot measure", () => {
    const long = "Rà soát, đánh giá thủ tục hành chính ".repeat(6);
    const look = resolveSheet(sheet({ rowHeights: { 0: 36 }, tables: [{ ...sheet().tables[0], rows: [[{ v: "1" }, { v: long }]] }] }));
    expect(look.rowHeights).toEqual({ 0: 36 });
    expect(look.estimatedHeights[4]).toBeGreaterThan(15.5);
  });

  test("no frozen pane for 0 rows and 0 columns", () => {
    expect(resolveSheet(sheet({ freeze: { rows: 0, columns: 0 } })).freeze).toBeNull();
    expect(resolveSheet(sheet({ freeze: { rows: 4, columns: 1 } })).freeze).toEqual({ rows: 4, columns: 1 });
  });

  test("print setup: A4, fit one page wide or 100 %, margins in inches, the page-number footer only when asked", () => {
    const on = resolveSheet(sheet({ print: { orientation: "portrait", fitToWidth: true, pageNumbers: true, titleRows: "$4:$4" } })).print;
    expect(on).toEqual({
      paperSize: "A4", orientation: "portrait", fitToPagesWide: 1, titleRows: "$4:$4",
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 }, centerFooter: "Trang &P/&N",
    });
    const off = resolveSheet(sheet({ print: { orientation: "landscape", fitToWidth: false, pageNumbers: false } })).print;
    expect([off.fitToPagesWide, off.centerFooter, off.titleRows]).toEqual([null, null, null]);
  });
});

describe("cell formats", () => {
  test("every property decided: the sheet's font, black, no fill, general/bottom, no wrap, no border", () => {
    expect(cellFormat({})).toEqual({
      font: { name: FONT_NAME, size: FONT_SIZE, bold: false, italic: false, underline: false, color: "#000000" },
      fill: null, horizontal: "general", vertical: "bottom", wrap: false, border: false,
    });
  });

  test("a table body cell: its own style over its column's, on a grid from the top", () => {
    const column = { header: "Nội dung", key: "text", width: 40, style: "wrap" as const };
    expect(cellFormat(bodySpec(column, undefined))).toMatchObject({ wrap: true, vertical: "top", border: true });
    expect(cellFormat(bodySpec(column, { v: 1, style: "percent" }))).toMatchObject({ wrap: false, horizontal: "right", vertical: "top", border: true });
  });

  test("Excel's column width unit to points: the standard 8.43-character column is 48 pt", () => {
    expect(widthToPoints(9.140625)).toBe(48);
  });

  test("margins: inches to points to the hundredth (0.4 in is 28.8 pt, not 28.800000000000004)", () => {
    expect([0.5, 0.4, 0.6, 0.3].map(inchesToPoints)).toEqual([36, 28.8, 43.2, 21.6]);
  });
});

describe("validation rules", () => {
  test("texts cut to what Excel keeps (32 characters of a title, 255 of a message or prompt); blanks allowed", () => {
    const r = validationRule({ range: "A1:A9", type: "decimal", errorStyle: "stop", errorTitle: "T".repeat(40), errorMessage: "M".repeat(300), prompt: "P".repeat(300) });
    expect([r.errorTitle.length, r.errorMessage.length, r.prompt?.length, r.ignoreBlanks, r.minimum]).toEqual([32, 255, 255, true, 0]);
  });

  test("a list from a range (without its '=') or from values; a date from 1900-01-01; no prompt when none is given", () => {
    expect(validationRule({ range: "A1", type: "list", source: "='Đơn vị'!$A$5:$A$9", errorStyle: "warning" }).list).toEqual({ formula: "'Đơn vị'!$A$5:$A$9" });
    expect(validationRule({ range: "A1", type: "list", values: ["Có", "Không"], errorStyle: "stop" }).list).toEqual({ values: "Có,Không" });
    const d = validationRule({ range: "A1", type: "date", errorStyle: "stop" });
    expect([d.minimum, d.prompt]).toEqual(["1900-01-01", null]);
  });
});

test("the file: the empty cells between a sheet's content carry the sheet's font, as live", async () => {
  const bytes = await writeXlsx({ sheets: [sheet()], properties: { title: "t", creator: "c" } });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Thử")!;
  expect(ws.getCell("C2").font).toMatchObject({ name: FONT_NAME, size: FONT_SIZE });
  expect(ws.findCell(6, 6)).toBeUndefined(); // beyond the content: Excel's default
});
