/**
 * Any failure → one plain sentence (Vietnamese and English) saying what happened and what to do.
 * Small on purpose (initial bundle): recognises errors by shape, not by importing their classes.
 */
import type { Bilingual } from "../i18n";

interface Shaped {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  messageVi?: unknown;
  messageEn?: unknown;
}

export function describeError(e: unknown): Bilingual {
  const o = (typeof e === "object" && e !== null ? e : {}) as Shaped;
  if (typeof o.messageVi === "string" && typeof o.messageEn === "string") return { vi: o.messageVi, en: o.messageEn };
  const code = typeof o.code === "string" ? o.code : "";
  const message = typeof o.message === "string" ? o.message : String(e);
  if (code === "InvalidOperationInCellEditMode" || /cell edit mode/i.test(message)) {
    return { vi: "Excel đang ở chế độ sửa ô. Hãy nhấn Enter hoặc Esc để rời ô đang sửa rồi thử lại.", en: "Excel is in cell-edit mode. Press Enter or Esc to leave the cell, then try again." };
  }
  if (code === "AccessDenied" || /protect/i.test(message)) {
    return { vi: "Sổ hoặc trang tính đang được bảo vệ. Hãy bỏ bảo vệ (Xem lại > Bỏ bảo vệ) rồi thử lại.", en: "The workbook or sheet is protected. Unprotect it (Review > Unprotect) and try again." };
  }
  if (/ChunkLoadError|Loading chunk|import\(\)|Failed to fetch dynamically/i.test(`${String(o.name)} ${message}`)) {
    return { vi: "Không tải được một phần của phần bổ trợ (mất kết nối mạng?). Hãy kiểm tra mạng rồi thử lại.", en: "Part of the add-in could not be loaded (network down?). Check the connection and try again." };
  }
  return {
    vi: `Có lỗi không mong đợi (${message}). Hãy thử lại; nếu vẫn lỗi, đóng rồi mở lại ngăn tác vụ.`,
    en: `Unexpected error (${message}). Try again; if it persists, close and reopen the task pane.`,
  };
}
