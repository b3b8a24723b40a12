/**
 * The pane's words, Vietnamese first. Messages from services arrive as { vi, en } pairs. Only the
 * shell's words are in the initial bundle; the panels' (panelStrings.ts) load with the panels.
 */
import * as React from "react";
import type { Lang } from "./services/host";
import type { PANEL_STRINGS } from "./panelStrings";

export interface Bilingual {
  vi: string;
  en: string;
}

/** The shell's words (title, tabs, language switch): in the initial bundle. */
const SHELL = {
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
  workbookEmpty: { vi: "Sổ này chưa có kế hoạch. Bắt đầu ở mục Nhập.", en: "This workbook has no plan yet. Start with Import." },
  workbookPlan: { vi: "Sổ đang có kế hoạch: {n} hoạt động.", en: "The workbook holds a plan: {n} activities." },
  loading: { vi: "Đang mở phần bổ trợ…", en: "Starting the add-in…" },
  help: { vi: "Hướng dẫn sử dụng", en: "User guide" },
} satisfies Record<string, Bilingual>;

export type StringKey = keyof typeof SHELL | keyof typeof PANEL_STRINGS;

const strings: Record<string, Bilingual> = { ...SHELL };

/** The panels' words arrive with their chunk (panelStrings.ts registers them on load). */
export function registerStrings(more: Record<string, Bilingual>): void {
  Object.assign(strings, more);
}

export function translate(lang: Lang, key: StringKey, vars?: Record<string, string | number>): string {
  let s = strings[key]?.[lang] ?? key;
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
