/**
 * Plans without a task table (B1–B4 of realplans): each task a paragraph with labelled lines
 * ("Đơn vị chủ trì: … / Đơn vị phối hợp: … / Thời gian thực hiện: …"), written as a Word document
 * of paragraphs (tests/realplans/fixtures/B*.docx). Import gives one activity per labelled task,
 * and its leads, partners and deadlines are exactly the texts the source file lists.
 */
import * as fs from "fs";
import * as path from "path";
import { importDocx } from "../../src/import/importFile";
import { gridFromInlineParagraphs } from "../../src/import/inline";
import { FIXTURE_DIR, inlineIds, SOURCE_DIR } from "./realTables";
import { badNotes } from "../helpers/notes";

/** Reviewed by reading each source: the labelled tasks (B2's item 3 and B4's item 6 name nobody and no time). */
const TASKS: Record<string, number> = { B1: 16, B2: 3, B3: 7, B4: 8 };

/** The source's own lists after the task section: "DISTINCT DEADLINE TEXTS:", "DISTINCT LEAD UNITS …", … */
function sourceList(id: string, heading: RegExp): string[] {
  const file = fs.readdirSync(SOURCE_DIR).find((f) => f.startsWith(`${id}_`))!;
  const lines = fs.readFileSync(path.join(SOURCE_DIR, file), "utf8").normalize("NFC").split("\n");
  const at = lines.findIndex((l) => heading.test(l));
  const out: string[] = [];
  for (let i = at + 1; i < lines.length && /^\s{2}/.test(lines[i]); i++) if (lines[i].trim()) out.push(lines[i].trim().replace(/\.$/, ""));
  return out;
}

const distinct = (xs: string[]) => [...new Set(xs.filter(Boolean))].sort();

describe.each(inlineIds())("%s", (id) => {
  const p = importDocx(fs.readFileSync(path.join(FIXTURE_DIR, `${id}.docx`)));

  test("one activity per labelled task, under its section", () => {
    expect(p.activities).toHaveLength(TASKS[id]);
    expect(p.groups).toHaveLength(1);
    expect(p.activities.every((a) => a.activity.length > 10)).toBe(true);
    expect(badNotes(p.warnings)).toEqual([]);
  });

  test("leads, partners and deadlines are the source's texts", () => {
    const leads = [...sourceList(id, /^DISTINCT LEAD UNITS/), ...sourceList(id, /^'CƠ QUAN\/ĐƠN VỊ THỰC HIỆN' TEXTS/)];
    expect(distinct(p.activities.map((a) => a.lead))).toEqual(distinct(leads));
    // The source's partner list of B1 was made line by line: it misses a value wrapped onto the next
    // line ("… địa phương / liên quan.") and the label "Đơn vị phối hợp thực hiện". Each listed text
    // starts an imported one, and the imported ones are the listed plus those two.
    const partners = distinct(p.activities.map((a) => a.partners));
    const listed = distinct(sourceList(id, /^DISTINCT PARTNER TEXTS/));
    for (const l of listed) expect(partners.some((x) => x.startsWith(l))).toBe(true);
    const extra = id === "B1" ? ["Các cơ quan, đơn vị, địa phương liên quan", "Văn phòng UBND tỉnh; các cơ quan, đơn vị, địa phương liên quan"] : [];
    expect(partners).toEqual(distinct([...listed.filter((l) => !extra.some((e) => e.startsWith(l) && e !== l)), ...extra]));
    expect(distinct(p.activities.map((a) => a.deadline))).toEqual(distinct(sourceList(id, /^DISTINCT DEADLINE TEXTS/)));
  });
});

test("the wording: the label's, else the bullets under the heading, else the heading; the number is the heading's", () => {
  const grid = gridFromInlineParagraphs([
    "II. NHIỆM VỤ",
    "1. Về dữ liệu",
    "a) Nhiệm vụ: Rà soát cơ sở dữ liệu.",
    "b) Cơ quan thực hiện:",
    "- Đơn vị chủ trì: Văn phòng HĐND và UBND.",
    "c) Thời gian thực hiện: Quý I/2026.",
    "2. Phổ biến pháp luật",
    "- Tổ chức hội nghị phổ biến.",
    "- Đơn vị chủ trì: Phòng Văn hóa - Xã hội; Đơn vị phối hợp: Công an xã",
    "Thời gian thực hiện: Thường",
    "xuyên.",
    "3. Kiểm tra việc thực hiện",
    "Cơ quan thực hiện: Trung tâm Phục vụ hành chính công.",
    "4. Một việc không ai được giao",
  ])!;
  expect(grid.rows.map((r) => r.map((c) => c.text))).toEqual([
    ["TT", "Nội dung nhiệm vụ", "Chủ trì", "Phối hợp", "Thời gian thực hiện", "Sản phẩm"],
    ["II", "NHIỆM VỤ", "", "", "", ""],
    ["1", "Rà soát cơ sở dữ liệu", "Văn phòng HĐND và UBND", "", "Quý I/2026", ""],
    ["2", "Tổ chức hội nghị phổ biến.", "Phòng Văn hóa - Xã hội; Đơn vị phối hợp: Công an xã", "", "Thường xuyên", ""],
    ["3", "Kiểm tra việc thực hiện", "Trung tâm Phục vụ hành chính công", "", "", ""],
  ]);
  expect(gridFromInlineParagraphs(["Một đoạn văn.", "Không có nhãn nào."])).toBeNull();
});
