/**
 * A row a person typed in the progress log that cannot be read (a date like "hôm qua") is never
 * dropped by a rebuild: an operation that would rewrite the log stops with a bilingual CchcError
 * naming the row, and the workbook stays as it was.
 */
import { installExcelHost, type InstalledExcelHost } from "../excelHost";
import { writeTableCells } from "../excelHost/tables";
import { detectCapabilities } from "../../src/render/officejs/capabilities";
import { LOG_COLUMN_SPECS } from "../../src/layout/columnSpecs";
import { LOG_TABLE } from "../../src/layout/logSheet";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import * as ops from "../../src/taskpane/services/ops";

let fake: InstalledExcelHost;
afterEach(() => fake?.uninstall());
const caps = () => detectCapabilities(fake.Office);
const [first, second] = HONG_LOC_2024.activities;

it("an unreadable log row stops the rebuild (vi + en, its row named) and nothing is written", async () => {
  fake = installExcelHost(globalThis, { today: "2024-06-14", displayLanguage: "vi-VN", customFunctionsNamespace: "CCHC" });
  await ops.applyImport(await ops.previewImport({ kind: "embedded" }, {}, caps()), caps());
  await ops.addLogEntry({ activityId: first.id, date: "2024-03-02", status: "done", completedOn: "2024-03-01", evidence: "QĐ 1", note: "", who: "" }, caps());
  await fake.Excel.run((ctx: Excel.RequestContext) => writeTableCells(ctx, LOG_TABLE, LOG_COLUMN_SPECS, [{ rowIndex: 0, key: "date", value: "hôm qua" }]));

  const before = fake.snapshot();
  const error = await ops.addLogEntry({ activityId: second.id, date: "2024-04-02", status: "in-progress", completedOn: null, evidence: "", note: "", who: "" }, caps())
    .then(() => null, (e: unknown) => e);
  expect(error).toMatchObject({
    code: "log-rows-unreadable",
    messageVi: expect.stringMatching(/Dòng \d+: ngày cập nhật không hợp lệ.*Hãy sửa/),
    messageEn: expect.stringMatching(/Row \d+: invalid update date.*Fix those rows/),
  });
  expect(fake.snapshot()).toEqual(before);
  expect(JSON.stringify(fake.snapshot())).toContain("hôm qua");

  // Reports do not rewrite the log: they still work, and say the row was not counted.
  const report = await ops.buildReport({ kind: "quarter", year: 2024, quarter: 1 }, caps());
  expect(report.summary.sheet).toBe("BC Quý I-2024");
  expect(report.render.messages).toContainEqual({ vi: expect.stringMatching(/^Nhật ký tiến độ — Dòng \d+: ngày cập nhật không hợp lệ/), en: expect.stringMatching(/^Progress log — Row \d+: invalid update date/) });
}, 120000);
