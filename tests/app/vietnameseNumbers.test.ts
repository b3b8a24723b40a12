/**
 * A number typed as text the Vietnamese way ("1.234" = 1234, "85,3%" = 0.853) reads the same on
 * both hosts: the .xlsx file (the command) and the live workbook (the task pane), and the same as
 * the CCHC.* functions read it — so the level above receives the figure the commune sees.
 */
import ExcelJS from "exceljs";
import { demoWorkbook } from "../../scripts/make-corpus";
import { readWorkbook } from "../../src/app/readWorkbook";
import { xlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { parseNumberVi } from "../../src/core/numbers";
import { toNumber } from "../../src/core/cellArguments";
import { installFakeOffice, type InstalledFake } from "../fakeExcel";
import { detectCapabilities } from "../../src/render/officejs/capabilities";
import * as ops from "../../src/taskpane/services/ops";
import { officeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import type { WorkbookModel } from "../../src/layout/model";

const NUMERATOR = "Tử số (số thực hiện)";
const DENOMINATOR = "Mẫu số (tổng số)";
const TARGET_OVERRIDE = "Mục tiêu điều chỉnh";
const TYPED: Record<string, string> = { [NUMERATOR]: "1.234", [DENOMINATOR]: "1.500,0", [TARGET_OVERRIDE]: "85,3%" };

/** Where each typed header's first data cell sits on the indicators sheet (0-based row, col). */
function firstCellsBelow(values: unknown[][]): Record<string, { row: number; col: number }> {
  const out: Record<string, { row: number; col: number }> = {};
  values.forEach((row, r) => row.forEach((v, c) => { if (typeof v === "string" && v in TYPED && !out[v]) out[v] = { row: r + 1, col: c }; }));
  expect(Object.keys(out).sort()).toEqual(Object.keys(TYPED).sort());
  return out;
}

function expectTypedFigures(inputs: NonNullable<WorkbookModel["indicatorInputs"]>, overrides: Record<string, { target?: number | null }>) {
  const figures = Object.values(inputs).flatMap((slot) => Object.values(slot ?? {}));
  expect(figures).toContainEqual({ numerator: 1234, denominator: 1500 });
  expect(Object.values(overrides).map((o) => o.target)).toContain(0.853);
}

describe("one Vietnamese number reader", () => {
  test.each([
    ["1.234", 1234],
    ["1.234,5", 1234.5],
    ["85,3", 85.3],
    ["85,3%", 0.853],
    [0.853, 0.853],
  ])("%p reads as %p in the core and in CCHC.*", (typed, expected) => {
    expect(parseNumberVi(typed)).toBe(expected);
    expect(toNumber(typed, "x / x")).toBe(expected);
  });

  test("the file host reads numbers typed as text in the indicator inputs the Vietnamese way", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await demoWorkbook()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Chỉ tiêu")!;
    const grid: unknown[][] = [];
    ws.eachRow((row, r) => { grid[r - 1] = (row.values as unknown[]).slice(1); });
    for (const [header, at] of Object.entries(firstCellsBelow(Array.from(grid, (r) => r ?? [])))) ws.getCell(at.row + 1, at.col + 1).value = TYPED[header];
    const read = await readWorkbook(xlsxWorkbook(new Uint8Array(await wb.xlsx.writeBuffer())));
    expectTypedFigures(read.model.indicatorInputs ?? {}, read.model.indicatorOverrides ?? {});
  });

  describe("the live host", () => {
    let fake: InstalledFake;
    afterEach(() => fake?.uninstall());

    test("reads the same typed text the same way", async () => {
      fake = installFakeOffice(globalThis, { today: "2024-06-14", displayLanguage: "vi-VN", customFunctionsNamespace: "CCHC" });
      const caps = detectCapabilities(fake.Office);
      await ops.applyImport(await ops.previewImport({ kind: "embedded" }, {}, caps), caps);
      await fake.Excel.run(async (ctx: Excel.RequestContext) => {
        const ws = ctx.workbook.worksheets.getItem("Chỉ tiêu");
        const used = ws.getUsedRange().load("values, rowIndex, columnIndex");
        await ctx.sync();
        for (const [header, at] of Object.entries(firstCellsBelow(used.values))) {
          const cell = ws.getCell(used.rowIndex + at.row, used.columnIndex + at.col);
          cell.numberFormat = [["@"]];
          cell.values = [[TYPED[header]]];
        }
        await ctx.sync();
      });
      const read = await readWorkbook(officeWorkbook());
      expectTypedFigures(read.model.indicatorInputs ?? {}, read.model.indicatorOverrides ?? {});
    }, 60000);
  });
});
