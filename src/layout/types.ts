/**
 * A declarative workbook: what the workbook looks like, decided once, rendered by
 * `src/render/exceljs` (files) and `src/render/officejs` (the live workbook).
 * Addresses are A1 strings; row and column indexes in this model are 0-based.
 */

export type CellValue = string | number | boolean | null;

export type StyleKey =
  | "title" | "subtitle" | "header" | "groupRow" | "text" | "wrap" | "center" | "bold"
  | "date" | "percent" | "number" | "integer" | "input" | "inputDate" | "inputPercent"
  | "note" | "hidden" | "link" | "italic";

export interface Cell {
  /** The value; for a formula cell, its computed value (cached in files, frozen on export). */
  v?: CellValue;
  /** A formula without the leading "=", English function names, comma separators. */
  f?: string;
  /** Dates are written as ISO strings in `v` with kind "date"; the renderers convert. */
  kind?: "text" | "date";
  style?: StyleKey;
  /** An in-workbook hyperlink target such as "'Kế hoạch'!B7". */
  link?: string;
}

export interface ColumnLayout {
  /** Header text shown in the sheet (Vietnamese). */
  header: string;
  /** Stable key used by code to find the column, independent of its header wording. */
  key: string;
  width: number;
  style?: StyleKey;
  hidden?: boolean;
}

export interface TableLayout {
  name: string;
  /** Top-left cell of the header row. */
  origin: string;
  columns: ColumnLayout[];
  rows: Cell[][];
  style?: string;
}

export interface ValidationLayout {
  /** A1 range, e.g. "F5:F64". */
  range: string;
  type: "list" | "date" | "decimal";
  /** For list: a formula source such as "='Đơn vị'!$A$5:$A$40", or literal values. */
  source?: string;
  values?: string[];
  /** "warning" lets an unusual value be typed after a prompt; "stop" refuses it. */
  errorStyle: "stop" | "warning" | "information";
  errorTitle?: string;
  errorMessage?: string;
  prompt?: string;
}

export interface ConditionalFormatLayout {
  range: string;
  /** A formula relative to the top-left cell of `range`, without "=". */
  formula: string;
  fill: string;
  fontColor?: string;
}

export interface ChartLayout {
  type: "barClustered" | "columnClustered" | "columnStacked";
  title: string;
  /** Category labels and one or more series, each an A1 range on the same sheet. */
  categories: string;
  series: Array<{ name: string; values: string }>;
  /** Anchor: top-left and bottom-right cells. */
  from: string;
  to: string;
  /** The data behind the chart, so file renderers without native chart support can draw it. */
  data?: { categories: string[]; series: Array<{ name: string; values: number[] }> };
}

export interface PrintLayout {
  orientation: "landscape" | "portrait";
  fitToWidth: boolean;
  /** Rows repeated at the top of each printed page, e.g. "$4:$4". */
  titleRows?: string;
  pageNumbers: boolean;
}

/** What the add-in owns: a sheet with a marker is replaced on rebuild; any other sheet is the user's. */
export type SheetRole =
  | "plan" | "units" | "indicators" | "settings" | "checks" | "log" | "report" | "archive" | "info" | "rollup";

export interface SheetLayout {
  name: string;
  role: SheetRole;
  /** Free cells (titles, labels, report blocks), by A1 address. */
  cells: Record<string, Cell>;
  tables: TableLayout[];
  merges: string[];
  /** Column widths by column letter, for columns outside tables or to override them. */
  widths?: Record<string, number>;
  rowHeights?: Record<number, number>;
  freeze?: { rows: number; columns: number };
  validations: ValidationLayout[];
  conditionalFormats: ConditionalFormatLayout[];
  charts: ChartLayout[];
  print: PrintLayout;
  tabColor?: string;
}

export interface WorkbookLayout {
  sheets: SheetLayout[];
  properties: { title: string; subject?: string; creator: string; keywords?: string; description?: string };
  /** Workbook-level defined names: name → A1 reference with sheet. */
  names?: Record<string, string>;
}

/** The marker the add-in writes into every sheet it owns (a sheet-scoped defined name). */
export const OWNER_MARKER_NAME = "CCHC_ROLE";

export function emptySheet(name: string, role: SheetRole): SheetLayout {
  return {
    name, role, cells: {}, tables: [], merges: [], validations: [], conditionalFormats: [], charts: [],
    print: { orientation: "landscape", fitToWidth: true, pageNumbers: true },
  };
}
