/** Import notes point at a row by its first words, as the person sees it in the document, never by a Word-table row number. */
import { parseAppendix } from "../../src/import/appendix";
import { gridFromValues } from "../../src/import/grid";
import { SEED_HEADER } from "../helpers/docxWriter";

test("a note about a row quotes the row's first words, in Vietnamese and English", () => {
  const p = parseAppendix(gridFromValues([
    SEED_HEADER,
    ["1", "1.1. Nâng cao chất lượng chỉ đạo điều hành công tác cải cách hành chính", "2.1. Ban hành kế hoạch", "3.1. Xây dựng dự thảo kế hoạch", "Kế hoạch", "Tư pháp", "", "Quý I", ""],
    ["I", "CÔNG TÁC CHỈ ĐẠO"],
    ["2", "1.2. Mục tiêu", "2.2. Nhiệm vụ", "3.2. Tổ chức kiểm tra", "Báo cáo", "Văn hóa", "", "Quý II", ""],
  ]), { year: 2024 });
  const note = p.warnings.find((w) => /trước dòng nhóm đầu tiên/.test(w.vi));
  expect(note).toEqual({
    vi: 'Dòng "1.1. Nâng cao chất lượng chỉ đạo điều…": có hoạt động trước dòng nhóm đầu tiên (I, II, …): chúng được xếp vào một nhóm riêng.',
    en: 'Row "1.1. Nâng cao chất lượng chỉ đạo điều…": activities come before the first group row (I, II, …): they were put in a group of their own.',
  });
  expect(p.warnings.some((w) => /^Dòng \d/.test(w.vi) || /^Row \d/.test(w.en))).toBe(false);
});
