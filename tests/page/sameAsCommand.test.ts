/**
 * The workbook the page writes equals the one the `cchc` command writes for the same input and
 * actions, cell by cell (values, formulas, number formats, merges, validations): a fresh import
 * of a Word appendix unlike the seed, and of the same appendix as an .xlsx table; a quarter report on a workbook with progress; the export for
 * the level above; a revised appendix (one activity removed, one reworded, one added) applied to it.
 * The page's operations run here exactly as the page calls them (src/page/fileOps), on bytes.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { resolveObjectURL } from "buffer";
import { makeActivities, type ActivityFields } from "../../src/core/plan";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { FILE_CAPS } from "../../src/page/caps";
import * as page from "../../src/page/fileOps";
import { currentWorkbook, setWorkbook } from "../../src/page/fileWorkbook";
import { runCli } from "../helpers/cli";
import { planToDocx } from "../helpers/docxWriter";
import { describeWorkbook } from "../helpers/workbookCells";
import { otherAppendixDocx, otherAppendixXlsx } from "./fixtures";

jest.setTimeout(180_000);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-page-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const file = (name: string) => path.join(tmp, name);
const bytesOf = (name: string) => new Uint8Array(fs.readFileSync(file(name)));

async function cli(argv: string[]): Promise<void> {
  const r = await runCli(argv);
  if (r.code !== 0) throw new Error(`cchc ${argv.join(" ")} → ${r.code}\n${r.out}\n${r.err}`);
}

async function expectSame(pageBytes: Uint8Array, commandBytes: Uint8Array): Promise<void> {
  const [a, b] = await Promise.all([describeWorkbook(pageBytes), describeWorkbook(commandBytes)]);
  expect(a.map((s) => s.name)).toEqual(b.map((s) => s.name));
  for (let i = 0; i < a.length; i++) expect({ sheet: a[i].name, ...a[i] }).toEqual({ sheet: b[i].name, ...b[i] });
}

async function pageImport(name: string, bytes: Uint8Array): Promise<Uint8Array> {
  const preview = await page.previewImport({ kind: "docx", name, bytes: bytes.slice().buffer }, {}, FILE_CAPS);
  await page.applyImport(preview, FILE_CAPS);
  return currentWorkbook()!.bytes;
}

/** The embedded plan's appendix revised: the 2nd activity reworded, the 4th removed, one added at the end. */
function revisedDocx(): Uint8Array {
  const rows: ActivityFields[] = HONG_LOC_2024.activities.map(({ id: _id, ...f }) => f);
  rows[1] = { ...rows[1], activity: `${rows[1].activity} và trình ký` };
  rows.splice(3, 1);
  rows.push({ ...rows[rows.length - 1], activityNo: "3.9", activity: "Hoạt động mới thêm vào năm 2024" });
  return planToDocx({ groups: HONG_LOC_2024.groups, activities: makeActivities(rows) }, { title: ["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH XÃ HỒNG LỘC NĂM 2024"] });
}

describe("the page writes the workbook the command writes", () => {
  beforeEach(() => setWorkbook(null));

  test("a fresh import of a Word appendix unlike the seed", async () => {
    fs.writeFileSync(file("tan-phu.docx"), otherAppendixDocx());
    await cli(["import", file("tan-phu.docx"), "--out", file("tan-phu.xlsx"), "--formulas", "native"]);
    await expectSame(await pageImport("tan-phu.docx", bytesOf("tan-phu.docx")), bytesOf("tan-phu.xlsx"));
  });

  test("a fresh import of an appendix table saved as .xlsx", async () => {
    fs.writeFileSync(file("tan-phu-bang.xlsx"), await otherAppendixXlsx());
    await cli(["import", file("tan-phu-bang.xlsx"), "--out", file("tan-phu-tu-bang.xlsx"), "--formulas", "native"]);
    const bytes = await pageImport("tan-phu-bang.xlsx", bytesOf("tan-phu-bang.xlsx"));
    expect((await page.readWorkbookState(FILE_CAPS)).activities).toHaveLength(5);
    await expectSame(bytes, bytesOf("tan-phu-tu-bang.xlsx"));
  });

  test("a workbook with progress: a quarter report, the export for the level above, then a revised appendix", async () => {
    await cli(["demo", "--out", file("demo.xlsx")]);
    await page.openWorkbook("demo.xlsx", bytesOf("demo.xlsx"));

    // Year report (the demo has none yet) and Q3 (rebuilt with the texts kept).
    let q3 = "";
    for (const [choice, token] of [[{ kind: "year", year: 2024 }, "Y-2024"], [{ kind: "quarter", year: 2024, quarter: 3 }, "Q3-2024"]] as const) {
      const before = currentWorkbook()!.bytes;
      fs.writeFileSync(file("before.xlsx"), before);
      const { summary } = await page.buildReport(choice, FILE_CAPS);
      await cli(["report", file("before.xlsx"), "--period", token, "--out", file(`report-${token}.xlsx`)]);
      expect(summary.due).toBeGreaterThan(0);
      q3 = summary.sheet;
      await expectSame(currentWorkbook()!.bytes, bytesOf(`report-${token}.xlsx`));
    }

    const sent = await page.exportForDistrict([q3], true, FILE_CAPS);
    const exported = new Uint8Array(await resolveObjectURL(sent.url!)!.arrayBuffer());
    const exportedAt = (await describeWorkbook(exported)).flatMap((s) => Object.values(s.cells)).map((c) => c.value).find((v) => typeof v === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(v)) as string;
    fs.writeFileSync(file("tracked.xlsx"), currentWorkbook()!.bytes);
    await cli(["export", file("tracked.xlsx"), "--period", "Q3-2024", "--with-plan", "--exported-at", exportedAt, "--out", file("export.xlsx")]);
    expect(sent.fileName).toMatch(/Q3-2024\.xlsx$/);
    await expectSame(exported, bytesOf("export.xlsx"));

    fs.writeFileSync(file("revised.docx"), revisedDocx());
    await cli(["import", file("revised.docx"), "--out", file("tracked.xlsx"), "--apply"]);
    await expectSame(await pageImport("revised.docx", bytesOf("revised.docx")), bytesOf("tracked.xlsx"));
  });
});
