/**
 * Reading the add-in's workbook back when a person typed where the add-in expects something else:
 * text in the date columns is kept (a date read, in the plan's year when the year is left out;
 * anything else kept in the note and reported with sheet, row and text), and a plan table
 * without its key columns is refused with a message naming them and saying what to do next.
 */
import ExcelJS from "exceljs";
import { demoWorkbook } from "../../scripts/make-corpus";
import { readWorkbook, WorkbookReadError } from "../../src/export/readWorkbook";

async function editDemo(edit: (ws: ExcelJS.Worksheet, col: (header: string) => number) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await demoWorkbook()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Kế hoạch")!;
  const headers = ws.getRow(4).values as unknown[];
  edit(ws, (h) => {
    const c = headers.indexOf(h);
    if (c < 1) throw new Error(`no column ${h}`);
    return c;
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe("a plan table without its key columns", () => {
  test("is refused, naming the missing columns and saying what to do next (restore them, or rebuild with cchc import)", async () => {
    const bytes = await editDemo((ws, col) => {
      ws.getCell(4, col("Nhóm")).value = "Nhóm cũ";
      ws.getCell(4, col("Hoạt động")).value = "Việc";
    });
    let err: unknown;
    try {
      await readWorkbook(bytes);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(WorkbookReadError);
    const e = err as WorkbookReadError;
    expect(e.messageVi).toMatch(/^Sheet "Kế hoạch" không có bảng kế hoạch: thiếu cột "Nhóm", "Hoạt động" \(/);
    expect(e.messageVi).not.toMatch(/thiếu cột "Mã"/);
    expect(e.messageVi).toMatch(/Hãy khôi phục cột .*cchc import/);
    expect(e.messageEn).toMatch(/column\(s\) "Nhóm", "Hoạt động" missing .*Restore the column\(s\).*cchc import/);
  });
});
