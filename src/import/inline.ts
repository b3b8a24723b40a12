/**
 * Plans without a task table: each task is a paragraph (or a few) followed by labelled lines,
 * "Đơn vị chủ trì: … / Đơn vị phối hợp: … / Thời gian thực hiện: …" (Bắc Ninh 141, TP.HCM 172,
 * Hà Nội 308, Lai Châu 7360 of 2025). They become the Grid a table would have given, so the one
 * appendix parser reads them: a header row, "II | NỘI DUNG" section rows, one row per task.
 *
 * Reading (what a person does with such a plan):
 * - A Roman heading ("II. NHIỆM VỤ, GIẢI PHÁP") is a section; numbered headings ("1.", "1.1.",
 *   "a)") and bullets are the task's wording until labels come.
 * - A run of labelled lines is one task: "Nội dung (thực hiện)" / "Nhiệm vụ" give its wording,
 *   "… chủ trì …" / "Cơ quan (Đơn vị) thực hiện" its lead, "… phối hợp …" its partners, "Thời gian
 *   (thực hiện, hoàn thành)" / "Thời hạn" its deadline, "Sản phẩm" / "Kết quả" its output. The
 *   wording is the label's, else the bullets since the last heading, else the heading itself;
 *   the number is the nearest numbered heading's.
 * - Text without any label (an item that only describes a duty) is not a task: nobody and no
 *   time are named for it.
 */
import { normalizeText } from "../core/text";
import type { Grid, GridCell } from "./grid";

const HEADER = ["TT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian thực hiện", "Sản phẩm"];
type Field = "text" | "lead" | "partners" | "deadline" | "output";

const BULLET = /^[-–—+•*]\s*/u;
const ROMAN = /^([IVX]{1,5})\.\s+(\S.*)$/u;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\S.*)$/u;
const LETTERED = /^([a-zđ])\)\s*(.*)$/u;
/** "Đơn vị chủ trì tham mưu thực hiện: Sở Tư pháp." → the label and the value. */
const LABELLED = /^(?:[a-zđ]\)\s*)?([^:]{2,60}):\s*(.*)$/u;

function fieldOfLabel(label: string): Field | null {
  const k = normalizeText(label).toLowerCase();
  if (/phối hợp/.test(k)) return "partners";
  if (/chủ trì|^(cơ quan|đơn vị) thực hiện$/.test(k)) return "lead";
  if (/^thời (gian|hạn)/.test(k)) return "deadline";
  if (/^(sản phẩm|kết quả)/.test(k)) return "output";
  if (/^(nội dung( thực hiện)?|nhiệm vụ)$/.test(k)) return "text";
  return null;
}

function clean(v: string): string {
  return normalizeText(v).replace(/[.;]+$/u, "").trim();
}

/** The inline tasks of these paragraphs as a Grid, or null when there is not a single labelled task. */
export function gridFromInlineParagraphs(paragraphs: string[], title: string[] = []): Grid | null {
  const rows: GridCell[][] = [HEADER.map((text) => ({ text }))];
  let number = "";
  let heading = "";
  let wording: string[] = [];
  let task: Record<Field, string> | null = null;
  let lastField: Field | null = null;
  let tasks = 0;

  const close = () => {
    if (!task) return;
    const text = task.text || wording.join(" ") || heading;
    rows.push([{ text: number }, { text }, { text: task.lead }, { text: task.partners }, { text: task.deadline }, { text: task.output }]);
    tasks++;
    task = null;
    lastField = null;
    wording = [];
  };

  for (const raw of paragraphs) {
    const line = normalizeText(raw).replace(BULLET, "");
    if (!line) continue;
    const labelled = LABELLED.exec(line);
    const field = labelled ? fieldOfLabel(labelled[1]) : null;
    if (labelled && field) {
      const value = clean(labelled[2]);
      // "a) Nhiệm vụ:" / "b) Cơ quan thực hiện:" head the lines below them: no task yet.
      if (!value) continue;
      task ??= { text: "", lead: "", partners: "", deadline: "", output: "" };
      task[field] = task[field] ? `${task[field]}; ${value}` : value;
      lastField = field;
      continue;
    }
    // A labelled value wrapped onto the next line ("…; các cơ quan, đơn vị, địa phương / liên quan.").
    if (task && lastField && /^\p{Ll}/u.test(line) && !BULLET.test(normalizeText(raw)) && !LETTERED.test(line)) {
      task[lastField] = `${task[lastField]} ${clean(line)}`;
      continue;
    }
    close();
    const roman = ROMAN.exec(line);
    const numbered = NUMBERED.exec(line);
    const lettered = LETTERED.exec(line);
    if (roman) {
      rows.push([{ text: roman[1] }, { text: roman[2] }, ...HEADER.slice(2).map(() => ({ text: "", mergedFromLeft: true }))]);
      number = "";
      heading = "";
      wording = [];
    } else if (numbered) {
      number = numbered[1];
      heading = clean(numbered[2]);
      wording = [];
    } else if (lettered && !labelled) {
      heading = clean(lettered[2]);
      wording = [];
    } else {
      wording.push(line);
    }
  }
  close();
  return tasks > 0 ? { rows, title, source: "docx" } : null;
}
