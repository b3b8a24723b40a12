/**
 * The command's usage errors: a command line that cannot be run as written. Each is a CchcError
 * with a stable code and a Vietnamese and English sentence saying what to write instead; the
 * command exits 2 and shows the command's usage (src/cli/main.ts).
 */
import { CchcError } from "../core/errors";

export type UsageErrorCode =
  | "usage-unknown-command"
  | "usage-unknown-option"
  | "usage-option-needs-value"
  | "usage-option-takes-no-value"
  | "usage-unexpected-argument"
  | "usage-plan-source" // no appendix file and no --default, or more than one file
  | "usage-default-with-file"
  | "usage-no-output"
  | "usage-workbook" // not exactly one WORKBOOK.xlsx
  | "usage-exports" // rollup without any commune file
  | "usage-deadline-text"
  | "usage-bad-year"
  | "usage-bad-date"
  | "usage-bad-date-time"
  | "usage-missing-period"
  | "usage-bad-period"
  | "usage-bad-formulas";

export class UsageError extends CchcError {
  declare readonly code: UsageErrorCode;

  constructor(code: UsageErrorCode, vi: string, en: string) {
    super(code, { vi, en });
    this.name = "UsageError";
  }
}

const PERIODS = "Q1-2024 … Q4-2024, H1-2024, 9M-2024, Y-2024, 2024-03-01..2024-04-15";

/** The standard messages, one place, so every command words them alike. */
export const usageErrors = {
  unknownCommand: (name: string) =>
    new UsageError("usage-unknown-command", `Không có lệnh "${name}": chọn một lệnh trong danh sách dưới đây.`, `There is no command "${name}": pick one from the list below.`),
  unknownOption: (key: string) =>
    new UsageError("usage-unknown-option", `Không có tùy chọn --${key}: kiểm tra lại chính tả.`, `There is no option --${key}: check its spelling.`),
  optionNeedsValue: (key: string) =>
    new UsageError("usage-option-needs-value", `Tùy chọn --${key} cần một giá trị: viết --${key} <giá trị>.`, `--${key} needs a value: write --${key} <value>.`),
  optionTakesNoValue: (key: string) =>
    new UsageError("usage-option-takes-no-value", `Tùy chọn --${key} không nhận giá trị: bỏ phần "=…".`, `--${key} takes no value: drop the "=…".`),
  unexpectedArgument: (arg: string) =>
    new UsageError("usage-unexpected-argument", `Lệnh này không nhận "${arg}": bỏ đi.`, `This command takes no "${arg}": remove it.`),
  planSource: () =>
    new UsageError("usage-plan-source", "Cần đúng một tệp phụ lục kế hoạch (.docx hoặc .xlsx), hoặc --default để dùng kế hoạch mẫu.",
      "Give exactly one plan appendix (.docx or .xlsx), or --default for the embedded plan."),
  defaultWithFile: (file: string) =>
    new UsageError("usage-default-with-file", `--default dùng kế hoạch mẫu nên không nhận tệp "${file}": bỏ --default hoặc bỏ tên tệp.`,
      `--default uses the embedded plan and takes no file ("${file}"): drop --default or the file name.`),
  noOutput: () =>
    new UsageError("usage-no-output", "Chưa nói cần tạo gì: thêm --json (in kế hoạch) và/hoặc --out SỔ.xlsx (ghi sổ Excel).",
      "Say what to produce: add --json (print the plan) and/or --out WORKBOOK.xlsx (write the workbook)."),
  workbook: () =>
    new UsageError("usage-workbook", "Cần đúng một sổ Excel của add-in (WORKBOOK.xlsx), ví dụ sổ do cchc import --out tạo ra.",
      "Give exactly one add-in workbook (WORKBOOK.xlsx), such as one written by cchc import --out."),
  exports: () =>
    new UsageError("usage-exports", "Cần ít nhất một tệp báo cáo các xã đã xuất (FILE.xlsx, do cchc export tạo ra).",
      "Give at least one commune's exported file (FILE.xlsx, written by cchc export)."),
  rollupOutput: () =>
    new UsageError("usage-no-output", "Chưa nói cần tạo gì: thêm --out TỔNG-HỢP.xlsx (ghi sổ tổng hợp) hoặc --json.",
      "Say what to produce: add --out SUMMARY.xlsx (write the summary workbook) or --json."),
  deadlineText: () =>
    new UsageError("usage-deadline-text", 'Cần đúng một thời hạn, trong ngoặc kép, ví dụ "Quý II/2024".', 'Give exactly one deadline text, in quotes, e.g. "Quý II/2024".'),
  badYear: (text: string) =>
    new UsageError("usage-bad-year", `--year phải là một năm từ 1900 đến 2200, ví dụ --year 2024 (đang là "${text}").`,
      `--year must be a year from 1900 to 2200, e.g. --year 2024 (got "${text}").`),
  badDate: (key: string, text: string) =>
    new UsageError("usage-bad-date", `--${key} phải là một ngày có thật, ví dụ --${key} 2024-06-14 hoặc 14/06/2024 (đang là "${text}").`,
      `--${key} must be a real date, e.g. --${key} 2024-06-14 or 14/06/2024 (got "${text}").`),
  badDateTime: (key: string, text: string) =>
    new UsageError("usage-bad-date-time", `--${key} phải là ngày giờ ISO, ví dụ --${key} 2024-06-20T08:00:00Z (đang là "${text}").`,
      `--${key} must be an ISO date-time, e.g. --${key} 2024-06-20T08:00:00Z (got "${text}").`),
  missingPeriod: () =>
    new UsageError("usage-missing-period", `Thiếu kỳ báo cáo: thêm --period, ví dụ --period Q2-2024 (${PERIODS}).`,
      `The reporting period is missing: add --period, e.g. --period Q2-2024 (${PERIODS}).`),
  badPeriod: (token: string) =>
    new UsageError("usage-bad-period", `--period "${token}" không phải là kỳ báo cáo: viết một trong ${PERIODS}.`,
      `--period "${token}" is not a reporting period: write one of ${PERIODS}.`),
  badFormulas: (text: string) =>
    new UsageError("usage-bad-formulas", `--formulas phải là "native" (công thức có sẵn của Excel: mở được ở mọi Excel) hoặc "custom" (hàm CCHC.* của phần bổ trợ) (đang là "${text}").`,
      `--formulas must be "native" (Excel's built-in formulas: open in any Excel) or "custom" (the add-in's CCHC.* functions) (got "${text}").`),
};
