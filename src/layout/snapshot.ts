/**
 * A host-neutral snapshot of the product's sheets, as a host reads them back (src/app/port.ts):
 * one shape whatever the host, so one reader turns it into the model.
 */
import type { SheetRole } from "./types";
import { ARCHIVE_SHEET } from "./archiveSheet";
import { INDICATORS_SHEET } from "./indicatorsSheet";
import { LOG_SHEET } from "./logSheet";
import { PLAN_SHEET } from "./planColumns";
import { SETTINGS_SHEET } from "./settingsSheet";
import { UNITS_SHEET } from "./unitsSheet";

const PRODUCT_NAMES = new Set([PLAN_SHEET, SETTINGS_SHEET, INDICATORS_SHEET, LOG_SHEET, UNITS_SHEET, ARCHIVE_SHEET]);

/**
 * Which sheets a host reads into a snapshot: the product's (with the owner marker), and an
 * unmarked sheet with a product sheet's exact name — the product's sheet in a copy whose markers
 * were lost (another program saved it), which the reader falls back to. Any other sheet a person
 * made is never read.
 */
export function readsSheet(name: string, role: SheetRole | null): boolean {
  return role !== null || PRODUCT_NAMES.has(name);
}

/** A cell's value as Excel reports it: dates are serial numbers, errors their text ("#N/A"), empty "". */
export type SnapshotValue = string | number | boolean;

export interface SheetSnapshot {
  name: string;
  /** The product's role, from the sheet's owner marker; null for a person's sheet. */
  role: SheetRole | null;
  /**
   * A product sheet's cells from A1, row by row (0-based); rows may be ragged and a missing cell is
   * empty (""). A sheet the host does not read (readsSheet) has no rows.
   */
  values: SnapshotValue[][];
  /** Same shape: the formula as Excel shows it ("=CCHC.RATE(…)"), or null for a constant. */
  formulas: Array<Array<string | null>>;
}

export interface WorkbookSnapshot {
  /** Every sheet, in tab order. */
  sheets: SheetSnapshot[];
}


/**
 * A sheet snapshot from a host's grid whose top-left cell is (row0, col0): shifted to A1, empty
 * cells as "", formulas null for constants, trailing empty cells and rows dropped, so two hosts
 * holding the same cells give the same snapshot.
 */
export function sheetSnapshot(
  name: string,
  role: SheetRole | null,
  values: ReadonlyArray<ReadonlyArray<SnapshotValue | null | undefined>>,
  formulas: ReadonlyArray<ReadonlyArray<string | null | undefined>>,
  row0 = 0,
  col0 = 0,
): SheetSnapshot {
  const outV: SnapshotValue[][] = [];
  const outF: Array<Array<string | null>> = [];
  values.forEach((row, r) => {
    const vs: SnapshotValue[] = [];
    const fs: Array<string | null> = [];
    let last = -1;
    for (let c = 0; c < row.length; c++) {
      const v = row[c] ?? "";
      const f = formulas[r]?.[c];
      const formula = typeof f === "string" && f.startsWith("=") ? f : null;
      vs[col0 + c] = v;
      fs[col0 + c] = formula;
      if (v !== "" || formula) last = col0 + c;
    }
    if (last < 0) return;
    for (let c = 0; c < col0; c++) {
      vs[c] = "";
      fs[c] = null;
    }
    outV[row0 + r] = vs.slice(0, last + 1);
    outF[row0 + r] = fs.slice(0, last + 1);
  });
  for (let r = 0; r < outV.length; r++) {
    outV[r] ??= [];
    outF[r] ??= [];
  }
  return { name, role, values: outV, formulas: outF };
}

/** A cell of a snapshot sheet ("" outside its rows). */
export function cellValue(sheet: SheetSnapshot, row: number, col: number): SnapshotValue {
  return sheet.values[row]?.[col] ?? "";
}

/** The formula of a cell, or null. */
export function cellFormula(sheet: SheetSnapshot, row: number, col: number): string | null {
  return sheet.formulas[row]?.[col] ?? null;
}
