/** Whatever the bytes, the import either succeeds or throws an ImportError — never anything else. */
import fc from "fast-check";
import { isImportError } from "../../src/import/errors";
import { importDocx } from "../../src/import/importFile";
import { parseAppendix } from "../../src/import/appendix";
import { gridFromValues } from "../../src/import/grid";
import { XML_END, XmlTokenizer } from "../../src/import/xml";
import { buildDocx, documentXml } from "../helpers/docxWriter";
import { SEED_ROWS } from "./fixtures/seedSubset";

function onlyImportErrors(f: () => unknown): boolean {
  try {
    f();
    return true;
  } catch (e) {
    if (isImportError(e)) return true;
    throw e;
  }
}

const valid = buildDocx({ body: [{ table: { rows: SEED_ROWS } }] });
const xml = documentXml({ body: ["KẾ HOẠCH", { table: { rows: SEED_ROWS } }] });

describe("fuzz", () => {
  test("mutated and truncated .docx bytes: result or ImportError", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat({ max: valid.length }), { nil: undefined }),
        (edits, cut) => {
          const bytes = new Uint8Array(valid);
          for (const [at, v] of edits) bytes[at] = v;
          return onlyImportErrors(() => importDocx(cut === undefined ? bytes : bytes.slice(0, cut)));
        },
      ),
      { numRuns: 300 },
    );
  });

  test("document.xml with slices cut out or moved (unbalanced tables, rows, cells): result or ImportError", () => {
    fc.assert(
      fc.property(fc.nat({ max: xml.length - 1 }), fc.nat({ max: 400 }), fc.nat({ max: xml.length - 1 }), (at, len, to) => {
        const cut = xml.slice(at, at + len);
        const rest = xml.slice(0, at) + xml.slice(at + len);
        const moved = rest.slice(0, to) + cut + rest.slice(to);
        return onlyImportErrors(() => importDocx(buildDocx({ body: [], documentXml: rest }))) && onlyImportErrors(() => importDocx(buildDocx({ body: [], documentXml: moved })));
      }),
      { numRuns: 120 },
    );
  });

  test("arbitrary text given to the tokenizer: tokens or ImportError", () => {
    const pieces = fc.constantFrom("<a>", "</a>", "<b x='1'>", "</b>", "<c/>", "&amp;", "&lt;", "&#65;", "&bad;", "text", "<!--c-->", "<![CDATA[x]]>", "<?p?>", "<!DOCTYPE a>", "<", ">", "&", '"', " ");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) =>
        onlyImportErrors(() => {
          const t = new XmlTokenizer(parts.join(""));
          while (t.next() !== XML_END);
        }),
      ),
      { numRuns: 500 },
    );
  });

  test("arbitrary grids under a valid header: parse or ImportError, every field a normalised string", () => {
    const header = ["TT", "Mục tiêu", "Nhiệm vụ", "Hoạt động", "Kết quả", "Chủ trì", "Phối hợp", "Thời gian", "Kinh phí"];
    const cell = fc.oneof(fc.constantFrom("", "I", "II", "A", "1", "1.1. M", "2.1. N", "3.1. H 3.2. K", "(1)", "Tư pháp", "=1+1", "TT", "Chủ trì"), fc.string({ maxLength: 12 }), fc.integer());
    const merge = fc.record({ r1: fc.nat({ max: 12 }), c1: fc.nat({ max: 8 }), h: fc.nat({ max: 3 }), w: fc.nat({ max: 3 }) }).map(({ r1, c1, h, w }) => ({ r1: r1 + 1, c1, r2: r1 + 1 + h, c2: c1 + w }));
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 0, maxLength: 10 }), { maxLength: 12 }), fc.array(merge, { maxLength: 4 }), (rows, merges) =>
        onlyImportErrors(() => {
          const p = parseAppendix(gridFromValues([header, ...rows], merges));
          for (const a of p.activities) for (const v of Object.values(a)) if (typeof v !== "string" || v !== v.normalize("NFC") || v !== v.trim()) throw new Error(`bad field ${JSON.stringify(v)}`);
        }),
      ),
      { numRuns: 500 },
    );
  });
});
