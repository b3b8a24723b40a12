/**
 * Appendices made to look unlike the seed: other header words and column order, content
 * controls, gridBefore, NFD text, en dashes, a repeated header row, a numbering row, a two-row
 * header, a reduced matrix with only "Nội dung nhiệm vụ" and no budget, no TT column, a
 * flattened table, a note row.
 */
import type { ActivityFields } from "../../src/core/plan";
import { parseAppendix } from "../../src/import/appendix";
import { gridFromDocx } from "../../src/import/docx";
import { gridFromValues } from "../../src/import/grid";
import { importDocx } from "../../src/import/importFile";
import { buildDocx, type RowSpec } from "../helpers/docxWriter";

const nfd = (s: string) => s.normalize("NFD");
const blank: Omit<ActivityFields, "group"> = { objectiveNo: "", objective: "", taskNo: "", task: "", activityNo: "", activity: "", output: "", lead: "", partners: "", deadline: "", budget: "" };
const A = (f: Partial<ActivityFields> & { group: string }): ActivityFields => ({ ...blank, ...f });

describe("fixture A: other words and order, gridBefore, sdt, NFD, en dashes, repeated header, numbering row", () => {
  const header = ["STT", "Mục tiêu, chỉ tiêu", "Nội dung nhiệm vụ", "Hoạt động", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn", "Sản phẩm"];
  const rows: RowSpec[] = [
    { cells: header, gridBefore: 1, header: true },
    { cells: header.map((_, i) => `(${i + 1})`), gridBefore: 1 },
    { cells: ["I.", "CẢI CÁCH THỂ CHẾ", "", "", "", "", "", ""], gridBefore: 1 },
    {
      gridBefore: 1,
      cells: [
        "1",
        { text: nfd("1.1 – Phấn đấu 100% văn bản QPPL được triển khai kịp thời"), vMerge: "restart", sdt: true },
        { text: "2.1 – Rà soát văn bản QPPL", vMerge: "restart" },
        "3.1 – Lập danh mục văn bản cần rà soát",
        nfd("Tư pháp – Hộ tịch"),
        "Văn phòng – Thống kê",
        "Quý I/2025",
        "Danh mục",
      ],
    },
    { gridBefore: 1, cells: ["", { vMerge: "continue", sdt: true }, { vMerge: "continue" }, "3.2 – Rà soát và công bố kết quả", nfd("Tư pháp – Hộ tịch"), "", "Quý II/2025", "Báo cáo"] },
    { cells: header, gridBefore: 1, header: true, sdt: true }, // repeated at a page break
    { gridBefore: 1, sdt: true, cells: ["2", "1.2. Nâng cao chất lượng ban hành văn bản", "2.2. Thẩm định dự thảo văn bản", "3.3. Thẩm định 100% dự thảo nghị quyết của HĐND xã", "Tư pháp", "Các ban, ngành liên quan", "Thường xuyên", "Báo cáo thẩm định"] },
    { gridBefore: 1, cells: ["II", { text: nfd("CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), span: 7 }] },
    { gridBefore: 1, cells: ["1", "1.1. Giải quyết hồ sơ đúng hạn", "2.1. Công khai TTHC", "3.1. Cập nhật TTHC trên Cổng DVC", "Bộ phận Một cửa", "Văn phòng – Thống kê", "Hằng tháng", "Danh mục TTHC"] },
  ];
  const bytes = buildDocx({ body: ["ỦY BAN NHÂN DÂN XÃ THẠCH KIM", "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA XÃ THẠCH KIM", "Thạch Kim, ngày 20 tháng 12 năm 2024", { table: { rows } }], splitRuns: 4 });
  const parsed = importDocx(bytes);

  test("columns found by meaning, shifted by gridBefore", () => {
    expect(parsed.header.columns).toEqual({ tt: 1, objective: 2, task: 3, activity: 4, lead: 5, partners: 6, deadline: 7, output: 8, budget: null });
  });

  test("activities, field for field (NFC, en-dash numbers, repeated header and numbering rows skipped)", () => {
    const o11 = { objectiveNo: "1.1", objective: "Phấn đấu 100% văn bản QPPL được triển khai kịp thời", taskNo: "2.1", task: "Rà soát văn bản QPPL" };
    expect(parsed.rows).toEqual([
      A({ group: "I", ...o11, activityNo: "3.1", activity: "Lập danh mục văn bản cần rà soát", lead: "Tư pháp – Hộ tịch", partners: "Văn phòng – Thống kê", deadline: "Quý I/2025", output: "Danh mục" }),
      A({ group: "I", ...o11, activityNo: "3.2", activity: "Rà soát và công bố kết quả", lead: "Tư pháp – Hộ tịch", deadline: "Quý II/2025", output: "Báo cáo" }),
      A({ group: "I", objectiveNo: "1.2", objective: "Nâng cao chất lượng ban hành văn bản", taskNo: "2.2", task: "Thẩm định dự thảo văn bản", activityNo: "3.3", activity: "Thẩm định 100% dự thảo nghị quyết của HĐND xã", lead: "Tư pháp", partners: "Các ban, ngành liên quan", deadline: "Thường xuyên", output: "Báo cáo thẩm định" }),
      A({ group: "II", objectiveNo: "1.1", objective: "Giải quyết hồ sơ đúng hạn", taskNo: "2.1", task: "Công khai TTHC", activityNo: "3.1", activity: "Cập nhật TTHC trên Cổng DVC", lead: "Bộ phận Một cửa", partners: "Văn phòng – Thống kê", deadline: "Hằng tháng", output: "Danh mục TTHC" }),
    ]);
    expect(parsed.rows[0].lead).toBe("Tư pháp – Hộ tịch".normalize("NFC"));
    expect(parsed.groups).toEqual([{ id: "I", title: "CẢI CÁCH THỂ CHẾ" }, { id: "II", title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH" }]);
    expect(parsed.warnings.some((w) => /tiêu đề lặp lại/.test(w.vi))).toBe(true);
  });

  test("year and commune from an upper-case title; the issue date (December 2024) is not the year", () => {
    expect(parsed.meta.year).toBe(2025);
    expect(parsed.meta.commune).toBe("Thạch Kim");
    expect(parsed.meta.unit).toBe("UBND xã Thạch Kim");
    expect(parsed.meta.title).toBe("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA XÃ THẠCH KIM");
  });
});

describe("fixture B: two-row header, reduced matrix (only 'Nội dung nhiệm vụ', no budget)", () => {
  const rows: RowSpec[] = [
    [{ text: "TT", vMerge: "restart" }, { text: "Nội dung nhiệm vụ", vMerge: "restart" }, { text: "Sản phẩm", vMerge: "restart" }, { text: "Tổ chức thực hiện", span: 2 }, { text: "Thời gian thực hiện", vMerge: "restart" }],
    [{ vMerge: "continue" }, { vMerge: "continue" }, { vMerge: "continue" }, "Chủ trì", "Phối hợp", { vMerge: "continue" }],
    ["I", { text: "Cải cách thể chế", span: 5 }],
    ["1", "Rà soát, hệ thống hóa văn bản QPPL do HĐND, UBND xã ban hành", "Báo cáo", "Tư pháp", "Các ban, ngành", "Quý IV"],
    ["2", "Tuyên truyền, phổ biến pháp luật\n(theo Kế hoạch riêng)", "Hội nghị, tài liệu", "Tư pháp", "Văn hóa - Xã hội\nMặt trận Tổ quốc", "Thường xuyên"],
    ["II", { text: "Cải cách thủ tục hành chính", span: 5 }],
    ["1", "Niêm yết công khai TTHC", "", "Văn phòng – Thống kê", "", "Thường xuyên"],
    ["2", "2.5. Số hóa hồ sơ TTHC", "Hồ sơ số", "Bộ phận Một cửa", "", "Năm 2024"],
  ];
  const parsed = importDocx(buildDocx({ body: ["Phụ lục: Danh mục nhiệm vụ cải cách hành chính năm 2024 của UBND phường Bắc Hà", { table: { rows } }] }));

  test("the header spans two rows; Chủ trì and Phối hợp come from the second", () => {
    expect(parsed.header.row).toBe(0);
    expect(parsed.header.rowCount).toBe(2);
    expect(parsed.header.columns).toEqual({ tt: 0, objective: null, task: 1, activity: null, output: 2, lead: 3, partners: 4, deadline: 5, budget: null });
  });

  test("each row is an activity; the missing levels stay empty; TT numbers the activity when the text has none", () => {
    expect(parsed.rows).toEqual([
      A({ group: "I", activityNo: "1", activity: "Rà soát, hệ thống hóa văn bản QPPL do HĐND, UBND xã ban hành", output: "Báo cáo", lead: "Tư pháp", partners: "Các ban, ngành", deadline: "Quý IV" }),
      A({ group: "I", activityNo: "2", activity: "Tuyên truyền, phổ biến pháp luật (theo Kế hoạch riêng)", output: "Hội nghị, tài liệu", lead: "Tư pháp", partners: "Văn hóa - Xã hội; Mặt trận Tổ quốc", deadline: "Thường xuyên" }),
      A({ group: "II", activityNo: "1", activity: "Niêm yết công khai TTHC", lead: "Văn phòng – Thống kê", deadline: "Thường xuyên" }),
      A({ group: "II", activityNo: "2.5", activity: "Số hóa hồ sơ TTHC", output: "Hồ sơ số", lead: "Bộ phận Một cửa", deadline: "Năm 2024" }),
    ]);
    expect(parsed.groups).toEqual([{ id: "I", title: "Cải cách thể chế" }, { id: "II", title: "Cải cách thủ tục hành chính" }]);
    expect(parsed.warnings.some((w) => /Hoạt động/.test(w.vi))).toBe(true);
  });

  test("commune from 'phường', year from the title", () => {
    expect(parsed.meta.commune).toBe("Bắc Hà");
    expect(parsed.meta.unit).toBe("UBND phường Bắc Hà");
    expect(parsed.meta.year).toBe(2024);
  });
});

describe("fixture C: no TT column, group rows 'I. …' spanning the table, a flattened table, a continuation and a note row", () => {
  const header = ["Mục tiêu", "Nhiệm vụ", "Hoạt động", "Kết quả", "Chủ trì", "Phối hợp", "Thời gian hoàn thành", "Kinh phí"];
  const rows: RowSpec[] = [
    header,
    [{ text: "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", span: 8 }],
    ["1.1. Mục tiêu A", "2.1. Nhiệm vụ A", "3.1. Hoạt động A1", "Kế hoạch", "Văn phòng", "", "Quý I", ""],
    ["", "", "3.2. Hoạt động A2", "Báo cáo", "Văn phòng", "", "Quý II", ""],
    ["", "2.2. Nhiệm vụ B", "3.3. Hoạt động B1", "Công văn", "", "", "Năm 2025", ""],
    [{ text: "II. CẢI CÁCH THỂ CHẾ", span: 8 }],
    ["1.1. Mục tiêu C", "2.1. Nhiệm vụ C", "3.1. Hoạt động C1", "", "Tư pháp", "", "Thường xuyên", "5.000.000"],
    ["", "", "", "Danh mục", "", "", "", ""],
    [{ text: "Ghi chú: các nhiệm vụ phát sinh sẽ được bổ sung sau", span: 8 }],
  ];
  const parsed = parseAppendix(gridFromDocx(buildDocx({ body: [{ table: { rows } }] })));

  test("flattened: objective and task fill down within their block; an empty Chủ trì stays empty", () => {
    const a = { objectiveNo: "1.1", objective: "Mục tiêu A" };
    expect(parsed.rows).toEqual([
      A({ group: "I", ...a, taskNo: "2.1", task: "Nhiệm vụ A", activityNo: "3.1", activity: "Hoạt động A1", output: "Kế hoạch", lead: "Văn phòng", deadline: "Quý I" }),
      A({ group: "I", ...a, taskNo: "2.1", task: "Nhiệm vụ A", activityNo: "3.2", activity: "Hoạt động A2", output: "Báo cáo", lead: "Văn phòng", deadline: "Quý II" }),
      A({ group: "I", ...a, taskNo: "2.2", task: "Nhiệm vụ B", activityNo: "3.3", activity: "Hoạt động B1", output: "Công văn", lead: "", deadline: "Năm 2025" }),
      A({ group: "II", objectiveNo: "1.1", objective: "Mục tiêu C", taskNo: "2.1", task: "Nhiệm vụ C", activityNo: "3.1", activity: "Hoạt động C1", output: "Danh mục", lead: "Tư pháp", deadline: "Thường xuyên", budget: "5.000.000" }),
    ]);
    expect(parsed.groups).toEqual([{ id: "I", title: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" }, { id: "II", title: "CẢI CÁCH THỂ CHẾ" }]);
    expect(parsed.warnings.some((w) => /ghép vào dòng trên/.test(w.vi))).toBe(true);
    expect(parsed.warnings.some((w) => /ghi chú/.test(w.vi))).toBe(true);
  });
});

describe("fixture D: sub-groups, activities before any group, a task listing several tasks, a horizontally merged task/activity", () => {
  const H = ["TT", "Mục tiêu", "Nhiệm vụ", "Hoạt động", "Sản phẩm", "Chủ trì", "Phối hợp", "Thời gian", "Kinh phí"];
  test("activities before the first group row go to group I, with a warning", () => {
    const p = parseAppendix(gridFromValues([H, ["", "1.1. M", "2.1. N", "3.1. H", "", "Tư pháp", "", "Năm 2025", ""]]));
    expect(p.rows[0].group).toBe("I");
    expect(p.groups).toEqual([{ id: "I", title: "" }]);
    expect(p.warnings.length).toBeGreaterThan(0);
  });

  test("a group row whose numeral and title share the TT cell, spanning the table", () => {
    const grid = gridFromValues([H, ["I. CÔNG TÁC CHỈ ĐẠO", "", "", "", "", "", "", "", ""], ["", "1.1. M", "2.1. N", "3.1. H", "", "Tư pháp", "", "", ""], ["ii) Cải cách thể chế"], ["", "1.1. M2", "2.1. N2", "3.1. H2", "", "Tư pháp", "", "", ""]], [{ r1: 1, c1: 0, r2: 1, c2: 8 }]);
    const p = parseAppendix(grid);
    expect(p.groups).toEqual([{ id: "I", title: "CÔNG TÁC CHỈ ĐẠO" }, { id: "II", title: "Cải cách thể chế" }]);
    expect(p.rows.map((r) => r.group)).toEqual(["I", "II"]);
  });

  test("a letter row before any Roman group is a top-level group", () => {
    const p = parseAppendix(gridFromValues([H, ["A", "Nhóm A"], ["", "1.1. M", "2.1. N", "3.1. H", "", "Tư pháp", "", "", ""]]));
    expect(p.groups).toEqual([{ id: "A", title: "Nhóm A" }]);
    expect(p.rows[0].group).toBe("A");
  });

  test("a task cell listing several tasks stays one task; taskNo lists the numbers", () => {
    const p = parseAppendix(gridFromValues([H, ["III", "CẢI CÁCH TTHC"], ["", "1.9. M", "2.9. Tiếp tục số hóa 2.10. Đẩy mạnh chứng thực điện tử 2.11. Kết nối dữ liệu", "3.14. Triển khai chứng thực điện tử 3.15. Kiểm tra danh tính số", "", "Bộ phận một cửa", "", "Thường xuyên", ""]]));
    expect(p.rows.map((r) => [r.taskNo, r.task, r.activityNo, r.activity])).toEqual([
      ["2.9, 2.10, 2.11", "2.9. Tiếp tục số hóa 2.10. Đẩy mạnh chứng thực điện tử 2.11. Kết nối dữ liệu", "3.14", "Triển khai chứng thực điện tử"],
      ["2.9, 2.10, 2.11", "2.9. Tiếp tục số hóa 2.10. Đẩy mạnh chứng thực điện tử 2.11. Kết nối dữ liệu", "3.15", "Kiểm tra danh tính số"],
    ]);
  });

  test("a task cell spanning the activity column: the activity is the task's text", () => {
    const grid = gridFromValues([H, ["I", "X"], ["", "1.1. M", "2.1. Tổ chức đối thoại", "", "Biên bản", "Văn phòng", "", "Quý III", ""]], [{ r1: 2, c1: 2, r2: 2, c2: 3 }]);
    const p = parseAppendix(grid);
    expect(p.rows[0]).toMatchObject({ taskNo: "2.1", task: "Tổ chức đối thoại", activityNo: "2.1", activity: "Tổ chức đối thoại", output: "Biên bản" });
  });

  test("an activity cell merged over two rows with two leads is one activity with both leads", () => {
    const grid = gridFromValues(
      [H, ["I", "X"], ["", "1.1. M", "2.1. N", "3.1. Hoạt động chung", "Báo cáo", "Tư pháp", "", "Quý I", ""], ["", "", "", "", "", "Văn phòng", "", "", ""]],
      [{ r1: 2, c1: 1, r2: 3, c2: 1 }, { r1: 2, c1: 2, r2: 3, c2: 2 }, { r1: 2, c1: 3, r2: 3, c2: 3 }],
    );
    const p = parseAppendix(grid);
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0].lead).toBe("Tư pháp; Văn phòng");
  });
});
