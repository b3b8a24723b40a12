/**
 * The in-memory workbook behind the fake Excel host. Tests read it directly
 * (`fake.workbook.sheet("Kế hoạch")!.cell("B7")`) or through `fake.snapshot()`.
 *
 * Coordinates are 0-based; addresses in snapshots are A1 strings. Cells are sparse.
 */
import {
  MAX_COLS, MAX_ROWS, Rect, boundingRect, cellA1, cellKey, colIndex, colLetter, contains, intersection, intersects,
  isEntireColumns, isEntireRows, keyCol, keyRow, parseRectText, parseRef, qualified, rectA1, rectCells, sameRect, subtract,
} from "./a1";
import { ErrorCodes, FakeRichApiError, fail } from "./errors";
import { EvalHost, EvalValue, FormulaError, UNEVALUATED, Unsupported, evaluate, isWellFormed, rewriteSheetRefs } from "./formula";
import { NumberLocale, Scalar, formatValue, isErrorLiteral, parseTyped, serialFromYmd } from "./values";

export interface FontModel {
  bold?: boolean;
  italic?: boolean;
  underline?: string;
  strikethrough?: boolean;
  color?: string;
  size?: number;
  name?: string;
}

export interface BorderModel {
  style: string;
  color: string;
  weight: string;
}

export type EdgeName = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "DiagonalDown" | "DiagonalUp";

/** Formatting of one cell; only what differs from Excel's defaults is stored. */
export interface StyleModel {
  font?: FontModel;
  fill?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  indentLevel?: number;
  textOrientation?: number;
  borders?: Partial<Record<EdgeName, BorderModel>>;
  locked?: boolean;
  formulaHidden?: boolean;
  style?: string;
}

export interface HyperlinkModel {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface CellModel {
  /** The constant value ("" when empty); for a formula cell, unused (values are evaluated). */
  v: Scalar;
  /** The formula, with its leading "=". */
  f?: string;
  /** The value is an error literal such as "#N/A". */
  err?: true;
  /** The value was entered with a leading apostrophe (Excel's quote prefix). */
  qp?: true;
  nf?: string;
  st?: StyleModel;
  link?: HyperlinkModel;
}

export const DEFAULT_FONT: Required<FontModel> = {
  bold: false, italic: false, underline: "None", strikethrough: false, color: "#000000", size: 11, name: "Calibri",
};
export const DEFAULT_BORDER: BorderModel = { style: "None", color: "#000000", weight: "Thin" };
/** The style of an unformatted cell (shared, never mutated). */
export const EMPTY_STYLE: StyleModel = Object.freeze({}) as StyleModel;
export const DEFAULT_COLUMN_WIDTH = 48; // points (8.43 characters of Calibri 11)
export const DEFAULT_ROW_HEIGHT = 15; // points

export interface NameModel {
  name: string;
  formula: string;
  comment: string;
  visible: boolean;
}

export interface TableModel {
  id: string;
  name: string;
  sheet: SheetModel;
  rect: Rect;
  showHeaders: boolean;
  showTotals: boolean;
  style: string;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
  columns: Array<{ id: number; name: string }>;
  nextColumnId: number;
  deleted?: boolean;
}

export interface DataValidationRuleModel {
  list?: { inCellDropDown: boolean; source: string };
  wholeNumber?: BasicRule;
  decimal?: BasicRule;
  textLength?: BasicRule;
  date?: BasicRule;
  time?: BasicRule;
  custom?: { formula: string };
}
export interface BasicRule {
  formula1: string | number;
  formula2?: string | number;
  operator: string;
}
export interface DataValidationModel {
  rect: Rect;
  rule: DataValidationRuleModel | null;
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
  prompt: { showPrompt: boolean; title: string; message: string };
  ignoreBlanks: boolean;
}

export interface ConditionalFormatModel {
  id: string;
  rects: Rect[];
  type: string;
  stopIfTrue: boolean;
  rule: { formula?: string; formula1?: string; formula2?: string; operator?: string; text?: string };
  format: { fill?: string; font?: FontModel; numberFormat?: string };
}

export interface ChartSeriesModel {
  name: string;
  values: string | null;
  xValues: string | null;
  chartType?: string;
}
export interface ChartModel {
  id: string;
  name: string;
  chartType: string;
  source: string | null;
  seriesBy: string;
  title: { text: string; visible: boolean; overlay: boolean; font?: FontModel };
  legend: { visible: boolean; position: string };
  axes: {
    category: { title: string; visible: boolean };
    value: { title: string; visible: boolean; minimum: number | null; maximum: number | null; majorUnit: number | null; numberFormat: string };
  };
  dataLabels: { showValue: boolean; showCategoryName: boolean; showSeriesName: boolean; position: string };
  series: ChartSeriesModel[];
  top: number;
  left: number;
  width: number;
  height: number;
  from: string | null;
  to: string | null;
}

export interface HeaderFooterModel {
  leftHeader: string;
  centerHeader: string;
  rightHeader: string;
  leftFooter: string;
  centerFooter: string;
  rightFooter: string;
}
export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number | null; horizontalFitToPages?: number | null; verticalFitToPages?: number | null };
  centerHorizontally: boolean;
  centerVertically: boolean;
  printGridlines: boolean;
  printHeadings: boolean;
  printComments: string;
  printErrors: string;
  printOrder: string;
  blackAndWhite: boolean;
  draftMode: boolean;
  firstPageNumber: number | "";
  leftMargin: number;
  rightMargin: number;
  topMargin: number;
  bottomMargin: number;
  headerMargin: number;
  footerMargin: number;
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
  headersFooters: {
    state: string;
    useSheetMargins: boolean;
    useSheetScale: boolean;
    defaultForAllPages: HeaderFooterModel;
    firstPage: HeaderFooterModel;
    evenPages: HeaderFooterModel;
    oddPages: HeaderFooterModel;
  };
}

function emptyHeaderFooter(): HeaderFooterModel {
  return { leftHeader: "", centerHeader: "", rightHeader: "", leftFooter: "", centerFooter: "", rightFooter: "" };
}

export function defaultPageLayout(paperSize: string): PageLayoutModel {
  return {
    orientation: "Portrait", paperSize, zoom: { scale: 100 }, centerHorizontally: false, centerVertically: false,
    printGridlines: false, printHeadings: false, printComments: "NoComments", printErrors: "AsDisplayed",
    printOrder: "DownThenOver", blackAndWhite: false, draftMode: false, firstPageNumber: "",
    leftMargin: 50.4, rightMargin: 50.4, topMargin: 54, bottomMargin: 54, headerMargin: 21.6, footerMargin: 21.6,
    printTitleRows: null, printTitleColumns: null, printArea: null,
    headersFooters: {
      state: "Default", useSheetMargins: true, useSheetScale: true, defaultForAllPages: emptyHeaderFooter(),
      firstPage: emptyHeaderFooter(), evenPages: emptyHeaderFooter(), oddPages: emptyHeaderFooter(),
    },
  };
}

export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** A copy of a style deep enough to mutate (styles are shared between cells and never mutated in place). */
export function copyStyle(st: StyleModel | undefined): StyleModel {
  if (!st) return {};
  const out: StyleModel = { ...st };
  if (st.font) out.font = { ...st.font };
  if (st.borders) {
    out.borders = {};
    for (const [k, b] of Object.entries(st.borders)) if (b) out.borders[k as EdgeName] = { ...b };
  }
  return out;
}

function deepEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const NAMED_COLORS: Record<string, string> = {
  black: "#000000", white: "#FFFFFF", red: "#FF0000", green: "#008000", lime: "#00FF00", blue: "#0000FF", yellow: "#FFFF00",
  orange: "#FFA500", purple: "#800080", gray: "#808080", grey: "#808080", silver: "#C0C0C0", navy: "#000080", teal: "#008080",
  maroon: "#800000", olive: "#808000", aqua: "#00FFFF", cyan: "#00FFFF", fuchsia: "#FF00FF", magenta: "#FF00FF",
  pink: "#FFC0CB", brown: "#A52A2A", lightgray: "#D3D3D3", lightgrey: "#D3D3D3", darkgray: "#A9A9A9", darkgreen: "#006400",
  darkblue: "#00008B", darkred: "#8B0000", gold: "#FFD700", lightblue: "#ADD8E6", lightgreen: "#90EE90", lightyellow: "#FFFFE0",
};

/** Excel accepts "#RRGGBB" and HTML colour names, and reports "#RRGGBB" in upper case. */
export function normalizeColor(c: unknown, allowEmpty = false): string {
  if (typeof c !== "string") fail(ErrorCodes.invalidArgument, `bad colour ${String(c)}`);
  const s = (c as string).trim();
  if (s === "" && allowEmpty) return "";
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toUpperCase();
  if (/^#[0-9a-f]{3}$/i.test(s)) return ("#" + s.slice(1).split("").map((x) => x + x).join("")).toUpperCase();
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  return fail(ErrorCodes.invalidArgument, `bad colour ${s}`);
}

const UNSUPPORTED_VALUE = new Unsupported();

export interface SheetOptions {
  paperSize: string;
}

export class SheetModel {
  id: string;
  name: string;
  visibility = "Visible";
  tabColor = "";
  cells = new Map<number, CellModel>();
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  /** Rows whose height Excel fits to their content (autofitRows), as opposed to a height set by hand or code. */
  fittedRows = new Set<number>();
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  colStyles = new Map<number, { st?: StyleModel; nf?: string }>();
  rowStyles = new Map<number, { st?: StyleModel; nf?: string }>();
  merges: Rect[] = [];
  freeze = { rows: 0, columns: 0 };
  names: NameModel[] = [];
  validations: DataValidationModel[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  pageLayout: PageLayoutModel;
  protection = { protected: false, options: {} as Record<string, boolean> };
  showGridlines = true;
  showHeadings = true;
  standardWidth = 8.43;
  selection: Rect = { r1: 0, c1: 0, r2: 0, c2: 0 };
  deleted = false;

  constructor(id: string, name: string, opts: SheetOptions) {
    this.id = id;
    this.name = name;
    this.pageLayout = defaultPageLayout(opts.paperSize);
  }

  get(row: number, col: number): CellModel | undefined {
    return this.cells.get(cellKey(row, col));
  }

  /** The cell by A1 address, for assertions: value, formula, number format, format. */
  cell(a1: string): CellModel | undefined {
    const r = parseRectText(a1);
    if (!r) throw new Error(`Bad address ${a1}`);
    return this.get(r.r1, r.c1);
  }

  inherited(row: number, col: number): { st?: StyleModel; nf?: string } {
    return this.rowStyles.get(row) ?? this.colStyles.get(col) ?? {};
  }

  ensure(row: number, col: number): CellModel {
    const key = cellKey(row, col);
    let c = this.cells.get(key);
    if (!c) {
      const inh = this.inherited(row, col);
      c = { v: "" };
      if (inh.nf) c.nf = inh.nf;
      if (inh.st) c.st = inh.st; // styles are immutable and shared
      this.cells.set(key, c);
    }
    return c;
  }

  prune(row: number, col: number): void {
    const key = cellKey(row, col);
    const c = this.cells.get(key);
    if (c && c.v === "" && !c.f && !c.nf && !c.st && !c.link && !c.qp) this.cells.delete(key);
  }

  numberFormatAt(row: number, col: number): string {
    const c = this.get(row, col);
    if (c) return c.nf ?? "General";
    return this.inherited(row, col).nf ?? "General";
  }

  styleAt(row: number, col: number): StyleModel {
    const c = this.get(row, col);
    if (c) return c.st ?? EMPTY_STYLE;
    return this.inherited(row, col).st ?? EMPTY_STYLE;
  }

  /** Stored cells inside a rectangle, in row-major order. */
  cellsIn(rect: Rect): Array<[number, number, CellModel]> {
    const out: Array<[number, number, CellModel]> = [];
    if (rectCells(rect) <= this.cells.size) {
      for (let r = rect.r1; r <= rect.r2; r++) {
        for (let c = rect.c1; c <= rect.c2; c++) {
          const cell = this.cells.get(cellKey(r, c));
          if (cell) out.push([r, c, cell]);
        }
      }
      return out;
    }
    for (const [key, cell] of this.cells) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (r >= rect.r1 && r <= rect.r2 && c >= rect.c1 && c <= rect.c2) out.push([r, c, cell]);
    }
    out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return out;
  }

  mergeAt(row: number, col: number): Rect | undefined {
    return this.merges.find((m) => row >= m.r1 && row <= m.r2 && col >= m.c1 && col <= m.c2);
  }

  columnWidth(col: number): number {
    return this.colWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  /** The used range: the bounding box of cells with content (or, unless valuesOnly, formatting). */
  usedRect(valuesOnly: boolean): Rect | null {
    let r: Rect | null = null;
    for (const [key, cell] of this.cells) {
      const hasValue = cell.v !== "" || !!cell.f;
      if (valuesOnly ? !hasValue : !(hasValue || cell.nf || cell.st || cell.link)) continue;
      const row = keyRow(key);
      const col = keyCol(key);
      const p = { r1: row, c1: col, r2: row, c2: col };
      r = r ? boundingRect(r, p) : p;
    }
    if (!valuesOnly) for (const m of this.merges) r = r ? boundingRect(r, m) : m;
    return r;
  }

  /** Values as a matrix of constants/formulas, for quick assertions (formulas shown as text). */
  grid(a1: string): Array<Array<Scalar | null>> {
    const rect = parseRectText(a1);
    if (!rect) throw new Error(`Bad range ${a1}`);
    const out: Array<Array<Scalar | null>> = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row: Array<Scalar | null> = [];
      for (let c = rect.c1; c <= rect.c2; c++) {
        const cell = this.get(r, c);
        row.push(cell ? (cell.f ?? cell.v) : "");
      }
      out.push(row);
    }
    return out;
  }
}

export interface WorkbookOptions {
  locale: NumberLocale;
  formulaPrefixes: string[];
  evaluateFormulas: boolean;
  paperSize: string;
  sheetNamePrefix: string;
  formulaValue?: (formula: string, at: { sheet: string; address: string }) => Scalar | undefined;
  customFunction: (name: string) => ((...args: unknown[]) => unknown) | undefined | "unavailable";
  today: () => number;
}

export interface WorkbookProperties {
  title: string;
  subject: string;
  author: string;
  keywords: string;
  comments: string;
  category: string;
  manager: string;
  company: string;
  lastAuthor: string;
  revisionNumber: number;
  creationDate: string;
  custom: Record<string, unknown>;
}

export type WriteKind = "values" | "formulas";

export interface WriteStats {
  rangesWritten: number;
  cellsWritten: number;
}

/** Cells covered by a write: the number of non-null entries applied. */
export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: NameModel[] = [];
  activeSheet: SheetModel | null = null;
  properties: WorkbookProperties = {
    title: "", subject: "", author: "", keywords: "", comments: "", category: "", manager: "", company: "",
    lastAuthor: "", revisionNumber: 0, creationDate: "2024-01-01T00:00:00.000Z", custom: {},
  };
  settings: Record<string, unknown> = {};
  calculationMode = "Automatic";
  nextId = 1;
  epoch = 0;
  private cache = new Map<string, EvalValue | typeof UNEVALUATED>();
  private cacheEpoch = -1;
  private evaluating = new Set<string>();

  constructor(public options: WorkbookOptions) {}

  touch(): void {
    this.epoch++;
  }

  // ---------------------------------------------------------------- sheets

  sheet(name: string): SheetModel | undefined {
    const u = name.toUpperCase();
    return this.sheets.find((s) => s.name.toUpperCase() === u);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /**
   * Reads a range as the API would report it, for assertions:
   * `fake.workbook.read("Kế hoạch", "A5:C7")` (values), or "formulas", "text", "numberFormat", "valueTypes".
   */
  read(sheetName: string, a1: string, what: "values" | "formulas" | "text" | "numberFormat" | "valueTypes" = "values"): unknown[][] {
    const s = this.sheet(sheetName);
    if (!s) throw new Error(`No sheet named ${sheetName}`);
    const rect = parseRectText(a1);
    if (!rect) throw new Error(`Bad range ${a1}`);
    return this.readMatrix(s, rect, what);
  }

  table(name: string): TableModel | undefined {
    const u = name.toUpperCase();
    return this.tables.find((t) => t.name.toUpperCase() === u);
  }

  name(name: string, scope?: SheetModel): NameModel | undefined {
    const u = name.toUpperCase();
    return (scope ? scope.names : this.names).find((n) => n.name.toUpperCase() === u);
  }

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  validateSheetName(name: unknown, except?: SheetModel): string {
    if (typeof name !== "string") fail(ErrorCodes.invalidArgument, "sheet name must be a string");
    const n = name as string;
    if (n.length === 0 || n.length > 31 || /[\\/?*[\]:]/.test(n) || n.startsWith("'") || n.endsWith("'") || n.toUpperCase() === "HISTORY") {
      fail(ErrorCodes.invalidArgument, `invalid sheet name "${n}"`);
    }
    const other = this.sheet(n);
    if (other && other !== except) fail(ErrorCodes.itemAlreadyExists, `a sheet named "${n}" exists`);
    return n;
  }

  addSheet(name?: string | null): SheetModel {
    let n: string;
    if (name === undefined || name === null || name === "") {
      let i = this.sheets.length + 1;
      while (this.sheet(`${this.options.sheetNamePrefix}${i}`)) i++;
      n = `${this.options.sheetNamePrefix}${i}`;
    } else n = this.validateSheetName(name);
    const s = new SheetModel(`{00000000-0001-0000-0000-${String(this.nextId++).padStart(12, "0")}}`, n, { paperSize: this.options.paperSize });
    this.sheets.push(s);
    if (!this.activeSheet) this.activeSheet = s;
    return s;
  }

  visibleSheets(): SheetModel[] {
    return this.sheets.filter((s) => s.visibility === "Visible");
  }

  deleteSheet(s: SheetModel): void {
    if (s.visibility === "Visible" && this.visibleSheets().length <= 1) {
      fail(ErrorCodes.invalidOperation, "a workbook must contain at least one visible worksheet");
    }
    const idx = this.sheets.indexOf(s);
    this.sheets.splice(idx, 1);
    s.deleted = true;
    for (const t of this.tables.filter((t) => t.sheet === s)) t.deleted = true;
    this.tables = this.tables.filter((t) => t.sheet !== s);
    this.rewriteRefs(s.name, null);
    if (this.activeSheet === s) {
      const vis = this.sheets.filter((x) => x.visibility === "Visible");
      this.activeSheet = vis[Math.min(idx, vis.length - 1)] ?? vis[0] ?? null;
    }
  }

  renameSheet(s: SheetModel, name: unknown): void {
    const n = this.validateSheetName(name, s);
    if (n === s.name) return;
    const old = s.name;
    s.name = n;
    this.rewriteRefs(old, n);
  }

  /** Sheet references in formulas, names, validation lists, chart series and print titles follow renames and deletions. */
  private rewriteRefs(oldName: string, newName: string | null): void {
    const fix = (f: string) => rewriteSheetRefs(f, oldName, newName);
    for (const sh of this.sheets) {
      for (const cell of sh.cells.values()) if (cell.f) cell.f = fix(cell.f);
      for (const n of sh.names) n.formula = fix(n.formula);
      for (const dv of sh.validations) {
        if (dv.rule?.list && dv.rule.list.source.startsWith("=")) dv.rule.list.source = fix(dv.rule.list.source);
        if (dv.rule?.custom) dv.rule.custom.formula = fix(dv.rule.custom.formula);
      }
      for (const cf of sh.conditionalFormats) if (cf.rule.formula) cf.rule.formula = fix(cf.rule.formula);
      for (const ch of sh.charts) {
        for (const se of ch.series) {
          if (se.values) se.values = fix("=" + se.values).slice(1);
          if (se.xValues) se.xValues = fix("=" + se.xValues).slice(1);
        }
        if (ch.source) ch.source = fix("=" + ch.source).slice(1);
      }
    }
    for (const n of this.names) n.formula = fix(n.formula);
  }

  moveSheet(s: SheetModel, position: unknown): void {
    if (typeof position !== "number" || !Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      fail(ErrorCodes.invalidArgument, `bad position ${String(position)}`);
    }
    this.sheets.splice(this.sheets.indexOf(s), 1);
    this.sheets.splice(position as number, 0, s);
  }

  setVisibility(s: SheetModel, v: unknown): void {
    if (v !== "Visible" && v !== "Hidden" && v !== "VeryHidden") fail(ErrorCodes.invalidArgument, `bad visibility ${String(v)}`);
    if (v !== "Visible" && s.visibility === "Visible" && this.visibleSheets().length <= 1) {
      fail(ErrorCodes.invalidOperation, "cannot hide the last visible sheet");
    }
    s.visibility = v as string;
    if (v !== "Visible" && this.activeSheet === s) this.activeSheet = this.visibleSheets()[0];
  }

  activate(s: SheetModel): void {
    if (s.visibility !== "Visible") fail(ErrorCodes.invalidOperation, "cannot activate a hidden sheet");
    this.activeSheet = s;
  }

  // ---------------------------------------------------------------- values

  private evalHost(sheet: SheetModel): EvalHost {
    return {
      cell: (name, row, col) => {
        const s = name === undefined ? sheet : this.sheet(name);
        if (!s) return new FormulaError("#REF!");
        const v = this.valueAt(s, row, col);
        if (v === UNEVALUATED) throw UNSUPPORTED_VALUE;
        return v;
      },
      cellsIn: (name, rect) => {
        const s = name === undefined ? sheet : this.sheet(name);
        if (!s) return [];
        return s.cellsIn(rect).map(([row, col]) => {
          const v = this.valueAt(s, row, col);
          if (v === UNEVALUATED) throw UNSUPPORTED_VALUE;
          return { row, col, value: v };
        });
      },
      sheetExists: (name) => !!this.sheet(name),
      name: (n) => {
        const d = this.name(n, sheet) ?? this.name(n);
        if (!d) return undefined;
        const ref = parseRef(d.formula.replace(/^=/, ""));
        if (ref && ref.sheet && this.sheet(ref.sheet)) return { ref: { sheet: ref.sheet, rect: ref.rect } };
        const t = nameType(d.formula);
        if (t.type === "String" || t.type === "Double" || t.type === "Integer" || t.type === "Boolean") return { value: t.value as Scalar };
        return { formula: d.formula };
      },
      customFunction: (n) => this.options.customFunction(n),
      today: () => this.options.today(),
    };
  }

  /** The value Excel would report for a cell; formulas are evaluated when the fake can. */
  valueAt(sheet: SheetModel, row: number, col: number): EvalValue | typeof UNEVALUATED {
    const cell = sheet.get(row, col);
    if (!cell) return "";
    if (!cell.f) return cell.err ? new FormulaError(String(cell.v)) : cell.v;
    if (this.cacheEpoch !== this.epoch) {
      this.cache.clear();
      this.cacheEpoch = this.epoch;
    }
    const key = `${sheet.id}:${row}:${col}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    if (this.evaluating.has(key)) return 0; // circular reference: Excel shows 0
    let result: EvalValue | typeof UNEVALUATED = UNEVALUATED;
    const custom = this.options.formulaValue?.(cell.f, { sheet: sheet.name, address: cellA1(row, col) });
    if (custom !== undefined) result = custom;
    else if (this.options.evaluateFormulas) {
      this.evaluating.add(key);
      try {
        result = evaluate(cell.f, this.evalHost(sheet));
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        result = UNEVALUATED;
      } finally {
        this.evaluating.delete(key);
      }
    }
    this.cache.set(key, result);
    return result;
  }

  /** `Range.values` for one cell: numbers, strings, booleans; errors as "#N/A"…; null when not evaluated. */
  apiValue(sheet: SheetModel, row: number, col: number): Scalar | null {
    const v = this.valueAt(sheet, row, col);
    if (v === UNEVALUATED) return null;
    if (v instanceof FormulaError) return v.code;
    return v;
  }

  apiFormula(sheet: SheetModel, row: number, col: number): Scalar | null {
    const c = sheet.get(row, col);
    if (!c) return "";
    if (c.f) return c.f;
    return c.v;
  }

  apiText(sheet: SheetModel, row: number, col: number): string {
    const v = this.valueAt(sheet, row, col);
    if (v === UNEVALUATED) return "";
    if (v instanceof FormulaError) return v.code;
    return formatValue(v, sheet.numberFormatAt(row, col), this.options.locale);
  }

  apiValueType(sheet: SheetModel, row: number, col: number): string {
    const v = this.valueAt(sheet, row, col);
    if (v === UNEVALUATED) return "Unknown";
    if (v instanceof FormulaError) return "Error";
    if (v === "") return "Empty";
    if (typeof v === "number") return "Double";
    if (typeof v === "boolean") return "Boolean";
    return "String";
  }

  /** Reads a property cell by cell as a matrix (values, formulas, text, numberFormat, valueTypes). */
  readMatrix(sheet: SheetModel, rect: Rect, what: "values" | "formulas" | "text" | "numberFormat" | "valueTypes"): unknown[][] {
    if (rectCells(rect) > 5_000_000) fail(ErrorCodes.rangeExceedsLimit);
    const out: unknown[][] = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      const row: unknown[] = [];
      for (let c = rect.c1; c <= rect.c2; c++) {
        switch (what) {
          case "values": row.push(this.apiValue(sheet, r, c)); break;
          case "formulas": row.push(this.apiFormula(sheet, r, c)); break;
          case "text": row.push(this.apiText(sheet, r, c)); break;
          case "numberFormat": row.push(sheet.numberFormatAt(r, c)); break;
          default: row.push(this.apiValueType(sheet, r, c)); break;
        }
      }
      out.push(row);
    }
    return out;
  }

  /**
   * Writes `values` or `formulas` as Excel does: a scalar or a 1×1 array applies to every
   * cell; otherwise the array must match the range's dimensions; null entries leave a cell
   * unchanged; strings are parsed "as if typed" (formulas, numbers, dates, apostrophe, "@").
   */
  write(sheet: SheetModel, rect: Rect, input: unknown, _kind: WriteKind, stats: WriteStats): void {
    const at = (r: number, c: number) => cellInput(input, rect, r, c);
    validateShape(input, rect);
    if (rectCells(rect) > 5_000_000) fail(ErrorCodes.rangeExceedsLimit);
    // Parse first so that a malformed formula fails the write as a whole.
    const plans: Array<[number, number, ReturnType<typeof parseTyped>]> = [];
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        const v = at(r, c);
        if (v === null || v === undefined) continue;
        if (typeof v === "object") fail(ErrorCodes.invalidArgument, `unsupported value ${JSON.stringify(v)}`);
        const m = sheet.mergeAt(r, c);
        if (m && (m.r1 !== r || m.c1 !== c)) continue;
        if (typeof v === "string" && v.length > 32767) fail(ErrorCodes.invalidArgument, "a cell holds at most 32,767 characters");
        const parsed = parseTyped(v as Scalar, sheet.numberFormatAt(r, c), this.options.locale, this.options.formulaPrefixes);
        if (parsed.kind === "formula" && (parsed.formula.length > 8192 || !isWellFormed(parsed.formula))) {
          fail(ErrorCodes.invalidArgument, `"${parsed.formula.slice(0, 80)}" is not a formula Excel accepts`);
        }
        plans.push([r, c, parsed]);
      }
    }
    stats.rangesWritten++;
    stats.cellsWritten += plans.length;
    for (const [r, c, p] of plans) {
      const cell = sheet.ensure(r, c);
      delete cell.f;
      delete cell.err;
      delete cell.qp;
      if (p.kind === "clear") cell.v = "";
      else if (p.kind === "formula") {
        cell.v = "";
        cell.f = p.formula;
      } else {
        cell.v = p.value;
        if (p.error) cell.err = true;
        if (p.quotePrefix) cell.qp = true;
        if (p.numberFormat) cell.nf = p.numberFormat;
      }
      sheet.prune(r, c);
    }
    this.syncTableHeaders(sheet, rect);
  }

  writeNumberFormat(sheet: SheetModel, rect: Rect, input: unknown, stats: WriteStats): void {
    validateShape(input, rect);
    stats.rangesWritten++;
    const scalar = !Array.isArray(input) || (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1);
    const apply = (r: number, c: number, v: unknown) => {
      if (v === null || v === undefined) return;
      if (typeof v !== "string") fail(ErrorCodes.invalidArgument, "number formats are strings");
      const cell = sheet.ensure(r, c);
      if (v === "" || (v as string).toLowerCase() === "general") delete cell.nf;
      else cell.nf = v as string;
      sheet.prune(r, c);
      stats.cellsWritten++;
    };
    if (scalar && (isEntireColumns(rect) || isEntireRows(rect))) {
      const v = cellInput(input, rect, rect.r1, rect.c1);
      if (v === null || v === undefined) return;
      if (typeof v !== "string") fail(ErrorCodes.invalidArgument, "number formats are strings");
      const set = (m: Map<number, { st?: StyleModel; nf?: string }>, i: number) => {
        const e = m.get(i) ?? {};
        if (v === "" || (v as string).toLowerCase() === "general") delete e.nf;
        else e.nf = v as string;
        m.set(i, e);
      };
      if (isEntireRows(rect)) for (let r = rect.r1; r <= rect.r2; r++) set(sheet.rowStyles, r);
      else for (let c = rect.c1; c <= rect.c2; c++) set(sheet.colStyles, c);
      for (const [r, c] of sheet.cellsIn(rect)) apply(r, c, v);
      return;
    }
    if (rectCells(rect) > 5_000_000) fail(ErrorCodes.rangeExceedsLimit);
    for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) apply(r, c, cellInput(input, rect, r, c));
  }

  /**
   * Applies a formatting change to every cell of a rectangle (or to whole rows/columns).
   * Styles are immutable and shared between cells: `mutate` runs once per distinct style on a
   * copy, so formatting 6,000 rows costs a few map lookups per cell.
   */
  applyStyle(sheet: SheetModel, rect: Rect, mutate: (st: StyleModel) => void): void {
    const memo = new Map<StyleModel | undefined, StyleModel | null>();
    const next = (before: StyleModel | undefined): StyleModel | undefined => {
      const hit = memo.get(before);
      if (hit !== undefined) return hit ?? undefined;
      const st = copyStyle(before);
      mutate(st);
      const after = Object.keys(st).length ? st : undefined;
      memo.set(before, after ?? null);
      return after;
    };
    if (isEntireColumns(rect) || isEntireRows(rect)) {
      const whole = isEntireRows(rect) ? sheet.rowStyles : sheet.colStyles;
      const [a, b] = isEntireRows(rect) ? [rect.r1, rect.r2] : [rect.c1, rect.c2];
      for (let i = a; i <= b; i++) {
        const e = { ...(whole.get(i) ?? {}) };
        e.st = next(e.st);
        if (!e.st) delete e.st;
        whole.set(i, e);
      }
      for (const [r, c, cell] of sheet.cellsIn(rect)) {
        cell.st = next(cell.st);
        if (!cell.st) delete cell.st;
        sheet.prune(r, c);
      }
      return;
    }
    if (rectCells(rect) > 5_000_000) fail(ErrorCodes.rangeExceedsLimit);
    const cells = sheet.cells;
    for (let r = rect.r1; r <= rect.r2; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        const key = cellKey(r, c);
        const cell = cells.get(key) ?? sheet.ensure(r, c);
        const after = next(cell.st);
        if (after) cell.st = after;
        else {
          delete cell.st;
          sheet.prune(r, c);
        }
      }
    }
  }

  /** A formatting property over a range: its value when all cells agree, else null (as Excel). */
  uniform<T>(sheet: SheetModel, rect: Rect, get: (st: StyleModel) => T): T | null {
    const memo = new Map<StyleModel, T>();
    const val = (st: StyleModel): T => {
      if (memo.has(st)) return memo.get(st) as T;
      const v = get(st);
      memo.set(st, v);
      return v;
    };
    let first: T | undefined;
    let seen = false;
    const same = (v: T) => {
      if (!seen) {
        first = v;
        seen = true;
        return true;
      }
      return v === first || (typeof v === "object" && v !== null && deepEqual(v, first));
    };
    if (rectCells(rect) <= 2_000_000) {
      for (let r = rect.r1; r <= rect.r2; r++) for (let c = rect.c1; c <= rect.c2; c++) if (!same(val(sheet.styleAt(r, c)))) return null;
      return first ?? null;
    }
    const stored = sheet.cellsIn(rect);
    for (const [, , cell] of stored) if (!same(val(cell.st ?? EMPTY_STYLE))) return null;
    if (rectCells(rect) > stored.length && !same(val(sheet.styleAt(rect.r2, rect.c2)))) return null;
    return first ?? null;
  }

  clear(sheet: SheetModel, rect: Rect, applyTo: string): void {
    const contents = applyTo === "All" || applyTo === "Contents";
    const formats = applyTo === "All" || applyTo === "Formats";
    const links = applyTo === "All" || applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks";
    if (!["All", "Contents", "Formats", "Hyperlinks", "RemoveHyperlinks", "ResetContents"].includes(applyTo)) {
      fail(ErrorCodes.invalidArgument, `bad applyTo ${applyTo}`);
    }
    for (const [r, c, cell] of sheet.cellsIn(rect)) {
      if (contents || applyTo === "ResetContents") {
        cell.v = "";
        delete cell.f;
        delete cell.err;
        delete cell.qp;
      }
      if (formats) {
        delete cell.st;
        delete cell.nf;
      }
      if (links) delete cell.link;
      sheet.prune(r, c);
    }
    if (formats) {
      if (isEntireColumns(rect) && !isEntireRows(rect)) for (let c = rect.c1; c <= rect.c2; c++) sheet.colStyles.delete(c);
      if (isEntireRows(rect)) for (let r = rect.r1; r <= rect.r2; r++) sheet.rowStyles.delete(r);
      sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
      this.clearConditionalFormats(sheet, rect);
    }
    if (contents) this.syncTableHeaders(sheet, rect);
  }

  // ---------------------------------------------------------------- merges

  merge(sheet: SheetModel, rect: Rect, across: boolean): void {
    const areas: Rect[] = across ? Array.from({ length: rect.r2 - rect.r1 + 1 }, (_x, i) => ({ r1: rect.r1 + i, c1: rect.c1, r2: rect.r1 + i, c2: rect.c2 })) : [rect];
    for (const t of this.tables) {
      if (t.sheet === sheet && intersects(t.rect, rect)) fail(ErrorCodes.invalidOperation, "cells in a table cannot be merged");
    }
    for (const area of areas) {
      if (rectCells(area) === 1) continue;
      // Excel keeps the upper-left value and discards the others.
      const cells = sheet.cellsIn(area);
      for (const [r, c, cell] of cells) {
        if (r === area.r1 && c === area.c1) continue;
        cell.v = "";
        delete cell.f;
        delete cell.err;
        delete cell.qp;
        sheet.prune(r, c);
      }
      // Merged areas that overlap the new one are absorbed into it.
      let grown = area;
      for (const m of sheet.merges) if (intersects(m, grown)) grown = boundingRect(grown, m);
      sheet.merges = sheet.merges.filter((m) => !intersects(m, grown));
      sheet.merges.push(grown);
    }
    sheet.merges.sort((a, b) => a.r1 - b.r1 || a.c1 - b.c1);
  }

  unmerge(sheet: SheetModel, rect: Rect): void {
    sheet.merges = sheet.merges.filter((m) => !intersects(m, rect));
  }

  // ---------------------------------------------------------------- insert / delete

  /**
   * Shifts cells for Range.insert / Range.delete. `axis` "rows" moves cells vertically within
   * the columns [span0, span1]; "cols" moves horizontally within the rows [span0, span1].
   * count > 0 inserts `count` rows/columns at `at`; count < 0 deletes them.
   */
  shift(sheet: SheetModel, axis: "rows" | "cols", at: number, count: number, span0: number, span1: number): void {
    const max = axis === "rows" ? MAX_ROWS : MAX_COLS;
    const fullSpan = span0 === 0 && span1 === (axis === "rows" ? MAX_COLS : MAX_ROWS) - 1;
    const del = count < 0;
    const n = Math.abs(count);
    const mainOf = (r: number, c: number) => (axis === "rows" ? r : c);
    const spanOf = (r: number, c: number) => (axis === "rows" ? c : r);
    const inSpan = (s: number) => s >= span0 && s <= span1;
    const movePoint = (p: number): number | null => {
      if (!del) return p >= at ? p + n : p;
      if (p < at) return p;
      if (p < at + n) return null;
      return p - n;
    };
    // Non-empty cells pushed off the sheet: Excel refuses the insertion.
    if (!del) {
      for (const [key, cell] of sheet.cells) {
        const r = keyRow(key);
        const c = keyCol(key);
        if (inSpan(spanOf(r, c)) && mainOf(r, c) + n >= max && (cell.v !== "" || cell.f)) fail(ErrorCodes.nonBlankCellOffSheet);
      }
    }
    // Rectangles (merges, tables) must be shifted whole or not at all.
    const moveRect = (rect: Rect, what: string): Rect | null => {
      const [m1, m2] = axis === "rows" ? [rect.r1, rect.r2] : [rect.c1, rect.c2];
      const [s1, s2] = axis === "rows" ? [rect.c1, rect.c2] : [rect.r1, rect.r2];
      if (s2 < span0 || s1 > span1) return rect;
      const affected = del ? m2 >= at : m2 >= at;
      if (!affected) return rect;
      if (!(s1 >= span0 && s2 <= span1)) fail(ErrorCodes.insertDeleteConflict, `the operation would split ${what}`);
      let a = m1;
      let b = m2;
      if (!del) {
        if (m1 >= at) {
          a += n;
          b += n;
        } else b += n;
      } else {
        const end = at + n - 1;
        if (m1 > end) {
          a -= n;
          b -= n;
        } else {
          const overlap = Math.min(m2, end) - Math.max(m1, at) + 1;
          if (overlap >= m2 - m1 + 1) return null;
          a = m1 < at ? m1 : at;
          b = m2 - overlap;
        }
      }
      if (b >= max) b = max - 1;
      return axis === "rows" ? { r1: a, c1: rect.c1, r2: b, c2: rect.c2 } : { r1: rect.r1, c1: a, r2: rect.r2, c2: b };
    };
    const tables = this.tables.filter((t) => t.sheet === sheet);
    const newTableRects = tables.map((t) => moveRect(t.rect, `table ${t.name}`));
    const newMerges = sheet.merges.map((m) => moveRect(m, "a merged area"));
    // Cells.
    const moved = new Map<number, CellModel>();
    for (const [key, cell] of sheet.cells) {
      const r = keyRow(key);
      const c = keyCol(key);
      if (!inSpan(spanOf(r, c))) {
        moved.set(key, cell);
        continue;
      }
      const p = movePoint(mainOf(r, c));
      if (p === null || p >= max) continue;
      moved.set(axis === "rows" ? cellKey(p, c) : cellKey(r, p), cell);
    }
    sheet.cells = moved;
    tables.forEach((t, i) => {
      const nr = newTableRects[i];
      if (nr === null) {
        t.deleted = true;
        this.tables = this.tables.filter((x) => x !== t);
      } else t.rect = nr;
    });
    sheet.merges = newMerges.filter((m): m is Rect => m !== null);
    const moveRects = <T extends { rect: Rect }>(items: T[]) =>
      items.flatMap((it) => {
        const [s1, s2] = axis === "rows" ? [it.rect.c1, it.rect.c2] : [it.rect.r1, it.rect.r2];
        if (s2 < span0 || s1 > span1 || !(s1 >= span0 && s2 <= span1)) return [it];
        const nr = moveRectLoose(it.rect, axis, at, count);
        return nr ? [{ ...it, rect: nr }] : [];
      });
    sheet.validations = moveRects(sheet.validations);
    for (const cf of sheet.conditionalFormats) {
      cf.rects = cf.rects.flatMap((r) => {
        const [s1, s2] = axis === "rows" ? [r.c1, r.c2] : [r.r1, r.r2];
        if (s2 < span0 || s1 > span1 || !(s1 >= span0 && s2 <= span1)) return [r];
        const nr = moveRectLoose(r, axis, at, count);
        return nr ? [nr] : [];
      });
    }
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.rects.length > 0);
    if (fullSpan) {
      const remap = <V>(m: Map<number, V>) => {
        const out = new Map<number, V>();
        for (const [k, v] of m) {
          const p = movePoint(k);
          if (p !== null && p < max) out.set(p, v);
        }
        return out;
      };
      const remapSet = (s: Set<number>) => new Set([...s].map(movePoint).filter((p): p is number => p !== null && p < max));
      if (axis === "rows") {
        sheet.rowHeights = remap(sheet.rowHeights);
        sheet.rowStyles = remap(sheet.rowStyles);
        sheet.hiddenRows = remapSet(sheet.hiddenRows);
        sheet.fittedRows = remapSet(sheet.fittedRows);
      } else {
        sheet.colWidths = remap(sheet.colWidths);
        sheet.colStyles = remap(sheet.colStyles);
        sheet.hiddenCols = remapSet(sheet.hiddenCols);
      }
    }
  }

  // ---------------------------------------------------------------- tables

  validateTableName(name: unknown, except?: TableModel): string {
    if (typeof name !== "string" || !/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name) || name.length > 255 || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name)) {
      fail(ErrorCodes.invalidArgument, `invalid table name ${String(name)}`);
    }
    const t = this.table(name as string);
    if ((t && t !== except) || this.name(name as string)) fail(ErrorCodes.itemAlreadyExists, `the name ${String(name)} is taken`);
    return name as string;
  }

  addTable(sheet: SheetModel, rect: Rect, hasHeaders: boolean, name?: string): TableModel {
    if (isEntireColumns(rect) || isEntireRows(rect)) fail(ErrorCodes.invalidArgument, "a table cannot span whole rows or columns");
    for (const t of this.tables) if (t.sheet === sheet && intersects(t.rect, rect)) fail(ErrorCodes.mergedRangeConflict);
    if (sheet.merges.some((m) => intersects(m, rect))) fail(ErrorCodes.mergedRangeConflict);
    let n = name;
    if (n === undefined || n === null || n === "") {
      let i = this.tables.length + 1;
      while (this.table(`Table${i}`)) i++;
      n = `Table${i}`;
    } else n = this.validateTableName(n);
    let r = { ...rect };
    if (!hasHeaders) {
      // Excel inserts a header row above the data, shifting the data down within the table's columns.
      this.shift(sheet, "rows", r.r1, 1, r.c1, r.c2);
      r = { r1: r.r1, c1: r.c1, r2: r.r2 + 1, c2: r.c2 };
    }
    if (r.r2 === r.r1) r = { ...r, r2: r.r1 + 1 }; // a table always has at least one data row
    const t: TableModel = {
      id: String(this.nextId++), name: n, sheet, rect: r, showHeaders: true, showTotals: false, style: "TableStyleMedium2",
      showBandedRows: true, showBandedColumns: false, showFilterButton: true, highlightFirstColumn: false, highlightLastColumn: false,
      columns: [], nextColumnId: 1,
    };
    const names: string[] = [];
    for (let c = r.c1; c <= r.c2; c++) {
      const raw = hasHeaders ? this.apiText(sheet, r.r1, c) : "";
      names.push(raw);
    }
    const unique = uniqueHeaders(names);
    t.columns = unique.map((nm) => ({ id: t.nextColumnId++, name: nm }));
    this.writeHeaderCells(t);
    this.tables.push(t);
    return t;
  }

  headerRect(t: TableModel): Rect | null {
    return t.showHeaders ? { r1: t.rect.r1, c1: t.rect.c1, r2: t.rect.r1, c2: t.rect.c2 } : null;
  }

  bodyRect(t: TableModel): Rect {
    const r1 = t.rect.r1 + (t.showHeaders ? 1 : 0);
    const r2 = t.rect.r2 - (t.showTotals ? 1 : 0);
    return { r1, c1: t.rect.c1, r2: Math.max(r1, r2), c2: t.rect.c2 };
  }

  totalRect(t: TableModel): Rect | null {
    return t.showTotals ? { r1: t.rect.r2, c1: t.rect.c1, r2: t.rect.r2, c2: t.rect.c2 } : null;
  }

  private writeHeaderCells(t: TableModel): void {
    if (!t.showHeaders) return;
    t.columns.forEach((col, i) => {
      const cell = t.sheet.ensure(t.rect.r1, t.rect.c1 + i);
      cell.v = col.name;
      delete cell.f;
      delete cell.err;
    });
  }

  /** Header cells are the column names: writing them renames columns (uniquely, as text). */
  syncTableHeaders(sheet: SheetModel, rect: Rect): void {
    for (const t of this.tables) {
      if (t.sheet !== sheet || !t.showHeaders) continue;
      const h = this.headerRect(t)!;
      if (!intersects(h, rect)) continue;
      const raw = t.columns.map((_c, i) => this.apiText(sheet, h.r1, h.c1 + i));
      const unique = uniqueHeaders(raw);
      unique.forEach((nm, i) => (t.columns[i].name = nm));
      this.writeHeaderCells(t);
    }
  }

  addTableRows(t: TableModel, index: number | null | undefined, values: unknown, stats: WriteStats): void {
    const body = this.bodyRect(t);
    const dataRows = body.r2 - body.r1 + 1;
    const ncols = t.rect.c2 - t.rect.c1 + 1;
    let count = 1;
    if (values !== undefined && values !== null) {
      if (!Array.isArray(values) || values.some((r) => !Array.isArray(r) || r.length !== ncols)) {
        fail(ErrorCodes.invalidArgument, "rows.add values must be a 2-D array with one entry per table column");
      }
      count = (values as unknown[][]).length;
      if (count === 0) fail(ErrorCodes.invalidArgument, "no rows to add");
    }
    if (index !== undefined && index !== null && (typeof index !== "number" || index < 0 || index > dataRows)) {
      fail(ErrorCodes.invalidArgument, `bad row index ${String(index)}`);
    }
    // A new table's only data row is a blank placeholder: the first added row takes its place
    // (as in Microsoft's tutorial: tables.add("A1:D1", true) then rows.add(null, rows)).
    const blank = dataRows === 1 && (index === undefined || index === null || index === 0) && t.sheet.cellsIn(body).every(([, , c]) => c.v === "" && !c.f);
    let at = body.r1 + (index === undefined || index === null ? dataRows : index);
    let insert = count;
    if (blank) {
      at = body.r1;
      insert = count - 1;
    }
    // Rows are inserted within the table's columns; the table grows.
    if (insert > 0) {
      const oldRect = { ...t.rect };
      const insertAt = blank ? body.r1 + 1 : at;
      this.shift(t.sheet, "rows", insertAt, insert, t.rect.c1, t.rect.c2);
      if (insertAt > oldRect.r2) t.rect = { ...oldRect, r2: oldRect.r2 + insert };
    }
    if (values !== undefined && values !== null) {
      this.write(t.sheet, { r1: at, c1: t.rect.c1, r2: at + count - 1, c2: t.rect.c2 }, values, "values", stats);
    }
  }

  deleteTable(t: TableModel, clearContents: boolean): void {
    this.tables = this.tables.filter((x) => x !== t);
    t.deleted = true;
    if (clearContents) this.clear(t.sheet, t.rect, "All");
  }

  // ---------------------------------------------------------------- names

  validateDefinedName(name: unknown): string {
    if (typeof name !== "string" || !/^[\p{L}_\\][\p{L}\p{N}_.\\?]*$/u.test(name) || name.length > 255) {
      fail(ErrorCodes.invalidArgument, `invalid name ${String(name)}`);
    }
    const n = name as string;
    if (/^[A-Za-z]{1,3}\d+$/.test(n) && parseRectText(n)) fail(ErrorCodes.invalidArgument, `${n} looks like a cell reference`);
    if (/^[RrCc]$/.test(n) || /^[Rr]\d*[Cc]\d*$/.test(n)) fail(ErrorCodes.invalidArgument, `${n} looks like an R1C1 reference`);
    return n;
  }

  addName(scope: SheetModel | null, name: unknown, reference: string, comment: unknown): NameModel {
    const n = this.validateDefinedName(name);
    const list = scope ? scope.names : this.names;
    if (list.some((x) => x.name.toUpperCase() === n.toUpperCase())) fail(ErrorCodes.itemAlreadyExists, `the name ${n} exists`);
    if (!scope && this.table(n)) fail(ErrorCodes.itemAlreadyExists, `a table is named ${n}`);
    const formula = normalizeNameFormula(reference);
    const item: NameModel = { name: n, formula, comment: typeof comment === "string" ? comment : "", visible: true };
    list.push(item);
    return item;
  }

  // ---------------------------------------------------------------- data validation

  /** Splits validation records so that `rect` is covered by records lying inside it. */
  private splitValidations(sheet: SheetModel, rect: Rect): DataValidationModel[] {
    const out: DataValidationModel[] = [];
    const inside: DataValidationModel[] = [];
    for (const dv of sheet.validations) {
      if (!intersects(dv.rect, rect)) {
        out.push(dv);
        continue;
      }
      for (const part of subtract(dv.rect, rect)) out.push({ ...clone(dv), rect: part });
      const x = intersection(dv.rect, rect)!;
      inside.push({ ...clone(dv), rect: x });
    }
    sheet.validations = [...out, ...inside];
    return inside;
  }

  setValidation(sheet: SheetModel, rect: Rect, what: "rule" | "errorAlert" | "prompt" | "ignoreBlanks", value: unknown): void {
    if (what === "rule") {
      const rule = normalizeRule(value, (r) => this.rangeReference(r));
      const inside = this.splitValidations(sheet, rect);
      const keep = inside.length === 1 && sameRect(inside[0].rect, rect) ? inside[0] : undefined;
      sheet.validations = sheet.validations.filter((d) => !inside.includes(d));
      sheet.validations.push({
        rect, rule, errorAlert: keep?.errorAlert ?? defaultErrorAlert(), prompt: keep?.prompt ?? defaultPrompt(), ignoreBlanks: keep?.ignoreBlanks ?? true,
      });
      return;
    }
    const inside = this.splitValidations(sheet, rect);
    if (inside.length === 0) {
      const dv: DataValidationModel = { rect, rule: null, errorAlert: defaultErrorAlert(), prompt: defaultPrompt(), ignoreBlanks: true };
      sheet.validations.push(dv);
      inside.push(dv);
    }
    for (const dv of inside) {
      if (what === "ignoreBlanks") {
        if (typeof value !== "boolean") fail(ErrorCodes.invalidArgument, "ignoreBlanks must be boolean");
        dv.ignoreBlanks = value as boolean;
      } else if (what === "errorAlert") {
        const v = (value ?? {}) as Record<string, unknown>;
        if (v.style !== undefined && !["Stop", "Warning", "Information"].includes(v.style as string)) fail(ErrorCodes.invalidArgument, `bad alert style ${String(v.style)}`);
        dv.errorAlert = { ...dv.errorAlert, ...pick(v, ["showAlert", "style", "title", "message"]) } as DataValidationModel["errorAlert"];
      } else {
        const v = (value ?? {}) as Record<string, unknown>;
        dv.prompt = { ...dv.prompt, ...pick(v, ["showPrompt", "title", "message"]) } as DataValidationModel["prompt"];
      }
    }
  }

  clearValidation(sheet: SheetModel, rect: Rect): void {
    const inside = this.splitValidations(sheet, rect);
    sheet.validations = sheet.validations.filter((d) => !inside.includes(d));
  }

  /** What `Range.dataValidation` reports for a range. */
  readValidation(sheet: SheetModel, rect: Rect): { type: string; rule: DataValidationRuleModel | null; errorAlert: DataValidationModel["errorAlert"]; prompt: DataValidationModel["prompt"]; ignoreBlanks: boolean; valid: boolean | null } {
    const hits = sheet.validations.filter((d) => intersects(d.rect, rect));
    const withRules = hits.filter((d) => d.rule);
    const covered = hits.reduce((n, d) => n + rectCells(intersection(d.rect, rect)!), 0);
    const first = hits[0];
    let type = "None";
    if (withRules.length) {
      const same = withRules.every((d) => deepEqual(d.rule, withRules[0].rule));
      const full = covered === rectCells(rect) && withRules.length === hits.length;
      type = !same ? "Inconsistent" : !full ? "MixedCriteria" : ruleType(withRules[0].rule!);
    }
    const consistent = type !== "Inconsistent" && type !== "MixedCriteria";
    return {
      type,
      rule: consistent && withRules.length ? clone(withRules[0].rule) : consistent ? {} : null,
      errorAlert: first && consistent ? clone(first.errorAlert) : defaultErrorAlert(),
      prompt: first && consistent ? clone(first.prompt) : defaultPrompt(),
      ignoreBlanks: first ? first.ignoreBlanks : true,
      valid: this.validity(sheet, rect, hits),
    };
  }

  private validity(sheet: SheetModel, rect: Rect, hits: DataValidationModel[]): boolean | null {
    let anyValid = false;
    let anyInvalid = false;
    for (let r = rect.r1; r <= rect.r2 && rectCells(rect) <= 100_000; r++) {
      for (let c = rect.c1; c <= rect.c2; c++) {
        const dv = hits.find((d) => r >= d.rect.r1 && r <= d.rect.r2 && c >= d.rect.c1 && c <= d.rect.c2);
        const ok = !dv || !dv.rule ? true : this.cellValid(sheet, r, c, dv);
        if (ok) anyValid = true;
        else anyInvalid = true;
      }
    }
    return anyInvalid && anyValid ? null : !anyInvalid;
  }

  private cellValid(sheet: SheetModel, r: number, c: number, dv: DataValidationModel): boolean {
    const v = this.apiValue(sheet, r, c);
    if (v === "" || v === null) return dv.ignoreBlanks;
    const rule = dv.rule!;
    if (rule.list) {
      let options: Scalar[];
      if (rule.list.source.startsWith("=")) {
        const ref = parseRef(rule.list.source.slice(1));
        const s = ref?.sheet ? this.sheet(ref.sheet) : sheet;
        if (!ref || !s) return true;
        options = this.readMatrix(s, ref.rect, "values").flat() as Scalar[];
      } else options = rule.list.source.split(",").map((x) => x.trim());
      return options.some((o) => String(o).toUpperCase() === String(v).toUpperCase());
    }
    const basic = rule.decimal ?? rule.wholeNumber ?? rule.textLength;
    if (basic && typeof basic.formula1 === "number") {
      const x = rule.textLength ? String(v).length : typeof v === "number" ? v : NaN;
      if (Number.isNaN(x)) return false;
      if (rule.wholeNumber && !Number.isInteger(x)) return false;
      const a = Number(basic.formula1);
      const b = Number(basic.formula2);
      switch (basic.operator) {
        case "Between": return x >= a && x <= b;
        case "NotBetween": return x < a || x > b;
        case "EqualTo": return x === a;
        case "NotEqualTo": return x !== a;
        case "GreaterThan": return x > a;
        case "LessThan": return x < a;
        case "GreaterThanOrEqualTo": return x >= a;
        case "LessThanOrEqualTo": return x <= a;
        default: return true;
      }
    }
    return true;
  }

  rangeReference(v: unknown): string {
    const ref = v as { sheet: SheetModel; rect: Rect };
    return `=${qualified(ref.sheet.name, ref.rect, true)}`;
  }

  // ---------------------------------------------------------------- conditional formats

  addConditionalFormat(sheet: SheetModel, rect: Rect, type: string): ConditionalFormatModel {
    const known = ["Custom", "CellValue", "ContainsText", "DataBar", "ColorScale", "IconSet", "TopBottom", "PresetCriteria"];
    if (!known.includes(type)) fail(ErrorCodes.invalidArgument, `bad conditional format type ${type}`);
    const cf: ConditionalFormatModel = { id: this.newId("cf"), rects: [rect], type, stopIfTrue: false, rule: {}, format: {} };
    sheet.conditionalFormats.unshift(cf); // new formats take the top priority
    return cf;
  }

  clearConditionalFormats(sheet: SheetModel, rect: Rect): void {
    for (const cf of sheet.conditionalFormats) cf.rects = cf.rects.flatMap((r) => subtract(r, rect));
    sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => cf.rects.length > 0);
  }

  // ---------------------------------------------------------------- charts

  addChart(sheet: SheetModel, type: string, source: { sheet: SheetModel; rect: Rect }, seriesBy: string): ChartModel {
    const n = sheet.charts.length + this.sheets.reduce((k, s) => k + s.charts.length, 0);
    const name = `Chart ${n + 1}`;
    const chart: ChartModel = {
      id: this.newId("chart"), name, chartType: type, source: qualified(source.sheet.name, source.rect, true), seriesBy,
      title: { text: "", visible: false, overlay: false }, legend: { visible: true, position: "Right" },
      axes: {
        category: { title: "", visible: true },
        value: { title: "", visible: true, minimum: null, maximum: null, majorUnit: null, numberFormat: "General" },
      },
      dataLabels: { showValue: false, showCategoryName: false, showSeriesName: false, position: "BestFit" },
      series: this.deriveSeries(source.sheet, source.rect, seriesBy), top: 0, left: 0, width: 360, height: 216, from: null, to: null,
    };
    sheet.charts.push(chart);
    return chart;
  }

  /** Series from a source range: text in the first row/column gives names and categories. */
  deriveSeries(sheet: SheetModel, rect: Rect, seriesBy: string): ChartSeriesModel[] {
    const rowsN = rect.r2 - rect.r1 + 1;
    const colsN = rect.c2 - rect.c1 + 1;
    const byCols = seriesBy === "Columns" || (seriesBy !== "Rows" && rowsN >= colsN);
    const isText = (r: number, c: number) => typeof this.apiValue(sheet, r, c) === "string" && this.apiValue(sheet, r, c) !== "";
    const headerRow = Array.from({ length: colsN }, (_x, i) => i).some((i) => isText(rect.r1, rect.c1 + i)) && rowsN > 1;
    const headerCol = Array.from({ length: rowsN - (headerRow ? 1 : 0) }, (_x, i) => i).every((i) => isText(rect.r1 + i + (headerRow ? 1 : 0), rect.c1)) && colsN > 1;
    const body = { r1: rect.r1 + (headerRow ? 1 : 0), c1: rect.c1 + (headerCol ? 1 : 0), r2: rect.r2, c2: rect.c2 };
    const out: ChartSeriesModel[] = [];
    const ref = (r: Rect) => qualified(sheet.name, r, true);
    if (byCols) {
      for (let c = body.c1; c <= body.c2; c++) {
        out.push({
          name: headerRow ? this.apiText(sheet, rect.r1, c) : `Series${out.length + 1}`,
          values: ref({ r1: body.r1, c1: c, r2: body.r2, c2: c }),
          xValues: headerCol ? ref({ r1: body.r1, c1: rect.c1, r2: body.r2, c2: rect.c1 }) : null,
        });
      }
    } else {
      for (let r = body.r1; r <= body.r2; r++) {
        out.push({
          name: headerCol ? this.apiText(sheet, r, rect.c1) : `Series${out.length + 1}`,
          values: ref({ r1: r, c1: body.c1, r2: r, c2: body.c2 }),
          xValues: headerRow ? ref({ r1: rect.r1, c1: body.c1, r2: rect.r1, c2: body.c2 }) : null,
        });
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- snapshot

  snapshot(): WorkbookSnapshot {
    return {
      sheets: this.sheets.map((s) => this.sheetSnapshot(s)),
      activeSheet: this.activeSheet?.name ?? null,
      tables: this.tables.map((t) => ({
        id: t.id, name: t.name, sheet: t.sheet.name, range: rectA1(t.rect), showHeaders: t.showHeaders, showTotals: t.showTotals,
        style: t.style, showBandedRows: t.showBandedRows, showBandedColumns: t.showBandedColumns, showFilterButton: t.showFilterButton,
        highlightFirstColumn: t.highlightFirstColumn, highlightLastColumn: t.highlightLastColumn, columns: t.columns.map((c) => c.name),
      })),
      names: this.names.map((n) => clone(n)),
      properties: clone(this.properties),
      settings: clone(this.settings),
      calculationMode: this.calculationMode,
    };
  }

  private sheetSnapshot(s: SheetModel): SheetState {
    const cells: Record<string, CellSnapshot> = {};
    const styleCopy = (st: StyleModel) => copyStyle(st);
    const keys = [...s.cells.keys()].sort((a, b) => a - b);
    for (const key of keys) {
      const c = s.cells.get(key)!;
      const r = keyRow(key);
      const col = keyCol(key);
      const snap: CellSnapshot = {};
      if (c.f) {
        snap.f = c.f;
        snap.v = this.apiValue(s, r, col);
      } else if (c.v !== "") snap.v = c.v;
      if (c.err) snap.err = true;
      if (c.qp) snap.qp = true;
      if (c.nf) snap.nf = c.nf;
      if (c.st) snap.style = styleCopy(c.st);
      if (c.link) snap.link = clone(c.link);
      cells[cellA1(r, col)] = snap;
    }
    const byIndex = <V>(m: Map<number, V>, label: (i: number) => string) =>
      Object.fromEntries([...m.entries()].sort((a, b) => a[0] - b[0]).map(([k, v]) => [label(k), clone(v)]));
    return {
      name: s.name, id: s.id, visibility: s.visibility, tabColor: s.tabColor, cells,
      merges: s.merges.map((m) => rectA1(m)),
      freeze: { ...s.freeze },
      columnWidths: byIndex(s.colWidths, colLetter),
      rowHeights: byIndex(s.rowHeights, (i) => String(i + 1)),
      fittedRows: [...s.fittedRows].sort((a, b) => a - b).map((i) => i + 1),
      hiddenRows: [...s.hiddenRows].sort((a, b) => a - b).map((i) => i + 1),
      hiddenColumns: [...s.hiddenCols].sort((a, b) => a - b).map(colLetter),
      columnStyles: byIndex(s.colStyles, colLetter),
      rowStyles: byIndex(s.rowStyles, (i) => String(i + 1)),
      names: s.names.map((n) => clone(n)),
      dataValidations: s.validations.map((d) => ({ range: rectA1(d.rect), rule: clone(d.rule), errorAlert: clone(d.errorAlert), prompt: clone(d.prompt), ignoreBlanks: d.ignoreBlanks })),
      conditionalFormats: s.conditionalFormats.map((cf) => ({ id: cf.id, ranges: cf.rects.map((r) => rectA1(r)), type: cf.type, stopIfTrue: cf.stopIfTrue, rule: clone(cf.rule), format: clone(cf.format) })),
      charts: s.charts.map((c) => clone(c)),
      pageLayout: clone(s.pageLayout),
      protection: clone(s.protection),
      showGridlines: s.showGridlines,
      showHeadings: s.showHeadings,
      standardWidth: s.standardWidth,
      selection: rectA1(s.selection),
    };
  }

  /** Rebuilds a workbook from a snapshot (or from a hand-written initial workbook). */
  static fromSnapshot(snap: InitialWorkbook, options: WorkbookOptions): WorkbookModel {
    const wb = new WorkbookModel(options);
    for (const ss of snap.sheets ?? []) {
      const s = wb.addSheet(ss.name);
      if (ss.id) s.id = ss.id;
      if (ss.visibility) s.visibility = ss.visibility;
      if (ss.tabColor) s.tabColor = ss.tabColor;
      const rowsIn = ss.values ?? [];
      rowsIn.forEach((row, r) => row.forEach((v, c) => {
        if (v === null || v === undefined || v === "") return;
        if (typeof v === "string" && v.startsWith("=")) s.ensure(r, c).f = v;
        else s.ensure(r, c).v = v;
      }));
      for (const [a1, raw] of Object.entries(ss.cells ?? {})) {
        const rect = parseRectText(a1);
        if (!rect) throw new Error(`Bad cell address in initial workbook: ${a1}`);
        const cell = s.ensure(rect.r1, rect.c1);
        if (raw === null || typeof raw !== "object") {
          cell.v = raw ?? "";
          continue;
        }
        const c = raw as CellSnapshot;
        if (c.f) cell.f = c.f;
        else if (c.v !== undefined && c.v !== null) cell.v = c.v;
        if (c.err || (c.v !== undefined && !c.f && isErrorLiteral(c.v) && c.err !== false)) cell.err = true;
        if (c.qp) cell.qp = true;
        if (c.nf) cell.nf = c.nf;
        if (c.style) cell.st = clone(c.style);
        if (c.link) cell.link = clone(c.link);
        s.prune(rect.r1, rect.c1);
      }
      s.merges = (ss.merges ?? []).map((m) => mustRect(m));
      if (ss.freeze) s.freeze = { ...ss.freeze };
      for (const [k, v] of Object.entries(ss.columnWidths ?? {})) s.colWidths.set(colIndex(k), v);
      for (const [k, v] of Object.entries(ss.rowHeights ?? {})) s.rowHeights.set(Number(k) - 1, v);
      for (const r of ss.fittedRows ?? []) s.fittedRows.add(r - 1);
      for (const r of ss.hiddenRows ?? []) s.hiddenRows.add(r - 1);
      for (const c of ss.hiddenColumns ?? []) s.hiddenCols.add(colIndex(c));
      for (const [k, v] of Object.entries(ss.columnStyles ?? {})) s.colStyles.set(colIndex(k), clone(v));
      for (const [k, v] of Object.entries(ss.rowStyles ?? {})) s.rowStyles.set(Number(k) - 1, clone(v));
      s.names = (ss.names ?? []).map((n) => ({ comment: "", visible: true, ...clone(n) }));
      s.validations = (ss.dataValidations ?? []).map((d) => ({
        rect: mustRect(d.range), rule: clone(d.rule ?? null), errorAlert: { ...defaultErrorAlert(), ...clone(d.errorAlert ?? {}) },
        prompt: { ...defaultPrompt(), ...clone(d.prompt ?? {}) }, ignoreBlanks: d.ignoreBlanks ?? true,
      }));
      s.conditionalFormats = (ss.conditionalFormats ?? []).map((cf) => ({
        id: cf.id ?? wb.newId("cf"), rects: cf.ranges.map(mustRect), type: cf.type, stopIfTrue: cf.stopIfTrue ?? false, rule: clone(cf.rule ?? {}), format: clone(cf.format ?? {}),
      }));
      s.charts = (ss.charts ?? []).map((c) => clone(c));
      if (ss.pageLayout) s.pageLayout = { ...s.pageLayout, ...clone(ss.pageLayout) };
      if (ss.protection) s.protection = clone(ss.protection);
      if (ss.showGridlines !== undefined) s.showGridlines = ss.showGridlines;
      if (ss.showHeadings !== undefined) s.showHeadings = ss.showHeadings;
      if (ss.standardWidth !== undefined) s.standardWidth = ss.standardWidth;
      if (ss.selection) s.selection = mustRect(ss.selection);
    }
    if (wb.sheets.length === 0) wb.addSheet(null);
    for (const t of snap.tables ?? []) {
      const sheet = wb.sheet(t.sheet);
      if (!sheet) throw new Error(`Initial table ${t.name} is on a missing sheet ${t.sheet}`);
      const rect = mustRect(t.range);
      const model: TableModel = {
        id: t.id ?? String(wb.nextId++), name: t.name, sheet, rect, showHeaders: t.showHeaders ?? true, showTotals: t.showTotals ?? false,
        style: t.style ?? "TableStyleMedium2", showBandedRows: t.showBandedRows ?? true, showBandedColumns: t.showBandedColumns ?? false,
        showFilterButton: t.showFilterButton ?? true, highlightFirstColumn: t.highlightFirstColumn ?? false, highlightLastColumn: t.highlightLastColumn ?? false,
        columns: [], nextColumnId: 1,
      };
      const names = t.columns ?? Array.from({ length: rect.c2 - rect.c1 + 1 }, (_x, i) => wb.apiText(sheet, rect.r1, rect.c1 + i));
      model.columns = uniqueHeaders(names).map((n) => ({ id: model.nextColumnId++, name: n }));
      wb.tables.push(model);
    }
    wb.names = (snap.names ?? []).map((n) => ({ comment: "", visible: true, ...clone(n) }));
    if (snap.properties) wb.properties = { ...wb.properties, ...clone(snap.properties) };
    if (snap.settings) wb.settings = clone(snap.settings);
    if (snap.calculationMode) wb.calculationMode = snap.calculationMode;
    wb.activeSheet = (snap.activeSheet && wb.sheet(snap.activeSheet)) || wb.visibleSheets()[0] || wb.sheets[0];
    let max = 0;
    for (const s of wb.sheets) {
      const m = /(\d+)\}$/.exec(s.id);
      if (m) max = Math.max(max, Number(m[1]));
      for (const cf of s.conditionalFormats) max = Math.max(max, Number(cf.id.replace(/\D/g, "")) || 0);
      for (const ch of s.charts) max = Math.max(max, Number(ch.id.replace(/\D/g, "")) || 0);
    }
    for (const t of wb.tables) max = Math.max(max, Number(t.id) || 0);
    wb.nextId = Math.max(wb.nextId, max + 1);
    return wb;
  }
}

function mustRect(a1: string): Rect {
  const r = parseRectText(a1);
  if (!r) throw new Error(`Bad range ${a1}`);
  return r;
}

/** The dimension rule for values/formulas/numberFormat writes. */
function validateShape(input: unknown, rect: Rect): void {
  if (input === null || input === undefined) fail(ErrorCodes.invalidArgument, "null is not a valid value for a range property");
  if (!Array.isArray(input)) return;
  const rowsN = rect.r2 - rect.r1 + 1;
  const colsN = rect.c2 - rect.c1 + 1;
  if (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1) return;
  if (input.length !== rowsN || input.some((row) => !Array.isArray(row) || row.length !== colsN)) {
    const got = `${input.length}x${Array.isArray(input[0]) ? (input[0] as unknown[]).length : "?"}`;
    fail(ErrorCodes.invalidArgument, `the array (${got}) does not match the range (${rowsN}x${colsN})`);
  }
}

function cellInput(input: unknown, rect: Rect, r: number, c: number): unknown {
  if (!Array.isArray(input)) return input;
  if (input.length === 1 && Array.isArray(input[0]) && input[0].length === 1) return input[0][0];
  return (input[r - rect.r1] as unknown[])[c - rect.c1];
}

/** Excel's header naming: blanks become ColumnN, duplicates get a number appended. */
export function uniqueHeaders(raw: string[]): string[] {
  const out: string[] = [];
  const used = new Set<string>();
  raw.forEach((h, i) => {
    let name = h.trim() === "" ? `Column${i + 1}` : h;
    if (used.has(name.toUpperCase())) {
      let k = 2;
      while (used.has(`${name}${k}`.toUpperCase())) k++;
      name = `${name}${k}`;
    }
    used.add(name.toUpperCase());
    out.push(name);
  });
  return out;
}

export function normalizeNameFormula(reference: string): string {
  const r = reference.trim();
  return r.startsWith("=") ? r : `=${r}`;
}

/** A defined name's type and value, as `NamedItem.type` / `NamedItem.value` report them. */
export function nameType(formula: string): { type: string; value: unknown } {
  const body = formula.replace(/^=/, "").trim();
  if (/^#REF!/.test(body)) return { type: "Error", value: "#REF!" };
  const ref = parseRef(body);
  if (ref && ref.sheet) return { type: "Range", value: body };
  const str = /^"((?:[^"]|"")*)"$/.exec(body);
  if (str) return { type: "String", value: str[1].replace(/""/g, '"') };
  if (/^[+-]?\d+$/.test(body)) return { type: "Integer", value: Number(body) };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) return { type: "Double", value: Number(body) };
  if (/^(TRUE|FALSE)$/i.test(body)) return { type: "Boolean", value: body.toUpperCase() === "TRUE" };
  if (body.startsWith("{")) return { type: "Array", value: body };
  if (isErrorLiteral(body)) return { type: "Error", value: body };
  return { type: "Range", value: body };
}

function defaultErrorAlert(): DataValidationModel["errorAlert"] {
  return { showAlert: true, style: "Stop", title: "", message: "" };
}

function defaultPrompt(): DataValidationModel["prompt"] {
  return { showPrompt: false, title: "", message: "" };
}

function pick(o: Record<string, unknown>, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

function ruleType(rule: DataValidationRuleModel): string {
  if (rule.list) return "List";
  if (rule.wholeNumber) return "WholeNumber";
  if (rule.decimal) return "Decimal";
  if (rule.textLength) return "TextLength";
  if (rule.date) return "Date";
  if (rule.time) return "Time";
  if (rule.custom) return "Custom";
  return "None";
}

const OPERATORS = ["Between", "NotBetween", "EqualTo", "NotEqualTo", "GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"];

/** Validates and normalises a DataValidationRule as Excel does (exactly one criterion). */
export function normalizeRule(value: unknown, rangeRef: (r: unknown) => string): DataValidationRuleModel {
  if (!value || typeof value !== "object") fail(ErrorCodes.invalidArgument, "a data validation rule is an object");
  const v = value as Record<string, unknown>;
  const keys = Object.keys(v).filter((k) => v[k] !== undefined && v[k] !== null);
  if (keys.length !== 1) fail(ErrorCodes.invalidArgument, "a data validation rule has exactly one criterion");
  const key = keys[0];
  const body = v[key] as Record<string, unknown>;
  switch (key) {
    case "list": {
      let source = body.source;
      if (source && typeof source === "object") source = rangeRef((source as { __entity?: unknown }).__entity ?? source);
      if (typeof source !== "string" || source.trim() === "") fail(ErrorCodes.invalidArgument, "a list needs a source");
      const s = source as string;
      if (!s.startsWith("=") && s.length > 255) fail(ErrorCodes.invalidArgument, "a list of values is limited to 255 characters");
      if (s.startsWith("=") && !isWellFormed(s)) fail(ErrorCodes.invalidArgument, `bad list source ${s}`);
      return { list: { inCellDropDown: body.inCellDropDown !== false, source: s } };
    }
    case "custom": {
      const f = body.formula;
      if (typeof f !== "string" || !isWellFormed(f.startsWith("=") ? f : `=${f}`)) fail(ErrorCodes.invalidArgument, "a custom rule needs a formula");
      return { custom: { formula: f as string } };
    }
    case "wholeNumber": case "decimal": case "textLength": case "date": case "time": {
      if (!OPERATORS.includes(body.operator as string)) fail(ErrorCodes.invalidArgument, `bad operator ${String(body.operator)}`);
      if (body.formula1 === undefined || body.formula1 === null || body.formula1 === "") fail(ErrorCodes.invalidArgument, "formula1 is required");
      if ((body.operator === "Between" || body.operator === "NotBetween") && (body.formula2 === undefined || body.formula2 === null || body.formula2 === "")) {
        fail(ErrorCodes.invalidArgument, "formula2 is required for Between/NotBetween");
      }
      const rule: BasicRule = { formula1: body.formula1 as string | number, operator: body.operator as string };
      if (body.formula2 !== undefined && body.formula2 !== null) rule.formula2 = body.formula2 as string | number;
      return { [key]: rule } as DataValidationRuleModel;
    }
    default:
      return fail(ErrorCodes.invalidArgument, `unknown data validation criterion ${key}`);
  }
}

/** Moves a rectangle for an insertion/deletion (shrinking or dropping it as needed). */
function moveRectLoose(rect: Rect, axis: "rows" | "cols", at: number, count: number): Rect | null {
  const [m1, m2] = axis === "rows" ? [rect.r1, rect.r2] : [rect.c1, rect.c2];
  let a = m1;
  let b = m2;
  const n = Math.abs(count);
  const max = (axis === "rows" ? MAX_ROWS : MAX_COLS) - 1;
  if (count > 0) {
    if (m1 >= at) {
      a += n;
      b += n;
    } else if (m2 >= at) b += n;
  } else {
    const end = at + n - 1;
    if (m2 < at) return rect;
    if (m1 > end) {
      a -= n;
      b -= n;
    } else {
      const overlap = Math.min(m2, end) - Math.max(m1, at) + 1;
      if (overlap >= m2 - m1 + 1) return null;
      a = m1 < at ? m1 : at;
      b = m2 - overlap;
    }
  }
  if (a > max) return null;
  b = Math.min(b, max);
  return axis === "rows" ? { r1: a, c1: rect.c1, r2: b, c2: rect.c2 } : { r1: rect.r1, c1: a, r2: rect.r2, c2: b };
}

// ---------------------------------------------------------------- snapshot types

export interface CellSnapshot {
  v?: Scalar | null;
  f?: string;
  err?: boolean;
  qp?: boolean;
  nf?: string;
  style?: StyleModel;
  link?: HyperlinkModel;
}

export interface SheetSnapshot {
  name: string;
  id?: string;
  visibility?: string;
  tabColor?: string;
  /** Cells by A1 address: a bare value, or { v, f, nf, style, … }. */
  cells?: Record<string, CellSnapshot | Scalar | null>;
  /** A convenience for initial workbooks: rows of values from A1 ("=…" strings are formulas). */
  values?: Array<Array<Scalar | null>>;
  merges?: string[];
  freeze?: { rows: number; columns: number };
  columnWidths?: Record<string, number>;
  rowHeights?: Record<string, number>;
  /** 1-based rows fitted to their content (autofitRows). */
  fittedRows?: number[];
  hiddenRows?: number[];
  hiddenColumns?: string[];
  columnStyles?: Record<string, { st?: StyleModel; nf?: string }>;
  rowStyles?: Record<string, { st?: StyleModel; nf?: string }>;
  names?: Array<Partial<NameModel> & { name: string; formula: string }>;
  dataValidations?: Array<{ range: string; rule?: DataValidationRuleModel | null; errorAlert?: Partial<DataValidationModel["errorAlert"]>; prompt?: Partial<DataValidationModel["prompt"]>; ignoreBlanks?: boolean }>;
  conditionalFormats?: Array<{ id?: string; ranges: string[]; type: string; stopIfTrue?: boolean; rule?: ConditionalFormatModel["rule"]; format?: ConditionalFormatModel["format"] }>;
  charts?: ChartModel[];
  pageLayout?: Partial<PageLayoutModel>;
  protection?: { protected: boolean; options: Record<string, boolean> };
  showGridlines?: boolean;
  showHeadings?: boolean;
  standardWidth?: number;
  selection?: string;
}

export interface TableSnapshot {
  id?: string;
  name: string;
  sheet: string;
  range: string;
  showHeaders?: boolean;
  showTotals?: boolean;
  style?: string;
  showBandedRows?: boolean;
  showBandedColumns?: boolean;
  showFilterButton?: boolean;
  highlightFirstColumn?: boolean;
  highlightLastColumn?: boolean;
  columns?: string[];
}

/** A sheet as snapshot() reports it (every field present). */
export interface SheetState extends SheetSnapshot {
  id: string;
  visibility: string;
  tabColor: string;
  cells: Record<string, CellSnapshot>;
  merges: string[];
  freeze: { rows: number; columns: number };
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  fittedRows: number[];
  hiddenRows: number[];
  hiddenColumns: string[];
  columnStyles: Record<string, { st?: StyleModel; nf?: string }>;
  rowStyles: Record<string, { st?: StyleModel; nf?: string }>;
  names: NameModel[];
  dataValidations: Array<{ range: string; rule: DataValidationRuleModel | null; errorAlert: DataValidationModel["errorAlert"]; prompt: DataValidationModel["prompt"]; ignoreBlanks: boolean }>;
  conditionalFormats: Array<{ id: string; ranges: string[]; type: string; stopIfTrue: boolean; rule: ConditionalFormatModel["rule"]; format: ConditionalFormatModel["format"] }>;
  charts: ChartModel[];
  pageLayout: PageLayoutModel;
  protection: { protected: boolean; options: Record<string, boolean> };
  showGridlines: boolean;
  showHeadings: boolean;
  standardWidth: number;
  selection: string;
}

export interface WorkbookSnapshot {
  sheets: SheetState[];
  activeSheet: string | null;
  tables: TableSnapshot[];
  names: NameModel[];
  properties: WorkbookProperties;
  settings: Record<string, unknown>;
  calculationMode: string;
}

/** An initial workbook: any part of a snapshot. */
export interface InitialWorkbook {
  sheets?: SheetSnapshot[];
  activeSheet?: string | null;
  tables?: TableSnapshot[];
  names?: Array<Partial<NameModel> & { name: string; formula: string }>;
  properties?: Partial<WorkbookProperties>;
  settings?: Record<string, unknown>;
  calculationMode?: string;
}

export { FakeRichApiError, serialFromYmd, contains };
