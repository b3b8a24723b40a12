/** The comparison the page's equivalence test relies on sees each kind of difference it claims to. */
import ExcelJS from "exceljs";
import { describeWorkbook } from "../helpers/workbookCells";

async function book(edit: (ws: ExcelJS.Worksheet) => void = () => undefined): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Kế hoạch");
  ws.getCell("A1").value = "Tiêu đề";
  ws.mergeCells("A1:C1");
  ws.getCell("A2").value = 1234;
  ws.getCell("B2").value = { formula: "A2*2", result: 2468 } as ExcelJS.CellFormulaValue;
  ws.getCell("C2").numFmt = "0.0%";
  ws.getCell("C2").value = 0.853;
  ws.getCell("D2").dataValidation = { type: "list", allowBlank: true, formulae: ['"Có,Không"'] };
  edit(ws);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

test("equal workbooks describe equal; a value, formula, number format, merge or validation changed does not", async () => {
  const base = await describeWorkbook(await book());
  expect(await describeWorkbook(await book())).toEqual(base);
  expect(Object.keys(base[0].cells)).toEqual(["A1", "A2", "B2", "C2"]);
  const changed = [
    (ws: ExcelJS.Worksheet) => (ws.getCell("A2").value = "1234"),
    (ws: ExcelJS.Worksheet) => (ws.getCell("B2").value = { formula: "A2*3", result: 2468 } as ExcelJS.CellFormulaValue),
    (ws: ExcelJS.Worksheet) => (ws.getCell("C2").numFmt = "0%"),
    (ws: ExcelJS.Worksheet) => ws.mergeCells("A3:B3"),
    (ws: ExcelJS.Worksheet) => (ws.getCell("D2").dataValidation = { type: "list", allowBlank: true, formulae: ['"Có"'] }),
  ];
  for (const edit of changed) expect(await describeWorkbook(await book(edit))).not.toEqual(base);
});
