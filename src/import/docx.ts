/**
 * Word .docx → tables as cell grids (see grid.ts), plus the paragraphs outside tables.
 *
 * Bytes are sniffed first (PDF, OLE = legacy .doc or encrypted package, RTF, HTML, not a zip);
 * then only [Content_Types].xml and the main document part are inflated, under the caps of
 * zip.ts (file ≤ 50 MB, document.xml ≤ 200 MB declared and actual, ratio ≤ 1100:1).
 *
 * Table semantics (WordprocessingML):
 * - w:gridSpan=n: the cell covers n grid columns; the n-1 after the first are `mergedFromLeft`.
 * - w:vMerge="restart" starts a vertical merge; a bare w:vMerge (or val="continue") continues
 *   it: that cell is `mergedFromAbove` (its own text, normally empty, is kept but means nothing).
 * - w:gridBefore / w:gridAfter: empty grid cells before / after the row's cells.
 * - w:sdt / w:sdtContent, w:customXml, w:smartTag, w:hyperlink, w:fldSimple, w:ins, w:moveTo:
 *   transparent wrappers (rows, cells, runs inside them count as usual).
 * - w:del, w:moveFrom, w:delText, w:instrText (field codes), property blocks and their
 *   revision records (w:pPr, w:rPr, w:tcPrChange …), drawings and text boxes: dropped.
 *   A row whose w:trPr holds w:del (a tracked row deletion) is dropped.
 * - Text: the w:t of a paragraph concatenated with no separator (runs split mid-word join
 *   back); w:tab → space; w:br / w:cr → line break; w:noBreakHyphen → "-"; several
 *   paragraphs in a cell → lines joined by "\n"; a nested table's cells become lines of the
 *   outer cell (and a nested table is not a top-level table).
 * - Cell and paragraph text goes through normalizeText(…, keepLines): NFC, whitespace runs
 *   collapsed, empty lines dropped.
 *
 * Size caps (grid.ts GRID_LIMITS), beyond the byte caps of zip.ts, which do not bound memory:
 * - a table is at most 64 grid columns wide (Word allows 63; a plan table has ~9): w:tblGrid,
 *   w:gridSpan, w:gridBefore and w:gridAfter are clamped to 64, and the cells of a row past
 *   column 64 are dropped (the table's warnings say so when one of them held text);
 * - rows × width ≤ 4,000,000 cells per table (60,000 rows × 64 columns fit): past it, the
 *   import stops with ImportError "too-large", in Vietnamese and English, saying what to do.
 */
import type { Message } from "../core/message";
import { normalizeText } from "../core/text";
import { errors, isImportError } from "./errors";
import { gridFromInlineParagraphs } from "./inline";
import { GRID_LIMITS, type Grid, type GridCell } from "./grid";
import { chooseAppendixTable, type ColumnMapping } from "./header";
import { notes, rowLabel } from "./notes";
import { errorForKind, sniff, toBytes } from "./sniff";
import { decodeXmlBytes, XML_CLOSE, XML_END, XML_OPEN, XML_TEXT, XmlTokenizer } from "./xml";
import { readZipParts, ZIP_LIMITS, type ZipLimits } from "./zip";

export interface DocxTable {
  /** 0-based position among the document's top-level tables. */
  index: number;
  rows: GridCell[][];
  /** Body paragraphs (non-empty, normalised) between the previous top-level table and this one. */
  paragraphsBefore: string[];
  /** What was left out of the table (cells past the 64-column cap), as notes (notes.ts); absent when nothing. */
  warnings?: Message[];
}

export interface DocxDocument {
  tables: DocxTable[];
  /** Every non-empty body paragraph outside tables, in document order. */
  paragraphs: string[];
  /** The main part that was read ("word/document.xml" normally). */
  mainPart: string;
}

export interface DocxOptions {
  limits?: Partial<ZipLimits>;
  /** The user's choice of columns: a table without a recognisable header is still taken. */
  columns?: ColumnMapping;
}

const WORD_MAIN_TYPES = [
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
  "application/vnd.ms-word.document.macroenabled.main+xml",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
  "application/vnd.ms-word.template.macroenabledtemplate.main+xml",
];

interface ContentTypes {
  wordMain: string | null;
  otherMain: "xlsx" | "pptx" | null;
}

function readContentTypes(bytes: Uint8Array): ContentTypes {
  const t = new XmlTokenizer(decodeXmlBytes(bytes));
  const out: ContentTypes = { wordMain: null, otherMain: null };
  for (let k = t.next(); k !== XML_END; k = t.next()) {
    if (k !== XML_OPEN || !/(^|:)Override$/.test(t.name)) continue;
    const type = (t.attr("ContentType") ?? "").toLowerCase();
    const part = t.attr("PartName") ?? "";
    if (WORD_MAIN_TYPES.includes(type)) out.wordMain ??= part.replace(/^\//, "");
    else if (/spreadsheetml\.(sheet|template)\.main\+xml$|ms-excel\.(sheet|template)\.macroenabled/.test(type)) out.otherMain ??= "xlsx";
    else if (/presentationml\.(presentation|slideshow|template)\.main\+xml$|ms-powerpoint\.(presentation|slideshow|template)\.macroenabled/.test(type)) out.otherMain ??= "pptx";
  }
  return out;
}

/** Unzips (capped) and returns the main document XML as text, after all the sniffing. */
export function docxMainXml(input: Uint8Array | ArrayBuffer, opts: DocxOptions = {}): { xml: string; mainPart: string } {
  const bytes = toBytes(input);
  const kind = sniff(bytes);
  if (kind !== "zip") throw errorForKind(kind, bytes, "docx");
  const limits: ZipLimits = { ...ZIP_LIMITS, ...opts.limits };
  const CT = "[content_types].xml";
  const DOC = "word/document.xml";
  const first = readZipParts(bytes, new Map([[CT, limits.maxSmallPartBytes], [DOC, limits.maxPartBytes]]), limits);
  let mainPart = DOC;
  let data = first.parts.get(DOC);
  const ctBytes = first.parts.get(CT);
  if (ctBytes) {
    const ct = readContentTypes(ctBytes);
    if (ct.wordMain) {
      if (ct.wordMain.toLowerCase() !== DOC) {
        mainPart = ct.wordMain;
        data = readZipParts(bytes, new Map([[mainPart.toLowerCase(), limits.maxPartBytes]]), limits).parts.get(mainPart.toLowerCase());
      }
    } else if (ct.otherMain) {
      throw errors.wrongFormat(ct.otherMain, "docx");
    }
  }
  if (!data) {
    const names = first.entries.map((e) => e.name);
    if (names.some((n) => /^xl\/workbook\.xml$/i.test(n))) throw errors.wrongFormat("xlsx", "docx");
    if (names.some((n) => /^ppt\/presentation\.xml$/i.test(n))) throw errors.wrongFormat("pptx", "docx");
    throw errors.noDocument(`entries: ${names.slice(0, 10).join(", ")}${names.length > 10 ? ", …" : ""}`);
  }
  return { xml: decodeXmlBytes(data), mainPart };
}

/** Elements whose whole content is dropped. */
const SKIP = new Set([
  "w:pPr", "w:rPr", "w:tblPr", "w:tblPrEx", "w:sectPr", "w:sdtPr", "w:sdtEndPr",
  "w:del", "w:moveFrom", "w:delText", "w:instrText", "w:delInstrText",
  "w:tcPrChange", "w:trPrChange", "w:tblPrChange", "w:tblGridChange", "w:pPrChange", "w:rPrChange", "w:sectPrChange", "w:numberingChange",
  "w:drawing", "w:pict", "w:object", "mc:AlternateContent", "w:txbxContent", "w:footnoteReference", "w:endnoteReference",
  "w:commentReference", "w:fldData", "w:framePr",
]);

interface CellBuilder {
  lines: string[];
  span: number;
  vMerge: "restart" | "continue" | null;
  hMergeContinue: boolean;
}

interface RowBuilder {
  cells: CellBuilder[];
  gridBefore: number;
  gridAfter: number;
  deleted: boolean;
}

interface TableBuilder {
  rows: RowBuilder[];
  row: RowBuilder | null;
  cell: CellBuilder | null;
  gridCols: number;
  inTrPr: boolean;
}

function intVal(v: string | undefined, fallback: number, max: number): number {
  const n = v === undefined ? NaN : parseInt(v, 10);
  if (!Number.isFinite(n) || n < 0) return fallback;
  return Math.min(n, max);
}

/** The grid cap per row (GRID_LIMITS.maxCols = 64): Word allows 63 columns; anything beyond is a malformed file. */
const MAX_GRID_COLS = GRID_LIMITS.maxCols;

/**
 * The empty cells every table has many of (padding at a row's end, w:gridBefore, the grid cells
 * a span covers): one frozen object each, shared, so a table padded to its widest row costs a
 * pointer per cell, not an object (60,000 rows under one 64-column row: ~30 MB, not ~200 MB).
 */
const EMPTY_CELL: GridCell = Object.freeze({ text: "" });
const SPANNED_CELL: GridCell = Object.freeze({ text: "", mergedFromLeft: true });
const SPANNED_BELOW_CELL: GridCell = Object.freeze({ text: "", mergedFromLeft: true, mergedFromAbove: true });

function buildGrid(t: TableBuilder): { rows: GridCell[][]; warnings: Message[] } {
  let width = Math.min(t.gridCols, MAX_GRID_COLS);
  for (const r of t.rows) {
    let w = r.gridBefore + r.gridAfter;
    for (const c of r.cells) w += c.span;
    if (w > width) width = Math.min(w, MAX_GRID_COLS);
  }
  if (t.rows.length * width > GRID_LIMITS.maxCells) throw errors.tableTooLarge(t.rows.length, width, "cells", GRID_LIMITS.maxCells);
  const out: GridCell[][] = [];
  const warnings: Message[] = [];
  t.rows.forEach((r, i) => {
    const cells: GridCell[] = [];
    let dropped = 0;
    for (let k = 0; k < r.gridBefore && cells.length < width; k++) cells.push(EMPTY_CELL);
    for (const c of r.cells) {
      const cont = c.vMerge === "continue";
      const text = normalizeText(c.lines.join("\n"), true);
      const first: GridCell = { text: c.hMergeContinue ? "" : text };
      if (cont) first.mergedFromAbove = true;
      if (c.hMergeContinue) first.mergedFromLeft = true;
      if (cells.length < width) cells.push(first);
      else if (first.text) dropped++;
      for (let k = 1; k < c.span && cells.length < width; k++) cells.push(cont ? SPANNED_BELOW_CELL : SPANNED_CELL);
    }
    while (cells.length < width) cells.push(EMPTY_CELL);
    out.push(cells);
    if (dropped && warnings.length < 20) warnings.push(notes.cellsPastColumnCap(rowLabel(r.cells.map((c) => (c.hMergeContinue ? "" : c.lines.join(" "))), i), dropped, MAX_GRID_COLS));
  });
  return { rows: out, warnings };
}

/** Parses WordprocessingML text (the content of word/document.xml). */
export function parseDocumentXml(xml: string): Omit<DocxDocument, "mainPart"> {
  const t = new XmlTokenizer(xml);
  const tables: DocxTable[] = [];
  const paragraphs: string[] = [];
  let pendingParagraphs: string[] = [];
  const stack: TableBuilder[] = [];
  const paraStack: string[][] = [];
  let skipUntil = -1;
  let inT = 0;
  let tcPrDepth = -1;

  const appendText = (s: string) => {
    const p = paraStack[paraStack.length - 1];
    if (p) p.push(s);
  };

  for (let k = t.next(); k !== XML_END; k = t.next()) {
    if (skipUntil >= 0) {
      if (k === XML_CLOSE && t.depth === skipUntil) skipUntil = -1;
      continue;
    }
    if (k === XML_TEXT) {
      if (inT > 0) appendText(t.text);
      continue;
    }
    const name = t.name;
    const table = stack[stack.length - 1];
    if (k === XML_OPEN) {
      if (SKIP.has(name)) {
        // w:del inside a row's properties marks a deleted row; elsewhere it wraps deleted text.
        if (name === "w:del" && table && table.inTrPr && table.row) table.row.deleted = true;
        if (!t.selfClosing) skipUntil = t.depth - 1;
        else t.next(); // consume the synthetic close
        continue;
      }
      switch (name) {
        case "w:t":
          inT++;
          break;
        case "w:tab":
        case "w:ptab":
          if (tcPrDepth < 0) appendText("\t");
          break;
        case "w:br":
        case "w:cr":
          appendText("\n");
          break;
        case "w:noBreakHyphen":
          appendText("-");
          break;
        case "w:p":
          paraStack.push([]);
          break;
        case "w:tbl":
          stack.push({ rows: [], row: null, cell: null, gridCols: 0, inTrPr: false });
          break;
        case "w:gridCol":
          if (table) table.gridCols++;
          break;
        case "w:tr":
          if (table) table.row = { cells: [], gridBefore: 0, gridAfter: 0, deleted: false };
          break;
        case "w:trPr":
          if (table) table.inTrPr = !t.selfClosing;
          break;
        case "w:gridBefore":
          if (table?.row) table.row.gridBefore = intVal(t.attr("w:val"), 0, MAX_GRID_COLS);
          break;
        case "w:gridAfter":
          if (table?.row) table.row.gridAfter = intVal(t.attr("w:val"), 0, MAX_GRID_COLS);
          break;
        case "w:tc":
          if (table) table.cell = { lines: [], span: 1, vMerge: null, hMergeContinue: false };
          break;
        case "w:tcPr":
          tcPrDepth = t.depth;
          break;
        case "w:gridSpan":
          if (table?.cell && tcPrDepth >= 0) table.cell.span = Math.max(1, intVal(t.attr("w:val"), 1, MAX_GRID_COLS));
          break;
        case "w:vMerge":
          if (table?.cell && tcPrDepth >= 0) table.cell.vMerge = t.attr("w:val") === "restart" ? "restart" : "continue";
          break;
        case "w:hMerge":
          if (table?.cell && tcPrDepth >= 0) table.cell.hMergeContinue = t.attr("w:val") !== "restart";
          break;
        default:
          break; // transparent: w:body, w:r, w:sdt, w:sdtContent, w:customXml, w:smartTag, w:hyperlink, w:ins, …
      }
      continue;
    }
    // XML_CLOSE
    switch (name) {
      case "w:t":
        if (inT > 0) inT--;
        break;
      case "w:p": {
        const parts = paraStack.pop();
        if (!parts) break;
        const text = parts.join("");
        if (table) {
          if (table.cell) table.cell.lines.push(text);
        } else {
          const clean = normalizeText(text, true);
          if (clean) {
            paragraphs.push(clean);
            pendingParagraphs.push(clean);
          }
        }
        break;
      }
      case "w:tcPr":
        tcPrDepth = -1;
        break;
      case "w:trPr":
        if (table) table.inTrPr = false;
        break;
      case "w:tc":
        if (table?.row && table.cell) table.row.cells.push(table.cell);
        if (table) table.cell = null;
        break;
      case "w:tr":
        if (table?.row && !table.row.deleted) table.rows.push(table.row);
        if (table) table.row = null;
        break;
      case "w:tbl": {
        const done = stack.pop();
        if (!done) break;
        const grid = buildGrid(done);
        const outer = stack[stack.length - 1];
        if (outer) {
          // A nested table's text becomes lines of the outer cell.
          if (outer.cell) for (const row of grid.rows) for (const c of row) if (c.text) outer.cell.lines.push(c.text);
        } else {
          tables.push({ index: tables.length, rows: grid.rows, paragraphsBefore: pendingParagraphs, ...(grid.warnings.length ? { warnings: grid.warnings } : {}) });
          pendingParagraphs = [];
        }
        break;
      }
      default:
        break;
    }
  }
  return { tables, paragraphs };
}

/** Reads every top-level table of a .docx (and the paragraphs outside tables). */
export function readDocx(bytes: Uint8Array | ArrayBuffer, opts: DocxOptions = {}): DocxDocument {
  const { xml, mainPart } = docxMainXml(bytes, opts);
  return { ...parseDocumentXml(xml), mainPart };
}

export function readDocxTables(bytes: Uint8Array | ArrayBuffer, opts: DocxOptions = {}): DocxTable[] {
  return readDocx(bytes, opts).tables;
}

/**
 * The appendix of a .docx as a Grid: the table with the best appendix header (not the first
 * table), and as title lines the document's opening paragraphs followed by those just before
 * the table (where "PHỤ LỤC … NĂM 2024" and "UBND XÃ …" usually are). Without a task table,
 * the tasks written as paragraphs with "Đơn vị chủ trì: … / Thời gian thực hiện: …" (inline.ts).
 */
export function gridFromDocx(bytes: Uint8Array | ArrayBuffer, opts: DocxOptions = {}): Grid {
  const doc = readDocx(bytes, opts);
  let chosen: ReturnType<typeof chooseAppendixTable>;
  try {
    chosen = chooseAppendixTable(doc.tables, !!opts.columns);
  } catch (e) {
    // No task table: a plan that writes its tasks as paragraphs with labelled lines (inline.ts).
    const inline = isImportError(e) && (e.code === "no-table" || e.code === "no-header") ? gridFromInlineParagraphs(doc.paragraphs, doc.paragraphs.slice(0, 12)) : null;
    if (inline) return inline;
    throw e;
  }
  const table = doc.tables[chosen.index];
  const head = doc.paragraphs.slice(0, 12);
  const near = table.paragraphsBefore.slice(-12);
  const title = [...head, ...near.filter((l) => !head.includes(l))];
  return { rows: table.rows, title, source: "docx", ...(table.warnings ? { warnings: table.warnings } : {}) };
}
