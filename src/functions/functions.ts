/**
 * The =CCHC.* custom functions. Each is a thin, matrix-aware wrapper over src/core.
 * The JSDoc below is the source of functions.json (custom-functions-metadata-plugin), which also
 * appends the CustomFunctions.associate calls to this file at build time.
 */
import { elementwise } from "./matrix";
import { excelError } from "./excelError";
import { toNumber } from "./coerce";

// Where there is no custom-functions runtime (Excel 2016/2019, a plain browser, jest), the
// associate calls appended at build time must not crash the task pane that shares this bundle.
const host = globalThis as { CustomFunctions?: unknown };
if (typeof host.CustomFunctions === "undefined") {
  host.CustomFunctions = { associate: () => undefined };
}

/**
 * Tỷ lệ: phần chia cho tổng (ví dụ hồ sơ trực tuyến / tổng hồ sơ). Báo lỗi khi tổng bằng 0 hoặc âm.
 * @customfunction RATE
 * @param part Phần (số hoặc vùng ô), ví dụ số hồ sơ nộp trực tuyến.
 * @param whole Tổng (số hoặc vùng ô), ví dụ tổng số hồ sơ tiếp nhận.
 * @returns Tỷ lệ từ 0 đến 1 (định dạng phần trăm), cùng kích thước với vùng ô đầu vào.
 */
export function rate(part: any[][], whole: any[][]): any[][] {
  return elementwise([part, whole], (p, w) => {
    const x = toNumber(p, "phần / part");
    const y = toNumber(w, "tổng / whole");
    if (y <= 0) throw excelError("#DIV/0!", "Tổng phải lớn hơn 0 / The whole must be greater than 0");
    if (x < 0) throw excelError("#NUM!", "Phần không được âm / The part must not be negative");
    return x / y;
  });
}
