/**
 * The district export and the roll-up, from src/export (which bundles exceljs): this module is
 * imported with import() only, so exceljs stays out of the pane's other chunks.
 */
import type { Period } from "../../core/periods";
import type { LogEntry } from "../../core/progress";
import type { WorkbookModel } from "../../layout/model";
import type { ReportFields } from "../../layout/reportSheet";
import { buildDistrictExport } from "../../export/districtExport";
import { rollupWorkbook } from "../../export/rollup";
import { ROLLUP_STATUS_LABELS } from "../../core/rollup";
import type { Bilingual } from "../i18n";

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
    en: `${row.file || row.commune}: ${row.status}${row.reasonEn ? ` — ${row.reasonEn}` : ""}`,
  }));
  const period = r.period?.token ?? (token || "ky");
  return { bytes: out.bytes, fileName: `TH-CCHC-${period}.xlsx`, communes: r.ok.length, problems };
}
