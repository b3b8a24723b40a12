/** Every bad input → an ImportError with its code and a Vietnamese sentence saying what to do. */
import ExcelJS from "exceljs";
import { strToU8, zipSync } from "fflate";
import { ImportError } from "../../src/import/errors";
import { gridFromDocx, readDocx } from "../../src/import/docx";
import { importAppendixFile, importDocx, importXlsx } from "../../src/import/importFile";
import { parseAppendix } from "../../src/import/appendix";
import { GRID_LIMITS, gridFromValues } from "../../src/import/grid";
import { readXlsxGrid } from "../../src/import/xlsxGrid";
import { ZIP_LIMITS } from "../../src/import/zip";
import { buildDocx, SEED_HEADER } from "../helpers/docxWriter";
import { sheetsToXlsx } from "../helpers/xlsxWriter";
import { caught, caughtAsync } from "../helpers/caught";

/** A Vietnamese sentence that tells the user what to do next, and its English counterpart. */
function expectGoodMessage(e: ImportError) {
  expect(e).toBeInstanceOf(ImportError);
  expect(e.messageVi).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/);
  expect(e.messageVi).toMatch(/Hãy /);
  expect(e.messageEn.length).toBeGreaterThan(20);
  expect(e.message).toContain(e.messageVi);
}

/** An OLE compound file header followed by a directory entry name in UTF-16LE. */
function ole(streamName?: string): Uint8Array {
  const b = new Uint8Array(2048);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (streamName) for (let i = 0; i < streamName.length; i++) b[1024 + 2 * i] = streamName.charCodeAt(i);
  return b;
}

/** Patches the central-directory (and local-header) uncompressed size of an entry. */
function patchDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let i = 0; i < out.length - 46; i++) {
    const sig = view.getUint32(i, true);
    const isCentral = sig === 0x02014b50;
    const isLocal = sig === 0x04034b50;
    if (!isCentral && !isLocal) continue;
    const nameLen = view.getUint16(i + (isCentral ? 28 : 26), true);
    const nameAt = i + (isCentral ? 46 : 30);
    if (nameLen !== nameBytes.length || !nameBytes.every((c, k) => out[nameAt + k] === c)) continue;
    view.setUint32(i + (isCentral ? 24 : 22), size, true);
  }
  return out;
}

const tableDocx = () => buildDocx({ body: ["KẾ HOẠCH", { table: { rows: [SEED_HEADER, ["I", { text: "CÔNG TÁC", span: 8 }], ["1", "1.1. A", "2.1. B", "3.1. C", "Kế hoạch", "Tư pháp", "", "Năm 2024", ""]] } }] });

describe("bad input → ImportError with a code and a Vietnamese message", () => {
  test("an empty file", () => {
    const e = caught(() => readDocx(new Uint8Array(0)));
    expect(e.code).toBe("empty");
    expectGoodMessage(e);
  });

  test("not a zip (plain text), RTF and HTML saved as .doc", () => {
    const e = caught(() => readDocx(strToU8("Kế hoạch CCHC năm 2024")));
    expect(e.code).toBe("not-zip");
    expectGoodMessage(e);
    const rtf = caught(() => readDocx(strToU8("{\\rtf1\\ansi Kế hoạch}")));
    expect(rtf.code).toBe("not-zip");
    expect(rtf.messageVi).toMatch(/RTF/);
    const html = caught(() => readDocx(strToU8("<html><body><table></table></body></html>")));
    expect(html.code).toBe("not-zip");
    expect(html.messageVi).toMatch(/HTML/);
  });

  test("a PDF", () => {
    const e = caught(() => readDocx(strToU8("%PDF-1.7\n%âãÏÓ\n1 0 obj")));
    expect(e.code).toBe("pdf");
    expectGoodMessage(e);
  });

  test("OLE files: legacy .doc → save as .docx; encrypted package → remove the password; .xls; unknown", () => {
    const doc = caught(() => readDocx(ole("WordDocument")));
    expect(doc.code).toBe("legacy-doc");
    expect(doc.messageVi).toBe("Tệp này là .doc (Word 97-2003). Hãy mở bằng Word và Lưu thành .docx rồi nhập lại.");
    const enc = caught(() => readDocx(ole("EncryptedPackage")));
    expect(enc.code).toBe("encrypted");
    expect(enc.messageVi).toMatch(/mật khẩu/);
    expectGoodMessage(enc);
    const xls = caught(() => readDocx(ole("Workbook")));
    expect(xls.code).toBe("legacy-xls");
    expectGoodMessage(xls);
    const unknown = caught(() => readDocx(ole()));
    expect(unknown.code).toBe("legacy-doc");
    expect(unknown.messageVi).toMatch(/\.docx/);
    expect(unknown.messageVi).toMatch(/mật khẩu/);
  });

  test("a zip without word/document.xml", () => {
    const e = caught(() => readDocx(zipSync({ "readme.txt": strToU8("x"), "[Content_Types].xml": strToU8("<Types/>") })));
    expect(e.code).toBe("no-document");
    expectGoodMessage(e);
  });

  test("[Content_Types].xml declaring a non-Word main part (an .xlsx or .pptx given as .docx)", () => {
    const ct = (type: string) => `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="${type}"/></Types>`;
    const xlsx = caught(() => readDocx(zipSync({ "[Content_Types].xml": strToU8(ct("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")), "xl/workbook.xml": strToU8("<workbook/>") })));
    expect(xlsx.code).toBe("wrong-format");
    expect(xlsx.messageVi).toMatch(/Excel/);
    expectGoodMessage(xlsx);
    const pptx = caught(() => readDocx(zipSync({ "[Content_Types].xml": strToU8(ct("application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml")) })));
    expect(pptx.code).toBe("wrong-format");
    expect(pptx.messageVi).toMatch(/PowerPoint/);
  });

  test("a truncated zip, and a damaged deflate stream", () => {
    const bytes = tableDocx();
    const e = caught(() => readDocx(bytes.slice(0, Math.floor(bytes.length / 2))));
    expect(e.code).toBe("corrupt");
    expectGoodMessage(e);
    // Flip bytes inside the compressed document.xml.
    const damaged = new Uint8Array(bytes);
    const name = strToU8("word/document.xml");
    const at = damaged.findIndex((_, i) => name.every((c, k) => damaged[i + k] === c)); // the local header's name
    expect(at).toBeGreaterThan(0);
    for (let i = at + name.length + 20; i < at + name.length + 80; i++) damaged[i] ^= 0x5a;
    const d = caught(() => gridFromDocx(damaged));
    expect(["corrupt", "bad-xml"]).toContain(d.code);
  });

  test("a zip whose declared uncompressed document.xml exceeds the 200 MB cap → too-large, nothing inflated", () => {
    const bytes = patchDeclaredSize(tableDocx(), "word/document.xml", 300 * 1024 * 1024);
    const e = caught(() => readDocx(bytes));
    expect(e.code).toBe("too-large");
    expect(e.detail).toMatch(/word\/document\.xml/);
    expectGoodMessage(e);
  });

  test("a declared size within the cap but an impossible ratio (> 1100:1) → too-large (zip bomb)", () => {
    const bytes = patchDeclaredSize(tableDocx(), "word/document.xml", 150 * 1024 * 1024);
    const e = caught(() => readDocx(bytes));
    expect(e.code).toBe("too-large");
    expect(e.messageVi).toMatch(/bất thường/);
  });

  test("caps can be lowered, and the file size cap applies before unzipping", () => {
    expect(caught(() => readDocx(tableDocx(), { limits: { maxPartBytes: 500 } })).code).toBe("too-large");
    expect(caught(() => readDocx(tableDocx(), { limits: { maxFileBytes: 100 } })).code).toBe("too-large");
    expect(ZIP_LIMITS).toEqual({ maxFileBytes: 50 * 1024 * 1024, maxPartBytes: 200 * 1024 * 1024, maxSmallPartBytes: 4 * 1024 * 1024, maxRatio: 1100 });
  });

  test("a DOCTYPE in document.xml (billion laughs) → xml-doctype", () => {
    const lol = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`;
    const e = caught(() => readDocx(buildDocx({ body: [], documentXml: lol })));
    expect(e.code).toBe("xml-doctype");
    expectGoodMessage(e);
  });

  test("malformed document.xml → bad-xml", () => {
    const e = caught(() => readDocx(buildDocx({ body: [], documentXml: `<w:document><w:body><w:p></w:body></w:document>` })));
    expect(e.code).toBe("bad-xml");
    expectGoodMessage(e);
    // A declared size smaller than the real one: fflate stops at the declared size, the XML ends early.
    const truncated = patchDeclaredSize(tableDocx(), "word/document.xml", 300);
    expect(caught(() => readDocx(truncated)).code).toBe("bad-xml");
  });

  test("a document without any table → no-table", () => {
    const e = caught(() => importDocx(buildDocx({ body: ["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024", "Nội dung không có bảng."] })));
    expect(e.code).toBe("no-table");
    expectGoodMessage(e);
  });

  test("tables without a recognisable header → no-header", () => {
    const e = caught(() => importDocx(buildDocx({ body: [{ table: { rows: [["Nơi nhận:", "CHỦ TỊCH"], ["- Như trên;", "Lê Viết Bình"]] } }, { table: { rows: [["a", "b", "c"], ["1", "2", "3"]] } }] })));
    expect(e.code).toBe("no-header");
    expectGoodMessage(e);
    expect(caught(() => parseAppendix(gridFromValues([["Họ tên", "Chức vụ"], ["A", "B"]]))).code).toBe("no-header");
  });

  test("a header without a single activity under it → empty", () => {
    const e = caught(() => parseAppendix(gridFromValues([SEED_HEADER, ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)"], ["I", "CÔNG TÁC CHỈ ĐẠO"]])));
    expect(e.code).toBe("empty");
    expectGoodMessage(e);
  });

  test("the .xlsx reader: a .docx given → wrong-format, .xls → legacy-xls, a missing sheet → no-sheet, not a zip, truncated", async () => {
    expect((await caughtAsync(() => readXlsxGrid(tableDocx()))).code).toBe("wrong-format");
    expect((await caughtAsync(() => readXlsxGrid(ole("Workbook")))).code).toBe("legacy-xls");
    expect((await caughtAsync(() => readXlsxGrid(strToU8("a;b;c\n1;2;3")))).code).toBe("not-zip");
    const xlsx = await sheetsToXlsx([{ name: "Phụ lục", rows: [SEED_HEADER] }]);
    const noSheet = await caughtAsync(() => readXlsxGrid(xlsx, "Kế hoạch"));
    expect(noSheet.code).toBe("no-sheet");
    expect(noSheet.messageVi).toMatch(/Phụ lục/);
    expectGoodMessage(noSheet);
    expect((await caughtAsync(() => readXlsxGrid(xlsx.slice(0, xlsx.length - 30)))).code).toBe("corrupt");
    expect((await caughtAsync(() => importXlsx(xlsx))).code).toBe("empty");
    const bomb = patchDeclaredSize(xlsx, "xl/worksheets/sheet1.xml", 300 * 1024 * 1024);
    expect((await caughtAsync(() => readXlsxGrid(bomb))).code).toBe("too-large");
  });

  test("the file-level entry point reports the same errors", async () => {
    expect((await caughtAsync(() => importAppendixFile(strToU8("%PDF-1.4")))).code).toBe("pdf");
    expect((await caughtAsync(() => importAppendixFile(ole("WordDocument")))).code).toBe("legacy-doc");
    expect((await caughtAsync(() => importAppendixFile(zipSync({ "a.txt": strToU8("x") })))).code).toBe("no-document");
  });
});

describe("the .xlsx reader reads only populated cells, within GRID_LIMITS", () => {
  /** The appendix header, a group row and one activity, plus whatever `extra` adds. */
  async function sheet(extra: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Phụ lục");
    ws.addRow(SEED_HEADER);
    ws.addRow(["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC"]);
    ws.addRow(["1", "1.1. Mục tiêu", "2.1. Nhiệm vụ", "3.1. Hoạt động", "Kế hoạch", "Tư pháp", "", "Năm 2024", ""]);
    extra(ws);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  test("one stray cell far away (XFD20000, XFD1048576): the table's rows and columns only, a warning names the cell", async () => {
    for (const [r, c] of [[20000, 16384], [1048576, 16384]]) {
      const started = Date.now();
      const grid = await readXlsxGrid(await sheet((ws) => { ws.getCell(r, c).value = "x"; }));
      expect(Date.now() - started).toBeLessThan(5000);
      expect(grid.rows).toHaveLength(3);
      expect(grid.rows[0]).toHaveLength(9);
      expect(grid.warnings).toEqual([{ vi: expect.stringMatching(new RegExp(`1 ô có chữ nằm ngoài cột BL .*XFD${r}`)), en: expect.stringMatching(new RegExp(`1 cell with text beyond column BL .*XFD${r}`)) }]);
      const p = parseAppendix(grid);
      expect(p.activities.map((a) => a.activity)).toEqual(["Hoạt động"]);
      expect(p.warnings[0]).toBe(grid.warnings![0]);
    }
  });

  test("columns past 64 are ignored; empty rows between the table's rows stay (row numbers keep their meaning)", async () => {
    const grid = await readXlsxGrid(await sheet((ws) => {
      ws.getCell(3, 70).value = "ngoài bảng";
      ws.getCell(8, 1).value = "2";
      ws.getCell(8, 4).value = "3.2. Hoạt động sau dòng trống";
      ws.getCell(8, 6).value = "Văn hóa";
    }));
    expect(grid.rows).toHaveLength(8);
    expect(grid.rows.every((r) => r.length === 9)).toBe(true);
    expect(grid.warnings).toEqual([{ vi: expect.stringMatching(/BR3/), en: expect.stringMatching(/BR3/) }]);
    expect(parseAppendix(grid).activities.map((a) => a.activity)).toEqual(["Hoạt động", "Hoạt động sau dòng trống"]);
  });

  test("a value 1,000,000 rows down in a table column: too-large, naming the cell and what to do", async () => {
    const bytes = await sheet((ws) => { ws.getCell(1000000, 1).value = "x"; });
    const e = await caughtAsync(() => readXlsxGrid(bytes));
    expect(e.code).toBe("too-large");
    expectGoodMessage(e);
    expect(e.messageVi).toMatch(/1\.000\.000 dòng.*200\.000 dòng.*ô A1000000 của trang "Phụ lục"/);
    expect(e.messageEn).toMatch(/1000000 rows.*A1000000/);
    expect(GRID_LIMITS.maxRows).toBe(200000);
  });
});
