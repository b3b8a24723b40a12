/**
 * Seam to the district export and roll-up (src/export, owned elsewhere). Until that lands, the
 * export is built here from the same layouts: the report sheets in their standalone (values
 * only) form, the plan sheet, and a "Thông tin" sheet, written by the exceljs renderer with
 * every formula frozen. exceljs is imported here only (a lazy chunk).
 */
import type { Period } from "../../core/periods";
import type { LogEntry } from "../../core/progress";
import { planSheet } from "../../layout/planSheet";
import type { WorkbookModel } from "../../layout/model";
import { reportSheetWithInfo, type ReportFields } from "../../layout/reportSheet";
import { emptySheet, type SheetLayout, type WorkbookLayout } from "../../layout/types";
import type { Bilingual } from "../i18n";

function safeFilePart(s: string): string {
  return s.normalize("NFC").replace(/[\\/:*?"<>|]+/g, "-").replace(/\s+/g, " ").trim() || "xa";
}

export async function exportBytes(model: WorkbookModel, log: readonly LogEntry[], periods: Array<{ period: Period; fields?: ReportFields }>, includePlan: boolean): Promise<{ bytes: Uint8Array; fileName: string }> {
  const sheets: SheetLayout[] = [];
  for (const { period, fields } of periods) sheets.push(reportSheetWithInfo({ model, log, period, fields, standalone: true }).sheet);
  if (includePlan) {
    const plan = planSheet(model);
    plan.validations = [];
    plan.conditionalFormats = [];
    sheets.push(plan);
  }
  const info = emptySheet("Thông tin", "info");
  const s = model.settings;
  const now = new Date();
  const first = periods[0]?.period;
  const rows: Array<[string, string]> = [
    ["Cơ quan", s.unit],
    ["Xã", s.commune],
    ["Huyện", s.district],
    ["Tỉnh", s.province],
    ["Kỳ báo cáo", periods.map((p) => p.period.label).join("; ") || "(kế hoạch)"],
    ["Mã kỳ", periods.map((p) => p.period.token).join("; ")],
    ["Số liệu từ ngày", first ? first.cutoffStart : ""],
    ["Số liệu đến ngày", first ? first.cutoffEnd : ""],
    ["Thời điểm xuất", now.toISOString()],
  ];
  info.cells.A1 = { v: "THÔNG TIN TỆP BÁO CÁO", style: "title" };
  rows.forEach(([k, v], i) => {
    info.cells[`A${i + 3}`] = { v: k, style: "bold" };
    info.cells[`B${i + 3}`] = { v, style: "text" };
  });
  info.widths = { A: 22, B: 50 };
  sheets.push(info);
  const layout: WorkbookLayout = {
    sheets,
    properties: {
      title: `Báo cáo CCHC ${s.commune} ${first?.label ?? ""}`.trim(),
      subject: first ? `${first.label} (${first.cutoffStart} – ${first.cutoffEnd})` : "",
      creator: "CCHC add-in",
      keywords: `CCHC; ${s.commune}; ${first?.token ?? ""}`,
      description: `Xuất lúc ${now.toISOString()}`,
    },
  };
  const { writeXlsx } = await import(/* webpackChunkName: "exceljs-render" */ "../../render/exceljs");
  const bytes = await writeXlsx(layout, { freeze: true });
  const fileName = `BC-CCHC-${safeFilePart(s.commune)}-${safeFilePart(first?.token ?? String(s.year))}.xlsx`;
  return { bytes, fileName };
}

export async function rollupBytes(_files: Array<{ name: string; bytes: Uint8Array }>, _token: string): Promise<{ bytes: Uint8Array; fileName: string; communes: number; problems: Bilingual[] }> {
  throw Object.assign(new Error("rollup unavailable"), {
    messageVi: "Chức năng tổng hợp huyện chưa có trong bản này. Hãy dùng lệnh cchc rollup trên máy tính.",
    messageEn: "District consolidation is not in this build yet. Use the cchc rollup command instead.",
  });
}
