/** .docx import: ours vs mammoth's convertToHtml of the same file, and growth with size. */
import mammoth from "mammoth";
import { strToU8, unzipSync, zipSync } from "fflate";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { gridFromDocx } from "../../src/import/docx";
import { parseAppendix } from "../../src/import/appendix";
import { planToDocx } from "../../tests/helpers/docxWriter";
import { syntheticPlan } from "../synthetic";
import { median, paired, type Result } from "../measure";

const importDocx = (bytes: Uint8Array) => parseAppendix(gridFromDocx(bytes));

/** Word always writes a styles part; mammoth needs it to resolve the table style. */
function withStyles(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  files["word/styles.xml"] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style></w:styles>');
  files["word/_rels/document.xml.rels"] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>');
  return zipSync(files);
}

export async function run(): Promise<Result[]> {
  const seed = withStyles(planToDocx(HONG_LOC_2024));
  // Alternating runs (ours, mammoth, ours…): the ratio is the median of the per-pair ratios.
  const { a: ours, b: theirs, ratio } = await paired(15, () => importDocx(seed), () => mammoth.convertToHtml({ buffer: Buffer.from(seed) }));
  const out: Result[] = [{ name: "docx import of the appendix (60 activities) vs mammoth convertToHtml", value: ours, unit: "ms", baseline: theirs, ratio, note: "aim < 0.5; median of 15 alternating pairs" }];
  const sizes: Array<[number, number]> = [[100, 9], [10000, 3]];
  const timed: number[] = [];
  for (const [n, runs] of sizes) {
    const bytes = planToDocx(syntheticPlan(n));
    const t = await median(runs, () => importDocx(bytes));
    timed.push(t);
    out.push({ name: `docx import, ${n} rows`, value: t, unit: "ms" });
  }
  out.push({ name: "docx import growth 100 → 10,000 rows (per-row cost ratio; 1 = linear)", value: timed[1] / 100 / timed[0], unit: "×", baseline: 1, ratio: timed[1] / 100 / timed[0] });
  return out;
}
