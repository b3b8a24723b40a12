/** The .docx table → grid semantics, one by one, on real .docx files written by the test helper. */
import { readDocx, readDocxTables, gridFromDocx, parseDocumentXml } from "../../src/import/docx";
import { parseAppendix } from "../../src/import/appendix";
import { ImportError } from "../../src/import/errors";
import { GRID_LIMITS, gridTexts, type GridCell } from "../../src/import/grid";
import { buildDocx, paragraphXml, SEED_HEADER, type TableSpec } from "../helpers/docxWriter";

function onlyTable(t: TableSpec, splitRuns = 0): GridCell[][] {
  const tables = readDocxTables(buildDocx({ body: [{ table: t }], splitRuns }));
  expect(tables).toHaveLength(1);
  return tables[0].rows;
}

describe("docx grid semantics", () => {
  test("plain cells in grid order", () => {
    const rows = onlyTable({ rows: [["a", "b", "c"], ["d", "e", "f"]] });
    expect(gridTexts({ rows })).toEqual([["a", "b", "c"], ["d", "e", "f"]]);
    expect(rows[0][0]).toEqual({ text: "a" });
  });

  test("w:gridSpan: the spanned grid cells are merged from the left", () => {
    const rows = onlyTable({ rows: [["I", { text: "CÔNG TÁC CHỈ ĐẠO", span: 3 }], ["1", "2", "3", "4"]] });
    expect(rows[0]).toEqual([{ text: "I" }, { text: "CÔNG TÁC CHỈ ĐẠO" }, { text: "", mergedFromLeft: true }, { text: "", mergedFromLeft: true }]);
    expect(rows[1].map((c) => c.text)).toEqual(["1", "2", "3", "4"]);
  });

  test("w:vMerge restart and bare continue: the continued cells are part of the merge above", () => {
    const rows = onlyTable({
      rows: [
        [{ text: "1.1. Mục tiêu", vMerge: "restart" }, "3.1. A"],
        [{ vMerge: "continue" }, "3.2. B"],
        [{ vMerge: "continue" }, "3.3. C"],
        [{ text: "1.2. Khác", vMerge: "restart" }, "3.4. D"],
      ],
    });
    expect(rows.map((r) => r[0])).toEqual([{ text: "1.1. Mục tiêu" }, { text: "", mergedFromAbove: true }, { text: "", mergedFromAbove: true }, { text: "1.2. Khác" }]);
  });

  test("vMerge continue on a spanned cell marks every grid cell it covers", () => {
    const rows = onlyTable({ rows: [[{ text: "x", span: 2, vMerge: "restart" }, "y"], [{ span: 2, vMerge: "continue" }, "z"]] });
    expect(rows[1]).toEqual([{ text: "", mergedFromAbove: true }, { text: "", mergedFromLeft: true, mergedFromAbove: true }, { text: "z" }]);
  });

  test("w:gridBefore / w:gridAfter: empty leading and trailing grid cells", () => {
    const rows = onlyTable({ rows: [["a", "b", "c", "d"], { cells: ["b2", "c2"], gridBefore: 1, gridAfter: 1 }, { cells: ["x"], gridBefore: 2 }] });
    expect(gridTexts({ rows })).toEqual([["a", "b", "c", "d"], ["", "b2", "c2", ""], ["", "", "x", ""]]);
  });

  test("a cell wrapped in w:sdt, a row wrapped in w:sdt, a cell in w:customXml", () => {
    const rows = onlyTable({ rows: [["a", { text: "b", sdt: true }, "c"], { cells: ["d", "e", "f"], sdt: true }, ["g", { text: "h", customXml: true }, "i"]] });
    expect(gridTexts({ rows })).toEqual([["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"]]);
  });

  test("runs split mid-word with w:proofErr and bookmarks between them join back without separators", () => {
    const rows = onlyTable({ rows: [["Xây dựng dự thảo văn bản", "Tư pháp"]] }, 3);
    expect(rows[0].map((c) => c.text)).toEqual(["Xây dựng dự thảo văn bản", "Tư pháp"]);
  });

  test("w:tab becomes a space, w:br / w:cr a line break, several paragraphs are lines", () => {
    const rows = onlyTable({ rows: [["a\tb", "line one\rline two", "para one\npara two\n\n"]] });
    expect(rows[0].map((c) => c.text)).toEqual(["a b", "line one\nline two", "para one\npara two"]);
    const cr = onlyTable({ rows: [[{ xml: `<w:p><w:r><w:t>x</w:t><w:cr/><w:t>y</w:t></w:r></w:p>` }]] });
    expect(cr[0][0].text).toBe("x\ny");
  });

  test("deleted revisions and field codes are dropped, insertions kept, a deleted row is dropped", () => {
    const xml =
      `<w:p><w:r><w:t xml:space="preserve">Công </w:t></w:r><w:del w:id="1" w:author="A"><w:r><w:delText>cũ </w:delText></w:r></w:del>` +
      `<w:ins w:id="2" w:author="A"><w:r><w:t>văn</w:t></w:r></w:ins>` +
      `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> mới</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;
    const doc = `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>` +
      `<w:tr><w:tc>${xml}</w:tc></w:tr>` +
      `<w:tr><w:trPr><w:del w:id="3" w:author="A"/></w:trPr><w:tc><w:p><w:r><w:t>gone</w:t></w:r></w:p></w:tc></w:tr>` +
      `<w:tr><w:tc><w:p><w:pPr><w:rPr><w:del w:id="4" w:author="A"/></w:rPr></w:pPr><w:r><w:t>kept</w:t></w:r></w:p></w:tc></w:tr>` +
      `</w:tbl></w:body></w:document>`;
    const rows = readDocxTables(buildDocx({ body: [], documentXml: doc }))[0].rows;
    expect(gridTexts({ rows })).toEqual([["Công văn mới"], ["kept"]]);
  });

  test("a nested table's text becomes lines of its outer cell and is not a top-level table", () => {
    const doc = readDocx(
      buildDocx({
        body: [
          {
            table: {
              rows: [
                ["a", { text: "outer", nested: { rows: [["n1", "n2"], ["n3", { text: "n4", nested: { rows: [["deep"]] } }]] } }],
                ["b", "c"],
              ],
            },
          },
        ],
      }),
    );
    expect(doc.tables).toHaveLength(1);
    expect(gridTexts(doc.tables[0])).toEqual([["a", "outer\nn1\nn2\nn3\nn4\ndeep"], ["b", "c"]]);
  });

  test("paragraphs outside tables are collected, per table and for the document", () => {
    const doc = readDocx(buildDocx({ body: ["UBND XÃ HỒNG LỘC", "KẾ HOẠCH", { table: { rows: [["x"]] } }, "PHỤ LỤC", "", { table: { rows: [["y"]] } }, "Nơi nhận"] }));
    expect(doc.paragraphs).toEqual(["UBND XÃ HỒNG LỘC", "KẾ HOẠCH", "PHỤ LỤC", "Nơi nhận"]);
    expect(doc.tables.map((t) => t.paragraphsBefore)).toEqual([["UBND XÃ HỒNG LỘC", "KẾ HOẠCH"], ["PHỤ LỤC"]]);
    expect(doc.mainPart).toBe("word/document.xml");
  });

  test("several tables: the appendix is chosen by its header, not its position", () => {
    const bytes = buildDocx({
      body: [
        { table: { rows: [["UBND XÃ HỒNG LỘC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], ["Số: 03/QĐ-UBND", "Hồng Lộc, ngày 12 tháng 01 năm 2024"]] } },
        { table: { rows: [["TT", "Chỉ tiêu", "Kết quả"], ["1", "Tỷ lệ hồ sơ trực tuyến", "70%"]] } },
        "PHỤ LỤC",
        "KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2024",
        { table: { rows: [SEED_HEADER, ["I", { text: "CÔNG TÁC CHỈ ĐẠO", span: 8 }], ["1", "1.1. A", "2.1. B", "3.1. C", "Kế hoạch", "Tư pháp", "", "Năm 2024", ""]] } },
        { table: { rows: [["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH"]] } },
      ],
    });
    const grid = gridFromDocx(bytes);
    expect(grid.rows[0][0].text).toBe("TT");
    expect(grid.rows).toHaveLength(3);
    expect(grid.title).toEqual(["PHỤ LỤC", "KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2024"]);
    expect(grid.source).toBe("docx");
  });

  test("NFD text becomes NFC and whitespace collapses", () => {
    const nfd = "Văn hoá - Thông tin".normalize("NFD");
    const rows = onlyTable({ rows: [[nfd + "  \u00a0 ", " Tư   pháp "]] });
    expect(rows[0][0].text).toBe("Văn hoá - Thông tin".normalize("NFC"));
    expect(rows[0][1].text).toBe("Tư pháp");
  });

  test("paragraph helper escapes markup characters", () => {
    const rows = onlyTable({ rows: [[{ xml: paragraphXml(`<a href="x">&amp;</a>`) }]] });
    expect(rows[0][0].text).toBe(`<a href="x">&amp;</a>`);
  });

  test("the main part is found through [Content_Types].xml when it is not word/document.xml", () => {
    const ct = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
    const doc = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`;
    const bytes = buildDocx({ body: [], omitDocument: true, contentTypes: ct, extraFiles: { "word/document2.xml": doc } });
    const d = readDocx(bytes);
    expect(d.mainPart).toBe("word/document2.xml");
    expect(d.tables[0].rows[0][0].text).toBe("x");
  });
});

describe("docx grid size caps (GRID_LIMITS)", () => {
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  const tc = (text: string, span = 1) => `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ""}<w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
  const doc = (rows: string[]) => `<w:document xmlns:w="${W}"><w:body><w:tbl>${rows.join("")}</w:tbl></w:body></w:document>`;

  test("a table is at most 64 columns wide: a wider span is clamped, text past column 64 dropped with a warning", () => {
    expect(GRID_LIMITS.maxCols).toBe(64);
    const wide = `<w:tr>${tc("x", 1000)}${tc("lost")}</w:tr>`;
    const many = `<w:tr>${Array.from({ length: 70 }, (_, i) => tc(`c${i + 1}`)).join("")}</w:tr>`;
    const { tables } = parseDocumentXml(doc([`<w:tr>${SEED_HEADER.map((h) => tc(h)).join("")}</w:tr>`, wide, many]));
    const rows = tables[0].rows;
    expect(rows.every((r) => r.length === 64)).toBe(true);
    expect(rows[1][0]).toEqual({ text: "x" });
    expect(rows[1].slice(1).every((c) => c.mergedFromLeft && c.text === "")).toBe(true);
    expect(rows[2][63]).toEqual({ text: "c64" });
    // Each row named by its first words, as the person finds it in the document (not "row 2").
    expect(tables[0].warnings).toEqual([
      { vi: expect.stringMatching(/^Dòng "lost": 1 ô có chữ.*cột 64/), en: expect.stringMatching(/^Row "lost": 1 cell with text beyond column 64/) },
      { vi: expect.stringMatching(/^Dòng "c1": 6 ô có chữ.*cột 64/), en: expect.stringMatching(/^Row "c1": 6 cells with text beyond column 64/) },
    ]);
  });

  test("the warnings reach parseAppendix's through gridFromDocx", () => {
    const rows = [SEED_HEADER, ["I", { text: "CÔNG TÁC CHỈ ĐẠO", span: 8 }], ["1", "1.1. A", "2.1. B", "3.1. C", "Kế hoạch", "Tư pháp", "", "Quý I/2024", "", ...Array.from({ length: 60 }, (_, i) => `x${i}`)]];
    const p = parseAppendix(gridFromDocx(buildDocx({ body: [{ table: { rows } }] })));
    expect(p.activities.map((a) => a.activity)).toEqual(["C"]);
    expect(p.warnings[0].vi).toMatch(/^Dòng "Kế hoạch": 5 ô có chữ nằm ngoài cột 64/);
    expect(p.warnings[0].en).toMatch(/^Row "Kế hoạch": 5 cells with text beyond column 64/);
  });

  test("rows × width past 4,000,000 cells: ImportError too-large, in Vietnamese and English, saying what to do", () => {
    const rowsNeeded = GRID_LIMITS.maxCells / 64; // plus the wide row: one row too many
    const xml = doc([`<w:tr>${tc("", 64)}</w:tr>`, ...new Array(rowsNeeded).fill("<w:tr><w:tc><w:p/></w:tc></w:tr>")]);
    let err: unknown;
    try {
      parseDocumentXml(xml);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ImportError);
    const e = err as ImportError;
    expect(e.code).toBe("too-large");
    expect(e.messageVi).toMatch(/62\.501 dòng × 64 cột.*4\.000\.000 ô.*Hãy xóa/);
    expect(e.messageEn).toMatch(/62501 rows × 64 columns.*4000000 cells.*Remove/);
    // The same rows under a 9-column table import (the cap is on cells, not rows).
    expect(() => parseDocumentXml(doc([`<w:tr>${tc("", 9)}</w:tr>`, ...new Array(rowsNeeded).fill("<w:tr><w:tc><w:p/></w:tc></w:tr>")]))).not.toThrow();
  });
});
