/**
 * Finding the appendix's header row by meaning: which grid column holds which field,
 * whatever the order and wording of the column labels, possibly over two rows
 * ("Tổ chức thực hiện" above "Chủ trì | Phối hợp").
 *
 * Besides the text fields, the flat layout of the add-in's own plan table (src/layout/
 * planColumns.ts: "Mã | Nhóm | TT mục tiêu | Mục tiêu/… | TT nhiệm vụ | Nhiệm vụ | TT hoạt động |
 * Hoạt động | …") has number columns: "Nhóm" (the group of each row) and "TT mục tiêu / TT nhiệm
 * vụ / TT hoạt động" (a level's number, "STT …", "Số TT …" alike). They are `numbers`, never the
 * level's text column, and do not count in the score.
 */
import { matchKey, stripDiacritics } from "../core/text";
import { errors, type ImportError } from "./errors";
import type { GridCell } from "./grid";

export const FIELD_KEYS = ["tt", "objective", "task", "activity", "output", "lead", "partners", "deadline", "budget"] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];

/** A label's comparison key: match key without diacritics, column numbering ("1-", "(2)", "3.") removed. */
export function labelKey(label: string): string {
  let s = stripDiacritics(matchKey(label)).replace(/[/\\]/g, " ");
  s = s.replace(/^\s*\d{1,2}\s*(?:-|\))?\s+/, "").replace(/\s+/g, " ").trim();
  return s;
}

/** The flat layout's number columns: the group of each row, and the number of each level. */
export const NUMBER_KEYS = ["group", "objectiveNo", "taskNo", "activityNo"] as const;
export type NumberKey = (typeof NUMBER_KEYS)[number];

const LABEL_CACHE = new Map<string, { field: FieldKey | null; number: NumberKey | null }>();

function classifyLabel(label: string): { field: FieldKey | null; number: NumberKey | null } {
  if (!label || label.length > 90) return { field: null, number: null };
  const cached = LABEL_CACHE.get(label);
  if (cached !== undefined) return cached;
  const k = labelKey(label);
  const number = numberOfKey(k);
  const out = { field: number ? null : fieldOfKey(k), number };
  if (LABEL_CACHE.size > 5000) LABEL_CACHE.clear();
  LABEL_CACHE.set(label, out);
  return out;
}

/** The field a header label names, or null. The order of the tests settles overlaps. */
export function fieldOfLabel(label: string): FieldKey | null {
  return classifyLabel(label).field;
}

/** The number column a header label names ("Nhóm", "TT mục tiêu", "STT hoạt động"…), or null. */
export function numberOfLabel(label: string): NumberKey | null {
  return classifyLabel(label).number;
}

function numberOfKey(k: string): NumberKey | null {
  if (!k || k.length > 40) return null;
  if (/^(ma )?nhom$/.test(k)) return "group";
  const m = /^(?:s?tt|so tt|so thu tu|thu tu) (.+)$/.exec(k);
  if (!m) return null;
  if (/^(muc tieu|chi tieu)/.test(m[1])) return "objectiveNo";
  if (/^nhiem vu/.test(m[1])) return "taskNo";
  if (/^hoat dong/.test(m[1])) return "activityNo";
  return null;
}

function fieldOfKey(k: string): FieldKey | null {
  if (!k || k.length > 60) return null;
  if (/^(s?tt|so tt|so thu tu|thu tu|stt|so)$/.test(k)) return "tt";
  if (/kinh phi|du toan|nguon von/.test(k)) return "budget";
  if (/thoi gian|thoi han|tien do|moc hoan thanh|ngay hoan thanh/.test(k)) return "deadline";
  if (/phoi hop/.test(k)) return "partners";
  // "Phân công nhiệm vụ" (who is assigned) before "nhiệm vụ" makes it a task column.
  if (/chu tri|(don vi|co quan|nguoi|bo phan) thuc hien|phu trach|trach nhiem thuc hien|^trach nhiem$|^phan cong/.test(k)) return "lead";
  if (/ket qua|san pham|dau ra/.test(k)) return "output";
  if (/hoan thanh/.test(k)) return "deadline";
  if (/muc tieu|chi tieu/.test(k)) return "objective";
  if (/hoat dong|giai phap cu the|cong viec cu the/.test(k)) return "activity";
  // What officials head the task column with: "Nhiệm vụ", "Nhiệm vụ, giải pháp", "Tên đề án (ưu tiên)",
  // "Tên nhiệm vụ/dự án", "Nội dung thực hiện", "Nội dung công việc", "Tên chương trình".
  if (/nhiem vu|giai phap|^ten (de an|du an|chuong trinh|cong viec)|^de an|^noi dung( cong viec| thuc hien| chinh| trien khai)?$|^cong viec$/.test(k)) return "task";
  return null;
}

export interface HeaderMatch {
  /** First grid row of the header. */
  row: number;
  /** 1 or 2 rows. */
  rowCount: number;
  columns: Record<FieldKey, number | null>;
  labels: Record<FieldKey, string>;
  /** The flat layout's number columns (null when absent). */
  numbers: Record<NumberKey, number | null>;
  score: number;
}

function emptyColumns(): Record<FieldKey, number | null> {
  return { tt: null, objective: null, task: null, activity: null, output: null, lead: null, partners: null, deadline: null, budget: null };
}

function emptyLabels(): Record<FieldKey, string> {
  return { tt: "", objective: "", task: "", activity: "", output: "", lead: "", partners: "", deadline: "", budget: "" };
}

/** The text each grid column shows in row r: a horizontally merged cell shows its origin's. */
function shownTexts(row: GridCell[]): string[] {
  const out: string[] = [];
  let last = "";
  for (const c of row) {
    const t = c.mergedFromLeft ? last : c.text;
    out.push(t);
    last = t;
  }
  return out;
}

/** Maps column labels to fields and number columns (first column wins for each). */
export function mapLabels(labels: string[]): { columns: Record<FieldKey, number | null>; labels: Record<FieldKey, string>; numbers: Record<NumberKey, number | null>; score: number } {
  const columns = emptyColumns();
  const found = emptyLabels();
  const numbers: Record<NumberKey, number | null> = { group: null, objectiveNo: null, taskNo: null, activityNo: null };
  let score = 0;
  labels.forEach((label, c) => {
    const { field: f, number: n } = classifyLabel(label);
    if (f && columns[f] === null) {
      columns[f] = c;
      found[f] = label;
      score++;
    }
    if (n && numbers[n] === null) numbers[n] = c;
  });
  return { columns, labels: found, numbers, score };
}

function isValid(columns: Record<FieldKey, number | null>, score: number): boolean {
  const content = columns.objective !== null || columns.task !== null || columns.activity !== null;
  return content && score >= 3;
}

/** How far down a table a header is looked for. */
export const HEADER_SEARCH_ROWS = 40;

/**
 * Best header among the first rows: each row alone, and each pair of rows combined (a column's
 * label = upper text + lower text, the upper text spreading over its horizontal merge). A pair
 * wins only if it maps more fields than either row alone. Null when nothing looks like a header.
 */
export function findHeader(rows: GridCell[][], maxRows = HEADER_SEARCH_ROWS): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const n = Math.min(rows.length, maxRows);
  const single: Array<ReturnType<typeof mapLabels>> = [];
  for (let r = 0; r < n; r++) single.push(mapLabels(shownTexts(rows[r]).map((t) => (t.length > 120 ? "" : t))));
  for (let r = 0; r < n; r++) {
    const s = single[r];
    if (isValid(s.columns, s.score) && (!best || s.score > best.score)) best = { row: r, rowCount: 1, ...s };
    if (r + 1 < rows.length) {
      const upper = shownTexts(rows[r]);
      const lower = rows[r + 1].map((c) => (c.mergedFromAbove || c.mergedFromLeft ? "" : c.text));
      const combined = upper.map((u, c) => {
        const l = lower[c] ?? "";
        const label = !l || l === u ? u : !u ? l : `${u} ${l}`;
        return label.length > 160 ? "" : label;
      });
      // Lower labels alone decide when the upper one is a generic parent ("Tổ chức thực hiện").
      const lowerFirst = upper.map((u, c) => {
        const l = lower[c] ?? "";
        return l && fieldOfLabel(l) ? l : u;
      });
      for (const labels of [lowerFirst, combined]) {
        const p = mapLabels(labels);
        const singleNext = r + 1 < n ? single[r + 1].score : 0;
        if (isValid(p.columns, p.score) && p.score > s.score && p.score > singleNext && (!best || p.score > best.score)) best = { row: r, rowCount: 2, ...p };
      }
    }
  }
  return best;
}

/** What the user chose in the pane: which grid column holds which field (0-based), and optionally the header row. */
export interface ColumnMapping {
  headerRow?: number;
  columns: Partial<Record<FieldKey, number | null>>;
}

/**
 * The row that looks most like a header even when no valid header was found: the one with the
 * most recognised labels (at least one) among rows of two or more short texts. For the message
 * that names the columns found and the one missing, and for an explicit mapping without a row.
 */
export function headerCandidate(rows: GridCell[][], maxRows = HEADER_SEARCH_ROWS): { row: number; labels: string[]; match: ReturnType<typeof mapLabels> } | null {
  let best: { row: number; labels: string[]; match: ReturnType<typeof mapLabels> } | null = null;
  for (let r = 0; r < Math.min(rows.length, maxRows); r++) {
    const labels = shownTexts(rows[r]).map((t) => (t.length > 120 ? "" : t));
    if (new Set(labels.filter(Boolean)).size < 2) continue;
    const match = mapLabels(labels);
    if (match.score >= 1 && (!best || match.score > best.match.score)) best = { row: r, labels, match };
  }
  return best;
}

/**
 * The header an explicit mapping gives: the mapped row (or the found header's, or the candidate
 * row), its labels read by meaning, then each mapped field moved to the chosen column (a column
 * holds one field: whatever the labels gave it is dropped). Throws the no-header error naming
 * what is still missing when no column holds the tasks.
 */
export function headerFromMapping(rows: GridCell[][], mapping: ColumnMapping): HeaderMatch {
  const auto = mapping.headerRow === undefined ? findHeader(rows) : null;
  const row = mapping.headerRow ?? auto?.row ?? headerCandidate(rows)?.row ?? 0;
  const rowCount = auto && auto.row === row ? auto.rowCount : 1;
  const labels = shownTexts(rows[row] ?? []);
  const base = auto && auto.row === row ? { columns: { ...auto.columns }, labels: { ...auto.labels }, numbers: { ...auto.numbers } } : mapLabels(labels);
  for (const [f, c] of Object.entries(mapping.columns) as Array<[FieldKey, number | null | undefined]>) {
    if (c === undefined) continue;
    for (const other of FIELD_KEYS) if (other !== f && c !== null && base.columns[other] === c) { base.columns[other] = null; base.labels[other] = ""; }
    base.columns[f] = c;
    base.labels[f] = c === null ? "" : labels[c] || `cột ${c + 1}`;
  }
  const score = FIELD_KEYS.filter((f) => base.columns[f] !== null).length;
  const match: HeaderMatch = { row, rowCount, columns: base.columns, labels: base.labels, numbers: base.numbers, score };
  if (match.columns.objective === null && match.columns.task === null && match.columns.activity === null) throw headerError(rows, match);
  return match;
}

/** The fields by the names a person reads in the plan table (vi, en). */
export const FIELD_NAMES: Record<FieldKey, { vi: string; en: string }> = {
  tt: { vi: "TT", en: "number" },
  objective: { vi: "Mục tiêu", en: "objective" },
  task: { vi: "Nhiệm vụ / Nội dung", en: "task" },
  activity: { vi: "Hoạt động", en: "activity" },
  output: { vi: "Kết quả, sản phẩm", en: "output" },
  lead: { vi: "Chủ trì", en: "lead" },
  partners: { vi: "Phối hợp", en: "partners" },
  deadline: { vi: "Thời gian hoàn thành", en: "deadline" },
  budget: { vi: "Kinh phí", en: "budget" },
};

/**
 * The refusal when no column can be placed as the tasks: the columns the best header-like row
 * has (and what each was read as), the one missing, and what to do. Without any header-like row,
 * the general no-header message.
 */
export function headerError(rows: GridCell[][], partial?: HeaderMatch): ImportError {
  const cand = headerCandidate(rows);
  const row = partial?.row ?? cand?.row;
  if (row === undefined) return errors.noHeader(`${rows.length} rows`);
  const labels = partial ? shownTexts(rows[row] ?? []) : cand!.labels;
  const columns = partial?.columns ?? cand!.match.columns;
  const fieldAt = (c: number) => FIELD_KEYS.find((f) => columns[f] === c) ?? null;
  const seen = new Set<string>();
  const found: Array<{ label: string; field: FieldKey | null }> = [];
  labels.forEach((label, c) => {
    const t = label.replace(/\s+/g, " ").trim();
    if (!t || seen.has(t)) return;
    seen.add(t);
    found.push({ label: t, field: fieldAt(c) });
  });
  return errors.missingColumn(row, found.map((f) => ({ label: f.label, vi: f.field ? FIELD_NAMES[f.field].vi : null, en: f.field ? FIELD_NAMES[f.field].en : null })), FIELD_NAMES.task, labels.map((l) => l.replace(/\s+/g, " ").trim()));
}

/**
 * Chooses the appendix among several tables by header score, not position (documents hold a
 * signature table, a summary table, the appendix…). Ties go to the table with more rows.
 * Throws "no-table" when there is none and "no-header" when none has a recognisable header —
 * unless `lenient` (the user maps the columns): then the table with the best header-like row.
 */
export function chooseAppendixTable(tables: ReadonlyArray<{ rows: GridCell[][] }>, lenient = false): { index: number; header: HeaderMatch | null } {
  if (tables.length === 0) throw errors.noTable();
  let best: { index: number; header: HeaderMatch } | null = null;
  tables.forEach((t, index) => {
    const h = findHeader(t.rows);
    if (!h) return;
    if (!best || h.score > best.header.score || (h.score === best.header.score && t.rows.length > tables[best.index].rows.length)) best = { index, header: h };
  });
  if (best) return best;
  let partial: { index: number; score: number } | null = null;
  tables.forEach((t, index) => {
    const c = headerCandidate(t.rows);
    if (c && (!partial || c.match.score > partial.score)) partial = { index, score: c.match.score };
  });
  const chosen = partial as { index: number; score: number } | null;
  if (lenient) return { index: chosen?.index ?? 0, header: null };
  if (chosen) throw headerError(tables[chosen.index].rows);
  throw errors.noHeader(`${tables.length} table(s), none with a recognisable header`);
}
