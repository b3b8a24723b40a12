/**
 * How a table's columns are recognised when read back: by their header's meaning (matchKey: case,
 * spacing and "hoá"/"hóa" spellings aside) or an accepted other wording, never by position — so a
 * person may reorder, rename slightly or insert columns.
 */
import { matchKey } from "../core/text";
import { LOG_COLUMNS, type LogColumnKey } from "./logSheet";
import { PLAN_COLUMNS, type PlanColumnKey } from "./planColumns";

export interface ColumnSpec<K extends string = string> {
  key: K;
  header: string;
  /** Other header wordings accepted for this column. */
  aliases?: string[];
  /** Read as an ISO date (serial numbers and dd/mm/yyyy text are converted). */
  date?: boolean;
}

/** A header or label as compared: its meaning, not its spelling. */
export const headerKey = (s: unknown) => matchKey(String(s ?? ""));

/** Maps header texts to column keys: exact wording first, then aliases, all through matchKey. */
export function mapHeaders<K extends string>(headers: unknown[], specs: ColumnSpec<K>[]): { columns: Partial<Record<K, number>>; mapping: Array<{ header: string; key: K | null }>; missing: K[] } {
  const lookup = new Map<string, K>();
  for (const s of specs) {
    for (const h of [s.header, ...(s.aliases ?? []), s.key]) {
      const k = headerKey(h);
      if (k && !lookup.has(k)) lookup.set(k, s.key);
    }
  }
  const columns: Partial<Record<K, number>> = {};
  const mapping = headers.map((h, i) => {
    const k = lookup.get(headerKey(h)) ?? null;
    if (k !== null && columns[k] === undefined) columns[k] = i;
    return { header: String(h ?? ""), key: k };
  });
  const missing = specs.map((s) => s.key).filter((k) => columns[k] === undefined);
  return { columns, mapping, missing };
}

const PLAN_DATE_KEYS = new Set<PlanColumnKey>(["userDeadline", "deadlineStart", "deadlineEnd", "completedOn"]);

export const PLAN_COLUMN_SPECS: ColumnSpec<PlanColumnKey>[] = PLAN_COLUMNS.map((c) => ({
  key: c.key,
  header: c.header,
  date: PLAN_DATE_KEYS.has(c.key),
  aliases: c.key === "id" ? ["Mã hoạt động", "ID"] : c.key === "deadline" ? ["Thời gian thực hiện", "Thời hạn"] : c.key === "lead" ? ["Cơ quan chủ trì", "Đơn vị chủ trì"] : undefined,
}));

export const LOG_COLUMN_SPECS: ColumnSpec<LogColumnKey>[] = LOG_COLUMNS.map((c) => ({
  key: c.key,
  header: c.header,
  date: c.key === "date" || c.key === "completedOn",
  aliases: c.key === "activityId" ? ["Mã", "ID"] : c.key === "evidence" ? ["Tài liệu kiểm chứng"] : c.key === "date" ? ["Ngày"] : undefined,
}));
