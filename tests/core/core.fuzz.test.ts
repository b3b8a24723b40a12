/**
 * Fuzz properties the core suites do not state yet (issue 8, part 2). Already covered, not
 * redone here: parseDeadline (deadline.property.test.ts: never throws on strings and on
 * anything, invariants, display idempotent, NFC = NFD), canonicalUnitKey / UnitDirectory.match /
 * splitPartners on strings (units.property.test.ts), readTargets on strings (targets.property.test.ts).
 *
 * Added: the text normaliser everything goes through (normalizeText, matchKey) — never throws,
 * output within its contract, idempotent; the target reader and the owner matcher on values that
 * are not strings (cells from Excel), and their results unchanged by normalising the input first
 * (normalisation idempotent through them); a percentage target's own phrase reads back the same;
 * splitPartners is a fixpoint on its own output.
 */
import fc from "fast-check";
import { matchKey, normalizeText } from "../../src/core/text";
import { readTarget, readTargets } from "../../src/core/targets";
import { canonicalUnitKey, defaultUnitDirectory, splitPartners } from "../../src/core/units";
import { parseDeadline } from "../../src/core/deadline";

const RUNS = Number(process.env.PROP_RUNS ?? 300);
const dir = defaultUnitDirectory();

/** What normalizeText removes: C0/C1 controls (tab and line feed aside), bidi and zero-width marks, BOM. */
const REMOVED = "\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u200B-\\u200F\\u202A-\\u202E\\u2066-\\u2069\\uFEFF";
const FORBIDDEN = new RegExp(`[${REMOVED}]`);

/**
 * A removed character between a letter and a combining mark (once a defect: normalizeText
 * composed before removing, leaving "g\u0301"). Fixed; the generators below produce it freely.
 */
const KNOWN_DEFECT = new RegExp(`[${REMOVED}]\\p{M}`, "u");

const odd = fc.constantFrom("\u0000", "\u0007", "\u001F", "\u007F", "\u0085", "\u009F", "\u200B", "\u200D", "\u200F", "\u202E", "\u2066", "\uFEFF", "\u00A0", "\u2028", "\u0301", "\u0300", "\u0323", "\uD800", "\t", "\r\n", "\r", "\n", "  ");
const viWord = fc.constantFrom("Tư pháp", "Hộ tịch", "Văn hoá", "Văn hóa", "Ủy ban", "Uỷ ban", "hoà", "Thường xuyên", "Quý I/2024", "≥ 80%", "tối thiểu 70%", "ít nhất 01 cuộc", "Các ban, ngành", "UBND xã", "Tr\u00ADêng", "Kieåm tra");
const text = fc
  .array(fc.oneof({ weight: 3, arbitrary: viWord }, { weight: 2, arbitrary: odd }, { weight: 2, arbitrary: fc.fullUnicodeString({ maxLength: 6 }) }), { maxLength: 10 })
  .map((xs) => xs.join(""));
const viText = fc.array(fc.oneof(viWord, odd), { maxLength: 8 }).map((xs) => xs.join(" "));
/** What an Excel cell may hand over instead of a string. */
const cellValue = fc.oneof(fc.constant(null), fc.constant(undefined), fc.integer(), fc.double(), fc.boolean(), fc.date(), text, fc.array(text, { maxLength: 2 }));

function expectNormalised(s: string, keepLines: boolean): void {
  expect(typeof s).toBe("string");
  expect(s).toBe(s.normalize("NFC"));
  expect(FORBIDDEN.test(s)).toBe(false);
  expect(s).not.toMatch(/[\t\r\u00A0]/);
  const lines = keepLines ? s.split("\n") : [s];
  if (!keepLines) expect(s).not.toMatch(/\n/);
  for (const line of lines) {
    expect(line).toBe(line.trim());
    expect(line).not.toMatch(/\s{2}/);
    if (keepLines && s) expect(line.length).toBeGreaterThan(0);
  }
}

describe("normalizeText", () => {
  test("never throws on cell values and arbitrary Unicode; output NFC, controls removed, whitespace collapsed", () => {
    fc.assert(
      fc.property(fc.oneof(cellValue, fc.fullUnicodeString({ maxLength: 40 })), fc.boolean(), (v, keepLines) => {
        expectNormalised(normalizeText(v, keepLines), keepLines);
      }),
      { numRuns: RUNS * 3 },
    );
  });

  test("idempotent, and NFC/NFD inputs agree", () => {
    fc.assert(
      fc.property(text, fc.boolean(), (s, keepLines) => {
        const once = normalizeText(s, keepLines);
        expect(normalizeText(once, keepLines)).toBe(once);
        expect(normalizeText(s.normalize("NFD"), keepLines)).toBe(normalizeText(s.normalize("NFC"), keepLines));
        // Dropping line breaks after keeping them is the same as not keeping them.
        expect(normalizeText(normalizeText(s, true))).toBe(normalizeText(s));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  test("a value that cannot become text (a non-function toString, no prototype) gives the empty string, never a TypeError", () => {
    // fast-check's fc.anything() makes such objects: parseDeadline's property test failed on ~1 seed in 10.
    for (const v of [{ toString: "" }, [{ toString: 0 }], Object.create(null), { toString: () => { throw new Error("x"); } }]) {
      expect(normalizeText(v)).toBe("");
      expect(matchKey(v)).toBe("");
      expect(() => parseDeadline(v as unknown as string, 2024)).not.toThrow();
    }
  });

  // Was a defect (fixed in src/core/text.ts: the characters are removed before composing):
  // normalizeText applied NFC first and removed control/zero-width/bidi characters after, so a
  // removed character between a base letter and a combining mark left a decomposed pair:
  // "g\u200B\u0301" → "g\u0301" (not NFC; NFC is "ǵ"), "Hoa\u0007\u0300" → "Hoa\u0300" instead
  // of "Hoà". The output was then neither NFC nor a fixpoint (a second call composed it), and
  // matchKey/ids differed from the same text typed without the stray character.
  test("a removed character between a letter and its combining mark: the output is still NFC and a fixpoint", () => {
    for (const s of ["g\u200B\u0301", "Hoa\u0007\u0300", "Văn ho\u00ADa\u200D\u0301", "Tu\u202E\u031B pháp"]) {
      expect(KNOWN_DEFECT.test(s) || /\u00AD/.test(s)).toBe(true);
      const once = normalizeText(s);
      expect(once).toBe(once.normalize("NFC"));
      expect(normalizeText(once)).toBe(once);
    }
  });
});

describe("matchKey", () => {
  test("never throws, idempotent, NFC/NFD-blind, one line of single spaces", () => {
    fc.assert(
      fc.property(fc.oneof(text, cellValue), (v) => {
        const k = matchKey(v);
        expect(matchKey(k)).toBe(k);
        expect(k).toBe(k.trim());
        expect(k).not.toMatch(/\s{2}|\n/);
        if (typeof v === "string") expect(matchKey(v.normalize("NFD"))).toBe(k);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("case-blind on Vietnamese text", () => {
    // (Not on all of Unicode: "ẖ".toUpperCase() is "H" + U+0331, which lower-cases to a decomposed pair.)
    fc.assert(
      fc.property(viText, (s) => {
        expect(matchKey(s.toUpperCase())).toBe(matchKey(s.toLowerCase()));
        expect(matchKey(s.toUpperCase())).toBe(matchKey(s));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("matchKey with two tone marks", () => {
  // Was a defect (fixed in src/core/text.ts: the key is composed again at the end): matchKey
  // moved old-style tones ("oà" → "òa", newStyleTones) after NFC and did not compose again: a
  // vowel carrying a second tone mark (a typing slip, "hoà" + U+0301) ended up decomposed,
  // "hòa\u0301", which is not NFC and not a fixpoint (a second call gave "hòá"). Low impact (no
  // real word has two tones), but keys of one text differed by call count.
  test("a syllable with two tone marks still gives an NFC key that is a fixpoint", () => {
    const k = matchKey("hoà\u0301");
    expect(k).toBe("hòá");
    expect(k).toBe(k.normalize("NFC"));
    expect(matchKey(k)).toBe(k);
  });
});

describe("readTargets beyond strings", () => {
  test("cell values that are not strings never throw; results within the contract", () => {
    fc.assert(
      fc.property(cellValue, (v) => {
        for (const t of readTargets(v as string)) {
          expect(Number.isFinite(t.value)).toBe(true);
          expect(t.value).toBeGreaterThanOrEqual(0);
          expect([">=", "<=", "="]).toContain(t.comparator);
          expectNormalised(t.text, false);
        }
        const first = readTarget(v as string);
        expect(first).toEqual(readTargets(v as string)[0] ?? null);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("normalising the input first changes nothing, and a percentage's own phrase reads back as the same target", () => {
    fc.assert(
      fc.property(text, (s) => {
        const targets = readTargets(s);
        expect(readTargets(normalizeText(s))).toEqual(targets);
        // A count's phrase may leave out the noun that made it a count ("01" of "01 cuộc"); a
        // percentage's phrase always holds its evidence.
        for (const t of targets.filter((x) => x.unit === "percent")) {
          const again = readTargets(t.text);
          expect(again.map((x) => [x.value, x.unit])).toContainEqual([t.value, t.unit]);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe("owner matching beyond strings", () => {
  test("cell values never throw; a matched unit is from the directory; normalising the input first changes nothing", () => {
    const names = new Set(dir.all().map((u) => u.name));
    fc.assert(
      fc.property(cellValue, (v) => {
        const r = dir.match(v as string);
        if (r.unit) expect(names.has(r.unit.name)).toBe(true);
        expect(dir.match(normalizeText(v))).toEqual(r);
        expect(canonicalUnitKey(normalizeText(v))).toBe(canonicalUnitKey(v as string));
        for (const p of splitPartners(v as string)) expectNormalised(p, false);
      }),
      { numRuns: RUNS * 2 },
    );
  });

  test("splitPartners is a fixpoint on its own output: each piece splits to itself, the list re-joined splits back", () => {
    fc.assert(
      fc.property(text, (s) => {
        const pieces = splitPartners(s);
        for (const p of pieces) expect(splitPartners(p)).toEqual([p]);
        expect(splitPartners(pieces.join("; "))).toEqual(pieces);
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe("parseDeadline through normalisation", () => {
  test("normalising the input first changes nothing", () => {
    fc.assert(
      fc.property(fc.oneof(text, cellValue), (v) => {
        expect(parseDeadline(normalizeText(v), 2024)).toEqual(parseDeadline(v as string, 2024));
      }),
      { numRuns: RUNS * 2 },
    );
  });
});

describe("parseDeadline: an internal failure is reported apart from invalid input", () => {
  test("cell values of every type never cause one", () => {
    fc.assert(
      fc.property(fc.oneof(text, cellValue, fc.anything()), (v) => {
        expect(parseDeadline(v as string, 2024).internal).toBeUndefined();
      }),
      { numRuns: RUNS * 2 },
    );
  });
});
