/**
 * Every note an appendix reader can leave (import/notes.ts), each from a table that gives it: in
 * Vietnamese and in English (tests/helpers/notes.ts says what that means), so the pane's English
 * mode and the command's "Lưu ý / note: <vi> / <en>" have both.
 */
import ExcelJS from "exceljs";
import { parseAppendix } from "../../src/import/appendix";
import { gridFromDocx } from "../../src/import/docx";
import { gridFromValues, type MergeArea } from "../../src/import/grid";
import { notes } from "../../src/import/notes";
import { readXlsxGrid } from "../../src/import/xlsxGrid";
import type { Message } from "../../src/core/message";
import { buildDocx, SEED_HEADER } from "../helpers/docxWriter";
import { badNotes } from "../helpers/notes";

const GROUP = ["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC"];
const ROW = (no: string, activity: string) => [no, "1.1. Nâng cao chất lượng", "2.1. Ban hành kế hoạch", `3.${no}. ${activity}`, "Kế hoạch", "Tư pháp", "", "Quý I/2024", ""];
const LONG = "Nội dung rất dài ".repeat(2100); // > 32,767 characters
const parse = (values: unknown[][], merges: MergeArea[] = []) => parseAppendix(gridFromValues(values, merges), { year: 2024 });
const WIDE = Array.from({ length: 60 }, (_, i) => `x${i}`);

/** One table a note kind comes from, and the Vietnamese words that note says. */
const CASES: Record<keyof typeof notes, { notes: () => Promise<Message[]> | Message[]; says: RegExp }> = {
  cellsPastColumnCap: {
    notes: () => parseAppendix(gridFromDocx(buildDocx({ body: [{ table: { rows: [SEED_HEADER, GROUP, [...ROW("1", "Xây dựng kế hoạch"), ...WIDE]] } }] }))).warnings,
    says: /^Dòng "1\.1\. Nâng cao chất lượng": 5 ô có chữ nằm ngoài cột 64/,
  },
  sheetCellsPastColumnCap: {
    notes: async () => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet("Phụ lục");
      for (const r of [SEED_HEADER, GROUP, ROW("1", "Xây dựng kế hoạch")]) ws.addRow(r);
      ws.getCell(3, 70).value = "ngoài bảng";
      return parseAppendix(await readXlsxGrid(new Uint8Array(await wb.xlsx.writeBuffer()))).warnings;
    },
    says: /^Trang "Phụ lục": 1 ô có chữ nằm ngoài cột BL .* BR3/,
  },
  noActivityColumn: {
    notes: () => parse([["TT", "Nhiệm vụ", "Chủ trì", "Thời gian hoàn thành"], ["1", "Xây dựng kế hoạch", "Sở Nội vụ", "Quý I"]]).warnings,
    says: /^Bảng không có cột "Hoạt động": mỗi dòng của cột "Nhiệm vụ"/,
  },
  missingColumn: {
    notes: () => parse([["TT", "Mục tiêu", "Nhiệm vụ", "Hoạt động", "Kết quả"], GROUP, ["1", "1.1. A b", "2.1. C d", "3.1. Xây dựng", "Kế hoạch"]]).warnings,
    says: /^Không thấy cột "(Chủ trì|Thời gian hoàn thành)": trường này để trống\.$/,
  },
  groupRenamed: {
    notes: () => parse([SEED_HEADER, GROUP, ROW("1", "Xây dựng"), ["I", "CẢI CÁCH THỂ CHẾ"], ROW("2", "Rà soát")]).warnings,
    says: /^Dòng "CẢI CÁCH THỂ CHẾ": nhóm I xuất hiện lần nữa với tên khác/,
  },
  repeatedHeader: {
    notes: () => parse([SEED_HEADER, GROUP, ROW("1", "Xây dựng"), SEED_HEADER, ROW("2", "Rà soát")]).warnings,
    says: /^Dòng "TT": dòng tiêu đề lặp lại/,
  },
  groupRowTexts: {
    notes: () => parse([SEED_HEADER, ["I", "CÔNG TÁC CHỈ ĐẠO", "", "", "", "Văn phòng"], ROW("1", "Xây dựng")]).warnings,
    says: /dòng nhóm I có nhiều hơn một ô chữ; lấy "CÔNG TÁC CHỈ ĐẠO" làm tên nhóm/,
  },
  noteRow: {
    notes: () => parse([SEED_HEADER, GROUP, ROW("1", "Xây dựng"), ["Ghi chú: các đơn vị báo cáo trước ngày 15"]], [{ r1: 3, c1: 0, r2: 3, c2: 8 }]).warnings,
    says: /^Dòng "Ghi chú: các đơn vị báo cáo trước…": dòng ghi chú trải ngang bảng được bỏ qua/,
  },
  totalRow: {
    notes: () => parse([SEED_HEADER, GROUP, ROW("1", "Xây dựng"), ["Tổng cộng", "", "", "", "", "", "", "", "5 tỷ đồng"]]).warnings,
    says: /^Dòng "Tổng cộng": dòng tổng \("Tổng cộng"\) được bỏ qua/,
  },
  continuesTask: {
    notes: () => parse([["TT", "Nhiệm vụ", "Chủ trì", "Thời gian hoàn thành"], ["I", "CHUYỂN ĐỔI SỐ"], ["1", "Xây dựng kế hoạch", "Sở Nội vụ", "Quý I"], ["", "và tổ chức triển khai", "Sở Tài chính", ""]]).warnings,
    says: /^Dòng "và tổ chức triển khai": không có số thứ tự riêng .* nhiệm vụ 1;/,
  },
  joinedAbove: {
    notes: () => parse([SEED_HEADER, GROUP, ROW("1", "Xây dựng"), ["", "", "", "", "", "Văn hóa", "", "", ""]]).warnings,
    says: /^Dòng "Văn hóa": không có nội dung nhiệm vụ\/hoạt động riêng; được ghép vào dòng trên/,
  },
  beforeFirstGroup: {
    notes: () => parse([SEED_HEADER, ROW("1", "Xây dựng"), GROUP, ROW("2", "Rà soát")]).warnings,
    says: /^Dòng "1\.1\. Nâng cao chất lượng": có hoạt động trước dòng nhóm đầu tiên/,
  },
  noActivity: {
    notes: () => parse([SEED_HEADER, GROUP, ["1", "1.1. Nâng cao", "2.1. Ban hành kế hoạch", "", "Kế hoạch", "Tư pháp", "", "Quý I", ""]]).warnings,
    says: /^Dòng "1\.1\. Nâng cao": nhiệm vụ 2\.1 không có hoạt động nào ghi trong cột "3- Hoạt động"/,
  },
  fieldTooLong: {
    notes: () => parse([SEED_HEADER, GROUP, ROW("1", LONG)]).warnings,
    says: /^Hoạt động 3\.1 \(nhóm I\): nội dung "Hoạt động" dài 35\.699 ký tự, quá giới hạn 32\.767 ký tự/,
  },
  moreFieldsTooLong: {
    notes: () => parse([SEED_HEADER, GROUP, ...["1", "2", "3"].map((n) => [n, ...new Array(8).fill(`${n} ${LONG}`)])]).warnings,
    says: /^… và 4 trường khác cũng quá 32\.767 ký tự\.$/,
  },
  emptyGroup: {
    notes: () => parse([SEED_HEADER, GROUP, ["II", "CẢI CÁCH THỂ CHẾ"], ["III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"], ROW("1", "Rà soát")]).warnings,
    says: /^Nhóm I không có hoạt động nào\.$/,
  },
};

test("every kind of note has a table that gives it", () => {
  expect(Object.keys(CASES).sort()).toEqual(Object.keys(notes).sort());
});

test.each(Object.keys(CASES) as Array<keyof typeof notes>)("%s: in Vietnamese and in English", async (kind) => {
  const all = await CASES[kind].notes();
  const note = all.find((n) => CASES[kind].says.test(n.vi));
  expect({ kind, said: note?.vi ?? all.map((n) => n.vi) }).toEqual({ kind, said: expect.stringMatching(CASES[kind].says) });
  expect(badNotes(all)).toEqual([]);
});
