import {
  canonicalUnitKey,
  DEFAULT_UNITS,
  defaultUnitDirectory,
  parseUnitKind,
  splitPartners,
  UnitDirectory,
  unitsFromSheetRows,
  unitsToSheetRows,
  UNIT_SHEET_HEADER,
  type Unit,
} from "../../src/core/units";

const dir = defaultUnitDirectory();
const nameOf = (s: string) => dir.match(s).unit?.name ?? null;

describe("canonicalUnitKey", () => {
  test.each<[string, string]>([
    ["Tư pháp - Hộ tịch", "tư pháp hộ tịch"],
    ["Tư pháp-Hộ tịch", "tư pháp hộ tịch"],
    ["Tư pháp – Hộ tịch", "tư pháp hộ tịch"],
    ["Tư pháp — Hộ tịch", "tư pháp hộ tịch"],
    ["  TƯ PHÁP   HỘ TỊCH. ", "tư pháp hộ tịch"],
    ["Công chức Tư pháp - Hộ tịch", "tư pháp hộ tịch"],
    ["Cán bộ Tư pháp", "tư pháp"],
    ["Đ/c Tư pháp", "tư pháp"],
    ["đ.c Tư pháp", "tư pháp"],
    ["Đồng chí Tư pháp", "tư pháp"],
    ["Văn hoá - Thông tin", "văn hóa thông tin"],
    ["Văn hóa – Thông tin", "văn hóa thông tin"],
    ["Uỷ ban nhân dân xã", "ubnd xã"],
    ["Ủy ban nhân dân xã", "ubnd xã"],
    ["Chủ tịch Ủy ban nhân dân xã", "chủ tịch ubnd xã"],
    ["Hội đồng nhân dân xã", "hđnd xã"],
    ["Tổ kiểm tra cải cách hành chính xã", "tổ kiểm tra cchc xã"],
    ["Ủy ban Mặt trận Tổ quốc xã", "mttq xã"],
    ["Bộ phận Một cửa", "một cửa"],
    ["Ban Chỉ huy Quân sự xã", "chỉ huy quân sự xã"],
    ["HĐND&UBND xã", "hđnd và ubnd xã"],
    ["“Các ban, ngành cấp xã”;", "các ban ngành cấp xã"],
    ["Cán bộ, công chức xã", "công chức xã"],
    ["Công chức", "công chức"],
    ["Ban", "ban"],
    ["", ""],
  ])("%p → %p", (input, key) => {
    expect(canonicalUnitKey(input)).toBe(key);
  });
  test("NFC and NFD give the same key", () => {
    for (const u of DEFAULT_UNITS) expect(canonicalUnitKey(u.name.normalize("NFD"))).toBe(canonicalUnitKey(u.name));
  });
  test("idempotent on every default name", () => {
    for (const u of DEFAULT_UNITS) {
      for (const n of [u.name, ...u.aliases, ...u.abbreviations]) {
        const k = canonicalUnitKey(n);
        expect(canonicalUnitKey(k)).toBe(k);
      }
    }
  });
});

describe("UnitDirectory.match", () => {
  test.each<[string, string]>([
    // canonical names, aliases, spacing and dashes
    ["Tư pháp - Hộ tịch", "Tư pháp - Hộ tịch"],
    ["Tư pháp-Hộ tịch", "Tư pháp - Hộ tịch"],
    ["Tư pháp – Hộ tịch", "Tư pháp - Hộ tịch"],
    ["Công chức Tư pháp - Hộ tịch", "Tư pháp - Hộ tịch"],
    ["Công chức Tư pháp", "Tư pháp - Hộ tịch"],
    // shortened names
    ["Tư pháp", "Tư pháp - Hộ tịch"],
    ["Văn phòng", "Văn phòng - Thống kê"],
    ["Văn Phòng", "Văn phòng - Thống kê"],
    ["Tài chính", "Tài chính - Kế toán"],
    ["Địa chính", "Địa chính - Xây dựng"],
    ["Địa chính - Nông nghiệp - Xây dựng và Môi trường", "Địa chính - Xây dựng"],
    // renamed / old names of Văn hóa - Xã hội
    ["Văn hóa", "Văn hóa - Xã hội"],
    ["Văn hoá", "Văn hóa - Xã hội"],
    ["Văn hoá thông tin", "Văn hóa - Xã hội"],
    ["Văn hoá - Thông tin", "Văn hóa - Xã hội"],
    ["VH-TT", "Văn hóa - Xã hội"],
    ["Lao động - Thương binh và Xã hội", "Văn hóa - Xã hội"],
    // abbreviations
    ["TP-HT", "Tư pháp - Hộ tịch"],
    ["TPHT", "Tư pháp - Hộ tịch"],
    ["tp - ht", "Tư pháp - Hộ tịch"],
    ["VP-TK", "Văn phòng - Thống kê"],
    ["VH-XH", "Văn hóa - Xã hội"],
    ["VHXH", "Văn hóa - Xã hội"],
    ["ĐC-XD", "Địa chính - Xây dựng"],
    ["TC-KT", "Tài chính - Kế toán"],
    ["CHT QS", "Chỉ huy trưởng Quân sự"],
    ["Ban CHQS xã", "Chỉ huy trưởng Quân sự"],
    ["CA xã", "Công an xã"],
    ["Công an", "Công an xã"],
    // Bộ phận Một cửa
    ["Bộ phận Một cửa", "Bộ phận tiếp nhận và trả kết quả"],
    ["Bộ phận một cửa cấp xã", "Bộ phận tiếp nhận và trả kết quả"],
    ["Bộ phận tiếp nhận và trả kết quả của xã", "Bộ phận tiếp nhận và trả kết quả"],
    ["Bộ phận Tiếp nhận và Trả kết quả cấp xã", "Bộ phận tiếp nhận và trả kết quả"],
    ["Bộ phận TN&TKQ", "Bộ phận tiếp nhận và trả kết quả"],
    // leadership, bodies
    ["Chủ tịch UBND xã", "Chủ tịch UBND xã"],
    ["Chủ tịch Ủy ban nhân dân xã", "Chủ tịch UBND xã"],
    ["Phó Chủ tịch UBND xã", "Phó Chủ tịch UBND xã"],
    ["UBND xã", "UBND xã"],
    ["UBND", "UBND xã"],
    ["Ủy ban nhân dân xã Hồng Lộc", "UBND xã"],
    ["HĐND xã", "HĐND xã"],
    ["Tổ kiểm tra CCHC xã", "Tổ kiểm tra CCHC xã"],
    ["Ủy ban Mặt trận Tổ quốc xã", "Ủy ban Mặt trận Tổ quốc xã"],
    ["MTTQ", "Ủy ban Mặt trận Tổ quốc xã"],
    // outside
    ["UBND huyện", "UBND huyện"],
    ["Phòng Nội vụ huyện", "Phòng Nội vụ huyện"],
    ["HĐND tỉnh và UBND tỉnh", "HĐND tỉnh và UBND tỉnh"],
    ["UBND tỉnh", "UBND tỉnh"],
    ["Sở Nội vụ", "Sở Nội vụ"],
    // diacritic-free fallback
    ["tu phap ho tich", "Tư pháp - Hộ tịch"],
    ["tu phap", "Tư pháp - Hộ tịch"],
    ["TU PHAP - HO TICH", "Tư pháp - Hộ tịch"],
    ["Tư phap hộ tich", "Tư pháp - Hộ tịch"],
    ["van hoa xa hoi", "Văn hóa - Xã hội"],
    ["van hoa", "Văn hóa - Xã hội"],
    ["cong chuc tu phap", "Tư pháp - Hộ tịch"],
    ["uy ban nhan dan xa", "UBND xã"],
    ["HDND xa", "HĐND xã"],
    ["cac ban, nganh cap xa", "Các ban, ngành cấp xã"],
    ["Tư pháp (chủ trì)", "Tư pháp - Hộ tịch"],
  ])("%p → %p", (input, expected) => {
    expect(nameOf(input)).toBe(expected);
  });

  test("NFD input matches like NFC", () => {
    expect(nameOf("Văn hoá - Thông tin".normalize("NFD"))).toBe("Văn hóa - Xã hội");
  });

  test("a different diacritic is not a match: 'Văn hòa' and 'Hoa' are not Văn hóa", () => {
    const r = dir.match("Văn hòa");
    expect(r.unit).toBeNull();
    expect(r.suggestion?.name).toBe("Văn hóa - Xã hội");
    expect(r.score).toBeLessThan(1);
    expect(dir.match("Hoa").unit).toBeNull();
    expect(dir.match("Hòa").unit).toBeNull();
  });

  test("a stripped key shared by two units matches neither", () => {
    const d = new UnitDirectory([
      { name: "Hóa chất", aliases: [], abbreviations: [], kind: "single" },
      { name: "Hoa chất", aliases: [], abbreviations: [], kind: "single" },
    ]);
    expect(d.match("Hóa chất").unit?.name).toBe("Hóa chất");
    expect(d.match("Hoa chất").unit?.name).toBe("Hoa chất");
    const r = d.match("hoa chat");
    expect(r.unit).toBeNull();
    expect(r.via).toBe("ambiguous");
    expect(r.candidates?.map((u) => u.name).sort()).toEqual(["Hoa chất", "Hóa chất"]);
  });

  test("a key claimed by two units is ambiguous and reported", () => {
    const d = new UnitDirectory([
      { name: "Văn phòng - Thống kê", aliases: ["VP"], abbreviations: [], kind: "single" },
      { name: "Văn phòng Đảng ủy", aliases: ["VP"], abbreviations: [], kind: "single" },
    ]);
    expect(d.match("VP").unit).toBeNull();
    expect(d.match("VP").via).toBe("ambiguous");
    expect(d.conflicts()).toEqual([{ key: "vp", units: d.all() }]);
  });

  test("unknown names: no unit, the closest suggestion when reasonably close", () => {
    const typo = dir.match("Tư pháo - Hộ tịch");
    expect(typo.unit).toBeNull();
    expect(typo.suggestion?.name).toBe("Tư pháp - Hộ tịch");
    expect(typo.score).toBeGreaterThan(0.6);
    expect(typo.via).toBe("fuzzy");
    const far = dir.match("Nguyễn Văn A");
    expect(far.unit).toBeNull();
    expect(far.suggestion).toBeNull();
    expect(far.score).toBe(0);
    expect(dir.match("").unit).toBeNull();
    expect(dir.match("Xã").unit).toBeNull();
  });

  test("the result carries the cleaned input and how it matched", () => {
    const r = dir.match("  Tư   pháp ");
    expect(r).toMatchObject({ input: "Tư pháp", via: "exact", score: 1, suggestion: null });
    expect(dir.match("TPHT").via).toBe("compact");
    expect(dir.match("tu phap ho tich").via).toBe("diacritics");
  });

  test("distinct units stay distinct", () => {
    expect(nameOf("Chủ tịch UBND xã")).not.toBe(nameOf("Phó Chủ tịch UBND xã"));
    expect(nameOf("UBND xã")).not.toBe(nameOf("UBND huyện"));
    expect(nameOf("UBND tỉnh")).not.toBe(nameOf("HĐND tỉnh và UBND tỉnh"));
    expect(nameOf("Các ban, ngành cấp xã")).not.toBe(nameOf("Các ban, ngành liên quan"));
    expect(nameOf("Phòng Văn hóa và Thông tin huyện")).toBe("Phòng Văn hóa và Thông tin huyện");
    expect(nameOf("Ban Chỉ huy Quân sự huyện")).toBe("Ban Chỉ huy Quân sự huyện");
    expect(nameOf("Ban Chỉ huy Quân sự xã")).toBe("Chỉ huy trưởng Quân sự");
  });

  test("non-string input does not throw", () => {
    expect(dir.match(undefined as unknown as string).unit).toBeNull();
    expect(dir.match(42 as unknown as string).unit).toBeNull();
  });

  // Matching speed (10,000 distinct names, cold caches) is measured by `npm run bench`.
});

/** Every owner (Chủ trì) and partner (Phối hợp) name written in the seed appendix and body. */
const SEED_NAMES: Array<[string, string, Unit["kind"]]> = [
  ["Tư pháp", "Tư pháp - Hộ tịch", "single"],
  ["Tư pháp ", "Tư pháp - Hộ tịch", "single"],
  ["Văn hoá - Thông tin", "Văn hóa - Xã hội", "single"],
  ["Văn hoá", "Văn hóa - Xã hội", "single"],
  ["Văn hoá thông tin", "Văn hóa - Xã hội", "single"],
  ["Văn phòng", "Văn phòng - Thống kê", "single"],
  ["Văn Phòng", "Văn phòng - Thống kê", "single"],
  ["Tài chính", "Tài chính - Kế toán", "single"],
  ["Tổ kiểm tra CCHC xã", "Tổ kiểm tra CCHC xã", "single"],
  ["Bộ phận tiếp nhận và trả kết quả", "Bộ phận tiếp nhận và trả kết quả", "single"],
  ["Bộ phận tiếp nhận và trả kết quả của xã", "Bộ phận tiếp nhận và trả kết quả", "single"],
  ["Bộ phận Một cửa cấp xã", "Bộ phận tiếp nhận và trả kết quả", "single"],
  ["Công chức Tư pháp - Hộ tịch", "Tư pháp - Hộ tịch", "single"],
  ["Công chức Tư pháp", "Tư pháp - Hộ tịch", "single"],
  ["Chủ tịch UBND xã", "Chủ tịch UBND xã", "single"],
  ["Chủ tịch, các phó Chủ tịch UBND xã".split(", ")[1], "Phó Chủ tịch UBND xã", "single"],
  ["UBND xã", "UBND xã", "single"],
  ["Ủy ban Mặt trận Tổ quốc", "Ủy ban Mặt trận Tổ quốc xã", "single"],
  ["Các ban, ngành cấp xã", "Các ban, ngành cấp xã", "collective"],
  ["Các ban ngành cấp xã", "Các ban, ngành cấp xã", "collective"],
  ["Các  ban ngành cấp xã", "Các ban, ngành cấp xã", "collective"],
  ["Các ban, ngành liên quan", "Các ban, ngành liên quan", "collective"],
  ["Các ban, ngành có liên quan", "Các ban, ngành liên quan", "collective"],
  ["Các cơ quan chủ trì các lĩnh vực CCHC xã", "Các cơ quan chủ trì các lĩnh vực CCHC xã", "collective"],
  ["Các cơ quan chủ trì CCHC của xã", "Các cơ quan chủ trì các lĩnh vực CCHC xã", "collective"],
  ["các cơ quan liên quan khác", "Các cơ quan liên quan khác", "collective"],
  ["Các ban, ngành, đoàn thể cấp xã", "Các ban, ngành, đoàn thể", "collective"],
  ["Ủy ban Mặt trận Tổ quốc và các tổ chức đoàn thể cấp xã", "Các tổ chức đoàn thể", "collective"],
  ["Phòng Nội vụ huyện", "Phòng Nội vụ huyện", "outside"],
  ["UBND huyện", "UBND huyện", "outside"],
  ["Chủ tịch UBND huyện", "Chủ tịch UBND huyện", "outside"],
  ["HĐND tỉnh và UBND tỉnh", "HĐND tỉnh và UBND tỉnh", "outside"],
  ["UBND tỉnh", "UBND tỉnh", "outside"],
  ["Chủ tịch UBND tỉnh", "Chủ tịch UBND tỉnh", "outside"],
  ["Hội đồng thẩm định CCHC Trung ương", "Hội đồng thẩm định CCHC Trung ương", "outside"],
  ["Bộ Nội vụ", "Bộ Nội vụ", "outside"],
  ["Trung tâm Hành chính công cấp huyện", "Trung tâm Hành chính công huyện", "outside"],
  ["Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm Phục vụ hành chính công tỉnh", "outside"],
];

describe("every owner and partner name of the seed resolves", () => {
  test.each(SEED_NAMES)("%p → %p (%s)", (input, name, kind) => {
    const r = dir.match(input);
    expect(r.unit?.name).toBe(name);
    expect(r.unit?.kind).toBe(kind);
  });
  test("PDF-wrapped owner cells resolve", () => {
    expect(nameOf("Các cơ \nquan chủ \ntrì các lĩnh \nvực \nCCHC xã")).toBe("Các cơ quan chủ trì các lĩnh vực CCHC xã");
    expect(nameOf("Tổ kiểm \ntra CCHC \nxã")).toBe("Tổ kiểm tra CCHC xã");
    expect(nameOf("Bộ phận \ntiếp nhận \nvà trả kết \nquả ")).toBe("Bộ phận tiếp nhận và trả kết quả");
  });
});

describe("splitPartners", () => {
  test.each<[string, string[]]>([
    ["Tư pháp, Văn Phòng, Văn hoá thông tin", ["Tư pháp", "Văn Phòng", "Văn hoá thông tin"]],
    ["Tư pháp, \nVăn \nPhòng, \nVăn hoá \nthông tin", ["Tư pháp", "Văn Phòng", "Văn hoá thông tin"]],
    ["Các cơ quan chủ trì CCHC của xã, các cơ quan liên quan khác", ["Các cơ quan chủ trì CCHC của xã", "các cơ quan liên quan khác"]],
    ["Các ban, ngành cấp xã", ["Các ban, ngành cấp xã"]],
    ["Các ban, \nngành cấp \nxã", ["Các ban, ngành cấp xã"]],
    ["Các ban, ngành, đoàn thể cấp xã", ["Các ban, ngành, đoàn thể cấp xã"]],
    ["Các ban, ngành liên quan", ["Các ban, ngành liên quan"]],
    ["HĐND tỉnh và UBND tỉnh", ["HĐND tỉnh và UBND tỉnh"]],
    ["Bộ phận tiếp nhận và trả kết quả", ["Bộ phận tiếp nhận và trả kết quả"]],
    ["Bộ phận tiếp nhận và trả kết quả xã và Văn phòng", ["Bộ phận tiếp nhận và trả kết quả xã", "Văn phòng"]],
    ["Bộ phận \ntiếp nhận \nvà trả kết \nquả", ["Bộ phận tiếp nhận và trả kết quả"]],
    ["Tư pháp và Văn hóa; Công an xã", ["Tư pháp", "Văn hóa", "Công an xã"]],
    ["Tư pháp VÀ Văn hóa", ["Tư pháp", "Văn hóa"]],
    ["HĐND&UBND xã", ["HĐND", "UBND xã"]],
    ["- Công an\n- Quân sự", ["Công an", "Quân sự"]],
    ["Công an\nQuân sự", ["Công an", "Quân sự"]],
    ["Tư pháp;; ,Văn phòng.", ["Tư pháp", "Văn phòng"]],
    ["Ủy ban Mặt trận Tổ quốc và các tổ chức đoàn thể cấp xã", ["Ủy ban Mặt trận Tổ quốc và các tổ chức đoàn thể cấp xã"]],
    ["Bộ phận TN&TKQ, Tư pháp", ["Bộ phận TN&TKQ", "Tư pháp"]],
    ["", []],
    [" , ; ", []],
  ])("%p", (input, expected) => {
    expect(splitPartners(input)).toEqual(expected);
  });
  test("every piece of a seed partner cell resolves", () => {
    for (const cell of ["Tư pháp, Văn Phòng, Văn hoá thông tin", "Các cơ quan chủ trì CCHC của xã, các cơ quan liên quan khác"]) {
      for (const m of dir.matchList(cell)) expect(m.unit).not.toBeNull();
    }
  });
  test("a custom directory protects its own names", () => {
    const d = new UnitDirectory([{ name: "Tổ Nông nghiệp và Môi trường", aliases: [], abbreviations: [], kind: "single" }]);
    expect(splitPartners("Tổ Nông nghiệp và Môi trường, Tư pháp", d)).toEqual(["Tổ Nông nghiệp và Môi trường", "Tư pháp"]);
    expect(splitPartners("Tổ Nông nghiệp và Môi trường, Tư pháp")).toEqual(["Tổ Nông nghiệp", "Môi trường", "Tư pháp"]);
  });
});

describe("the Đơn vị sheet", () => {
  test("round trip of the default units", () => {
    const rows = unitsToSheetRows(DEFAULT_UNITS);
    expect(rows[0]).toEqual([...UNIT_SHEET_HEADER]);
    expect(rows).toHaveLength(DEFAULT_UNITS.length + 1);
    expect(unitsFromSheetRows(rows)).toEqual(DEFAULT_UNITS);
  });
  test("kinds are labelled in Vietnamese", () => {
    const rows = unitsToSheetRows(DEFAULT_UNITS);
    expect(new Set(rows.slice(1).map((r) => r[3]))).toEqual(new Set(["Đơn vị", "Tập thể", "Ngoài xã"]));
  });
  test("tolerant of blank rows, missing cells, unknown kinds, stray spacing", () => {
    const units = unitsFromSheetRows([
      ["Tên đơn vị", "Tên khác", "Viết tắt", "Loại", "Ghi chú"],
      [],
      ["", "", "", "", ""],
      ["  Tư pháp - Hộ tịch ", "Tư pháp;  Hộ tịch ;", "TP-HT, TPHT", "đơn vị"],
      ["Các ban, ngành cấp xã", "Các ban, ngành; Các ngành", "", "TAP THE", "không rõ ai"],
      ["UBND huyện", null as unknown as string, undefined as unknown as string, "Ngoài xã"],
      ["Tổ công nghệ số", "", "", "???"],
      ["Tư pháp-Hộ tịch", "Công chức Tư pháp", "TP"],
    ]);
    expect(units).toEqual([
      { name: "Tư pháp - Hộ tịch", aliases: ["Tư pháp", "Hộ tịch", "Công chức Tư pháp"], abbreviations: ["TP-HT", "TPHT", "TP"], kind: "single" },
      { name: "Các ban, ngành cấp xã", aliases: ["Các ban, ngành", "Các ngành"], abbreviations: [], kind: "collective", note: "không rõ ai" },
      { name: "UBND huyện", aliases: [], abbreviations: [], kind: "outside" },
      { name: "Tổ công nghệ số", aliases: [], abbreviations: [], kind: "single" },
    ]);
  });
  test("no header row is fine too", () => {
    expect(unitsFromSheetRows([["Công an xã", "", "CA", "Đơn vị", ""]])).toHaveLength(1);
    expect(unitsFromSheetRows([])).toEqual([]);
  });
  test.each<[unknown, Unit["kind"]]>([
    ["Đơn vị", "single"], ["Tập thể", "collective"], ["tap the", "collective"], ["Collective", "collective"],
    ["Ngoài xã", "outside"], ["ngoai xa", "outside"], ["Outside", "outside"], ["Cấp trên", "outside"],
    ["", "single"], [null, "single"], ["khác", "single"],
  ])("parseUnitKind(%p) = %p", (label, kind) => {
    expect(parseUnitKind(label)).toBe(kind);
  });
  test("a directory built from sheet rows matches like the default", () => {
    const d = new UnitDirectory(unitsFromSheetRows(unitsToSheetRows(DEFAULT_UNITS)));
    for (const [input, name] of SEED_NAMES) expect(d.match(input).unit?.name).toBe(name);
  });
});

describe("identity", () => {
  test("a matched default unit is the DEFAULT_UNITS object itself", () => {
    const r = new UnitDirectory(DEFAULT_UNITS).match("Tư pháp");
    expect(DEFAULT_UNITS).toContain(r.unit);
  });
  test("units given in a non-normal form are normalised", () => {
    const d = new UnitDirectory([{ name: "  Tư   pháp ", aliases: [" ", "TP"], abbreviations: [], kind: "weird" as Unit["kind"] }]);
    expect(d.all()).toEqual([{ name: "Tư pháp", aliases: ["TP"], abbreviations: [], kind: "single" }]);
  });
});
