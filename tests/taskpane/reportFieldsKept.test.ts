/**
 * The texts a person typed on a report sheet (number line, signer, recipients…) are never lost
 * silently: they are read with the rest of the workbook before anything is written, and when that
 * read fails the operation stops with a CchcError and the workbook stays as it was (issue 12 item 4).
 * Before, any error there rebuilt the reports with blank texts.
 */
import { installExcelHost, type InstalledExcelHost } from "../excelHost";
import { detectCapabilities } from "../../src/render/officejs/capabilities";
import { CchcError } from "../../src/core/errors";
import * as ops from "../../src/taskpane/services/ops";

const REPORT = "BC Quý II-2024";
const TYPED = "Số: 45/BC-UBND";
let fake: InstalledExcelHost;
afterEach(() => fake?.uninstall());

const caps = () => detectCapabilities(fake.Office);

function cellA2(): unknown {
  const sheet = fake.snapshot().sheets.find((s: { name: string }) => s.name === REPORT)!;
  const a2 = sheet.cells!.A2 as { v: unknown } | string;
  return typeof a2 === "object" ? a2.v : a2;
}

it("a re-import keeps a report's typed texts, and one whose read fails stops with a bilingual CchcError and changes nothing", async () => {
  fake = installExcelHost(globalThis, { today: "2024-06-14", displayLanguage: "vi-VN", customFunctionsNamespace: "CCHC" });
  const preview = await ops.previewImport({ kind: "embedded" }, {}, caps());
  await ops.applyImport(preview, caps());
  await ops.buildReport({ kind: "quarter", year: 2024, quarter: 2 }, caps());
  await fake.Excel.run(async (ctx: Excel.RequestContext) => {
    ctx.workbook.worksheets.getItem(REPORT).getRange("A2").values = [[TYPED]];
    await ctx.sync();
  });

  // A re-import reads the whole workbook first (three requests), report sheets included.
  fake.recordRequests(true);
  await ops.applyImport(preview, caps());
  expect(cellA2()).toBe(TYPED);
  const read = fake.requests.slice(0, 3);
  const readActions = read.reduce((n, r) => n + r.Actions.length, 0);
  fake.recordRequests(false);

  // The same re-import with the last action of that read failing: refused, nothing written.
  const before = fake.snapshot();
  fake.failAtAction(readActions - 1, { code: "GeneralException", message: "Injected failure" });
  const error = await ops.applyImport(preview, caps()).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(CchcError);
  expect(error).toMatchObject({ code: "workbook-unreadable", messageVi: expect.stringContaining("chưa thay đổi"), messageEn: expect.stringContaining("nothing in it was changed") });
  expect(fake.snapshot()).toEqual(before);
  expect(cellA2()).toBe(TYPED);
}, 120000);
