/**
 * The Excel JavaScript API classes of the fake host (the subset the add-in uses). Each class
 * resolves to an entity of the in-memory model at sync time; see runtime.ts for the proxy
 * semantics and model.ts for what the workbook does.
 */
import {
  MAX_COLS, MAX_ROWS, Rect, boundingRect, cellA1, colLetter, intersection, intersects, isEntireColumns, isEntireRows,
  parseAreas, parseRectText, parseRef, qualified, rectCells,
} from "./a1";
import { ErrorCodes, fail } from "./errors";
import { isWellFormed } from "./formula";
import { ENUMS } from "./generated";
import {
  ChartModel, ChartSeriesModel, ConditionalFormatModel, DEFAULT_BORDER, DEFAULT_FONT, EdgeName, FontModel, NameModel, SheetModel,
  StyleModel, TableModel, WorkbookModel, clone, nameType, normalizeColor, normalizeNameFormula, uniqueHeaders,
} from "./model";
import { ClientObject, ClientResult, CollectionObject, FakeRequestContext, NULL, defineProps } from "./runtime";

type R = { sheet: SheetModel; rect: Rect };
type Areas = { sheet: SheetModel; rects: Rect[] };
type Scope = { wb: WorkbookModel; sheet: SheetModel | null };

const FULL: Rect = { r1: 0, c1: 0, r2: MAX_ROWS - 1, c2: MAX_COLS - 1 };

function enumValues(name: string): string[] {
  return Object.values(ENUMS[name] ?? {});
}

function checkEnum(name: string, v: unknown): string {
  const vals = enumValues(name);
  if (typeof v !== "string" || !vals.includes(v)) fail(ErrorCodes.invalidArgument, `${String(v)} is not a valid ${name}`);
  return v as string;
}

function checkBool(v: unknown): boolean {
  if (typeof v !== "boolean") fail(ErrorCodes.invalidArgument, `${String(v)} is not a boolean`);
  return v as boolean;
}

function checkNumber(v: unknown, min = -Infinity, max = Infinity): number {
  if (typeof v !== "number" || !Number.isFinite(v) || v < min || v > max) fail(ErrorCodes.invalidArgument, `${String(v)} is out of range`);
  return v as number;
}

function checkInt(v: unknown, min = 0, max = Infinity): number {
  const n = checkNumber(v, min, max);
  if (!Number.isInteger(n)) fail(ErrorCodes.invalidArgument, `${n} is not an integer`);
  return n;
}

function checkString(v: unknown): string {
  if (typeof v !== "string") fail(ErrorCodes.invalidArgument, `${String(v)} is not a string`);
  return v as string;
}

/** Resolves an address on `sheet`: A1 text (optionally qualified with this sheet's name) or a defined name. */
export function rectOn(wb: WorkbookModel, sheet: SheetModel, address: unknown): Rect {
  if (address === undefined || address === null || address === "") return { ...FULL };
  if (typeof address !== "string") return fail(ErrorCodes.invalidArgument, "an address is a string");
  const ref = parseRef(address);
  if (ref) {
    if (ref.sheet && ref.sheet.toUpperCase() !== sheet.name.toUpperCase()) fail(ErrorCodes.invalidArgument, `${address} is not on sheet ${sheet.name}`);
    return ref.rect;
  }
  const n = wb.name(address, sheet) ?? wb.name(address);
  if (n) {
    const nr = parseRef(n.formula.replace(/^=/, ""));
    if (nr && nr.sheet && nr.sheet.toUpperCase() === sheet.name.toUpperCase()) return nr.rect;
  }
  return fail(ErrorCodes.invalidArgument, `"${address}" is not a valid address`);
}

/** Resolves a workbook-level address: "Sheet!A1:B2" or a defined name; unqualified means the active sheet. */
function rangeInWorkbook(wb: WorkbookModel, address: string, fallback: SheetModel | null): R {
  const ref = parseRef(address);
  if (ref) {
    const sheet = ref.sheet ? wb.sheet(ref.sheet) : fallback;
    if (!sheet) fail(ErrorCodes.invalidArgument, `no sheet for ${address}`);
    return { sheet: sheet!, rect: ref.rect };
  }
  const n = wb.name(address);
  if (n) {
    const nr = parseRef(n.formula.replace(/^=/, ""));
    const sheet = nr?.sheet ? wb.sheet(nr.sheet) : undefined;
    if (nr && sheet) return { sheet, rect: nr.rect };
  }
  return fail(ErrorCodes.invalidArgument, `"${address}" is not a valid address`);
}

function within(r: Rect): Rect {
  if (r.r1 < 0 || r.c1 < 0 || r.r2 >= MAX_ROWS || r.c2 >= MAX_COLS || r.r1 > r.r2 || r.c1 > r.c2) {
    fail(ErrorCodes.invalidArgument, "the range is outside the worksheet");
  }
  return r;
}

function rangeOf(sheet: SheetModel, rect: Rect): R {
  return { sheet, rect: within(rect) };
}

/** A Range proxy argument or an address string on the same sheet. */
function rangeArg(p: ClientObject, v: unknown, sheet: SheetModel): R {
  if (typeof v === "string") return { sheet, rect: rectOn(p._model, sheet, v) };
  const e = p._arg(v) as R;
  if (!e || !e.rect) fail(ErrorCodes.invalidArgument, "expected a Range");
  return e;
}

export class EventHandlers {
  constructor(private owner: ClientObject, private event: string) {}
  add(handler: (args: unknown) => unknown): { remove(): void; context: FakeRequestContext } {
    const host = this.owner._host;
    const entry = { target: this.owner._className, event: this.event, handler };
    host.events.push(entry);
    return {
      context: this.owner.context,
      remove: () => {
        const i = host.events.indexOf(entry);
        if (i >= 0) host.events.splice(i, 1);
      },
    };
  }
  remove(handler: (args: unknown) => unknown): void {
    const host = this.owner._host;
    const i = host.events.findIndex((e) => e.handler === handler && e.event === this.event);
    if (i >= 0) host.events.splice(i, 1);
  }
}

// ================================================================== Workbook, Application

export class Workbook extends ClientObject {
  static navs = ["worksheets", "tables", "names", "application", "properties", "settings"];
  get _className() { return "Workbook"; }
  get worksheets(): WorksheetCollection { return this._nav(WorksheetCollection, "worksheets"); }
  get tables(): TableCollection { return this._nav(TableCollection, "tables", (wb: WorkbookModel) => ({ wb, sheet: null })); }
  get names(): NamedItemCollection { return this._nav(NamedItemCollection, "names", (wb: WorkbookModel) => ({ wb, sheet: null })); }
  get application(): Application { return this._nav(Application, "application"); }
  get properties(): DocumentProperties { return this._nav(DocumentProperties, "properties"); }
  get settings(): SettingCollection { return this._nav(SettingCollection, "settings"); }
  get onSelectionChanged() { return new EventHandlers(this, "onSelectionChanged"); }
  get onActivated() { return new EventHandlers(this, "onActivated"); }
  getSelectedRange(): Range {
    return this._method(Range, "getSelectedRange", [], (wb: WorkbookModel) => {
      const s = wb.activeSheet!;
      return { sheet: s, rect: s.selection };
    });
  }
  getSelectedRanges(): RangeAreas {
    return this._method(RangeAreas, "getSelectedRanges", [], (wb: WorkbookModel) => ({ sheet: wb.activeSheet!, rects: [wb.activeSheet!.selection] }));
  }
  getActiveCell(): Range {
    return this._method(Range, "getActiveCell", [], (wb: WorkbookModel) => {
      const s = wb.activeSheet!;
      return { sheet: s, rect: { r1: s.selection.r1, c1: s.selection.c1, r2: s.selection.r1, c2: s.selection.c1 } };
    });
  }
}
defineProps(Workbook, {
  name: { get: () => "Book1.xlsx" },
  readOnly: { get: () => false },
  isDirty: { get: () => true },
});

export class Application extends ClientObject {
  get _className() { return "Application"; }
  calculate(calculationType?: string): void {
    this._invoke("calculate", [calculationType], () => {
      if (calculationType !== undefined) checkEnum("CalculationType", calculationType);
      this._host.stats.calculations++;
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this._invoke("suspendApiCalculationUntilNextSync", [], () => undefined);
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this._invoke("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
}
defineProps(Application, {
  calculationMode: { get: (wb: WorkbookModel) => wb.calculationMode, set: (wb: WorkbookModel, v) => (wb.calculationMode = checkEnum("CalculationMode", v)) },
  calculationState: { get: () => "Done" },
});

export class DocumentProperties extends ClientObject {
  static navs = ["custom"];
  get _className() { return "DocumentProperties"; }
  get custom(): CustomPropertyCollection { return this._nav(CustomPropertyCollection, "custom"); }
}
const docProp = (k: "title" | "subject" | "author" | "keywords" | "comments" | "category" | "manager" | "company") => ({
  get: (wb: WorkbookModel) => wb.properties[k],
  set: (wb: WorkbookModel, v: unknown) => {
    wb.properties[k] = checkString(v);
  },
});
defineProps(DocumentProperties, {
  title: docProp("title"), subject: docProp("subject"), author: docProp("author"), keywords: docProp("keywords"),
  comments: docProp("comments"), category: docProp("category"), manager: docProp("manager"), company: docProp("company"),
  lastAuthor: { get: (wb: WorkbookModel) => wb.properties.lastAuthor },
  revisionNumber: { get: (wb: WorkbookModel) => wb.properties.revisionNumber, set: (wb: WorkbookModel, v) => (wb.properties.revisionNumber = checkInt(v)) },
  creationDate: { get: (wb: WorkbookModel) => wb.properties.creationDate },
});

export class CustomPropertyCollection extends CollectionObject<CustomProperty> {
  get _className() { return "CustomPropertyCollection"; }
  _itemClass() { return CustomProperty; }
  _entities(wb: WorkbookModel) { return Object.keys(wb.properties.custom).map((key) => ({ wb, key })); }
  add(key: string, value: unknown): CustomProperty {
    return this._method(CustomProperty, "add", [key, value], (wb: WorkbookModel) => {
      wb.properties.custom[checkString(key)] = value;
      return { wb, key };
    }, false, true);
  }
  getItem(key: string): CustomProperty {
    return this._method(CustomProperty, "getItem", [key], (wb: WorkbookModel) => (key in wb.properties.custom ? { wb, key } : undefined));
  }
  getItemOrNullObject(key: string): CustomProperty {
    return this._method(CustomProperty, "getItemOrNullObject", [key], (wb: WorkbookModel) => (key in wb.properties.custom ? { wb, key } : undefined), true);
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", [], (wb: WorkbookModel) => Object.keys(wb.properties.custom).length);
  }
  deleteAll(): void {
    this._invoke("deleteAll", [], (wb: WorkbookModel) => (wb.properties.custom = {}));
  }
}
export class CustomProperty extends ClientObject {
  get _className() { return "CustomProperty"; }
  delete(): void {
    this._invoke("delete", [], (e: { wb: WorkbookModel; key: string }) => delete e.wb.properties.custom[e.key]);
  }
}
defineProps(CustomProperty, {
  key: { get: (e: { key: string }) => e.key },
  value: { get: (e: { wb: WorkbookModel; key: string }) => e.wb.properties.custom[e.key], set: (e: { wb: WorkbookModel; key: string }, v) => (e.wb.properties.custom[e.key] = v) },
  type: { get: (e: { wb: WorkbookModel; key: string }) => (typeof e.wb.properties.custom[e.key] === "number" ? "Number" : typeof e.wb.properties.custom[e.key] === "boolean" ? "Boolean" : "String") },
});

export class SettingCollection extends CollectionObject<Setting> {
  get _className() { return "SettingCollection"; }
  _itemClass() { return Setting; }
  _entities(wb: WorkbookModel) { return Object.keys(wb.settings).map((key) => ({ wb, key })); }
  add(key: string, value: unknown): Setting {
    return this._method(Setting, "add", [key, value], (wb: WorkbookModel) => {
      wb.settings[checkString(key)] = clone(value);
      return { wb, key };
    }, false, true);
  }
  getItem(key: string): Setting {
    return this._method(Setting, "getItem", [key], (wb: WorkbookModel) => (key in wb.settings ? { wb, key } : undefined));
  }
  getItemOrNullObject(key: string): Setting {
    return this._method(Setting, "getItemOrNullObject", [key], (wb: WorkbookModel) => (key in wb.settings ? { wb, key } : undefined), true);
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", [], (wb: WorkbookModel) => Object.keys(wb.settings).length);
  }
  get onSettingsChanged() { return new EventHandlers(this, "onSettingsChanged"); }
}
export class Setting extends ClientObject {
  get _className() { return "Setting"; }
  delete(): void {
    this._invoke("delete", [], (e: { wb: WorkbookModel; key: string }) => delete e.wb.settings[e.key]);
  }
}
defineProps(Setting, {
  key: { get: (e: { key: string }) => e.key },
  value: { get: (e: { wb: WorkbookModel; key: string }) => e.wb.settings[e.key], set: (e: { wb: WorkbookModel; key: string }, v) => (e.wb.settings[e.key] = clone(v)) },
});

// ================================================================== Worksheets

export class WorksheetCollection extends CollectionObject<Worksheet> {
  get _className() { return "WorksheetCollection"; }
  _itemClass() { return Worksheet; }
  _entities(wb: WorkbookModel) { return [...wb.sheets]; }
  _itemLabel(e: SheetModel) { return `getItem(${JSON.stringify(e.name)})`; }
  get onAdded() { return new EventHandlers(this, "onAdded"); }
  get onDeleted() { return new EventHandlers(this, "onDeleted"); }
  get onActivated() { return new EventHandlers(this, "onActivated"); }
  get onChanged() { return new EventHandlers(this, "onChanged"); }
  get onSelectionChanged() { return new EventHandlers(this, "onSelectionChanged"); }
  add(name?: string): Worksheet {
    return this._method(Worksheet, "add", [name], (wb: WorkbookModel) => wb.addSheet(name), false, true);
  }
  getItem(key: string): Worksheet {
    return this._method(Worksheet, "getItem", [key], (wb: WorkbookModel) => wb.sheet(String(key)) ?? wb.sheetById(String(key)));
  }
  getItemOrNullObject(key: string): Worksheet {
    return this._method(Worksheet, "getItemOrNullObject", [key], (wb: WorkbookModel) => wb.sheet(String(key)) ?? wb.sheetById(String(key)), true);
  }
  getActiveWorksheet(): Worksheet {
    return this._method(Worksheet, "getActiveWorksheet", [], (wb: WorkbookModel) => wb.activeSheet ?? undefined);
  }
  getFirst(visibleOnly?: boolean): Worksheet {
    return this._method(Worksheet, "getFirst", [visibleOnly], (wb: WorkbookModel) => (visibleOnly ? wb.visibleSheets() : wb.sheets)[0]);
  }
  getLast(visibleOnly?: boolean): Worksheet {
    return this._method(Worksheet, "getLast", [visibleOnly], (wb: WorkbookModel) => {
      const l = visibleOnly ? wb.visibleSheets() : wb.sheets;
      return l[l.length - 1];
    });
  }
  getCount(visibleOnly?: boolean): ClientResult<number> {
    return this._result("getCount", [visibleOnly], (wb: WorkbookModel) => (visibleOnly ? wb.visibleSheets() : wb.sheets).length);
  }
}

export class Worksheet extends ClientObject {
  static navs = ["tables", "names", "charts", "freezePanes", "pageLayout", "protection"];
  get _className() { return "Worksheet"; }
  get tables(): TableCollection { return this._nav(TableCollection, "tables", (s: SheetModel) => ({ wb: this._model, sheet: s })); }
  get names(): NamedItemCollection { return this._nav(NamedItemCollection, "names", (s: SheetModel) => ({ wb: this._model, sheet: s })); }
  get charts(): ChartCollection { return this._nav(ChartCollection, "charts"); }
  get freezePanes(): WorksheetFreezePanes { return this._nav(WorksheetFreezePanes, "freezePanes"); }
  get pageLayout(): PageLayout { return this._nav(PageLayout, "pageLayout"); }
  get protection(): WorksheetProtection { return this._nav(WorksheetProtection, "protection"); }
  get onChanged() { this._requireApi("onChanged"); return new EventHandlers(this, "onChanged"); }
  get onActivated() { this._requireApi("onActivated"); return new EventHandlers(this, "onActivated"); }
  get onDeactivated() { this._requireApi("onDeactivated"); return new EventHandlers(this, "onDeactivated"); }
  get onSelectionChanged() { this._requireApi("onSelectionChanged"); return new EventHandlers(this, "onSelectionChanged"); }
  get onCalculated() { this._requireApi("onCalculated"); return new EventHandlers(this, "onCalculated"); }
  activate(): void {
    this._invoke("activate", [], (s: SheetModel) => this._model.activate(s));
  }
  delete(): void {
    this._invoke("delete", [], (s: SheetModel) => this._model.deleteSheet(s));
  }
  calculate(markAllDirty?: boolean): void {
    this._invoke("calculate", [markAllDirty], () => this._host.stats.calculations++);
  }
  getRange(address?: string): Range {
    return this._method(Range, "getRange", [address], (s: SheetModel) => rangeOf(s, rectOn(this._model, s, address)));
  }
  getRanges(address?: string): RangeAreas {
    return this._method(RangeAreas, "getRanges", [address], (s: SheetModel) => {
      const areas = address ? parseAreas(address) : [{ rect: { ...FULL } }];
      if (!areas) return fail(ErrorCodes.invalidArgument, `bad address ${address}`);
      return { sheet: s, rects: areas.map((a) => a.rect) };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    return this._method(Range, "getRangeByIndexes", [startRow, startColumn, rowCount, columnCount], (s: SheetModel) => {
      checkInt(startRow);
      checkInt(startColumn);
      checkInt(rowCount, 1);
      checkInt(columnCount, 1);
      return rangeOf(s, { r1: startRow, c1: startColumn, r2: startRow + rowCount - 1, c2: startColumn + columnCount - 1 });
    });
  }
  getCell(row: number, column: number): Range {
    return this._method(Range, "getCell", [row, column], (s: SheetModel) => rangeOf(s, { r1: checkInt(row), c1: checkInt(column), r2: row, c2: column }));
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return this._method(Range, "getUsedRange", [valuesOnly], (s: SheetModel) => ({ sheet: s, rect: s.usedRect(!!valuesOnly) ?? { r1: 0, c1: 0, r2: 0, c2: 0 } }));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this._method(Range, "getUsedRangeOrNullObject", [valuesOnly], (s: SheetModel) => {
      const r = s.usedRect(!!valuesOnly);
      return r ? { sheet: s, rect: r } : undefined;
    }, true);
  }
  getNext(visibleOnly?: boolean): Worksheet {
    return this._method(Worksheet, "getNext", [visibleOnly], (s: SheetModel) => this._neighbour(s, 1, !!visibleOnly));
  }
  getNextOrNullObject(visibleOnly?: boolean): Worksheet {
    return this._method(Worksheet, "getNextOrNullObject", [visibleOnly], (s: SheetModel) => this._neighbour(s, 1, !!visibleOnly), true);
  }
  getPrevious(visibleOnly?: boolean): Worksheet {
    return this._method(Worksheet, "getPrevious", [visibleOnly], (s: SheetModel) => this._neighbour(s, -1, !!visibleOnly));
  }
  getPreviousOrNullObject(visibleOnly?: boolean): Worksheet {
    return this._method(Worksheet, "getPreviousOrNullObject", [visibleOnly], (s: SheetModel) => this._neighbour(s, -1, !!visibleOnly), true);
  }
  _neighbour(s: SheetModel, dir: number, visibleOnly: boolean): SheetModel | undefined {
    const list = visibleOnly ? this._model.visibleSheets() : this._model.sheets;
    return list[list.indexOf(s) + dir];
  }
}
defineProps(Worksheet, {
  name: { get: (s: SheetModel) => s.name, set: (s: SheetModel, v, p) => p._model.renameSheet(s, v) },
  id: { get: (s: SheetModel) => s.id },
  position: { get: (s: SheetModel, p) => p._model.sheets.indexOf(s), set: (s: SheetModel, v, p) => p._model.moveSheet(s, v) },
  visibility: { get: (s: SheetModel) => s.visibility, set: (s: SheetModel, v, p) => p._model.setVisibility(s, v) },
  tabColor: { get: (s: SheetModel) => s.tabColor, set: (s: SheetModel, v) => (s.tabColor = normalizeColor(v, true)) },
  showGridlines: { get: (s: SheetModel) => s.showGridlines, set: (s: SheetModel, v) => (s.showGridlines = checkBool(v)) },
  showHeadings: { get: (s: SheetModel) => s.showHeadings, set: (s: SheetModel, v) => (s.showHeadings = checkBool(v)) },
  standardWidth: { get: (s: SheetModel) => s.standardWidth, set: (s: SheetModel, v) => (s.standardWidth = checkNumber(v, 0, 255)) },
  standardHeight: { get: () => 15 },
});

export class WorksheetFreezePanes extends ClientObject {
  get _className() { return "WorksheetFreezePanes"; }
  freezeRows(count = 1): void {
    this._invoke("freezeRows", [count], (s: SheetModel) => (s.freeze = { rows: checkInt(count, 0, MAX_ROWS - 1), columns: 0 }), { format: true });
  }
  freezeColumns(count = 1): void {
    this._invoke("freezeColumns", [count], (s: SheetModel) => (s.freeze = { rows: 0, columns: checkInt(count, 0, MAX_COLS - 1) }), { format: true });
  }
  freezeAt(frozenRange: Range | string): void {
    this._invoke("freezeAt", [frozenRange], (s: SheetModel) => {
      const r = rangeArg(this, frozenRange, s).rect;
      s.freeze = { rows: isEntireColumns(r) ? 0 : r.r2 + 1, columns: isEntireRows(r) ? 0 : r.c2 + 1 };
    }, { format: true });
  }
  unfreeze(): void {
    this._invoke("unfreeze", [], (s: SheetModel) => (s.freeze = { rows: 0, columns: 0 }));
  }
  getLocationOrNullObject(): Range {
    return this._method(Range, "getLocationOrNullObject", [], (s: SheetModel) => frozenRange(s), true);
  }
  getLocation(): Range {
    return this._method(Range, "getLocation", [], (s: SheetModel) => frozenRange(s));
  }
}
function frozenRange(s: SheetModel): R | undefined {
  const { rows, columns } = s.freeze;
  if (!rows && !columns) return undefined;
  return { sheet: s, rect: { r1: 0, c1: 0, r2: rows ? rows - 1 : MAX_ROWS - 1, c2: columns ? columns - 1 : MAX_COLS - 1 } };
}

export class WorksheetProtection extends ClientObject {
  get _className() { return "WorksheetProtection"; }
  protect(options?: Record<string, boolean>, password?: string): void {
    this._invoke("protect", [options, password], (s: SheetModel) => {
      if (s.protection.protected) fail(ErrorCodes.invalidOperation, "the sheet is already protected");
      s.protection = { protected: true, options: { ...(options ?? {}) } };
      (s.protection as { password?: string }).password = password;
    });
  }
  unprotect(password?: string): void {
    this._invoke("unprotect", [password], (s: SheetModel) => {
      const pw = (s.protection as { password?: string }).password;
      if (pw && pw !== password) fail(ErrorCodes.invalidArgument, "bad password");
      s.protection = { protected: false, options: {} };
    });
  }
}
defineProps(WorksheetProtection, {
  protected: { get: (s: SheetModel) => s.protection.protected },
  options: { get: (s: SheetModel) => ({ ...s.protection.options }) },
});

// ================================================================== Range

/** The cell sides a border index covers in a range, as rectangles of cells and the side of each. */
function edgeRects(r: Rect, index: string): Array<[Rect, EdgeName]> {
  switch (index) {
    case "EdgeTop": return [[{ ...r, r2: r.r1 }, "EdgeTop"]];
    case "EdgeBottom": return [[{ ...r, r1: r.r2 }, "EdgeBottom"]];
    case "EdgeLeft": return [[{ ...r, c2: r.c1 }, "EdgeLeft"]];
    case "EdgeRight": return [[{ ...r, c1: r.c2 }, "EdgeRight"]];
    case "InsideHorizontal":
      return r.r2 > r.r1 ? [[{ ...r, r2: r.r2 - 1 }, "EdgeBottom"], [{ ...r, r1: r.r1 + 1 }, "EdgeTop"]] : [];
    case "InsideVertical":
      return r.c2 > r.c1 ? [[{ ...r, c2: r.c2 - 1 }, "EdgeRight"], [{ ...r, c1: r.c1 + 1 }, "EdgeLeft"]] : [];
    case "DiagonalDown": return [[r, "DiagonalDown"]];
    case "DiagonalUp": return [[r, "DiagonalUp"]];
    default:
      return fail(ErrorCodes.invalidArgument, `bad border index ${index}`);
  }
}

const BORDER_INDEXES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

function hyperlinkOf(e: R) {
  const c = e.sheet.get(e.rect.r1, e.rect.c1);
  return c?.link ? { ...c.link } : null;
}

/** One cell's hyperlink (Range.hyperlink, setCellProperties): textToDisplay replaces the cell's value. */
function setLink(sheet: SheetModel, r: number, c: number, v: unknown): void {
  if (!v || typeof v !== "object") fail(ErrorCodes.invalidArgument, "a hyperlink is an object");
  const link = v as Record<string, unknown>;
  const cell = sheet.ensure(r, c);
  cell.link = {};
  for (const k of ["address", "documentReference", "screenTip", "textToDisplay"] as const) if (typeof link[k] === "string") cell.link[k] = link[k] as string;
  if (typeof link.textToDisplay === "string") {
    cell.v = link.textToDisplay as string;
    delete cell.f;
  } else if (cell.v === "" && !cell.f) cell.v = (link.address as string) ?? (link.documentReference as string) ?? "";
  sheet.prune(r, c);
}

export class Range extends ClientObject {
  static navs = ["format", "dataValidation", "conditionalFormats", "worksheet"];
  get _className() { return "Range"; }
  get format(): RangeFormat { return this._nav(RangeFormat, "format"); }
  get dataValidation(): DataValidation { return this._nav(DataValidation, "dataValidation"); }
  get conditionalFormats(): ConditionalFormatCollection { return this._nav(ConditionalFormatCollection, "conditionalFormats"); }
  get worksheet(): Worksheet { return this._nav(Worksheet, "worksheet", (e: R) => e.sheet); }

  _rel(member: string, args: unknown[], f: (e: R) => Rect): Range {
    return this._method(Range, member, args, (e: R) => rangeOf(e.sheet, f(e)));
  }
  getCell(row: number, column: number): Range {
    return this._rel("getCell", [row, column], (e) => ({ r1: e.rect.r1 + checkInt(row), c1: e.rect.c1 + checkInt(column), r2: e.rect.r1 + row, c2: e.rect.c1 + column }));
  }
  getRow(row: number): Range {
    return this._rel("getRow", [row], (e) => ({ r1: e.rect.r1 + checkInt(row), c1: e.rect.c1, r2: e.rect.r1 + row, c2: e.rect.c2 }));
  }
  getColumn(column: number): Range {
    return this._rel("getColumn", [column], (e) => ({ r1: e.rect.r1, c1: e.rect.c1 + checkInt(column), r2: e.rect.r2, c2: e.rect.c1 + column }));
  }
  getRowsAbove(count = 1): Range {
    return this._rel("getRowsAbove", [count], (e) => ({ r1: e.rect.r1 - checkInt(count, 1), c1: e.rect.c1, r2: e.rect.r1 - 1, c2: e.rect.c2 }));
  }
  getRowsBelow(count = 1): Range {
    return this._rel("getRowsBelow", [count], (e) => ({ r1: e.rect.r2 + 1, c1: e.rect.c1, r2: e.rect.r2 + checkInt(count, 1), c2: e.rect.c2 }));
  }
  getColumnsBefore(count = 1): Range {
    return this._rel("getColumnsBefore", [count], (e) => ({ r1: e.rect.r1, c1: e.rect.c1 - checkInt(count, 1), r2: e.rect.r2, c2: e.rect.c1 - 1 }));
  }
  getColumnsAfter(count = 1): Range {
    return this._rel("getColumnsAfter", [count], (e) => ({ r1: e.rect.r1, c1: e.rect.c2 + 1, r2: e.rect.r2, c2: e.rect.c2 + checkInt(count, 1) }));
  }
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return this._rel("getResizedRange", [deltaRows, deltaColumns], (e) => ({ ...e.rect, r2: e.rect.r2 + checkInt(deltaRows, -MAX_ROWS), c2: e.rect.c2 + checkInt(deltaColumns, -MAX_COLS) }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): Range {
    return this._rel("getAbsoluteResizedRange", [numRows, numColumns], (e) => ({ ...e.rect, r2: e.rect.r1 + checkInt(numRows, 1) - 1, c2: e.rect.c1 + checkInt(numColumns, 1) - 1 }));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): Range {
    return this._rel("getOffsetRange", [rowOffset, columnOffset], (e) => {
      const dr = checkInt(rowOffset, -MAX_ROWS);
      const dc = checkInt(columnOffset, -MAX_COLS);
      return { r1: e.rect.r1 + dr, c1: e.rect.c1 + dc, r2: e.rect.r2 + dr, c2: e.rect.c2 + dc };
    });
  }
  getEntireRow(): Range {
    return this._rel("getEntireRow", [], (e) => ({ r1: e.rect.r1, c1: 0, r2: e.rect.r2, c2: MAX_COLS - 1 }));
  }
  getEntireColumn(): Range {
    return this._rel("getEntireColumn", [], (e) => ({ r1: 0, c1: e.rect.c1, r2: MAX_ROWS - 1, c2: e.rect.c2 }));
  }
  getLastCell(): Range {
    return this._rel("getLastCell", [], (e) => ({ r1: e.rect.r2, c1: e.rect.c2, r2: e.rect.r2, c2: e.rect.c2 }));
  }
  getLastRow(): Range {
    return this._rel("getLastRow", [], (e) => ({ ...e.rect, r1: e.rect.r2 }));
  }
  getLastColumn(): Range {
    return this._rel("getLastColumn", [], (e) => ({ ...e.rect, c1: e.rect.c2 }));
  }
  getIntersection(anotherRange: Range | string): Range {
    return this._method(Range, "getIntersection", [anotherRange], (e: R) => {
      const o = rangeArg(this, anotherRange, e.sheet);
      const x = o.sheet === e.sheet ? intersection(e.rect, o.rect) : null;
      return x ? { sheet: e.sheet, rect: x } : undefined;
    });
  }
  getIntersectionOrNullObject(anotherRange: Range | string): Range {
    return this._method(Range, "getIntersectionOrNullObject", [anotherRange], (e: R) => {
      const o = rangeArg(this, anotherRange, e.sheet);
      const x = o.sheet === e.sheet ? intersection(e.rect, o.rect) : null;
      return x ? { sheet: e.sheet, rect: x } : undefined;
    }, true);
  }
  getBoundingRect(anotherRange: Range | string): Range {
    return this._method(Range, "getBoundingRect", [anotherRange], (e: R) => {
      const o = rangeArg(this, anotherRange, e.sheet);
      if (o.sheet !== e.sheet) fail(ErrorCodes.invalidArgument, "ranges on different sheets");
      return { sheet: e.sheet, rect: boundingRect(e.rect, o.rect) };
    });
  }
  getUsedRange(valuesOnly?: boolean): Range {
    return this._method(Range, "getUsedRange", [valuesOnly], (e: R) => {
      const u = e.sheet.usedRect(!!valuesOnly);
      const x = u ? intersection(u, e.rect) : null;
      return x ? { sheet: e.sheet, rect: x } : undefined;
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    return this._method(Range, "getUsedRangeOrNullObject", [valuesOnly], (e: R) => {
      const u = e.sheet.usedRect(!!valuesOnly);
      const x = u ? intersection(u, e.rect) : null;
      return x ? { sheet: e.sheet, rect: x } : undefined;
    }, true);
  }
  getMergedAreasOrNullObject(): RangeAreas {
    return this._method(RangeAreas, "getMergedAreasOrNullObject", [], (e: R) => {
      const areas = e.sheet.merges.filter((m) => intersects(m, e.rect));
      return areas.length ? { sheet: e.sheet, rects: areas.map((m) => ({ ...m })) } : undefined;
    }, true);
  }
  getSpecialCells(cellType: string, cellValueType?: string): RangeAreas {
    return this._method(RangeAreas, "getSpecialCells", [cellType, cellValueType], (e: R) => specialCells(this._model, e, cellType, cellValueType));
  }
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): RangeAreas {
    return this._method(RangeAreas, "getSpecialCellsOrNullObject", [cellType, cellValueType], (e: R) => specialCells(this._model, e, cellType, cellValueType), true);
  }
  insert(shift: string): Range {
    return this._method(Range, "insert", [shift], (e: R) => {
      if (shift !== "Down" && shift !== "Right") fail(ErrorCodes.invalidArgument, `bad shift ${shift}`);
      if (isEntireRows(e.rect) || (shift === "Down" && !isEntireColumns(e.rect))) {
        this._model.shift(e.sheet, "rows", e.rect.r1, e.rect.r2 - e.rect.r1 + 1, e.rect.c1, e.rect.c2);
      } else this._model.shift(e.sheet, "cols", e.rect.c1, e.rect.c2 - e.rect.c1 + 1, e.rect.r1, e.rect.r2);
      return { sheet: e.sheet, rect: { ...e.rect } };
    }, false, true);
  }
  delete(shift: string): void {
    this._invoke("delete", [shift], (e: R) => {
      if (shift !== "Up" && shift !== "Left") fail(ErrorCodes.invalidArgument, `bad shift ${shift}`);
      if (isEntireRows(e.rect) || (shift === "Up" && !isEntireColumns(e.rect))) {
        this._model.shift(e.sheet, "rows", e.rect.r1, -(e.rect.r2 - e.rect.r1 + 1), e.rect.c1, e.rect.c2);
      } else this._model.shift(e.sheet, "cols", e.rect.c1, -(e.rect.c2 - e.rect.c1 + 1), e.rect.r1, e.rect.r2);
    });
  }
  clear(applyTo: string = "All"): void {
    this._invoke("clear", [applyTo], (e: R) => this._model.clear(e.sheet, e.rect, applyTo));
  }
  select(): void {
    this._invoke("select", [], (e: R) => {
      this._model.activate(e.sheet);
      e.sheet.selection = { ...e.rect };
    });
  }
  /**
   * Per-cell properties (ExcelApi 1.9): a matrix the size of the range, `{}` leaving a cell as it
   * is. Only hyperlinks are modelled; `format` and `style` are refused, so no test passes on them.
   */
  setCellProperties(cellPropertiesData: unknown): void {
    this._invoke("setCellProperties", [cellPropertiesData], (e: R) => {
      const rows = e.rect.r2 - e.rect.r1 + 1, cols = e.rect.c2 - e.rect.c1 + 1;
      const data = cellPropertiesData as Array<Array<Record<string, unknown> | null>>;
      if (!Array.isArray(data) || data.length !== rows || data.some((row) => !Array.isArray(row) || row.length !== cols)) {
        fail(ErrorCodes.invalidArgument, "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
      }
      data.forEach((row, i) => row.forEach((props, j) => {
        const other = Object.keys(props ?? {}).filter((k) => k !== "hyperlink");
        if (other.length) fail(ErrorCodes.notImplemented, `excelHost: setCellProperties ${other.join(", ")} is not modelled.`);
        if (props?.hyperlink !== undefined) setLink(e.sheet, e.rect.r1 + i, e.rect.c1 + j, props.hyperlink);
      }));
      this._model.syncTableHeaders(e.sheet, e.rect);
    });
  }
  merge(across = false): void {
    this._invoke("merge", [across], (e: R) => this._model.merge(e.sheet, e.rect, !!across), { format: true });
  }
  unmerge(): void {
    this._invoke("unmerge", [], (e: R) => this._model.unmerge(e.sheet, e.rect), { format: true });
  }
  calculate(): void {
    this._invoke("calculate", [], () => this._host.stats.calculations++);
  }
  showCard(): void {
    this._invoke("showCard", [], () => undefined);
  }
}
defineProps(Range, {
  address: { get: (e: R) => qualified(e.sheet.name, e.rect) },
  addressLocal: { get: (e: R) => qualified(e.sheet.name, e.rect) },
  cellCount: { get: (e: R) => rectCells(e.rect) },
  rowCount: { get: (e: R) => e.rect.r2 - e.rect.r1 + 1 },
  columnCount: { get: (e: R) => e.rect.c2 - e.rect.c1 + 1 },
  rowIndex: { get: (e: R) => e.rect.r1 },
  columnIndex: { get: (e: R) => e.rect.c1 },
  values: {
    get: (e: R, p) => p._model.readMatrix(e.sheet, e.rect, "values"),
    set: (e: R, v, p) => p._model.write(e.sheet, e.rect, v, "values", p._host.stats),
  },
  formulas: {
    get: (e: R, p) => p._model.readMatrix(e.sheet, e.rect, "formulas"),
    set: (e: R, v, p) => p._model.write(e.sheet, e.rect, v, "formulas", p._host.stats),
  },
  formulasLocal: {
    get: (e: R, p) => p._model.readMatrix(e.sheet, e.rect, "formulas"),
    set: (e: R, v, p) => p._model.write(e.sheet, e.rect, v, "formulas", p._host.stats),
  },
  numberFormat: {
    get: (e: R, p) => p._model.readMatrix(e.sheet, e.rect, "numberFormat"),
    set: (e: R, v, p) => p._model.writeNumberFormat(e.sheet, e.rect, v, p._host.stats),
  },
  numberFormatLocal: {
    get: (e: R, p) => p._model.readMatrix(e.sheet, e.rect, "numberFormat"),
    set: (e: R, v, p) => p._model.writeNumberFormat(e.sheet, e.rect, v, p._host.stats),
  },
  text: { get: (e: R, p) => p._model.readMatrix(e.sheet, e.rect, "text") },
  valueTypes: { get: (e: R, p) => p._model.readMatrix(e.sheet, e.rect, "valueTypes") },
  isEntireColumn: { get: (e: R) => isEntireColumns(e.rect) },
  isEntireRow: { get: (e: R) => isEntireRows(e.rect) },
  rowHidden: {
    get: (e: R) => tri(e.rect.r1, e.rect.r2, (i) => e.sheet.hiddenRows.has(i)),
    set: (e: R, v) => {
      checkBool(v);
      for (let i = e.rect.r1; i <= Math.min(e.rect.r2, e.rect.r1 + 100000); i++) v ? e.sheet.hiddenRows.add(i) : e.sheet.hiddenRows.delete(i);
    },
    format: true,
  },
  columnHidden: {
    get: (e: R) => tri(e.rect.c1, e.rect.c2, (i) => e.sheet.hiddenCols.has(i)),
    set: (e: R, v) => {
      checkBool(v);
      for (let i = e.rect.c1; i <= e.rect.c2; i++) v ? e.sheet.hiddenCols.add(i) : e.sheet.hiddenCols.delete(i);
    },
    format: true,
  },
  hidden: {
    get: (e: R) => {
      const rows = tri(e.rect.r1, e.rect.r2, (i) => e.sheet.hiddenRows.has(i));
      const cols = tri(e.rect.c1, e.rect.c2, (i) => e.sheet.hiddenCols.has(i));
      return rows === true || cols === true ? true : rows === false && cols === false ? false : null;
    },
  },
  hyperlink: {
    get: (e: R) => hyperlinkOf(e),
    set: (e: R, v, p) => {
      for (let r = e.rect.r1; r <= e.rect.r2; r++) for (let c = e.rect.c1; c <= e.rect.c2; c++) setLink(e.sheet, r, c, v);
      p._model.syncTableHeaders(e.sheet, e.rect);
    },
  },
  style: {
    get: (e: R, p) => p._model.uniform(e.sheet, e.rect, (st) => st.style ?? "Normal"),
    set: (e: R, v, p) => p._model.applyStyle(e.sheet, e.rect, (st) => (v === "Normal" ? delete st.style : (st.style = checkString(v)))),
    format: true,
  },
  height: { get: (e: R) => sum(e.rect.r1, e.rect.r2, (i) => (e.sheet.hiddenRows.has(i) ? 0 : e.sheet.rowHeight(i))) },
  width: { get: (e: R) => sum(e.rect.c1, e.rect.c2, (i) => (e.sheet.hiddenCols.has(i) ? 0 : e.sheet.columnWidth(i))) },
  top: { get: (e: R) => sum(0, e.rect.r1 - 1, (i) => (e.sheet.hiddenRows.has(i) ? 0 : e.sheet.rowHeight(i))) },
  left: { get: (e: R) => sum(0, e.rect.c1 - 1, (i) => (e.sheet.hiddenCols.has(i) ? 0 : e.sheet.columnWidth(i))) },
});

function tri(a: number, b: number, f: (i: number) => boolean): boolean | null {
  let yes = false;
  let no = false;
  const end = Math.min(b, a + 200000);
  for (let i = a; i <= end; i++) (f(i) ? (yes = true) : (no = true));
  return yes && no ? null : yes;
}

function sum(a: number, b: number, f: (i: number) => number): number {
  let s = 0;
  const end = Math.min(b, a + 200000);
  for (let i = a; i <= end; i++) s += f(i);
  return Math.round(s * 100) / 100;
}

function specialCells(model: WorkbookModel, e: R, cellType: string, valueType?: string): Areas | undefined {
  checkEnum("SpecialCellType", cellType);
  const used = e.sheet.usedRect(false);
  const area = used ? intersection(used, e.rect) : null;
  if (!area) return undefined;
  const hits: Rect[] = [];
  for (let r = area.r1; r <= area.r2; r++) {
    let start = -1;
    for (let c = area.c1; c <= area.c2 + 1; c++) {
      let ok = false;
      if (c <= area.c2) {
        const cell = e.sheet.get(r, c);
        const t = model.apiValueType(e.sheet, r, c);
        if (cellType === "Blanks") ok = !cell || (cell.v === "" && !cell.f);
        else if (cellType === "Constants") ok = !!cell && !cell.f && cell.v !== "" && valueOk(t, valueType);
        else if (cellType === "Formulas") ok = !!cell?.f && valueOk(t, valueType);
        else if (cellType === "Visible") ok = !e.sheet.hiddenRows.has(r) && !e.sheet.hiddenCols.has(c);
        else if (cellType === "DataValidations") ok = e.sheet.validations.some((d) => intersects(d.rect, { r1: r, c1: c, r2: r, c2: c }));
        else if (cellType === "ConditionalFormats") ok = e.sheet.conditionalFormats.some((cf) => cf.rects.some((x) => intersects(x, { r1: r, c1: c, r2: r, c2: c })));
      }
      if (ok && start < 0) start = c;
      if (!ok && start >= 0) {
        hits.push({ r1: r, c1: start, r2: r, c2: c - 1 });
        start = -1;
      }
    }
  }
  if (!hits.length) return undefined;
  return { sheet: e.sheet, rects: hits };
}

function valueOk(t: string, valueType?: string): boolean {
  if (!valueType || valueType === "All") return true;
  const map: Record<string, string> = { Double: "Numbers", String: "Text", Boolean: "Logical", Error: "Errors" };
  return valueType.includes(map[t] ?? "__");
}

// ================================================================== RangeAreas

export class RangeAreas extends ClientObject {
  static navs = ["areas", "worksheet"];
  get _className() { return "RangeAreas"; }
  get areas(): RangeCollection { return this._nav(RangeCollection, "areas"); }
  get worksheet(): Worksheet { return this._nav(Worksheet, "worksheet", (e: Areas) => e.sheet); }
  clear(applyTo: string = "All"): void {
    this._invoke("clear", [applyTo], (e: Areas) => e.rects.forEach((r) => this._model.clear(e.sheet, r, applyTo)));
  }
  select(): void {
    this._invoke("select", [], (e: Areas) => {
      this._model.activate(e.sheet);
      e.sheet.selection = { ...e.rects[0] };
    });
  }
}
defineProps(RangeAreas, {
  address: { get: (e: Areas) => e.rects.map((r) => qualified(e.sheet.name, r)).join(", ") },
  addressLocal: { get: (e: Areas) => e.rects.map((r) => qualified(e.sheet.name, r)).join(", ") },
  areaCount: { get: (e: Areas) => e.rects.length },
  cellCount: { get: (e: Areas) => e.rects.reduce((n, r) => n + rectCells(r), 0) },
  isEntireColumn: { get: (e: Areas) => e.rects.every(isEntireColumns) },
  isEntireRow: { get: (e: Areas) => e.rects.every(isEntireRows) },
});

export class RangeCollection extends CollectionObject<Range> {
  get _className() { return "RangeCollection"; }
  _itemClass() { return Range; }
  _entities(e: Areas) { return e.rects.map((rect) => ({ sheet: e.sheet, rect })); }
  getCount(): ClientResult<number> {
    return this._result("getCount", [], (e: Areas) => e.rects.length);
  }
  getItemAt(index: number): Range {
    return this._method(Range, "getItemAt", [index], (e: Areas) => (e.rects[index] ? { sheet: e.sheet, rect: e.rects[index] } : undefined));
  }
}

// ================================================================== formats

export class RangeFormat extends ClientObject {
  static navs = ["font", "fill", "borders", "protection"];
  get _className() { return "RangeFormat"; }
  get font(): RangeFont { return this._nav(RangeFont, "font"); }
  get fill(): RangeFill { return this._nav(RangeFill, "fill"); }
  get borders(): RangeBorderCollection { return this._nav(RangeBorderCollection, "borders"); }
  get protection(): FormatProtection { return this._nav(FormatProtection, "protection"); }
  autofitColumns(): void {
    this._invoke("autofitColumns", [], (e: R) => autofit(this._model, e, "columns"), { format: true });
  }
  autofitRows(): void {
    this._invoke("autofitRows", [], (e: R) => autofit(this._model, e, "rows"), { format: true });
  }
}

function autofit(model: WorkbookModel, e: R, what: "columns" | "rows"): void {
  const used = e.sheet.usedRect(true);
  const area = used ? intersection(used, e.rect) : null;
  if (what === "columns") {
    for (let c = e.rect.c1; c <= Math.min(e.rect.c2, e.rect.c1 + 16383); c++) {
      let best = 0;
      if (area && c >= area.c1 && c <= area.c2) {
        for (const [r, , cell] of e.sheet.cellsIn({ r1: area.r1, c1: c, r2: area.r2, c2: c })) {
          if (cell.st?.wrapText || e.sheet.mergeAt(r, c)) continue; // Excel ignores wrapped and merged cells
          const size = cell.st?.font?.size ?? DEFAULT_FONT.size;
          const text = model.apiText(e.sheet, r, c);
          const w = Math.max(...text.split("\n").map((l) => l.length)) * 5.6 * (size / 11) + (cell.st?.font?.bold ? 2 : 0) + 5;
          best = Math.max(best, w);
        }
      }
      if (best > 0) e.sheet.colWidths.set(c, Math.min(Math.round(best * 100) / 100, 1789));
    }
  } else {
    for (let r = e.rect.r1; r <= Math.min(e.rect.r2, e.rect.r1 + 100000); r++) {
      let best = 0;
      if (area && r >= area.r1 && r <= area.r2) {
        for (const [, c, cell] of e.sheet.cellsIn({ r1: r, c1: area.c1, r2: r, c2: area.c2 })) {
          if (e.sheet.mergeAt(r, c)) continue;
          const size = cell.st?.font?.size ?? DEFAULT_FONT.size;
          const text = model.apiText(e.sheet, r, c);
          const perLine = Math.max(1, Math.floor(e.sheet.columnWidth(c) / (5.6 * (size / 11))));
          const lines = cell.st?.wrapText ? text.split("\n").reduce((n, l) => n + Math.max(1, Math.ceil(l.length / perLine)), 0) : text.split("\n").length;
          best = Math.max(best, lines * 15 * (size / 11));
        }
      }
      if (best > 0) e.sheet.rowHeights.set(r, Math.min(Math.round(best * 100) / 100, 409));
      else e.sheet.rowHeights.delete(r);
      e.sheet.fittedRows.add(r);
    }
  }
}

const styleProp = <K extends keyof StyleModel>(key: K, dflt: StyleModel[K], check: (v: unknown) => StyleModel[K]) => ({
  get: (e: R, p: ClientObject) => p._model.uniform(e.sheet, e.rect, (st) => st[key] ?? dflt),
  set: (e: R, v: unknown, p: ClientObject) => {
    const val = check(v);
    p._model.applyStyle(e.sheet, e.rect, (st) => {
      if (val === dflt) delete st[key];
      else st[key] = val;
    });
  },
  format: true,
});

defineProps(RangeFormat, {
  columnWidth: {
    get: (e: R) => {
      const w = e.sheet.columnWidth(e.rect.c1);
      for (let c = e.rect.c1; c <= e.rect.c2; c++) if (e.sheet.columnWidth(c) !== w) return null;
      return w;
    },
    set: (e: R, v) => {
      const w = checkNumber(v, 0, 1789);
      for (let c = e.rect.c1; c <= e.rect.c2; c++) e.sheet.colWidths.set(c, w);
    },
    format: true,
  },
  rowHeight: {
    get: (e: R) => {
      const h = e.sheet.rowHeight(e.rect.r1);
      for (let r = e.rect.r1; r <= Math.min(e.rect.r2, e.rect.r1 + 200000); r++) if (e.sheet.rowHeight(r) !== h) return null;
      return h;
    },
    set: (e: R, v) => {
      const h = checkNumber(v, 0, 409);
      for (let r = e.rect.r1; r <= Math.min(e.rect.r2, e.rect.r1 + 1048575); r++) {
        e.sheet.rowHeights.set(r, h);
        e.sheet.fittedRows.delete(r);
      }
    },
    format: true,
  },
  horizontalAlignment: styleProp("horizontalAlignment", "General", (v) => checkEnum("HorizontalAlignment", v)),
  verticalAlignment: styleProp("verticalAlignment", "Bottom", (v) => checkEnum("VerticalAlignment", v)),
  wrapText: styleProp("wrapText", false, checkBool),
  indentLevel: styleProp("indentLevel", 0, (v) => checkInt(v, 0, 250)),
  textOrientation: styleProp("textOrientation", 0, (v) => checkInt(v, -90, 255)),
  useStandardWidth: { get: (e: R) => !Array.from({ length: Math.min(e.rect.c2 - e.rect.c1 + 1, 16384) }, (_x, i) => e.rect.c1 + i).some((c) => e.sheet.colWidths.has(c)) },
  useStandardHeight: { get: (e: R) => !Array.from({ length: Math.min(e.rect.r2 - e.rect.r1 + 1, 100000) }, (_x, i) => e.rect.r1 + i).some((r) => e.sheet.rowHeights.has(r)) },
  autoIndent: { get: () => false },
  shrinkToFit: { get: () => false },
  readingOrder: { get: () => "Context" },
});

const fontProp = <K extends keyof FontModel>(key: K, check: (v: unknown) => FontModel[K]) => ({
  get: (e: R, p: ClientObject) => p._model.uniform(e.sheet, e.rect, (st) => st.font?.[key] ?? DEFAULT_FONT[key]),
  set: (e: R, v: unknown, p: ClientObject) => {
    const val = check(v);
    p._model.applyStyle(e.sheet, e.rect, (st) => {
      const f: FontModel = { ...(st.font ?? {}) };
      if (val === DEFAULT_FONT[key]) delete f[key];
      else f[key] = val;
      if (Object.keys(f).length) st.font = f;
      else delete st.font;
    });
  },
  format: true,
});

export class RangeFont extends ClientObject {
  get _className() { return "RangeFont"; }
}
defineProps(RangeFont, {
  bold: fontProp("bold", checkBool),
  italic: fontProp("italic", checkBool),
  strikethrough: fontProp("strikethrough", checkBool),
  underline: fontProp("underline", (v) => checkEnum("RangeUnderlineStyle", v)),
  color: fontProp("color", (v) => normalizeColor(v)),
  size: fontProp("size", (v) => checkNumber(v, 1, 409)),
  name: fontProp("name", (v) => checkString(v)),
});

export class RangeFill extends ClientObject {
  get _className() { return "RangeFill"; }
  clear(): void {
    this._invoke("clear", [], (e: R) => this._model.applyStyle(e.sheet, e.rect, (st) => delete st.fill), { format: true });
  }
}
defineProps(RangeFill, {
  color: {
    get: (e: R, p) => p._model.uniform(e.sheet, e.rect, (st) => st.fill ?? "#FFFFFF"),
    set: (e: R, v, p) => {
      const c = normalizeColor(v, true);
      p._model.applyStyle(e.sheet, e.rect, (st) => (c === "" ? delete st.fill : (st.fill = c)));
    },
    format: true,
  },
  pattern: { get: (e: R, p) => p._model.uniform(e.sheet, e.rect, (st) => (st.fill ? "Solid" : "None")) },
});

type BorderEnt = { sheet: SheetModel; rect: Rect; index: string };

export class RangeBorderCollection extends CollectionObject<RangeBorder> {
  get _className() { return "RangeBorderCollection"; }
  _itemClass() { return RangeBorder; }
  _entities(e: R) { return BORDER_INDEXES.map((index) => ({ sheet: e.sheet, rect: e.rect, index })); }
  getItem(index: string): RangeBorder {
    return this._method(RangeBorder, "getItem", [index], (e: R) => ({ sheet: e.sheet, rect: e.rect, index: checkEnum("BorderIndex", index) }));
  }
  getItemAt(index: number): RangeBorder {
    return this._method(RangeBorder, "getItemAt", [index], (e: R) => (BORDER_INDEXES[index] ? { sheet: e.sheet, rect: e.rect, index: BORDER_INDEXES[index] } : undefined));
  }
}
defineProps(RangeBorderCollection, { count: { get: () => BORDER_INDEXES.length } });

function borderProp(key: "style" | "color" | "weight", check: (v: unknown) => string) {
  return {
    get: (e: BorderEnt) => {
      let first: string | undefined;
      let seen = 0;
      for (const [rect, side] of edgeRects(e.rect, e.index)) {
        for (let r = rect.r1; r <= rect.r2; r++) {
          for (let c = rect.c1; c <= rect.c2; c++) {
            if (++seen > 200000) return first ?? DEFAULT_BORDER[key];
            const v = e.sheet.styleAt(r, c).borders?.[side]?.[key] ?? DEFAULT_BORDER[key];
            if (first === undefined) first = v;
            else if (v !== first) return null;
          }
        }
      }
      return first ?? DEFAULT_BORDER[key];
    },
    set: (e: BorderEnt, v: unknown, p: ClientObject) => {
      const val = check(v);
      for (const [rect, side] of edgeRects(e.rect, e.index)) {
        p._model.applyStyle(e.sheet, rect, (st) => {
          const borders = { ...(st.borders ?? {}) };
          const b = { ...(borders[side] ?? DEFAULT_BORDER) };
          b[key] = val;
          if (key !== "style" && b.style === "None") b.style = "Continuous";
          if (b.style === "None") delete borders[side];
          else borders[side] = b;
          if (Object.keys(borders).length) st.borders = borders;
          else delete st.borders;
        });
      }
    },
    format: true,
  };
}

export class RangeBorder extends ClientObject {
  get _className() { return "RangeBorder"; }
}
defineProps(RangeBorder, {
  sideIndex: { get: (e: BorderEnt) => e.index },
  style: borderProp("style", (v) => checkEnum("BorderLineStyle", v)),
  color: borderProp("color", (v) => normalizeColor(v)),
  weight: borderProp("weight", (v) => checkEnum("BorderWeight", v)),
});

export class FormatProtection extends ClientObject {
  get _className() { return "FormatProtection"; }
}
defineProps(FormatProtection, {
  locked: styleProp("locked", true, checkBool),
  formulaHidden: styleProp("formulaHidden", false, checkBool),
});

// ================================================================== data validation

export class DataValidation extends ClientObject {
  get _className() { return "DataValidation"; }
  clear(): void {
    this._invoke("clear", [], (e: R) => this._model.clearValidation(e.sheet, e.rect));
  }
}
const dvProp = (what: "errorAlert" | "prompt" | "ignoreBlanks") => ({
  get: (e: R, p: ClientObject) => p._model.readValidation(e.sheet, e.rect)[what],
  set: (e: R, v: unknown, p: ClientObject) => p._model.setValidation(e.sheet, e.rect, what, v),
});
defineProps(DataValidation, {
  type: { get: (e: R, p) => p._model.readValidation(e.sheet, e.rect).type },
  rule: {
    get: (e: R, p) => p._model.readValidation(e.sheet, e.rect).rule,
    set: (e: R, v, p) => {
      const rule = v && typeof v === "object" ? { ...(v as Record<string, unknown>) } : v;
      const list = rule && (rule as { list?: { source?: unknown } }).list;
      if (list && list.source instanceof ClientObject) (rule as { list: unknown }).list = { ...list, source: p._arg(list.source) };
      p._model.setValidation(e.sheet, e.rect, "rule", rule);
    },
  },
  errorAlert: dvProp("errorAlert"),
  prompt: dvProp("prompt"),
  ignoreBlanks: dvProp("ignoreBlanks"),
  valid: { get: (e: R, p) => p._model.readValidation(e.sheet, e.rect).valid },
});

// ================================================================== conditional formats

type CfEnt = { sheet: SheetModel; cf: ConditionalFormatModel };

export class ConditionalFormatCollection extends CollectionObject<ConditionalFormat> {
  get _className() { return "ConditionalFormatCollection"; }
  _itemClass() { return ConditionalFormat; }
  _entities(e: R) { return e.sheet.conditionalFormats.filter((cf) => cf.rects.some((r) => intersects(r, e.rect))).map((cf) => ({ sheet: e.sheet, cf })); }
  add(type: string): ConditionalFormat {
    return this._method(ConditionalFormat, "add", [type], (e: R) => ({ sheet: e.sheet, cf: this._model.addConditionalFormat(e.sheet, e.rect, type) }), false, true);
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", [], (e: R) => this._entities(e).length);
  }
  getItem(id: string): ConditionalFormat {
    return this._method(ConditionalFormat, "getItem", [id], (e: R) => this._entities(e).find((x) => x.cf.id === id));
  }
  getItemAt(index: number): ConditionalFormat {
    return this._method(ConditionalFormat, "getItemAt", [index], (e: R) => this._entities(e)[index]);
  }
  clearAll(): void {
    this._invoke("clearAll", [], (e: R) => this._model.clearConditionalFormats(e.sheet, e.rect));
  }
}

export class ConditionalFormat extends ClientObject {
  static navs = ["custom", "cellValue", "textComparison"];
  get _className() { return "ConditionalFormat"; }
  _typed<C extends ClientObject>(Cls: new (...a: any[]) => C, member: string, type: string): C {
    return this._nav(Cls as any, member, (e: CfEnt) => {
      if (e.cf.type !== type) fail(ErrorCodes.invalidOperation, `this conditional format is of type ${e.cf.type}, not ${type}`);
      return e;
    }) as C;
  }
  get custom(): CustomConditionalFormat { return this._typed(CustomConditionalFormat, "custom", "Custom"); }
  get cellValue(): CellValueConditionalFormat { return this._typed(CellValueConditionalFormat, "cellValue", "CellValue"); }
  get textComparison(): TextConditionalFormat { return this._typed(TextConditionalFormat, "textComparison", "ContainsText"); }
  delete(): void {
    this._invoke("delete", [], (e: CfEnt) => {
      e.sheet.conditionalFormats = e.sheet.conditionalFormats.filter((x) => x !== e.cf);
      (e.cf as { deleted?: boolean }).deleted = true;
    });
  }
  getRange(): Range {
    return this._method(Range, "getRange", [], (e: CfEnt) => {
      if (e.cf.rects.length !== 1) fail(ErrorCodes.invalidOperation, "the conditional format applies to several ranges");
      return { sheet: e.sheet, rect: e.cf.rects[0] };
    });
  }
  getRangeOrNullObject(): Range {
    return this._method(Range, "getRangeOrNullObject", [], (e: CfEnt) => (e.cf.rects.length === 1 ? { sheet: e.sheet, rect: e.cf.rects[0] } : undefined), true);
  }
  getRanges(): RangeAreas {
    return this._method(RangeAreas, "getRanges", [], (e: CfEnt) => ({ sheet: e.sheet, rects: e.cf.rects.map((r) => ({ ...r })) }));
  }
}
defineProps(ConditionalFormat, {
  id: { get: (e: CfEnt) => e.cf.id },
  type: { get: (e: CfEnt) => e.cf.type },
  priority: {
    get: (e: CfEnt) => e.sheet.conditionalFormats.indexOf(e.cf),
    set: (e: CfEnt, v) => {
      const list = e.sheet.conditionalFormats.filter((x) => x !== e.cf);
      list.splice(Math.min(checkInt(v), list.length), 0, e.cf);
      e.sheet.conditionalFormats = list;
    },
  },
  stopIfTrue: { get: (e: CfEnt) => e.cf.stopIfTrue, set: (e: CfEnt, v) => (e.cf.stopIfTrue = checkBool(v)) },
});

export class CustomConditionalFormat extends ClientObject {
  static navs = ["rule", "format"];
  get _className() { return "CustomConditionalFormat"; }
  get rule(): ConditionalFormatRule { return this._nav(ConditionalFormatRule, "rule"); }
  get format(): ConditionalRangeFormat { return this._nav(ConditionalRangeFormat, "format"); }
}

function checkCfFormula(v: unknown): string {
  const f = checkString(v);
  if (!f.startsWith("=")) fail(ErrorCodes.invalidArgument, `a conditional format formula starts with "=": ${f}`);
  if (!isWellFormed(f)) fail(ErrorCodes.invalidArgument, `malformed conditional format formula ${f}`);
  return f;
}

export class ConditionalFormatRule extends ClientObject {
  get _className() { return "ConditionalFormatRule"; }
}
defineProps(ConditionalFormatRule, {
  formula: { get: (e: CfEnt) => e.cf.rule.formula ?? "", set: (e: CfEnt, v) => (e.cf.rule.formula = checkCfFormula(v)) },
  formulaLocal: { get: (e: CfEnt) => e.cf.rule.formula ?? "", set: (e: CfEnt, v) => (e.cf.rule.formula = checkCfFormula(v)) },
});

export class CellValueConditionalFormat extends ClientObject {
  static navs = ["format"];
  get _className() { return "CellValueConditionalFormat"; }
  get format(): ConditionalRangeFormat { return this._nav(ConditionalRangeFormat, "format"); }
}
defineProps(CellValueConditionalFormat, {
  rule: {
    get: (e: CfEnt) => ({ formula1: e.cf.rule.formula1 ?? "", formula2: e.cf.rule.formula2, operator: e.cf.rule.operator ?? "Invalid" }),
    set: (e: CfEnt, v) => {
      const r = (v ?? {}) as Record<string, unknown>;
      const operator = checkEnum("ConditionalCellValueOperator", r.operator);
      if (r.formula1 === undefined) fail(ErrorCodes.invalidArgument, "formula1 is required");
      e.cf.rule = { formula1: String(r.formula1), ...(r.formula2 !== undefined ? { formula2: String(r.formula2) } : {}), operator };
    },
  },
});

export class TextConditionalFormat extends ClientObject {
  static navs = ["format"];
  get _className() { return "TextConditionalFormat"; }
  get format(): ConditionalRangeFormat { return this._nav(ConditionalRangeFormat, "format"); }
}
defineProps(TextConditionalFormat, {
  rule: {
    get: (e: CfEnt) => ({ operator: e.cf.rule.operator ?? "Contains", text: e.cf.rule.text ?? "" }),
    set: (e: CfEnt, v) => {
      const r = (v ?? {}) as Record<string, unknown>;
      e.cf.rule = { operator: checkEnum("ConditionalTextOperator", r.operator), text: checkString(r.text) };
    },
  },
});

export class ConditionalRangeFormat extends ClientObject {
  static navs = ["font", "fill"];
  get _className() { return "ConditionalRangeFormat"; }
  get font(): ConditionalRangeFont { return this._nav(ConditionalRangeFont, "font"); }
  get fill(): ConditionalRangeFill { return this._nav(ConditionalRangeFill, "fill"); }
}
defineProps(ConditionalRangeFormat, {
  numberFormat: { get: (e: CfEnt) => e.cf.format.numberFormat ?? null, set: (e: CfEnt, v) => (e.cf.format.numberFormat = String(Array.isArray(v) ? v[0]?.[0] : v)) },
});

export class ConditionalRangeFont extends ClientObject {
  get _className() { return "ConditionalRangeFont"; }
  clear(): void {
    this._invoke("clear", [], (e: CfEnt) => delete e.cf.format.font);
  }
}
const cfFont = <K extends keyof FontModel>(key: K, check: (v: unknown) => FontModel[K]) => ({
  get: (e: CfEnt) => e.cf.format.font?.[key] ?? null,
  set: (e: CfEnt, v: unknown) => (e.cf.format.font = { ...(e.cf.format.font ?? {}), [key]: check(v) }),
});
defineProps(ConditionalRangeFont, {
  bold: cfFont("bold", checkBool),
  italic: cfFont("italic", checkBool),
  strikethrough: cfFont("strikethrough", checkBool),
  underline: cfFont("underline", (v) => checkString(v)),
  color: cfFont("color", (v) => normalizeColor(v)),
});

export class ConditionalRangeFill extends ClientObject {
  get _className() { return "ConditionalRangeFill"; }
  clear(): void {
    this._invoke("clear", [], (e: CfEnt) => delete e.cf.format.fill);
  }
}
defineProps(ConditionalRangeFill, {
  color: { get: (e: CfEnt) => e.cf.format.fill ?? null, set: (e: CfEnt, v) => (e.cf.format.fill = normalizeColor(v)) },
});


// ================================================================== tables

export class TableCollection extends CollectionObject<Table> {
  get _className() { return "TableCollection"; }
  _itemClass() { return Table; }
  _entities(e: Scope) { return e.wb.tables.filter((t) => !e.sheet || t.sheet === e.sheet); }
  _itemLabel(t: TableModel) { return `getItem(${JSON.stringify(t.name)})`; }
  get onChanged() { return new EventHandlers(this, "onChanged"); }
  get onAdded() { return new EventHandlers(this, "onAdded"); }
  get onDeleted() { return new EventHandlers(this, "onDeleted"); }
  add(address: Range | string, hasHeaders: boolean, name?: string): Table {
    return this._method(Table, "add", [address, hasHeaders], (e: Scope) => {
      let r: R;
      if (address instanceof ClientObject) r = this._arg(address) as R;
      else if (e.sheet) r = { sheet: e.sheet, rect: rectOn(e.wb, e.sheet, checkString(address)) };
      else r = rangeInWorkbook(e.wb, checkString(address), e.wb.activeSheet);
      if (e.sheet && r.sheet !== e.sheet) fail(ErrorCodes.invalidArgument, "the range is on another sheet");
      return e.wb.addTable(r.sheet, r.rect, checkBool(hasHeaders), name);
    }, false, true);
  }
  _find(e: Scope, key: unknown): TableModel | undefined {
    const k = String(key).toUpperCase();
    return this._entities(e).find((t) => t.name.toUpperCase() === k || t.id === String(key));
  }
  getItem(key: string): Table {
    return this._method(Table, "getItem", [key], (e: Scope) => this._find(e, key));
  }
  getItemOrNullObject(key: string): Table {
    return this._method(Table, "getItemOrNullObject", [key], (e: Scope) => this._find(e, key), true);
  }
  getItemAt(index: number): Table {
    return this._method(Table, "getItemAt", [index], (e: Scope) => this._entities(e)[checkInt(index)]);
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", [], (e: Scope) => this._entities(e).length);
  }
}
defineProps(TableCollection, { count: { get: (e: Scope, p) => (p as TableCollection)._entities(e).length } });

const TABLE_STYLE = /^TableStyle(Light([1-9]|1\d|2[01])|Medium([1-9]|1\d|2[0-8])|Dark([1-9]|1[01]))$/;

export class Table extends ClientObject {
  static navs = ["columns", "rows", "worksheet"];
  get _className() { return "Table"; }
  get columns(): TableColumnCollection { return this._nav(TableColumnCollection, "columns"); }
  get rows(): TableRowCollection { return this._nav(TableRowCollection, "rows"); }
  get worksheet(): Worksheet { return this._nav(Worksheet, "worksheet", (t: TableModel) => t.sheet); }
  get onChanged() { return new EventHandlers(this, "onChanged"); }
  get onSelectionChanged() { return new EventHandlers(this, "onSelectionChanged"); }
  getRange(): Range {
    return this._method(Range, "getRange", [], (t: TableModel) => ({ sheet: t.sheet, rect: { ...t.rect } }));
  }
  getHeaderRowRange(): Range {
    return this._method(Range, "getHeaderRowRange", [], (t: TableModel) => {
      const h = this._model.headerRect(t);
      return h ? { sheet: t.sheet, rect: h } : undefined;
    });
  }
  getDataBodyRange(): Range {
    return this._method(Range, "getDataBodyRange", [], (t: TableModel) => ({ sheet: t.sheet, rect: this._model.bodyRect(t) }));
  }
  getTotalRowRange(): Range {
    return this._method(Range, "getTotalRowRange", [], (t: TableModel) => {
      const h = this._model.totalRect(t);
      return h ? { sheet: t.sheet, rect: h } : undefined;
    });
  }
  delete(): void {
    this._invoke("delete", [], (t: TableModel) => this._model.deleteTable(t, true));
  }
  convertToRange(): Range {
    return this._method(Range, "convertToRange", [], (t: TableModel) => {
      const r = { sheet: t.sheet, rect: { ...t.rect } };
      this._model.deleteTable(t, false);
      return r;
    }, false, true);
  }
  clearFilters(): void {
    this._invoke("clearFilters", [], () => undefined);
  }
  reapplyFilters(): void {
    this._invoke("reapplyFilters", [], () => undefined);
  }
  resize(newRange: Range | string): void {
    this._invoke("resize", [newRange], (t: TableModel) => {
      const r = rangeArg(this, newRange, t.sheet);
      if (r.sheet !== t.sheet || r.rect.r1 !== t.rect.r1) fail(ErrorCodes.invalidArgument, "a table keeps its header row when resized");
      for (const o of this._model.tables) if (o !== t && o.sheet === t.sheet && intersects(o.rect, r.rect)) fail(ErrorCodes.mergedRangeConflict);
      const names = Array.from({ length: r.rect.c2 - r.rect.c1 + 1 }, (_x, i) => t.columns[i]?.name ?? this._model.apiText(t.sheet, r.rect.r1, r.rect.c1 + i));
      t.rect = { ...r.rect };
      t.columns = uniqueHeaders(names).map((n, i) => t.columns[i] && t.columns[i].name === n ? t.columns[i] : { id: t.nextColumnId++, name: n });
      this._model.syncTableHeaders(t.sheet, t.rect);
    });
  }
}
const tableFlag = (k: "showBandedRows" | "showBandedColumns" | "showFilterButton" | "highlightFirstColumn" | "highlightLastColumn") => ({
  get: (t: TableModel) => t[k],
  set: (t: TableModel, v: unknown) => (t[k] = checkBool(v)),
  format: true,
});
defineProps(Table, {
  id: { get: (t: TableModel) => t.id },
  legacyId: { get: (t: TableModel) => t.id },
  name: { get: (t: TableModel) => t.name, set: (t: TableModel, v, p) => (t.name = p._model.validateTableName(v, t)) },
  style: {
    get: (t: TableModel) => t.style,
    set: (t: TableModel, v) => {
      const s = checkString(v);
      if (s !== "" && !TABLE_STYLE.test(s)) fail(ErrorCodes.invalidArgument, `unknown table style ${s}`);
      t.style = s;
    },
    format: true,
  },
  showHeaders: {
    get: (t: TableModel) => t.showHeaders,
    set: (t: TableModel, v, p) => {
      const on = checkBool(v);
      if (on === t.showHeaders) return;
      if (on) {
        if (t.rect.r1 === 0) fail(ErrorCodes.invalidOperation, "no room for a header row");
        t.rect = { ...t.rect, r1: t.rect.r1 - 1 };
        t.showHeaders = true;
        p._model.syncTableHeaders(t.sheet, t.rect);
        t.columns.forEach((c, i) => {
          const cell = t.sheet.ensure(t.rect.r1, t.rect.c1 + i);
          cell.v = c.name;
          delete cell.f;
        });
      } else {
        p._model.clear(t.sheet, { r1: t.rect.r1, c1: t.rect.c1, r2: t.rect.r1, c2: t.rect.c2 }, "Contents");
        t.showHeaders = false;
        t.rect = { ...t.rect, r1: t.rect.r1 + 1 };
      }
    },
  },
  showTotals: {
    get: (t: TableModel) => t.showTotals,
    set: (t: TableModel, v, p) => {
      const on = checkBool(v);
      if (on === t.showTotals) return;
      if (on) {
        t.rect = { ...t.rect, r2: t.rect.r2 + 1 };
        t.showTotals = true;
      } else {
        p._model.clear(t.sheet, { r1: t.rect.r2, c1: t.rect.c1, r2: t.rect.r2, c2: t.rect.c2 }, "Contents");
        t.rect = { ...t.rect, r2: t.rect.r2 - 1 };
        t.showTotals = false;
      }
    },
  },
  showBandedRows: tableFlag("showBandedRows"),
  showBandedColumns: tableFlag("showBandedColumns"),
  showFilterButton: tableFlag("showFilterButton"),
  highlightFirstColumn: tableFlag("highlightFirstColumn"),
  highlightLastColumn: tableFlag("highlightLastColumn"),
});

type RowEnt = { table: TableModel; index: number };
type ColEnt = { table: TableModel; col: { id: number; name: string } };

function bodyRows(model: WorkbookModel, t: TableModel): number {
  const b = model.bodyRect(t);
  return b.r2 - b.r1 + 1;
}

export class TableRowCollection extends CollectionObject<TableRow> {
  get _className() { return "TableRowCollection"; }
  _itemClass() { return TableRow; }
  _entities(t: TableModel) { return Array.from({ length: bodyRows(this._model, t) }, (_x, index) => ({ table: t, index })); }
  add(index?: number | null, values?: unknown, alwaysInsert?: boolean): TableRow {
    return this._method(TableRow, "add", [index, values, alwaysInsert], (t: TableModel) => {
      this._model.addTableRows(t, index, values, this._host.stats);
      const added = Array.isArray(values) ? values.length : 1;
      return { table: t, index: index === undefined || index === null ? bodyRows(this._model, t) - added : index };
    }, false, true);
  }
  getItemAt(index: number): TableRow {
    return this._method(TableRow, "getItemAt", [index], (t: TableModel) => (checkInt(index) < bodyRows(this._model, t) ? { table: t, index } : undefined));
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", [], (t: TableModel) => bodyRows(this._model, t));
  }
  deleteRowsAt(index: number, count = 1): void {
    this._invoke("deleteRowsAt", [index, count], (t: TableModel) => {
      const n = bodyRows(this._model, t);
      if (checkInt(index) + checkInt(count, 1) > n) fail(ErrorCodes.invalidArgument, "rows out of range");
      deleteTableRows(this._model, t, index, count);
    });
  }
}
defineProps(TableRowCollection, { count: { get: (t: TableModel, p) => bodyRows(p._model, t) } });

function deleteTableRows(model: WorkbookModel, t: TableModel, index: number, count: number): void {
  const body = model.bodyRect(t);
  const n = body.r2 - body.r1 + 1;
  if (count >= n) {
    // A table keeps one (empty) data row.
    if (n > 1) model.shift(t.sheet, "rows", body.r1 + 1, -(n - 1), t.rect.c1, t.rect.c2);
    model.clear(t.sheet, { r1: body.r1, c1: t.rect.c1, r2: body.r1, c2: t.rect.c2 }, "Contents");
    return;
  }
  model.shift(t.sheet, "rows", body.r1 + index, -count, t.rect.c1, t.rect.c2);
}

export class TableRow extends ClientObject {
  get _className() { return "TableRow"; }
  _rect(e: RowEnt): Rect {
    const b = this._model.bodyRect(e.table);
    if (e.index >= b.r2 - b.r1 + 1) fail(ErrorCodes.itemNotFound, "the row no longer exists");
    return { r1: b.r1 + e.index, c1: b.c1, r2: b.r1 + e.index, c2: b.c2 };
  }
  getRange(): Range {
    return this._method(Range, "getRange", [], (e: RowEnt) => ({ sheet: e.table.sheet, rect: this._rect(e) }));
  }
  delete(): void {
    this._invoke("delete", [], (e: RowEnt) => {
      this._rect(e);
      deleteTableRows(this._model, e.table, e.index, 1);
    });
  }
}
defineProps(TableRow, {
  index: { get: (e: RowEnt) => e.index },
  values: {
    get: (e: RowEnt, p) => p._model.readMatrix(e.table.sheet, (p as TableRow)._rect(e), "values"),
    set: (e: RowEnt, v, p) => p._model.write(e.table.sheet, (p as TableRow)._rect(e), v, "values", p._host.stats),
  },
});

export class TableColumnCollection extends CollectionObject<TableColumn> {
  get _className() { return "TableColumnCollection"; }
  _itemClass() { return TableColumn; }
  _entities(t: TableModel) { return t.columns.map((col) => ({ table: t, col })); }
  _find(t: TableModel, key: unknown): ColEnt | undefined {
    const col = typeof key === "number" ? t.columns.find((c) => c.id === key) : t.columns.find((c) => c.name.toUpperCase() === String(key).toUpperCase() || String(c.id) === String(key));
    return col ? { table: t, col } : undefined;
  }
  add(index?: number | null, values?: unknown, name?: string): TableColumn {
    return this._method(TableColumn, "add", [index, values, name], (t: TableModel) => {
      const width = t.columns.length;
      const at = index === undefined || index === null ? width : checkInt(index, 0, width);
      const c = t.rect.c1 + at;
      this._model.shift(t.sheet, "cols", c, 1, t.rect.r1, t.rect.r2);
      if (at === width) t.rect = { ...t.rect, c2: t.rect.c2 + 1 };
      const header = name ?? (Array.isArray(values) && Array.isArray(values[0]) && t.showHeaders ? String((values as unknown[][])[0][0] ?? "") : "");
      const names = uniqueHeaders([...t.columns.map((x) => x.name), header === "" ? `Column${width + 1}` : header]);
      const col = { id: t.nextColumnId++, name: names[names.length - 1] };
      t.columns.splice(at, 0, col);
      if (values !== undefined && values !== null) {
        this._model.write(t.sheet, { r1: t.rect.r1, c1: c, r2: t.rect.r2, c2: c }, values, "values", this._host.stats);
      }
      if (t.showHeaders) {
        const cell = t.sheet.ensure(t.rect.r1, c);
        cell.v = col.name;
        delete cell.f;
      }
      return { table: t, col };
    }, false, true);
  }
  getItem(key: number | string): TableColumn {
    return this._method(TableColumn, "getItem", [key], (t: TableModel) => this._find(t, key));
  }
  getItemOrNullObject(key: number | string): TableColumn {
    return this._method(TableColumn, "getItemOrNullObject", [key], (t: TableModel) => this._find(t, key), true);
  }
  getItemAt(index: number): TableColumn {
    return this._method(TableColumn, "getItemAt", [index], (t: TableModel) => {
      const col = t.columns[checkInt(index)];
      return col ? { table: t, col } : undefined;
    });
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", [], (t: TableModel) => t.columns.length);
  }
}
defineProps(TableColumnCollection, { count: { get: (t: TableModel) => t.columns.length } });

function columnIndexOf(e: ColEnt): number {
  const i = e.table.columns.indexOf(e.col);
  if (i < 0) fail(ErrorCodes.itemNotFound, "the column no longer exists");
  return i;
}

export class TableColumn extends ClientObject {
  get _className() { return "TableColumn"; }
  _col(e: ColEnt, part: "all" | "header" | "body" | "total"): Rect | undefined {
    const c = e.table.rect.c1 + columnIndexOf(e);
    const m = this._model;
    const r = part === "all" ? e.table.rect : part === "header" ? m.headerRect(e.table) : part === "body" ? m.bodyRect(e.table) : m.totalRect(e.table);
    return r ? { r1: r.r1, c1: c, r2: r.r2, c2: c } : undefined;
  }
  getRange(): Range {
    return this._method(Range, "getRange", [], (e: ColEnt) => ({ sheet: e.table.sheet, rect: this._col(e, "all")! }));
  }
  getHeaderRowRange(): Range {
    return this._method(Range, "getHeaderRowRange", [], (e: ColEnt) => {
      const r = this._col(e, "header");
      return r ? { sheet: e.table.sheet, rect: r } : undefined;
    });
  }
  getDataBodyRange(): Range {
    return this._method(Range, "getDataBodyRange", [], (e: ColEnt) => ({ sheet: e.table.sheet, rect: this._col(e, "body")! }));
  }
  getTotalRowRange(): Range {
    return this._method(Range, "getTotalRowRange", [], (e: ColEnt) => {
      const r = this._col(e, "total");
      return r ? { sheet: e.table.sheet, rect: r } : undefined;
    });
  }
  delete(): void {
    this._invoke("delete", [], (e: ColEnt) => {
      const t = e.table;
      if (t.columns.length === 1) fail(ErrorCodes.invalidOperation, "a table keeps at least one column");
      const i = columnIndexOf(e);
      this._model.shift(t.sheet, "cols", t.rect.c1 + i, -1, t.rect.r1, t.rect.r2); // the table shrinks with it
      t.columns.splice(i, 1);
    });
  }
}
defineProps(TableColumn, {
  id: { get: (e: ColEnt) => e.col.id },
  index: { get: (e: ColEnt) => columnIndexOf(e) },
  name: {
    get: (e: ColEnt) => e.col.name,
    set: (e: ColEnt, v, p) => {
      const n = checkString(v);
      if (e.table.columns.some((c) => c !== e.col && c.name.toUpperCase() === n.toUpperCase())) fail(ErrorCodes.itemAlreadyExists, `a column is named ${n}`);
      e.col.name = n;
      if (e.table.showHeaders) {
        const cell = e.table.sheet.ensure(e.table.rect.r1, e.table.rect.c1 + columnIndexOf(e));
        cell.v = n;
        delete cell.f;
      }
      void p;
    },
  },
  values: {
    get: (e: ColEnt, p) => p._model.readMatrix(e.table.sheet, (p as TableColumn)._col(e, "all")!, "values"),
    set: (e: ColEnt, v, p) => p._model.write(e.table.sheet, (p as TableColumn)._col(e, "all")!, v, "values", p._host.stats),
  },
});

// ================================================================== names

type NameEnt = { wb: WorkbookModel; scope: SheetModel | null; item: NameModel & { deleted?: boolean } };

export class NamedItemCollection extends CollectionObject<NamedItem> {
  get _className() { return "NamedItemCollection"; }
  _itemClass() { return NamedItem; }
  _entities(e: Scope): NameEnt[] { return (e.sheet ? e.sheet.names : e.wb.names).map((item) => ({ wb: e.wb, scope: e.sheet, item })); }
  _itemLabel(n: NameEnt) { return `getItem(${JSON.stringify(n.item.name)})`; }
  add(name: string, reference: Range | string, comment?: string): NamedItem {
    return this._method(NamedItem, "add", [name, reference, comment], (e: Scope) => {
      let formula: string;
      if (reference instanceof ClientObject) {
        const r = this._arg(reference) as R;
        formula = `=${qualified(r.sheet.name, r.rect, true)}`;
      } else formula = normalizeNameFormula(checkString(reference));
      return { wb: e.wb, scope: e.sheet, item: e.wb.addName(e.sheet, name, formula, comment) };
    }, false, true);
  }
  addFormulaLocal(name: string, formula: string, comment?: string): NamedItem {
    return this._method(NamedItem, "addFormulaLocal", [name, formula, comment], (e: Scope) => ({ wb: e.wb, scope: e.sheet, item: e.wb.addName(e.sheet, name, checkString(formula), comment) }), false, true);
  }
  getItem(name: string): NamedItem {
    return this._method(NamedItem, "getItem", [name], (e: Scope) => this._entities(e).find((n) => n.item.name.toUpperCase() === String(name).toUpperCase()));
  }
  getItemOrNullObject(name: string): NamedItem {
    return this._method(NamedItem, "getItemOrNullObject", [name], (e: Scope) => this._entities(e).find((n) => n.item.name.toUpperCase() === String(name).toUpperCase()), true);
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", [], (e: Scope) => this._entities(e).length);
  }
}

export class NamedItem extends ClientObject {
  static navs = ["worksheet", "worksheetOrNullObject"];
  get _className() { return "NamedItem"; }
  get worksheet(): Worksheet { return this._nav(Worksheet, "worksheet", (e: NameEnt) => e.scope ?? undefined); }
  get worksheetOrNullObject(): Worksheet { return this._nav(Worksheet, "worksheetOrNullObject", (e: NameEnt) => e.scope ?? NULL); }
  _range(e: NameEnt): R | undefined {
    const ref = parseRef(e.item.formula.replace(/^=/, ""));
    const sheet = ref?.sheet ? e.wb.sheet(ref.sheet) : undefined;
    return ref && sheet ? { sheet, rect: ref.rect } : undefined;
  }
  getRange(): Range {
    return this._method(Range, "getRange", [], (e: NameEnt) => this._range(e) ?? fail(ErrorCodes.invalidArgument, "the name does not refer to a range"));
  }
  getRangeOrNullObject(): Range {
    return this._method(Range, "getRangeOrNullObject", [], (e: NameEnt) => this._range(e), true);
  }
  delete(): void {
    this._invoke("delete", [], (e: NameEnt) => {
      const list = e.scope ? e.scope.names : e.wb.names;
      list.splice(list.indexOf(e.item), 1);
      e.item.deleted = true;
    });
  }
}
defineProps(NamedItem, {
  name: { get: (e: NameEnt) => e.item.name },
  type: { get: (e: NameEnt) => nameType(e.item.formula).type },
  value: { get: (e: NameEnt) => nameType(e.item.formula).value },
  formula: { get: (e: NameEnt) => e.item.formula, set: (e: NameEnt, v) => (e.item.formula = normalizeNameFormula(checkString(v))) },
  comment: { get: (e: NameEnt) => e.item.comment, set: (e: NameEnt, v) => (e.item.comment = checkString(v)) },
  visible: { get: (e: NameEnt) => e.item.visible, set: (e: NameEnt, v) => (e.item.visible = checkBool(v)) },
  scope: { get: (e: NameEnt) => (e.scope ? "Worksheet" : "Workbook") },
});

// ================================================================== charts

type ChartEnt = { sheet: SheetModel; chart: ChartModel & { deleted?: boolean } };
type SeriesEnt = { sheet: SheetModel; chart: ChartModel & { deleted?: boolean }; series: ChartSeriesModel & { deleted?: boolean } };

export class ChartCollection extends CollectionObject<Chart> {
  get _className() { return "ChartCollection"; }
  _itemClass() { return Chart; }
  _entities(s: SheetModel): ChartEnt[] { return s.charts.map((chart) => ({ sheet: s, chart })); }
  _itemLabel(e: ChartEnt) { return `getItem(${JSON.stringify(e.chart.name)})`; }
  get onAdded() { return new EventHandlers(this, "onAdded"); }
  get onDeleted() { return new EventHandlers(this, "onDeleted"); }
  add(type: string, sourceData: Range, seriesBy: string = "Auto"): Chart {
    return this._method(Chart, "add", [type, sourceData, seriesBy], (s: SheetModel) => {
      checkEnum("ChartType", type);
      checkEnum("ChartSeriesBy", seriesBy);
      const src = rangeArg(this, sourceData, s);
      return { sheet: s, chart: this._model.addChart(s, type, src, seriesBy) };
    }, false, true);
  }
  getItem(name: string): Chart {
    return this._method(Chart, "getItem", [name], (s: SheetModel) => this._entities(s).find((c) => c.chart.name === name || c.chart.id === name));
  }
  getItemOrNullObject(name: string): Chart {
    return this._method(Chart, "getItemOrNullObject", [name], (s: SheetModel) => this._entities(s).find((c) => c.chart.name === name || c.chart.id === name), true);
  }
  getItemAt(index: number): Chart {
    return this._method(Chart, "getItemAt", [index], (s: SheetModel) => this._entities(s)[checkInt(index)]);
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", [], (s: SheetModel) => s.charts.length);
  }
}
defineProps(ChartCollection, { count: { get: (s: SheetModel) => s.charts.length } });

function cellBox(s: SheetModel, r: number, c: number): { top: number; left: number; width: number; height: number } {
  let top = 0;
  for (let i = 0; i < r; i++) top += s.hiddenRows.has(i) ? 0 : s.rowHeight(i);
  let left = 0;
  for (let j = 0; j < c; j++) left += s.hiddenCols.has(j) ? 0 : s.columnWidth(j);
  return { top, left, width: s.columnWidth(c), height: s.rowHeight(r) };
}

export class Chart extends ClientObject {
  static navs = ["title", "legend", "axes", "series", "dataLabels", "worksheet"];
  get _className() { return "Chart"; }
  get title(): ChartTitle { return this._nav(ChartTitle, "title"); }
  get legend(): ChartLegend { return this._nav(ChartLegend, "legend"); }
  get axes(): ChartAxes { return this._nav(ChartAxes, "axes"); }
  get series(): ChartSeriesCollection { return this._nav(ChartSeriesCollection, "series"); }
  get dataLabels(): ChartDataLabels { return this._nav(ChartDataLabels, "dataLabels"); }
  get worksheet(): Worksheet { return this._nav(Worksheet, "worksheet", (e: ChartEnt) => e.sheet); }
  setPosition(startCell: Range | string, endCell?: Range | string): void {
    this._invoke("setPosition", [startCell, endCell], (e: ChartEnt) => {
      const a = rangeArg(this, startCell, e.sheet);
      const b = endCell === undefined || endCell === null ? undefined : rangeArg(this, endCell, e.sheet);
      const p = cellBox(e.sheet, a.rect.r1, a.rect.c1);
      e.chart.from = cellA1(a.rect.r1, a.rect.c1);
      e.chart.top = p.top;
      e.chart.left = p.left;
      if (b) {
        const q = cellBox(e.sheet, b.rect.r2, b.rect.c2);
        e.chart.to = cellA1(b.rect.r2, b.rect.c2);
        e.chart.width = Math.max(0, q.left + q.width - p.left);
        e.chart.height = Math.max(0, q.top + q.height - p.top);
      } else e.chart.to = null;
    }, { format: true });
  }
  setData(sourceData: Range, seriesBy: string = "Auto"): void {
    this._invoke("setData", [sourceData, seriesBy], (e: ChartEnt) => {
      checkEnum("ChartSeriesBy", seriesBy);
      const src = rangeArg(this, sourceData, e.sheet);
      e.chart.source = qualified(src.sheet.name, src.rect, true);
      e.chart.seriesBy = seriesBy;
      e.chart.series = this._model.deriveSeries(src.sheet, src.rect, seriesBy);
    });
  }
  delete(): void {
    this._invoke("delete", [], (e: ChartEnt) => {
      e.sheet.charts = e.sheet.charts.filter((c) => c !== e.chart);
      e.chart.deleted = true;
    });
  }
  activate(): void {
    this._invoke("activate", [], () => undefined);
  }
  getImage(width?: number, height?: number, fittingMode?: string): ClientResult<string> {
    return this._result("getImage", [width, height, fittingMode], () => "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
  }
}
const chartNum = (k: "top" | "left" | "width" | "height") => ({
  get: (e: ChartEnt) => e.chart[k],
  set: (e: ChartEnt, v: unknown) => (e.chart[k] = checkNumber(v, 0)),
  format: true,
});
defineProps(Chart, {
  id: { get: (e: ChartEnt) => e.chart.id },
  name: { get: (e: ChartEnt) => e.chart.name, set: (e: ChartEnt, v) => (e.chart.name = checkString(v)) },
  chartType: { get: (e: ChartEnt) => e.chart.chartType, set: (e: ChartEnt, v) => (e.chart.chartType = checkEnum("ChartType", v)) },
  top: chartNum("top"),
  left: chartNum("left"),
  width: chartNum("width"),
  height: chartNum("height"),
});

export class ChartTitle extends ClientObject {
  static navs = ["format"];
  get _className() { return "ChartTitle"; }
  get format(): ChartTitleFormat { return this._nav(ChartTitleFormat, "format"); }
}
defineProps(ChartTitle, {
  text: {
    get: (e: ChartEnt) => e.chart.title.text,
    set: (e: ChartEnt, v) => {
      e.chart.title.text = checkString(v);
      e.chart.title.visible = e.chart.title.text !== "";
    },
  },
  visible: { get: (e: ChartEnt) => e.chart.title.visible, set: (e: ChartEnt, v) => (e.chart.title.visible = checkBool(v)) },
  overlay: { get: (e: ChartEnt) => e.chart.title.overlay, set: (e: ChartEnt, v) => (e.chart.title.overlay = checkBool(v)) },
});

export class ChartTitleFormat extends ClientObject {
  static navs = ["font"];
  get _className() { return "ChartTitleFormat"; }
  get font(): ChartFont { return this._nav(ChartFont, "font"); }
}

export class ChartFont extends ClientObject {
  get _className() { return "ChartFont"; }
}
const chartFont = <K extends keyof FontModel>(key: K, check: (v: unknown) => FontModel[K]) => ({
  get: (e: ChartEnt) => e.chart.title.font?.[key] ?? (key === "size" ? 14 : DEFAULT_FONT[key]),
  set: (e: ChartEnt, v: unknown) => (e.chart.title.font = { ...(e.chart.title.font ?? {}), [key]: check(v) }),
  format: true,
});
defineProps(ChartFont, {
  bold: chartFont("bold", checkBool),
  italic: chartFont("italic", checkBool),
  color: chartFont("color", (v) => normalizeColor(v)),
  name: chartFont("name", (v) => checkString(v)),
  size: chartFont("size", (v) => checkNumber(v, 1, 409)),
  underline: chartFont("underline", (v) => checkString(v)),
});

export class ChartLegend extends ClientObject {
  get _className() { return "ChartLegend"; }
}
defineProps(ChartLegend, {
  visible: { get: (e: ChartEnt) => e.chart.legend.visible, set: (e: ChartEnt, v) => (e.chart.legend.visible = checkBool(v)) },
  position: { get: (e: ChartEnt) => e.chart.legend.position, set: (e: ChartEnt, v) => (e.chart.legend.position = checkEnum("ChartLegendPosition", v)) },
  overlay: {
    get: (e: ChartEnt) => !!(e.chart.legend as { overlay?: boolean }).overlay,
    set: (e: ChartEnt, v) => ((e.chart.legend as { overlay?: boolean }).overlay = checkBool(v)),
  },
});

type AxisEnt = ChartEnt & { axis: "category" | "value" };

export class ChartAxes extends ClientObject {
  static navs = ["categoryAxis", "valueAxis"];
  get _className() { return "ChartAxes"; }
  get categoryAxis(): ChartAxis { return this._nav(ChartAxis, "categoryAxis", (e: ChartEnt) => ({ ...e, axis: "category" })); }
  get valueAxis(): ChartAxis { return this._nav(ChartAxis, "valueAxis", (e: ChartEnt) => ({ ...e, axis: "value" })); }
  get seriesAxis(): ChartAxis { return this._nav(ChartAxis, "seriesAxis", (e: ChartEnt) => ({ ...e, axis: "category" })); }
  getItem(type: string, group?: string): ChartAxis {
    return this._method(ChartAxis, "getItem", [type, group], (e: ChartEnt) => ({ ...e, axis: checkEnum("ChartAxisType", type) === "Value" ? "value" : "category" }));
  }
}

export class ChartAxis extends ClientObject {
  static navs = ["title"];
  get _className() { return "ChartAxis"; }
  get title(): ChartAxisTitle { return this._nav(ChartAxisTitle, "title"); }
}
const axisProp = (k: "minimum" | "maximum" | "majorUnit") => ({
  get: (e: AxisEnt) => (e.axis === "value" ? e.chart.axes.value[k] : null),
  set: (e: AxisEnt, v: unknown) => {
    if (e.axis !== "value") fail(ErrorCodes.invalidOperation, `${k} applies to a value axis`);
    e.chart.axes.value[k] = checkNumber(v);
  },
});
defineProps(ChartAxis, {
  minimum: axisProp("minimum"),
  maximum: axisProp("maximum"),
  majorUnit: axisProp("majorUnit"),
  visible: { get: (e: AxisEnt) => e.chart.axes[e.axis].visible, set: (e: AxisEnt, v) => (e.chart.axes[e.axis].visible = checkBool(v)) },
  numberFormat: {
    get: (e: AxisEnt) => (e.axis === "value" ? e.chart.axes.value.numberFormat : "General"),
    set: (e: AxisEnt, v) => {
      if (e.axis === "value") e.chart.axes.value.numberFormat = checkString(v);
    },
  },
});

export class ChartAxisTitle extends ClientObject {
  get _className() { return "ChartAxisTitle"; }
}
defineProps(ChartAxisTitle, {
  text: { get: (e: AxisEnt) => e.chart.axes[e.axis].title, set: (e: AxisEnt, v) => (e.chart.axes[e.axis].title = checkString(v)) },
  visible: { get: (e: AxisEnt) => e.chart.axes[e.axis].title !== "", set: (_e: AxisEnt, v) => void checkBool(v) },
});

export class ChartSeriesCollection extends CollectionObject<ChartSeries> {
  get _className() { return "ChartSeriesCollection"; }
  _itemClass() { return ChartSeries; }
  _entities(e: ChartEnt): SeriesEnt[] { return e.chart.series.map((series) => ({ ...e, series })); }
  add(name?: string, index?: number): ChartSeries {
    return this._method(ChartSeries, "add", [name, index], (e: ChartEnt) => {
      const series: ChartSeriesModel = { name: name ?? `Series${e.chart.series.length + 1}`, values: null, xValues: null };
      const at = index === undefined || index === null ? e.chart.series.length : checkInt(index, 0, e.chart.series.length);
      e.chart.series.splice(at, 0, series);
      return { ...e, series };
    }, false, true);
  }
  getItemAt(index: number): ChartSeries {
    return this._method(ChartSeries, "getItemAt", [index], (e: ChartEnt) => this._entities(e)[checkInt(index)]);
  }
  getCount(): ClientResult<number> {
    return this._result("getCount", [], (e: ChartEnt) => e.chart.series.length);
  }
}
defineProps(ChartSeriesCollection, { count: { get: (e: ChartEnt) => e.chart.series.length } });

export class ChartSeries extends ClientObject {
  get _className() { return "ChartSeries"; }
  setValues(sourceData: Range): void {
    this._invoke("setValues", [sourceData], (e: SeriesEnt) => {
      const r = rangeArg(this, sourceData, e.sheet);
      e.series.values = qualified(r.sheet.name, r.rect, true);
    });
  }
  setXAxisValues(sourceData: Range): void {
    this._invoke("setXAxisValues", [sourceData], (e: SeriesEnt) => {
      const r = rangeArg(this, sourceData, e.sheet);
      e.series.xValues = qualified(r.sheet.name, r.rect, true);
    });
  }
  delete(): void {
    this._invoke("delete", [], (e: SeriesEnt) => {
      e.chart.series = e.chart.series.filter((x) => x !== e.series);
      e.series.deleted = true;
    });
  }
}
defineProps(ChartSeries, {
  name: { get: (e: SeriesEnt) => e.series.name, set: (e: SeriesEnt, v) => (e.series.name = checkString(v)) },
  chartType: {
    get: (e: SeriesEnt) => e.series.chartType ?? e.chart.chartType,
    set: (e: SeriesEnt, v) => (e.series.chartType = checkEnum("ChartType", v)),
  },
});

export class ChartDataLabels extends ClientObject {
  get _className() { return "ChartDataLabels"; }
}
const labelFlag = (k: "showValue" | "showCategoryName" | "showSeriesName") => ({
  get: (e: ChartEnt) => e.chart.dataLabels[k],
  set: (e: ChartEnt, v: unknown) => (e.chart.dataLabels[k] = checkBool(v)),
});
defineProps(ChartDataLabels, {
  showValue: labelFlag("showValue"),
  showCategoryName: labelFlag("showCategoryName"),
  showSeriesName: labelFlag("showSeriesName"),
  position: { get: (e: ChartEnt) => e.chart.dataLabels.position, set: (e: ChartEnt, v) => (e.chart.dataLabels.position = checkEnum("ChartDataLabelPosition", v)) },
});

// ================================================================== page layout

function titleRows(wb: WorkbookModel, p: ClientObject, s: SheetModel, v: unknown, axis: "rows" | "cols"): string | null {
  if (v === "" || v === null) return null;
  let rect: Rect;
  if (typeof v === "string") {
    const ref = parseRef(v);
    if (!ref || (ref.sheet && ref.sheet.toUpperCase() !== s.name.toUpperCase())) return fail(ErrorCodes.invalidArgument, `bad print titles ${v}`);
    rect = ref.rect;
  } else rect = rangeArg(p, v, s).rect;
  void wb;
  return axis === "rows" ? `$${rect.r1 + 1}:$${rect.r2 + 1}` : `$${colLetter(rect.c1)}:$${colLetter(rect.c2)}`;
}

export class PageLayout extends ClientObject {
  static navs = ["headersFooters"];
  get _className() { return "PageLayout"; }
  get headersFooters(): HeaderFooterGroup { return this._nav(HeaderFooterGroup, "headersFooters"); }
  setPrintTitleRows(rows: Range | string): void {
    this._invoke("setPrintTitleRows", [rows], (s: SheetModel) => (s.pageLayout.printTitleRows = titleRows(this._model, this, s, rows, "rows")), { format: true });
  }
  setPrintTitleColumns(columns: Range | string): void {
    this._invoke("setPrintTitleColumns", [columns], (s: SheetModel) => (s.pageLayout.printTitleColumns = titleRows(this._model, this, s, columns, "cols")), { format: true });
  }
  getPrintTitleRowsOrNullObject(): Range {
    return this._method(Range, "getPrintTitleRowsOrNullObject", [], (s: SheetModel) => {
      const t = s.pageLayout.printTitleRows;
      return t ? { sheet: s, rect: parseRectText(t)! } : undefined;
    }, true);
  }
  getPrintTitleColumnsOrNullObject(): Range {
    return this._method(Range, "getPrintTitleColumnsOrNullObject", [], (s: SheetModel) => {
      const t = s.pageLayout.printTitleColumns;
      return t ? { sheet: s, rect: parseRectText(t)! } : undefined;
    }, true);
  }
  setPrintArea(printArea: Range | RangeAreas | string): void {
    this._invoke("setPrintArea", [printArea], (s: SheetModel) => {
      let rects: Rect[];
      if (typeof printArea === "string") {
        const areas = parseAreas(printArea);
        if (!areas || areas.some((a) => a.sheet && a.sheet.toUpperCase() !== s.name.toUpperCase())) fail(ErrorCodes.invalidArgument, `bad print area ${printArea}`);
        rects = areas!.map((a) => a.rect);
      } else {
        const e = this._arg(printArea) as R | Areas;
        rects = "rects" in e ? e.rects : [e.rect];
      }
      s.pageLayout.printArea = rects.map((r) => qualified(s.name, r, true)).join(",");
    }, { format: true });
  }
  _printArea(s: SheetModel): Areas | undefined {
    const a = s.pageLayout.printArea;
    if (!a) return undefined;
    const areas = parseAreas(a);
    return areas ? { sheet: s, rects: areas.map((x) => x.rect) } : undefined;
  }
  getPrintArea(): RangeAreas {
    return this._method(RangeAreas, "getPrintArea", [], (s: SheetModel) => this._printArea(s));
  }
  getPrintAreaOrNullObject(): RangeAreas {
    return this._method(RangeAreas, "getPrintAreaOrNullObject", [], (s: SheetModel) => this._printArea(s), true);
  }
  setPrintMargins(unit: string, marginOptions: Record<string, number>): void {
    this._invoke("setPrintMargins", [unit, marginOptions], (s: SheetModel) => {
      const k = checkEnum("PrintMarginUnit", unit) === "Inches" ? 72 : checkEnum("PrintMarginUnit", unit) === "Centimeters" ? 72 / 2.54 : 1;
      const map: Record<string, keyof SheetModel["pageLayout"]> = { top: "topMargin", bottom: "bottomMargin", left: "leftMargin", right: "rightMargin", header: "headerMargin", footer: "footerMargin" };
      for (const [key, v] of Object.entries(marginOptions ?? {})) {
        if (!map[key]) fail(ErrorCodes.invalidArgument, `unknown margin ${key}`);
        (s.pageLayout as unknown as Record<string, number>)[map[key]] = Math.round(checkNumber(v, 0) * k * 100) / 100;
      }
    }, { format: true });
  }
}
type PL = SheetModel["pageLayout"];
const plProp = <K extends keyof PL>(key: K, check: (v: unknown) => PL[K]) => ({
  get: (s: SheetModel) => s.pageLayout[key],
  set: (s: SheetModel, v: unknown) => (s.pageLayout[key] = check(v)),
  format: true,
});
defineProps(PageLayout, {
  orientation: plProp("orientation", (v) => checkEnum("PageOrientation", v)),
  paperSize: plProp("paperSize", (v) => checkEnum("PaperType", v)),
  zoom: {
    get: (s: SheetModel) => ({ ...s.pageLayout.zoom }),
    set: (s: SheetModel, v) => {
      if (!v || typeof v !== "object") fail(ErrorCodes.invalidArgument, "zoom is a PageLayoutZoomOptions object");
      const z = v as Record<string, unknown>;
      if (z.scale !== undefined && z.scale !== null) {
        if (z.horizontalFitToPages !== undefined || z.verticalFitToPages !== undefined) fail(ErrorCodes.invalidArgument, "zoom takes either scale or fit-to-pages");
        s.pageLayout.zoom = { scale: checkInt(z.scale, 10, 400) };
      } else {
        const h = z.horizontalFitToPages === undefined || z.horizontalFitToPages === null ? 0 : checkInt(z.horizontalFitToPages, 0, 32767);
        const vv = z.verticalFitToPages === undefined || z.verticalFitToPages === null ? 0 : checkInt(z.verticalFitToPages, 0, 32767);
        s.pageLayout.zoom = { horizontalFitToPages: h, verticalFitToPages: vv };
      }
    },
    format: true,
  },
  centerHorizontally: plProp("centerHorizontally", checkBool),
  centerVertically: plProp("centerVertically", checkBool),
  printGridlines: plProp("printGridlines", checkBool),
  printHeadings: plProp("printHeadings", checkBool),
  printComments: plProp("printComments", (v) => checkEnum("PrintComments", v)),
  printErrors: plProp("printErrors", (v) => checkEnum("PrintErrorType", v)),
  printOrder: plProp("printOrder", (v) => checkEnum("PrintOrder", v)),
  blackAndWhite: plProp("blackAndWhite", checkBool),
  draftMode: plProp("draftMode", checkBool),
  firstPageNumber: plProp("firstPageNumber", (v) => (v === "" ? "" : checkInt(v, 0))),
  leftMargin: plProp("leftMargin", (v) => checkNumber(v, 0)),
  rightMargin: plProp("rightMargin", (v) => checkNumber(v, 0)),
  topMargin: plProp("topMargin", (v) => checkNumber(v, 0)),
  bottomMargin: plProp("bottomMargin", (v) => checkNumber(v, 0)),
  headerMargin: plProp("headerMargin", (v) => checkNumber(v, 0)),
  footerMargin: plProp("footerMargin", (v) => checkNumber(v, 0)),
});

export class HeaderFooterGroup extends ClientObject {
  static navs = ["defaultForAllPages", "firstPage", "evenPages", "oddPages"];
  get _className() { return "HeaderFooterGroup"; }
  get defaultForAllPages(): HeaderFooter { return this._nav(HeaderFooter, "defaultForAllPages", (s: SheetModel) => ({ sheet: s, key: "defaultForAllPages" })); }
  get firstPage(): HeaderFooter { return this._nav(HeaderFooter, "firstPage", (s: SheetModel) => ({ sheet: s, key: "firstPage" })); }
  get evenPages(): HeaderFooter { return this._nav(HeaderFooter, "evenPages", (s: SheetModel) => ({ sheet: s, key: "evenPages" })); }
  get oddPages(): HeaderFooter { return this._nav(HeaderFooter, "oddPages", (s: SheetModel) => ({ sheet: s, key: "oddPages" })); }
}
defineProps(HeaderFooterGroup, {
  state: { get: (s: SheetModel) => s.pageLayout.headersFooters.state, set: (s: SheetModel, v) => (s.pageLayout.headersFooters.state = checkEnum("HeaderFooterState", v)), format: true },
  useSheetMargins: { get: (s: SheetModel) => s.pageLayout.headersFooters.useSheetMargins, set: (s: SheetModel, v) => (s.pageLayout.headersFooters.useSheetMargins = checkBool(v)), format: true },
  useSheetScale: { get: (s: SheetModel) => s.pageLayout.headersFooters.useSheetScale, set: (s: SheetModel, v) => (s.pageLayout.headersFooters.useSheetScale = checkBool(v)), format: true },
});

type HfEnt = { sheet: SheetModel; key: "defaultForAllPages" | "firstPage" | "evenPages" | "oddPages" };
export class HeaderFooter extends ClientObject {
  get _className() { return "HeaderFooter"; }
}
const hfProp = (k: "leftHeader" | "centerHeader" | "rightHeader" | "leftFooter" | "centerFooter" | "rightFooter") => ({
  get: (e: HfEnt) => e.sheet.pageLayout.headersFooters[e.key][k],
  set: (e: HfEnt, v: unknown) => {
    const s = checkString(v);
    if (s.length > 255) fail(ErrorCodes.invalidArgument, "headers and footers are limited to 255 characters");
    e.sheet.pageLayout.headersFooters[e.key][k] = s;
  },
  format: true,
});
defineProps(HeaderFooter, {
  leftHeader: hfProp("leftHeader"), centerHeader: hfProp("centerHeader"), rightHeader: hfProp("rightHeader"),
  leftFooter: hfProp("leftFooter"), centerFooter: hfProp("centerFooter"), rightFooter: hfProp("rightFooter"),
});

/** The root proxy of a request context. */
export function createWorkbookProxy(ctx: FakeRequestContext): Workbook {
  const w = new Workbook(ctx, null, "root", null);
  w._bound = ctx._host.model;
  w._isNull = false;
  return w;
}
