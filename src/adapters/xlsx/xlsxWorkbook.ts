/**
 * The .xlsx file behind the workbook port (exceljs): bytes in, bytes out. No file system here, so
 * the command (which reads and writes files) and the page on a file (which has a download) share
 * it. Without bytes it starts from an empty workbook: the first apply writes a new file.
 */
import ExcelJS from "exceljs";
import { excelSerialFromIso } from "../../core/dates";
import { CchcError } from "../../core/errors";
import { plainValue, readSheetRoles } from "./xlsxRead";
import { writeXlsx } from "../../render/exceljs";
import { replaceSheetsInPlace } from "./replaceSheets";
import type { WorkbookLayout } from "../../layout/types";
import type { ApplyOptions, ApplyResult, SnapshotValue, WorkbookPort, WorkbookSnapshot } from "../../app/port";
import { readsSheet, sheetSnapshot } from "../../layout/snapshot";

export interface XlsxWorkbook extends WorkbookPort {
  /** The file as it is now (null before the first apply of a new workbook). */
  bytes(): Uint8Array | null;
}

/** Excel's display of a file's formula: "=" and the custom functions' names (_xldudf_CCHC_RATE → CCHC.RATE). */
function shownFormula(formula: string): string {
  return `=${formula.replace(/\b_xldudf_CCHC_([A-Z]+)\(/g, "CCHC.$1(")}`;
}

/** An exceljs cell value as Excel reports it: dates as serial numbers, a formula's cached result. */
function valueOf(value: ExcelJS.CellValue): SnapshotValue {
  if (value instanceof Date) return excelSerialFromIso(plainValue(value) as string);
  if (value !== null && typeof value === "object" && ("formula" in value || "sharedFormula" in value)) return valueOf((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  return plainValue(value) ?? "";
}

export function xlsxWorkbook(initial: Uint8Array | null = null): XlsxWorkbook {
  let bytes = initial;
  return {
    bytes: () => bytes,

    async read(): Promise<WorkbookSnapshot> {
      if (!bytes) return { sheets: [] };
      const roles = readSheetRoles(bytes);
      const wb = new ExcelJS.Workbook();
      try {
        await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      } catch {
        throw new CchcError("unreadable-xlsx", {
          vi: "Không đọc được sổ Excel (tệp hỏng hoặc không phải .xlsx). Hãy mở tệp trong Excel, lưu lại dạng .xlsx rồi thử lại.",
          en: "Could not read the workbook (the file is damaged or not an .xlsx). Open it in Excel, save it as .xlsx, and try again.",
        });
      }
      return {
        sheets: roles.map(({ name, role }) => {
          const ws = readsSheet(name, role) ? wb.getWorksheet(name) : undefined;
          const values: SnapshotValue[][] = [];
          const formulas: Array<Array<string | null>> = [];
          ws?.eachRow({ includeEmpty: false }, (row, r) => {
            const vs: SnapshotValue[] = (values[r - 1] = []);
            const fs: Array<string | null> = (formulas[r - 1] = []);
            row.eachCell({ includeEmpty: false }, (cell, c) => {
              if (cell.isMerged && cell.master !== cell) return; // exceljs repeats the merge's value; Excel does not
              vs[c - 1] = valueOf(cell.value);
              fs[c - 1] = cell.formula ? shownFormula(cell.formula) : null;
            });
          });
          return sheetSnapshot(name, role, Array.from(values, (r) => r ?? []), Array.from(formulas, (r) => r ?? []));
        }),
      };
    },

    async apply(layout: WorkbookLayout, options: ApplyOptions = {}): Promise<ApplyResult> {
      if (options.signal?.aborted) throw new CchcError("cancelled", { vi: "Đã hủy; tệp chưa bị thay đổi.", en: "Cancelled; the file was not changed." });
      const replaced = bytes ? await replaceSheetsInPlace(bytes, layout.sheets, layout.names ?? {}) : null;
      bytes = replaced ? replaced.bytes : await writeXlsx(layout);
      options.onProgress?.({ fraction: 1, vi: "Xong.", en: "Done." });
      return {
        sheets: layout.sheets.map((s) => s.name),
        replaced: replaced?.replaced ?? [],
        renamedAside: replaced?.renamedAside ?? [],
        skipped: [],
        messages: replaced?.messages ?? [],
      };
    },
  };
}
