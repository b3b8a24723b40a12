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
