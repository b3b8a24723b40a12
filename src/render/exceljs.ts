/**
 * Renders a declarative layout into an .xlsx file with exceljs: for the command line, the demo
 * and the district exports. With `freeze`, every formula becomes its computed value.
 * exceljs is imported lazily by callers in the task pane; this module is loaded on demand.
 * Text longer than Excel's 32,767 characters per cell is cut, ending in "… [cắt bớt]"
 * (cellValues.ts storedValue/fitCellText): Excel would otherwise repair the file on opening.
 */
import ExcelJS from "exceljs";
import { FONT_NAME, FONT_SIZE, STYLES, type StyleSpec } from "../layout/styles";
import { columnLetter, parseAddress, address } from "../layout/address";
import type { Cell, SheetLayout, WorkbookLayout } from "../layout/types";
import { cellNumberFormat, fileFormula, storedValue } from "./cellValues";
import { postProcessXlsx } from "./xlsxPostProcess";
import { dataValidationsOf, writeWorkbookFiles } from "./xlsxStrict";
import { estimatedRowHeights } from "../layout/rowHeights";

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

const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;

/** A cell's style; its number format is the one both hosts give that cell (cellNumberFormat). */
function applyStyle(target: ExcelJS.Cell, cell: Cell | undefined, spec: StyleSpec | undefined, base: StyleSpec | undefined, freeze: boolean) {
  const s = { ...base, ...spec };
  const numberFormat = cellNumberFormat(cell, s, freeze);
  target.font = { name: FONT_NAME, size: s.size ?? FONT_SIZE, bold: s.bold, italic: s.italic, underline: s.underline, color: s.color ? { argb: argb(s.color) } : undefined };
  if (s.fill) target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } };
  if (s.wrap || s.horizontal || s.vertical) target.alignment = { wrapText: s.wrap, horizontal: s.horizontal, vertical: s.vertical === "center" ? "middle" : s.vertical };
  if (numberFormat !== "General") target.numFmt = numberFormat;
  if (s.border) {
    const thin = { style: "thin" as const, color: { argb: "FF808080" } };
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

function writeCell(ws: ExcelJS.Worksheet, a1: string, cell: Cell, freeze: boolean, base?: StyleSpec) {
  const target = ws.getCell(a1);
  target.value = cellValue(cell, freeze);
  applyStyle(target, cell, cell.style ? STYLES[cell.style] : undefined, base, freeze);
}

export function renderSheet(wb: ExcelJS.Workbook, sheet: SheetLayout, freeze: boolean) {
  const ws = wb.addWorksheet(sheet.name, {
    properties: { tabColor: sheet.tabColor ? { argb: argb(sheet.tabColor) } : undefined },
    views: sheet.freeze ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }] : undefined,
    pageSetup: {
      paperSize: 9,
      orientation: sheet.print.orientation,
      fitToPage: sheet.print.fitToWidth,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: sheet.print.titleRows?.replace(/\$/g, ""),
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: sheet.print.pageNumbers ? { oddFooter: "&CTrang &P/&N" } : undefined,
  });
  for (const table of sheet.tables) {
    const origin = parseAddress(table.origin);
    table.columns.forEach((c, i) => {
      ws.getColumn(origin.col + i + 1).width = c.width;
      if (c.hidden) ws.getColumn(origin.col + i + 1).hidden = true;
    });
    ws.addTable({
      name: table.name,
      ref: table.origin,
      headerRow: true,
      style: { theme: (table.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: table.columns.map((c) => ({ name: c.header, filterButton: true })),
      rows: table.rows.length ? table.rows.map((row) => row.map((cell) => cellValue(cell, freeze))) : [table.columns.map(() => null)],
    });
    table.columns.forEach((c, i) => applyStyle(ws.getCell(address(origin.row, origin.col + i)), { v: c.header }, STYLES.header, undefined, freeze));
    // Every body cell is styled, the blank row of an empty table too (as the live renderer does).
    const bodyRows: Array<Array<Cell | undefined>> = table.rows.length ? table.rows : [[]];
    bodyRows.forEach((row, r) =>
      table.columns.forEach((column, i) => {
        const cell = row[i];
        const target = ws.getCell(address(origin.row + 1 + r, origin.col + i));
        applyStyle(target, cell, STYLES[cell?.style ?? column.style ?? "text"], { border: true, vertical: "top" }, freeze);
        if (cell?.link && !cell.f) target.value = cellValue(cell, freeze);
      }),
    );
  }
  for (const [a1, cell] of Object.entries(sheet.cells)) writeCell(ws, a1, cell, freeze);
  for (const [letter, width] of Object.entries(sheet.widths ?? {})) ws.getColumn(letter).width = width;
  for (const [row, height] of Object.entries({ ...estimatedRowHeights(sheet), ...sheet.rowHeights })) ws.getRow(Number(row) + 1).height = height;
  for (const m of sheet.merges) ws.mergeCells(m);
  for (const v of sheet.validations) {
    const rule: ExcelJS.DataValidation = {
      type: v.type,
      allowBlank: true,
      formulae: v.type === "list" ? [v.source ?? `"${(v.values ?? []).join(",")}"`] : v.type === "date" ? [new Date(Date.UTC(1900, 0, 1))] : [0],
      operator: v.type === "list" ? undefined : "greaterThanOrEqual",
      showErrorMessage: true,
      errorStyle: v.errorStyle,
      errorTitle: v.errorTitle,
      error: v.errorMessage,
      showInputMessage: Boolean(v.prompt),
      prompt: v.prompt,
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
