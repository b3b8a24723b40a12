/**
 * ONE parser from a Grid (Word table, .xlsx sheet, Excel selection) to the plan model.
 *
 * Decisions (what a commune official would expect from their own appendix):
 * - Header: found by meaning (header.ts), in the first 40 rows, one or two rows high. Rows
 *   above it are title lines (commune, year). Below it, the "(1) (2) (3)…" numbering row, empty
 *   rows and repeated header rows (page-break repeats) are skipped.
 * - Groups: a row whose TT cell is a Roman numeral I…XX, with at most one other text (the title,
 *   spanning the row or in the next non-empty cell) starts a group; without a TT column, a row
 *   holding one text "I. TITLE" does. A letter row ("A", "B") under Roman group VII starts the
 *   sub-group "VII.A", "VII.B". `groups` lists every group row in document order, the Roman
 *   heading included: a Roman group whose activities all sit in sub-groups (VII) is a
 *   heading-only entry placed before its sub-groups, exactly as the embedded plan lists
 *   I … VI, VII, VII.A, VII.B; `parents` names those heading-only entries.
 *   Activities before any group row go to group "I" (or "0" when "I" exists), with a warning.
 * - Fill-down: where the source carries merges (Word vMerge, Excel merged areas) in the
 *   objective or task column, only merged cells take the text above: an empty unmerged cell
 *   stays empty (it is what the author wrote). Where it carries none (a flattened paste), an
 *   empty objective cell takes the group's last objective, and an empty task cell the last task
 *   of the same objective. Output, lead, partners, deadline and budget are never filled from
 *   an empty cell; they follow explicit merges only (empty "Chủ trì" cells are real defects).
 * - Numbers: "1.1. Nâng cao…" → objectiveNo "1.1", objective "Nâng cao…" (same for tasks). A
 *   task cell listing several numbered tasks stays one task: its text keeps all its numbers and
 *   taskNo lists them, "2.9, 2.10, 2.11" (the embedded plan's reading). An activity cell listing
 *   several numbered activities becomes one activity per number, each inheriting the row's
 *   output, lead, partners, deadline and budget (numbering.ts says when a number starts an item).
 * - Fewer levels: without an activity column, the deepest level column present ("Nội dung
 *   nhiệm vụ", "Nhiệm vụ") is the activity: its text goes to `activity`, its number (or the TT
 *   cell's) to `activityNo`, and that level's own fields stay empty.
 * - Line breaks: every field ends up on one line (normalizeText). In output, lead and partners
 *   separate lines are list items and are joined by "; " — unless the line before ends with
 *   , ; : or the next starts in lower case (a sentence wrapped by hand), which join by a space.
 *   Objective, task, activity, deadline and budget lines join by a space.
 * - A row with no text of its own in any level column but text elsewhere continues the row
 *   above (a row broken by a page in a pasted table): its texts are appended, with a warning.
 *   Without an activity column, a row whose number cell continues the task's (a vertical merge;
 *   in a grid without merges, an empty number cell under a numbered task) is that task's second
 *   part: its wording and its other texts join the task's (a second lead joins the list).
 * - Letters above numerals (a letter row before any Roman group: "A", then "I", "II"): groups
 *   "A.I", "A.II", … with "A" as their heading-only parent. A numbered title row with nothing else
 *   ("5.1 | Thương mại", spanning the row or followed by "5.1.1") heads the tasks numbered under
 *   it, as their task level. A total line ("Tổng thời gian …", "Tổng cộng") is not a task.
 * - The flat layout (the add-in's own "Kế hoạch" table, src/layout/planColumns.ts, or any table
 *   with its number columns, header.ts `numbers`): a "Nhóm" column gives each row's group (no
 *   group rows needed; "VII.A" also lists its Roman parent "VII" as a heading-only group, as the
 *   group rows of an appendix do); "TT mục tiêu / TT nhiệm vụ / TT hoạt động" give the numbers,
 *   and the text columns are taken as they are (no number split off, an activity cell is one
 *   activity, never split at "3.12 … 3.13"). A level is filled down only where both its number and
 *   its text are empty. Group titles are not in such a table: they stay empty (the add-in's
 *   workbook takes standard titles from elsewhere; a person can type them in the plan). The "Mã"
 *   column is not read: ids come from makeActivities, which gives the same id to the same texts.
 */
import { ACTIVITY_TEXT_FIELDS, makeActivities, type Activity, type ActivityFields, type Group } from "../core/plan";
import type { Message } from "../core/message";
import { EXCEL_CELL_MAX_CHARS, matchKey, normalizeText } from "../core/text";
import { errors } from "./errors";
import type { Grid, GridCell } from "./grid";
import { findHeader, headerError, headerFromMapping, type ColumnMapping, type FieldKey, type HeaderMatch, type NumberKey } from "./header";
import { detectMeta, type PlanMeta } from "./meta";
import { notes, rowLabel } from "./notes";
import { romanValue, splitLeadingNumber, splitNumberedItems } from "./numbering";

export { chooseAppendixTable, findHeader, fieldOfLabel, FIELD_KEYS, type FieldKey } from "./header";

export interface ParseAppendixOptions {
  /** The plan's year when the user already knows it (overrides the title lines). */
  year?: number;
  /** The commune's name when the user already knows it (overrides the title lines). */
  commune?: string;
  /** The user's choice of columns (field → grid column), over what the header labels say. */
  columns?: ColumnMapping;
}

export interface ParsedAppendix {
  groups: Group[];
  /** The heading-only entries of `groups`: Roman groups that only hold sub-groups (VII above VII.A and VII.B). */
  parents: Group[];
  rows: ActivityFields[];
  /** `rows` with ids, via makeActivities (same order, same length). */
  activities: Activity[];
  meta: PlanMeta;
  header: { row: number; rowCount: number; columns: Record<FieldKey, number | null>; labels: Record<FieldKey, string>; numbers: Record<NumberKey, number | null> };
  /** The notes for the person (what was skipped, joined, cut), in Vietnamese and English (notes.ts). */
  warnings: Message[];
}

const LEVELS = ["objective", "task", "activity"] as const;
type Level = (typeof LEVELS)[number];

interface GroupState {
  id: string;
  title: string;
  roman: boolean;
  direct: number;
  hasSub: boolean;
  implicit: boolean;
}

function isNumberingRow(texts: string[]): boolean {
  return texts.length >= 3 && texts.every((t) => /^\(?\d{1,2}\)?\.?$/.test(t.replace(/\s+/g, "")));
}

/** Joins the lines of a list-like field: "; " between items, a space inside a wrapped sentence. */
export function joinListLines(text: string): string {
  const lines = normalizeText(text, true).split("\n").filter(Boolean);
  if (lines.length <= 1) return lines[0] ?? "";
  let out = lines[0];
  for (let i = 1; i < lines.length; i++) {
    const prev = out;
    const line = lines[i];
    const wrapped = /[,;:]$/.test(prev) || /^\p{Ll}/u.test(line);
    out = prev + (wrapped ? " " : "; ") + line;
  }
  return out;
}

const LIST_FIELDS = new Set<FieldKey>(["output", "lead", "partners"]);

/** A continuation's text joined to its task's: a space after a finished sentence, "; " otherwise. */
function joinContinued(prev: string, add: string): string {
  if (!add || prev === add) return prev;
  if (!prev) return add;
  return /[.;:!?]$/.test(prev) ? `${prev} ${add}` : `${prev}; ${add}`;
}

/**
 * Where a merged cell's text comes from: up through vertical merges (`vOrigin[c]`, the last row
 * at or above this one whose cell in column c does not continue a merge, kept while walking
 * down), then left through spans.
 */
function origin(rows: GridCell[][], vOrigin: number[], c: number): { r: number; c: number } {
  const r = vOrigin[c] ?? 0;
  while (c > 0 && rows[r]?.[c]?.mergedFromLeft) c--;
  return { r, c };
}

function ownText(cell: GridCell | undefined): string {
  if (!cell || cell.mergedFromAbove || cell.mergedFromLeft) return "";
  return cell.text;
}

/**
 * The grid's texts through normalizeText (line breaks kept), so "does this cell hold text" is
 * asked of what the fields will hold: a cell of only spaces, no-break spaces, zero-width or
 * control characters (what "clearing" a cell by typing a space leaves in Excel) is empty.
 * .docx grids are normalised already (docx.ts); Excel ranges and .xlsx sheets are not.
 */
function normalisedRows(grid: Grid): GridCell[][] {
  if (grid.source === "docx") return grid.rows;
  return grid.rows.map((row) =>
    row.map((cell) => {
      const text = normalizeText(cell.text, true);
      return text === cell.text ? cell : { ...cell, text };
    }),
  );
}

export function parseAppendix(grid: Grid, opts: ParseAppendixOptions = {}): ParsedAppendix {
  const rows = normalisedRows(grid);
  const rowAt = (r: number): Message => rowLabel((rows[r] ?? []).map((c) => c.text), r);
  const found: HeaderMatch | null = opts.columns ? headerFromMapping(rows, opts.columns) : findHeader(rows);
  if (!found) throw headerError(rows);
  const warnings: Message[] = [...(grid.warnings ?? [])];
  const cols = found.columns;
  const nums = found.numbers;
  const fieldOfCol = new Map<number, FieldKey>();
  for (const [f, c] of Object.entries(cols) as Array<[FieldKey, number | null]>) if (c !== null) fieldOfCol.set(c, f);
  const headerEnd = found.row + found.rowCount; // first row after the header
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);

  // Which level column plays the activity: the activity column, else the deepest one present.
  const presentLevels = LEVELS.filter((l) => cols[l] !== null);
  const activityLevel: Level = presentLevels[presentLevels.length - 1];
  const reduced = activityLevel !== "activity";
  if (reduced) warnings.push(notes.noActivityColumn(found.labels[activityLevel]));
  for (const f of ["lead", "deadline"] as const) if (cols[f] === null) warnings.push(notes.missingColumn(f));

  // Merge mode or flattened mode for the fill-down of objective and task cells.
  let levelMerges = false;
  for (let r = headerEnd; r < rows.length && !levelMerges; r++) {
    for (const l of ["objective", "task"] as const) {
      const c = cols[l];
      if (c !== null && l !== activityLevel && rows[r][c]?.mergedFromAbove) levelMerges = true;
    }
  }

  const headerKeys = new Set<string>();
  let headerTextMax = 0;
  for (let r = found.row; r < headerEnd; r++) {
    for (const cell of rows[r]) {
      if (!cell.text) continue;
      headerKeys.add(matchKey(cell.text));
      headerTextMax = Math.max(headerTextMax, cell.text.length);
    }
  }
  const isHeaderText = (t: string) => t.length <= headerTextMax + 8 && headerKeys.has(matchKey(t));

  const titleLines = [...grid.title];
  for (let r = 0; r < found.row; r++) {
    const seen = new Set<string>();
    for (const cell of rows[r]) if (cell.text && !seen.has(cell.text)) { seen.add(cell.text); titleLines.push(cell.text); }
  }
  const detected = detectMeta(titleLines);
  const meta: PlanMeta = {
    year: opts.year ?? detected.year,
    commune: opts.commune ? normalizeText(opts.commune) : detected.commune,
    unit: opts.commune
      ? detected.unit && detected.commune ? detected.unit.replace(detected.commune, normalizeText(opts.commune)) : `UBND xã ${normalizeText(opts.commune)}`
      : detected.unit,
    title: detected.title,
  };

  const groups: GroupState[] = [];
  const groupById = new Map<string, GroupState>();
  let current: GroupState | null = null;
  let currentRoman: GroupState | null = null;
  let lastObjective: { no: string; text: string } | null = null;
  let lastTask: { no: string; text: string } | null = null;
  let lastRowOut: ActivityFields[] = [];
  /** Letters above Roman numerals (Đồng Nai: A, B, C each holding I, II, …): the open letter. */
  let letterTop: GroupState | null = null;
  /** A numbered title row without owner or deadline ("5.1 Thương mại"): the task level of the rows numbered under it. */
  let subHeading: { no: string; text: string } | null = null;
  let boundary = headerEnd; // merges never reach above the header or the current group row
  const out: ActivityFields[] = [];

  const openGroup = (id: string, title: string, roman: boolean, r: number) => {
    let g = groupById.get(id);
    if (g && title && g.title && matchKey(title) !== matchKey(g.title)) warnings.push(notes.groupRenamed(rowAt(r), id, title));
    if (g) {
      if (!g.title) g.title = title;
    } else {
      g = { id, title, roman, direct: 0, hasSub: false, implicit: false };
      groups.push(g);
      groupById.set(id, g);
    }
    current = g;
    if (roman) currentRoman = g;
    lastObjective = null;
    lastTask = null;
    lastRowOut = [];
    subHeading = null;
    boundary = r + 1;
  };

  /** The flat layout: the row's "Nhóm" cell names its group ("VII.A" lists "VII" first, as a heading; "B.IV" lists "B"). */
  const useFlatGroup = (typed: string) => {
    // "VII.A" (a letter under a numeral) or "B.IV" (a numeral under a letter, letters on top).
    const sub = /^([IVXLCDM]+|[A-Z])\s*\.\s*([A-Z]|[IVXLCDM]+)$/i.exec(typed);
    const id = sub ? `${sub[1].toUpperCase()}.${sub[2].toUpperCase()}` : romanValue(typed) !== null ? typed.toUpperCase() : typed;
    if (current && current.id === id) return;
    const make = (gid: string, roman: boolean): GroupState => {
      let g = groupById.get(gid);
      if (!g) {
        g = { id: gid, title: "", roman, direct: 0, hasSub: false, implicit: false };
        groups.push(g);
        groupById.set(gid, g);
      }
      return g;
    };
    if (sub) {
      const parent = make(sub[1].toUpperCase(), true);
      parent.hasSub = true;
      currentRoman = parent;
      current = make(id, false);
    } else {
      current = make(id, true);
      currentRoman = current;
    }
    lastObjective = null;
    lastTask = null;
    lastRowOut = [];
  };

  const vOrigin: number[] = new Array(width).fill(0);
  const advance = (r: number) => {
    const row = rows[r];
    for (let c = 0; c < width; c++) if (!row[c]?.mergedFromAbove) vOrigin[c] = r;
  };
  for (let r = 0; r < headerEnd; r++) advance(r);

  const rowSpans = (row: GridCell[]) => row.filter((c) => c.mergedFromLeft).length >= Math.max(1, Math.floor(width / 2));

  // A grid without any merge (a range read without its merged areas, a flattened paste) cannot
  // say that a number cell continues the one above. In a table without an activity column whose
  // rows are numbered, a row with its own text but no number is then read as the continuation.
  const flattened = !rows.some((row, r) => r >= headerEnd && row.some((c) => c.mergedFromAbove || c.mergedFromLeft));
  const ttOf = (r: number) => (cols.tt !== null ? normalizeText(ownText(rows[r][cols.tt])) : "");
  const numbered = (t: string) => /^(?:\d{1,3}(?:\.\d{1,3})*\.?|bước \d{1,2})$/iu.test(t);
  const nextNumber = (r: number) => {
    for (let k = r + 1; k < rows.length; k++) if (ttOf(k)) return ttOf(k);
    return "";
  };

  for (let r = headerEnd; r < rows.length; r++) {
    advance(r);
    const row = rows[r];
    const owns = row.map(ownText);
    const nonEmpty = owns.filter(Boolean);
    if (nonEmpty.length === 0) continue;
    if (isNumberingRow(nonEmpty)) continue;
    const headerLike = nonEmpty.length >= 2 ? nonEmpty.filter(isHeaderText).length : 0;
    if (headerLike >= 2 && headerLike >= 0.6 * nonEmpty.length) {
      warnings.push(notes.repeatedHeader(rowAt(r)));
      continue;
    }

    // Group rows.
    const tt = cols.tt !== null ? normalizeText(owns[cols.tt]) : "";
    const others = [...new Set(owns.filter((t, c) => t && c !== cols.tt).map((t) => normalizeText(t)))];
    const ttKey = tt.replace(/[.)\s]+$/, "").replace(/^(phần|mục)\s+/i, "");
    if (ttKey && romanValue(ttKey) !== null && others.length <= 2) {
      if (others.length === 2) warnings.push(notes.groupRowTexts(rowAt(r), ttKey.toUpperCase(), others[0]));
      openRoman(ttKey.toUpperCase(), others[0] ?? "", r);
      continue;
    }
    if (ttKey && /^[A-Z]$/.test(ttKey) && others.length <= 1) {
      openLetter(ttKey, others[0] ?? "", r);
      continue;
    }
    // One text in the row (spanning it, or alone in some cell, the TT cell included): "I. TITLE", "A. Title".
    if (nonEmpty.length === 1 && (!ttKey || others.length === 0)) {
      const text = normalizeText(nonEmpty[0]);
      const spans = rowSpans(row);
      const rm = /^(?:(?:phần|mục)\s+)?([IVXivx]{1,5})(?:\s*[.):–—-]\s*|\s+)(\S.*)$/u.exec(text);
      if (rm && romanValue(rm[1]) !== null && (/[.):–—-]/.test(text.slice(rm[1].length, rm[1].length + 3)) || spans || rm[2] === rm[2].toUpperCase())) {
        openRoman(rm[1].toUpperCase(), rm[2].trim(), r);
        continue;
      }
      const lm = /^([A-H])(?:\s*[.)–—-]\s*|\s+)(\S.*)$/u.exec(text);
      if (lm && (spans || /^[A-H]\s*[.)]/.test(text))) {
        openLetter(lm[1], lm[2].trim(), r);
        continue;
      }
      if (spans && cols[activityLevel] !== null && ownText(row[cols[activityLevel]!]) === "") {
        warnings.push(notes.noteRow(rowAt(r), text));
        continue;
      }
    }

    // Data rows.
    const get = (f: FieldKey): { text: string; merged: boolean } => {
      const c = cols[f];
      if (c === null) return { text: "", merged: false };
      const cell = row[c];
      if (!cell) return { text: "", merged: false };
      if (!cell.mergedFromAbove && !cell.mergedFromLeft) return { text: cell.text, merged: false };
      const o = origin(rows, vOrigin, c);
      if (o.r < boundary && o.r !== r) return { text: "", merged: true };
      if (o.c !== c) {
        // A horizontal span: level columns share the text of the level column it comes from.
        const from = fieldOfCol.get(o.c);
        const isLevel = (x: FieldKey | undefined) => x === "objective" || x === "task" || x === "activity";
        if (!isLevel(from) || !isLevel(f)) return { text: "", merged: true };
      }
      return { text: rows[o.r][o.c].text, merged: true };
    };

    /** A number column's text (flat layout): its own, or a vertical merge's; never another column's. */
    const getNo = (k: NumberKey): { text: string; merged: boolean } | null => {
      const c = nums[k];
      if (c === null) return null;
      const cell = row[c];
      if (!cell) return { text: "", merged: false };
      if (!cell.mergedFromAbove && !cell.mergedFromLeft) return { text: normalizeText(cell.text), merged: false };
      const o = origin(rows, vOrigin, c);
      if ((o.r < boundary && o.r !== r) || o.c !== c) return { text: "", merged: true };
      return { text: normalizeText(rows[o.r][o.c].text), merged: true };
    };
    const no = { objective: getNo("objectiveNo"), task: getNo("taskNo"), activity: getNo("activityNo") };

    const lv = { objective: get("objective"), task: get("task"), activity: get("activity") };
    const ownLevel = LEVELS.some((l) => (cols[l] !== null && lv[l].text && !lv[l].merged) || (no[l] && no[l]!.text && !no[l]!.merged));
    const otherKeys = ["output", "lead", "partners", "deadline", "budget"] as const;
    const other: Record<(typeof otherKeys)[number], string> = { output: "", lead: "", partners: "", deadline: "", budget: "" };
    for (const f of otherKeys) {
      const t = get(f).text;
      other[f] = LIST_FIELDS.has(f) ? joinListLines(t) : normalizeText(t);
    }

    // Without an activity column the number cell numbers the tasks: a row whose number cell
    // continues the one above (a vertical merge) is more of the same task (a second part, a
    // second lead), not a task of its own. Its own texts join the task's.
    const ttCell = cols.tt !== null && reduced ? row[cols.tt] : undefined;
    const ttOrigin = ttCell?.mergedFromAbove && !ttCell.mergedFromLeft ? origin(rows, vOrigin, cols.tt!) : null;
    const continuesTask =
      (!!ttOrigin && ttOrigin.r >= boundary && !!rows[ttOrigin.r][ttOrigin.c].text && lastRowOut.length > 0) ||
      (flattened && reduced && cols.tt !== null && !tt && lastRowOut.length > 0 && numbered(lastRowOut[0].activityNo));

    // A total line ("Tổng thời gian giải quyết …", "Tổng cộng") sums the rows above: not a task.
    if (!ownLevel && /^(?:tổng|cộng)\b/iu.test(normalizeText(nonEmpty[0]))) {
      warnings.push(notes.totalRow(rowAt(r), normalizeText(nonEmpty[0])));
      continue;
    }
    // A numbered title spanning the row with nothing else ("5.1 | Thương mại"; without merges: the
    // next number is under it): the heading of the tasks numbered under it ("5.1.1", "5.1.2"),
    // kept as their task level.
    const heads = () => rowSpans(row) || (flattened && nextNumber(r).startsWith(`${tt.replace(/\.$/, "")}.`));
    if (reduced && tt && /^\d{1,3}(?:\.\d{1,3})*\.?$/.test(tt) && ownLevel && !lv[activityLevel].merged && !otherKeys.some((f) => cols[f] !== null && ownText(row[cols[f]!])) && heads()) {
      subHeading = { no: tt.replace(/\.$/, ""), text: normalizeText(lv[activityLevel].text) };
      continue;
    }

    if (!ownLevel || continuesTask) {
      const hasOther = otherKeys.some((f) => cols[f] !== null && ownText(row[cols[f]!]));
      if (!hasOther && !continuesTask) continue; // only merged continuations: nothing new on this row
      if (lastRowOut.length) {
        const ownActivity = continuesTask && !lv[activityLevel].merged ? normalizeText(lv[activityLevel].text) : "";
        for (const a of lastRowOut) {
          if (ownActivity) a.activity = joinContinued(a.activity, ownActivity);
          for (const f of otherKeys) {
            const add = ownText(row[cols[f] ?? -1]) ? other[f] : "";
            if (!add) continue;
            if (LIST_FIELDS.has(f)) a[f] = a[f].split("; ").includes(add) ? a[f] : a[f] ? `${a[f]}; ${add}` : add;
            else a[f] = a[f] ? `${a[f]} ${add}` : add;
          }
        }
        warnings.push(continuesTask ? notes.continuesTask(rowAt(r), lastRowOut[0].activityNo) : notes.joinedAbove(rowAt(r)));
        continue;
      }
    }

    const flatGroup = getNo("group");
    if (flatGroup?.text) useFlatGroup(flatGroup.text);
    if (!current) {
      const g: GroupState = { id: "\u0000implicit", title: "", roman: true, direct: 0, hasSub: false, implicit: true };
      groups.push(g);
      groupById.set(g.id, g);
      current = g;
      currentRoman = g;
      warnings.push(notes.beforeFirstGroup(rowAt(r)));
    }
    const group: GroupState = current;

    // Objective and task (the levels above the activity level), with numbers and fill-down.
    let objective = { no: "", text: "" };
    let task = { no: "", text: "" };
    let objectiveInherited = false;
    if (cols.objective !== null && activityLevel !== "objective") {
      // With a "TT mục tiêu" column, the number is that column's and the text is taken as it is.
      const raw = no.objective ? { text: no.objective.text || lv.objective.text, merged: lv.objective.merged || no.objective.merged } : lv.objective;
      if (raw.text) objective = no.objective ? { no: no.objective.text, text: normalizeText(lv.objective.text) } : splitLeadingNumber(raw.text);
      if (raw.text && raw.merged) objectiveInherited = true;
      if (!raw.text && !levelMerges && lastObjective) {
        objective = lastObjective;
        objectiveInherited = true;
      }
      if (raw.text && !raw.merged && lastObjective && objective.no === lastObjective.no && objective.text === lastObjective.text) objectiveInherited = true;
    }
    if (cols.task !== null && activityLevel !== "task") {
      const raw = no.task ? { text: no.task.text || lv.task.text, merged: lv.task.merged || no.task.merged } : lv.task;
      if (raw.text && no.task) {
        task = { no: no.task.text, text: normalizeText(lv.task.text) };
      } else if (raw.text) {
        // A cell listing several numbered tasks stays one task: its text keeps every number and
        // taskNo lists them ("2.9, 2.10, 2.11"), as the embedded plan transcribes it.
        const listedTasks = splitNumberedItems(raw.text);
        task = listedTasks.length > 1 ? { no: listedTasks.map((t) => t.no).join(", "), text: normalizeText(raw.text) } : splitLeadingNumber(raw.text);
      }
      if (!raw.text && !levelMerges && lastTask && (objectiveInherited || cols.objective === null)) task = lastTask;
    }
    if (objective.text || objective.no) lastObjective = objective;
    lastTask = task.text || task.no ? task : null;

    // The activity level.
    let items: Array<{ no: string; text: string }>;
    const actText = lv[activityLevel].text;
    if (!reduced && no.activity) {
      // The flat layout: one row, one activity, its number from "TT hoạt động".
      items = [{ no: no.activity.text, text: normalizeText(actText) }];
    } else if (!reduced) {
      items = actText ? splitNumberedItems(actText) : [{ no: "", text: "" }];
    } else {
      const one = splitLeadingNumber(actText);
      // The number cell's number: "1", "5.1.2", or a procedure's "Bước 1".
      if (!one.no && numbered(tt)) one.no = tt.replace(/\.$/, "");
      items = [one];
    }
    if (!actText && !reduced && !no.activity?.text) warnings.push(notes.noActivity(rowAt(r), task.no, found.labels.activity));

    const under = reduced && subHeading && items[0]?.no.startsWith(`${subHeading.no}.`) ? subHeading : null;
    const produced: ActivityFields[] = items.map((it) => ({
      group: group.id,
      objectiveNo: objective.no,
      objective: objective.text,
      taskNo: under ? under.no : task.no,
      task: under ? under.text : task.text,
      activityNo: it.no,
      activity: it.text,
      output: other.output,
      lead: other.lead,
      partners: other.partners,
      deadline: other.deadline,
      budget: other.budget,
    }));
    group.direct += produced.length;
    out.push(...produced);
    lastRowOut = produced;
  }

  function openRoman(numeral: string, title: string, r: number) {
    if (letterTop) letterTop.hasSub = true;
    openGroup(letterTop ? `${letterTop.id}.${numeral}` : numeral, title, true, r);
  }

  /**
   * A letter row: under a Roman group, its sub-group ("VII.A"); before any Roman group (or after
   * such a letter), a top-level section whose Roman groups are "<letter>.<numeral>" ("B.IV").
   */
  function openLetter(letter: string, title: string, r: number) {
    if (letterTop || !currentRoman || currentRoman.implicit) {
      openGroup(letter, title, false, r);
      letterTop = current;
      return;
    }
    openSub(letter, title, r);
  }

  function openSub(letter: string, title: string, r: number) {
    const parent = currentRoman;
    const id = parent && !parent.implicit ? `${parent.id}.${letter}` : letter;
    const keepRoman = currentRoman;
    if (parent) parent.hasSub = true;
    openGroup(id, title, false, r);
    currentRoman = keepRoman;
  }

  if (out.length === 0) throw errors.empty("table");

  // The implicit group takes "I" when no real group has that id.
  const implicit = groupById.get("\u0000implicit");
  if (implicit) {
    const id = groupById.has("I") ? "0" : "I";
    implicit.id = id;
    for (const a of out) if (a.group === "\u0000implicit") a.group = id;
  }

  // Excel holds at most 32,767 characters in a cell: a longer field is cut when written to the
  // workbook (render/cellValues.ts fitCellText, "… [cắt bớt]"). Say so now, field by field.
  let long = 0;
  out.forEach((a, i) => {
    for (const k of ACTIVITY_TEXT_FIELDS) {
      if (a[k].length <= EXCEL_CELL_MAX_CHARS) continue;
      if (long++ >= 20) continue;
      warnings.push(notes.fieldTooLong({ no: a.activityNo, index: i, group: a.group }, k, a[k].length));
    }
  });
  if (long > 20) warnings.push(notes.moreFieldsTooLong(long - 20));

  const listed: Group[] = [];
  const parents: Group[] = [];
  for (const g of groups) {
    const entry = { id: g.id, title: normalizeText(g.title) };
    listed.push(entry);
    if (g.hasSub && g.direct === 0) parents.push(entry);
    else if (g.direct === 0) warnings.push(notes.emptyGroup(g.id));
  }

  return {
    groups: listed,
    parents,
    rows: out,
    activities: makeActivities(out),
    meta,
    header: { row: found.row, rowCount: found.rowCount, columns: found.columns, labels: found.labels, numbers: found.numbers },
    warnings,
  };
}
