/**
 * Test helper: the same table description as docxWriter (RowSpec) written to a real .xlsx with
 * exceljs, gridSpan and vMerge becoming Excel merged areas (the value in the top-left cell),
 * paragraphs becoming line breaks inside the cell (Alt+Enter).
 */
import ExcelJS from "exceljs";
import type { CellObject, RowObject, RowSpec } from "./docxWriter";

interface Placed {
  r: number;
  c: number;
  span: number;
  cell: CellObject;
}

function placeRows(rows: RowSpec[]): Placed[][] {
  return rows.map((spec, r) => {
    const row: RowObject = Array.isArray(spec) ? { cells: spec } : spec;
    let c = row.gridBefore ?? 0;
    return row.cells.map((cs) => {
      const cell: CellObject = typeof cs === "string" ? { text: cs } : cs;
      const p = { r, c, span: cell.span ?? 1, cell };
      c += p.span;
      return p;
    });
  });
}

export interface SheetSpec {
  name: string;
  /** Rows above the table (each one text in column A). */
  titleRows?: string[];
  rows: RowSpec[];
  /** Leave merges out (a flattened paste: only values). */
  flatten?: boolean;
}

export function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(spec.name);
  const offset = spec.titleRows?.length ?? 0;
  spec.titleRows?.forEach((t, i) => (ws.getCell(i + 1, 1).value = t));
  const placed = placeRows(spec.rows);
  for (const row of placed) {
    for (const p of row) {
      if (p.cell.vMerge === "continue") continue;
      const text = (p.cell.text ?? "").replace(/\r/g, "\n");
      if (text !== "") ws.getCell(offset + p.r + 1, p.c + 1).value = text;
    }
  }
  if (!spec.flatten) {
    // Horizontal spans, then vertical merges (restart + following continues in the same column).
    const merges: Array<[number, number, number, number]> = [];
    for (const row of placed) {
      for (const p of row) {
        if (p.cell.vMerge === "restart") {
          let r2 = p.r;
          for (let r = p.r + 1; r < placed.length; r++) {
            const below = placed[r].find((q) => q.c === p.c);
            if (below && below.cell.vMerge === "continue") r2 = r;
            else break;
          }
          if (r2 > p.r || p.span > 1) merges.push([p.r, p.c, r2, p.c + p.span - 1]);
        } else if (!p.cell.vMerge && p.span > 1) merges.push([p.r, p.c, p.r, p.c + p.span - 1]);
      }
    }
    for (const [r1, c1, r2, c2] of merges) ws.mergeCells(offset + r1 + 1, c1 + 1, offset + r2 + 1, c2 + 1);
  }
  return ws;
}

export async function sheetsToXlsx(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) addSheet(wb, s);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
