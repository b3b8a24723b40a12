/** Re-import into a workbook that holds progress: nothing a person entered is lost. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { strFromU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { makeActivities, type ActivityFields } from "../../src/core/plan";
import { defaultSettings } from "../../src/core/settings";
import type { LogEntry } from "../../src/core/progress";
import { trackedWorkbookLayout } from "../../src/layout/reportSheet";
import { emptySheet } from "../../src/layout/types";
import { parsePeriodToken } from "../../src/core/periods";
import { writeXlsx } from "../../src/render/exceljs";
import { setOwnerMarkers } from "../../src/render/xlsxPostProcess";
import { readWorkbook } from "../../src/app/readWorkbook";
import { xlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { readSheetRoles } from "../../src/adapters/xlsx/xlsxRead";

import { planToDocx } from "../helpers/docxWriter";
import { runCli } from "../helpers/cli";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-reimport-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const plan = HONG_LOC_2024;
const first = plan.activities[0]; // I 3.1
const second = plan.activities[1]; // I 3.2, renumbered and reworded below
const dropped = plan.activities[3]; // I 3.4, removed below

async function workbookWithProgress(file: string) {
  const log: LogEntry[] = [
    { date: "2024-01-12", activityId: first.id, status: "done", completedOn: "2024-01-10", evidence: "Tờ trình 01/TTr-TP", note: "", who: "Tư pháp" },
    { date: "2024-01-14", activityId: second.id, status: "done", completedOn: "2024-01-14", evidence: "QĐ 03/QĐ-UBND", note: "", who: "Tư pháp" },
    { date: "2024-02-01", activityId: dropped.id, status: "in-progress", completedOn: null, evidence: "", note: "đang soạn", who: "VH-TT" },
  ];
  const model = {
    plan, settings: defaultSettings(plan, "2024-06-14"), mode: "custom" as const,
    progress: { [second.id]: { note: "Ghi chú của cán bộ" }, [dropped.id]: { note: "Bỏ ở bản sửa" } },
  };
  const user = emptySheet("Ghi chép", "plan");
  user.cells.A1 = { v: "Sổ tay của tôi" };
  const { layout } = trackedWorkbookLayout(model, log, { periods: [parsePeriodToken("Q1-2024")], extraSheets: [user] });
  const files = unzipSync(await writeXlsx(layout));
  // "Ghi chép" is a person's sheet: no owner marker.
  const names = [...strFromU8(files["xl/workbook.xml"]).matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => m[1]);
  setOwnerMarkers(files, names.map((n) => (n === "Ghi chép" ? null : layout.sheets.find((s) => s.name === n)!.role)));
  fs.writeFileSync(file, zipSync(files));
}

function revisedDocx(file: string) {
  const rows: ActivityFields[] = plan.activities.map(({ id: _id, ...f }) => f);
  rows[0] = { ...rows[0], lead: "Văn phòng - Thống kê" };
  rows[1] = { ...rows[1], activityNo: "3.20", activity: `${rows[1].activity} và trình ký` };
  rows.splice(3, 1);
  rows.push({ ...rows[rows.length - 1], activityNo: "3.9", activity: "Hoạt động mới thêm vào năm 2024" });
  fs.writeFileSync(file, planToDocx({ groups: plan.groups, activities: makeActivities(rows) }, { title: ["KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH XÃ HỒNG LỘC NĂM 2024"] }));
}

describe("cchc import REVISED.docx --out EXISTING.xlsx", () => {
  const wb = path.join(tmp, "wb.xlsx");
  const revised = path.join(tmp, "revised.docx");
  beforeAll(async () => {
    await workbookWithProgress(wb);
    revisedDocx(revised);
  });

  test("without --apply: shows the diff and leaves the workbook byte-identical", async () => {
    const before = fs.readFileSync(wb);
    const { code, out, err } = await runCli(["import", revised, "--out", wb]);
    expect(code).toBe(0);
    expect(out).toMatch(/Thêm 1, bỏ 1 .* sửa 2 hoạt động/);
    expect(out).toContain(`- I 3.4`);
    expect(out).toContain("+ VII.B 3.9");
    expect(out).toMatch(/~ I 3\.20 .*khớp theo nội dung/);
    expect(err).toMatch(/--apply/);
    expect(fs.readFileSync(wb).equals(before)).toBe(true);
  });

  test("a bad file leaves the workbook byte-identical and exits 1", async () => {
    const before = fs.readFileSync(wb);
    const bad = path.join(tmp, "bad.docx");
    fs.writeFileSync(bad, "%PDF-1.4 not a docx");
    const { code, err } = await runCli(["import", bad, "--out", wb, "--apply"]);
    expect(code).toBe(1);
    expect(err).toMatch(/PDF/);
    expect(fs.readFileSync(wb).equals(before)).toBe(true);
  });

  test("with --apply: progress follows its activity, removed ones are archived, the user's sheet survives", async () => {
    const { code } = await runCli(["import", revised, "--out", wb, "--apply"]);
    expect(code).toBe(0);
    const bytes = new Uint8Array(fs.readFileSync(wb));
    const read = await readWorkbook(xlsxWorkbook(bytes));
    const ids = read.model.plan.activities.map((a) => a.id);
    expect(ids).toHaveLength(60);
    expect(ids).toContain(first.id);
    expect(ids).toContain(second.id); // renumbered and reworded, matched by wording: same id
    expect(ids).not.toContain(dropped.id);
    const renumbered = read.model.plan.activities.find((a) => a.id === second.id)!;
    expect(renumbered.activityNo).toBe("3.20");
    expect(read.model.progress[second.id].note).toBe("Ghi chú của cán bộ");
    expect(read.model.plan.activities.find((a) => a.id === first.id)!.lead).toBe("Văn phòng - Thống kê");
    // The log is untouched, entries of the removed activity included.
    expect(read.log.map((e) => e.activityId)).toEqual([first.id, second.id, dropped.id]);

    const roles = readSheetRoles(bytes);
    expect(roles.find((s) => s.name === "Ghi chép")?.role).toBeNull();
    expect(roles.find((s) => s.name === "Lưu trữ")?.role).toBe("archive");
    const x = new ExcelJS.Workbook();
    await x.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(x.getWorksheet("Ghi chép")!.getCell("A1").value).toBe("Sổ tay của tôi");
    const archive: string[] = [];
    x.getWorksheet("Lưu trữ")!.eachRow((row) => archive.push((row.values as unknown[]).join("|")));
    expect(archive.some((r) => r.includes(dropped.id) && r.includes("Bỏ ở bản sửa"))).toBe(true);
    expect(x.getWorksheet("BC Quý I-2024")).toBeDefined();
  });

  test("a second re-import keeps the earlier archive rows", async () => {
    const rows: ActivityFields[] = (await readWorkbook(xlsxWorkbook(new Uint8Array(fs.readFileSync(wb))))).model.plan.activities.map(({ id: _id, ...f }) => f);
    const gone = rows.splice(5, 1)[0];
    const again = path.join(tmp, "again.docx");
    fs.writeFileSync(again, planToDocx({ groups: plan.groups, activities: makeActivities(rows) }));
    expect((await runCli(["import", again, "--out", wb, "--apply", "--year", "2024", "--commune", "Hồng Lộc"])).code).toBe(0);
    const x = new ExcelJS.Workbook();
    await x.xlsx.readFile(wb);
    const archive: string[] = [];
    x.getWorksheet("Lưu trữ")!.eachRow((row) => archive.push((row.values as unknown[]).join("|")));
    expect(archive.some((r) => r.includes(dropped.id))).toBe(true);
    expect(archive.some((r) => r.includes(gone.activity.slice(0, 30)))).toBe(true);
  });
});
