/** The small pieces: numbers, list splitting, header labels, title meta, Excel grids, sniffing. */
import { joinListLines } from "../../src/import/appendix";
import { cellText, gridFromValues, mergesRelativeTo, parseA1Range } from "../../src/import/grid";
import { fieldOfLabel, findHeader } from "../../src/import/header";
import { detectMeta } from "../../src/import/meta";
import { splitLeadingNumber, splitNumberedItems } from "../../src/import/numbering";
import { oleKind, sniff } from "../../src/import/sniff";

describe("numbers", () => {
  test.each([
    ["1.1. Nâng cao chất lượng", "1.1", "Nâng cao chất lượng"],
    ["2.8 Nghiên cứu, đề xuất", "2.8", "Nghiên cứu, đề xuất"],
    ["3.12 – Ban hành", "3.12", "Ban hành"],
    ["2.12: Tổ chức", "2.12", "Tổ chức"],
    ["1.1.Nâng cao", "1.1", "Nâng cao"],
    ["1. Công tác", "1", "Công tác"],
    ["2) Rà soát", "2", "Rà soát"],
    ["100% duy trì", "", "100% duy trì"],
    ["01 sáng kiến", "", "01 sáng kiến"],
    ["2024 là năm", "", "2024 là năm"],
    ["15.01.2024 họp", "", "15.01.2024 họp"],
    ["3.4.", "3.4", ""],
    ["", "", ""],
  ])("splitLeadingNumber(%j)", (input, no, text) => {
    expect(splitLeadingNumber(input)).toEqual({ no, text });
  });

  test("several numbered activities, on lines or inline before a capital", () => {
    expect(splitNumberedItems("3.12 Ban hành Kế hoạch 3.13. Thông báo lịch\n3.14. Biên bản kiểm tra")).toEqual([
      { no: "3.12", text: "Ban hành Kế hoạch" },
      { no: "3.13", text: "Thông báo lịch" },
      { no: "3.14", text: "Biên bản kiểm tra" },
    ]);
    expect(splitNumberedItems("3.1. Xây dựng dự thảo\nvăn bản đề xuất\n3.2. Tổng hợp")).toEqual([
      { no: "3.1", text: "Xây dựng dự thảo văn bản đề xuất" },
      { no: "3.2", text: "Tổng hợp" },
    ]);
  });

  test("numbers inside a sentence, going backwards or with another prefix do not split", () => {
    expect(splitNumberedItems("3.4. Phấn đấu đạt 3.5 điểm trở lên")).toEqual([{ no: "3.4", text: "Phấn đấu đạt 3.5 điểm trở lên" }]);
    expect(splitNumberedItems("3.5. Thực hiện theo mục 3.2 Kế hoạch")).toEqual([{ no: "3.5", text: "Thực hiện theo mục 3.2 Kế hoạch" }]);
    expect(splitNumberedItems("3.5. Theo Quyết định 2.6 Tỉnh")).toEqual([{ no: "3.5", text: "Theo Quyết định 2.6 Tỉnh" }]);
    expect(splitNumberedItems("Không số 3.1. Có")).toEqual([{ no: "", text: "Không số 3.1. Có" }]);
  });
});

describe("list fields", () => {
  test("lines are items joined by '; ', except a wrapped sentence", () => {
    expect(joinListLines("Công văn\nBáo cáo")).toBe("Công văn; Báo cáo");
    expect(joinListLines("Các ban, ngành\ncấp xã")).toBe("Các ban, ngành cấp xã");
    expect(joinListLines("Văn phòng,\nTư pháp")).toBe("Văn phòng, Tư pháp");
    expect(joinListLines("- Văn bản rà soát\n- Tóm tắt giới thiệu")).toBe("- Văn bản rà soát; - Tóm tắt giới thiệu");
    expect(joinListLines("  Tư pháp  ")).toBe("Tư pháp");
  });
});

describe("header labels", () => {
  test.each([
    ["TT", "tt"], ["STT", "tt"], ["Số TT", "tt"],
    ["1- Mục tiêu/Chỉ tiêu/nội dung", "objective"], ["Mục tiêu, chỉ tiêu", "objective"],
    ["2- Nhiệm vụ", "task"], ["Nội dung nhiệm vụ", "task"], ["Nội dung", "task"],
    ["3- Hoạt động", "activity"], ["Hoạt động cụ thể", "activity"],
    ["4- Kết quả, sản phẩm", "output"], ["Sản phẩm", "output"], ["Kết quả", "output"], ["Sản phẩm đầu ra", "output"],
    ["5- Chủ trì", "lead"], ["Cơ quan chủ trì", "lead"], ["Đơn vị chủ trì", "lead"], ["Đơn vị thực hiện", "lead"],
    ["6- Phối hợp", "partners"], ["Cơ quan phối hợp", "partners"],
    ["7- Thời gian hoàn thành", "deadline"], ["Thời gian thực hiện", "deadline"], ["Thời hạn", "deadline"], ["Tiến độ", "deadline"],
    ["8- Kinh phí", "budget"], ["Kinh phí thực hiện", "budget"],
    ["Tổ chức thực hiện", null], ["Ghi chú", null], ["Theo dự toán được cấp", "budget"], ["Tư pháp", null],
  ])("%j → %s", (label, field) => {
    expect(fieldOfLabel(label)).toBe(field);
    expect(fieldOfLabel(label.normalize("NFD"))).toBe(field);
    expect(fieldOfLabel(label.toUpperCase())).toBe(field);
  });

  test("title rows above the header are skipped; the best row wins", () => {
    const g = gridFromValues([["PHỤ LỤC"], ["KHUNG NHIỆM VỤ CCHC NĂM 2024"], [], ["TT", "Nhiệm vụ", "Chủ trì", "Thời hạn"], ["1", "Rà soát", "Tư pháp", "Quý I"]]);
    expect(findHeader(g.rows)).toMatchObject({ row: 3, rowCount: 1, score: 4 });
  });
});

describe("title meta", () => {
  test("seed-style lines", () => {
    expect(detectMeta(["Kế hoạch cải cách hành chính xã Hồng Lộc năm 2024"])).toEqual({ year: 2024, commune: "Hồng Lộc", unit: "UBND xã Hồng Lộc", title: "Kế hoạch cải cách hành chính xã Hồng Lộc năm 2024" });
    expect(detectMeta(["UBND XÃ HỒNG LỘC", "Số: 03/QĐ-UBND", "Hồng Lộc, ngày 12 tháng 01 năm 2024", "KẾ HOẠCH CCHC NĂM 2025"])).toMatchObject({ year: 2025, commune: "Hồng Lộc", unit: "UBND xã Hồng Lộc" });
  });

  test("'cấp xã' and 'UBND xã ban hành' are not commune names; towns and wards are", () => {
    expect(detectMeta(["Các ban, ngành cấp xã triển khai", "trình UBND xã ban hành"]).commune).toBeNull();
    expect(detectMeta(["KẾ HOẠCH CCHC NĂM 2024 CỦA THỊ TRẤN NGHÈN"]).commune).toBe("Nghèn");
    expect(detectMeta(["UBND PHƯỜNG BẮC HÀ", "KẾ HOẠCH"]).unit).toBe("UBND phường Bắc Hà");
  });

  test("nothing to find → nulls", () => {
    expect(detectMeta([])).toEqual({ year: null, commune: null, unit: null, title: null });
  });
});

describe("Excel grids", () => {
  test("a merged area's value sits top-left; the others are flagged; repeated slave values are dropped", () => {
    const g = gridFromValues([["a", "a", "b"], ["a", "a", "c"]], [{ r1: 0, c1: 0, r2: 1, c2: 1 }], "selection");
    expect(g.rows).toEqual([
      [{ text: "a" }, { text: "", mergedFromLeft: true }, { text: "b" }],
      [{ text: "", mergedFromAbove: true }, { text: "", mergedFromAbove: true, mergedFromLeft: true }, { text: "c" }],
    ]);
    expect(g.source).toBe("selection");
  });

  test("ragged rows are padded; merges beyond the values are clipped", () => {
    const g = gridFromValues([["a"], ["b", "c"]], [{ r1: 1, c1: 1, r2: 5, c2: 5 }]);
    expect(g.rows.map((r) => r.length)).toEqual([2, 2]);
  });

  test("cellText: numbers without float noise, dates dd/mm/yyyy, exceljs objects", () => {
    expect(cellText(0.1 + 0.2)).toBe("0.3");
    expect(cellText(5000000)).toBe("5000000");
    expect(cellText(new Date(Date.UTC(2024, 0, 15)))).toBe("15/01/2024");
    expect(cellText({ richText: [{ text: "Tư " }, { text: "pháp" }] })).toBe("Tư pháp");
    expect(cellText({ text: "Cổng", hyperlink: "http://x" })).toBe("Cổng");
    expect(cellText({ formula: "=1+1", result: 2 })).toBe("2");
    expect(cellText({ error: "#N/A" })).toBe("#N/A");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText("=SUM(1)")).toBe("=SUM(1)");
    expect(cellText(null)).toBe("");
  });

  test("merged areas from Office.js addresses, relative to the selection", () => {
    expect(parseA1Range("'Kế hoạch'!$B$3:$D$5")).toEqual({ r1: 2, c1: 1, r2: 4, c2: 3 });
    expect(mergesRelativeTo("Sheet1!B3:K40", ["Sheet1!B5:B9", "Sheet1!C4:J4"])).toEqual([
      { r1: 2, c1: 0, r2: 6, c2: 0 },
      { r1: 1, c1: 1, r2: 1, c2: 8 },
    ]);
  });
});

describe("sniffing", () => {
  test("kinds by magic bytes, not names", () => {
    expect(sniff(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe("zip");
    expect(sniff(new TextEncoder().encode("%PDF-1.5"))).toBe("pdf");
    expect(sniff(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe("ole");
    expect(sniff(new TextEncoder().encode("{\\rtf1"))).toBe("rtf");
    expect(sniff(new TextEncoder().encode("MIME-Version: 1.0"))).toBe("html");
    expect(sniff(new TextEncoder().encode("hello"))).toBe("unknown");
    expect(sniff(new Uint8Array(0))).toBe("empty");
    expect(oleKind(new Uint8Array(16))).toBe("unknown");
  });
});
