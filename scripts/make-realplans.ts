/**
 * The real 2025 plan tables as fixtures (issue 13): each tests/realplans/source/T*.txt rebuilt
 * as a Word table (.docx, vertical merges restored) and as the same range pasted into Excel
 * (.xlsx, merged areas), from the table model of tests/realplans/realTables.ts; each B*.txt (a
 * plan without a table) as Word paragraphs.
 *
 *   npx tsx scripts/make-realplans.ts      writes tests/realplans/fixtures/T*.docx, T*.xlsx and B*.docx
 *
 * The text is the real plans' text, cell for cell; only the merges the crawled copies lost are
 * put back (see realTables.ts for how).
 */
import * as fs from "fs";
import * as path from "path";
import { buildDocx } from "../tests/helpers/docxWriter";
import { sheetsToXlsx } from "../tests/helpers/xlsxWriter";
import { FIXTURE_DIR, inlineIds, loadInlinePlan, loadTable, tableIds, tableRowSpecs, titleLines } from "../tests/realplans/realTables";

async function main(): Promise<void> {
  fs.mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const id of tableIds()) {
    const t = loadTable(id);
    const rows = tableRowSpecs(t);
    const title = titleLines(t);
    fs.writeFileSync(path.join(FIXTURE_DIR, `${id}.docx`), buildDocx({ body: [...title, "PHỤ LỤC", { table: { rows } }] }));
    fs.writeFileSync(path.join(FIXTURE_DIR, `${id}.xlsx`), await sheetsToXlsx([{ name: "Phụ lục", titleRows: title, rows }]));
    console.log(`${id}: ${t.rows.length} rows → ${id}.docx, ${id}.xlsx`);
  }
  // The plans without a table (B1–B4): their task section as Word paragraphs.
  for (const id of inlineIds()) {
    const p = loadInlinePlan(id);
    fs.writeFileSync(path.join(FIXTURE_DIR, `${id}.docx`), buildDocx({ body: [p.document, p.title, ...p.paragraphs] }));
    console.log(`${id}: ${p.paragraphs.length} paragraphs → ${id}.docx`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
