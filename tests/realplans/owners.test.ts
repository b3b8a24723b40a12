/**
 * Issue 13 item 3: units of the two-level government. Every owner text of the real tables matches
 * a unit or is reported as a collective or an unknown owner, as the reviewed table
 * owners.expected.tsv says; the one-stop section's legal renames are one unit; the new commune
 * offices are known; a plan's level and date decide who is "outside" and which units are current,
 * from the editable units sheet.
 */
import * as fs from "fs";
import * as path from "path";
import {
  DEFAULT_UNITS, defaultUnitDirectory, planUnitContext, UnitDirectory, unitNameAt, unitsFromSheetRows, unitsToSheetRows, type Unit,
} from "../../src/core/units";
import { validatePlan } from "../../src/core/validate/validate";
import { makeActivities, type ActivityFields } from "../../src/core/plan";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { ownerOutcomes } from "./owners";
import ExcelJS from "exceljs";
import { defaultSettings } from "../../src/core/settings";
import { buildWorkbookLayout } from "../../src/layout/workbook";
import { writeXlsx } from "../../src/render/exceljs";
import { readWorkbook } from "../../src/app/readWorkbook";
import { xlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";

test("every owner text of the tables: the unit, the collective, or unknown, as reviewed (owners.expected.tsv)", () => {
  const expected = fs.readFileSync(path.join(__dirname, "owners.expected.tsv"), "utf8").trim().split("\n").slice(1).map((l) => l.split("\t"));
  expect(ownerOutcomes()).toEqual(expected);
  for (const r of expected) expect(r[3]).toMatch(/^(unit: .+ \((Xã|Huyện|Tỉnh|Trung ương)\)|collective: .+|unknown)$/);
});

const dir = defaultUnitDirectory();
const nameOf = (s: string) => dir.match(s).unit?.name ?? null;

test("the one-stop section under its three legal names is one unit, named by the plan's date", () => {
  const oneStop = dir.match("Bộ phận tiếp nhận và trả kết quả").unit!;
  for (const n of ["Bộ phận Một cửa", "Trung tâm Phục vụ hành chính công", "Trung tâm Phục vụ hành chính công cấp xã", "Trung tâm Phục vụ hành chính công xã", "Bộ phận TN&TKQ", "TTPVHCC"]) {
    expect(dir.match(n).unit).toBe(oneStop);
  }
  expect(unitNameAt(oneStop, "2020-06-01")).toBe("Bộ phận tiếp nhận và trả kết quả");
  expect(unitNameAt(oneStop, "2024-01-12")).toBe("Bộ phận Một cửa");
  expect(unitNameAt(oneStop, "2025-06-30")).toBe("Bộ phận Một cửa");
  expect(unitNameAt(oneStop, "2025-07-01")).toBe("Trung tâm Phục vụ hành chính công");
});

test("the commune offices of Nghị định 150/2025 and their forerunners", () => {
  expect(nameOf("Văn phòng HĐND và UBND")).toBe("Văn phòng - Thống kê");
  expect(unitNameAt(dir.match("Văn phòng HĐND và UBND").unit!, "2026-01-01")).toBe("Văn phòng HĐND và UBND");
  expect(nameOf("Phòng Văn hóa - Xã hội")).toBe("Văn hóa - Xã hội");
  expect(nameOf("Phòng Văn hoá - Xã hội")).toBe("Văn hóa - Xã hội");
  expect(unitNameAt(dir.match("Văn hóa - Xã hội").unit!, "2026-01-01")).toBe("Phòng Văn hóa - Xã hội");
  expect(nameOf("Phòng Kinh tế")).toBe("Phòng Kinh tế");
  expect(nameOf("Phòng Kinh tế, Hạ tầng và Đô thị")).toBe("Phòng Kinh tế");
  // Names with a comma or "và" inside stay whole in a list.
  expect(dir.matchList("Phòng Kinh tế, Hạ tầng và Đô thị; Trung tâm Phục vụ hành chính công").map((m) => m.unit?.name)).toEqual(["Phòng Kinh tế", "Bộ phận tiếp nhận và trả kết quả"]);
});

test("owner lists split on ';' and ','; names run together and a doubled word are read as written", () => {
  expect(dir.matchList("Sở Khoa học và Công nghệ Sở Công Thương; UBND các phường, xã").map((m) => m.unit?.name)).toEqual(["Sở Khoa học và Công nghệ", "Sở Công Thương", "UBND các xã, phường, đặc khu"]);
  expect(dir.matchList("Sở Tài Chính; Sở Sở Công thương").map((m) => m.unit?.name)).toEqual(["Sở Tài chính", "Sở Công Thương"]);
  expect(dir.matchList("Sở Văn hóa, Thể thao và Du lịch, Sở KH&CN").map((m) => m.unit?.name)).toEqual(["Sở Văn hóa, Thể thao và Du lịch", "Sở Khoa học và Công nghệ"]);
});

test("a plan's level comes from its issuing body, its date from the decision", () => {
  expect(planUnitContext({ unit: "UBND tỉnh Đồng Tháp", year: 2025, decision: { date: "01/12/2025" } })).toEqual({ level: "province", date: "2025-12-01" });
  expect(planUnitContext({ unit: "Ủy ban nhân dân Thành phố Hồ Chí Minh", year: 2025 })).toEqual({ level: "province", date: "2025-01-01" });
  expect(planUnitContext({ unit: "Thủ tướng Chính phủ", year: 2025 }).level).toBe("central");
  expect(planUnitContext(HONG_LOC_2024)).toEqual({ level: "commune", date: "2024-01-12" });
});

function plan(unit: string, year: number, leads: string[]) {
  const rows: ActivityFields[] = leads.map((lead, i) => ({
    group: "I", objectiveNo: "", objective: "", taskNo: "", task: "", activityNo: String(i + 1), activity: `Nhiệm vụ ${i + 1}`,
    output: "Báo cáo", lead, partners: "", deadline: `Quý IV/${year}`, budget: "",
  }));
  return { unit, year, activities: makeActivities(rows), indicators: [] };
}

const codes = (p: ReturnType<typeof plan>, units?: Unit[]) => validatePlan(p, units ? { units } : {}).filter((f) => f.code.startsWith("OWNER")).map((f) => `${f.code} ${f.message.match(/"([^"]+)"/)?.[1] ?? ""}`);

test("who is outside follows the plan's level: a province's Sở lead its plan, not a commune's", () => {
  const leads = ["Sở Tài chính", "Sở KH&CN", "Bộ Xây dựng", "UBND các xã, phường, đặc khu", "Phòng Kinh tế"];
  expect(codes(plan("UBND tỉnh Đồng Tháp", 2026, leads))).toEqual(["OWNER_OUTSIDE Bộ Xây dựng", "OWNER_COLLECTIVE UBND các xã, phường, đặc khu"]);
  expect(codes(plan("UBND xã Tân Hòa", 2026, leads))).toEqual(["OWNER_OUTSIDE Sở Tài chính", "OWNER_OUTSIDE Sở KH&CN", "OWNER_OUTSIDE Bộ Xây dựng", "OWNER_COLLECTIVE UBND các xã, phường, đặc khu"]);
  expect(codes(plan("Thủ tướng Chính phủ", 2026, ["Bộ Xây dựng", "Bộ Khoa học và Công nghệ"]))).toEqual([]);
  // An unknown "Sở …" is above a commune's plan, not a province's.
  expect(codes(plan("UBND tỉnh Nghệ An", 2026, ["Sở Du lịch"]))).toEqual(["OWNER_UNKNOWN Sở Du lịch"]);
  expect(codes(plan("UBND xã Tân Hòa", 2026, ["Sở Du lịch"]))).toEqual(["OWNER_OUTSIDE Sở Du lịch"]);
});

test("which units are current follows the plan's date: a 2026 commune plan naming a post that ended on 30/6/2025", () => {
  expect(codes(plan("UBND xã Tân Hòa", 2026, ["Địa chính - Xây dựng", "Trung tâm Phục vụ hành chính công", "UBND huyện"]))).toEqual([
    "OWNER_NOT_CURRENT Địa chính - Xây dựng",
    "OWNER_OUTSIDE UBND huyện",
  ]);
  expect(codes(plan("UBND xã Tân Hòa", 2024, ["Địa chính - Xây dựng", "Phòng Kinh tế"]))).toEqual(["OWNER_NOT_CURRENT Phòng Kinh tế"]);
});

test("the units sheet carries level, renames and dates, and the user's edits decide", () => {
  const rows = unitsToSheetRows(DEFAULT_UNITS);
  expect(unitsFromSheetRows(rows)).toEqual(DEFAULT_UNITS);
  const oneStop = rows.find((r) => r[0] === "Bộ phận tiếp nhận và trả kết quả")!;
  expect(oneStop.slice(5)).toEqual(["", "Bộ phận Một cửa (từ 01/01/2021); Trung tâm Phục vụ hành chính công (từ 01/07/2025)", "", ""]);
  expect(rows.find((r) => r[0] === "UBND huyện")!.slice(5)).toEqual(["Huyện", "", "", "30/06/2025"]);
  // A sheet of the first five columns only (an older workbook) still matches the later names.
  const old = new UnitDirectory(unitsFromSheetRows(rows.map((r) => r.slice(0, 5))));
  expect(old.match("Trung tâm Phục vụ hành chính công").unit?.name).toBe("Bộ phận tiếp nhận và trả kết quả");
  // The user says the district units lasted to 2026 (say, a plan read late): no longer "not current" in 2026.
  const edited = unitsFromSheetRows(rows.map((r) => (r[0] === "Địa chính - Xây dựng" ? [...r.slice(0, 8), ""] : r)));
  expect(codes(plan("UBND xã Tân Hòa", 2026, ["Địa chính - Xây dựng"]), edited)).toEqual([]);
  // A user's own province unit, level "Tỉnh": fine in a province's plan.
  const mine = unitsFromSheetRows([...rows, ["Thuế tỉnh", "Thuế Đồng Nai", "", "Ngoài xã", "", "Tỉnh", "", "", ""]]);
  expect(codes(plan("UBND tỉnh Đồng Nai", 2026, ["Thuế Đồng Nai"]), mine)).toEqual([]);
  expect(codes(plan("UBND xã Tân Hòa", 2026, ["Thuế Đồng Nai"]), mine)).toEqual(["OWNER_OUTSIDE Thuế Đồng Nai"]);
});

test("edits on the workbook's Đơn vị sheet come back: a level typed, a date typed as an Excel date", async () => {
  const bytes = await writeXlsx(buildWorkbookLayout({ plan: HONG_LOC_2024, settings: defaultSettings(HONG_LOC_2024), progress: {}, mode: "native" }));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Buffer);
  const ws = wb.getWorksheet("Đơn vị")!;
  let edited = 0;
  ws.eachRow((row) => {
    if (row.getCell(1).value === "Địa chính - Xây dựng") {
      row.getCell(9).value = new Date(Date.UTC(2025, 8, 30)); // "Dùng đến ngày" 30/09/2025
      edited++;
    }
    if (row.getCell(1).value === "Sở Tài chính") {
      row.getCell(6).value = "Trung ương"; // the person says so (wrongly): it becomes above a province
      edited++;
    }
  });
  expect(edited).toBe(2);
  const read = await readWorkbook(xlsxWorkbook(new Uint8Array(await wb.xlsx.writeBuffer())));
  const units = read.units!;
  expect(units.find((u) => u.name === "Địa chính - Xây dựng")?.until).toBe("2025-09-30");
  expect(units.find((u) => u.name === "Bộ phận tiếp nhận và trả kết quả")?.renamed?.map((r) => r.name)).toEqual(["Bộ phận Một cửa", "Trung tâm Phục vụ hành chính công"]);
  expect(codes(plan("UBND tỉnh Đồng Tháp", 2026, ["Sở Tài chính"]), units)).toEqual(["OWNER_OUTSIDE Sở Tài chính"]);
});
