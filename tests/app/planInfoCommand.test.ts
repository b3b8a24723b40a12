/**
 * The bug behind the plan's information on Cài đặt, through the command as an official runs it:
 * `cchc import phu-luc.docx --out so.xlsx`, then `cchc report so.xlsx --period … --out bc.xlsx`
 * on another commune's plan gave a report whose group sections had the sample plan's titles (or
 * none) and a generic plan title. Now the report shows the appendix's own.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { xlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { cellValue } from "../../src/layout/snapshot";
import { runCli } from "../helpers/cli";
import { OTHER_GROUPS, OTHER_TITLE, otherAppendixDocx } from "../page/fixtures";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-planinfo-"));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test("cchc import another commune's appendix --out, then cchc report --out: the report's groups and its 'Thực hiện …' line are the appendix's own", async () => {
  const docx = path.join(dir, "tan-phu.docx");
  const book = path.join(dir, "so.xlsx");
  const report = path.join(dir, "bc.xlsx");
  fs.writeFileSync(docx, otherAppendixDocx());
  expect((await runCli(["import", docx, "--out", book])).code).toBe(0);
  const res = await runCli(["report", book, "--period", "Y-2025", "--out", report]);
  expect(res.code).toBe(0);

  const snapshot = await xlsxWorkbook(new Uint8Array(fs.readFileSync(report))).read();
  const sheet = snapshot.sheets.find((s) => s.role === "report")!;
  const rows = sheet.values.map((_, r) => [cellValue(sheet, r, 0), cellValue(sheet, r, 1)]);
  const header = rows.findIndex(([a, b]) => a === "TT" && b === "Nhóm nhiệm vụ");
  expect(rows.slice(header + 1, header + 1 + OTHER_GROUPS.length)).toEqual(OTHER_GROUPS.map((g) => [g.id, g.title]));
  expect(rows.some(([a]) => typeof a === "string" && a.includes(`Thực hiện ${OTHER_TITLE}`))).toBe(true);
}, 60000);
