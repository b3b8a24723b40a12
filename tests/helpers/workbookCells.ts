/**
 * A workbook as comparable data, sheet by sheet: every non-empty cell's value (a formula's cached
 * result), formula and number format, the merges and the data validations. Two hosts that write
 * the same workbook give equal descriptions; `expect(a).toEqual(b)` then names the first cells
 * that differ.
 */
import ExcelJS from "exceljs";

export interface CellDescription {
  value: unknown;
  formula?: string;
  numFmt?: string;
}

export interface SheetDescription {
  name: string;
  cells: Record<string, CellDescription>;
  merges: string[];
  validations: Record<string, unknown>;
}

function plain(v: ExcelJS.CellValue): { value: unknown; formula?: string } {
  if (v === null || v === undefined) return { value: null };
  if (v instanceof Date) return { value: v.toISOString() };
  if (typeof v === "object") {
    const o = v as unknown as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) {
      const r = o.result as ExcelJS.CellValue;
      return { value: r instanceof Date ? r.toISOString() : (r ?? null), formula: String(o.formula ?? o.sharedFormula) };
    }
    if ("richText" in o) return { value: (o.richText as Array<{ text: string }>).map((t) => t.text).join("") };
    if ("hyperlink" in o) return { value: { text: o.text, hyperlink: o.hyperlink } };
    return { value: JSON.parse(JSON.stringify(o)) };
  }
  return { value: v };
}

export async function describeWorkbook(bytes: Uint8Array, options: { skipCells?: (sheet: string, address: string) => boolean } = {}): Promise<SheetDescription[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: Record<string, CellDescription> = {};
    ws.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        if (options.skipCells?.(ws.name, cell.address)) return;
        const p = plain(cell.value);
        if (p.value === null && !p.formula) return;
        cells[cell.address] = { ...p, ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) };
      });
    });
    const model = ws.model as unknown as { merges?: string[] };
    const validations = (ws as unknown as { dataValidations: { model: Record<string, unknown> } }).dataValidations?.model ?? {};
    return { name: ws.name, cells, merges: [...(model.merges ?? [])].sort(), validations: JSON.parse(JSON.stringify(validations)) };
  });
}
