/**
 * Consolidating communes' exports for the level above, on any host: what each chosen file is
 * (commune and periods, or why it cannot be read), and the summary workbook of one period.
 * Bundles exceljs (src/export): hosts import this module on demand.
 */
import type { Message } from "../core/message";
import { periodLabelEn, ROLLUP_STATUS_LABELS, ROLLUP_STATUS_LABELS_EN } from "../core/rollup";
import { CchcError } from "../core/errors";
import { readCommuneExport, rollupWorkbook } from "../export/rollup";
import type { ExportFileView } from "./viewTypes";

export interface CommuneFile {
  name: string;
  bytes: Uint8Array;
}

export async function consolidate(files: CommuneFile[], token: string, generatedAt: string): Promise<{ bytes: Uint8Array; fileName: string; communes: number; problems: Message[] }> {
  const out = await rollupWorkbook(files, { period: token || undefined, generatedAt });
  const r = out.result;
  const problems: Message[] = r.flagged.map((row) => ({
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
export function describeCommuneFiles(files: CommuneFile[]): ExportFileView[] {
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
