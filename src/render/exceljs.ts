/**
 * Renders a declarative layout into an .xlsx file with exceljs: for the command line, the demo
 * and the district exports. With `freeze`, every formula becomes its computed value.
 * exceljs is imported lazily by callers in the task pane; this module is loaded on demand.
 * Text longer than Excel's 32,767 characters per cell is cut, ending in "… [cắt bớt]"
 * (cellValues.ts storedValue/fitCellText): Excel would otherwise repair the file on opening.
 */
import ExcelJS from "exceljs";
import type { StyleSpec } from "../layout/styles";
import { columnLetter, parseAddress, address } from "../layout/address";
import type { Cell, SheetLayout, WorkbookLayout } from "../layout/types";
import { cellNumberFormat, fileFormula, storedValue } from "./cellValues";
import { postProcessXlsx } from "./xlsxPostProcess";
import { dataValidationsOf, writeWorkbookFiles } from "./xlsxStrict";
import { BORDER_COLOR, HEADER_SPEC, bodyRows, bodySpec, cellFormat, freeSpec, resolveSheet, tableLook, validationRule } from "./resolvedSheet";

export interface XlsxOptions {
  /** Replace every formula by its computed value (exports for the district). */
  freeze?: boolean;
  /** Fixed document timestamps, for reproducible files in tests. */
  created?: Date;
  /** Custom document properties (docProps/custom.xml), e.g. the district export's commune and period. */
  customProperties?: Record<string, string>;
  /** Write the CCHC_ROLE owner markers (default true; the district export leaves them out). */
  ownerMarkers?: boolean;
}

const EXCEL_ERRORS = new Set(["#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!"]);

/** exceljs's paper size codes (the file's pageSetup@paperSize). */
const PAPER_SIZES = { A4: 9 } as const;

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** A cell's resolved format (resolvedSheet.ts) and number format (cellNumberFormat), in exceljs's words. */
function applyStyle(target: ExcelJS.Cell, cell: Cell | undefined, spec: StyleSpec, freeze: boolean) {
  const f = cellFormat(spec);
  const numberFormat = cellNumberFormat(cell, spec, freeze);
  target.font = { ...f.font, underline: f.font.underline || undefined, color: { argb: argb(f.font.color) } };
  if (f.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(f.fill) } };
  if (f.wrap || f.horizontal !== "general" || f.vertical !== "bottom") {
    target.alignment = { wrapText: f.wrap || undefined, horizontal: f.horizontal === "general" ? undefined : f.horizontal, vertical: f.vertical === "center" ? "middle" : f.vertical };
  }
  if (numberFormat !== "General") target.numFmt = numberFormat;
  if (f.border) {
    const thin = { style: "thin" as const, color: { argb: argb(BORDER_COLOR) } };
    target.border = { top: thin, left: thin, bottom: thin, right: thin };
  }
}

function cellValue(cell: Cell, freeze: boolean): ExcelJS.CellValue {
  const value = storedValue(cell);
  // A frozen error ("#DIV/0!") becomes a real error value. A formula's cached error stays text:
  // LibreOffice recalculates formulas whose cached result is an error, and CCHC.* would turn #NAME?.
  if (cell.f && !freeze) return { formula: fileFormula(cell.f), result: (value ?? "") as never } as ExcelJS.CellFormulaValue;
  if (cell.f && typeof value === "string" && EXCEL_ERRORS.has(value)) return { error: value as ExcelJS.CellErrorValue["error"] };
  if (cell.link && typeof value === "string") return { text: value, hyperlink: `#${cell.link}` };
  return value as ExcelJS.CellValue;
}

function writeCell(ws: ExcelJS.Worksheet, a1: string, cell: Cell, freeze: boolean) {
  const target = ws.getCell(a1);
  target.value = cellValue(cell, freeze);
  applyStyle(target, cell, freeSpec(cell), freeze);
}

export function renderSheet(wb: ExcelJS.Workbook, sheet: SheetLayout, freeze: boolean) {
  const look = resolveSheet(sheet);
  const { print } = look;
  const ws = wb.addWorksheet(sheet.name, {
    properties: { tabColor: sheet.tabColor ? { argb: argb(sheet.tabColor) } : undefined },
    views: look.freeze ? [{ state: "frozen", xSplit: look.freeze.columns, ySplit: look.freeze.rows }] : undefined,
    pageSetup: {
      paperSize: PAPER_SIZES[print.paperSize],
      orientation: print.orientation,
      fitToPage: print.fitToPagesWide !== null,
      fitToWidth: print.fitToPagesWide ?? 1,
      fitToHeight: 0,
      printTitlesRow: print.titleRows?.replace(/\$/g, ""),
      margins: print.margins,
    },
    headerFooter: print.centerFooter ? { oddFooter: `&C${print.centerFooter}` } : undefined,
  });
  for (const table of sheet.tables) {
    const origin = parseAddress(table.origin);
    const tableStyle = tableLook(table);
    ws.addTable({
      name: table.name,
      ref: table.origin,
      headerRow: true,
      style: { theme: tableStyle.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: tableStyle.bandedRows },
      columns: table.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: table.rows.length ? table.rows.map((row) => row.map((cell) => cellValue(cell, freeze))) : [table.columns.map(() => null)],
    });
    table.columns.forEach((c, i) => applyStyle(ws.getCell(address(origin.row, origin.col + i)), { v: c.header }, HEADER_SPEC, freeze));
    // Every body cell is styled, the blank row of an empty table too (as the live renderer does).
    bodyRows(table).forEach((row, r) =>
      table.columns.forEach((column, i) => {
        const cell = row[i];
        const target = ws.getCell(address(origin.row + 1 + r, origin.col + i));
        applyStyle(target, cell, bodySpec(column, cell), freeze);
        if (cell?.link && !cell.f) target.value = cellValue(cell, freeze);
      }),
    );
  }
  for (const [a1, cell] of Object.entries(sheet.cells)) writeCell(ws, a1, cell, freeze);
  // The cells between them carry the sheet's font too (so does the live sheet): what a person types there looks alike.
  for (let r = 1; r <= look.extent.rows; r++) {
    for (let c = 1; c <= look.extent.cols; c++) if (!ws.findCell(r, c)) applyStyle(ws.getCell(r, c), undefined, {}, freeze);
  }
  for (const c of look.columns) {
    const column = ws.getColumn(c.index + 1);
    column.width = c.width;
    if (c.hidden) column.hidden = true;
  }
  // A file cannot measure text: the rows to fit get the layout's estimate.
  for (const [row, height] of Object.entries({ ...look.estimatedHeights, ...look.rowHeights })) ws.getRow(Number(row) + 1).height = height;
  for (const m of sheet.merges) ws.mergeCells(m);
  for (const v of sheet.validations) {
    const r = validationRule(v);
    const rule: ExcelJS.DataValidation = {
      type: r.type,
      allowBlank: r.ignoreBlanks,
      formulae: r.list ? ["formula" in r.list ? r.list.formula : `"${r.list.values}"`] : [typeof r.minimum === "string" ? new Date(`${r.minimum}T00:00:00Z`) : r.minimum],
      operator: r.list ? undefined : "greaterThanOrEqual",
      showErrorMessage: true,
      errorStyle: r.errorStyle,
      errorTitle: r.errorTitle,
      error: r.errorMessage,
      showInputMessage: r.prompt !== null,
      prompt: r.prompt ?? undefined,
    };
    // Per range, as Excel saves it; writeWorkbookFiles keeps the ranges disjoint (xlsxStrict.ts).
    dataValidationsOf(ws).add(v.range, rule);
  }
  sheet.conditionalFormats.forEach((cf, i) => {
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{
        // Unique within the sheet, first declared first applied.
        type: "expression", priority: i + 1, formulae: [fileFormula(cf.formula)],
        style: { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } }, font: cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : undefined },
      }],
    });
  });
  return ws;
}

export async function writeXlsx(layout: WorkbookLayout, options: XlsxOptions = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = layout.properties.creator;
  wb.title = layout.properties.title;
  wb.subject = layout.properties.subject ?? "";
  wb.keywords = layout.properties.keywords ?? "";
  wb.description = layout.properties.description ?? "";
  wb.created = options.created ?? new Date();
  wb.modified = wb.created;
  wb.calcProperties.fullCalcOnLoad = false;
  for (const sheet of layout.sheets) renderSheet(wb, sheet, Boolean(options.freeze));
  for (const [name, ref] of Object.entries(layout.names ?? {})) wb.definedNames.add(ref, name);
  return postProcessXlsx(await writeWorkbookFiles(wb), layout, options);
}

export { columnLetter };
