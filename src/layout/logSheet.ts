/**
 * The "Nhật ký tiến độ" sheet (the progress log) and the link from the plan sheet to it.
 *
 * The log is an Excel table `NhatKy` at A4: date · activity id · status (list) · completion date
 * · evidence · note · who, plus a read-only "Hoạt động" column that looks the activity up in the
 * plan. Formulas elsewhere refer to the log with plain A1 ranges (LibreOffice reads them; Excel
 * 2016 too) that run past the table's last row to `logCapacity(n)` rows, so entries a person
 * appends to the table in Excel are counted without rebuilding anything. Data validation covers
 * the same rows.
 *
 * Decision — how the plan sheet shows the log (`linkPlanToLog`): the plan's "Ngày hoàn thành"
 * and "Tài liệu kiểm chứng" columns become FORMULAS over the log, evaluated as of the settings'
 * as-of date (CCHC_ASOF), and the existing status formula keeps working on top of them. The
 * latest entry is found without array entry, MAXIFS (absent from Excel 2016) or LOOKUP(2,1/…):
 *   key = SUMPRODUCT(MAX((ids=id)*(dates<=asOf)*(dates*10^7+ROW(dates))))
 * SUMPRODUCT evaluates its argument as an array in Excel 2007+ and LibreOffice alike; the key's
 * integer part/10^7 is the latest date and MOD(key,10^7) the sheet row of the last entry of that
 * date (ties go to the later row, as core/progress.ts `statusAsOf` does). INDEX on that row reads
 * the entry. Recurring activities show no completion date in the plan (they are reported per
 * period; the report sheets count them). The cached values come from core (progressFromLog).
 */
import { entriesFromRows, LOG_STATUS_LABELS, LOG_STATUSES, progressFromLog, type LogEntry, LogIndex } from "../core/progress";
import type { Plan } from "../core/plan";
import { STATUS_LABELS } from "../core/status";
import { columnLetter, sheetRef } from "./address";
import { NAMES } from "./names";
import { DEADLINE_KIND_LABELS, PLAN_FIRST_ROW, planRange } from "./planSheet";
import { PLAN_COLUMNS, PLAN_TABLE, planColumnIndex, type PlanColumnKey } from "./planColumns";
import { emptySheet, type Cell, type ColumnLayout, type SheetLayout } from "./types";

export const LOG_SHEET = "Nhật ký tiến độ";
export const LOG_TABLE = "NhatKy";
/** 1-based: the table's header row and first data row. */
export const LOG_HEADER_ROW = 4;
export const LOG_FIRST_ROW = LOG_HEADER_ROW + 1;
export const LOG_MIN_CAPACITY = 1000;

export const LOG_COLUMNS = [
  { key: "date", header: "Ngày cập nhật", width: 12, style: "inputDate" },
  { key: "activityId", header: "Mã hoạt động", width: 13, style: "input" },
  { key: "status", header: "Tình trạng", width: 16, style: "input" },
  { key: "completedOn", header: "Ngày hoàn thành", width: 12, style: "inputDate" },
  { key: "evidence", header: "Tài liệu kiểm chứng (số văn bản, đường dẫn)", width: 30, style: "input" },
  { key: "note", header: "Ghi chú", width: 30, style: "input" },
  { key: "who", header: "Người cập nhật", width: 16, style: "input" },
  { key: "activity", header: "Hoạt động (tự tra từ Kế hoạch)", width: 48, style: "note" },
] as const satisfies readonly ColumnLayout[];

export type LogColumnKey = (typeof LOG_COLUMNS)[number]["key"];

/** The label of a done entry: the only one the formulas treat as completion. */
export const LOG_DONE_LABEL = LOG_STATUS_LABELS.done.vi;

export function logColumnLetter(key: LogColumnKey): string {
  return columnLetter(LOG_COLUMNS.findIndex((c) => c.key === key));
}

/** How many rows the formulas cover: at least 1,000, and 500 spare rows beyond the entries. */
export function logCapacity(entryCount: number): number {
  return Math.max(LOG_MIN_CAPACITY, Math.ceil((entryCount + 500) / 1000) * 1000);
}

export interface LogRefs {
  capacity: number;
  firstRow: number;
  lastRow: number;
  /** "'Nhật ký tiến độ'!$A$5:$A$1004" */
  range(key: LogColumnKey): string;
  /** The same column from row 1, for INDEX by sheet row: "'Nhật ký tiến độ'!$C$1:$C$1004". */
  column(key: LogColumnKey): string;
}

export function logRefs(entryCount: number): LogRefs {
  const capacity = logCapacity(entryCount);
  const lastRow = LOG_FIRST_ROW + capacity - 1;
  return {
    capacity,
    firstRow: LOG_FIRST_ROW,
    lastRow,
    range: (key) => sheetRef(LOG_SHEET, `$${logColumnLetter(key)}$${LOG_FIRST_ROW}:$${logColumnLetter(key)}$${lastRow}`),
    column: (key) => sheetRef(LOG_SHEET, `$${logColumnLetter(key)}$1:$${logColumnLetter(key)}$${lastRow}`),
  };
}

/**
 * The formula of the key whose MOD(…,10^7) is the sheet row of an activity's latest log entry
 * dated on or before `asOf` (0 when none). `idRef` and `asOfRef` are cell references or names.
 */
export function latestEntryKeyFormula(refs: LogRefs, idRef: string, asOfRef: string): string {
  const dates = refs.range("date");
  return `SUMPRODUCT(MAX((${refs.range("activityId")}=${idRef})*(${dates}<=${asOfRef})*(${dates}*10000000+ROW(${dates}))))`;
}

export const LOG_KEY_FACTOR = 10000000;

export interface LogSheetOptions {
  /** Sample data (the demo): a note on the sheet says so. */
  sample?: boolean;
}

/** The log sheet: the table with the entries (sheet row of entry i = LOG_FIRST_ROW + i). */
export function logSheet(plan: Pick<Plan, "activities">, entries: readonly LogEntry[], options: LogSheetOptions = {}): SheetLayout {
  const sheet = emptySheet(LOG_SHEET, "log");
  const refs = logRefs(entries.length);
  const lastCol = columnLetter(LOG_COLUMNS.length - 1);
  sheet.cells.A1 = { v: "NHẬT KÝ TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH", style: "title" };
  sheet.cells.A2 = {
    v: "Mỗi dòng là một lần cập nhật: ngày, mã hoạt động (cột Mã của sheet Kế hoạch), tình trạng, ngày hoàn thành, tài liệu kiểm chứng. " +
      "Tình trạng của một hoạt động tại một ngày là dòng mới nhất đến ngày đó; sheet Kế hoạch và các báo cáo tự tính lại. Thêm dòng mới ở cuối bảng.",
    style: "note",
  };
  if (options.sample) {
    sheet.cells.A3 = {
      v: "DỮ LIỆU MẪU: các dòng có \"Người cập nhật\" là \"Dữ liệu mẫu\" do lệnh cchc demo tạo ra để minh họa, không phải số liệu thật. Xóa chúng trước khi dùng.",
      style: "bold",
    };
    sheet.merges.push(`A3:${lastCol}3`);
  }
  sheet.merges.push(`A1:${lastCol}1`, `A2:${lastCol}2`);
  sheet.rowHeights = { 0: 30, 1: 32, 2: 20 };
  const n = plan.activities.length;
  const ids = planRange("id", n);
  const names = planRange("activity", n);
  const nameOf = new Map(plan.activities.map((a) => [a.id, a.activity]));
  const date = (iso: string | null): Cell => (iso ? { v: iso, kind: "date", style: "inputDate" } : { v: null, style: "inputDate" });
  const rows: Cell[][] = entries.map((e, i) => {
    const r = LOG_FIRST_ROW + i;
    return [
      date(e.date),
      { v: e.activityId, style: "input" },
      { v: LOG_STATUS_LABELS[e.status].vi, style: "input" },
      date(e.completedOn),
      { v: e.evidence, style: "input" },
      { v: e.note, style: "input" },
      { v: e.who, style: "input" },
      { f: `IFERROR(INDEX(${names},MATCH(B${r},${ids},0)),"")`, v: nameOf.get(e.activityId) ?? "", style: "note" },
    ];
  });
  sheet.tables.push({ name: LOG_TABLE, origin: `A${LOG_HEADER_ROW}`, columns: LOG_COLUMNS.map((c) => ({ ...c })), rows, style: "TableStyleLight9" });
  const col = (k: LogColumnKey) => logColumnLetter(k);
  const span = (k: LogColumnKey) => `${col(k)}${refs.firstRow}:${col(k)}${refs.lastRow}`;
  sheet.validations.push(
    { range: span("date"), type: "date", errorStyle: "stop", errorTitle: "Ngày không hợp lệ", errorMessage: "Nhập ngày cập nhật, ví dụ 14/06/2024.", prompt: "Ngày cập nhật (dd/mm/yyyy)" },
    { range: span("activityId"), type: "list", source: ids, errorStyle: "stop", errorTitle: "Mã không có trong kế hoạch", errorMessage: "Chọn mã hoạt động từ cột Mã của sheet Kế hoạch." },
    { range: span("status"), type: "list", values: LOG_STATUSES.map((s) => LOG_STATUS_LABELS[s].vi), errorStyle: "stop", errorTitle: "Tình trạng không hợp lệ", errorMessage: `Chọn: ${LOG_STATUSES.map((s) => LOG_STATUS_LABELS[s].vi).join(", ")}.` },
    { range: span("completedOn"), type: "date", errorStyle: "stop", errorTitle: "Ngày không hợp lệ", errorMessage: "Nhập ngày hoàn thành, ví dụ 10/06/2024; để trống nếu chưa xong.", prompt: "Để trống: lấy ngày cập nhật" },
  );
  sheet.freeze = { rows: LOG_HEADER_ROW, columns: 0 };
  sheet.print = { orientation: "landscape", fitToWidth: true, titleRows: `$${LOG_HEADER_ROW}:$${LOG_HEADER_ROW}`, pageNumbers: true };
  sheet.tabColor = "#107C10";
  return sheet;
}

const planCol = (key: PlanColumnKey) => columnLetter(planColumnIndex(key));

/**
 * The start of the data window of the quarter under way on the date in `asOf` (a cell or a name),
 * with the cut-off start day in `startDay`: core's reportingWindowStart as a formula (DATE rolls
 * month 0 back to December of the year before, in Excel and LibreOffice alike).
 */
export function windowStartFormula(asOf: string, startDay: string): string {
  const y = `YEAR(${asOf})`;
  const k = `(MONTH(${asOf})-MOD(MONTH(${asOf}),3))`;
  const start = (month: string) => `DATE(${y},${month},MIN(${startDay},DAY(DATE(${y},${month}+1,0))))`;
  return `IF(${startDay}=1,DATE(${y},3*INT((MONTH(${asOf})-1)/3)+1,1),IF(${start(k)}<=${asOf},${start(k)},${start(`${k}-3`)}))`;
}

/**
 * Turns the plan sheet's completion date and evidence columns into formulas over the log (see
 * the file comment), with cached values computed by core as of the settings' as-of date, and
 * makes the status formula read the log the way core's statusFromLog does.
 * `planSheet` is the layout built by planSheet(trackedModel(model, log)) (whose status cells
 * already hold core's values, with the log's dates and states).
 */
export function linkPlanToLog(planSheet: SheetLayout, plan: Pick<Plan, "activities">, entries: readonly LogEntry[], asOf: string, isRecurring: (id: string) => boolean): void {
  const table = planSheet.tables.find((t) => t.name === PLAN_TABLE);
  if (!table) throw new Error(`linkPlanToLog: no table ${PLAN_TABLE} on ${planSheet.name}`);
  const refs = logRefs(entries.length);
  const derived = progressFromLog(plan.activities, new LogIndex(entries), asOf, isRecurring);
  const iDone = PLAN_COLUMNS.findIndex((c) => c.key === "completedOn");
  const iEvidence = PLAN_COLUMNS.findIndex((c) => c.key === "evidence");
  const iStatus = PLAN_COLUMNS.findIndex((c) => c.key === "status");
  const L = STATUS_LABELS;
  const recurringLabel = DEADLINE_KIND_LABELS.recurring;
  const windowStart = windowStartFormula(NAMES.asOf, NAMES.cutoffStart);
  table.rows.forEach((row, i) => {
    const r = PLAN_FIRST_ROW + i;
    const a = plan.activities[i];
    if (!a) return;
    const id = `$${planCol("id")}${r}`;
    const key = latestEntryKeyFormula(refs, id, NAMES.asOf);
    const at = `MOD(${key},${LOG_KEY_FACTOR})`;
    const status = `INDEX(${refs.column("status")},${at})`;
    const done = `INDEX(${refs.column("completedOn")},${at})`;
    const day = `INDEX(${refs.column("date")},${at})`;
    const d = derived[a.id];
    // INDEX(…,0) would return a whole column (and Excel would intersect it with this row): test the key first.
    row[iDone] = {
      f: `IF(OR(${planCol("deadlineKind")}${r}="${recurringLabel}",${key}=0),"",IF(${status}="${LOG_DONE_LABEL}",IF(${done}<>"",${done},${day}),""))`,
      v: d.completedOn,
      kind: "date",
      style: "date",
    };
    row[iEvidence] = { f: `IF(${key}=0,"",INDEX(${refs.column("evidence")},${at})&"")`, v: d.evidence, style: "wrap" };
    // The deadline-only status says "Đang thực hiện" or, for a recurring activity, "Thường xuyên";
    // the log decides (statusFromLog): nobody has reported → "Chưa có báo cáo"; a recurring
    // activity by the entries of the quarter under way (see core/activityStatus.ts).
    const st = row[iStatus];
    if (!st?.f) return;
    let f: string;
    if (isRecurring(a.id)) {
      const inWindow = `${refs.range("date")},">="&${windowStart},${refs.range("date")},"<="&${NAMES.asOf}`;
      const count = (extra: string) => `COUNTIFS(${refs.range("activityId")},${id}${extra},${inWindow})`;
      f = `SUBSTITUTE(${st.f},"${L.recurring.vi}",IF(${count(`,${refs.range("status")},"${LOG_DONE_LABEL}"`)}>0,"${L["done-on-time"].vi}",IF(${count("")}>0,"${L["in-progress"].vi}","${L["no-report"].vi}")))`;
    } else {
      f = `SUBSTITUTE(${st.f},"${L["in-progress"].vi}",IF(${key}=0,"${L["no-report"].vi}","${L["in-progress"].vi}"))`;
    }
    row[iStatus] = { ...st, f };
  });
  planSheet.cells.A3 = {
    v: "Cột nền vàng do người dùng nhập (hạn cụ thể cho việc phụ thuộc sự kiện, ghi chú). Ngày hoàn thành, tài liệu kiểm chứng và trạng thái tự tính từ sheet \"Nhật ký tiến độ\" theo ngày trong Cài đặt: cập nhật tiến độ ở đó.",
    style: "note",
  };
}

/**
 * The log table read from a live workbook (Office.js `table.getRange().values`: the header row
 * then the data rows) → entries, each with its sheet row (the table's header is on
 * LOG_HEADER_ROW unless `headerRow` says otherwise). Columns are found by header text.
 */
export function logFromTableValues(values: readonly (readonly unknown[])[], knownIds?: ReadonlySet<string>, headerRow = LOG_HEADER_ROW) {
  const [header = [], ...rows] = values;
  const byHeader = new Map(LOG_COLUMNS.map((c) => [c.header.normalize("NFC").toLowerCase(), c.key]));
  const keyAt = header.map((h) => byHeader.get(String(h ?? "").normalize("NFC").trim().toLowerCase()));
  const mapped = rows.map((row) => {
    const out: Partial<Record<LogColumnKey, unknown>> = {};
    keyAt.forEach((k, i) => { if (k) out[k] = row[i]; });
    return out;
  });
  return entriesFromRows(mapped, knownIds, mapped.map((_, i) => headerRow + 1 + i));
}
