/**
 * The district export and the roll-up, from src/export (which bundles exceljs): this module is
 * imported with import() only, so exceljs stays out of the pane's other chunks.
 */
import type { Period } from "../../core/periods";
import type { LogEntry } from "../../core/progress";
import type { WorkbookModel } from "../../layout/model";
import type { ReportFields } from "../../layout/reportSheet";
import { buildDistrictExport } from "../../export/districtExport";
import { periodLabelEn, ROLLUP_STATUS_LABELS, ROLLUP_STATUS_LABELS_EN } from "../../core/rollup";
import { readCommuneExport, rollupWorkbook } from "../../export/rollup";
import type { Bilingual } from "../i18n";
import { CchcError } from "../../core/errors";
import type { ExportFileView } from "./opsTypes";

export async function exportBytes(
  model: WorkbookModel,
  log: readonly LogEntry[],
  periods: Array<{ period: Period; fields?: ReportFields }>,
  includePlan: boolean,
): Promise<{ bytes: Uint8Array; fileName: string; base64: string }> {
  const fields: Record<string, ReportFields | undefined> = {};
  for (const p of periods) fields[p.period.token] = p.fields;
  const out = await buildDistrictExport({ model, log, periods: periods.map((p) => p.period), fields, includePlan });
  return { bytes: out.bytes, fileName: out.fileName, base64: out.base64() };
}

export async function rollupBytes(files: Array<{ name: string; bytes: Uint8Array }>, token: string): Promise<{ bytes: Uint8Array; fileName: string; communes: number; problems: Bilingual[] }> {
  const out = await rollupWorkbook(files, { period: token || undefined, generatedAt: new Date().toISOString() });
  const r = out.result;
  const problems: Bilingual[] = r.flagged.map((row) => ({
    vi: `${row.file || row.commune}: ${ROLLUP_STATUS_LABELS[row.status]}${row.reasonVi ? ` — ${row.reasonVi}` : ""}`,
    en: `${row.file || row.commune}: ${ROLLUP_STATUS_LABELS_EN[row.status]}${row.reasonEn ? ` — ${row.reasonEn}` : ""}`,
  }));
  if (!r.ok.length) {
    // Nothing to sum: say which file holds which period instead of opening an empty workbook.
    const asked = r.period ? { vi: r.period.label, en: periodLabelEn(r.period.token) } : { vi: token, en: token };
    throw new CchcError("no-file-of-period", {
      vi: `Không có tệp hợp lệ nào của kỳ ${asked.vi}; chưa tạo sổ tổng hợp. ${problems.map((p) => p.vi).join(" ")} Hãy chọn đúng kỳ hoặc đúng tệp.`,
      en: `No valid file of ${asked.en}; no summary workbook was created. ${problems.map((p) => p.en).join(" ")} Choose the right period or the right files.`,
    });
  }
  const period = r.period?.token ?? (token || "ky");
  return { bytes: out.bytes, fileName: `TH-CCHC-${period}.xlsx`, communes: r.ok.length, problems };
}

/** What each chosen file is: its commune and the periods it reports, or why it cannot be read. */
export function describeExports(files: Array<{ name: string; bytes: Uint8Array }>): ExportFileView[] {
  return files.map((f) => {
    const x = readCommuneExport(f.name, f.bytes);
    const reports = x.payload?.reports ?? [];
    return {
      file: f.name,
      commune: x.payload?.commune ?? "",
      periods: { vi: reports.map((r) => r.label).join(", "), en: reports.map((r) => periodLabelEn(r.token)).join(", ") },
      tokens: reports.map((r) => r.token),
      problem: x.problem ? { vi: x.problem.vi, en: x.problem.en } : null,
    };
  });
}
