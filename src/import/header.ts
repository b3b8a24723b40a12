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
import { errors } from "./errors";
import type { GridCell } from "./grid";

export const FIELD_KEYS = ["tt", "objective", "task", "activity", "output", "lead", "partners", "deadline", "budget"] as const;
export type FieldKey = (typeof FIELD_KEYS)[number];
export const LEVEL_KEYS = ["objective", "task", "activity"] as const satisfies ReadonlyArray<FieldKey>;

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
  if (/chu tri|don vi thuc hien|co quan thuc hien|nguoi thuc hien|phu trach|trach nhiem thuc hien|^trach nhiem$|don vi thuc hien/.test(k)) return "lead";
  if (/ket qua|san pham|dau ra/.test(k)) return "output";
  if (/hoan thanh/.test(k)) return "deadline";
  if (/muc tieu|chi tieu/.test(k)) return "objective";
  if (/hoat dong|giai phap cu the|cong viec cu the/.test(k)) return "activity";
  if (/nhiem vu|^noi dung( cong viec| thuc hien| chinh)?$|^ten cong viec$|^cong viec$/.test(k)) return "task";
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

/**
 * Chooses the appendix among several tables by header score, not position (documents hold a
 * signature table, a summary table, the appendix…). Ties go to the table with more rows.
 * Throws "no-table" when there is none and "no-header" when none has a recognisable header.
 */
export function chooseAppendixTable(tables: ReadonlyArray<{ rows: GridCell[][] }>): { index: number; header: HeaderMatch } {
  if (tables.length === 0) throw errors.noTable();
  let best: { index: number; header: HeaderMatch } | null = null;
  tables.forEach((t, index) => {
    const h = findHeader(t.rows);
    if (!h) return;
    if (!best || h.score > best.header.score || (h.score === best.header.score && t.rows.length > tables[best.index].rows.length)) best = { index, header: h };
  });
  if (!best) throw errors.noHeader(`${tables.length} table(s), none with a recognisable header`);
  return best;
}
