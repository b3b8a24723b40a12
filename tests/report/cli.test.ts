import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync, zipSync } from "fflate";
import { parsePeriodToken } from "../../src/core/periods";
import { buildReport, reportToJson } from "../../src/core/report";
import { readSheetRoles } from "../../src/adapters/xlsx/xlsxRead";
import { XlsxFile } from "../../src/export/xlsxCells";
import { LOG_SHEET } from "../../src/layout/logSheet";
import { indicatorsFromModel, trackedWorkbookLayout } from "../../src/layout/reportSheet";
import { emptySheet } from "../../src/layout/types";
import { writeXlsx } from "../../src/render/exceljs";
import { setOwnerMarkers } from "../../src/render/xlsxPostProcess";
import { runCli } from "../helpers/cli";
import { demoLog, demoModel, PLAN } from "./fixtures";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-report-cli-"));
const wbPath = path.join(tmp, "so.xlsx");
const log = demoLog();

beforeAll(async () => {
  const mine = emptySheet("BC Quý III-2024", "report");
  mine.cells.A1 = { v: "Sheet riêng" };
  const { layout } = trackedWorkbookLayout(demoModel("custom"), log, { periods: [parsePeriodToken("Q1-2024")], extraSheets: [mine] });
  const files = unzipSync(await writeXlsx(layout));
  setOwnerMarkers(files, layout.sheets.map((s) => (s === mine ? null : s.role)));
  fs.writeFileSync(wbPath, zipSync(files));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe("cchc report", () => {
  it("prints what the workbook reader kept or could not read (text typed into a date column), Vietnamese and English", async () => {
    const edited = path.join(tmp, "edited.xlsx");
    fs.copyFileSync(path.join(__dirname, "..", "fixtures", "corpus", "edited-workbook.xlsx"), edited);
    const r = await runCli(["report", edited, "--period", "Q2-2024", "--json"]);
    expect(r.code).toBe(0);
    const notes = r.err.split("\n").filter((l) => l.startsWith("Lưu ý / note: "));
    expect(notes.some((l) => l.includes('"đã xong" không phải là ngày; đã giữ lại trong Ghi chú') && l.includes('"đã xong" is not a date; kept in the note'))).toBe(true);
    expect(notes.some((l) => l.includes('"15/3" được đọc là ngày 15/03/2024'))).toBe(true);
  });

  it("--json prints exactly the report contract, equal to the core's report", async () => {
    const r = await runCli(["report", wbPath, "--period", "Q2-2024", "--json"]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    const model = demoModel("custom");
    const expected = reportToJson(buildReport(PLAN, log, parsePeriodToken("Q2-2024"), null, null, indicatorsFromModel(model, parsePeriodToken("Q2-2024")).actuals));
    expect(json).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(Object.keys(json)).toEqual(["period", "totals", "byGroup", "byLead", "indicators"]);
  });

  it("--as-of evaluates statuses at another date", async () => {
    const r = await runCli(["report", wbPath, "--period", "Q2-2024", "--as-of", "01/05/2024", "--json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.totals).toEqual(reportToJson(buildReport(PLAN, log, parsePeriodToken("Q2-2024"), "2024-05-01")).totals);
  });

  it("prints a Vietnamese summary without --json", async () => {
    const r = await runCli(["report", wbPath, "--period", "6 tháng/2024"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Trong kỳ \/ in the period: \d+\/\d+ nhiệm vụ, đạt/);
    expect(r.out).toMatch(/Lũy kế/);
  });

  it("--out builds the report sheet in a copy of the workbook", async () => {
    const out = path.join(tmp, "so-q2.xlsx");
    const r = await runCli(["report", wbPath, "--period", "Q2-2024", "--out", out]);
    expect(r.code).toBe(0);
    const roles = readSheetRoles(new Uint8Array(fs.readFileSync(out)));
    expect(roles.filter((s) => s.role === "report").map((s) => s.name)).toEqual(["BC Quý I-2024", "BC Quý II-2024"]);
    expect(roles.find((s) => s.name === LOG_SHEET)?.role).toBe("log");
    expect(XlsxFile.open(new Uint8Array(fs.readFileSync(out))).cell("BC Quý III-2024", "A1")).toBe("Sheet riêng");
  });

  it("renames a person's sheet of the same name aside, keeps it, and says so (vi + en)", async () => {
    const out = path.join(tmp, "so-q3.xlsx");
    const r = await runCli(["report", wbPath, "--period", "Q3-2024", "--out", out]);
    expect(r.code).toBe(0);
    expect(r.err).toContain('đã được đổi tên thành "BC Quý III-2024 (cũ)"');
    expect(r.err).toContain('it was renamed "BC Quý III-2024 (cũ)" (not deleted)');
    const file = XlsxFile.open(new Uint8Array(fs.readFileSync(out)));
    expect(file.cell("BC Quý III-2024 (cũ)", "A1")).toBe("Sheet riêng");
    expect(readSheetRoles(new Uint8Array(fs.readFileSync(out))).find((s) => s.name === "BC Quý III-2024")?.role).toBe("report");
  });

  it("rejects bad periods and dates with a usage error (exit 2)", async () => {
    expect((await runCli(["report", wbPath, "--period", "Q5-2024"])).code).toBe(2);
    expect((await runCli(["report", wbPath])).code).toBe(2);
    expect((await runCli(["report", wbPath, "--period", "Q1-2024", "--as-of", "31/02/2024"])).code).toBe(2);
  });

  it("an unreadable workbook is an input error (exit 1)", async () => {
    const bad = path.join(tmp, "bad.xlsx");
    fs.writeFileSync(bad, "nope");
    const r = await runCli(["report", bad, "--period", "Q1-2024"]);
    expect(r.code).toBe(1);
  });
});

describe("cchc export and cchc rollup", () => {
  it("exports the district file and consolidates it", async () => {
    const a = path.join(tmp, "a.xlsx");
    const r = await runCli(["export", wbPath, "--period", "Q2-2024", "--out", a, "--exported-at", "2024-06-20T08:00:00Z"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/SHA-256\): [0-9a-f]{64}/);
    // the receiving level (a setting; the seed's 2024 plan: the district) names the file's recipient
    expect(r.out).toMatch(/^Tệp gửi UBND huyện \(Phòng Nội vụ\) \/ file for the level above: /m);
    const x = XlsxFile.open(new Uint8Array(fs.readFileSync(a)));
    expect(x.formulaCount()).toBe(0);
    expect(x.customProperties().CCHC_Period).toBe("Q2-2024");
    const b = path.join(tmp, "b.xlsx");
    expect((await runCli(["export", wbPath, "--period", "Q1-2024", "--out", b])).code).toBe(0);
    const out = path.join(tmp, "huyen.xlsx");
    const roll = await runCli(["rollup", a, b, "--out", out, "--period", "Q2-2024", "--json"]);
    expect(roll.code).toBe(0);
    const j = JSON.parse(roll.out);
    expect(j.communes.map((c: { commune: string }) => c.commune)).toEqual(["Hồng Lộc"]);
    expect(j.flagged).toEqual([expect.objectContaining({ file: "b.xlsx", status: "wrong-period" })]);
    expect(roll.err).toContain("b.xlsx");
    expect(fs.existsSync(out)).toBe(true);
    expect((await runCli(["rollup", a])).code).toBe(2);
  });
});
