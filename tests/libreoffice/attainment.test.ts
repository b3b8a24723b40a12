/**
 * The demo workbook opened where the add-in does not run: LibreOffice, headless.
 *
 * 1. Custom mode (the workbook Excel users get): every CCHC.* formula carries its computed value,
 *    so LibreOffice, which does not know the functions, shows the attainment and met columns and
 *    the settings' completion figures exactly as core computes them, and no #NAME? anywhere.
 * 2. Native mode (Excel 2016/2019, files for the district), recalculated by LibreOffice itself:
 *    the cached values are replaced by a marker and LibreOffice is told to recalculate on load,
 *    so every figure it shows comes from its own evaluation of the native formulas — a real
 *    spreadsheet engine agreeing with core.
 *
 * Skips (with a message) when soffice is missing, except under CI=true, where it fails.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { defaultSettings } from "../../src/core/settings";
import { buildWorkbookLayout } from "../../src/layout/workbook";
import type { WorkbookModel } from "../../src/layout/model";
import type { Cell, SheetLayout, WorkbookLayout } from "../../src/layout/types";
import { INDICATORS_SHEET, indicatorCellRefs, indicatorValues, type IndicatorPeriodValues } from "../../src/layout/indicatorsSheet";
import { SETTINGS_EXTRA_ROW, SETTINGS_RESULT_ROWS, SETTINGS_SHEET, completionFigures, settingsSheet } from "../../src/layout/settingsSheet";
import { parseAddress } from "../../src/layout/address";
import { writeXlsx } from "../../src/render/exceljs";
import { CSV_ALL_SHEETS, libreOfficeAvailable, libreOfficeProfile, sheetCsvs, soffice } from "../helpers/libreoffice";

const maybe = libreOfficeAvailable("tests/libreoffice/attainment.test.ts") ? describe : describe.skip;

// --- the model: progress and typed figures ---------------------------------------------------

const plan = HONG_LOC_2024;
const acts = plan.activities;
const progress: WorkbookModel["progress"] = Object.fromEntries(
  acts.slice(0, 36).map((a, i) => [a.id, { completedOn: i % 4 === 0 ? "2024-01-10" : i % 4 === 1 ? "2024-08-30" : i % 4 === 2 ? "2024-12-20" : null }]),
);
const indicatorInputs: WorkbookModel["indicatorInputs"] = {
  "BODY-3.1": { Q1: { numerator: 60, denominator: 100 }, Q2: { numerator: 80, denominator: 100 }, H1: { numerator: 140, denominator: 200 }, Q3: { numerator: 7, denominator: 9 } },
  "BODY-3.2b": { Q3: { numerator: 70, denominator: 100 }, "9M": { numerator: 150, denominator: 230 }, Q4: { numerator: 0, denominator: 0 } },
  "BODY-3.6": { Q1: { numerator: 93, denominator: 100 }, Y: { numerator: 2, denominator: 3 } },
  "BODY-1.2": { Y: { numerator: 2 }, H1: { numerator: 0 } },
  "BODY-3.7": { Q4: { numerator: 1 } },
  "OBJ-I-1.4": { Y: { numerator: 3, denominator: 9 } },
  "OBJ-III-1.7b": { Q2: { numerator: 41, denominator: 100 } },
  "BODY-7.4": { Q2: { numerator: 0, denominator: 40 }, Q3: { numerator: 55, denominator: 100 } },
  "BODY-5": { Y: { numerator: 17, denominator: 20 } },
};
// Overrides exercise the "<=" and "=" branches of the attainment and met formulas.
const indicatorOverrides: WorkbookModel["indicatorOverrides"] = {
  "BODY-3.6": { comparator: "<=" },
  "BODY-7.4": { comparator: "=", target: 0.5 },
  "BODY-5": { target: 0.9 },
};

function model(mode: "custom" | "native"): WorkbookModel {
  return { plan, settings: defaultSettings(plan, "2024-09-14"), progress, mode, indicatorInputs, indicatorOverrides };
}

/** The workbook layout; the settings sheet with its computed rows (until workbook.ts passes the model itself). */
function layoutFor(m: WorkbookModel): WorkbookLayout {
  const layout = buildWorkbookLayout(m);
  const i = layout.sheets.findIndex((s) => s.name === SETTINGS_SHEET);
  if (!layout.sheets[i].cells[`A${SETTINGS_EXTRA_ROW}`]) {
    layout.names = layout.names ?? {};
    layout.sheets[i] = settingsSheet(m.settings, layout.names, m);
  }
  return layout;
}

// --- LibreOffice -----------------------------------------------------------------------------

/** Converts every sheet of `xlsx` to CSV; returns sheet name → rows. */
function convert(xlsx: string, dir: string, recalcOnLoad: boolean): Map<string, string[][]> {
  const out = path.join(dir, "csv");
  soffice(libreOfficeProfile(recalcOnLoad), CSV_ALL_SHEETS, out, [xlsx]);
  return sheetCsvs(out, path.basename(xlsx, ".xlsx"));
}

function at(rows: string[][], a1: string): string {
  const { row, col } = parseAddress(a1);
  return (rows[row]?.[col] ?? "").normalize("NFC");
}

/** A figure as LibreOffice writes it ("80%", "93.3333333333333%", "0.5", "2") → number; "" stays "". */
function figure(s: string): number | string {
  const t = s.trim();
  if (t === "") return "";
  const m = /^(-?[\d.,]+(?:E[-+]?\d+)?)(%?)$/i.exec(t);
  if (!m) return t;
  const n = Number(m[1].includes(".") ? m[1].replace(/,/g, "") : m[1].replace(",", "."));
  return m[2] ? n / 100 : n;
}

function expectSameFigure(shown: string, core: number | string, where: string) {
  const f = figure(shown);
  if (typeof core === "number") {
    expect([where, typeof f]).toEqual([where, "number"]);
    expect(Math.abs((f as number) - core)).toBeLessThan(1e-9);
  } else {
    expect([where, f]).toEqual([where, core]);
  }
}

function checkIndicators(sheets: Map<string, string[][]>, m: WorkbookModel) {
  const rows = sheets.get(INDICATORS_SHEET)!;
  expect(rows).toBeDefined();
  const refs = indicatorCellRefs(m);
  const values = indicatorValues(m);
  let compared = 0;
  values.forEach((v: IndicatorPeriodValues, i) => {
    const r = refs.values[i];
    const where = `${v.id} ${v.period}`;
    expect([where, at(rows, r.cells.id), at(rows, r.cells.period)]).toEqual([where, v.id, v.label]);
    expectSameFigure(at(rows, r.cells.attainment), v.attainment, `${where} attainment`);
    expectSameFigure(at(rows, r.cells.actual), v.actual, `${where} actual`);
    expect([where, at(rows, r.cells.met)]).toEqual([where, v.met]);
    if (v.attainment !== "") compared++;
  });
  expect(compared).toBe(17);
  for (const line of rows) for (const c of line) expect(c).not.toMatch(/#NAME\?|Err:\d+|STALE/);
}

function checkSettings(sheets: Map<string, string[][]>, m: WorkbookModel) {
  const rows = sheets.get(SETTINGS_SHEET)!;
  const fig = completionFigures(m);
  expect(at(rows, `B${SETTINGS_RESULT_ROWS.completion}`)).toBe(fig.completion);
  expect(at(rows, `B${SETTINGS_RESULT_ROWS.completionDue}`)).toBe(fig.completionDue);
  expectSameFigure(at(rows, `B${SETTINGS_RESULT_ROWS.completionRate}`), fig.rate as number, "completion rate");
  expectSameFigure(at(rows, `B${SETTINGS_RESULT_ROWS.parScore}`), fig.parScore as number, "PAR points");
  for (const line of rows) for (const c of line) expect(c).not.toMatch(/#NAME\?|Err:\d+|STALE/);
}

/** Replaces the cached value of every formula cell of the given sheets by a marker. */
function staleCopy(layout: WorkbookLayout, sheets: string[]): WorkbookLayout {
  const stale = (c: Cell): Cell => (c.f ? { ...c, v: "STALE", kind: undefined } : c);
  return {
    ...layout,
    sheets: layout.sheets.map((s): SheetLayout => (!sheets.includes(s.name) ? s : {
      ...s,
      cells: Object.fromEntries(Object.entries(s.cells).map(([k, c]) => [k, stale(c)])),
      tables: s.tables.map((t) => ({ ...t, rows: t.rows.map((r) => r.map(stale)) })),
    })),
  };
}

maybe("LibreOffice shows the attainment values core computes", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-lo-attainment-"));
  });
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test("custom mode: cached values of every CCHC.* formula, read by a spreadsheet without the add-in", async () => {
    const m = model("custom");
    const layout = layoutFor(m);
    const formulas = layout.sheets.flatMap((s) => [...Object.values(s.cells), ...s.tables.flatMap((t) => t.rows.flat())]).filter((c) => c.f?.includes("CCHC."));
    expect(formulas.length).toBeGreaterThan(500);
    const file = path.join(dir, "custom.xlsx");
    fs.writeFileSync(file, await writeXlsx(layout));
    const sheets = convert(file, path.join(dir, "custom"), false);
    checkIndicators(sheets, m);
    checkSettings(sheets, m);
  }, 240_000);

  test("native mode: LibreOffice's own recalculation agrees with core", async () => {
    const m = model("native");
    const layout = staleCopy(layoutFor(m), [INDICATORS_SHEET, SETTINGS_SHEET]);
    const file = path.join(dir, "native.xlsx");
    fs.writeFileSync(file, await writeXlsx(layout));
    const sheets = convert(file, path.join(dir, "native"), true);
    checkIndicators(sheets, m);
    checkSettings(sheets, m);
  }, 240_000);
});
