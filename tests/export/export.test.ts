import { canonicalJson, sha256Hex } from "../../src/core/fingerprint";
import { parsePeriodToken } from "../../src/core/periods";
import { EXPORT_FORMAT } from "../../src/core/rollup";
import { buildDistrictExport, communeSlug, exportFileName } from "../../src/export/districtExport";
import { toBase64 } from "../../src/core/base64";
import { readCommuneExport } from "../../src/export/rollup";
import { XlsxFile } from "../../src/export/xlsxCells";
import { INFO_SHEET } from "../../src/layout/infoSheet";
import { trackedWorkbookLayout } from "../../src/layout/reportSheet";
import { demoLog, demoModel, editZip } from "../report/fixtures";

const Q2 = parsePeriodToken("Q2-2024");
const EXPORTED_AT = "2024-06-20T08:30:00Z";

describe("the file sent to the district", () => {
  const model = demoModel("custom");
  const log = demoLog();
  let result: Awaited<ReturnType<typeof buildDistrictExport>>;
  let x: XlsxFile;
  beforeAll(async () => {
    result = await buildDistrictExport({ model, log, periods: [Q2], includePlan: true, exportedAt: EXPORTED_AT });
    x = XlsxFile.open(result.bytes);
  });

  it("is named BC-CCHC-<commune>-<period>.xlsx", () => {
    expect(result.fileName).toBe("BC-CCHC-hong-loc-Q2-2024.xlsx");
    expect(communeSlug("Đồng Lộc")).toBe("dong-loc");
    expect(exportFileName("Lưu Vĩnh Sơn", [Q2, parsePeriodToken("H1-2024")])).toBe("BC-CCHC-luu-vinh-son-Q2-2024_H1-2024.xlsx");
  });

  it("holds the report, the plan with statuses and a Thông tin sheet, all visible", () => {
    expect(x.sheets.map((s) => [s.name, s.state])).toEqual([
      ["BC Quý II-2024", "visible"], ["Kế hoạch", "visible"], [INFO_SHEET, "visible"],
    ]);
  });

  it("has no formula, no CCHC function, no external link, no name but print titles", () => {
    expect(x.formulaCount()).toBe(0);
    for (const part of x.partNames().filter((p) => p.startsWith("xl/worksheets/") && p.endsWith(".xml"))) {
      const xml = x.partXml(part)!;
      expect(xml).not.toMatch(/<f[\s>/]/);
      expect(xml).not.toMatch(/CCHC\.|_xldudf/);
    }
    expect(x.hasExternalLinks()).toBe(false);
    expect(x.definedNames().every((n) => n.name === "_xlnm.Print_Titles")).toBe(true);
  });

  it("names commune, period, cut-off and export time in the document properties and the Thông tin sheet", () => {
    const props = x.customProperties();
    expect(props).toMatchObject({
      CCHC_Commune: "Hồng Lộc", CCHC_Period: "Q2-2024", CCHC_PeriodLabel: "Quý II/2024",
      CCHC_CutoffStart: "2024-03-15", CCHC_CutoffEnd: "2024-06-14", CCHC_ExportedAt: EXPORTED_AT, CCHC_Fingerprint: result.fingerprint,
    });
    const core = x.coreProperties();
    expect(core.title).toBe("Báo cáo CCHC Hồng Lộc – Quý II/2024");
    expect(core.description).toContain("15/03/2024–14/06/2024");
    expect(core.created).toBe(EXPORTED_AT);
    const info = [...x.cells(INFO_SHEET).values()].map(String);
    for (const s of ["Hồng Lộc", "Quý II/2024", "Q2-2024", "15/03/2024–14/06/2024", EXPORTED_AT, result.fingerprint]) expect(info).toContain(s);
  });

  it("fingerprints the report data (SHA-256 of canonical JSON), reproducibly", async () => {
    expect(result.payload.format).toBe(EXPORT_FORMAT);
    expect(result.fingerprint).toBe(sha256Hex(canonicalJson(result.payload)));
    const again = await buildDistrictExport({ model, log, periods: [Q2], includePlan: true, exportedAt: EXPORTED_AT });
    expect(again.fingerprint).toBe(result.fingerprint);
    const later = await buildDistrictExport({ model, log, periods: [Q2], exportedAt: "2024-06-21T00:00:00Z" });
    expect(later.fingerprint).not.toBe(result.fingerprint);
    expect(readCommuneExport("a.xlsx", result.bytes)).toEqual({ file: "a.xlsx", payload: result.payload });
  });

  it("shows the same figures as the live report sheet's cached values", () => {
    const live = trackedWorkbookLayout(model, log, { periods: [Q2] });
    const sheet = live.layout.sheets.find((s) => s.name === "BC Quý II-2024")!;
    const info = live.reports[0];
    expect(Object.keys(info.keyCells).length).toBeGreaterThan(100);
    for (const [a1, v] of Object.entries(info.keyCells)) {
      expect(x.cell("BC Quý II-2024", a1) ?? "").toEqual(v ?? "");
      const cell = sheet.cells[a1] ?? null;
      if (cell) expect(cell.v ?? "").toEqual(v ?? "");
    }
    expect(result.payload.reports[0].totals).toEqual(info.report.totals);
  });

  it("returns base64 for Excel.createWorkbook", () => {
    expect(result.base64()).toBe(Buffer.from(result.bytes).toString("base64"));
    expect(toBase64(new Uint8Array([1, 2]))).toBe("AQI=");
  });

  it("a file edited after export no longer verifies", () => {
    const sheetPath = x.sheet("BC Quý II-2024")!.path;
    const totalRow = result.reports[0].groupTotalRow;
    const edited = editZip(result.bytes, (files) => {
      const xml = files[sheetPath] as string;
      files[sheetPath] = xml.replace(new RegExp(`(<c r="D${totalRow}"[^>]*><v>)(\\d+)(</v>)`), (_m, a, n, b) => `${a}${Number(n) + 1}${b}`);
    });
    const r = readCommuneExport("edited.xlsx", edited);
    expect(r.problem?.status).toBe("tampered");
    expect(r.problem?.vi).toContain(`Ô D${totalRow}`);
  });
});
