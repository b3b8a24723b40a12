/** The pane's words, Vietnamese first. Messages from services arrive as { vi, en } pairs. */
import * as React from "react";
import type { Lang } from "./services/host";

export interface Bilingual {
  vi: string;
  en: string;
}

const S = {
  appTitle: { vi: "Kế hoạch CCHC", en: "Reform plan (CCHC)" },
  appSubtitle: { vi: "Theo dõi kế hoạch cải cách hành chính của xã", en: "Tracking the commune's administrative-reform plan" },
  english: { vi: "English", en: "English" },
  languageSwitch: { vi: "Hiển thị bằng tiếng Anh", en: "Show in English" },
  tasks: { vi: "Các việc", en: "Tasks" },
  tabImport: { vi: "Nhập", en: "Import" },
  tabChecks: { vi: "Kiểm tra", en: "Check" },
  tabProgress: { vi: "Tiến độ", en: "Progress" },
  tabReport: { vi: "Báo cáo", en: "Report" },
  tabExport: { vi: "Gửi cấp trên", en: "Export report" },
  tabRollup: { vi: "Tổng hợp", en: "Consolidate" },
  tabSettings: { vi: "Cài đặt", en: "Settings" },
  headImport: { vi: "Nhập kế hoạch", en: "Import the plan" },
  headChecks: { vi: "Kiểm tra kế hoạch", en: "Check the plan" },
  headProgress: { vi: "Cập nhật tiến độ", en: "Log progress" },
  headReport: { vi: "Báo cáo định kỳ", en: "Periodic report" },
  headExport: { vi: "Gửi báo cáo cho cấp trên", en: "Send the report to the level above" },
  headRollup: { vi: "Tổng hợp báo cáo các xã", en: "Consolidate the communes' reports" },
  headSettings: { vi: "Cài đặt", en: "Settings" },
  workbookEmpty: { vi: "Sổ này chưa có kế hoạch. Bắt đầu ở mục Nhập.", en: "This workbook has no plan yet. Start with Import." },
  workbookPlan: { vi: "Sổ đang có kế hoạch: {n} hoạt động.", en: "The workbook holds a plan: {n} activities." },
  loading: { vi: "Đang mở phần bổ trợ…", en: "Starting the add-in…" },
  cancel: { vi: "Hủy", en: "Cancel" },
  dismiss: { vi: "Đóng thông báo", en: "Dismiss" },
  errorTitle: { vi: "Chưa làm được", en: "That did not work" },
  doneTitle: { vi: "Đã xong", en: "Done" },
  missingTitle: { vi: "Excel này thiếu một số tính năng", en: "This Excel lacks some features" },
  missingIntro: { vi: "Phần bổ trợ vẫn dùng được; những phần sau được bỏ qua:", en: "The add-in still works; these parts are skipped:" },
  nativeMode: {
    vi: "Excel này không chạy được hàm =CCHC.* (ví dụ Excel 2019): sổ dùng công thức Excel sẵn có và giá trị tính sẵn; nhập, kiểm tra và báo cáo vẫn hoạt động.",
    en: "This Excel cannot run the =CCHC.* functions (e.g. Excel 2019): the workbook uses built-in formulas and computed values; import, checks and reports still work.",
  },
  skippedTitle: { vi: "Đã bỏ qua trên Excel này", en: "Skipped in this Excel" },
  // No Office
  noOfficeTitle: { vi: "Hãy mở trang này trong Excel", en: "Open this page inside Excel" },
  noOfficeBody: {
    vi: "Đây là ngăn tác vụ của phần bổ trợ Kế hoạch CCHC, chỉ chạy bên trong Microsoft Excel (Windows, Mac hoặc Excel trên web). Trong Excel, chọn Trang chủ > Kế hoạch CCHC (hoặc Chèn > Phần bổ trợ của tôi).",
    en: "This is the task pane of the CCHC plan add-in; it only runs inside Microsoft Excel (Windows, Mac or Excel on the web). In Excel, choose Home > Reform plan (or Insert > My Add-ins).",
  },
  otherHostBody: { vi: "Phần bổ trợ này dành cho Excel, không dùng được trong {host}.", en: "This add-in is for Excel; it does not work in {host}." },
  // Import
  importSource: { vi: "Nguồn kế hoạch", en: "Plan source" },
  srcEmbedded: { vi: "Dữ liệu mẫu để dùng thử: kế hoạch xã Hồng Lộc năm 2024", en: "Sample data to try the add-in: Hồng Lộc commune's 2024 plan" },
  sampleData: { vi: "Đây là dữ liệu mẫu, không phải kế hoạch của xã bạn.", en: "This is sample data, not your commune's plan." },
  currentPlan: { vi: "Kế hoạch đang có trong sổ", en: "The plan in this workbook" },
  planLine: { vi: "xã {commune}, năm {year}, {n} hoạt động", en: "commune {commune}, year {year}, activities: {n}" },
  indicatorsWord: { vi: "chỉ tiêu", en: "targets" },
  indicatorsRead: { vi: "Chỉ tiêu đọc được", en: "Targets read" },
  replaceTitle: { vi: "Thay kế hoạch của xã khác hoặc năm khác?", en: "Replace the plan with another commune's or year's?" },
  replaceNow: { vi: "Sổ đang có:", en: "The workbook holds:" },
  replaceWith: { vi: "Kế hoạch vừa đọc:", en: "The plan just read:" },
  replaceArchive: { vi: "{n} hoạt động của kế hoạch cũ sẽ chuyển sang trang Lưu trữ (không xóa); tiến độ đã ghi của chúng đi theo.", en: "Activities of the old plan moved to the Lưu trữ (archive) sheet, not deleted, with their logged progress: {n}." },
  replaceConfirm: { vi: "Thay bằng kế hoạch vừa đọc", en: "Replace with the plan just read" },
  srcDocx: { vi: "Tệp Word (.docx) có bảng phụ lục", en: "A Word file (.docx) holding the appendix" },
  srcSelection: { vi: "Vùng đang chọn trong Excel", en: "The range selected in Excel" },
  chooseFile: { vi: "Chọn tệp .docx", en: "Choose the .docx file" },
  srcFile: { vi: "Tệp phụ lục: Word (.docx) hoặc bảng Excel (.xlsx)", en: "An appendix file: Word (.docx) or an Excel table (.xlsx)" },
  chooseAppendix: { vi: "Chọn tệp .docx hoặc .xlsx", en: "Choose the .docx or .xlsx file" },
  selectionHint: { vi: "Chọn cả bảng phụ lục (kể cả dòng tiêu đề cột) trên trang tính rồi bấm Đọc.", en: "Select the whole appendix table (header row included) on the sheet, then press Read." },
  yearField: { vi: "Năm kế hoạch", en: "Plan year" },
  communeField: { vi: "Tên xã", en: "Commune" },
  yearHint: { vi: "Để trống để lấy từ tiêu đề văn bản", en: "Leave empty to take it from the document's title" },
  read: { vi: "Đọc kế hoạch", en: "Read the plan" },
  reading: { vi: "Đang đọc kế hoạch…", en: "Reading the plan…" },
  whatWasRead: { vi: "Đã đọc được", en: "What was read" },
  activities: { vi: "hoạt động", en: "activities" },
  groups: { vi: "Nhóm nhiệm vụ", en: "Groups" },
  groupCol: { vi: "Nhóm", en: "Group" },
  titleCol: { vi: "Tên nhóm", en: "Title" },
  countCol: { vi: "Số hoạt động", en: "Activities" },
  headerMapping: { vi: "Cột của bảng được hiểu là", en: "How the table's columns were read" },
  fieldCol: { vi: "Trường", en: "Field" },
  columnCol: { vi: "Tiêu đề cột trong văn bản", en: "Column header in the document" },
  notFound: { vi: "(không có)", en: "(none)" },
  warnings: { vi: "Lưu ý khi đọc", en: "Notes from reading" },
  diffTitle: { vi: "So với kế hoạch đang có trong sổ", en: "Compared with the plan in the workbook" },
  diffAdded: { vi: "Thêm mới", en: "Added" },
  diffRemoved: { vi: "Bỏ đi (sẽ chuyển sang trang Lưu trữ, không xóa)", en: "Removed (moved to the archive sheet, not deleted)" },
  diffChanged: { vi: "Thay đổi nội dung", en: "Changed" },
  diffKept: { vi: "Giữ nguyên tiến độ đã nhập", en: "Progress kept" },
  diffNone: { vi: "Không có thay đổi nào so với kế hoạch đang có.", en: "No change from the plan in the workbook." },
  apply: { vi: "Đưa vào sổ Excel", en: "Write into the workbook" },
  applyAgain: { vi: "Cập nhật kế hoạch trong sổ", en: "Update the plan in the workbook" },
  writing: { vi: "Đang ghi vào sổ Excel…", en: "Writing into the workbook…" },
  imported: { vi: "Đã đưa {n} hoạt động vào sổ; trang tính: {sheets}.", en: "{n} activities written; sheets: {sheets}." },
  // Checks
  recheck: { vi: "Kiểm tra lại", en: "Check again" },
  autoRecheck: { vi: "Tự kiểm tra lại khi sửa sheet Kế hoạch", en: "Check again after edits to the plan sheet" },
  autoRecheckUnavailable: { vi: "Excel này không báo khi sheet thay đổi (cần ExcelApi 1.7): hãy bấm Kiểm tra lại sau khi sửa.", en: "This Excel does not report sheet edits (needs ExcelApi 1.7): click Check again after editing." },
  check: { vi: "Kiểm tra kế hoạch", en: "Check the plan" },
  checking: { vi: "Đang kiểm tra…", en: "Checking…" },
  noPlanYet: { vi: "Chưa có kế hoạch trong sổ: hãy nhập kế hoạch trước.", en: "No plan in the workbook yet: import one first." },
  noFindings: { vi: "Không thấy lỗi nào.", en: "No problems found." },
  findingsSummary: { vi: "{e} lỗi, {w} cảnh báo, {i} lưu ý", en: "Errors: {e}, warnings: {w}, notes: {i}" },
  sevError: { vi: "Lỗi", en: "Errors" },
  sevWarning: { vi: "Cảnh báo", en: "Warnings" },
  sevInfo: { vi: "Lưu ý", en: "Notes" },
  goToCell: { vi: "Đến ô", en: "Go to cell" },
  suggestion: { vi: "Gợi ý", en: "Suggestion" },
  selectedCell: { vi: "Đã chọn ô {cell} trên trang {sheet}.", en: "Cell {cell} selected on the sheet {sheet}." },
  // Progress
  activity: { vi: "Hoạt động", en: "Activity" },
  useSelection: { vi: "Lấy hoạt động ở dòng đang chọn", en: "Use the selected row's activity" },
  notOnPlanRow: { vi: "Ô đang chọn không nằm trên một dòng của bảng Kế hoạch. Hãy chọn một ô trong dòng hoạt động, hoặc chọn trong danh sách.", en: "The selected cell is not on a row of the plan table. Select a cell on the activity's row, or pick it from the list." },
  pickActivity: { vi: "Chọn hoạt động", en: "Choose the activity" },
  lead: { vi: "Chủ trì", en: "Lead" },
  deadline: { vi: "Thời hạn", en: "Deadline" },
  currentStatus: { vi: "Trạng thái hiện tại", en: "Current status" },
  status: { vi: "Tình trạng", en: "Status" },
  entryDate: { vi: "Ngày cập nhật", en: "Date of the update" },
  completedOn: { vi: "Ngày hoàn thành", en: "Completed on" },
  evidence: { vi: "Tài liệu kiểm chứng (số văn bản hoặc đường dẫn)", en: "Evidence (document number or link)" },
  note: { vi: "Ghi chú", en: "Note" },
  who: { vi: "Người cập nhật", en: "Updated by" },
  addEntry: { vi: "Ghi vào nhật ký", en: "Add to the log" },
  entryAdded: { vi: "Đã ghi tiến độ của hoạt động \"{name}\" vào Nhật ký tiến độ.", en: "Progress of activity \"{name}\" added to the log." },
  dateInvalid: { vi: "Ngày không hợp lệ: hãy nhập theo dạng ngày/tháng/năm.", en: "Invalid date: use day/month/year." },
  // Report
  periodKind: { vi: "Kỳ báo cáo", en: "Reporting period" },
  kindQuarter: { vi: "Quý", en: "Quarter" },
  kindHalf: { vi: "6 tháng", en: "6 months" },
  kindNine: { vi: "9 tháng", en: "9 months" },
  kindYear: { vi: "Năm", en: "Year" },
  kindAdhoc: { vi: "Đột xuất", en: "Ad hoc" },
  quarter: { vi: "Quý", en: "Quarter" },
  from: { vi: "Từ ngày", en: "From" },
  to: { vi: "Đến ngày", en: "To" },
  buildReport: { vi: "Lập báo cáo", en: "Build the report" },
  rebuildReport: { vi: "Lập lại báo cáo", en: "Rebuild the report" },
  building: { vi: "Đang lập báo cáo…", en: "Building the report…" },
  reportBuilt: { vi: "Đã lập trang \"{sheet}\": hoàn thành {done}/{total} nhiệm vụ, đạt {rate}.", en: "Sheet \"{sheet}\" built: {done}/{total} tasks done, {rate}." },
  cutoff: { vi: "Số liệu từ {start} đến {end}", en: "Data from {start} to {end}" },
  // Export
  exportSheets: { vi: "Trang tính gửi đi", en: "Sheets to send" },
  noReports: { vi: "Chưa có trang báo cáo nào: hãy lập báo cáo trước.", en: "No report sheet yet: build a report first." },
  includePlan: { vi: "Kèm bảng kế hoạch có trạng thái", en: "Include the plan with statuses" },
  exportBtn: { vi: "Xuất tệp gửi cấp trên", en: "Export for the level above" },
  exporting: { vi: "Đang tạo tệp…", en: "Creating the file…" },
  exportOpened: { vi: "Đã mở tệp {file} thành một sổ Excel mới: hãy lưu hoặc gửi sổ đó.", en: "{file} was opened as a new workbook: save or send it." },
  download: { vi: "Tải tệp {file}", en: "Download {file}" },
  exportReady: { vi: "Tệp {file} đã sẵn sàng.", en: "{file} is ready." },
  // Rollup
  chooseFiles: { vi: "Chọn các tệp báo cáo của xã (.xlsx)", en: "Choose the communes' report files (.xlsx)" },
  rollupBtn: { vi: "Tổng hợp", en: "Consolidate" },
  rollingUp: { vi: "Đang tổng hợp…", en: "Consolidating…" },
  rollupDone: { vi: "Đã tổng hợp {n} xã.", en: "Communes consolidated: {n}." },
  rollupProblems: { vi: "Tệp không được tính", en: "Files not counted" },
  filesChosen: { vi: "{n} tệp đã chọn", en: "Files chosen: {n}" },
  filesChosenTitle: { vi: "Các tệp đã chọn", en: "The files chosen" },
  fileCol: { vi: "Tệp", en: "File" },
  // Settings
  saveSettings: { vi: "Lưu cài đặt vào sổ", en: "Save the settings" },
  saving: { vi: "Đang lưu…", en: "Saving…" },
  settingsSaved: { vi: "Đã lưu cài đặt.", en: "Settings saved." },
  settingsNoSheet: { vi: "Sổ chưa có trang Cài đặt: hãy nhập kế hoạch trước.", en: "The workbook has no settings sheet yet: import a plan first." },
  unit: { vi: "Cơ quan ban hành", en: "Issuing body" },
  commune: { vi: "Xã", en: "Commune" },
  district: { vi: "Huyện (kế hoạch trước 01/7/2025)", en: "District (plans before 1/7/2025)" },
  province: { vi: "Tỉnh", en: "Province" },
  year: { vi: "Năm kế hoạch", en: "Plan year" },
  asOf: { vi: "Tính đến ngày", en: "As of" },
  cutoffStart: { vi: "Ngày bắt đầu kỳ số liệu (của tháng trước kỳ)", en: "Data window starts on day (of the month before)" },
  cutoffEnd: { vi: "Ngày chốt số liệu (của tháng cuối kỳ)", en: "Data cut-off day (of the period's last month)" },
  parFull: { vi: "Chỉ số CCHC: tỷ lệ hoàn thành đạt điểm tối đa (%)", en: "Reform index: completion for full points (%)" },
  parPartial: { vi: "Chỉ số CCHC: tỷ lệ tối thiểu được tính điểm (%)", en: "Reform index: minimum completion that scores (%)" },
  parPoints: { vi: "Chỉ số CCHC: điểm tối đa của tiêu chí", en: "Reform index: maximum points" },
  signer: { vi: "Người ký báo cáo", en: "Report signed by" },
  receiver: { vi: "Cấp trên nhận báo cáo", en: "Level above that receives the reports" },
  receiverNote: {
    vi: "Tên trong Nơi nhận, tệp gửi và bảng tổng hợp. Trước 01/7/2025: UBND huyện (Phòng Nội vụ); từ 01/7/2025: UBND tỉnh (Sở Nội vụ).",
    en: "Named in the recipients, the exported file and the summary. Before 1/7/2025: the district's Phòng Nội vụ; since: the province's Sở Nội vụ.",
  },
  cutoffNote: { vi: "Mặc định theo Nghị định 09/2019/NĐ-CP, Điều 12: từ ngày 15 tháng trước đến ngày 14 tháng cuối kỳ.", en: "Defaults follow Decree 09/2019/NĐ-CP, Art. 12: from the 15th of the month before to the 14th of the last month." },
  help: { vi: "Hướng dẫn sử dụng", en: "User guide" },
} satisfies Record<string, Bilingual>;

export type StringKey = keyof typeof S;

export function translate(lang: Lang, key: StringKey, vars?: Record<string, string | number>): string {
  let s = S[key][lang];
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

export function pick(lang: Lang, m: Bilingual | undefined | null): string {
  if (!m) return "";
  return lang === "en" ? m.en : m.vi;
}

export const LangContext = React.createContext<Lang>("vi");

export function useT() {
  const lang = React.useContext(LangContext);
  return React.useMemo(() => {
    const t = (key: StringKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
    return Object.assign(t, { lang, pick: (m: Bilingual | undefined | null) => pick(lang, m) });
  }, [lang]);
}
