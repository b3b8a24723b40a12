/**
 * Every import failure is an `ImportError`: a stable `code` for programs, and one sentence in
 * Vietnamese (what happened and what to do next) plus its English counterpart for people.
 * `message` is the Vietnamese sentence followed by the English one, so an uncaught error still
 * tells the user what to do.
 */
import { CchcError } from "../core/errors";

export type ImportErrorCode =
  | "not-zip" // not an Office Open XML package at all (and not one of the formats below)
  | "corrupt" // a zip, but truncated or damaged
  | "no-document" // a zip without the Word main part (word/document.xml)
  | "wrong-format" // an OOXML package of another kind (Excel, PowerPoint) where Word was expected, or the reverse
  | "legacy-doc" // OLE compound file holding a Word 97-2003 .doc
  | "legacy-xls" // OLE compound file holding an Excel 97-2003 .xls
  | "encrypted" // OLE compound file holding a password-protected OOXML package
  | "pdf"
  | "no-table" // a document without any table
  | "no-header" // tables, but none with a recognisable appendix header
  | "no-sheet" // the named worksheet does not exist
  | "too-large" // over one of the size caps (see docx.ts / zip.ts)
  | "xml-doctype" // the XML declares a DOCTYPE (refused: no entity expansion, no XML bomb)
  | "bad-xml" // malformed XML
  | "empty"; // an empty file, or a table without a single activity

export class ImportError extends CchcError {
  declare readonly code: ImportErrorCode;
  /** Optional technical detail (offset, part name, sizes) for logs; never shown alone. */
  readonly detail?: string;
  /** For "no-header" with a header-like row: that row and each grid column's label, so the pane can offer to pick the columns. */
  header?: { row: number; labels: string[] };

  constructor(code: ImportErrorCode, messageVi: string, messageEn: string, detail?: string) {
    super(code, { vi: messageVi, en: messageEn });
    if (detail) this.message += ` [${detail}]`;
    this.name = "ImportError";
    this.detail = detail;
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError || (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "ImportError" && typeof (e as { code?: unknown }).code === "string");
}

const MB = 1024 * 1024;
const mb = (n: number) => `${Math.round((n / MB) * 10) / 10} MB`;
/** 60000 → "60.000" (Vietnamese thousands separator), without depending on the runtime's ICU data. */
const viInt = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** The standard messages, one place, so wording stays consistent across readers. */
export const errors = {
  notZip: (what: "docx" | "xlsx" | "any" = "any", detail?: string) =>
    new ImportError(
      "not-zip",
      what === "xlsx"
        ? "Tệp này không phải là tệp Excel .xlsx. Hãy mở bằng Excel, chọn Lưu thành (Save As) kiểu Excel Workbook (.xlsx) rồi nhập lại."
        : "Tệp này không phải là tệp Word .docx. Hãy mở bằng Word, chọn Lưu thành (Save As) kiểu Word Document (.docx) rồi nhập lại.",
      what === "xlsx"
        ? "This file is not an Excel .xlsx workbook. Open it in Excel, Save As Excel Workbook (.xlsx) and import again."
        : "This file is not a Word .docx document. Open it in Word, Save As Word Document (.docx) and import again.",
      detail,
    ),
  rtf: () =>
    new ImportError(
      "not-zip",
      "Tệp này là định dạng RTF, không phải .docx. Hãy mở bằng Word, chọn Lưu thành (Save As) kiểu Word Document (.docx) rồi nhập lại.",
      "This file is RTF, not .docx. Open it in Word, Save As Word Document (.docx) and import again.",
    ),
  html: () =>
    new ImportError(
      "not-zip",
      "Tệp này là trang web (HTML) được đặt tên như tệp Word. Hãy mở bằng Word, chọn Lưu thành (Save As) kiểu Word Document (.docx) rồi nhập lại.",
      "This file is a web page (HTML) named like a Word file. Open it in Word, Save As Word Document (.docx) and import again.",
    ),
  corrupt: (detail?: string) =>
    new ImportError(
      "corrupt",
      "Tệp bị hỏng hoặc chưa được tải về đầy đủ. Hãy tải lại tệp (hoặc mở bằng Word/Excel và lưu lại) rồi nhập lại.",
      "The file is damaged or was not downloaded completely. Download it again (or open and re-save it in Word/Excel) and import again.",
      detail,
    ),
  noDocument: (detail?: string) =>
    new ImportError(
      "no-document",
      "Tệp nén này không chứa văn bản Word (thiếu word/document.xml). Hãy mở tệp gốc bằng Word, Lưu thành .docx rồi nhập lại.",
      "This zip file holds no Word document (word/document.xml is missing). Open the original in Word, save it as .docx and import again.",
      detail,
    ),
  wrongFormat: (found: "xlsx" | "pptx" | "docx" | "other", expected: "docx" | "xlsx", detail?: string) => {
    const vi: Record<typeof found, string> = { xlsx: "bảng tính Excel (.xlsx)", pptx: "bản trình chiếu PowerPoint (.pptx)", docx: "văn bản Word (.docx)", other: "tệp Office không phải Word" };
    const en: Record<typeof found, string> = { xlsx: "an Excel workbook (.xlsx)", pptx: "a PowerPoint presentation (.pptx)", docx: "a Word document (.docx)", other: "an Office file that is not Word" };
    return new ImportError(
      "wrong-format",
      expected === "docx"
        ? `Tệp này là ${vi[found]}, không phải văn bản Word. Hãy chọn tệp .docx chứa phụ lục kế hoạch${found === "xlsx" ? ", hoặc nhập tệp này như một bảng tính Excel" : ""}.`
        : `Tệp này là ${vi[found]}, không phải bảng tính Excel. Hãy chọn tệp .xlsx${found === "docx" ? ", hoặc nhập tệp này như một văn bản Word" : ""}.`,
      expected === "docx"
        ? `This file is ${en[found]}, not a Word document. Choose the .docx holding the plan's appendix${found === "xlsx" ? ", or import this file as an Excel workbook" : ""}.`
        : `This file is ${en[found]}, not an Excel workbook. Choose an .xlsx file${found === "docx" ? ", or import this file as a Word document" : ""}.`,
      detail,
    );
  },
  legacyDoc: () =>
    new ImportError(
      "legacy-doc",
      "Tệp này là .doc (Word 97-2003). Hãy mở bằng Word và Lưu thành .docx rồi nhập lại.",
      "This file is a .doc (Word 97-2003). Open it in Word, save it as .docx and import again.",
    ),
  legacyXls: () =>
    new ImportError(
      "legacy-xls",
      "Tệp này là .xls (Excel 97-2003). Hãy mở bằng Excel và Lưu thành .xlsx rồi nhập lại.",
      "This file is an .xls (Excel 97-2003). Open it in Excel, save it as .xlsx and import again.",
    ),
  /** An OLE file we could not classify: either a legacy binary file or an encrypted package. */
  oleUnknown: () =>
    new ImportError(
      "legacy-doc",
      "Tệp này là định dạng Office cũ (97-2003) hoặc đã đặt mật khẩu. Hãy mở bằng Word, bỏ mật khẩu nếu có, Lưu thành .docx rồi nhập lại.",
      "This file is an old Office format (97-2003) or is password-protected. Open it in Word, remove any password, save it as .docx and import again.",
    ),
  encrypted: () =>
    new ImportError(
      "encrypted",
      "Tệp này đã được đặt mật khẩu (mã hóa). Hãy mở bằng Word hoặc Excel, bỏ mật khẩu (Tệp > Thông tin > Bảo vệ > Mã hóa bằng mật khẩu, xóa mật khẩu), lưu lại rồi nhập lại.",
      "This file is password-protected (encrypted). Open it in Word or Excel, remove the password (File > Info > Protect > Encrypt with Password, clear it), save and import again.",
    ),
  pdf: () =>
    new ImportError(
      "pdf",
      "Tệp này là PDF: không đọc được bảng từ PDF một cách tin cậy. Hãy dùng tệp Word (.docx) gốc của kế hoạch, hoặc chuyển PDF sang Word rồi kiểm tra bảng trước khi nhập.",
      "This file is a PDF: tables cannot be read reliably from PDF. Use the plan's original Word (.docx) file, or convert the PDF to Word and check the table before importing.",
    ),
  noTable: () =>
    new ImportError(
      "no-table",
      "Văn bản không có bảng nào. Hãy chọn tệp có bảng phụ lục nhiệm vụ (cột TT, Nhiệm vụ, Hoạt động, Chủ trì, Thời gian…) rồi nhập lại.",
      "The document holds no table. Choose the file with the appendix table (columns TT, task, activity, lead, deadline…) and import again.",
    ),
  noHeader: (detail?: string) =>
    new ImportError(
      "no-header",
      "Không tìm thấy dòng tiêu đề của bảng phụ lục (các cột như TT, Nhiệm vụ, Hoạt động, Kết quả/Sản phẩm, Chủ trì, Phối hợp, Thời gian hoàn thành). Hãy kiểm tra bảng có dòng tiêu đề cột rồi nhập lại.",
      "No appendix header row was found (columns such as TT, task, activity, output, lead, partners, deadline). Check that the table has a column header row and import again.",
      detail,
    ),
  /**
   * A header-like row without a column the importer can place as the tasks: names the columns
   * found (and what each was read as), the one missing, and the two ways on.
   */
  missingColumn: (row: number, found: Array<{ label: string; vi: string | null; en: string | null }>, missing: { vi: string; en: string }, columnLabels: string[]) => {
    const list = (lang: "vi" | "en") =>
      found.map((f) => `"${f.label}" (${(lang === "vi" ? f.vi : f.en) ?? (lang === "vi" ? "không nhận ra" : "not recognised")})`).join(", ");
    const e = new ImportError(
      "no-header",
      `Dòng tiêu đề của bảng (dòng ${row + 1}) có các cột ${list("vi")}, nhưng không có cột nào được nhận là cột "${missing.vi}". Hãy chọn cột đó trong mục "Chọn cột" của bảng Nhập kế hoạch, hoặc đổi tiêu đề cột đó thành "Nhiệm vụ" rồi nhập lại.`,
      `The table's header row (row ${row + 1}) has the columns ${list("en")}, but none is recognised as the "${missing.en}" column. Choose that column under "Choose columns" in the import panel, or rename its header to "Nhiệm vụ" and import again.`,
      `header row ${row + 1}`,
    );
    e.header = { row, labels: columnLabels };
    return e;
  },
  noSheet: (name: string, available: string[]) =>
    new ImportError(
      "no-sheet",
      `Không có trang tính "${name}" trong tệp. Các trang tính có: ${available.join(", ") || "(không có)"}. Hãy chọn đúng tên trang tính rồi nhập lại.`,
      `There is no worksheet "${name}" in the file. Worksheets: ${available.join(", ") || "(none)"}. Choose the right sheet and import again.`,
    ),
  tooLarge: (what: string, size: number, cap: number) =>
    new ImportError(
      "too-large",
      `Tệp quá lớn (${what}: ${mb(size)}, giới hạn ${mb(cap)}). Hãy xóa hình ảnh và phần không cần thiết, chỉ giữ bảng phụ lục, lưu lại rồi nhập lại.`,
      `The file is too large (${what}: ${mb(size)}, limit ${mb(cap)}). Remove pictures and unneeded parts, keep only the appendix table, save and import again.`,
      `${what} ${size} > ${cap}`,
    ),
  /** A table past GRID_LIMITS (grid.ts): rows × columns cells, or rows of a sheet. */
  tableTooLarge: (rows: number, cols: number, what: "cells" | "rows", cap: number, where?: string) =>
    new ImportError(
      "too-large",
      `Bảng quá lớn (${viInt(rows)} dòng × ${cols} cột${what === "cells" ? `, vượt giới hạn ${viInt(cap)} ô` : `, vượt giới hạn ${viInt(cap)} dòng`})${where ? `, do ${where}` : ""}. Một bảng phụ lục kế hoạch chỉ có khoảng 9 cột và vài trăm dòng. Hãy xóa các ô có nội dung hoặc ô gộp nằm xa ngoài bảng (hoặc tách bảng thành nhiều phần), lưu lại rồi nhập lại.`,
      `The table is too large (${rows} rows × ${cols} columns${what === "cells" ? `, over the limit of ${cap} cells` : `, over the limit of ${cap} rows`})${where ? `, because of ${where}` : ""}. A plan appendix has about 9 columns and a few hundred rows. Remove the cells with content or merged cells far outside the table (or split the table), save and import again.`,
      `${rows} rows × ${cols} columns; ${what} cap ${cap}`,
    ),
  zipBomb: (what: string, size: number, compressed: number) =>
    new ImportError(
      "too-large",
      "Tệp có phần nén bất thường (tỷ lệ nén quá cao, có thể là tệp độc hại). Hãy mở bằng Word/Excel, lưu lại thành tệp mới rồi nhập lại.",
      "The file holds an abnormally compressed part (compression ratio too high, possibly malicious). Open it in Word/Excel, save it as a new file and import again.",
      `${what}: ${size} bytes from ${compressed}`,
    ),
  doctype: () =>
    new ImportError(
      "xml-doctype",
      "Tệp chứa khai báo DOCTYPE trong XML, điều mà Word không bao giờ tạo ra; vì an toàn, tệp bị từ chối. Hãy mở bằng Word, Lưu thành .docx mới rồi nhập lại.",
      "The file's XML declares a DOCTYPE, which Word never writes; it is refused for safety. Open it in Word, save it as a new .docx and import again.",
    ),
  badXml: (detail: string) =>
    new ImportError(
      "bad-xml",
      "Nội dung XML trong tệp bị lỗi, không đọc được. Hãy mở bằng Word (Word sẽ đề nghị sửa tệp), Lưu thành .docx rồi nhập lại.",
      "The file's XML content is malformed and cannot be read. Open it in Word (Word will offer to repair it), save as .docx and import again.",
      detail,
    ),
  empty: (what: "file" | "table" = "file") =>
    new ImportError(
      "empty",
      what === "file" ? "Tệp rỗng (0 byte). Hãy chọn lại đúng tệp kế hoạch rồi nhập lại." : "Bảng phụ lục không có nhiệm vụ hay hoạt động nào dưới dòng tiêu đề. Hãy kiểm tra lại bảng rồi nhập lại.",
      what === "file" ? "The file is empty (0 bytes). Choose the plan file again and import again." : "The appendix table holds no task or activity below its header row. Check the table and import again.",
    ),
};
