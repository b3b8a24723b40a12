import fc from "fast-check";
import { stripDiacritics } from "../../src/core/text";
import { canonicalUnitKey, DEFAULT_UNITS, defaultUnitDirectory, splitPartners, unitsFromSheetRows, unitsToSheetRows } from "../../src/core/units";

const dir = defaultUnitDirectory();
const allNames = DEFAULT_UNITS.flatMap((u) => [u.name, ...u.aliases]);

/** Vietnamese-looking text: syllables, abbreviations, dashes, separators, odd characters. */
const fragment = fc.oneof(
  fc.constantFrom(
    "Tư", "pháp", "Hộ", "tịch", "Văn", "hoá", "hóa", "Hoa", "phòng", "Ủy", "Uỷ", "ban", "nhân", "dân", "xã", "huyện", "tỉnh",
    "Công", "chức", "Cán", "bộ", "Bộ", "phận", "Đ/c", "và", "&", "-", "–", "—", ",", ";", "\n", "(", ")", ".", " ", "  ",
    "UBND", "HĐND", "CCHC", "TP-HT", "VH-TT", "CA", "các", "ngành", "liên", "quan", "\u0301", "\u0300", "İ", "ß", "ﬁ", "\u200B",
  ),
  fc.string({ maxLength: 4 }),
);
const vietnameseish = fc.array(fragment, { maxLength: 12 }).map((xs) => xs.join(" "));
const anyText = fc.oneof(fc.fullUnicodeString({ maxLength: 40 }), vietnameseish);

describe("canonicalUnitKey properties", () => {
  test("never throws and is idempotent on arbitrary Unicode", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const k = canonicalUnitKey(s);
        expect(canonicalUnitKey(k)).toBe(k);
      }),
      { numRuns: 1500 },
    );
  });
  test("NFC and NFD inputs give the same key", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(canonicalUnitKey(s.normalize("NFD"))).toBe(canonicalUnitKey(s.normalize("NFC")));
      }),
      { numRuns: 1000 },
    );
  });
  test("keys are lower-case words of letters and digits separated by single spaces", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const k = canonicalUnitKey(s);
        expect(k).toBe(k.trim());
        expect(k).not.toMatch(/ {2}/);
        expect(k).not.toMatch(/[^\p{L}\p{N} ]/u);
      }),
      { numRuns: 1000 },
    );
  });
  test("case, dash style, dash spacing and tone placement do not change the key of a known name", () => {
    const variant = fc.record({
      name: fc.constantFrom(...allNames),
      upper: fc.boolean(),
      dash: fc.constantFrom("-", "–", "—", " - ", " – ", "-  ", "  —  "),
      oldTones: fc.boolean(),
      pad: fc.constantFrom("", " ", "  ", "\t"),
    });
    fc.assert(
      fc.property(variant, ({ name, upper, dash, oldTones, pad }) => {
        let s = name.replace(/\s*-\s*/g, dash);
        if (oldTones) s = s.replace(/óa/g, "oá").replace(/òa/g, "oà").replace(/ủy/g, "uỷ").replace(/Ủy/g, "Uỷ");
        if (upper) s = s.toUpperCase();
        expect(canonicalUnitKey(pad + s + pad)).toBe(canonicalUnitKey(name));
      }),
      { numRuns: 500 },
    );
  });
});

describe("UnitDirectory.match properties", () => {
  test("never throws on arbitrary Unicode; a unit or a suggestion is from the directory", () => {
    const units = new Set(dir.all().map((u) => u.name));
    fc.assert(
      fc.property(anyText, (s) => {
        const r = dir.match(s);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(1);
        if (r.unit) {
          expect(units.has(r.unit.name)).toBe(true);
          expect(r.suggestion).toBeNull();
        }
        if (r.suggestion) expect(units.has(r.suggestion.name)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
  test("every known name, in any case and NFC/NFD, finds its own unit", () => {
    const pick = fc.record({ i: fc.nat(DEFAULT_UNITS.length - 1), j: fc.nat(40), upper: fc.boolean(), nfd: fc.boolean() });
    fc.assert(
      fc.property(pick, ({ i, j, upper, nfd }) => {
        const u = DEFAULT_UNITS[i];
        const written = [u.name, ...u.aliases, ...u.abbreviations];
        let s = written[j % written.length];
        if (upper) s = s.toUpperCase();
        if (nfd) s = s.normalize("NFD");
        expect(dir.match(s).unit?.name).toBe(u.name);
      }),
      { numRuns: 600 },
    );
  });
  test("the diacritic-free fallback never lands on a different unit", () => {
    for (const u of DEFAULT_UNITS) {
      for (const n of [u.name, ...u.aliases]) {
        const r = dir.match(stripDiacritics(n));
        if (r.unit) expect(r.unit.name).toBe(u.name);
      }
    }
  });
  test("stripping some (not all) diacritics never lands on a different unit", () => {
    const pick = fc.record({ name: fc.constantFrom(...allNames), mask: fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }) });
    fc.assert(
      fc.property(pick, ({ name, mask }) => {
        const owner = dir.match(name).unit;
        const chars = [...name.normalize("NFC")];
        const partial = chars.map((c, k) => (mask[k % mask.length] ? stripDiacritics(c) : c)).join("");
        const r = dir.match(partial);
        if (r.unit) expect(r.unit.name).toBe(owner?.name);
      }),
      { numRuns: 600 },
    );
  });
});

describe("splitPartners properties", () => {
  test("never throws; pieces are trimmed, non-empty, single-line", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const p of splitPartners(s)) {
          expect(p).toBe(p.trim());
          expect(p.length).toBeGreaterThan(0);
          expect(p).not.toMatch(/\n/);
        }
      }),
      { numRuns: 1000 },
    );
  });
  test("a list of known names joined by separators splits back into those names", () => {
    const sep = fc.constantFrom(", ", "; ", "\n", " và ", ",\n", " & ");
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...allNames), { minLength: 1, maxLength: 4 }), fc.array(sep, { minLength: 4, maxLength: 4 }), (names, seps) => {
        let text = names[0];
        for (let k = 1; k < names.length; k++) text += seps[k - 1] + names[k];
        const pieces = splitPartners(text);
        // Each name resolves to the same unit as the piece at the same position …
        const expected = names.map((n) => dir.match(n).unit?.name);
        const got = pieces.map((p) => dir.match(p).unit?.name);
        // … unless two adjacent names themselves form a protected name ("Mặt trận Tổ quốc" + "và các đoàn thể").
        if (got.length === expected.length) expect(got).toEqual(expected);
        else expect(got.length).toBeLessThan(expected.length);
      }),
      { numRuns: 400 },
    );
  });
});

describe("Đơn vị sheet properties", () => {
  test("arbitrary rows never throw and give units with names", () => {
    const cell = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(""), fc.constantFrom("Tập thể", "Ngoài xã", "Đơn vị"));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }), (rows) => {
        const units = unitsFromSheetRows(rows);
        for (const u of units) {
          expect(canonicalUnitKey(u.name)).not.toBe("");
          expect(["single", "collective", "outside"]).toContain(u.kind);
        }
        expect(unitsFromSheetRows(unitsToSheetRows(units))).toEqual(units);
      }),
      { numRuns: 300 },
    );
  });
});
