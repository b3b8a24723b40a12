/**
 * What the workbook snapshot (values, formulas) does not carry, read from each host's own model —
 * the file's exceljs workbook and the simulator's workbook model — into one comparable shape, cell
 * by cell: number formats, workbook names, data validations, conditional formats, merges, each
 * cell's look (font, fill, borders, alignment, wrap), column widths, row heights, frozen panes,
 * tab colour, print setup, tables (range, style, banding) and charts (type, title, series, anchor;
 * the file's are read from its chart parts, which exceljs does not load). Only the vocabulary is translated:
 * a validation's "decimal ≥ 0" is `{decimal:{operator:"GreaterThanOrEqualTo"}}` live and
 * `{type:"decimal", operator:"greaterThanOrEqual"}` in the file; a column is characters wide in
 * the file and points wide live, and margins inches and points, compared after the one conversion
 * the renderers use (widthToPoints, inchesToPoints). Every value that an official would see or
 * that Excel would check is compared as written.
 */
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { DEFAULT_FONT, type BorderModel, type StyleModel, type WorkbookSnapshot as WorkbookState } from "../fakeExcel/model";
import { loadWorkbook } from "../../src/render/xlsxStrict";
import { inchesToPoints, widthToPoints } from "../../src/render/resolvedSheet";
import { sheetPaths, unescapeXml } from "../../src/render/xlsxCharts";
import { address } from "../../src/layout/address";

export interface SheetFormatting {
  /** A1 → number format, for every cell whose format is not General ("B:B" for a whole column's). */
  numberFormats: Record<string, string>;
  /** A1 → the cell's validation, in one vocabulary. */
  validations: Record<string, string>;
  /** Conditional formats in priority order: "ranges | formula | fill | font colour". */
  conditionalFormats: string[];
  merges: string[];
  /** A1 → "Times New Roman 12 bold #000000 | fill #DDEBF7 | center/center wrap | borders …", for every cell that is not as Excel starts it. */
  cellFormats: Record<string, string>;
  /** Column letter → "98.25 pt" (or "… hidden"). */
  columns: Record<string, string>;
  /** 1-based row → its height in points, or "fit" where the host fits the row to its text. */
  rows: Record<string, string>;
  /** freeze, tabColor, orientation, paperSize, fit, margins, titleRows, footer. */
  setup: Record<string, string>;
  /** Table name → "B4:U64 | TableStyleMedium2 | header row | banded rows". */
  tables: Record<string, string>;
  /** In drawing order: "columnClustered | title | series "name" values × categories | B30:H45 | legend bottom | value labels | value axis 0–1" (ranges without "$"). */
  charts: string[];
}

export interface WorkbookFormatting {
  /** Workbook-level defined names: name → reference (no "="). */
  names: Record<string, string>;
  sheets: Record<string, SheetFormatting>;
}

const noEquals = (f: string) => f.replace(/^=/, "").replace(/\b_xldudf_CCHC_([A-Z]+)\(/g, "CCHC.$1(");
const colour = (c: string | undefined) => (c ? `#${c.replace(/^#|^FF(?=[0-9A-F]{6}$)/gi, "").toUpperCase()}` : "");
const OPERATOR: Record<string, string> = {
  greaterThanOrEqual: "GreaterThanOrEqualTo", lessThanOrEqual: "LessThanOrEqualTo", greaterThan: "GreaterThan", lessThan: "LessThan",
  equal: "EqualTo", notEqual: "NotEqualTo", between: "Between", notBetween: "NotBetween",
};
const ERROR_STYLE: Record<string, string> = { stop: "Stop", warning: "Warning", information: "Information" };

interface Validation {
  type: string;
  operator?: string;
  formula1: string;
  ignoreBlanks: boolean;
  alert: { show: boolean; style: string; title: string; message: string };
  prompt: { show: boolean; title: string; message: string };
}
const describe = (v: Validation) => JSON.stringify(v);

/** One cell's look, in one vocabulary; null when it is Excel's default look. */
interface Look {
  font: { name: string; size: number; bold: boolean; italic: boolean; underline: boolean; color: string };
  fill: string;
  horizontal: string;
  vertical: string;
  wrap: boolean;
  /** top, bottom, left, right: "thin #808080" or "". */
  borders: string[];
}
const DEFAULT_LOOK: Look = {
  font: { name: DEFAULT_FONT.name, size: DEFAULT_FONT.size, bold: false, italic: false, underline: false, color: DEFAULT_FONT.color },
  fill: "", horizontal: "general", vertical: "bottom", wrap: false, borders: ["", "", "", ""],
};
function describeLook(l: Look): string | null {
  if (JSON.stringify(l) === JSON.stringify(DEFAULT_LOOK)) return null;
  const f = l.font;
  const font = [f.name, f.size, f.bold && "bold", f.italic && "italic", f.underline && "underline", f.color].filter(Boolean).join(" ");
  return `${font} | fill ${l.fill || "none"} | ${l.horizontal}/${l.vertical}${l.wrap ? " wrap" : ""} | borders ${l.borders.map((b) => b || "none").join(", ")}`;
}
const points = (n: number) => String(Math.round(n * 100) / 100);
const titleRows = (r: string | null | undefined) => (r ? r.replace(/^.*!/, "").replace(/\$/g, "") : "");

function fileLook(cell: ExcelJS.Cell): Look {
  const font = cell.font ?? {};
  const fill = cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? colour(cell.fill.fgColor?.argb) : "";
  const a = cell.alignment ?? {};
  const edge = (b: Partial<ExcelJS.Border> | undefined) => (b?.style ? `${b.style} ${colour(b.color?.argb) || "#000000"}` : "");
  const b = cell.border ?? {};
  return {
    font: {
      name: font.name ?? DEFAULT_LOOK.font.name, size: font.size ?? DEFAULT_LOOK.font.size, bold: Boolean(font.bold), italic: Boolean(font.italic),
      underline: Boolean(font.underline), color: colour(font.color?.argb) || DEFAULT_LOOK.font.color,
    },
    fill,
    horizontal: a.horizontal ?? "general",
    vertical: a.vertical === "middle" ? "center" : (a.vertical ?? "bottom"),
    wrap: Boolean(a.wrapText),
    borders: [edge(b.top), edge(b.bottom), edge(b.left), edge(b.right)],
  };
}

const LINE: Record<string, string> = { Continuous: "thin" };
function liveLook(st: StyleModel | undefined): Look {
  const f = st?.font ?? {};
  const edge = (b: BorderModel | undefined) => (b && b.style !== "None" ? `${b.weight === "Thin" ? (LINE[b.style] ?? b.style) : `${b.style} ${b.weight}`} ${b.color}` : "");
  const b = st?.borders ?? {};
  return {
    font: {
      name: f.name ?? DEFAULT_FONT.name, size: f.size ?? DEFAULT_FONT.size, bold: Boolean(f.bold), italic: Boolean(f.italic),
      underline: (f.underline ?? "None") !== "None", color: f.color ?? DEFAULT_FONT.color,
    },
    fill: st?.fill ?? "",
    horizontal: (st?.horizontalAlignment ?? "General").toLowerCase(),
    vertical: (st?.verticalAlignment ?? "Bottom").toLowerCase(),
    wrap: Boolean(st?.wrapText),
    borders: [edge(b.EdgeTop), edge(b.EdgeBottom), edge(b.EdgeLeft), edge(b.EdgeRight)],
  };
}

function fileFormula1(type: string, f: unknown): string {
  if (f instanceof Date) return f.toISOString().slice(0, 10);
  if (typeof f === "string" && /^\d{4}-\d{2}-\d{2}T/.test(f)) return f.slice(0, 10);
  const s = String(f ?? "");
  // A list of values is quoted in the file ("a,b") and bare live (a,b); a range starts with "=" live.
  if (type === "list") return /^".*"$/.test(s) ? s.slice(1, -1) : noEquals(s);
  return noEquals(s);
}

/** The file's formatting, from the workbook exceljs loads. */
export async function fileFormatting(bytes: Uint8Array, sheetNames: string[]): Promise<WorkbookFormatting> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const names: Record<string, string> = {};
  for (const n of wb.definedNames.model as Array<{ name: string; ranges: string[] }>) names[n.name] = n.ranges.join(",");
  const sheets: Record<string, SheetFormatting> = {};
  const charts = fileCharts(bytes);
  for (const name of sheetNames) {
    const ws = wb.getWorksheet(name);
    if (!ws) continue;
    const numberFormats: Record<string, string> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        if (cell.numFmt && cell.numFmt !== "General") numberFormats[cell.address] = cell.numFmt;
      }),
    );
    ws.columns?.forEach((column) => {
      if (column.numFmt && column.numFmt !== "General") numberFormats[`${column.letter}:${column.letter}`] = column.numFmt;
    });
    const validations: Record<string, string> = {};
    const dvs = (ws as unknown as { dataValidations: { model: Record<string, ExcelJS.DataValidation> } }).dataValidations.model;
    for (const [a1, dv] of Object.entries(dvs)) {
      validations[a1] = describe({
        type: dv.type,
        ...(dv.type === "list" ? {} : { operator: OPERATOR[dv.operator ?? "between"] }),
        formula1: fileFormula1(dv.type, dv.formulae?.[0]),
        ignoreBlanks: Boolean(dv.allowBlank),
        alert: { show: Boolean(dv.showErrorMessage), style: ERROR_STYLE[dv.errorStyle ?? "stop"], title: dv.errorTitle ?? "", message: dv.error ?? "" },
        prompt: { show: Boolean(dv.showInputMessage), title: dv.promptTitle ?? "", message: dv.prompt ?? "" },
      });
    }
    const cfs = ((ws as unknown as { conditionalFormattings?: Array<{ ref: string; rules: Array<Record<string, unknown>> }> }).conditionalFormattings ?? [])
      .flatMap((cf) => cf.rules.map((rule) => ({ ref: cf.ref, rule })))
      .sort((a, b) => Number(a.rule.priority) - Number(b.rule.priority))
      .map(({ ref, rule }) => {
        const style = (rule.style ?? {}) as { fill?: { bgColor?: { argb?: string } }; font?: { color?: { argb?: string } } };
        return `${ref.split(/\s+/).join(",")} | ${rule.type} ${noEquals(String((rule.formulae as string[] | undefined)?.[0] ?? ""))} | ${colour(style.fill?.bgColor?.argb)} | ${colour(style.font?.color?.argb)}`;
      });
    const merges = [...((ws.model as unknown as { merges?: string[] }).merges ?? [])].sort();
    const cellFormats: Record<string, string> = {};
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (cell) => {
        if (cell.isMerged && cell.master !== cell) return;
        const look = describeLook(fileLook(cell));
        if (look) cellFormats[cell.address] = look;
      }),
    );
    const columns: Record<string, string> = {};
    ws.columns?.forEach((column) => {
      if (column.letter && (column.width !== undefined || column.hidden)) columns[column.letter] = `${column.width === undefined ? "standard" : `${points(widthToPoints(column.width))} pt`}${column.hidden ? " hidden" : ""}`;
    });
    const rows: Record<string, string> = {};
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      if (row.height !== undefined) rows[n] = points(row.height);
    });
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    const page = ws.pageSetup;
    const margins = page.margins as unknown as Record<string, number> | undefined;
    const footer = /&C(.*?)(?:&[LR]|$)/.exec(ws.headerFooter?.oddFooter ?? "")?.[1] ?? "";
    const setup: Record<string, string> = {
      freeze: view?.state === "frozen" && (view.xSplit || view.ySplit) ? `${view.ySplit ?? 0} rows, ${view.xSplit ?? 0} columns` : "none",
      tabColor: colour((ws.properties.tabColor as { argb?: string } | undefined)?.argb),
      orientation: page.orientation ?? "portrait",
      paperSize: page.paperSize === 9 ? "A4" : String(page.paperSize ?? ""),
      fit: page.fitToPage ? `${page.fitToWidth ?? 1} wide × ${page.fitToHeight || "auto"} tall` : "100%",
      margins: margins ? ["left", "right", "top", "bottom", "header", "footer"].map((k) => `${k} ${points(inchesToPoints(margins[k]))}`).join(", ") : "",
      titleRows: titleRows(page.printTitlesRow),
      footer,
    };
    const tables: Record<string, string> = {};
    for (const t of Object.values((ws as unknown as { tables: Record<string, { table: { name: string; tableRef: string; headerRow?: boolean; totalsRow?: boolean; style?: { theme?: string; showRowStripes?: boolean } } }> }).tables)) {
      const m = t.table;
      tables[m.name] = describeTable(m.tableRef, m.style?.theme ?? "", m.headerRow !== false, Boolean(m.totalsRow), Boolean(m.style?.showRowStripes));
    }
    sheets[name] = { numberFormats, validations, conditionalFormats: cfs, merges, cellFormats, columns, rows, setup, tables, charts: charts.get(name) ?? [] };
  }
  return { names, sheets };
}

/** What an official sees of a chart besides its data: the legend, value labels and the value axis's scale. */
interface ChartLook {
  legend: string;
  labels: boolean;
  axis: { min: number | null; max: number | null };
}
const describeChart = (type: string, title: string, series: Array<{ name: string; values: string | null; categories: string | null }>, anchor: string, look: ChartLook) =>
  [
    type, title, ...series.map((s) => `series ${JSON.stringify(s.name)} ${s.values ?? "—"} × ${s.categories ?? "—"}`), anchor,
    `legend ${look.legend}`, look.labels ? "value labels" : "no value labels", `value axis ${look.axis.min ?? "auto"}–${look.axis.max ?? "auto"}`,
  ].join(" | ").replace(/\$/g, "");
const LEGEND_POSITION: Record<string, string> = { b: "bottom", t: "top", l: "left", r: "right", tr: "corner" };

/** Sheet name → its charts, read from the chart parts the file renderer adds (xlsxCharts.ts). */
function fileCharts(bytes: Uint8Array): Map<string, string[]> {
  const files = unzipSync(bytes);
  const text = (path: string) => (files[path] ? strFromU8(files[path]) : "");
  const relsOf = (path: string) => path.replace(/([^/]+)$/, "_rels/$1.rels");
  /** The part a relationship id of `path` points to, resolved against `path`'s folder. */
  const target = (path: string, id: string) => {
    const rel = [...text(relsOf(path)).matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${id}"`));
    const to = /\bTarget="([^"]+)"/.exec(rel ?? "")?.[1];
    if (!to) return "";
    const parts = path.split("/").slice(0, -1);
    for (const seg of to.split("/")) {
      if (seg === "..") parts.pop();
      else parts.push(seg);
    }
    return parts.join("/");
  };
  const out = new Map<string, string[]>();
  for (const [name, sheetPath] of sheetPaths(files)) {
    const drawingId = /<drawing\b[^>]*\br:id="([^"]+)"/.exec(text(sheetPath))?.[1];
    if (!drawingId) continue;
    const drawingPath = target(sheetPath, drawingId);
    const charts: string[] = [];
    for (const anchor of text(drawingPath).match(/<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/g) ?? []) {
      const pos = (tag: string) => {
        const n = (k: string) => Number(new RegExp(`<xdr:${tag}>[\\s\\S]*?<xdr:${k}>(\\d+)</xdr:${k}>`).exec(anchor)?.[1] ?? 0);
        return { col: n("col"), row: n("row"), flush: n("colOff") === 0 && n("rowOff") === 0 };
      };
      const from = pos("from"), to = pos("to");
      // An anchor ending flush at a cell's corner covers the cell before it, as Excel's setPosition(from, to) does.
      const last = to.flush ? address(to.row - 1, to.col - 1) : address(to.row, to.col);
      const chartId = /<c:chart\b[^>]*\br:id="([^"]+)"/.exec(anchor)?.[1] ?? "";
      const xml = text(target(drawingPath, chartId));
      const barDir = /<c:barDir val="(\w+)"/.exec(xml)?.[1];
      const grouping = /<c:grouping val="(\w+)"/.exec(xml)?.[1] ?? "";
      const type = barDir ? `${barDir === "bar" ? "bar" : "column"}${grouping[0]?.toUpperCase()}${grouping.slice(1)}` : (/<c:(\w+Chart)>/.exec(xml)?.[1] ?? "?");
      const title = [...(/<c:title>([\s\S]*?)<\/c:title>/.exec(xml)?.[1] ?? "").matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescapeXml(m[1])).join("");
      const series = (xml.match(/<c:ser>[\s\S]*?<\/c:ser>/g) ?? []).map((ser) => ({
        name: unescapeXml(/<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(ser)?.[1] ?? ""),
        values: unescapeXml(/<c:val>[\s\S]*?<c:f>([^<]*)<\/c:f>/.exec(ser)?.[1] ?? "") || null,
        categories: unescapeXml(/<c:cat>[\s\S]*?<c:f>([^<]*)<\/c:f>/.exec(ser)?.[1] ?? "") || null,
      }));
      const scaling = /<c:valAx>[\s\S]*?<c:scaling>([\s\S]*?)<\/c:scaling>/.exec(xml)?.[1] ?? "";
      const bound = (k: string) => {
        const v = new RegExp(`<c:${k} val="([^"]+)"`).exec(scaling)?.[1];
        return v === undefined ? null : Number(v);
      };
      const legend = /<c:legend>[\s\S]*?<c:legendPos val="(\w+)"/.exec(xml)?.[1];
      const look = { legend: legend ? (LEGEND_POSITION[legend] ?? legend) : "none", labels: /<c:dLbls>(?:(?!<\/c:dLbls>)[\s\S])*<c:showVal val="1"/.test(xml), axis: { min: bound("min"), max: bound("max") } };
      charts.push(describeChart(type, title, series, `${address(from.row, from.col)}:${last}`, look));
    }
    out.set(name, charts);
  }
  return out;
}

const describeTable = (range: string, style: string, header: boolean, totals: boolean, banded: boolean) =>
  [range.replace(/\$/g, "").replace(/^.*!/, ""), style, header ? "header row" : "no header row", totals ? "totals row" : "", banded ? "banded rows" : ""].filter(Boolean).join(" | ");

function cellsOf(range: string): string[] {
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(range.replace(/\$/g, "").replace(/^.*!/, ""));
  if (!m) throw new Error(`not a range: ${range}`);
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const letters = (n: number): string => (n > 26 ? letters(Math.floor((n - 1) / 26)) : "") + String.fromCharCode(65 + ((n - 1) % 26));
  const [c1, r1, c2, r2] = [col(m[1]), Number(m[2]), col(m[3] ?? m[1]), Number(m[4] ?? m[2])];
  const out: string[] = [];
  for (let r = r1; r <= r2; r++) for (let c = c1; c <= c2; c++) out.push(`${letters(c)}${r}`);
  return out;
}

/** The live workbook's formatting, from the simulator's model (`host.snapshot()`). */
export function liveFormatting(state: WorkbookState, sheetNames: string[]): WorkbookFormatting {
  const names: Record<string, string> = {};
  for (const n of state.names) names[n.name] = noEquals(n.formula);
  const sheets: Record<string, SheetFormatting> = {};
  for (const name of sheetNames) {
    const s = state.sheets.find((x) => x.name === name);
    if (!s) continue;
    const numberFormats: Record<string, string> = {};
    for (const [a1, cell] of Object.entries(s.cells)) if (cell.nf && cell.nf !== "General") numberFormats[a1] = cell.nf;
    for (const [letter, style] of Object.entries(s.columnStyles)) if (style.nf && style.nf !== "General") numberFormats[`${letter}:${letter}`] = style.nf;
    const validations: Record<string, string> = {};
    for (const dv of s.dataValidations) {
      if (!dv.rule) continue;
      const [type, body] = Object.entries(dv.rule)[0] as [string, { source?: string; formula1?: string | number; operator?: string }];
      const text = describe({
        type,
        ...(type === "list" ? {} : { operator: body.operator }),
        formula1: noEquals(String(type === "list" ? body.source : body.formula1)),
        ignoreBlanks: dv.ignoreBlanks,
        alert: { show: dv.errorAlert.showAlert, style: dv.errorAlert.style, title: dv.errorAlert.title, message: dv.errorAlert.message },
        prompt: { show: dv.prompt.showPrompt, title: dv.prompt.title, message: dv.prompt.message },
      });
      for (const a1 of cellsOf(dv.range)) validations[a1] = text;
    }
    const cfs = s.conditionalFormats.map((cf) => `${cf.ranges.join(",")} | ${cf.type === "Custom" ? "expression" : cf.type} ${noEquals(cf.rule.formula ?? "")} | ${colour(cf.format.fill)} | ${colour(cf.format.font?.color)}`);
    const merges = [...s.merges].sort();
    const slaves = new Set(merges.flatMap((m) => cellsOf(m).slice(1)));
    const cellFormats: Record<string, string> = {};
    for (const [a1, cell] of Object.entries(s.cells)) {
      const look = slaves.has(a1) ? null : describeLook(liveLook(cell.style));
      if (look) cellFormats[a1] = look;
    }
    const hidden = new Set(s.hiddenColumns);
    const columns: Record<string, string> = {};
    for (const letter of new Set([...Object.keys(s.columnWidths), ...hidden])) {
      const w = s.columnWidths[letter];
      columns[letter] = `${w === undefined ? "standard" : `${points(w)} pt`}${hidden.has(letter) ? " hidden" : ""}`;
    }
    const fitted = new Set(s.fittedRows.map(String));
    const rows: Record<string, string> = {};
    for (const [row, h] of Object.entries(s.rowHeights)) rows[row] = fitted.has(row) ? "fit" : points(h);
    const pl = s.pageLayout;
    const setup: Record<string, string> = {
      freeze: s.freeze.rows || s.freeze.columns ? `${s.freeze.rows} rows, ${s.freeze.columns} columns` : "none",
      tabColor: colour(s.tabColor),
      orientation: pl.orientation.toLowerCase(),
      paperSize: pl.paperSize,
      fit: pl.zoom.horizontalFitToPages || pl.zoom.verticalFitToPages ? `${pl.zoom.horizontalFitToPages || "auto"} wide × ${pl.zoom.verticalFitToPages || "auto"} tall` : `${pl.zoom.scale ?? 100}%`,
      margins: (["left", "right", "top", "bottom", "header", "footer"] as const).map((k) => `${k} ${points(pl[`${k}Margin`])}`).join(", "),
      titleRows: titleRows(pl.printTitleRows),
      footer: pl.headersFooters.defaultForAllPages.centerFooter,
    };
    const tables: Record<string, string> = {};
    for (const t of state.tables) if (t.sheet === name) tables[t.name] = describeTable(t.range, t.style ?? "", t.showHeaders !== false, Boolean(t.showTotals), Boolean(t.showBandedRows));
    const charts = s.charts.map((c) =>
      describeChart(`${c.chartType[0].toLowerCase()}${c.chartType.slice(1)}`, c.title.text, c.series.map((x) => ({ name: x.name, values: x.values, categories: x.xValues })), `${c.from ?? "?"}:${c.to ?? c.from ?? "?"}`, {
        legend: c.legend.visible ? c.legend.position.toLowerCase() : "none",
        labels: c.dataLabels.showValue,
        axis: { min: c.axes.value.minimum, max: c.axes.value.maximum },
      }),
    );
    sheets[name] = { numberFormats, validations, conditionalFormats: cfs, merges, cellFormats, columns, rows, setup, tables, charts };
  }
  return { names, sheets };
}

export type FormattingAspect = "numberFormats" | "names" | "validations" | "conditionalFormats" | "merges" | "cellFormats" | "columns" | "rows" | "setup" | "tables" | "charts";
export const FORMATTING_ASPECTS: FormattingAspect[] = ["numberFormats", "names", "validations", "conditionalFormats", "merges", "cellFormats", "columns", "rows", "setup", "tables", "charts"];

/**
 * Every difference, cell by cell: "Sheet!A1 numberFormat "@" | "General"". `a` is the file, `b` the
 * live workbook: a row the live host fits to its text ("fit") matches any height the file gives it
 * (a file cannot measure text and holds the layout's estimate) but never a missing fit.
 */
export function formattingDifferences(a: WorkbookFormatting, b: WorkbookFormatting, aspect: FormattingAspect): string[] {
  const out: string[] = [];
  const pair = (where: string, x: Record<string, string>, y: Record<string, string>) => {
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) if (x[k] !== y[k]) out.push(`${where}${k} ${JSON.stringify(x[k] ?? null).slice(0, 160)} | ${JSON.stringify(y[k] ?? null).slice(0, 160)}`);
  };
  if (aspect === "names") {
    pair("", a.names, b.names);
    return out;
  }
  for (const name of new Set([...Object.keys(a.sheets), ...Object.keys(b.sheets)])) {
    const sa = a.sheets[name], sb = b.sheets[name];
    if (!sa || !sb) continue; // the sheet lists are compared by the snapshot
    if (aspect === "rows") {
      const live = { ...sb.rows };
      for (const [row, h] of Object.entries(sb.rows)) {
        if (h !== "fit") continue;
        if (sa.rows[row] === undefined) delete live[row];
        else live[row] = sa.rows[row];
      }
      pair(`${name}!row `, sa.rows, live);
    } else if (aspect === "numberFormats" || aspect === "validations" || aspect === "cellFormats" || aspect === "columns" || aspect === "setup" || aspect === "tables") pair(`${name}!`, sa[aspect], sb[aspect]);
    else {
      const la = sa[aspect], lb = sb[aspect];
      for (let i = 0; i < Math.max(la.length, lb.length); i++) if (la[i] !== lb[i]) out.push(`${name}! ${aspect}[${i}] ${la[i] ?? "—"} | ${lb[i] ?? "—"}`);
    }
  }
  return out;
}

/**
 * Links inside the workbook, "Sheet!A1" → "target | text": the file's hyperlinks (read as the
 * product reads files, keeping the location-only links Excel writes) and the live cells' hyperlinks.
 * A HYPERLINK formula is not a link here: it shows up as a formula in the snapshot comparison.
 */
export async function fileLinks(bytes: Uint8Array, sheetNames: string[]): Promise<Record<string, string>> {
  const wb = await loadWorkbook(bytes);
  const out: Record<string, string> = {};
  for (const name of sheetNames) {
    wb.getWorksheet(name)?.eachRow((row) =>
      row.eachCell((cell) => {
        const v = cell.value as { text?: string; hyperlink?: string } | null;
        if (v && typeof v === "object" && typeof v.hyperlink === "string") out[`${name}!${cell.address}`] = `${v.hyperlink.replace(/^#/, "")} | ${v.text}`;
      }),
    );
  }
  return out;
}

export function liveLinks(state: WorkbookState, sheetNames: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const s of state.sheets.filter((x) => sheetNames.includes(x.name))) {
    for (const [a1, cell] of Object.entries(s.cells)) {
      if (cell.link) out[`${s.name}!${a1}`] = `${cell.link.documentReference ?? cell.link.address} | ${cell.v}`;
    }
  }
  return out;
}
