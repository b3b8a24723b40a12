/**
 * The file a commune sends to the district (gửi huyện): the chosen report sheets (and the plan
 * sheet with its statuses, if asked), every formula frozen to its value, nothing that needs the
 * add-in (no CCHC.* function, no external link, no hidden sheet, no defined name), a
 * "Thông tin" sheet and document properties naming the commune, period, cut-off dates and time
 * of export, and a fingerprint: SHA-256 of the report data (canonical JSON kept on the
 * "Thông tin" sheet and in the custom properties). The district's consolidation (rollup.ts)
 * recomputes it and compares the key figures with the sheets, so a file edited after export is
 * reported and not summed. (A fingerprint detects edits; it does not prove who made the file.)
 *
 * `buildDistrictExport` is pure (bytes in memory): the task pane passes the result to
 * Excel.createWorkbook(base64) or offers it as a download; the CLI writes it to disk.
 */
import { toBase64 } from "../core/base64";
import { formatViDate } from "../core/dates";
import { canonicalJson, fingerprint as fingerprintOf } from "../core/fingerprint";
import type { Period } from "../core/periods";
import type { LogEntry } from "../core/progress";
import { receiverOf } from "../core/settings";
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportPayload, type ExportReportSummary } from "../core/rollup";
import { stripDiacritics } from "../core/text";
import { INFO_SHEET, infoSheet } from "../layout/infoSheet";
import type { WorkbookModel } from "../layout/model";
import { planSheet } from "../layout/planSheet";
import { reportSheetWithInfo, trackedModel, type ReportFields, type ReportSheetInfo } from "../layout/reportSheet";
import type { SheetLayout, WorkbookLayout } from "../layout/types";
import { writeXlsx } from "../render/exceljs";
import { UnitDirectory, type Unit } from "../core/units";

export interface DistrictExportInput {
  model: WorkbookModel;
  log: readonly LogEntry[];
  /** The report sheets to send (usually one period). */
  periods: readonly Period[];
  /** As-of date per period token (default: each period's cut-off end). */
  asOf?: Record<string, string | null | undefined>;
  /** Texts edited on the report sheets (number, date line, signer…), per period token. */
  fields?: Record<string, ReportFields | undefined>;
  /** Add the plan sheet with each activity's status as of the first report's date. */
  includePlan?: boolean;
  /** When the export is made (ISO date-time); default: now. Fixed in tests for reproducible files. */
  exportedAt?: string;
  /** The commune's unit directory (the "Đơn vị" sheet); default: the built-in one. */
  units?: Unit[] | null;
}

export interface DistrictExport {
  fileName: string;
  bytes: Uint8Array;
  fingerprint: string;
  payload: ExportPayload;
  reports: ReportSheetInfo[];
  /** The bytes as base64, for Excel.createWorkbook. */
  base64(): string;
}

/** "Hồng Lộc" → "hong-loc" (đ → d, no diacritics, dashes). */
export function communeSlug(commune: string): string {
  return stripDiacritics(commune).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "") || "xa";
}

/** BC-CCHC-<commune-slug>-<period token>.xlsx (several periods: tokens joined with "_"). */
export function exportFileName(commune: string, periods: readonly Pick<Period, "token">[]): string {
  return `BC-CCHC-${communeSlug(commune)}-${periods.map((p) => p.token).join("_")}.xlsx`;
}

function summary(info: ReportSheetInfo): ExportReportSummary {
  const r = info.report;
  return {
    sheet: info.name, token: r.period.token, label: r.period.label, cutoffStart: r.period.cutoffStart, cutoffEnd: r.period.cutoffEnd, asOf: r.asOf,
    totals: { ...r.totals }, ytd: { ...r.ytd },
    byGroup: r.byGroup.map((g) => ({ ...g })), byLead: r.byLead.map((l) => ({ ...l })),
    indicators: { total: r.indicators.length, withData: r.indicators.filter((i) => i.met !== null).length, met: r.indicators.filter((i) => i.met === true).length },
    overdue: r.overdue.length,
    cells: { ...info.keyCells },
  };
}

/** Keeps what a district file may hold: no formula references to sheets or names that are not in it. */
function sanitize(sheet: SheetLayout, keep: Set<string>): SheetLayout {
  const refersOutside = (f: string) => /CCHC_|!/.test(f);
  return {
    ...sheet,
    validations: sheet.validations.filter((v) => !(v.source && refersOutside(v.source))),
    conditionalFormats: sheet.conditionalFormats.filter((c) => !refersOutside(c.formula)),
    cells: Object.fromEntries(Object.entries(sheet.cells).map(([a1, c]) => [a1, c.link && !keep.has(c.link.replace(/^'?(.*?)'?!.*$/, "$1")) ? { ...c, link: undefined } : c])),
  };
}

export async function buildDistrictExport(input: DistrictExportInput): Promise<DistrictExport> {
  const { model, log } = input;
  if (!input.periods.length) throw new Error("buildDistrictExport: no period");
  const exportedAt = input.exportedAt ?? new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  const units = input.units ? new UnitDirectory(input.units) : undefined;
  const built = input.periods.map((p) =>
    reportSheetWithInfo({ model, log, period: p, asOf: input.asOf?.[p.token] ?? null, fields: input.fields?.[p.token], standalone: true, units }),
  );
  const reports = built.map((b) => b.info);
  const sheets: SheetLayout[] = built.map((b) => b.sheet);
  const first = reports[0].report;
  if (input.includePlan) {
    // The plan as of the report's date, progress derived from the log the one way (trackedModel),
    // recurring activities judged in the report's own data window: the plan says what the report says.
    const asOfReport = { ...model, mode: "native" as const, settings: { ...model.settings, asOf: first.asOf } };
    const plan = planSheet(trackedModel(asOfReport, log, first.period.cutoffStart));
    plan.cells.A3 = { v: `Trạng thái tính đến ngày ${formatViDate(first.asOf)} theo nhật ký tiến độ của xã (số liệu đã cố định khi xuất).`, style: "note" };
    sheets.push(plan);
  }
  const s = model.settings;
  const receiver = receiverOf(s);
  const payload: ExportPayload = {
    format: EXPORT_FORMAT, version: EXPORT_VERSION,
    unit: s.unit, commune: s.commune, district: s.district, province: s.province, receiver, year: s.year, exportedAt,
    reports: reports.map(summary),
  };
  const data = canonicalJson(payload);
  const fingerprint = fingerprintOf(payload);
  const periodsText = reports.map((r) => r.report.period.label).join("; ");
  const cutoffText = reports.map((r) => `${formatViDate(r.report.period.cutoffStart)}–${formatViDate(r.report.period.cutoffEnd)}`).join("; ");
  const asOfText = reports.map((r) => formatViDate(r.report.asOf)).join("; ");
  const info = infoSheet({
    rows: [
      ["Cơ quan báo cáo", s.unit],
      ["Xã", s.commune],
      ...(s.district ? [["Huyện", s.district] as [string, string]] : []),
      ["Tỉnh", s.province],
      ["Nơi nhận", receiver],
      ["Kỳ báo cáo", periodsText],
      ["Mã kỳ", reports.map((r) => r.report.period.token).join("; ")],
      ["Kỳ số liệu (ngày chốt)", cutoffText],
      ["Tình trạng tính đến ngày", asOfText],
      ["Thời điểm xuất tệp", exportedAt],
      ["Các sheet trong tệp", [...sheets.map((x) => x.name), INFO_SHEET].join("; ")],
      ["Ghi chú", "Tệp xuất từ tiện ích CCHC: mọi số liệu đã cố định thành giá trị, không cần tiện ích để mở."],
    ],
    fingerprint,
    data,
  });
  sheets.push(info);
  const keep = new Set(sheets.map((x) => x.name));
  const layout: WorkbookLayout = {
    sheets: sheets.map((x) => sanitize(x, keep)),
    properties: {
      title: `Báo cáo CCHC ${s.commune} – ${periodsText}`,
      subject: `Kết quả thực hiện kế hoạch cải cách hành chính ${s.unit}, ${periodsText}`,
      creator: s.unit || "CCHC",
      keywords: `CCHC; ${s.commune}; ${reports.map((r) => r.report.period.token).join("; ")}`,
      description: `Xã ${s.commune}${s.district ? `, huyện ${s.district}` : ""}, tỉnh ${s.province}; gửi ${receiver}. Kỳ ${periodsText}; số liệu ${cutoffText}; tính đến ${asOfText}. Xuất lúc ${exportedAt}. Dấu kiểm tra SHA-256: ${fingerprint}`,
    },
  };
  const bytes = await writeXlsx(layout, {
    freeze: true,
    created: new Date(exportedAt),
    ownerMarkers: false,
    customProperties: {
      CCHC_Format: `${EXPORT_FORMAT}/${EXPORT_VERSION}`,
      CCHC_Commune: s.commune,
      CCHC_District: s.district,
      CCHC_Receiver: receiver,
      CCHC_Province: s.province,
      CCHC_Period: reports.map((r) => r.report.period.token).join(";"),
      CCHC_PeriodLabel: periodsText,
      CCHC_CutoffStart: reports.map((r) => r.report.period.cutoffStart).join(";"),
      CCHC_CutoffEnd: reports.map((r) => r.report.period.cutoffEnd).join(";"),
      CCHC_AsOf: reports.map((r) => r.report.asOf).join(";"),
      CCHC_ExportedAt: exportedAt,
      CCHC_Fingerprint: fingerprint,
    },
  });
  return { fileName: exportFileName(s.commune, input.periods), bytes, fingerprint, payload, reports, base64: () => toBase64(bytes) };
}
