/**
 * A small, fast .xlsx reader for values only (the district reads hundreds of exports): sheet
 * names and visibility, cell values (shared, inline and formula strings, numbers, booleans,
 * errors), whether a sheet holds formulas, document properties, external links. Only the parts
 * asked for are inflated, with size caps against zip bombs. No exceljs, no DOM: runs in the
 * task pane too.
 */
import { strFromU8, unzipSync } from "fflate";
import { parseAddress } from "../layout/address";
import { CchcError } from "../core/errors";
import { sheetPaths, unescapeXml } from "../render/xlsxCharts";

export type XlsxValue = string | number | boolean | null;

export class XlsxReadError extends CchcError {
  constructor(vi: string, en: string) {
    super("unreadable-xlsx", { vi, en });
    this.name = "XlsxReadError";
  }
}

const MB = 1024 * 1024;
export const XLSX_LIMITS = { maxFileBytes: 50 * MB, maxPartBytes: 100 * MB };

export interface XlsxSheetRef {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  path: string;
}

function textOf(xml: string): string {
  // <t> runs, skipping phonetic runs (<rPh>)
  const noPh = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const m of noPh.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>|<t\b[^>]*\/>/g)) out += m[1] ?? "";
  return unescapeXml(out);
}

export class XlsxFile {
  private readonly files: Record<string, Uint8Array>;
  readonly sheets: XlsxSheetRef[];
  private shared: string[] | null = null;
  private readonly cellCache = new Map<string, { values: Map<string, XlsxValue>; formulas: number }>();

  private constructor(files: Record<string, Uint8Array>) {
    this.files = files;
    const wb = this.text("xl/workbook.xml");
    if (!wb) throw new XlsxReadError("Tệp không phải sổ Excel (.xlsx).", "The file is not an Excel workbook (.xlsx).");
    const paths = sheetPaths(files);
    this.sheets = [...wb.matchAll(/<sheet\b[^>]*\/?>/g)].map((m) => {
      const name = unescapeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? "");
      const state = (/\bstate="([^"]+)"/.exec(m[0])?.[1] ?? "visible") as XlsxSheetRef["state"];
      return { name, state, path: paths.get(name) ?? "" };
    });
  }

  static open(bytes: Uint8Array): XlsxFile {
    if (bytes.length > XLSX_LIMITS.maxFileBytes) throw new XlsxReadError("Tệp quá lớn (trên 50 MB).", "The file is too large (over 50 MB).");
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw new XlsxReadError("Tệp không phải sổ Excel (.xlsx).", "The file is not an Excel workbook (.xlsx).");
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, {
        filter: (f) => {
          if (f.originalSize > XLSX_LIMITS.maxPartBytes) throw new XlsxReadError("Tệp có phần nén quá lớn.", "The file has an oversized part.");
          return /^(xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|worksheets\/[^/]+\.xml|externalLinks\/.*)|docProps\/(core|app|custom)\.xml|\[Content_Types\]\.xml)$/.test(f.name);
        },
      });
    } catch (e) {
      if (e instanceof XlsxReadError) throw e;
      throw new XlsxReadError("Tệp bị hỏng hoặc không phải sổ Excel (.xlsx).", "The file is damaged or not an Excel workbook (.xlsx).");
    }
    return new XlsxFile(files);
  }

  private text(path: string): string | null {
    const f = this.files[path];
    return f ? strFromU8(f) : null;
  }

  private sharedStrings(): string[] {
    if (!this.shared) {
      const xml = this.text("xl/sharedStrings.xml") ?? "";
      this.shared = [...xml.matchAll(/<si\b[^>]*>([\s\S]*?)<\/si>|<si\b[^>]*\/>/g)].map((m) => textOf(m[1] ?? ""));
    }
    return this.shared;
  }

  sheet(name: string): XlsxSheetRef | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private load(name: string): { values: Map<string, XlsxValue>; formulas: number } {
    const cached = this.cellCache.get(name);
    if (cached) return cached;
    const ref = this.sheet(name);
    const xml = ref ? this.text(ref.path) ?? "" : "";
    const values = new Map<string, XlsxValue>();
    let formulas = 0;
    const shared = this.sharedStrings();
    for (const m of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = m[1];
      const inner = m[2] ?? "";
      const r = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      if (!r) continue;
      if (/<f[\s>/]/.test(inner)) formulas++;
      const t = /\bt="([^"]+)"/.exec(attrs)?.[1] ?? "n";
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      let value: XlsxValue = null;
      if (t === "s") value = v === undefined ? null : shared[Number(v)] ?? null;
      else if (t === "inlineStr") value = textOf(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? "");
      else if (t === "str") value = v === undefined ? "" : unescapeXml(v);
      else if (t === "b") value = v === "1";
      else if (t === "e") value = v === undefined ? "#VALUE!" : unescapeXml(v);
      else value = v === undefined || v === "" ? null : Number(v);
      values.set(r, value);
    }
    const out = { values, formulas };
    this.cellCache.set(name, out);
    return out;
  }

  cell(sheet: string, a1: string): XlsxValue {
    return this.load(sheet).values.get(a1.replace(/\$/g, "").toUpperCase()) ?? null;
  }

  /** Every non-empty cell of a sheet. */
  cells(sheet: string): Map<string, XlsxValue> {
    return this.load(sheet).values;
  }

  /** Column A…Z values of a row, for scanning labels. */
  findInColumn(sheet: string, column: string, predicate: (v: XlsxValue) => boolean): number[] {
    const rows: number[] = [];
    for (const [a1, v] of this.load(sheet).values) {
      const p = parseAddress(a1);
      if (p.col === parseAddress(`${column}1`).col && predicate(v)) rows.push(p.row + 1);
    }
    return rows.sort((a, b) => a - b);
  }

  formulaCount(sheet?: string): number {
    if (sheet) return this.load(sheet).formulas;
    return this.sheets.reduce((n, s) => n + this.load(s.name).formulas, 0);
  }

  hasExternalLinks(): boolean {
    return Object.keys(this.files).some((p) => p.startsWith("xl/externalLinks/")) || /externalLink/.test(this.text("[Content_Types].xml") ?? "");
  }

  customProperties(): Record<string, string> {
    const xml = this.text("docProps/custom.xml") ?? "";
    const out: Record<string, string> = {};
    for (const m of xml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>([\s\S]*?)<\/property>/g)) {
      out[unescapeXml(m[1])] = textOf(m[2].replace(/<vt:lpwstr>([\s\S]*?)<\/vt:lpwstr>/, "<t>$1</t>"));
    }
    return out;
  }

  coreProperties(): Record<string, string> {
    const xml = this.text("docProps/core.xml") ?? "";
    const out: Record<string, string> = {};
    for (const m of xml.matchAll(/<(?:dc|cp|dcterms):(title|subject|creator|keywords|description|category|lastModifiedBy|created|modified)\b[^>]*>([\s\S]*?)<\/(?:dc|cp|dcterms):\1>/g)) {
      out[m[1]] = unescapeXml(m[2]);
    }
    return out;
  }

  /** The defined names of workbook.xml (name, localSheetId, hidden, text). */
  definedNames(): Array<{ name: string; localSheetId: number | null; hidden: boolean; ref: string }> {
    const xml = this.text("xl/workbook.xml") ?? "";
    return [...xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({
      name: unescapeXml(/\bname="([^"]*)"/.exec(m[1])?.[1] ?? ""),
      localSheetId: /\blocalSheetId="(\d+)"/.test(m[1]) ? Number(/\blocalSheetId="(\d+)"/.exec(m[1])![1]) : null,
      hidden: /\bhidden="(1|true)"/.test(m[1]),
      ref: unescapeXml(m[2]),
    }));
  }

  /** The raw XML of a part (tests use it to look for <f> elements). */
  partXml(path: string): string | null {
    return this.text(path);
  }

  partNames(): string[] {
    return Object.keys(this.files);
  }
}
