/**
 * The pane's way past "no task column": the refusal carries the header's labels (what the picker
 * offers), and the preview takes the column the person picked (ops.previewImport → importDocx).
 * Against the fake Excel host, with T8's real rows under a header the importer cannot read.
 */
import { installExcelHost, type InstalledExcelHost } from "../excelHost";
import { detectCapabilities } from "../../src/render/officejs/capabilities";
import * as ops from "../../src/taskpane/services/ops";
import { buildDocx } from "../helpers/docxWriter";
import { caughtAsync } from "../helpers/caught";
import { loadTable, tableRowSpecs } from "./realTables";

let host: InstalledExcelHost;
afterEach(() => host?.uninstall());

test("refused with the labels to pick from, then read with the picked task column", async () => {
  host = installExcelHost(globalThis, { today: "2025-12-10", displayLanguage: "vi-VN", customFunctionsNamespace: "CCHC" });
  const caps = detectCapabilities(host.Office);
  const rows = tableRowSpecs(loadTable("T8"));
  const bytes = buildDocx({ body: [{ table: { rows: [["TT", "Danh mục", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành"], ...rows.slice(1)] } }] });
  const source = { kind: "docx" as const, name: "T8.docx", bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer };
  const e = await caughtAsync(() => ops.previewImport(source, {}, caps));
  expect(e.code).toBe("no-header");
  expect(e.header?.labels).toEqual(["TT", "Danh mục", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời hạn hoàn thành"]);
  const preview = await ops.previewImport(source, { columns: { columns: { task: 1 } } }, caps);
  expect(preview.view.activityCount).toBe(3);
  expect(preview.view.headerMapping.find((m) => m.field === "task")?.label).toBe("Danh mục");
});

test("a re-import in the pane keeps what the person set on the Đơn vị sheet: levels, renames, dates", async () => {
  host = installExcelHost(globalThis, { today: "2025-12-10", displayLanguage: "vi-VN", customFunctionsNamespace: "CCHC" });
  const caps = detectCapabilities(host.Office);
  const importEmbedded = async () => ops.applyImport(await ops.previewImport({ kind: "embedded" }, {}, caps), caps);
  const unitRows = () =>
    host.Excel.run(async (ctx: Excel.RequestContext) => {
      const used = ctx.workbook.worksheets.getItem("Đơn vị").getUsedRange();
      used.load("values");
      await ctx.sync();
      return used.values as unknown[][];
    });
  await importEmbedded();
  const rows = await unitRows();
  const at = rows.findIndex((r) => r[0] === "Địa chính - Xây dựng");
  await host.Excel.run(async (ctx: Excel.RequestContext) => {
    ctx.workbook.worksheets.getItem("Đơn vị").getRange(`I${at + 1}`).values = [["31/12/2025"]];
    await ctx.sync();
  });
  await importEmbedded();
  const after = await unitRows();
  expect(after.find((r) => r[0] === "Địa chính - Xây dựng")!.slice(5)).toEqual(["", "", "", "31/12/2025"]);
  expect(after.find((r) => r[0] === "Bộ phận tiếp nhận và trả kết quả")![6]).toBe("Bộ phận Một cửa (từ 01/01/2021); Trung tâm Phục vụ hành chính công (từ 01/07/2025)");
  expect(after.find((r) => r[0] === "Sở Tài chính")![5]).toBe("Tỉnh");
});
