/**
 * The =CCHC.* custom functions. Each is a thin, matrix-aware wrapper over src/core (through
 * indicators.ts, schedule.ts and owner.ts in this folder): every argument may be one cell or a
 * range, ranges broadcast against single values, a whole column is one call, and a bad element
 * becomes an Excel error (message in Vietnamese / English) in its own cell; `forExcel` hands core's
 * error values to Excel as the runtime's errors. None is volatile: the as-of date is an argument
 * (a cell holding =TODAY() or the settings' CCHC_ASOF).
 *
 * The JSDoc below is the source of functions.json (custom-functions-metadata-plugin), which also
 * appends the CustomFunctions.associate calls to this module at build time. Keep every custom
 * function in this one file: the plugin reads one input.
 */
import { attainmentFn, comparatorFn, completionFn, metFn, parScoreFn, rateFn, targetFn } from "./indicators";
import { deadlineFn, dueFn, periodFn, statusFn } from "./schedule";
import { ownerFn } from "./owner";
import { forExcel } from "./runtimeErrors";

// Where there is no custom-functions runtime (Excel 2016/2019, a plain browser, jest), the
// associate calls appended at build time must not crash the task pane that shares this bundle.
const host = globalThis as { CustomFunctions?: unknown };
if (typeof host.CustomFunctions === "undefined") {
  host.CustomFunctions = { associate: () => undefined };
}

/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Tỷ lệ: phần chia cho tổng (ví dụ hồ sơ trực tuyến / tổng hồ sơ). Để trống khi chưa nhập số; báo lỗi khi tổng bằng 0 hoặc âm.
 * @customfunction RATE
 * @param part Phần, tử số (số hoặc vùng ô), ví dụ số hồ sơ nộp trực tuyến; chấp nhận "1.234" và "85,3%".
 * @param whole Tổng, mẫu số (số hoặc vùng ô), ví dụ tổng số hồ sơ tiếp nhận; phải lớn hơn 0.
 * @returns Tỷ lệ (0,75 là 75%), cùng kích thước với vùng ô đầu vào.
 */
export function rate(part: any[][], whole: any[][]): any[][] {
  return forExcel(() => rateFn(part, whole));
}

/**
 * Mục tiêu bằng số đọc từ câu chỉ tiêu ("Tối thiểu 75%" → 0,75; "ít nhất 01 sáng kiến" → 1). Lỗi #N/A khi câu không có chỉ tiêu số.
 * @customfunction TARGET
 * @param text Câu chỉ tiêu (ô hoặc vùng ô), ví dụ "Mức độ hài lòng … đạt từ 94% trở lên".
 * @param [index] Thứ tự chỉ tiêu trong câu khi một câu có nhiều chỉ tiêu (1, 2, …); mặc định 1.
 * @returns Mục tiêu: phân số với tỷ lệ phần trăm (0,94), số lượng với chỉ tiêu đếm được.
 */
export function target(text: any[][], index?: any[][]): any[][] {
  return forExcel(() => targetFn(text, index));
}

/**
 * Phép so sánh của chỉ tiêu đọc từ câu: ">=" (tối thiểu, từ … trở lên, ít nhất, đạt), "<=" (tối đa, không quá, dưới) hoặc "=".
 * @customfunction COMPARATOR
 * @param text Câu chỉ tiêu (ô hoặc vùng ô).
 * @param [index] Thứ tự chỉ tiêu trong câu khi một câu có nhiều chỉ tiêu; mặc định 1.
 * @returns ">=", "<=" hoặc "=".
 */
export function comparator(text: any[][], index?: any[][]): any[][] {
  return forExcel(() => comparatorFn(text, index));
}

/**
 * Mức đạt chỉ tiêu: kết quả / mục tiêu với ">=", mục tiêu / kết quả với "<="; tối đa 100% trừ khi cap = FALSE. Để trống khi chưa có kết quả.
 * @customfunction ATTAINMENT
 * @param actual Kết quả thực hiện (số, tỷ lệ hoặc vùng ô), ví dụ 0,72 hoặc "72%".
 * @param target Mục tiêu (số hoặc vùng ô), ví dụ 0,75.
 * @param [comparator] Phép so sánh: ">=" (mặc định), "<=" hoặc "=".
 * @param [cap] TRUE (mặc định) để giới hạn mức đạt ở 100%; FALSE để thấy mức vượt chỉ tiêu.
 * @returns Mức đạt từ 0 đến 1 (định dạng phần trăm).
 */
export function attainment(actual: any[][], target: any[][], comparator?: any[][], cap?: any[][]): any[][] {
  return forExcel(() => attainmentFn(actual, target, comparator, cap));
}

/**
 * Đạt chỉ tiêu hay không: áp dụng phép so sánh giữa kết quả và mục tiêu (sai số 1e-9). Để trống khi chưa có kết quả.
 * @customfunction MET
 * @param actual Kết quả thực hiện (số, tỷ lệ hoặc vùng ô).
 * @param target Mục tiêu (số hoặc vùng ô).
 * @param [comparator] Phép so sánh: ">=" (mặc định), "<=" hoặc "=".
 * @returns TRUE khi đạt, FALSE khi chưa đạt.
 */
export function met(actual: any[][], target: any[][], comparator?: any[][]): any[][] {
  return forExcel(() => metFn(actual, target, comparator));
}

/**
 * Ngày bắt đầu hoặc kết thúc của thời hạn ghi bằng chữ ("Quý II/2024", "Trước 15/01/2024", "6 tháng đầu năm") dưới dạng ngày Excel. Lỗi #N/A khi thời hạn không có ngày ("Theo Kế hoạch của UBND huyện").
 * @customfunction DEADLINE
 * @param text Thời gian hoàn thành (ô hoặc vùng ô); một ngày Excel được giữ nguyên.
 * @param [which] "start" (ngày bắt đầu) hoặc "end" (ngày kết thúc, mặc định).
 * @param [year] Năm kế hoạch cho thời hạn không ghi năm, ví dụ CCHC_YEAR.
 * @returns Ngày Excel (số sê-ri), định dạng ngày dd/mm/yyyy.
 */
export function deadline(text: any[][], which?: any[][], year?: any[][]): any[][] {
  return forExcel(() => deadlineFn(text, which, year));
}

/**
 * Trạng thái nhiệm vụ tính đến một ngày: Hoàn thành đúng hạn, Hoàn thành quá hạn, Đang thực hiện, Quá hạn, Chưa đến hạn hoặc Thường xuyên.
 * @customfunction STATUS
 * @param deadline Thời hạn bằng chữ, hoặc một ngày Excel do người dùng nhập (ô hoặc vùng ô).
 * @param completedOn Ngày hoàn thành; để trống khi chưa hoàn thành.
 * @param asOf Ngày tính trạng thái, ví dụ CCHC_ASOF hoặc một ô chứa =TODAY().
 * @param [year] Năm kế hoạch cho thời hạn không ghi năm; mặc định là năm của ngày tính.
 * @returns Tên trạng thái bằng tiếng Việt.
 */
export function status(deadline: any[][], completedOn: any[][], asOf: any[][], year?: any[][]): any[][] {
  return forExcel(() => statusFn(deadline, completedOn, asOf, year));
}

/**
 * Kỳ báo cáo chứa một ngày theo ngày chốt số liệu của Nghị định 09/2019/NĐ-CP (quý I: 15/12 năm trước – 14/03): "Quý II/2024", "6 tháng/2024", "9 tháng/2024", "Năm 2024".
 * @customfunction PERIOD
 * @param date Ngày (ô hoặc vùng ô).
 * @param [kind] Loại kỳ: "quý" (mặc định), "6 tháng", "9 tháng" hoặc "năm".
 * @param [cutoffStartDay] Ngày bắt đầu kỳ số liệu trong tháng trước kỳ (mặc định 15), ví dụ CCHC_CUTOFF_START.
 * @param [cutoffEndDay] Ngày chốt số liệu trong tháng cuối kỳ (mặc định 14), ví dụ CCHC_CUTOFF_END.
 * @returns Tên kỳ báo cáo.
 */
export function period(date: any[][], kind?: any[][], cutoffStartDay?: any[][], cutoffEndDay?: any[][]): any[][] {
  return forExcel(() => periodFn(date, kind, cutoffStartDay, cutoffEndDay));
}

/**
 * Nhiệm vụ có đến hạn trong kỳ báo cáo hay không (hạn rơi vào quý, 6 tháng, 9 tháng hoặc năm đó; việc thường xuyên đến hạn mọi kỳ).
 * @customfunction DUE
 * @param deadline Thời hạn bằng chữ, hoặc một ngày Excel do người dùng nhập (ô hoặc vùng ô).
 * @param period Kỳ báo cáo, ví dụ "Q2/2024", "Quý II/2024", "H1-2024", "9M-2024", "Năm 2024".
 * @param [year] Năm kế hoạch cho thời hạn không ghi năm; mặc định là năm của kỳ báo cáo.
 * @returns TRUE khi đến hạn trong kỳ, FALSE khi không.
 */
export function due(deadline: any[][], period: any[][], year?: any[][]): any[][] {
  return forExcel(() => dueFn(deadline, period, year));
}

/**
 * Tỷ lệ hoàn thành kế hoạch dạng "x/y": số nhiệm vụ hoàn thành (đúng hạn hoặc quá hạn) trên tổng số nhiệm vụ có trạng thái.
 * @customfunction COMPLETION
 * @param statuses Vùng ô trạng thái, ví dụ cột Trạng thái của sheet Kế hoạch.
 * @param [dueOnly] TRUE để chỉ tính các nhiệm vụ đã đến hạn (bỏ "Chưa đến hạn"); mặc định FALSE.
 * @returns Chuỗi "x/y", ví dụ "45/60".
 */
export function completion(statuses: any[][], dueOnly?: any): string {
  return forExcel(() => completionFn(statuses, dueOnly));
}

/**
 * Điểm tiêu chí hoàn thành kế hoạch của Chỉ số CCHC: đủ điểm khi đạt ngưỡng tối đa (100%), điểm theo tỷ lệ từ ngưỡng tối thiểu (80%), 0 điểm dưới ngưỡng.
 * @customfunction PARSCORE
 * @param rate Tỷ lệ hoàn thành (số, "85%", "45/60" hoặc vùng ô).
 * @param maxPoints Điểm tối đa của tiêu chí, ví dụ CCHC_PAR_POINTS.
 * @param [thresholds] Vùng hai ô của sheet Cài đặt: tỷ lệ đạt điểm tối đa và tỷ lệ tối thiểu được tính điểm (mặc định 100%, 80%).
 * @returns Số điểm.
 */
export function parscore(rate: any[][], maxPoints: any[][], thresholds?: any[][]): any[][] {
  return forExcel(() => parScoreFn(rate, maxPoints, thresholds));
}

/**
 * Tên chuẩn của đơn vị chủ trì viết theo nhiều cách ("VH-TT", "Văn hoá thông tin", "TP-HT"). Lỗi #N/A khi không rõ đơn vị, kèm gợi ý tên gần nhất.
 * @customfunction OWNER
 * @param text Tên đơn vị như đã viết (ô hoặc vùng ô).
 * @param [units] Vùng danh mục đơn vị của sheet Đơn vị (Tên đơn vị, Tên khác, Viết tắt, Loại); mặc định danh mục chuẩn cấp xã.
 * @returns Tên đơn vị chuẩn.
 */
export function owner(text: any[][], units?: any[][]): any[][] {
  return forExcel(() => ownerFn(text, units));
}
