/**
 * The receiving level is a setting (issue 13 item 4): the district's Phòng Nội vụ before 1/7/2025,
 * the province's Sở Nội vụ since. Its default follows the plan's date; it survives a save, a
 * re-import and an export; the report's recipient line, the export's Thông tin sheet and the
 * roll-up's title use it; workbooks made before it existed keep working.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { makeActivities, type ActivityFields } from "../../src/core/plan";
import { parsePeriodToken } from "../../src/core/periods";
import { rollupReports, type ExportPayload } from "../../src/core/rollup";
import { defaultReceiver, defaultSettings, receiverOf, receiverParts } from "../../src/core/settings";
import { buildDistrictExport } from "../../src/export/districtExport";
import { readWorkbook as readThrough } from "../../src/app/readWorkbook";
import { xlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { readCommuneExport, rollupWorkbook } from "../../src/export/rollup";
import { INFO_SHEET } from "../../src/layout/infoSheet";
import { defaultReportFields, trackedWorkbookLayout } from "../../src/layout/reportSheet";
import { ROLLUP_SHEET } from "../../src/layout/rollupSheet";
import { SETTINGS_SHEET } from "../../src/layout/settingsSheet";
import { writeXlsx } from "../../src/render/exceljs";
import { planToDocx } from "../helpers/docxWriter";
import { runCli } from "../helpers/cli";

const plan = HONG_LOC_2024;
const Q2 = parsePeriodToken("Q2-2024");
const PROVINCE = "UBND tỉnh Hà Tĩnh (Sở Nội vụ)";
const readWorkbook = (bytes: Uint8Array) => readThrough(xlsxWorkbook(bytes));

async function sheetRows(bytes: Uint8Array, sheet: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const rows: string[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? "" : String(v)))));
  return rows;
}

const valueOf = (rows: string[][], label: string) => rows.find((r) => r[0] === label)?.[1];

describe("the default follows the plan's date", () => {
  test.each([
    [{ district: "Can Lộc", province: "Hà Tĩnh", year: 2024, decision: { number: "03/QĐ-UBND", date: "2024-01-12" } }, "UBND huyện Can Lộc (Phòng Nội vụ)"],
    [{ district: "Can Lộc", province: "Hà Tĩnh", year: 2025, decision: { number: "1", date: "2025-06-30" } }, "UBND huyện Can Lộc (Phòng Nội vụ)"],
    [{ district: "Can Lộc", province: "Hà Tĩnh", year: 2025, decision: { number: "2", date: "2025-07-01" } }, PROVINCE],
    [{ province: "Hà Tĩnh", year: 2026 }, PROVINCE],
    [{ province: "Thành phố Hồ Chí Minh", year: 2026 }, "UBND Thành phố Hồ Chí Minh (Sở Nội vụ)"],
    [{ province: "", year: 2026 }, "UBND tỉnh (Sở Nội vụ)"],
    [{ province: "Hà Tĩnh", year: 2024 }, "UBND huyện (Phòng Nội vụ)"],
  ])("%o → %s", (p, want) => {
    expect(defaultReceiver(p)).toBe(want);
  });

  test("the seed (12/01/2024) reports to the district as before, in its recipient line too", () => {
    const s = defaultSettings(plan, "2024-06-14");
    expect(s.receiver).toBe("UBND huyện (Phòng Nội vụ)");
    expect(defaultReportFields({ plan, settings: s, progress: {}, mode: "native" }, "2024-06-14").recipients[0]).toBe("- UBND huyện (Phòng Nội vụ);");
  });

  test("body and office", () => {
    expect(receiverParts(PROVINCE)).toEqual({ body: "UBND tỉnh Hà Tĩnh", office: "Sở Nội vụ" });
    expect(receiverParts("Sở Nội vụ tỉnh Nghệ An")).toEqual({ body: "Sở Nội vụ tỉnh Nghệ An", office: "" });
  });
});

describe("a configured receiver", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-receiver-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const wbFile = path.join(tmp, "wb.xlsx");
  const settings = { ...defaultSettings(plan, "2024-06-14"), receiver: PROVINCE };
  const model = { plan, settings, progress: {}, mode: "native" as const };

  beforeAll(async () => {
    const { layout } = trackedWorkbookLayout(model, [], { periods: [Q2] });
    fs.writeFileSync(wbFile, await writeXlsx(layout));
  });

  test("is in the Cài đặt sheet, and the report's recipient line names it", async () => {
    const bytes = new Uint8Array(fs.readFileSync(wbFile));
    expect(valueOf(await sheetRows(bytes, SETTINGS_SHEET), "Cấp trên nhận báo cáo")).toBe(PROVINCE);
    const report = (await sheetRows(bytes, "BC Quý II-2024")).map((r) => r[0]);
    expect(report[report.indexOf("Nơi nhận:") + 1]).toBe(`- ${PROVINCE};`);
  });

  test("survives a save and a re-import of a revised plan", async () => {
    expect((await readWorkbook(new Uint8Array(fs.readFileSync(wbFile)))).model.settings.receiver).toBe(PROVINCE);
    const rows: ActivityFields[] = plan.activities.map(({ id: _id, ...f }) => f);
    rows[0] = { ...rows[0], lead: "Văn phòng - Thống kê" };
    const revised = path.join(tmp, "revised.docx");
    fs.writeFileSync(revised, planToDocx({ groups: plan.groups, activities: makeActivities(rows) }, { title: ["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH XÃ HỒNG LỘC NĂM 2024"] }));
    const { code } = await runCli(["import", revised, "--out", wbFile, "--apply"]);
    expect(code).toBe(0);
    const read = await readWorkbook(new Uint8Array(fs.readFileSync(wbFile)));
    expect(read.model.plan.activities[0].lead).toBe("Văn phòng - Thống kê");
    expect(read.model.settings.receiver).toBe(PROVINCE);
  });

  test("goes into the export (Thông tin, data, properties) and titles the roll-up", async () => {
    const read = await readWorkbook(new Uint8Array(fs.readFileSync(wbFile)));
    const e = await buildDistrictExport({ model: read.model, log: read.log, periods: [Q2], exportedAt: "2024-06-15T08:00:00Z" });
    const info = await sheetRows(e.bytes, INFO_SHEET);
    expect(info[0][0]).toBe("THÔNG TIN TỆP BÁO CÁO GỬI CẤP TRÊN");
    expect(valueOf(info, "Nơi nhận")).toBe(PROVINCE);
    expect(info.flat().join(" ")).not.toMatch(/huyện/i);
    expect(strFromU8(unzipSync(e.bytes)["docProps/custom.xml"])).toContain(PROVINCE);
    const input = readCommuneExport(e.fileName, e.bytes);
    expect(input.problem).toBeUndefined();
    expect(input.payload!.receiver).toBe(PROVINCE);
    const rollup = await rollupWorkbook([{ name: e.fileName, bytes: e.bytes }], { period: Q2.token });
    expect(rollup.result.receiver).toBe(PROVINCE);
    const title = await sheetRows(rollup.bytes, ROLLUP_SHEET);
    expect(title[0][0]).toBe("UBND TỈNH HÀ TĨNH");
    expect(title[1][0]).toBe("SỞ NỘI VỤ");
  });
});

describe("files made before the setting", () => {
  test("a workbook without it (corpus) reads, shows the default of its year and district, and exports", async () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(__dirname, "../fixtures/corpus/demo-workbook.xlsx")));
    expect(valueOf(await sheetRows(bytes, SETTINGS_SHEET), "Cấp trên nhận báo cáo")).toBeUndefined();
    const read = await readWorkbook(bytes);
    expect(receiverOf(read.model.settings)).toBe(defaultReceiver({ ...read.model.settings }));
    expect(receiverOf(read.model.settings)).toMatch(/^UBND huyện/);
    const e = await buildDistrictExport({ model: read.model, log: read.log, periods: [Q2], exportedAt: "2024-06-15T08:00:00Z" });
    expect(valueOf(await sheetRows(e.bytes, INFO_SHEET), "Nơi nhận")).toBe(receiverOf(read.model.settings));
  });

  test("an export without a receiver is consolidated under its district's Phòng Nội vụ", () => {
    const payload = (commune: string): ExportPayload => ({
      format: "cchc-export", version: 1, unit: `UBND ${commune}`, commune, district: "Lộc Hà", province: "Hà Tĩnh", year: 2024,
      exportedAt: "2024-06-15T08:00:00Z", reports: [],
    });
    const r = rollupReports([{ file: "a.xlsx", payload: payload("Xã A") }, { file: "b.xlsx", payload: payload("Xã B") }]);
    expect(r.receiver).toBe("UBND huyện Lộc Hà (Phòng Nội vụ)");
  });
});
