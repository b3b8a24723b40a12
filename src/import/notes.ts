/**
 * The notes the appendix readers leave for the person (ParsedAppendix.warnings, Grid.warnings):
 * what was found and, where they can act, what to do — in Vietnamese and English, one place, so
 * every host shows them in the person's language. A note about a row quotes the row's first words
 * (what the person finds in their document), never a row number of the Word table. English
 * sentences quote the document's own words ("…") and nothing else Vietnamese.
 */
import type { ACTIVITY_TEXT_FIELDS } from "../core/plan";
import type { Message } from "../core/message";
import { EXCEL_CELL_MAX_CHARS, normalizeText, TRUNCATION_MARKER } from "../core/text";
import { FIELD_NAMES } from "./header";

/**
 * A row as the person sees it: its first words (not the "1" or "I" of the numbering column),
 * or, for a row without text, its place in the table.
 */
export function rowLabel(texts: readonly string[], index: number): Message {
  const shown = texts.map((t) => normalizeText(t)).filter((t) => t !== "");
  const first = shown.find((t) => /\p{L}{2}/u.test(t)) ?? shown[0];
  if (!first) return { vi: `Dòng trống thứ ${index + 1} của bảng`, en: `Empty row ${index + 1} of the table` };
  const words = first.split(" ").slice(0, 8).join(" ");
  const quoted = `"${words.length < first.length ? `${words}…` : words}"`;
  return { vi: `Dòng ${quoted}`, en: `Row ${quoted}` };
}

/** "1.234.567" and "1,234,567", without depending on the runtime's ICU data. */
const thousands = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
const EXCEL_MAX = { vi: thousands(EXCEL_CELL_MAX_CHARS, "."), en: thousands(EXCEL_CELL_MAX_CHARS, ",") };

type TextField = (typeof ACTIVITY_TEXT_FIELDS)[number];

/** The fields as the plan table heads them, and in English (the header finder's names, the numbers added). */
const FIELD_TEXTS: Record<TextField, Message> = {
  ...FIELD_NAMES,
  task: { vi: "Nhiệm vụ", en: "task" },
  objectiveNo: { vi: "TT mục tiêu", en: "objective number" },
  taskNo: { vi: "TT nhiệm vụ", en: "task number" },
  activityNo: { vi: "TT hoạt động", en: "activity number" },
};

const at = (row: Message, vi: string, en: string): Message => ({ vi: `${row.vi}: ${vi}`, en: `${row.en}: ${en}` });

export const notes = {
  /** A Word row with text in cells past the grid's column cap (docx.ts). */
  cellsPastColumnCap: (row: Message, dropped: number, maxCols: number): Message =>
    at(
      row,
      `${dropped} ô có chữ nằm ngoài cột ${maxCols} (giới hạn số cột của bảng) bị bỏ qua. Nếu cần các ô đó, hãy chuyển chữ vào các cột của bảng.`,
      `${dropped} ${dropped === 1 ? "cell" : "cells"} with text beyond column ${maxCols} (the table's column limit) left out. If they matter, move their text into the table's columns.`,
    ),
  /** An .xlsx sheet with text past the grid's column cap (xlsxGrid.ts). */
  sheetCellsPastColumnCap: (sheet: string, ignored: number, lastColumn: string, maxCols: number, firstIgnored: string): Message => ({
    vi: `Trang "${sheet}": ${ignored} ô có chữ nằm ngoài cột ${lastColumn} (giới hạn ${maxCols} cột của bảng) bị bỏ qua, ô đầu tiên là ${firstIgnored}. Nếu đó là ô lạc, hãy xóa nó.`,
    en: `Sheet "${sheet}": ${ignored} ${ignored === 1 ? "cell" : "cells"} with text beyond column ${lastColumn} (the table's limit of ${maxCols} columns) left out, the first at ${firstIgnored}. If it is a stray cell, delete it.`,
  }),
  noActivityColumn: (levelLabel: string): Message => ({
    vi: `Bảng không có cột "Hoạt động": mỗi dòng của cột "${levelLabel}" được theo dõi như một hoạt động.`,
    en: `The table has no activity column ("Hoạt động"): each row of the "${levelLabel}" column is tracked as one activity.`,
  }),
  missingColumn: (field: "lead" | "deadline"): Message => ({
    vi: `Không thấy cột "${FIELD_NAMES[field].vi}": trường này để trống.`,
    en: `No ${FIELD_NAMES[field].en} column ("${FIELD_NAMES[field].vi}") found: that field is left empty.`,
  }),
  groupRenamed: (row: Message, id: string, title: string): Message =>
    at(
      row,
      `nhóm ${id} xuất hiện lần nữa với tên khác ("${title}"); các dòng sau vẫn thuộc nhóm ${id}. Hãy kiểm tra số thứ tự các mục trong phụ lục.`,
      `group ${id} appears again under another title ("${title}"); the rows below it stay in group ${id}. Check the numbering of the appendix's sections.`,
    ),
  repeatedHeader: (row: Message): Message => at(row, "dòng tiêu đề lặp lại (sang trang) được bỏ qua.", "a repeated header row (a page break) was skipped."),
  groupRowTexts: (row: Message, id: string, title: string): Message =>
    at(row, `dòng nhóm ${id} có nhiều hơn một ô chữ; lấy "${title}" làm tên nhóm.`, `the row of group ${id} has more than one cell with text; "${title}" is taken as the group's title.`),
  noteRow: (row: Message, text: string): Message =>
    at(row, `dòng ghi chú trải ngang bảng được bỏ qua ("${text.slice(0, 60)}").`, `a note spanning the table was skipped ("${text.slice(0, 60)}").`),
  totalRow: (row: Message, text: string): Message =>
    at(row, `dòng tổng ("${text.slice(0, 60)}") được bỏ qua.`, `a total line ("${text.slice(0, 60)}") was skipped.`),
  continuesTask: (row: Message, taskNo: string): Message =>
    at(
      row,
      `không có số thứ tự riêng (ô gộp với dòng trên hoặc để trống), nên là phần tiếp của nhiệm vụ ${taskNo || "ở dòng trên"}; nội dung được ghép vào nhiệm vụ đó.`,
      `no number of its own (its number cell is merged with the row above, or empty), so it continues ${taskNo ? `task ${taskNo}` : "the task above"}; its text was joined to that task.`,
    ),
  joinedAbove: (row: Message): Message =>
    at(row, "không có nội dung nhiệm vụ/hoạt động riêng; được ghép vào dòng trên.", "no task or activity text of its own; joined to the row above."),
  beforeFirstGroup: (row: Message): Message =>
    at(
      row,
      "có hoạt động trước dòng nhóm đầu tiên (I, II, …): chúng được xếp vào một nhóm riêng.",
      "activities come before the first group row (I, II, …): they were put in a group of their own.",
    ),
  noActivity: (row: Message, taskNo: string, activityLabel: string): Message =>
    at(
      row,
      `nhiệm vụ${taskNo ? ` ${taskNo}` : ""} không có hoạt động nào ghi trong cột "${activityLabel}".`,
      `task${taskNo ? ` ${taskNo}` : ""} has no activity written in the "${activityLabel}" column.`,
    ),
  /** A field over Excel's 32,767 characters a cell (render/cellValues.ts fitCellText cuts it). */
  fieldTooLong: (activity: { no: string; index: number; group: string }, field: TextField, length: number): Message => ({
    vi: `Hoạt động ${activity.no || `thứ ${activity.index + 1}`} (nhóm ${activity.group}): nội dung "${FIELD_TEXTS[field].vi}" dài ${thousands(length, ".")} ký tự, quá giới hạn ${EXCEL_MAX.vi} ký tự của một ô Excel; khi ghi vào sổ sẽ bị cắt bớt (kết thúc bằng "${TRUNCATION_MARKER}"). Hãy rút gọn nội dung này trong phụ lục.`,
    en: `Activity ${activity.no || `#${activity.index + 1}`} (group ${activity.group}): its ${FIELD_TEXTS[field].en} ("${FIELD_TEXTS[field].vi}") is ${thousands(length, ",")} characters long, over Excel's limit of ${EXCEL_MAX.en} characters a cell; it will be cut when written to the workbook (ending in "${TRUNCATION_MARKER}"). Shorten it in the appendix.`,
  }),
  moreFieldsTooLong: (more: number): Message => ({
    vi: `… và ${more} trường khác cũng quá ${EXCEL_MAX.vi} ký tự.`,
    en: `… and ${more} more ${more === 1 ? "field is" : "fields are"} over ${EXCEL_MAX.en} characters too.`,
  }),
  emptyGroup: (id: string): Message => ({ vi: `Nhóm ${id} không có hoạt động nào.`, en: `Group ${id} has no activities.` }),
};
