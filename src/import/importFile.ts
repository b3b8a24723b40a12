/**
 * The import pipeline in one call: bytes → Grid → ParsedAppendix, for the CLI and the task pane.
 * The .xlsx reader (exceljs) is loaded on demand, so a .docx import never pulls it in.
 */
import { parseAppendix, type ParseAppendixOptions, type ParsedAppendix } from "./appendix";
import { errors } from "./errors";
import { gridFromDocx, type DocxOptions } from "./docx";
import type { Grid } from "./grid";
import { errorForKind, sniff, toBytes } from "./sniff";
import { readZipParts, ZIP_LIMITS } from "./zip";

export type OfficeKind = "docx" | "xlsx";

/** Which reader a file needs, from its bytes (zip entry names), never its file name. */
export function officeKind(input: Uint8Array | ArrayBuffer): OfficeKind {
  const bytes = toBytes(input);
  const kind = sniff(bytes);
  if (kind !== "zip") throw errorForKind(kind, bytes, "docx");
  const names = readZipParts(bytes, new Map(), ZIP_LIMITS).entries.map((e) => e.name.toLowerCase());
  if (names.includes("xl/workbook.xml")) return "xlsx";
  if (names.includes("ppt/presentation.xml")) throw errors.wrongFormat("pptx", "docx");
  return "docx"; // the .docx reader reports a missing word/document.xml precisely
}

export interface ImportFileOptions extends ParseAppendixOptions, DocxOptions {
  /** For workbooks: the sheet holding the appendix (default: chosen by header). */
  sheet?: string;
}

export interface ImportedAppendix extends ParsedAppendix {
  source: Grid["source"];
}

export function importDocx(bytes: Uint8Array | ArrayBuffer, opts: ImportFileOptions = {}): ImportedAppendix {
  return { ...parseAppendix(gridFromDocx(bytes, opts), opts), source: "docx" };
}

export async function importXlsx(bytes: Uint8Array | ArrayBuffer, opts: ImportFileOptions = {}): Promise<ImportedAppendix> {
  const { readXlsxGrid } = await import("./xlsxGrid");
  const grid = await readXlsxGrid(bytes, opts.sheet, opts);
  return { ...parseAppendix(grid, opts), source: "xlsx" };
}

/** A .docx or .xlsx appendix → the plan's groups and activities (every failure an ImportError). */
export async function importAppendixFile(bytes: Uint8Array | ArrayBuffer, opts: ImportFileOptions = {}): Promise<ImportedAppendix> {
  return officeKind(bytes) === "xlsx" ? importXlsx(bytes, opts) : importDocx(bytes, opts);
}
