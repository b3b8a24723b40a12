/**
 * The district's side: read the communes' exports, verify each (format, fingerprint, key figures
 * on the sheets, sums), and consolidate the valid ones for one period (core/rollup.ts) into the
 * summary workbook (layout/rollupSheet.ts). Pure functions over bytes: the CLI reads the files,
 * the task pane gets them from a file picker.
 */
import { canonicalJson, sha256Hex } from "../core/fingerprint";
import { EXPORT_FORMAT, rollupReports, type ExportPayload, type RollupInput, type RollupOptions, type RollupResult } from "../core/rollup";
import type { ReportCounts } from "../core/report";
import { normalizeText } from "../core/text";
import { INFO_DATA_LABEL, INFO_FINGERPRINT_LABEL, INFO_SHEET } from "../layout/infoSheet";
import { rollupWorkbookLayout } from "../layout/rollupSheet";
import type { WorkbookLayout } from "../layout/types";
import { writeXlsx } from "../render/exceljs";
import { XlsxFile, XlsxReadError, type XlsxValue } from "./xlsxCells";

const COUNT_KEYS = ["activities", "due", "doneOnTime", "doneLate", "inProgress", "noReport", "overdue"] as const;

function same(a: XlsxValue | undefined, b: number | string | null): boolean {
  const blank = (x: unknown) => x === null || x === undefined || x === "";
  if (blank(a) && blank(b)) return true;
  if (typeof b === "number") return typeof a === "number" && Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  return normalizeText(a) === normalizeText(b);
}

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "(trống)" : String(v));

/** Reads and verifies one commune export. Never throws: problems become a flagged input. */
export function readCommuneExport(file: string, bytes: Uint8Array): RollupInput {
  const invalid = (vi: string, en: string): RollupInput => ({ file, problem: { status: "invalid", vi, en } });
  const tampered = (vi: string, en: string, payload?: ExportPayload): RollupInput => ({ file, payload, problem: { status: "tampered", vi, en } });
  let x: XlsxFile;
  try {
    x = XlsxFile.open(bytes);
  } catch (e) {
    const err = e as XlsxReadError;
    return invalid(err.messageVi ?? "Không đọc được tệp.", err.messageEn ?? "The file could not be read.");
  }
  if (!x.sheet(INFO_SHEET)) return invalid(`Không có sheet "${INFO_SHEET}": không phải tệp báo cáo xuất từ tiện ích CCHC.`, `No "${INFO_SHEET}" sheet: not a report exported by the CCHC add-in.`);
  const fpRow = x.findInColumn(INFO_SHEET, "A", (v) => v === INFO_FINGERPRINT_LABEL)[0];
  const dataRow = x.findInColumn(INFO_SHEET, "A", (v) => v === INFO_DATA_LABEL)[0];
  if (!fpRow || !dataRow) return invalid("Sheet Thông tin thiếu dấu kiểm tra hoặc dữ liệu kiểm tra.", "The Thông tin sheet lacks the fingerprint or its data.");
  const stored = normalizeText(x.cell(INFO_SHEET, `B${fpRow}`));
  let data = "";
  for (let r = dataRow + 1; ; r++) {
    const v = x.cell(INFO_SHEET, `A${r}`);
    if (v === null || v === "") break;
    data += String(v);
  }
  let payload: ExportPayload;
  try {
    payload = JSON.parse(data) as ExportPayload;
  } catch {
    return tampered("Dữ liệu kiểm tra bị hỏng hoặc đã bị sửa.", "The verification data are damaged or were edited.");
  }
  if (!payload || payload.format !== EXPORT_FORMAT || !Array.isArray(payload.reports)) {
    return invalid("Dữ liệu kiểm tra không đúng định dạng báo cáo CCHC.", "The verification data are not a CCHC report.");
  }
  if (canonicalJson(payload) !== data || sha256Hex(data) !== stored) {
    return tampered("Dấu kiểm tra (SHA-256) không khớp với dữ liệu: tệp đã bị sửa sau khi xuất.", "The fingerprint (SHA-256) does not match the data: the file was edited after export.", payload);
  }
  const prop = x.customProperties().CCHC_Fingerprint;
  if (prop !== undefined && prop !== stored) {
    return tampered("Dấu kiểm tra trong thuộc tính tệp khác với sheet Thông tin.", "The fingerprint in the document properties differs from the Thông tin sheet.", payload);
  }
  for (const rep of payload.reports) {
    if (!x.sheet(rep.sheet)) return tampered(`Thiếu sheet báo cáo "${rep.sheet}".`, `Report sheet "${rep.sheet}" is missing.`, payload);
    for (const [a1, value] of Object.entries(rep.cells ?? {})) {
      const actual = x.cell(rep.sheet, a1);
      if (!same(actual, value)) {
        return tampered(
          `Ô ${a1} của sheet "${rep.sheet}" đã bị sửa (${show(value)} → ${show(actual)}).`,
          `Cell ${a1} of sheet "${rep.sheet}" was edited (${show(value)} → ${show(actual)}).`,
          payload,
        );
      }
    }
    for (const k of COUNT_KEYS) {
      // "noReport" is absent from files exported before it existed: read as 0 on both sides.
      const sum = rep.byGroup.reduce((n, g) => n + ((g[k as keyof ReportCounts] as number | undefined) ?? 0), 0);
      if (sum !== (rep.totals[k] ?? 0)) return tampered(`Tổng theo nhóm (${k}) không bằng tổng chung.`, `The sum by group (${k}) differs from the total.`, payload);
    }
    const t = rep.totals;
    if (t.doneOnTime + t.doneLate + t.inProgress + (t.noReport ?? 0) + t.overdue !== t.due) {
      return tampered("Các cột tình trạng không cộng bằng số nhiệm vụ đến hạn.", "The status columns do not add up to the number due.", payload);
    }
  }
  return { file, payload };
}

export interface RollupFilesResult {
  result: RollupResult;
  inputs: RollupInput[];
  layout: WorkbookLayout;
}

export function rollupFiles(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, options: RollupOptions & { generatedAt?: string } = {}): RollupFilesResult {
  const inputs = files.map((f) => readCommuneExport(f.name, f.bytes));
  const result = rollupReports(inputs, options);
  return { result, inputs, layout: rollupWorkbookLayout(result, { generatedAt: options.generatedAt }) };
}

/** The district summary workbook as bytes. */
export async function rollupWorkbook(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>, options: RollupOptions & { generatedAt?: string; created?: Date } = {}): Promise<RollupFilesResult & { bytes: Uint8Array }> {
  const out = rollupFiles(files, options);
  const bytes = await writeXlsx(out.layout, { created: options.created });
  return { ...out, bytes };
}
