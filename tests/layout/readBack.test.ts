/**
 * Reading the add-in's workbook back when a person typed where the add-in expects something else:
 * text in the date columns is kept (a date read, in the plan's year when the year is left out;
 * anything else kept in the note and reported with sheet, row and text), and a plan table
 * without its key columns is refused with a message naming them and saying what to do next.
 */
import ExcelJS from "exceljs";
import { demoWorkbook } from "../../scripts/make-corpus";
import { readWorkbook } from "../../src/app/readWorkbook";
import { xlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { CchcError } from "../../src/core/errors";

import { parseUserDate } from "../../src/core/dates";

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

describe("text typed into the plan's date columns", () => {
  let read: Awaited<ReturnType<typeof readWorkbook>>;
  let ids: string[];
  beforeAll(async () => {
    const bytes = await editDemo((ws, col) => {
      ws.getCell(5, col("Ngày hoàn thành")).value = "đã xong";
      ws.getCell(6, col("Ngày hoàn thành")).value = "15/3";
      ws.getCell(7, col("Hạn do người dùng nhập")).value = "cuối quý II";
      ws.getCell(8, col("Hạn đến ngày")).value = "không rõ";
      ws.getCell(9, col("Hạn do người dùng nhập")).value = "ngày 2 tháng 4";
      ws.getCell(10, col("Ngày hoàn thành")).value = "20/05/2024";
      ws.getCell(11, col("Hạn do người dùng nhập")).value = new Date(Date.UTC(2024, 5, 30));
      ws.getCell(12, col("Ngày hoàn thành")).value = "xong rồi";
      ws.getCell(12, col("Ghi chú")).value = "Đã báo cáo; Ngày hoàn thành: xong rồi";
    });
    read = await readWorkbook(xlsxWorkbook(bytes));
    ids = read.model.plan.activities.map((a) => a.id);
  });

  test("a date is read: dd/mm/yyyy, an Excel date, and a day and month alone in the plan's year (with a note that says so)", () => {
    const p = (i: number) => read.model.progress[ids[i]];
    expect(p(1).completedOn).toBe("2024-03-15");
    expect(p(4).userDeadline).toBe("2024-04-02");
    expect(p(5).completedOn).toBe("2024-05-20");
    expect(p(6).userDeadline).toBe("2024-06-30");
    const vi = read.warnings.map((w) => w.vi);
    expect(vi).toContain(`Sheet "Kế hoạch" dòng 6 (hoạt động ${ids[1]}), cột "Ngày hoàn thành": "15/3" được đọc là ngày 15/03/2024 (năm của kế hoạch).`);
    expect(vi.some((w) => w.includes('"ngày 2 tháng 4" được đọc là ngày 02/04/2024'))).toBe(true);
    expect(vi.some((w) => w.includes("20/05/2024"))).toBe(false); // a full date needs no word
  });

  test("anything else is kept in the activity's note and reported (vi + en: sheet, row, column, text)", () => {
    const p = (i: number) => read.model.progress[ids[i]];
    expect(p(0)).toEqual({ note: "Ngày hoàn thành: đã xong" });
    expect(p(2)).toEqual({ note: "Hạn do người dùng nhập: cuối quý II" });
    expect(p(3)).toEqual({ note: "Hạn đến ngày: không rõ" });
    for (const [i, row, column, text] of [[0, 5, "Ngày hoàn thành", "đã xong"], [2, 7, "Hạn do người dùng nhập", "cuối quý II"], [3, 8, "Hạn đến ngày", "không rõ"]] as const) {
      const w = read.warnings.find((x) => x.vi.includes(`"${text}"`));
      expect(w).toEqual({
        vi: `Sheet "Kế hoạch" dòng ${row} (hoạt động ${ids[i]}), cột "${column}": "${text}" không phải là ngày; đã giữ lại trong Ghi chú. Hãy nhập ngày dạng dd/mm/yyyy nếu cần.`,
        en: `Sheet "Kế hoạch" row ${row} (activity ${ids[i]}), column "${column}": "${text}" is not a date; kept in the note. Enter a date as dd/mm/yyyy if one is meant.`,
      });
    }
  });

  test("a note already holding the kept text is not extended again (reading twice adds nothing)", () => {
    expect(read.model.progress[ids[7]].note).toBe("Đã báo cáo; Ngày hoàn thành: xong rồi");
  });

  test("the untouched rows keep no note and no warning; computed date columns (formulas) are never reported", () => {
    expect(read.model.progress[ids[20]]).toEqual({});
    expect(read.warnings.filter((w) => /không phải là ngày/.test(w.vi))).toHaveLength(4);
  });

  test("parseUserDate reads a day and month in the given year only when a year is given", () => {
    expect(parseUserDate("15/3")).toBeNull();
    expect(parseUserDate("15/3", 2024)).toBe("2024-03-15");
    expect(parseUserDate("15-03", 2025)).toBe("2025-03-15");
    expect(parseUserDate("ngày 2 tháng 4", 2024)).toBe("2024-04-02");
    expect(parseUserDate("31/2", 2024)).toBeNull();
    expect(parseUserDate("cuối quý II", 2024)).toBeNull();
    expect(parseUserDate("15/01/2023", 2024)).toBe("2023-01-15");
  });
});

describe("a plan table without its key columns", () => {
  test("is refused, naming the missing columns and saying what to do next (restore them, or rebuild with cchc import)", async () => {
    const bytes = await editDemo((ws, col) => {
      ws.getCell(4, col("Nhóm")).value = "Nhóm cũ";
      ws.getCell(4, col("Hoạt động")).value = "Việc";
    });
    let err: unknown;
    try {
      await readWorkbook(xlsxWorkbook(bytes));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CchcError);
    const e = err as CchcError;
    expect(e.messageVi).toMatch(/^Sheet "Kế hoạch" không có bảng kế hoạch: thiếu cột "Nhóm", "Hoạt động" \(/);
    expect(e.messageVi).not.toMatch(/thiếu cột "Mã"/);
    expect(e.messageVi).toMatch(/Hãy khôi phục cột .*cchc import/);
    expect(e.messageEn).toMatch(/column\(s\) "Nhóm", "Hoạt động" missing .*Restore the column\(s\).*cchc import/);
  });
});
