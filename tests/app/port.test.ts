/**
 * The workbook port on both hosts: the .xlsx file (exceljs, bytes in and out) and the live workbook
 * (Office.js against the fake host). A layout applied through either reads back as the same
 * host-neutral snapshot: sheet names and roles, constants, and formulas as Excel shows them.
 */
import ExcelJS from "exceljs";
import { installFakeOffice, type InstalledFake } from "../fakeExcel";
import { xlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { officeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { cellFormula, cellValue } from "../../src/layout/snapshot";
import type { SheetSnapshot, WorkbookSnapshot } from "../../src/app/port";
import { trackedWorkbookLayout } from "../../src/layout/reportSheet";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { defaultSettings } from "../../src/core/settings";
import { excelSerialFromIso } from "../../src/core/dates";
import { sampleLog } from "../../src/core/sampleLog";
import { parsePeriodToken } from "../../src/core/periods";
import { detectCapabilities } from "../../src/render/officejs/capabilities";
import { PLAN_SHEET } from "../../src/layout/planColumns";
import { SETTINGS_SHEET, settingAddress } from "../../src/layout/settingsSheet";
import { parseAddress } from "../../src/layout/address";
import type { FormulaMode } from "../../src/layout/model";

const AS_OF = "2024-06-14";

function demoLayout(mode: FormulaMode) {
  const plan = HONG_LOC_2024;
  const settings = defaultSettings(plan, AS_OF);
  const log = sampleLog(plan, AS_OF, { startDay: settings.cutoffStartDay, endDay: settings.cutoffEndDay });
  return trackedWorkbookLayout({ plan, settings, progress: {}, mode }, log, { periods: [parsePeriodToken("Q2-2024")], sample: true }).layout;
}

const sheet = (snap: WorkbookSnapshot, name: string): SheetSnapshot => {
  const s = snap.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
};

/** Every cell of a sheet where the two snapshots differ: a formula's text, or a constant's value. */
function differences(a: SheetSnapshot, b: SheetSnapshot): string[] {
  const out: string[] = [];
  for (let r = 0; r < Math.max(a.values.length, b.values.length); r++) {
    for (let c = 0; c < Math.max(a.values[r]?.length ?? 0, b.values[r]?.length ?? 0); c++) {
      const fa = cellFormula(a, r, c), fb = cellFormula(b, r, c);
      if (fa !== fb || (!fa && cellValue(a, r, c) !== cellValue(b, r, c))) out.push(`R${r + 1}C${c + 1}: ${JSON.stringify([cellValue(a, r, c), fa])} vs ${JSON.stringify([cellValue(b, r, c), fb])}`);
    }
  }
  return out;
}

describe("the file host", () => {
  test("a new workbook: the product's sheets with roles, dates as serials, formulas as Excel shows them, a merge's value once", async () => {
    const file = xlsxWorkbook();
    expect(file.bytes()).toBeNull();
    expect((await file.read()).sheets).toEqual([]);
    const layout = demoLayout("custom");
    const result = await file.apply(layout);
    expect(result.sheets).toEqual(layout.sheets.map((s) => s.name));
    expect(result.replaced).toEqual([]);
    const snap = await file.read();
    expect(snap.sheets.map((s) => [s.name, s.role])).toEqual(layout.sheets.map((s) => [s.name, s.role]));
    const plan = sheet(snap, PLAN_SHEET);
    expect(plan.values[4][0]).toBe(HONG_LOC_2024.activities[0].id);
    expect(plan.values[0].filter((v) => v !== "")).toHaveLength(1); // the merged title
    expect(plan.formulas.flat().some((f) => f?.startsWith("=") && f.includes("CCHC.") && !f.includes("_xldudf_"))).toBe(true);
    const asOf = parseAddress(settingAddress("asOf"));
    expect(cellValue(sheet(snap, SETTINGS_SHEET), asOf.row, asOf.col)).toBe(excelSerialFromIso(AS_OF));
  });

  test("applying again replaces only the layout's sheets and never reads or touches a person's sheet", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Ghi chép của tôi").getCell("B2").value = "giữ nguyên";
    const file = xlsxWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
    const layout = demoLayout("native");
    expect((await file.apply(layout)).replaced).toEqual([]);
    const plan = layout.sheets.find((s) => s.role === "plan")!;
    const result = await file.apply({ ...layout, sheets: [plan] });
    expect(result.replaced).toEqual([PLAN_SHEET]);
    const snap = await file.read();
    expect(snap.sheets.map((s) => s.name)).toEqual(["Ghi chép của tôi", ...layout.sheets.map((s) => s.name)]);
    expect(sheet(snap, "Ghi chép của tôi")).toEqual({ name: "Ghi chép của tôi", role: null, values: [], formulas: [] });
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(file.bytes()! as unknown as ArrayBuffer);
    expect(back.getWorksheet("Ghi chép của tôi")!.getCell("B2").value).toBe("giữ nguyên");
  });
});

describe("the live host", () => {
  let fake: InstalledFake;
  afterEach(() => fake?.uninstall());

  test("reads in three syncs, a person's sheet unread, and the plan sheet as the file host reads it", async () => {
    fake = installFakeOffice(globalThis, { today: AS_OF, customFunctionsNamespace: "CCHC" });
    const layout = demoLayout("native");
    const live = officeWorkbook({ capabilities: detectCapabilities(fake.Office) });
    await live.apply(layout);
    fake.resetStats();
    const snap = await live.read();
    expect(fake.stats.syncs).toBe(3);
    expect(snap.sheets[0]).toEqual({ name: "Sheet1", role: null, values: [], formulas: [] });
    expect(snap.sheets.slice(1).map((s) => [s.name, s.role])).toEqual(layout.sheets.map((s) => [s.name, s.role]));

    const file = xlsxWorkbook();
    await file.apply(layout);
    const fromFile = await file.read();
    for (const name of [PLAN_SHEET, SETTINGS_SHEET]) expect(differences(sheet(fromFile, name), sheet(snap, name))).toEqual([]);
  }, 60000);
});
