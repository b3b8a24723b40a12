/**
 * The bad-input corpus (issue 8 part 3, issue 3 part 5): every hostile or broken file we can
 * think of, each with the outcome it must have — imported (with its activity count) or a named
 * ImportError code.
 *
 *   npx tsx scripts/make-corpus.ts      writes tests/fixtures/corpus/*.{docx,doc,xls,xlsx,pdf} and corpus.json
 *
 * Small files are written here and committed. Large ones (10,000 and 60,000 rows, 1 MB cells,
 * the over-cap zips, the memory-blowup cases) are built at test time by the same `build`
 * functions (tests/corpus/corpus.test.ts imports CASES), so the repository stays small.
 * corpus.json is the manifest: file, how it is made, entry point, expected outcome, why.
 *
 * Entry points:
 *   docx      gridFromDocx + parseAppendix (what `cchc import FILE.docx` runs)
 *   xlsx      readXlsxGrid + parseAppendix (what `cchc import FILE.xlsx` runs)
 *   workbook  the add-in's own workbook reader (src/layout/readBack.ts) — for the hand-edited workbook
 * and, unless `cli` says otherwise, the CLI itself: `cchc import FILE --json --out X.xlsx`.
 */
import * as fs from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import * as zlib from "zlib";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import type { ImportErrorCode } from "../src/import/errors";
import { HONG_LOC_2024 } from "../src/data/hongLoc2024";
import { defaultSettings } from "../src/core/settings";
import { buildWorkbookLayout } from "../src/layout/workbook";
import { writeXlsx } from "../src/render/exceljs";
import { CONTENT_TYPES_DOCX, documentXml, esc, SEED_HEADER, type BlockSpec, type RowSpec } from "../tests/helpers/docxWriter";
import { sheetsToXlsx } from "../tests/helpers/xlsxWriter";
import { SEED_EXPECTED, SEED_ROWS, SEED_TITLE } from "../tests/import/fixtures/seedSubset";

export const CORPUS_DIR = path.join(__dirname, "..", "tests", "fixtures", "corpus");

export type Entry = "docx" | "xlsx" | "workbook";

export type Expected =
  | { outcome: "imported"; activities: number; check?: string }
  | { outcome: "error"; code: ImportErrorCode }
  /** The add-in's workbook reader: read (with warnings) or refused with its own error (WorkbookReadError). */
  | { outcome: "read"; activities: number; check?: string }
  | { outcome: "refused"; check?: string };

export interface CorpusCase {
  id: string;
  /** File name; its extension is what the CLI goes by (.xlsx/.xlsm → Excel reader, anything else → Word reader). */
  file: string;
  /** "committed": written by this script into tests/fixtures/corpus; "test": built in memory by the test. */
  stored: "committed" | "test";
  /** How the file is made, in words. */
  how: string;
  entry: Entry;
  /** How the CLI is run: full (--json, --out, existing --out, validate), json (--json only), none. */
  cli: "full" | "json" | "none";
  expect: Expected;
  /** Why this outcome is the right one. */
  why: string;
  /** A defect in src/** that breaks the whole case: its test is test.failing until the owner fixes it. */
  knownDefect?: string;
  /** Defects that break one named check only: the case passes, and each check is its own test.failing. */
  defects?: Array<{ check: string; defect: string }>;
  /** Further named checks, each its own test (a fixed defect's check moves here from `defects`). */
  checks?: string[];
  /** Run the CLI in a child process with this heap cap (MB) and a time limit (s): memory blow-ups must not crash the test runner. */
  child?: { heapMb: number; seconds: number };
  build(): Uint8Array | Promise<Uint8Array>;
}

// ---------------------------------------------------------------------------------------------
// Building blocks.

const MTIME = new Date(2024, 0, 12, 8, 0, 0);

const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

function zip(files: Record<string, string | Uint8Array>, level: 0 | 6 | 9 = 6): Uint8Array {
  const z: Zippable = {};
  for (const [name, data] of Object.entries(files)) z[name] = [typeof data === "string" ? strToU8(data) : data, { level, mtime: MTIME }];
  return zipSync(z);
}

interface DocxParts {
  /** word/document.xml (text or bytes); left out when undefined. */
  document?: string | Uint8Array;
  /** [Content_Types].xml; the standard Word one when undefined, none when null. */
  contentTypes?: string | null;
  /** Where the main part lives (default word/document.xml). */
  documentName?: string;
  extra?: Record<string, string | Uint8Array>;
  level?: 0 | 6 | 9;
}

function docx(p: DocxParts): Uint8Array {
  const files: Record<string, string | Uint8Array> = {};
  if (p.contentTypes !== null) files["[Content_Types].xml"] = p.contentTypes ?? CONTENT_TYPES_DOCX;
  files["_rels/.rels"] = ROOT_RELS;
  if (p.document !== undefined) files[p.documentName ?? "word/document.xml"] = p.document;
  Object.assign(files, p.extra ?? {});
  return zip(files, p.level ?? 6);
}

const docxOf = (body: BlockSpec[]) => docx({ document: documentXml({ body }) });
const seedBody = (): BlockSpec[] => [...SEED_TITLE, { table: { rows: SEED_ROWS } }];
const contentTypes = (parts: Array<[string, string]>) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  parts.map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join("") +
  "</Types>";

/** A header, one group row and `rows` simple activity rows (with the given cells). */
function smallTable(rows: string[][]): RowSpec[] {
  return [SEED_HEADER, ["I", { text: "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", span: 8 }], ...rows];
}

/** Patches the declared uncompressed size of an entry in its local header and central directory. */
export function patchDeclaredSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  return patchEntry(bytes, name, (view, at, central) => view.setUint32(at + (central ? 24 : 22), size, true));
}

function patchEntry(bytes: Uint8Array, name: string, patch: (view: DataView, at: number, central: boolean) => void): Uint8Array {
  const out = new Uint8Array(bytes);
  const view = new DataView(out.buffer);
  const nameBytes = strToU8(name);
  for (let i = 0; i + 46 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    const central = sig === 0x02014b50;
    if (!central && sig !== 0x04034b50) continue;
    const nameLen = view.getUint16(i + (central ? 28 : 26), true);
    const nameAt = i + (central ? 46 : 30);
    if (nameLen === nameBytes.length && nameBytes.every((c, k) => out[nameAt + k] === c)) patch(view, i, central);
  }
  return out;
}

/**
 * A structurally valid OLE compound file (CFB v3, 512-byte sectors): header, one FAT sector,
 * one directory sector, then each stream padded to 4,096 bytes (so no mini stream is needed).
 * Storages (empty) and streams hang under the root as a chain of right siblings.
 */
export function compoundFile(entries: Array<{ name: string; storage?: boolean; data?: Uint8Array }>): Uint8Array {
  const SECTOR = 512;
  const streams = entries.filter((e) => !e.storage).map((e) => {
    const data = new Uint8Array(Math.max(4096, Math.ceil((e.data?.length ?? 0) / SECTOR) * SECTOR));
    if (e.data) data.set(e.data);
    return { ...e, data, size: Math.max(4096, e.data?.length ?? 0) };
  });
  const sectorsOf = streams.map((s) => s.data.length / SECTOR);
  const total = 2 + sectorsOf.reduce((a, b) => a + b, 0);
  if (total > 128 || entries.length > 3) throw new Error("compoundFile: keep it small (one FAT sector, one directory sector)");
  const out = new Uint8Array(SECTOR * (1 + total));
  const v = new DataView(out.buffer);
  out.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  v.setUint16(24, 0x003e, true);
  v.setUint16(26, 0x0003, true);
  v.setUint16(28, 0xfffe, true);
  v.setUint16(30, 9, true);
  v.setUint16(32, 6, true);
  v.setUint32(44, 1, true); // FAT sectors
  v.setUint32(48, 1, true); // first directory sector
  v.setUint32(56, 4096, true); // mini stream cutoff
  v.setUint32(60, 0xfffffffe, true); // no mini FAT
  v.setUint32(68, 0xfffffffe, true); // no DIFAT sectors
  v.setUint32(76, 0, true); // DIFAT[0] = FAT in sector 0
  for (let i = 1; i < 109; i++) v.setUint32(76 + 4 * i, 0xffffffff, true);
  const sector = (n: number) => SECTOR * (1 + n);
  // FAT.
  const fat = (n: number, value: number) => v.setUint32(sector(0) + 4 * n, value, true);
  for (let i = 0; i < 128; i++) fat(i, 0xffffffff);
  fat(0, 0xfffffffd);
  fat(1, 0xfffffffe);
  let next = 2;
  const starts: number[] = [];
  streams.forEach((s, k) => {
    starts.push(next);
    for (let i = 0; i < sectorsOf[k]; i++) fat(next + i, i === sectorsOf[k] - 1 ? 0xfffffffe : next + i + 1);
    out.set(s.data, sector(next));
    next += sectorsOf[k];
  });
  // Directory: root, then the entries chained as right siblings.
  const dirEntry = (i: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const at = sector(1) + 128 * i;
    for (let c = 0; c < name.length; c++) v.setUint16(at + 2 * c, name.charCodeAt(c), true);
    v.setUint16(at + 64, name ? 2 * (name.length + 1) : 0, true);
    out[at + 66] = type;
    out[at + 67] = 1; // black
    v.setUint32(at + 68, 0xffffffff, true);
    v.setUint32(at + 72, right, true);
    v.setUint32(at + 76, child, true);
    v.setUint32(at + 116, start, true);
    v.setUint32(at + 120, size, true);
  };
  dirEntry(0, "Root Entry", 5, entries.length ? 1 : 0xffffffff, 0xffffffff, 0xfffffffe, 0);
  let streamIndex = 0;
  entries.forEach((e, i) => {
    const right = i + 1 < entries.length ? i + 2 : 0xffffffff;
    if (e.storage) dirEntry(i + 1, e.name, 1, 0xffffffff, right, 0, 0);
    else {
      const s = streams[streamIndex];
      dirEntry(i + 1, e.name, 2, 0xffffffff, right, starts[streamIndex], s.size);
      streamIndex++;
    }
  });
  for (let i = entries.length + 1; i < 4; i++) {
    const at = sector(1) + 128 * i;
    v.setUint32(at + 68, 0xffffffff, true);
    v.setUint32(at + 72, 0xffffffff, true);
    v.setUint32(at + 76, 0xffffffff, true);
  }
  return out;
}

/** A one-page PDF whose text is the appendix title (what a scanned or exported plan looks like to us). */
function pdf(): Uint8Array {
  const content = "BT /F1 14 Tf 72 520 Td (PHU LUC: KHUNG NHIEM VU CCHC TRONG TAM NAM 2024) Tj ET";
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let s = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(s.length);
    s += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = s.length;
  s += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  s += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

/**
 * A lean document.xml for big tables (no run properties): `rows` activity rows under group
 * rows every 1,000 activities, objective cells merged over 10 rows and task cells over 5.
 */
export function bigTableXml(rows: number, opts: { cell?: (i: number) => string; wideRow?: number } = {}): string {
  const t = (s: string) => `<w:p><w:r><w:t xml:space="preserve">${esc(s)}</w:t></w:r></w:p>`;
  const tc = (s: string, pr = "") => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ""}${t(s)}</w:tc>`;
  const parts: string[] = [`<w:tbl><w:tblGrid>${"<w:gridCol/>".repeat(9)}</w:tblGrid><w:tr>${SEED_HEADER.map((h) => tc(h)).join("")}</w:tr>`];
  const romans = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX"];
  const per = Math.max(1000, Math.ceil(rows / romans.length));
  if (opts.wideRow) parts.push(`<w:tr>${tc("", `<w:gridSpan w:val="${opts.wideRow}"/>`)}</w:tr>`);
  const units = ["Tư pháp - Hộ tịch", "Văn phòng - Thống kê", "Văn hóa - Xã hội", "Công an xã", "Địa chính - Xây dựng"];
  const deadlines = ["Quý I/2024", "Thường xuyên", "Tháng 6, tháng 12", "Trước 15/01/2024", "Năm 2024"];
  for (let i = 0; i < rows; i++) {
    if (i % per === 0) parts.push(`<w:tr>${tc(romans[i / per])}${tc(`NHÓM NHIỆM VỤ ${i / per + 1}`, '<w:gridSpan w:val="8"/>')}</w:tr>`);
    const obj = i % 10 === 0 ? tc(`1.${(i / 10) % 999 + 1}. Mục tiêu số ${i / 10 + 1}`, '<w:vMerge w:val="restart"/>') : tc("", "<w:vMerge/>");
    const task = i % 5 === 0 ? tc(`2.${(i / 5) % 999 + 1}. Nhiệm vụ số ${i / 5 + 1}`, '<w:vMerge w:val="restart"/>') : tc("", "<w:vMerge/>");
    const activity = opts.cell ? opts.cell(i) : `3.${i % 999 + 1}. Hoạt động số ${i + 1}`;
    parts.push(`<w:tr>${tc("")}${obj}${task}${tc(activity)}${tc("Báo cáo")}${tc(units[i % 5])}${tc("Các ban, ngành")}${tc(deadlines[i % 5])}${tc("")}</w:tr>`);
  }
  parts.push("</w:tbl>");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${t("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH XÃ HỒNG LỘC NĂM 2024")}${parts.join("")}<w:p/></w:body></w:document>`;
}

/**
 * A real .docx whose word/document.xml is `bytes` long: the XML is laid out in one buffer
 * (paragraphs repeated), deflated by zlib (native, ~1 s for 200 MB) and wrapped in a zip
 * written by hand (local headers, central directory, end record) with true sizes and CRCs.
 */
function overCapDocx(bytes: number): Uint8Array {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>');
  const tail = Buffer.from("</w:body></w:document>");
  const para = Buffer.from("<w:p><w:r><w:t>Kế hoạch cải cách hành chính năm 2024.</w:t></w:r></w:p>");
  const count = Math.ceil((bytes - head.length - tail.length) / para.length);
  const xml = Buffer.alloc(head.length + count * para.length + tail.length);
  head.copy(xml, 0);
  xml.fill(para, head.length, head.length + count * para.length);
  tail.copy(xml, head.length + count * para.length);
  return zipRaw([
    { name: "[Content_Types].xml", data: Buffer.from(CONTENT_TYPES_DOCX) },
    { name: "word/document.xml", data: xml },
  ]);
}

/** A minimal zip writer (deflate, true CRC-32 and sizes), for entries too big for fflate in a test's time. */
function zipRaw(entries: Array<{ name: string; data: Buffer }>): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const packed = zlib.deflateRawSync(e.data, { level: 6 });
    const crc = zlib.crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x4000, 10); // 08:00
    local.writeUInt16LE(0x582c, 12); // 2024-01-12
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    local.copy(central, 8, 6, 26); // flags … uncompressed size
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, dir, end]));
}

/** A deterministic pseudo-random byte filler (incompressible data for a big embedded "image"). */
function noise(n: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = 0x9e3779b9;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** The demo workbook (`cchc demo`): the embedded plan through the one layout and the exceljs renderer. */
export async function demoWorkbook(): Promise<Uint8Array> {
  const layout = buildWorkbookLayout({ plan: HONG_LOC_2024, settings: defaultSettings(HONG_LOC_2024), progress: {}, mode: "custom" });
  return writeXlsx(layout, { created: new Date(Date.UTC(2024, 0, 12)) });
}

/** What the edited workbook's date columns hold (row index in the plan table → text typed over a date). */
export const EDITED_DATE_TEXTS: Array<{ activity: number; column: string; text: string }> = [
  { activity: 0, column: "Ngày hoàn thành", text: "đã xong" },
  { activity: 1, column: "Ngày hoàn thành", text: "15/3" },
  { activity: 2, column: "Hạn do người dùng nhập", text: "cuối quý II" },
  { activity: 3, column: "Hạn đến ngày", text: "không rõ" },
];
export const EDITED_DELETED_COLUMNS = ["Phối hợp", "Loại thời hạn", "Hạn từ ngày"];
export const EDITED_TABLE_NAME = "Table1";

/**
 * The demo workbook edited by hand into an inconsistent state, as a person does in Excel:
 * three columns of the plan table deleted (Phối hợp, Loại thời hạn, Hạn từ ngày), the table
 * renamed from KeHoach to Table1, text typed into date columns (Ngày hoàn thành, Hạn do người
 * dùng nhập, Hạn đến ngày), and a note typed in the Ghi chú column. Formulas of the plan table
 * are pasted as values (what "paste values" over the table leaves).
 */
export async function editedWorkbook(opts: { deleteId?: boolean } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await demoWorkbook()) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Kế hoạch");
  if (!ws) throw new Error("no plan sheet");
  const table = ws.getTable("KeHoach") as unknown as { table: { tableRef: string; columns: Array<{ name: string }> } };
  const ref = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(table.table.tableRef);
  if (!ref) throw new Error(`unexpected table ref ${table.table.tableRef}`);
  const headerRow = Number(ref[2]);
  const lastRow = Number(ref[4]);
  const headers = table.table.columns.map((c) => c.name);
  const plain = (v: ExcelJS.CellValue): ExcelJS.CellValue => (v && typeof v === "object" && !(v instanceof Date) && "result" in v ? (v.result as ExcelJS.CellValue) ?? null : v);
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = headerRow + 1; r <= lastRow; r++) rows.push(headers.map((_, c) => plain(ws.getCell(r, c + 1).value)));
  ws.removeTable("KeHoach");
  const drop = new Set(opts.deleteId ? [...EDITED_DELETED_COLUMNS, "Mã"] : EDITED_DELETED_COLUMNS);
  const keep = headers.map((h, i) => ({ h, i })).filter(({ h }) => !drop.has(h));
  // Clear the old area, then write the narrower table where it was (as Excel's "delete table column" leaves it).
  for (let r = headerRow; r <= lastRow; r++) for (let c = 1; c <= headers.length; c++) ws.getCell(r, c).value = null;
  for (const t of EDITED_DATE_TEXTS) {
    const col = headers.indexOf(t.column);
    if (col >= 0) rows[t.activity][col] = t.text;
  }
  rows[4][headers.indexOf("Ghi chú")] = "Đã báo cáo huyện ngày 20/3";
  ws.addTable({
    name: EDITED_TABLE_NAME,
    ref: `A${headerRow}`,
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: keep.map(({ h }) => ({ name: h, filterButton: true })),
    rows: rows.map((r) => keep.map(({ i }) => r[i])),
  });
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Replaces a placeholder in an .xlsx's shared strings with raw XML (what Excel writes for control characters). */
function patchSharedStrings(bytes: Uint8Array, placeholder: string, xml: string): Uint8Array {
  const files = unzipSync(bytes);
  const name = "xl/sharedStrings.xml";
  const s = strFromU8(files[name]);
  if (!s.includes(placeholder)) throw new Error(`placeholder ${placeholder} not in shared strings`);
  files[name] = strToU8(s.split(placeholder).join(xml));
  return zipSync(Object.fromEntries(Object.entries(files).map(([n, d]) => [n, [d, { level: 6, mtime: MTIME }]])) as Zippable);
}

// ---------------------------------------------------------------------------------------------
// Texts used by several cases.

const SEED_COUNT = SEED_EXPECTED.length;

/** Controls C0 (U+0000–U+001F except tab, LF, CR) and C1 (U+007F–U+009F), raw in the XML text. */
const C0 = Array.from({ length: 32 }, (_, i) => i).filter((i) => ![9, 10, 13].includes(i)).map((i) => String.fromCharCode(i));
const C1 = Array.from({ length: 33 }, (_, i) => String.fromCharCode(0x7f + i));
export const CONTROL_ROWS: string[][] = [
  ["1", `1.1. Nâng cao${C0.slice(0, 8).join("")} chất lượng`, "2.1. Ban hành\u0001 kế hoạch", `3.1. Xây dựng ${C0.join("")}dự thảo`, "Kế hoạch\u0007", "Tư pháp\u0000", "Văn phòng\u001B - Thống kê", "Quý I/2024\u0008", ""],
  ["", "1.2. Mục tiêu", "2.2. Nhiệm vụ", `3.2. Tuyên truyền ${C1.join("")}trực tuyến`, "Tin bài\u0085", "Văn hóa\u009B - Xã hội", "", "Thường xuyên\u007F", "Theo dự toán\u0080"],
];

/** Bidi and zero-width marks around and inside Vietnamese words; Arabic and Hebrew text kept. */
export const BIDI_ROWS: string[][] = [
  ["1", "\u200F1.1. \u202BMục tiêu\u202C", "\u200E2.1. Nhiệm vụ\u200E", "3.1. \u202EXây dựng kế hoạch\u202C \u2067(bản dịch: خطة)\u2069", "\uFEFFBáo cáo", "\u200BTư pháp\u200B", "Văn\u200C hóa\u200D", "Quý\u2066 I/2024\u2069", "שלום"],
];

/** Old Vietnamese encodings (TCVN3/ABC and VNI) decoded as Windows-1252: what old documents show without their fonts. */
export const LEGACY_ROWS: string[][] = [
  ["1", "1.1. N©ng cao chÊt l\u00ADîng c«ng t¸c chØ ®¹o", "2.1. Ban hµnh kÕ ho¹ch CCHC", "3.1. X©y dùng dù th¶o v¨n b¶n", "KÕ ho¹ch", "T\u00AD ph¸p - Hé tÞch", "V¨n phßng - Thèng kª", "Quý I/2024", "Tr\u00ADêng"],
  ["", "1.2. Naâng cao chaát löôïng", "2.2. Kieåm tra coâng taùc CCHC", "3.2. Kieåm tra vieäc thöïc hieän", "Bieân baûn kieåm tra", "Tö phaùp", "Vaên hoùa - Xaõ hoäi", "Thöôøng xuyeân", ""],
];
/** The appendix header itself in TCVN3 (a whole document in an old font). */
export const LEGACY_HEADER = ["TT", "Môc tiªu/ChØ tiªu", "NhiÖm vô", "Ho¹t ®éng", "KÕt qu¶, s¶n phÈm", "Chñ tr×", "Phèi hîp", "Thêi gian hoµn thµnh", "Kinh phÝ"];

/** Strings a spreadsheet would run as formulas. Written as cell text; they must come back as that text. */
export const FORMULA_CELLS = { activity: '=HYPERLINK("http://x","y")', output: "@SUM(1+1)", lead: "+1", partners: "-2", deadline: "\t=1", budget: "\r=1" };
/** The fields they become (normalisation trims the leading tab and line break). */
export const FORMULA_FIELDS = { activity: '=HYPERLINK("http://x","y")', output: "@SUM(1+1)", lead: "+1", partners: "-2", deadline: "=1", budget: "=1" };
export const FORMULA_OBJECTIVE = "=1+1";

// ---------------------------------------------------------------------------------------------
// The cases.

const WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const BILLION_LAUGHS = `<?xml version="1.0"?>\n<!DOCTYPE w:document [\n <!ENTITY a "ha">\n${Array.from({ length: 9 }, (_, i) => ` <!ENTITY ${String.fromCharCode(98 + i)} "${`&${String.fromCharCode(97 + i)};`.repeat(10)}">`).join("\n")}\n]>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>`;
const XXE = `<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`;

function distractorTables(n: number): BlockSpec[] {
  const out: BlockSpec[] = [];
  for (let i = 0; i < n; i++) {
    out.push(`Bảng ${i + 1}`);
    switch (i % 5) {
      case 0:
        out.push({ table: { rows: [["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"], ["- UBND huyện;", "CHỦ TỊCH"], ["- Lưu: VT.", "Lê Viết Bình"]] } });
        break;
      case 1: // a summary table with three recognisable labels: a valid header, but a weaker one
        out.push({ table: { rows: [["STT", "Nội dung", "Thời gian", "Ghi chú"], ["1", "Họp giao ban", "Hằng tháng", ""], ["2", "Báo cáo", "Quý I", ""]] } });
        break;
      case 2:
        out.push({ table: { rows: [[{ text: "Chỉ tiêu", vMerge: "restart" }, "Năm 2023", "Năm 2024"], [{ vMerge: "continue" }, "70%", "75%"]] } });
        break;
      case 3:
        out.push({ table: { rows: [["a", { text: "b", nested: { rows: [["Chủ trì", "Phối hợp"], ["x", "y"]] } }]] } });
        break;
      default:
        out.push({ table: { rows: [["TT", "Họ và tên", "Chức vụ"], ["1", "Nguyễn Văn A", "Công chức Tư pháp - Hộ tịch"]] } });
    }
  }
  return out;
}

export const CASES: CorpusCase[] = [
  // --- Issue 3, part 5 -----------------------------------------------------------------------
  {
    id: "seed-subset", file: "seed-subset.docx", stored: "committed", entry: "docx", cli: "full",
    how: "The control case: a realistic part of the Hồng Lộc appendix (merged objective and task cells, numbered activities listed in one cell, group VII with sub-groups A and B) written as WordprocessingML.",
    expect: { outcome: "imported", activities: SEED_COUNT, check: "seed-expected" },
    why: "A well-formed appendix imports field for field (tests/import/fixtures/seedSubset.ts SEED_EXPECTED).",
    build: () => docxOf(seedBody()),
  },
  {
    id: "empty", file: "empty.docx", stored: "committed", entry: "docx", cli: "full",
    how: "A file of 0 bytes.", expect: { outcome: "error", code: "empty" },
    why: "Nothing to read; the user chose the wrong file or a download failed.",
    build: () => new Uint8Array(0),
  },
  {
    id: "not-zip", file: "not-zip.docx", stored: "committed", entry: "docx", cli: "full",
    how: "UTF-8 text of an appendix (tab-separated), named .docx.",
    expect: { outcome: "error", code: "not-zip" },
    why: "Not an Office Open XML package: the message says to save it as .docx from Word.",
    build: () => strToU8("PHỤ LỤC: KHUNG NHIỆM VỤ CCHC TRỌNG TÂM NĂM 2024\nTT\tNhiệm vụ\tHoạt động\tChủ trì\tThời gian hoàn thành\nI\tCÔNG TÁC CHỈ ĐẠO\n1\tBan hành kế hoạch\tXây dựng dự thảo\tTư pháp\tQuý I/2024\n"),
  },
  {
    id: "csv-named-xlsx", file: "csv-named.xlsx", stored: "committed", entry: "xlsx", cli: "full",
    how: "A semicolon-separated CSV export named .xlsx.",
    expect: { outcome: "error", code: "not-zip" },
    why: "Not a workbook: the message says to save it as Excel Workbook (.xlsx).",
    build: () => strToU8("TT;Nhiệm vụ;Hoạt động;Chủ trì;Thời gian hoàn thành\nI;CÔNG TÁC CHỈ ĐẠO;;;\n1;Ban hành kế hoạch;Xây dựng dự thảo;Tư pháp;Quý I/2024\n"),
  },
  {
    id: "no-document", file: "no-document.docx", stored: "committed", entry: "docx", cli: "full",
    how: "A valid zip with [Content_Types].xml, _rels/.rels and word/styles.xml but no word/document.xml.",
    expect: { outcome: "error", code: "no-document" },
    why: "The Word main part is missing: nothing to read, say so and how to re-save.",
    build: () => docx({ extra: { "word/styles.xml": '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>' } }),
  },
  {
    id: "legacy-doc", file: "legacy-word97.doc", stored: "committed", entry: "docx", cli: "full",
    how: "A structurally valid OLE compound file (D0 CF 11 E0 A1 B1 1A E1) with the streams of a Word 97-2003 document: WordDocument (FIB magic A5EC), 1Table, \\u0005SummaryInformation.",
    expect: { outcome: "error", code: "legacy-doc" },
    why: "A binary .doc cannot be read: the message says to open it in Word and save as .docx.",
    build: () => compoundFile([{ name: "WordDocument", data: new Uint8Array([0xec, 0xa5, 0xc1, 0x00]) }, { name: "1Table" }, { name: "\u0005SummaryInformation" }]),
  },
  {
    id: "encrypted-docx", file: "encrypted.docx", stored: "committed", entry: "docx", cli: "full",
    how: "A structurally valid OLE compound file holding what Word writes for a password-protected .docx: the \\u0006DataSpaces storage, EncryptionInfo and EncryptedPackage streams.",
    expect: { outcome: "error", code: "encrypted" },
    why: "An encrypted package is an OLE file, not a zip: the message says to remove the password in Word and save again.",
    build: () => compoundFile([{ name: "\u0006DataSpaces", storage: true }, { name: "EncryptionInfo", data: new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]) }, { name: "EncryptedPackage", data: new Uint8Array([0x10, 0x27, 0, 0, 0, 0, 0, 0]) }]),
  },
  {
    id: "legacy-xls", file: "legacy-excel97.xls", stored: "committed", entry: "xlsx", cli: "full",
    how: "A structurally valid OLE compound file with a Workbook stream (BIFF8), given to the Excel reader.",
    expect: { outcome: "error", code: "legacy-xls" },
    why: "A binary .xls cannot be read: the message says to save it as .xlsx. (The CLI picks the Word reader for an .xls name; it sniffs the same OLE file and gives the same error.)",
    build: () => compoundFile([{ name: "Workbook", data: new Uint8Array([0x09, 0x08, 0x10, 0x00]) }, { name: "\u0005SummaryInformation" }]),
  },
  {
    id: "pdf", file: "scan.pdf", stored: "committed", entry: "docx", cli: "full",
    how: "A one-page PDF 1.4 (catalog, page, Helvetica text 'PHU LUC: KHUNG NHIEM VU CCHC…', xref, trailer).",
    expect: { outcome: "error", code: "pdf" },
    why: "Tables cannot be read reliably from PDF: the message says to use the original Word file.",
    build: pdf,
  },
  {
    id: "no-table", file: "no-table.docx", stored: "committed", entry: "docx", cli: "full",
    how: "A .docx with the plan's title paragraphs and body text but no table.",
    expect: { outcome: "error", code: "no-table" },
    why: "No table, hence no appendix: the message says which table to look for.",
    build: () => docxOf([...SEED_TITLE, "I. MỤC ĐÍCH, YÊU CẦU", "Nâng cao chất lượng công tác cải cách hành chính của xã."]),
  },
  {
    id: "no-header", file: "no-header.docx", stored: "committed", entry: "docx", cli: "full",
    how: "A .docx with a signature table (Nơi nhận / CHỦ TỊCH) and a staff list (TT, Họ và tên, Chức vụ), no appendix header.",
    expect: { outcome: "error", code: "no-header" },
    why: "Tables, but none whose header names the appendix's columns: the message lists the columns to look for.",
    build: () => docxOf(["DANH SÁCH", { table: { rows: [["TT", "Họ và tên", "Chức vụ"], ["1", "Nguyễn Văn A", "Công chức"]] } }, { table: { rows: [["Nơi nhận:", "CHỦ TỊCH"], ["- Như trên;", "Lê Viết Bình"]] } }]),
  },
  {
    id: "no-activity", file: "no-activity.docx", stored: "committed", entry: "docx", cli: "full",
    how: "The appendix header, the (1)…(9) numbering row and group rows, but no activity row.",
    expect: { outcome: "error", code: "empty" },
    why: "A header with nothing under it is an empty appendix, not an import of zero activities.",
    build: () => docxOf([{ table: { rows: [SEED_HEADER, SEED_HEADER.map((_, i) => `(${i + 1})`), ["I", { text: "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC", span: 8 }], ["II", { text: "CẢI CÁCH THỂ CHẾ", span: 8 }]] } }]),
  },
  {
    id: "doctype-billion-laughs", file: "doctype-billion-laughs.docx", stored: "committed", entry: "docx", cli: "full",
    how: "document.xml with an internal DTD of 10 nested entities (a 10^9 expansion: the 'billion laughs' XML bomb).",
    expect: { outcome: "error", code: "xml-doctype" },
    why: "Word never writes a DOCTYPE; refusing any DOCTYPE means no entity is ever expanded (no XML bomb).",
    build: () => docx({ document: BILLION_LAUGHS }),
  },
  {
    id: "doctype-xxe", file: "doctype-xxe.docx", stored: "committed", entry: "docx", cli: "full",
    how: "document.xml declaring an external entity SYSTEM \"file:///etc/passwd\" and using it in a run.",
    expect: { outcome: "error", code: "xml-doctype" },
    why: "No external entity is resolved: the DOCTYPE is refused before any entity is read.",
    build: () => docx({ document: XXE }),
  },
  {
    id: "doctype-content-types", file: "doctype-content-types.docx", stored: "committed", entry: "docx", cli: "full",
    how: "A valid appendix, but [Content_Types].xml starts with a DOCTYPE declaring an entity.",
    expect: { outcome: "error", code: "xml-doctype" },
    why: "Every XML part read goes through the same tokenizer: [Content_Types].xml is refused too.",
    build: () => docx({ document: documentXml({ body: seedBody() }), contentTypes: `<?xml version="1.0"?><!DOCTYPE Types [<!ENTITY t "${WORD_MAIN}">]>${CONTENT_TYPES_DOCX.replace(/^<\?xml[^>]*\?>\n?/, "")}` }),
  },
  {
    id: "declared-over-cap", file: "declared-over-cap.docx", stored: "committed", entry: "docx", cli: "full",
    how: "The seed appendix with word/document.xml's uncompressed size patched to 300 MB in its local header and central directory (the file stays ~8 KB).",
    expect: { outcome: "error", code: "too-large" },
    why: "The 200 MB cap on the main part (src/import/zip.ts ZIP_LIMITS) is checked on the declared size, before inflating anything.",
    build: () => patchDeclaredSize(docxOf(seedBody()), "word/document.xml", 300 * 1024 * 1024),
  },
  {
    id: "declared-ratio-bomb", file: "declared-ratio-bomb.docx", stored: "committed", entry: "docx", cli: "full",
    how: "The seed appendix with word/document.xml's declared size patched to 150 MB: under the cap, but a ratio over 1,100:1 to its compressed size.",
    expect: { outcome: "error", code: "too-large" },
    why: "DEFLATE cannot exceed ~1,032:1, so such a header lies (a zip bomb or a corrupt file): refused before inflating.",
    build: () => patchDeclaredSize(docxOf(seedBody()), "word/document.xml", 150 * 1024 * 1024),
  },
  {
    id: "over-cap-real", file: "over-cap-real.docx", stored: "test", entry: "docx", cli: "full",
    how: "A real .docx whose word/document.xml really is 201 MB of paragraphs (deflated by zlib to ~0.6 MB; true sizes and CRC in the zip headers).",
    expect: { outcome: "error", code: "too-large" },
    why: "Over the 200 MB main-part cap: refused from the zip directory, nothing inflated, in well under a second.",
    build: () => overCapDocx(201 * 1024 * 1024),
  },
  {
    id: "file-over-50mb", file: "file-over-50mb.docx", stored: "test", entry: "docx", cli: "full",
    how: "A valid .docx (the seed appendix) carrying a stored 51 MB word/media/image1.png of incompressible bytes.",
    expect: { outcome: "error", code: "too-large" },
    why: "The file itself is over the 50 MB cap (a commune's plan is well under 1 MB): refused before unzipping.",
    build: () => docx({ document: documentXml({ body: seedBody() }), extra: { "word/media/image1.png": noise(51 * 1024 * 1024) }, level: 0 }),
  },
  {
    id: "rows-10000", file: "rows-10000.docx", stored: "test", entry: "docx", cli: "json",
    how: "A 10,000-row appendix (groups I–X of 1,000 rows, objective cells merged over 10 rows, task cells over 5) in lean WordprocessingML, built at test time.",
    expect: { outcome: "imported", activities: 10000, check: "big-table" },
    why: "Issue 3: 10,000-row tables must work.",
    build: () => docx({ document: bigTableXml(10000) }),
  },

  // --- Issue 8, part 3 -----------------------------------------------------------------------
  ...[
    { at: "local-header", cut: () => 20 },
    { at: "third", cut: (n: number) => Math.floor(n / 3) },
    { at: "half", cut: (n: number) => Math.floor(n / 2) },
    { at: "central-directory", cut: (n: number) => n - 120 },
    { at: "end-record", cut: (n: number) => n - 10 },
    { at: "last-byte", cut: (n: number) => n - 1 },
  ].map(({ at, cut }): CorpusCase => ({
    id: `truncated-${at}`, file: `truncated-${at}.docx`, stored: "committed", entry: "docx", cli: "full",
    how: `The seed appendix .docx cut short ${at === "last-byte" ? "by its last byte" : at === "end-record" ? "inside its end-of-central-directory record" : at === "central-directory" ? "inside its central directory" : at === "local-header" ? "inside its first local file header (20 bytes kept)" : `at one ${at} of its length`} (an interrupted download).`,
    expect: { outcome: "error", code: "corrupt" },
    why: "A truncated zip has no (complete) central directory or stream: the message says to download it again.",
    build: () => {
      const b = docxOf(seedBody());
      return b.slice(0, cut(b.length));
    },
  })),
  {
    id: "content-types-spreadsheet", file: "content-types-spreadsheet.docx", stored: "committed", entry: "docx", cli: "full",
    how: "word/document.xml holds the seed appendix, but [Content_Types].xml declares /xl/workbook.xml as a spreadsheet main part and nothing as Word's.",
    expect: { outcome: "error", code: "wrong-format" },
    why: "The package says it is a workbook: it is refused as 'an Excel workbook, not a Word document' (import it as .xlsx).",
    build: () => docx({ document: documentXml({ body: seedBody() }), contentTypes: contentTypes([["/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"]]) }),
  },
  {
    id: "content-types-xlsm", file: "content-types-xlsm.docx", stored: "committed", entry: "docx", cli: "full",
    how: "As above, with the macro-enabled workbook type application/vnd.ms-excel.sheet.macroEnabled.main+xml.",
    expect: { outcome: "error", code: "wrong-format" },
    why: "A macro-enabled workbook is still a workbook: refused with the same message.",
    build: () => docx({ document: documentXml({ body: seedBody() }), contentTypes: contentTypes([["/xl/workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"]]) }),
  },
  {
    id: "content-types-macro-template", file: "content-types-macro-template.docx", stored: "committed", entry: "docx", cli: "full",
    how: "The seed appendix with [Content_Types].xml declaring word/document.xml as a macro-enabled Word template (application/vnd.ms-word.template.macroEnabledTemplate.main+xml, a .dotm) and a word/vbaProject.bin part.",
    expect: { outcome: "imported", activities: SEED_COUNT, check: "seed-expected" },
    why: "A .dotm is a Word document: its table is read as text; macros (vbaProject.bin) are never inflated, let alone run.",
    build: () => docx({ document: documentXml({ body: seedBody() }), contentTypes: contentTypes([["/word/document.xml", "application/vnd.ms-word.template.macroEnabledTemplate.main+xml"], ["/word/vbaProject.bin", "application/vnd.ms-office.vbaProject"]]), extra: { "word/vbaProject.bin": compoundFile([{ name: "VBA", storage: true }, { name: "PROJECT", data: strToU8('ID="{00000000-0000-0000-0000-000000000000}"\r\nName="Project"\r\n') }]) } }),
  },
  {
    id: "content-types-other-main-part", file: "content-types-other-main-part.docx", stored: "committed", entry: "docx", cli: "full",
    how: "The seed appendix stored as word/main.xml, declared as the Word main part in [Content_Types].xml; no word/document.xml.",
    expect: { outcome: "imported", activities: SEED_COUNT, check: "seed-expected" },
    why: "The main part is found by its content type, not by its usual name.",
    build: () => docx({ document: documentXml({ body: seedBody() }), documentName: "word/main.xml", contentTypes: contentTypes([["/word/main.xml", WORD_MAIN]]) }),
  },
  {
    id: "xlsx-named-docx", file: "xlsx-named.docx", stored: "committed", entry: "docx", cli: "full",
    how: "A real .xlsx (the seed appendix on a sheet, merged areas) renamed .docx.",
    expect: { outcome: "error", code: "wrong-format" },
    why: "The Word reader sees a workbook and says so (import it as .xlsx).",
    build: () => sheetsToXlsx([{ name: "Phụ lục", titleRows: SEED_TITLE, rows: SEED_ROWS }]),
  },
  {
    id: "docx-named-xlsx", file: "docx-named.xlsx", stored: "committed", entry: "xlsx", cli: "full",
    how: "The seed appendix .docx renamed .xlsx.",
    expect: { outcome: "error", code: "wrong-format" },
    why: "The Excel reader sees a Word document and says so (import it as .docx).",
    build: () => docxOf(seedBody()),
  },
  {
    id: "tables-100", file: "tables-100.docx", stored: "committed", entry: "docx", cli: "full",
    how: "A .docx with 100 top-level tables: signature blocks, summary tables with a weaker header (STT, Nội dung, Thời gian, Ghi chú), indicator tables with merges, a table nesting 'Chủ trì | Phối hợp', staff lists — and the appendix as the 57th.",
    expect: { outcome: "imported", activities: SEED_COUNT, check: "appendix-is-table-57" },
    why: "The appendix is chosen by its header, not its position; 99 other tables do not confuse it.",
    build: () => docxOf([...SEED_TITLE, ...distractorTables(56), "PHỤ LỤC", { table: { rows: SEED_ROWS } }, ...distractorTables(43)]),
  },
  {
    id: "rows-60000", file: "rows-60000.docx", stored: "test", entry: "docx", cli: "none",
    how: "A 60,000-row appendix in lean WordprocessingML (~0.75 MB zipped), built at test time.",
    expect: { outcome: "imported", activities: 60000, check: "big-table" },
    why: "Imported, not refused: the caps are on bytes (file ≤ 50 MB, document.xml ≤ 200 MB) and this file is far below them; the grid is 60,000 × 9 cells and parses in 3–7 s (limit asserted: 30 s); `cchc import --json` on it succeeds within a 512 MB heap. The CLI is not run on it here (writing a 60,000-row workbook is the bench's business).",
    build: () => docx({ document: bigTableXml(60000) }),
  },
  {
    id: "cell-1mb-docx", file: "cell-1mb.docx", stored: "test", entry: "docx", cli: "json",
    how: "A small appendix whose activity cell holds 1 MB of Vietnamese text (one paragraph) and whose output cell holds 1 MB over 2,000 paragraphs.",
    expect: { outcome: "imported", activities: 2, check: "cell-1mb" },
    why: "No per-cell cap: a long cell is text, kept whole (normalised), in linear time.",
    build: () => docxOf([{ table: { rows: smallTable([["1", "1.1. Mục tiêu", "2.1. Nhiệm vụ", `3.1. ${MB_TEXT}`, MB_LINES, "Tư pháp", "", "Năm 2024", ""], ["", "", "", "3.2. Hoạt động ngắn", "Báo cáo", "Văn hóa", "", "Quý I/2024", ""]]) } }]),
  },
  {
    id: "cell-1mb-xlsx", file: "cell-1mb.xlsx", stored: "test", entry: "xlsx", cli: "json",
    how: "The same appendix as an .xlsx (exceljs): a 1 MB shared string in the activity cell (Excel's own limit is 32,767 characters a cell; the file format has none).",
    expect: { outcome: "imported", activities: 2, check: "cell-1mb" },
    why: "The .xlsx reader keeps the text whole too.",
    build: () => sheetsToXlsx([{ name: "Phụ lục", rows: smallTable([["1", "1.1. Mục tiêu", "2.1. Nhiệm vụ", `3.1. ${MB_TEXT}`, MB_LINES.replace(/\n/g, "\r"), "Tư pháp", "", "Năm 2024", ""], ["", "", "", "3.2. Hoạt động ngắn", "Báo cáo", "Văn hóa", "", "Quý I/2024", ""]]) }]),
  },
  {
    id: "control-chars", file: "control-chars.docx", stored: "committed", entry: "docx", cli: "full",
    how: "Every C0 control but tab/LF/CR (U+0000–U+001F) and every C1 control (U+007F–U+009F), raw in the w:t text of header-adjacent cells, inside and between words.",
    expect: { outcome: "imported", activities: 2, check: "controls-removed" },
    why: "Controls are not text: removed from every field (normalizeText), the rest kept; the reader does not choke on characters XML 1.0 forbids raw.",
    build: () => docxOf([{ table: { rows: smallTable(CONTROL_ROWS) } }]),
  },
  {
    id: "control-char-references", file: "control-char-references.docx", stored: "committed", entry: "docx", cli: "full",
    how: "The appendix with &#x1; and &#x1F; character references inside w:t.",
    expect: { outcome: "error", code: "bad-xml" },
    why: "XML 1.0 forbids references to C0 controls: the XML is malformed (Word itself refuses such a file); the message says to let Word repair it.",
    build: () => docx({ document: documentXml({ body: [{ table: { rows: smallTable([["1", "1.1. A", "2.1. B", "3.1. C", "Kế hoạch", "Tư pháp", "", "Năm 2024", ""]]) } }] }).replace("3.1. C", "3.1. C&#x1;&#x1F;") }),
  },
  {
    id: "control-chars-xlsx", file: "control-chars.xlsx", stored: "committed", entry: "xlsx", cli: "full",
    how: "An .xlsx whose shared strings hold control characters the way Excel writes them (_x0001_, _x001F_ escapes) and raw C1 characters (U+0085, U+009B).",
    expect: { outcome: "imported", activities: 1, check: "xlsx-controls" },
    why: "Imported as text; raw C1 controls removed. (exceljs does not decode the _xHHHH_ escapes: they come through as the literal text \"_x0001_\" — harmless, but visible.)",
    build: async () => patchSharedStrings(await sheetsToXlsx([{ name: "Phụ lục", rows: smallTable([["1", "1.1. Mục tiêu", "2.1. Nhiệm vụ", "3.1. Xây dựng CTRLMARK dự thảo", "Kế hoạch\u0085", "Tư pháp\u009B", "", "Năm 2024", ""]]) }]), "CTRLMARK", "_x0001__x001F_"),
  },
  {
    id: "bidi-zero-width", file: "bidi-zero-width.docx", stored: "committed", entry: "docx", cli: "full",
    how: "Right-to-left and left-to-right marks (U+200E/F), embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069), zero-width space/joiners (U+200B–U+200D) and BOM (U+FEFF) around and inside Vietnamese words; Arabic and Hebrew text in the cells.",
    expect: { outcome: "imported", activities: 1, check: "bidi-removed" },
    why: "Invisible marks are removed (an owner 'Tư pháp' with a RLO is still Tư pháp); real right-to-left text is text and is kept.",
    build: () => docxOf([{ table: { rows: smallTable(BIDI_ROWS) } }]),
  },
  {
    id: "nfd", file: "nfd.docx", stored: "committed", entry: "docx", cli: "full",
    how: "The seed appendix with every text (title, header, cells) in NFD (decomposed: 'ệ' as e + U+0323 + U+0302), as macOS tools write it.",
    expect: { outcome: "imported", activities: SEED_COUNT, check: "seed-expected" },
    why: "NFD and NFC are the same text: same header match, same activities and ids as the NFC file.",
    build: () => docx({ document: documentXml({ body: seedBody() }).normalize("NFD") }),
  },
  {
    id: "legacy-encodings", file: "legacy-tcvn3-vni.docx", stored: "committed", entry: "docx", cli: "full",
    how: "A Unicode header over cells in old Vietnamese encodings decoded as Windows-1252: TCVN3/ABC ('N©ng cao chÊt l­îng', 'T­ ph¸p', 'Tr­êng' with soft hyphens) and VNI ('Kieåm tra', 'Tö phaùp').",
    expect: { outcome: "imported", activities: 2, check: "legacy-kept" },
    why: "Imported as text, unchanged (no guessing of encodings); the validator then flags the unknown owners and unreadable deadlines.",
    build: () => docxOf([{ table: { rows: smallTable(LEGACY_ROWS) } }]),
  },
  {
    id: "legacy-header", file: "legacy-tcvn3-header.docx", stored: "committed", entry: "docx", cli: "full",
    how: "A whole appendix typed in a TCVN3 font: the header reads 'Môc tiªu/ChØ tiªu | NhiÖm vô | Ho¹t ®éng | … | Chñ tr× | Thêi gian hoµn thµnh'.",
    expect: { outcome: "error", code: "no-header" },
    why: "No column label is recognisable, so no appendix: a named error, nothing imported half-right.",
    build: () => docxOf([{ table: { rows: [LEGACY_HEADER, ["I", { text: "C«ng t¸c chØ ®¹o ®iÒu hµnh CCHC", span: 8 }], ...LEGACY_ROWS] } }]),
  },
  {
    id: "formula-injection-docx", file: "formula-injection.docx", stored: "committed", entry: "docx", cli: "full",
    how: `Cells holding ${Object.values(FORMULA_CELLS).map((s) => JSON.stringify(s)).join(", ")} (the tab and CR as w:tab and w:br) and an objective '1.1. =1+1'.`,
    expect: { outcome: "imported", activities: 1, check: "formula-text" },
    why: "Imported strings are text: the fields hold exactly those strings (leading tab/CR trimmed) and the workbook written by --out holds them as text cells, never formulas.",
    build: () => docxOf([{ table: { rows: smallTable([["1", `1.1. ${FORMULA_OBJECTIVE}`, "2.1. Nhiệm vụ", `3.1. ${FORMULA_CELLS.activity}`, FORMULA_CELLS.output, FORMULA_CELLS.lead, FORMULA_CELLS.partners, FORMULA_CELLS.deadline, FORMULA_CELLS.budget]]) } }]),
  },
  {
    id: "formula-injection-xlsx", file: "formula-injection.xlsx", stored: "committed", entry: "xlsx", cli: "full",
    how: "The same strings as string cells of an .xlsx (exceljs), plus a real formula cell =1+1 with cached result 2 in the objective column of a second row.",
    expect: { outcome: "imported", activities: 2, check: "formula-text" },
    why: "Strings stay strings; a real formula gives its cached value as text, never its formula.",
    build: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Phụ lục");
      ws.addRow(SEED_HEADER);
      ws.addRow(["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC"]);
      ws.addRow(["1", `1.1. ${FORMULA_OBJECTIVE}`, "2.1. Nhiệm vụ", `3.1. ${FORMULA_CELLS.activity}`, FORMULA_CELLS.output, FORMULA_CELLS.lead, FORMULA_CELLS.partners, FORMULA_CELLS.deadline, FORMULA_CELLS.budget]);
      ws.addRow(["2", { formula: "1+1", result: 2 }, "2.2. Nhiệm vụ", "3.2. Hoạt động", "Báo cáo", "Tư pháp", "", "Quý I/2024", ""]);
      return new Uint8Array(await wb.xlsx.writeBuffer());
    },
  },
  {
    id: "xlsx-merged", file: "merged-areas.xlsx", stored: "committed", entry: "xlsx", cli: "full",
    how: "The seed appendix on an .xlsx sheet under seven title rows, with Word's merges as Excel merged areas (objective and task cells over their activities, group titles across the row).",
    expect: { outcome: "imported", activities: SEED_COUNT, check: "seed-expected" },
    why: "Merged areas are read like Word's vMerge/gridSpan: the same activities as the .docx.",
    build: () => sheetsToXlsx([{ name: "Phụ lục", titleRows: SEED_TITLE, rows: SEED_ROWS }]),
  },
  {
    id: "bad-utf8", file: "bad-utf8.docx", stored: "committed", entry: "docx", cli: "full",
    how: "document.xml declared UTF-8 but holding raw Windows-1252 bytes (0xD0, 0xE2, 0xF4: TCVN3 written byte-for-byte by an old tool).",
    expect: { outcome: "error", code: "bad-xml" },
    why: "Invalid UTF-8 is refused, not guessed: the message says to let Word repair and re-save the file.",
    build: () => {
      const xml = strToU8(documentXml({ body: [{ table: { rows: smallTable([["1", "1.1. A", "2.1. B", "3.1. BADBYTES", "Kế hoạch", "Tư pháp", "", "Năm 2024", ""]]) } }] }));
      const at = strFromU8(xml).indexOf("BADBYTES");
      const prefix = strToU8(strFromU8(xml).slice(0, at)).length;
      const out = new Uint8Array(xml);
      out.set([0xd0, 0x20, 0xe2, 0x20, 0xf4, 0x20, 0x20, 0x20], prefix);
      return docx({ document: out });
    },
  },
  {
    id: "deep-nesting", file: "deep-nesting.docx", stored: "committed", entry: "docx", cli: "full",
    how: "document.xml with 5,000 tables nested in each other's cells (w:tbl/w:tr/w:tc 15,000 levels deep).",
    expect: { outcome: "error", code: "bad-xml" },
    why: "The tokenizer is iterative and caps nesting at 4,096 elements: a clean error, never a stack overflow.",
    build: () => docx({ document: `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${"<w:tbl><w:tr><w:tc>".repeat(5000)}<w:p/>${"</w:tc></w:tr></w:tbl>".repeat(5000)}</w:body></w:document>`, level: 9 }),
  },
  {
    id: "unsupported-compression", file: "unsupported-compression.docx", stored: "committed", entry: "docx", cli: "full",
    how: "The seed appendix with word/document.xml's compression method patched from 8 (deflate) to 12 (bzip2) in both headers.",
    expect: { outcome: "error", code: "corrupt" },
    why: "A method Office never writes: damaged or not made by Office; the message says to re-save it.",
    build: () => patchEntry(docxOf(seedBody()), "word/document.xml", (view, at, central) => view.setUint16(at + (central ? 10 : 8), 12, true)),
  },
  {
    id: "utf16-document", file: "utf16-document.docx", stored: "committed", entry: "docx", cli: "full",
    how: "The seed appendix with document.xml encoded UTF-16LE with a BOM (allowed by XML; some converters write it).",
    expect: { outcome: "imported", activities: SEED_COUNT, check: "seed-expected" },
    why: "UTF-16 with a BOM is valid XML and reads like UTF-8.",
    build: () => {
      const xml = documentXml({ body: seedBody() }).replace('encoding="UTF-8"', 'encoding="UTF-16"');
      const out = new Uint8Array(2 + 2 * xml.length);
      out.set([0xff, 0xfe]);
      for (let i = 0; i < xml.length; i++) {
        out[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
        out[3 + 2 * i] = xml.charCodeAt(i) >> 8;
      }
      return docx({ document: out });
    },
  },

  // --- The add-in's own workbook, edited by hand ------------------------------------------------
  {
    id: "edited-workbook", file: "edited-workbook.xlsx", stored: "committed", entry: "workbook", cli: "full",
    how: `The demo workbook (buildWorkbookLayout + writeXlsx of HONG_LOC_2024) edited with exceljs as a person would in Excel: columns ${EDITED_DELETED_COLUMNS.join(", ")} deleted from the plan table, the table renamed KeHoach → ${EDITED_TABLE_NAME}, formulas pasted as values, text typed into date columns (${EDITED_DATE_TEXTS.map((t) => `${t.column}: "${t.text}"`).join("; ")}), a note in Ghi chú.`,
    expect: { outcome: "read", activities: HONG_LOC_2024.activities.length, check: "edited-workbook" },
    why: "The plan table is found by its headers (not its name), the deleted optional columns are simply absent, the note is kept; `cchc report` runs on it. Text typed into a date column is the user's data: kept, or at least reported, never silently dropped (check date-text-kept): src/layout/readBack.ts reads '15/3' in the plan's year (and says so), keeps 'đã xong', 'cuối quý II', 'không rõ' in the activity's note and reports each with sheet, row and text.",
    checks: ["date-text-kept"],
    build: () => editedWorkbook(),
  },
  {
    id: "edited-workbook-no-id", file: "edited-workbook-no-id.xlsx", stored: "committed", entry: "workbook", cli: "full",
    how: "As edited-workbook, with the Mã (id) column deleted too.",
    expect: { outcome: "refused", check: "names-missing-columns" },
    why: "Without the ids, progress cannot be matched to activities: the reader refuses with a message naming the missing column (only the missing one) and what to do next (restore it, or rebuild the workbook with cchc import), instead of guessing; `cchc report` exits 1 and writes nothing.",
    checks: ["message-says-what-to-do"],
    build: () => editedWorkbook({ deleteId: true }),
  },
  {
    id: "demo-workbook-as-appendix", file: "demo-workbook.xlsx", stored: "committed", entry: "xlsx", cli: "json",
    how: "The demo workbook (`cchc demo`) unchanged, given to `cchc import` as if it were an appendix.",
    expect: { outcome: "imported", activities: HONG_LOC_2024.activities.length, check: "demo-texts" },
    why: "The Kế hoạch sheet is a plan table: importing it must give the plan's activities with their texts (check demo-texts). src/import/header.ts reads 'TT mục tiêu / TT nhiệm vụ / TT hoạt động' as number columns and 'Nhóm' as each row's group (the flat layout), not as the level texts.",
    build: demoWorkbook,
  },

  // --- Memory blow-ups (once known defects, now bounded by GRID_LIMITS): run in a child process with a heap cap ---
  {
    id: "wide-span-rows", file: "wide-span-rows.docx", stored: "test", entry: "docx", cli: "none",
    how: "A 0.7 MB .docx: the appendix header, one row whose single cell has w:gridSpan=1000, then 60,000 short activity rows (under every cap: file, part size, ratio).",
    expect: { outcome: "imported", activities: 60000 },
    why: "Import it or refuse it with a named error (too-large) — in bounded memory: the CLI, with a 512 MB heap (the same table without the wide row, rows-60000, imports under that cap), must exit 0 or 1 within 60 s. src/import/docx.ts clamps the span to 64 columns (GRID_LIMITS) and pads with shared empty cells: it imports (measured: needs a ~352 MB heap, rows-60000 ~320 MB); 200,000 such rows (12.8 million cells) are refused with too-large.",
    child: { heapMb: 512, seconds: 60 },
    build: () => {
      const xml = bigTableXml(60000, { wideRow: 1000, cell: (i) => `3.${i % 999 + 1}. HĐ ${i}` });
      return docx({ document: xml, level: 9 });
    },
  },
  {
    id: "stray-cell-xlsx", file: "stray-cell.xlsx", stored: "test", entry: "xlsx", cli: "none",
    how: "A 7 KB .xlsx: the seed appendix header and one activity, plus one stray value in cell XFD20000 (column 16,384, row 20,000).",
    expect: { outcome: "imported", activities: 1 },
    why: "A stray cell far away is not part of the table: import it (or refuse with too-large) in bounded memory — the CLI, with a 512 MB heap, must exit 0 or 1 within 60 s. src/import/xlsxGrid.ts reads only populated rows and cells and ignores columns past 64 (GRID_LIMITS) with a warning naming XFD20000: it imports in ~1 s and ~100 MB.",
    child: { heapMb: 512, seconds: 60 },
    build: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Phụ lục");
      ws.addRow(SEED_HEADER);
      ws.addRow(["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC"]);
      ws.addRow(["1", "1.1. Mục tiêu", "2.1. Nhiệm vụ", "3.1. Hoạt động", "Kế hoạch", "Tư pháp", "", "Năm 2024", ""]);
      ws.getCell(20000, 16384).value = "x";
      return new Uint8Array(await wb.xlsx.writeBuffer());
    },
  },
  {
    id: "blank-looking-cells-xlsx", file: "blank-looking-cells.xlsx", stored: "committed", entry: "xlsx", cli: "json",
    how: "The seed appendix as .xlsx with three extra rows whose cells hold only a space, a no-break space (U+00A0) and a zero-width space (U+200B) — what 'clearing' cells by typing a space leaves.",
    expect: { outcome: "imported", activities: SEED_COUNT, check: "seed-expected" },
    why: "A row that shows nothing is an empty row: skipped, as in the .docx reader (src/import/appendix.ts normalises the grid's texts before asking whether a cell holds text).",
    build: () => sheetsToXlsx([{ name: "Phụ lục", titleRows: SEED_TITLE, rows: [...SEED_ROWS, [" ", " ", " ", " ", " ", " ", " ", " ", " "], ["", "\u00A0", "\u00A0", "\u00A0", "", "", "", "", ""], ["", "", "", "\u200B", "", "", "", "", ""]] }]),
  },
];

/** Text of ~1 MB: a Vietnamese sentence repeated (one paragraph), and 2,000 lines of it. */
export const MB_TEXT = "Xây dựng, ban hành và tổ chức thực hiện kế hoạch cải cách hành chính của xã; ".repeat(13000).trim();
export const MB_LINES = Array.from({ length: 2000 }, (_, i) => `Sản phẩm ${i + 1}: báo cáo kết quả thực hiện nhiệm vụ cải cách hành chính định kỳ hằng quý của xã Hồng Lộc năm 2024 gửi UBND huyện và Phòng Nội vụ theo đúng thời hạn quy định.`).join("\n");

/**
 * exceljs stamps the time of writing into docProps/core.xml and the zip entries: a workbook
 * written by exceljs is re-zipped with fixed times, so regenerating the corpus changes no byte.
 * (Only packages exceljs wrote — with docProps/core.xml — are touched; everything else is as built.)
 */
function stableZip(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return bytes;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return bytes; // truncated or damaged on purpose
  }
  if (!files["docProps/core.xml"]) return bytes;
  const core = strFromU8(files["docProps/core.xml"]).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, "$12024-01-12T00:00:00Z");
  files["docProps/core.xml"] = strToU8(core);
  return zipSync(Object.fromEntries(Object.entries(files).map(([n, d]) => [n, [d, { level: 6, mtime: MTIME }]])) as Zippable);
}

/** The manifest entry of a case (corpus.json): everything but the builder. */
export function manifestEntry(c: CorpusCase): Omit<CorpusCase, "build"> {
  const { build: _build, ...rest } = c;
  return rest;
}

export async function buildCase(id: string): Promise<Uint8Array> {
  const c = CASES.find((x) => x.id === id);
  if (!c) throw new Error(`no corpus case ${id}`);
  return c.build();
}

async function main(): Promise<void> {
  fs.mkdirSync(CORPUS_DIR, { recursive: true });
  const files = new Set(CASES.map((c) => c.file));
  if (files.size !== CASES.length) throw new Error("two cases share a file name");
  for (const old of fs.readdirSync(CORPUS_DIR)) if (old !== "corpus.json" && !CASES.some((c) => c.file === old && c.stored === "committed")) fs.unlinkSync(path.join(CORPUS_DIR, old));
  let total = 0;
  for (const c of CASES) {
    if (c.stored !== "committed") continue;
    const bytes = stableZip(await c.build());
    if (bytes.length > 200 * 1024) throw new Error(`${c.id}: ${bytes.length} bytes is too big to commit; build it at test time`);
    fs.writeFileSync(path.join(CORPUS_DIR, c.file), bytes);
    total += bytes.length;
    console.log(`${c.file.padEnd(40)} ${String(bytes.length).padStart(8)} B  ${c.entry.padEnd(8)} → ${c.expect.outcome === "error" ? c.expect.code : c.expect.outcome}`);
  }
  const manifest = {
    description: "Bad-input corpus (issues 3 and 8): each case's file, how it is made, the entry point it is fed to, and its expected outcome. Generated by scripts/make-corpus.ts; run by tests/corpus/corpus.test.ts.",
    regenerate: "npx tsx scripts/make-corpus.ts",
    entries: {
      docx: "gridFromDocx + parseAppendix (src/import), as `cchc import FILE.docx`",
      xlsx: "readXlsxGrid + parseAppendix (src/import), as `cchc import FILE.xlsx`",
      workbook: "readWorkbook (src/layout/readBack.ts): the add-in's own workbook read back",
    },
    cli: {
      full: "cchc import FILE --json --out NEW.xlsx; on failure cchc import FILE --out EXISTING.xlsx --apply leaves EXISTING (the demo workbook) byte-identical; a few imports are re-imported into EXISTING (dry run leaves it identical, --apply updates it); cchc validate FILE. For the workbook entry: cchc report FILE --period Q2-2024 --json --out NEW.xlsx, then --out EXISTING.xlsx",
      json: "cchc import FILE --json",
      none: "not run through the CLI (see why)",
    },
    caps: "src/import/zip.ts ZIP_LIMITS: file ≤ 50 MB, main XML part ≤ 200 MB (declared and actual), small parts ≤ 4 MB, declared ratio ≤ 1,100:1; XML nesting ≤ 4,096; src/import/grid.ts GRID_LIMITS: a table ≤ 64 columns (wider spans clamped, cells beyond dropped with a warning), ≤ 4,000,000 cells (rows × width), an Excel sheet ≤ 200,000 rows.",
    cases: CASES.map(manifestEntry),
  };
  fs.writeFileSync(path.join(CORPUS_DIR, "corpus.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  console.log(`${CASES.filter((c) => c.stored === "committed").length} files (${Math.round(total / 1024)} KB) and corpus.json (${CASES.length} cases) in ${path.relative(process.cwd(), CORPUS_DIR)}`);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
