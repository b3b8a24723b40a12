/**
 * The texts a person typed on a report sheet (number line, signer, recipients…) are never lost
 * silently: when a rebuild cannot read them, it stops with a CchcError and the workbook stays as it
 * was (issue 12 item 4). Before, any error there rebuilt the reports with blank texts.
 */
import { installExcelHost, type InstalledExcelHost } from "../excelHost";
import { detectCapabilities } from "../../src/render/officejs/capabilities";
import { CchcError } from "../../src/core/errors";
import * as ops from "../../src/taskpane/services/ops";
import type { WireRequest } from "../excelHost/server";

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

/** Wire actions sent before the request that reads the report sheet's typed cells. */
function actionsBeforeFieldsRead(requests: WireRequest[]): number {
  const i = requests.findIndex((r) => {
    const json = JSON.stringify(r);
    return json.includes(`["${REPORT}"]`) && json.includes('["A2"]');
  });
  expect(i).toBeGreaterThanOrEqual(0);
  return requests.slice(0, i).reduce((n, r) => n + r.Actions.length, 0);
}

it("a re-import that cannot read a report's typed texts stops with a bilingual CchcError and changes nothing", async () => {
  fake = installExcelHost(globalThis, { today: "2024-06-14", displayLanguage: "vi-VN", customFunctionsNamespace: "CCHC" });
  const preview = await ops.previewImport({ kind: "embedded" }, {}, caps());
  await ops.applyImport(preview, caps());
  await ops.buildReport({ kind: "quarter", year: 2024, quarter: 2 }, caps());
  await fake.Excel.run(async (ctx: Excel.RequestContext) => {
    ctx.workbook.worksheets.getItem(REPORT).getRange("A2").values = [[TYPED]];
    await ctx.sync();
  });

  // A re-import that reads them keeps them, and shows where the read happens on the wire.
  fake.recordRequests(true);
  await ops.applyImport(preview, caps());
  expect(cellA2()).toBe(TYPED);
  const offset = actionsBeforeFieldsRead(fake.requests);
  fake.recordRequests(false);

  // The same re-import with that read failing: refused, nothing written.
  const before = fake.snapshot();
  fake.failAtAction(offset, { code: "GeneralException", message: "Injected failure" });
  const error = await ops.applyImport(preview, caps()).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(CchcError);
  expect(error).toMatchObject({ code: "report-fields-unreadable", messageVi: expect.stringContaining(REPORT), messageEn: expect.stringContaining(REPORT) });
  expect(fake.snapshot()).toEqual(before);
  expect(cellA2()).toBe(TYPED);
}, 120000);
