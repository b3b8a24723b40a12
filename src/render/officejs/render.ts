/**
 * Renders a declarative layout into the live workbook (Office.js), atomically and with a constant
 * number of `context.sync` calls whatever the number of rows.
 *
 * How a render goes (5 syncs when it succeeds, whatever the row count):
 *  1. inspect   — sheet names and ids, tables, workbook names;
 *  2. markers   — each sheet's owner marker (sheet-scoped name CCHC_ROLE), which sheet each
 *                 table lives on, where the CCHC_* names point;
 *  3. write     — every layout sheet is written into a NEW temporary sheet ("~cchc-…"), its
 *                 tables under temporary names; formulas, validations and conditional formats
 *                 that refer to a sheet or table of the same render are pointed at the
 *                 temporaries (Excel follows the later renames). One batch: values by table body
 *                 and by band of free cells, number formats as one matrix per block, styles by
 *                 column range.
 *  4. swap      — the owned sheets being replaced (and their tables) are renamed aside to
 *                 hidden backups, a user sheet whose name collides is renamed aside (never
 *                 deleted) with a message, the temporaries take their final names, the
 *                 workbook names are re-pointed, sheets are ordered and the first is activated;
 *  5. drop      — the hidden backups are deleted.
 * A failure in 1–3 (or a cancel) deletes the temporaries: the workbook is as it was. A failure in
 * 4 is rolled back (renames undone by sheet id, temporaries deleted, names restored). A failure
 * in 5 leaves hidden backups, reported to the user. Only sheets carrying the add-in's marker are
 * ever deleted.
 */
import { parseRange, rangeAddress, columnLetter } from "../../layout/address";
import { isRateChart } from "../chartLook";
import { OWNER_MARKER_NAME, type ChartLayout, type SheetLayout, type TableLayout, type WorkbookLayout } from "../../layout/types";
import { detectCapabilities, FEATURE_SETS, type Capabilities, type Feature } from "./capabilities";
import { applyFormat, applyGrid, cellWrite, type CellWrite } from "./format";
import { HEADER_SPEC, bodyRows, bodySpec, bodyStyleKey, cellFormat, freeSpec, inchesToPoints, resolveSheet, tableLook, validationRule, widthToPoints } from "../resolvedSheet";
import { quoteSheet, rewriteRefs } from "./text";
import type { Message } from "../../core/message";
import { CchcError } from "../../core/errors";
import { asideName, renamedAsideMessage, sheetKey } from "../../layout/sheetNames";

export type { Message } from "../../core/message";

export interface SkippedFeature extends Message {
  feature: Feature;
  requirement: string;
  /** How many items (validations, formats, sheets…) were not written. */
  count: number;
}

export type RenderStep = "inspect" | "write" | "swap" | "cleanup" | "done";

export interface RenderProgress extends Message {
  step: RenderStep;
  /** 0..1 */
  fraction: number;
}

export interface RenderOptions {
  capabilities?: Capabilities;
  /** The sheet to activate when done: a layout sheet name; false to leave the selection alone (on its new version when the person's sheet was replaced). Default: the first sheet. */
  activate?: string | false;
  signal?: AbortSignal;
  onProgress?: (p: RenderProgress) => void;
  /** A fixed token for temporary names (tests); random otherwise. */
  token?: string;
  /**
   * Cap on the bytes of values sent in one batch. Default: none (one write batch whatever the
   * size), except on Excel on the web, whose requests are capped at 5 MB: there the write phase
   * is split into batches of at most 4 MB (extra syncs only for plans of several thousand rows).
   */
  maxBatchBytes?: number;
}

export interface RenderStats {
  syncs: number;
  /** Range objects written (values, formats, merges, validations…): grows with columns and blocks, not rows. */
  rangeWrites: number;
  /** Cells written by value writes. */
  cells: number;
  /**
   * Rough size of the values and number formats sent in the write batch (JSON characters). Excel
   * on the web caps one request at about 5 MB; a 6,000-activity plan is measured in the tests.
   */
  payloadBytes: number;
}

export interface RenderResult {
  sheets: string[];
  /** Owned sheets (with the marker) that were replaced. */
  replaced: string[];
  /** User sheets whose name collided, renamed aside. */
  renamedAside: Array<{ from: string; to: string }>;
  skipped: SkippedFeature[];
  messages: Message[];
  stats: RenderStats;
}

export class RenderError extends CchcError {
  readonly step: RenderStep | "validate";
  /** True when the workbook was left exactly as before. */
  readonly unchanged: boolean;
  readonly cancelled: boolean;
  readonly detail?: string;

  constructor(step: RenderError["step"], vi: string, en: string, opts: { unchanged: boolean; cancelled?: boolean; detail?: string }) {
    super(opts.cancelled ? "cancelled" : `render-${step}`, { vi, en });
    if (opts.detail) this.message += ` [${opts.detail}]`;
    this.name = "RenderError";
    this.step = step;
    this.unchanged = opts.unchanged;
    this.cancelled = Boolean(opts.cancelled);
    this.detail = opts.detail;
  }
}

export function isRenderError(e: unknown): e is RenderError {
  return e instanceof RenderError || (typeof e === "object" && e !== null && (e as { name?: unknown }).name === "RenderError");
}

// ---------------------------------------------------------------------------------------------
// Names

const INVALID_SHEET_CHARS = /[[\]:*?/\\]/;

export function sheetNameProblem(name: string): string | null {
  if (!name.trim()) return "empty";
  if (name.length > 31) return "longer than 31 characters";
  if (INVALID_SHEET_CHARS.test(name)) return "contains one of [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return "reserved name";
  return null;
}

const key = sheetKey;

function randomToken(): string {
  return Math.random().toString(36).slice(2, 7);
}

/** Reads a marker name's value: "plan", "\"plan\"" or "=\"plan\"" → "plan". */
export function markerRole(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const s = value.trim().replace(/^=/, "").replace(/^"(.*)"$/, "$1");
  return s || null;
}

/** "Cài đặt!B4" / "'Cài đặt'!B4:C5" → "'Cài đặt'!$B$4:$C$5" (a name's reference, absolute as it was written). */
export function absoluteAddress(address: string): string {
  const m = /^(?:'((?:[^']|'')+)'|([^!]+))!(.*)$/.exec(address);
  const sheet = m ? (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]) : null;
  const ref = (m ? m[3] : address).replace(/\$?([A-Z]+)\$?(\d+)/g, "$$$1$$$2");
  return sheet ? `${quoteSheet(sheet)}!${ref}` : ref;
}

// ---------------------------------------------------------------------------------------------
// Inventory

interface ExistingSheet {
  name: string;
  id: string;
  position: number;
  role: string | null;
}

interface Inventory {
  sheets: ExistingSheet[];
  /** table name (lower case) → { name, sheet name } */
  tables: Map<string, { name: string; sheet: string }>;
  /** workbook-level names that exist, lower-cased → { name, address of what it refers to } */
  names: Map<string, { name: string; address: string | null; formula: string | null }>;
  /** The sheet the user was on: a rollback brings them back to it (renames and deletions move Excel's selection). */
  activeId: string;
}

// ---------------------------------------------------------------------------------------------

class Batch {
  syncs = 0;
  rangeWrites = 0;
  cells = 0;
  payloadBytes = 0;
  /** Bytes queued since the last sync. */
  pending = 0;
  constructor(readonly context: Excel.RequestContext, readonly maxBatchBytes: number = Infinity) {}
  async sync(): Promise<void> {
    this.syncs++;
    this.pending = 0;
    await this.context.sync();
  }
  /** Only where the host caps a request's size (Excel on the web): sync before a write would pass the cap. */
  async room(bytes: number): Promise<void> {
    if (this.pending > 0 && this.pending + bytes > this.maxBatchBytes) await this.sync();
  }
  range(ws: Excel.Worksheet, address: string): Excel.Range {
    this.rangeWrites++;
    return ws.getRange(address);
  }
}

interface Plan {
  layout: WorkbookLayout;
  token: string;
  caps: Capabilities;
  /** final sheet name → temp name */
  tempSheet: Map<string, string>;
  /** final table name → temp name */
  tempTable: Map<string, string>;
  /** final sheet name → backup name (for owned sheets replaced) */
  backupSheet: Map<string, string>;
  /** old owned table name → backup table name */
  backupTable: Map<string, string>;
  /** existing user sheets renamed aside: existing name → aside name */
  aside: Map<string, string>;
  replaced: ExistingSheet[];
  skipped: Map<Feature, SkippedFeature>;
  messages: Message[];
  tempIds: Map<string, string>;
}

function skip(plan: Plan, feature: Feature, count = 1): void {
  const meta = FEATURE_SETS[feature];
  const prev = plan.skipped.get(feature);
  if (prev) prev.count += count;
  else plan.skipped.set(feature, { feature, requirement: `${meta.set} ${meta.version}`, count, vi: meta.vi, en: meta.en });
}

function validateLayout(layout: WorkbookLayout): void {
  const seen = new Set<string>();
  const tables = new Set<string>();
  for (const sheet of layout.sheets) {
    const problem = sheetNameProblem(sheet.name);
    if (problem) {
      throw new RenderError("validate", `Tên trang tính "${sheet.name}" không hợp lệ (${problem}). Sổ Excel chưa bị thay đổi.`, `Sheet name "${sheet.name}" is invalid (${problem}). The workbook was not changed.`, { unchanged: true });
    }
    if (seen.has(key(sheet.name))) {
      throw new RenderError("validate", `Hai trang tính cùng tên "${sheet.name}". Sổ Excel chưa bị thay đổi.`, `Two sheets are named "${sheet.name}". The workbook was not changed.`, { unchanged: true });
    }
    seen.add(key(sheet.name));
    for (const t of sheet.tables) {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(t.name) || tables.has(t.name.toLowerCase())) {
        throw new RenderError("validate", `Tên bảng "${t.name}" không hợp lệ hoặc bị trùng. Sổ Excel chưa bị thay đổi.`, `Table name "${t.name}" is invalid or repeated. The workbook was not changed.`, { unchanged: true });
      }
      tables.add(t.name.toLowerCase());
      if (t.columns.length === 0) throw new RenderError("validate", `Bảng "${t.name}" không có cột.`, `Table "${t.name}" has no columns.`, { unchanged: true });
    }
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RenderError("write", "Đã hủy theo yêu cầu. Sổ Excel được giữ nguyên như trước.", "Cancelled. The workbook is unchanged.", { unchanged: true, cancelled: true });
}

function errorDetail(e: unknown): string {
  if (e && typeof e === "object") {
    const o = e as { code?: unknown; message?: unknown; debugInfo?: { errorLocation?: unknown } };
    const where = o.debugInfo?.errorLocation ? ` at ${String(o.debugInfo.errorLocation)}` : "";
    return `${o.code ? `${String(o.code)}: ` : ""}${String(o.message ?? e)}${where}`;
  }
  return String(e);
}

// ---------------------------------------------------------------------------------------------
// Writing one sheet

interface SheetWriter {
  batch: Batch;
  ws: Excel.Worksheet;
  plan: Plan;
  rewrite: (f: string) => string;
}

function writeOpts(w: SheetWriter) {
  return { rewrite: w.rewrite, customFunctions: w.plan.caps.formulaMode === "custom", hyperlinks: w.plan.caps.excelApiMinor >= 7 };
}

/**
 * UTF-8 bytes of a value as JSON: what it weighs in the request body (Vietnamese letters take
 * 2–3 bytes; counting UTF-16 units let a 4 MB estimate reach 7 MB on the wire).
 */
function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v);
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) n += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
  }
  return n;
}

/** Writes a rectangular block of cell writes: number formats first (so text lands in "@" cells), then values. */
async function writeBlock(w: SheetWriter, r1: number, c1: number, block: CellWrite[][]): Promise<void> {
  if (!block.length || !block[0].length) return;
  const limit = w.batch.maxBatchBytes;
  if (Number.isFinite(limit)) {
    // Rows in chunks that each fit under the cap (a chunk is still one range write).
    const size = (rows: CellWrite[][]) => jsonBytes(rows.map((r) => r.map((c) => c.value))) + jsonBytes(rows.map((r) => r.map((c) => c.numberFormat))) + linkBytes(rows);
    const total = size(block);
    if (total > limit / 2 && block.length > 1) {
      const per = Math.max(1, Math.floor((block.length * (limit / 2)) / total));
      for (let i = 0; i < block.length; i += per) await writeBlock(w, r1 + i, c1, block.slice(i, i + per));
      return;
    }
    await w.batch.room(total);
  }
  const r2 = r1 + block.length - 1;
  const c2 = c1 + block[0].length - 1;
  const address = rangeAddress(r1, c1, r2, c2);
  const fmt = w.batch.range(w.ws, address);
  const formats = block.map((row) => row.map((c) => c.numberFormat));
  fmt.numberFormat = formats;
  const target = w.batch.range(w.ws, address);
  const anyFormula = block.some((row) => row.some((c) => c.formula));
  const values = block.map((row) => row.map((c) => c.value));
  if (anyFormula) target.formulas = values as unknown as string[][];
  else target.values = values;
  w.batch.cells += block.length * block[0].length;
  writeLinks(w, r1, c1, block);
  const bytes = jsonBytes(values) + jsonBytes(formats) + linkBytes(block);
  w.batch.payloadBytes += bytes;
  w.batch.pending += bytes;
  const asFormulas = block.reduce((n, row) => n + row.filter((c) => c.linkAsFormula).length, 0);
  if (asFormulas) skip(w.plan, "hyperlinks", asFormulas);
  if (block.some((row) => row.some((c) => c.frozen))) {
    w.plan.messages.push({
      vi: "Excel này không chạy được hàm =CCHC.*: các ô dùng hàm đó được ghi giá trị đã tính sẵn.",
      en: "This Excel cannot run =CCHC.* functions: cells using them were written as computed values.",
    });
  }
}

const linkBytes = (block: CellWrite[][]) => jsonBytes(block.map((row) => row.map((c) => c.link ?? 0)));

/**
 * The block's links, set after its values as the file has them: a real hyperlink on a text cell
 * (docs/hosts.md, "Links on the Kiểm tra sheet"). ExcelApi 1.9: one setCellProperties per column
 * that holds links, so the writes grow with columns, not rows; 1.7–1.8: Range.hyperlink cell by
 * cell (Excel 2019). Below 1.7 cellWrite made them HYPERLINK formulas and there is nothing to do.
 */
function writeLinks(w: SheetWriter, r1: number, c1: number, block: CellWrite[][]): void {
  const perColumn = w.plan.caps.excelApiMinor >= 9;
  for (let c = 0; c < block[0].length; c++) {
    if (!block.some((row) => row[c].link)) continue;
    if (perColumn) {
      const column = w.batch.range(w.ws, rangeAddress(r1, c1 + c, r1 + block.length - 1, c1 + c));
      column.setCellProperties(block.map((row) => [row[c].link ? { hyperlink: row[c].link } : {}]));
      continue;
    }
    block.forEach((row, r) => {
      if (row[c].link) w.batch.range(w.ws, rangeAddress(r1 + r, c1 + c, r1 + r, c1 + c)).hyperlink = row[c].link!;
    });
  }
}

/** Groups equal neighbours: [a,a,b,b,b] → [{start:0,end:1,value:a},{start:2,end:4,value:b}]. */
function runs<T>(items: T[], same: (a: T, b: T) => boolean): Array<{ start: number; end: number; value: T }> {
  const out: Array<{ start: number; end: number; value: T }> = [];
  items.forEach((item, i) => {
    const last = out[out.length - 1];
    if (last && last.end === i - 1 && same(last.value, item)) last.end = i;
    else out.push({ start: i, end: i, value: item });
  });
  return out;
}

async function writeTable(w: SheetWriter, table: TableLayout, tempTableName: string): Promise<void> {
  const origin = parseRange(table.origin);
  const r0 = origin.r1;
  const c0 = origin.c1;
  const cols = table.columns.length;
  const opts = writeOpts(w);
  // Header row: text.
  await writeBlock(w, r0, c0, [table.columns.map((c) => cellWrite({ v: c.header }, HEADER_SPEC, opts))]);
  const headerRange = w.batch.range(w.ws, rangeAddress(r0, c0, r0, c0 + cols - 1));
  applyFormat(headerRange, cellFormat(HEADER_SPEC));
  // Body: one block (an empty table keeps one blank row, as Excel needs).
  const rows = bodyRows(table);
  const block = rows.map((row) => table.columns.map((c, i) => cellWrite(row[i], bodySpec(c, row[i]), opts)));
  await writeBlock(w, r0 + 1, c0, block);
  const rLast = r0 + rows.length;
  // Formats by column, then runs of cells whose own style differs from their column's.
  table.columns.forEach((c, i) => {
    applyFormat(w.batch.range(w.ws, rangeAddress(r0 + 1, c0 + i, rLast, c0 + i)), cellFormat(bodySpec(c, undefined)));
    const overrides = rows.map((row) => (bodyStyleKey(c, row[i]) !== bodyStyleKey(c, undefined) ? bodyStyleKey(c, row[i]) : null));
    for (const run of runs(overrides, (a, b) => a === b)) {
      if (!run.value) continue;
      applyFormat(w.batch.range(w.ws, rangeAddress(r0 + 1 + run.start, c0 + i, r0 + 1 + run.end, c0 + i)), cellFormat(bodySpec(c, rows[run.start][i])));
    }
  });
  applyGrid(w.batch.range(w.ws, rangeAddress(r0, c0, rLast, c0 + cols - 1)), { vertical: cols > 1, horizontal: true });
  const t = w.ws.tables.add(rangeAddress(r0, c0, rLast, c0 + cols - 1), true);
  w.batch.rangeWrites++;
  t.name = tempTableName;
  const look = tableLook(table);
  t.style = look.style;
  t.showBandedRows = look.bandedRows;
}

/** Free cells grouped into bands of consecutive rows; each band is one block. */
async function writeFreeCells(w: SheetWriter, sheet: SheetLayout): Promise<void> {
  const entries = Object.entries(sheet.cells).map(([a1, cell]) => {
    const { r1, c1 } = parseRange(a1);
    return { r: r1, c: c1, cell };
  });
  if (!entries.length) return;
  const byRow = new Map<number, typeof entries>();
  for (const e of entries) {
    const list = byRow.get(e.r) ?? [];
    list.push(e);
    byRow.set(e.r, list);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const contiguous: number[][] = [];
  for (const r of rows) {
    const last = contiguous[contiguous.length - 1];
    if (last && last[last.length - 1] === r - 1) last.push(r);
    else contiguous.push([r]);
  }
  const opts = writeOpts(w);
  for (const band of contiguous) {
    const cells = band.flatMap((r) => byRow.get(r)!);
    const cMin = Math.min(...cells.map((e) => e.c));
    const cMax = Math.max(...cells.map((e) => e.c));
    const lookup = new Map(cells.map((e) => [`${e.r}:${e.c}`, e.cell]));
    const block: CellWrite[][] = band.map((r) => {
      const row: CellWrite[] = [];
      for (let c = cMin; c <= cMax; c++) {
        const cell = lookup.get(`${r}:${c}`);
        row.push(cell ? cellWrite(cell, freeSpec(cell), opts) : { value: "", numberFormat: "General", formula: false });
      }
      return row;
    });
    await writeBlock(w, band[0], cMin, block);
    // Styles: horizontal runs of equal style keys.
    for (const r of band) {
      const keys: Array<string | null> = [];
      for (let c = cMin; c <= cMax; c++) keys.push(lookup.get(`${r}:${c}`)?.style ?? null);
      for (const run of runs(keys, (a, b) => a === b)) {
        if (!run.value) continue;
        const spec = freeSpec(lookup.get(`${r}:${cMin + run.start}`));
        const range = w.batch.range(w.ws, rangeAddress(r, cMin + run.start, r, cMin + run.end));
        applyFormat(range, cellFormat(spec));
        if (spec.border) applyGrid(range, { vertical: run.end > run.start, horizontal: false });
      }
    }
  }
}

const ERROR_STYLES = { stop: "Stop", warning: "Warning", information: "Information" } as const;

const CHART_TYPES: Record<ChartLayout["type"], string> = {
  barClustered: "BarClustered",
  columnClustered: "ColumnClustered",
  columnStacked: "ColumnStacked",
};

function writeChart(w: SheetWriter, chart: ChartLayout): void {
  const cat = parseRange(chart.categories);
  const series = chart.series.map((s) => ({ name: s.name, r: parseRange(s.values) }));
  if (!series.length) return;
  const rowsMatch = series.every((s) => s.r.r1 === cat.r1 && s.r.r2 === cat.r2 && s.r.c1 === s.r.c2);
  const cols = series.map((s) => s.r.c1).sort((a, b) => a - b);
  const contiguous = rowsMatch && cat.c1 === cat.c2 && cols.every((c, i) => c === cat.c1 + 1 + i);
  let c: Excel.Chart;
  if (contiguous) {
    // Categories in the first column, one series per following column: works at ExcelApi 1.1.
    c = w.ws.charts.add(CHART_TYPES[chart.type] as Excel.ChartType, w.ws.getRange(rangeAddress(cat.r1, cat.c1, cat.r2, cols[cols.length - 1])), "Columns");
    series.forEach((s, i) => {
      c.series.getItemAt(i).name = s.name;
    });
  } else if (w.plan.caps.chartSeries) {
    c = w.ws.charts.add(CHART_TYPES[chart.type] as Excel.ChartType, w.ws.getRange(chart.series[0].values.replace(/^.*!/, "")), "Columns");
    const first = c.series.getItemAt(0);
    first.name = series[0].name;
    first.setXAxisValues(w.ws.getRange(chart.categories.replace(/^.*!/, "")));
    for (const s of series.slice(1)) {
      const added = c.series.add(s.name);
      added.setValues(w.ws.getRange(rangeAddress(s.r.r1, s.r.c1, s.r.r2, s.r.c2)));
      added.setXAxisValues(w.ws.getRange(chart.categories.replace(/^.*!/, "")));
    }
  } else {
    w.plan.messages.push({
      vi: `Không vẽ được biểu đồ "${chart.title}" trên Excel này (cần ExcelApi 1.7 cho dữ liệu không liền nhau); bảng số liệu vẫn có đủ.`,
      en: `Chart "${chart.title}" could not be drawn in this Excel (non-contiguous data needs ExcelApi 1.7); the figures are all in the table.`,
    });
    return;
  }
  w.batch.rangeWrites++;
  c.title.text = chart.title;
  c.setPosition(chart.from, chart.to);
  // As the file draws it (chartLook.ts).
  c.legend.visible = true;
  c.legend.position = "Bottom";
  c.dataLabels.showValue = true;
  if (isRateChart(chart)) {
    c.axes.valueAxis.minimum = 0;
    c.axes.valueAxis.maximum = 1;
  }
}

async function writeSheet(w: SheetWriter, sheet: SheetLayout): Promise<void> {
  const { ws, plan } = w;
  const caps = plan.caps;
  // Owner marker: a hidden sheet-scoped name, as the file renderer writes.
  const marker = ws.names.add(OWNER_MARKER_NAME, `="${sheet.role}"`);
  marker.visible = false;
  const look = resolveSheet(sheet);
  const { extent } = look;
  if (extent.rows && extent.cols) {
    const all = w.batch.range(ws, rangeAddress(0, 0, extent.rows - 1, extent.cols - 1));
    const { font } = cellFormat({});
    all.format.font.name = font.name;
    all.format.font.size = font.size;
  }
  // Column widths in runs of equal width.
  const widthRuns: Array<{ c1: number; c2: number; width: number }> = [];
  for (const { index, width } of look.columns) {
    const last = widthRuns[widthRuns.length - 1];
    if (last && last.c2 === index - 1 && last.width === width) last.c2 = index;
    else widthRuns.push({ c1: index, c2: index, width });
  }
  for (const run of widthRuns) {
    const range = w.batch.range(ws, `${columnLetter(run.c1)}:${columnLetter(run.c2)}`);
    range.format.columnWidth = widthToPoints(run.width);
  }
  for (const c of look.columns) if (c.hidden) w.batch.range(ws, `${columnLetter(c.index)}:${columnLetter(c.index)}`).columnHidden = true;
  // Values: free cells, then tables over them.
  await writeFreeCells(w, sheet);
  for (const t of sheet.tables) await writeTable(w, t, plan.tempTable.get(t.name)!);
  // Excel measures the text itself: one autofit per table body (a file gets estimates instead).
  for (const { first, last } of look.fittedRows) w.batch.range(ws, `${first + 1}:${last + 1}`).format.autofitRows();
  for (const [row, height] of Object.entries(look.rowHeights)) {
    const r = Number(row) + 1;
    w.batch.range(ws, `${r}:${r}`).format.rowHeight = height;
  }
  for (const m of sheet.merges) w.batch.range(ws, m.replace(/^.*!/, "")).merge(false);
  // Gated features.
  const { freeze } = look;
  if (freeze) {
    if (!caps.freezePanes) skip(plan, "freezePanes");
    else if (freeze.rows && freeze.columns) ws.freezePanes.freezeAt(ws.getRange(rangeAddress(0, 0, freeze.rows - 1, freeze.columns - 1)));
    else if (freeze.rows) ws.freezePanes.freezeRows(freeze.rows);
    else ws.freezePanes.freezeColumns(freeze.columns);
  }
  if (sheet.tabColor) {
    if (caps.tabColor) ws.tabColor = sheet.tabColor;
    else skip(plan, "tabColor");
  }
  if (sheet.validations.length) {
    if (!caps.dataValidation) skip(plan, "dataValidation", sheet.validations.length);
    else {
      for (const v of sheet.validations) {
        const dv = w.batch.range(ws, v.range.replace(/^.*!/, "")).dataValidation;
        const r = validationRule(v);
        if (r.list) {
          dv.rule = { list: { inCellDropDown: true, source: "formula" in r.list ? `=${w.rewrite(r.list.formula)}` : r.list.values } };
        } else if (r.type === "date") {
          dv.rule = { date: { formula1: String(r.minimum), operator: "GreaterThanOrEqualTo" } };
        } else {
          dv.rule = { decimal: { formula1: Number(r.minimum), operator: "GreaterThanOrEqualTo" } };
        }
        dv.ignoreBlanks = r.ignoreBlanks;
        dv.errorAlert = { showAlert: true, style: ERROR_STYLES[r.errorStyle], title: r.errorTitle, message: r.errorMessage };
        if (r.prompt !== null) dv.prompt = { showPrompt: true, title: "", message: r.prompt };
      }
    }
  }
  if (sheet.conditionalFormats.length) {
    if (!caps.conditionalFormats) skip(plan, "conditionalFormats", sheet.conditionalFormats.length);
    else {
      // Excel's add() puts each new format at the top priority: added last to first, the first
      // declared applies first, as in the file (exceljs.ts priority i + 1).
      for (const cf of [...sheet.conditionalFormats].reverse()) {
        const added = w.batch.range(ws, cf.range.replace(/^.*!/, "")).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
        added.custom.rule.formula = `=${w.rewrite(cf.formula)}`;
        added.custom.format.fill.color = cf.fill;
        if (cf.fontColor) added.custom.format.font.color = cf.fontColor;
      }
    }
  }
  for (const chart of sheet.charts) writeChart(w, chart);
  if (caps.pageLayout) {
    const pl = ws.pageLayout;
    const { print } = look;
    pl.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
    pl.paperSize = print.paperSize;
    pl.leftMargin = inchesToPoints(print.margins.left);
    pl.rightMargin = inchesToPoints(print.margins.right);
    pl.topMargin = inchesToPoints(print.margins.top);
    pl.bottomMargin = inchesToPoints(print.margins.bottom);
    pl.headerMargin = inchesToPoints(print.margins.header);
    pl.footerMargin = inchesToPoints(print.margins.footer);
    // The height is left to Excel (a 0 for verticalFitToPages is not documented as "automatic").
    if (print.fitToPagesWide !== null) pl.zoom = { horizontalFitToPages: print.fitToPagesWide };
    if (print.titleRows) pl.setPrintTitleRows(print.titleRows);
    if (print.centerFooter) pl.headersFooters.defaultForAllPages.centerFooter = print.centerFooter;
  } else skip(plan, "pageLayout");
}

// ---------------------------------------------------------------------------------------------

async function inspect(batch: Batch, layout: WorkbookLayout, caps: Capabilities): Promise<Inventory> {
  const wb = batch.context.workbook;
  const sheets = wb.worksheets;
  sheets.load("items/name,items/id,items/position");
  const active = sheets.getActiveWorksheet();
  active.load("id");
  const tables = wb.tables;
  tables.load("items/name");
  const names = wb.names;
  names.load("items/name");
  await batch.sync();
  const markers = sheets.items.map((ws) => {
    const m = ws.names.getItemOrNullObject(OWNER_MARKER_NAME);
    m.load("value");
    return m;
  });
  const tableSheets = tables.items.map((t) => {
    const s = t.worksheet;
    s.load("name");
    return s;
  });
  const ours = new Set(Object.keys(layout.names ?? {}).map((n) => n.toLowerCase()));
  const nameRanges = names.items.map((n) => {
    if (!ours.has(n.name.toLowerCase())) return null;
    const r = n.getRangeOrNullObject();
    r.load("address");
    return r;
  });
  // NamedItem.formula (ExcelApi 1.7) restores a name exactly on rollback; below, its range's address.
  const nameFormulas = caps.excelApiMinor >= 7 ? names.items.map((n) => (ours.has(n.name.toLowerCase()) ? (n.load("formula"), n) : null)) : names.items.map(() => null);
  await batch.sync();
  return {
    activeId: active.id,
    sheets: sheets.items.map((ws, i) => ({ name: ws.name, id: ws.id, position: ws.position, role: markers[i].isNullObject ? null : markerRole(markers[i].value) })),
    tables: new Map(tables.items.map((t, i) => [t.name.toLowerCase(), { name: t.name, sheet: tableSheets[i].name }])),
    names: new Map(
      names.items.map((n, i) => {
        const r = nameRanges[i];
        const f = nameFormulas[i];
        const formula = f && typeof f.formula === "string" ? f.formula : null;
        return [n.name.toLowerCase(), { name: n.name, address: r && !r.isNullObject ? absoluteAddress(r.address) : null, formula }];
      }),
    ),
  };
}

function makePlan(layout: WorkbookLayout, inv: Inventory, caps: Capabilities, token: string): Plan {
  const plan: Plan = {
    layout, token, caps,
    tempSheet: new Map(), tempTable: new Map(), backupSheet: new Map(), backupTable: new Map(), aside: new Map(),
    replaced: [], skipped: new Map(), messages: [], tempIds: new Map(),
  };
  const existing = new Map(inv.sheets.map((s) => [key(s.name), s]));
  const taken = new Set(inv.sheets.map((s) => key(s.name)));
  for (const s of layout.sheets) taken.add(key(s.name));
  layout.sheets.forEach((sheet, i) => {
    plan.tempSheet.set(sheet.name, `~cchc-${token}-${i}`);
    const old = existing.get(key(sheet.name));
    if (!old) return;
    if (old.role) {
      plan.backupSheet.set(old.name, `~cchc-old-${token}-${i}`);
      plan.replaced.push(old);
    } else {
      const to = asideName(old.name, taken);
      taken.add(key(to));
      plan.aside.set(old.name, to);
      plan.messages.push(renamedAsideMessage(old.name, to));
    }
  });
  const replacedSheets = new Set(plan.replaced.map((s) => key(s.name)));
  let t = 0;
  for (const sheet of layout.sheets) {
    for (const table of sheet.tables) {
      plan.tempTable.set(table.name, `CCHC_tmp_${token}_${t++}`);
      const clash = inv.tables.get(table.name.toLowerCase());
      if (clash) {
        if (replacedSheets.has(key(clash.sheet))) plan.backupTable.set(clash.name, `CCHC_old_${token}_${t}`);
        else {
          throw new RenderError(
            "validate",
            `Sổ Excel đã có một bảng tên "${clash.name}" trên trang tính "${clash.sheet}" (không do phần bổ trợ tạo). Hãy đổi tên bảng đó (Thiết kế bảng > Tên bảng) rồi làm lại. Sổ Excel chưa bị thay đổi.`,
            `The workbook already has a table named "${clash.name}" on sheet "${clash.sheet}" (not made by the add-in). Rename that table (Table Design > Table Name) and try again. The workbook was not changed.`,
            { unchanged: true },
          );
        }
      }
    }
  }
  // Tables on replaced sheets that the new layout does not recreate also go away with their sheet: nothing to do.
  return plan;
}

async function cleanup(batch: Batch, plan: Plan, inv: Inventory): Promise<boolean> {
  try {
    const sheets = batch.context.workbook.worksheets;
    sheets.load("items/name,items/id");
    await batch.sync();
    const temps = new Set([...plan.tempSheet.values()].map(key));
    // Only sheets this render created: a temporary name, and not a sheet that was there before.
    const before = new Set(inv.sheets.map((s) => s.id));
    let any = false;
    for (const ws of sheets.items) {
      if (temps.has(key(ws.name)) && !before.has(ws.id)) {
        ws.delete();
        any = true;
      }
    }
    if (any) await batch.sync();
    return true;
  } catch {
    return false;
  }
}

async function swap(batch: Batch, plan: Plan, inv: Inventory, activate: string | false | undefined): Promise<void> {
  const wb = batch.context.workbook;
  const sheets = wb.worksheets;
  // a. old owned tables and sheets aside, hidden.
  for (const [oldTable, backup] of plan.backupTable) wb.tables.getItem(oldTable).name = backup;
  for (const old of plan.replaced) {
    const ws = sheets.getItem(old.name);
    ws.name = plan.backupSheet.get(old.name)!;
  }
  // b. user sheets with colliding names, renamed aside.
  for (const [from, to] of plan.aside) sheets.getItem(from).name = to;
  // c. temporaries take their names.
  for (const [final, temp] of plan.tempTable) wb.tables.getItem(temp).name = final;
  for (const sheet of plan.layout.sheets) sheets.getItem(plan.tempSheet.get(sheet.name)!).name = sheet.name;
  // d. workbook names re-pointed.
  for (const [name, ref] of Object.entries(plan.layout.names ?? {})) {
    const existing = inv.names.get(name.toLowerCase());
    if (existing) wb.names.getItem(existing.name).delete();
    wb.names.add(name, `=${ref}`);
  }
  // e. order and activate: new sheets where the first replaced one was, else at the end.
  const firstPos = plan.replaced.length ? Math.min(...plan.replaced.map((s) => s.position)) : null;
  if (firstPos !== null) plan.layout.sheets.forEach((s, i) => (sheets.getItem(s.name).position = firstPos + i));
  for (const old of plan.replaced) sheets.getItem(plan.backupSheet.get(old.name)!).visibility = "Hidden";
  // "Leave the selection alone" when the person's sheet was itself replaced: its new version, not
  // whichever sheet Excel moves to when the old one is hidden.
  const replacedActive = plan.replaced.find((r) => r.id === inv.activeId);
  const target = activate === undefined ? plan.layout.sheets[0]?.name : activate === false ? replacedActive?.name : activate;
  if (target) sheets.getItem(target).activate();
  await batch.sync();
}

async function rollback(batch: Batch, plan: Plan, inv: Inventory): Promise<boolean> {
  try {
    const wb = batch.context.workbook;
    const sheets = wb.worksheets;
    sheets.load("items/name,items/id");
    const tables = wb.tables;
    tables.load("items/name");
    const names = wb.names;
    names.load("items/name");
    await batch.sync();
    const tempIds = new Set(plan.tempIds.values());
    // Temporaries go first (by id, whatever name they reached), freeing the final names.
    for (const ws of sheets.items) if (tempIds.has(ws.id)) ws.delete();
    // Then old sheets and user sheets get their names back, by id.
    const byId = new Map(sheets.items.map((ws) => [ws.id, ws]));
    for (const old of plan.replaced) {
      const ws = byId.get(old.id);
      if (ws && ws.name !== old.name) ws.name = old.name;
      if (ws) ws.visibility = "Visible";
    }
    for (const s of inv.sheets) {
      if (!plan.aside.has(s.name)) continue;
      const ws = byId.get(s.id);
      if (ws && ws.name !== s.name) ws.name = s.name;
    }
    const tableNames = new Set(tables.items.map((t) => t.name));
    for (const [oldTable, backup] of plan.backupTable) if (tableNames.has(backup)) tables.getItem(backup).name = oldTable;
    // Names that were deleted come back pointing where they pointed.
    const present = new Set(names.items.map((n) => n.name.toLowerCase()));
    for (const [lower, n] of inv.names) {
      if (!Object.keys(plan.layout.names ?? {}).some((x) => x.toLowerCase() === lower)) continue;
      if (present.has(lower)) names.getItem(n.name).delete();
      if (n.formula) names.add(n.name, n.formula);
      else if (n.address) names.add(n.name, `=${n.address}`);
    }
    if (byId.has(inv.activeId)) byId.get(inv.activeId)!.activate();
    await batch.sync();
    return true;
  } catch {
    return false;
  }
}

export const WEB_BATCH_CAP = 4_000_000;

function defaultBatchCap(): number {
  const office = (globalThis as { Office?: { context?: { platform?: unknown }; PlatformType?: { OfficeOnline?: unknown } } }).Office;
  const platform = office?.context?.platform;
  return platform !== undefined && platform !== null && String(platform) === String(office?.PlatformType?.OfficeOnline ?? "OfficeOnline") ? WEB_BATCH_CAP : Infinity;
}

/**
 * Writes `layout` into the workbook of `context`. Sheets of the layout replace the add-in's sheets
 * of the same name; other sheets are left alone. Throws RenderError (with `unchanged`) on failure.
 */
export async function renderLayout(context: Excel.RequestContext, layout: WorkbookLayout, opts: RenderOptions = {}): Promise<RenderResult> {
  const caps = opts.capabilities ?? detectCapabilities();
  const batch = new Batch(context, opts.maxBatchBytes ?? defaultBatchCap());
  const progress = (step: RenderStep, fraction: number, vi: string, en: string) => opts.onProgress?.({ step, fraction, vi, en });
  validateLayout(layout);
  throwIfAborted(opts.signal);
  progress("inspect", 0.05, "Đang đọc sổ Excel…", "Reading the workbook…");
  let inv: Inventory;
  try {
    inv = await inspect(batch, layout, caps);
  } catch (e) {
    throw new RenderError("inspect", "Không đọc được sổ Excel. Sổ Excel chưa bị thay đổi. Hãy thoát chế độ sửa ô (nhấn Esc) rồi thử lại.", "Could not read the workbook. Nothing was changed. Leave cell edit mode (press Esc) and try again.", { unchanged: true, detail: errorDetail(e) });
  }
  // A token whose temporary names no existing sheet uses.
  const taken = new Set(inv.sheets.map((s) => key(s.name)));
  let token = opts.token ?? randomToken();
  while (layout.sheets.some((_, i) => taken.has(key(`~cchc-${token}-${i}`)) || taken.has(key(`~cchc-old-${token}-${i}`)))) token = randomToken();
  const plan = makePlan(layout, inv, caps, token);
  const sheetMap = new Map(plan.tempSheet);
  const tableMap = new Map(plan.tempTable);
  const rewrite = (f: string) => rewriteRefs(f, sheetMap, tableMap);

  // Write everything into temporaries (one batch).
  try {
    throwIfAborted(opts.signal);
    progress("write", 0.2, "Đang ghi các trang tính mới…", "Writing the new sheets…");
    if (caps.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
    const created: Excel.Worksheet[] = [];
    for (const sheet of layout.sheets) {
      const ws = context.workbook.worksheets.add(plan.tempSheet.get(sheet.name)!);
      ws.load("id");
      created.push(ws);
      await writeSheet({ batch, ws, plan, rewrite }, sheet);
    }
    await batch.sync();
    layout.sheets.forEach((s, i) => plan.tempIds.set(s.name, created[i].id));
    throwIfAborted(opts.signal);
  } catch (e) {
    progress("cleanup", 0.9, "Có lỗi, đang hoàn tác…", "Something failed, undoing…");
    const clean = await cleanup(batch, plan, inv);
    if (isRenderError(e)) {
      if (clean) throw e;
      throw new RenderError(e.step, e.messageVi, e.messageEn, { unchanged: false, cancelled: e.cancelled, detail: e.detail });
    }
    throw new RenderError(
      "write",
      clean
        ? "Không ghi được vào sổ Excel; sổ Excel được giữ nguyên như trước. Hãy thoát chế độ sửa ô (nhấn Esc), bỏ bảo vệ sổ nếu có, rồi thử lại."
        : "Không ghi được vào sổ Excel và không dọn được các trang tạm \"~cchc-…\". Hãy xóa các trang đó bằng tay rồi thử lại.",
      clean
        ? "Could not write to the workbook; it was left as it was. Leave cell edit mode (press Esc), unprotect the workbook if it is protected, and try again."
        : "Could not write to the workbook, nor remove the temporary \"~cchc-…\" sheets. Delete them by hand and try again.",
      { unchanged: clean, detail: errorDetail(e) },
    );
  }

  // Swap.
  progress("swap", 0.8, "Đang thay các trang tính cũ…", "Replacing the old sheets…");
  try {
    await swap(batch, plan, inv, opts.activate);
  } catch (e) {
    progress("cleanup", 0.9, "Có lỗi, đang hoàn tác…", "Something failed, undoing…");
    const back = await rollback(batch, plan, inv);
    throw new RenderError(
      "swap",
      back
        ? "Không thay được các trang tính; sổ Excel đã được đưa về như trước. Hãy đóng các hộp thoại đang mở trong Excel rồi thử lại."
        : "Không thay được các trang tính và không hoàn tác được hết. Hãy kiểm tra các trang tính có tên bắt đầu bằng \"~cchc-\" và dùng Hoàn tác (Ctrl+Z) nếu cần.",
      back
        ? "Could not swap in the new sheets; the workbook was put back as it was. Close any open dialog in Excel and try again."
        : "Could not swap in the new sheets nor fully undo it. Check the sheets whose names start with \"~cchc-\" and use Undo if needed.",
      { unchanged: back, detail: errorDetail(e) },
    );
  }

  // Drop the backups (hidden already).
  if (plan.replaced.length) {
    try {
      for (const old of plan.replaced) context.workbook.worksheets.getItem(plan.backupSheet.get(old.name)!).delete();
      await batch.sync();
    } catch {
      // Not lost: the new sheets are in; the hidden backups stay, and the person is told.
      plan.messages.push({
        vi: "Các trang tính cũ đã được ẩn nhưng chưa xóa được (tên bắt đầu bằng \"~cchc-old\"); có thể xóa chúng bằng tay.",
        en: "The old sheets were hidden but could not be deleted (names starting with \"~cchc-old\"); you may delete them by hand.",
      });
    }
  }
  progress("done", 1, "Xong.", "Done.");
  const seen = new Set<string>();
  return {
    sheets: layout.sheets.map((s) => s.name),
    replaced: plan.replaced.map((s) => s.name),
    renamedAside: [...plan.aside].map(([from, to]) => ({ from, to })),
    skipped: [...plan.skipped.values()],
    messages: plan.messages.filter((m) => (seen.has(m.vi) ? false : (seen.add(m.vi), true))),
    stats: { syncs: batch.syncs, rangeWrites: batch.rangeWrites, cells: batch.cells, payloadBytes: batch.payloadBytes },
  };
}

