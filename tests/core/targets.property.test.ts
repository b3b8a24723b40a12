import fc from "fast-check";
import { normalizeText } from "../../src/core/text";
import { attainment, completion, met, parScore, rate, readTarget, readTargets } from "../../src/core/targets";
import { parseNumberVi } from "../../src/core/numbers";

/** Plan-like sentences: cue words, numbers in every format, years, document numbers, punctuation. */
const fragment = fc.oneof(
  fc.constantFrom(
    "tối thiểu", "ít nhất", "có", "từ", "trở lên", "trở xuống", "đạt", "phấn đấu", "tối đa", "không quá", "dưới", "trên", "giảm",
    "cắt giảm", "tăng", "xuống còn", "lên", "bằng", "≥", ">=", "≤", "<=", ">", "<", "=", "tỷ lệ", "hồ sơ", "năm", "ngày", "tháng",
    "Quý", "số", "Nghị định", "sáng kiến", "cuộc", "và", ",", ";", ".", ":", "(", ")", "/", "-", "–", "%", " %", "phần trăm", "\n",
    "2024", "2021-2030", "130/2005/NĐ-CP", "03/QĐ-UBND", "15/01/2024", "1.3.", "3.12", "ISO 9001:2015", "B1", "01", "4.0",
    "hoá", "\u0301", "\u0300", "İ", "ẞ", "\u200B", "\u00A0",
  ),
  fc.integer({ min: 0, max: 5000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a},${b}`),
  fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => `${a}.${b}%`),
  fc.string({ maxLength: 3 }),
);
const sentence = fc.array(fragment, { maxLength: 16 }).map((xs) => xs.join(" "));
const anyText = fc.oneof(fc.fullUnicodeString({ maxLength: 60 }), sentence);

describe("readTargets properties", () => {
  test("never throws on arbitrary Unicode; values are sane", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        for (const t of readTargets(s)) {
          expect(Number.isFinite(t.value)).toBe(true);
          expect(t.value).toBeGreaterThanOrEqual(0);
          expect([">=", "<=", "="]).toContain(t.comparator);
          if (t.unit === "percent") expect(t.value).toBeLessThanOrEqual(10);
          else expect(Number.isInteger(t.value)).toBe(true);
          expect(t.text.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 2000 },
    );
  });
  test("NFC and NFD inputs give the same targets", () => {
    fc.assert(
      fc.property(anyText, (s) => {
        expect(readTargets(s.normalize("NFD"))).toEqual(readTargets(s.normalize("NFC")));
      }),
      { numRuns: 1000 },
    );
  });
  test("the matched phrase is part of the (normalised) sentence and contains the number", () => {
    fc.assert(
      fc.property(sentence, (s) => {
        const flat = normalizeText(s);
        for (const t of readTargets(s)) {
          expect(flat).toContain(t.text);
          expect(t.text).toMatch(/\d/);
        }
      }),
      { numRuns: 1000 },
    );
  });
  test("any 'x%' (up to 1000%) after a cue reads back as x/100", () => {
    const cue = fc.constantFrom("tối thiểu", "đạt", "phấn đấu", "ít nhất", "≥", "tối đa", "dưới", "không quá", "đạt từ");
    fc.assert(
      fc.property(cue, fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 9 }), (c, whole, tenth) => {
        const written = tenth ? `${whole},${tenth}%` : `${whole}%`;
        const t = readTarget(`Tỷ lệ hồ sơ ${c} ${written} trong năm 2024`);
        expect(t?.unit).toBe("percent");
        expect(t?.value).toBeCloseTo((whole + tenth / 10) / 100, 12);
        expect(t?.comparator).toBe(/tối đa|dưới|không quá/.test(c) ? "<=" : ">=");
      }),
      { numRuns: 500 },
    );
  });
  test("years, dates and document numbers are never targets", () => {
    const noise = fc.oneof(
      fc.integer({ min: 1900, max: 2100 }).map((y) => `năm ${y}`),
      fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1990, max: 2100 })).map(([a, b]) => `giai đoạn ${a}-${b}`),
      fc.tuple(fc.integer({ min: 1, max: 31 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1990, max: 2100 })).map(([d, m, y]) => `ngày ${d}/${m}/${y}`),
      fc.tuple(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1990, max: 2100 })).map(([n, y]) => `Nghị định số ${n}/${y}/NĐ-CP`),
      fc.integer({ min: 1, max: 999 }).map((n) => `${n}/QĐ-UBND`),
      fc.integer({ min: 1, max: 99 }).map((n) => `Nghị quyết số ${n}-NQ/TU`),
      fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 20 })).map(([a, b]) => `${a}.${b}. Nâng cao`),
    );
    fc.assert(
      fc.property(fc.array(noise, { minLength: 1, maxLength: 4 }), (xs) => {
        expect(readTargets(xs.join("; "))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe("parseNumberVi properties", () => {
  test("never throws on anything", () => {
    fc.assert(
      fc.property(fc.anything(), (x) => {
        const n = parseNumberVi(x);
        expect(n === null || Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.fullUnicodeString({ maxLength: 30 }), (s) => {
        const n = parseNumberVi(s);
        expect(n === null || Number.isFinite(n)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
  test("Vietnamese formatting round-trips", () => {
    const vi = (n: number, decimals: string) => {
      const int = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
      return decimals ? `${int},${decimals}` : int;
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.stringMatching(/^\d{0,3}$/), (n, d) => {
        const expected = Number(d ? `${n}.${d}` : `${n}`);
        expect(parseNumberVi(vi(n, d))).toBe(expected);
        const pct = parseNumberVi(`${vi(n, d)}%`) as number;
        expect(Math.abs(pct - expected / 100)).toBeLessThanOrEqual(1e-12 * Math.max(1, expected));
      }),
      { numRuns: 500 },
    );
  });
  test("finite numbers pass through", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => expect(parseNumberVi(x)).toBe(x)));
  });
});

describe("arithmetic properties", () => {
  const nonNeg = fc.double({ min: 0, max: 1e6, noNaN: true });
  const comparator = fc.constantFrom<">=" | "<=" | "=">(">=", "<=", "=");
  test("attainment is within [0, 1] when capped, and 1 exactly when met", () => {
    fc.assert(
      fc.property(nonNeg, nonNeg, comparator, (a, t, c) => {
        const x = attainment(a, t, c);
        expect(x).toBeGreaterThanOrEqual(0);
        expect(x).toBeLessThanOrEqual(1);
        if (met(a, t, c)) expect(x).toBe(1);
        expect(attainment(a, t, c, false)).toBeGreaterThanOrEqual(x - 1e-12);
      }),
      { numRuns: 1000 },
    );
  });
  test("rate(part, whole) meets part/whole exactly as a target", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (p, w) => {
        const r = rate(p, w);
        expect(met(r, p / w)).toBe(true);
        expect(met(r, p / w, "=")).toBe(true);
      }),
    );
  });
  test("parScore is monotonic in the rate and within [0, maxPoints]", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.constantFrom<"rate" | "linear">("rate", "linear"),
        (r1, r2, max, scale) => {
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const a = parScore(lo, max, { full: 1, partial: 0.8, scale });
          const b = parScore(hi, max, { full: 1, partial: 0.8, scale });
          expect(a).toBeLessThanOrEqual(b + 1e-9);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(max + 1e-9);
        },
      ),
      { numRuns: 500 },
    );
  });
  test("completion: done ≤ total, text is done/total, rate is done/total", () => {
    const status = fc.constantFrom("Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đang thực hiện", "Quá hạn chưa hoàn thành", "Chưa đến hạn", "", "Thường xuyên", "x");
    fc.assert(
      fc.property(fc.array(status, { maxLength: 40 }), fc.boolean(), (xs, dueOnly) => {
        const c = completion(xs, dueOnly);
        expect(c.done).toBeLessThanOrEqual(c.total);
        expect(c.text).toBe(`${c.done}/${c.total}`);
        expect(c.rate).toBe(c.total ? c.done / c.total : null);
      }),
    );
  });
});
