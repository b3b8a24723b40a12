import fc from "fast-check";
import {
  diacriticCompatible,
  foldChar,
  matchKey,
  newStyleTones,
  normalizeText,
  shortHash,
  similarity,
  stripDiacritics,
} from "../../src/core/text";

describe("normalizeText", () => {
  test("NFC, controls and zero-width marks removed, whitespace collapsed", () => {
    expect(normalizeText("  Tư\u00A0pháp \u200B- Hộ\ttịch \n")).toBe("Tư pháp - Hộ tịch");
    expect(normalizeText("Hoá".normalize("NFD"))).toBe("Hoá".normalize("NFC"));
    expect(normalizeText(null)).toBe("");
    expect(normalizeText(undefined)).toBe("");
    expect(normalizeText(75)).toBe("75");
  });
  test("keeps non-empty lines when asked", () => {
    expect(normalizeText("a  b\r\n\r\n  c \rd", true)).toBe("a b\nc\nd");
  });
});

describe("newStyleTones, matchKey", () => {
  test("old tone placement moves to the new one only at syllable end", () => {
    expect(newStyleTones("hoá uỷ Hoà thuý")).toBe("hóa ủy Hòa thúy");
    expect(newStyleTones("hoàn thuyết")).toBe("hoàn thuyết");
  });
  test("matchKey unifies case, tones, dashes and punctuation", () => {
    expect(matchKey("Văn hoá – Thông tin")).toBe(matchKey("văn hóa - thông tin"));
    expect(matchKey("Tư pháp-Hộ tịch")).toBe("tư pháp - hộ tịch");
    expect(matchKey("“Uỷ ban”; (xã).")).toBe("ủy ban xã");
  });
});

describe("stripDiacritics, similarity, shortHash", () => {
  test("stripDiacritics", () => {
    expect(stripDiacritics("Đảng ủy Hóa")).toBe("Dang uy Hoa");
  });
  test("similarity", () => {
    expect(similarity("Tư pháp", "tư  pháp")).toBe(1);
    expect(similarity("Tư pháp", "Văn phòng")).toBeLessThan(0.5);
    expect(similarity("a", "b")).toBe(0);
  });
  test("shortHash is short and stable", () => {
    expect(shortHash("abc")).toHaveLength(5);
    expect(shortHash("abc")).toBe(shortHash("abc"));
    expect(shortHash("abc")).not.toBe(shortHash("abd"));
  });
});

describe("foldChar", () => {
  test("one character without its marks", () => {
    expect(foldChar("ề")).toBe("e");
    expect(foldChar("đ")).toBe("d");
    expect(foldChar("Đ")).toBe("D");
    expect(foldChar("ư")).toBe("u");
    expect(foldChar("a")).toBe("a");
    expect(foldChar("-")).toBe("-");
  });
  test("always one character in, one character out", () => {
    fc.assert(
      fc.property(fc.fullUnicode(), (c) => {
        expect(foldChar(c).length).toBe(c.length);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("diacriticCompatible", () => {
  test("missing marks are tolerated, different marks are not", () => {
    expect(diacriticCompatible("tu phap", "tư pháp")).toBe(true);
    expect(diacriticCompatible("tư phap", "tư pháp")).toBe(true);
    expect(diacriticCompatible("tư pháp", "tư pháp")).toBe(true);
    expect(diacriticCompatible("van hoa", "văn hóa")).toBe(true);
    expect(diacriticCompatible("văn hòa", "văn hóa")).toBe(false);
    expect(diacriticCompatible("hóa", "hoa")).toBe(false);
    expect(diacriticCompatible("tư", "từ")).toBe(false);
    expect(diacriticCompatible("hdnd", "hđnd")).toBe(true);
    expect(diacriticCompatible("hđnd", "hdnd")).toBe(false);
    expect(diacriticCompatible("ab", "abc")).toBe(false);
  });
  test("a word is compatible with itself and its stripped form", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const w = s.normalize("NFC");
        expect(diacriticCompatible(w, w)).toBe(true);
        const stripped = [...w].map(foldChar).join("");
        expect(diacriticCompatible(stripped, w)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
