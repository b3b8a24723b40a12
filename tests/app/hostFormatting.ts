/**
 * What the workbook snapshot (values, formulas) does not carry, read from each host's own model —
 * the file's exceljs workbook and the simulator's workbook model — into one comparable shape, cell
 * by cell: number formats, workbook names, data validations, conditional formats and merges. Only
 * the vocabulary is translated (a validation's "decimal ≥ 0" is `{decimal:{operator:
 * "GreaterThanOrEqualTo"}}` live and `{type:"decimal", operator:"greaterThanOrEqual"}` in the file);
 * every value that an official would see or that Excel would check is compared as written.
 */
import ExcelJS from "exceljs";
import type { WorkbookSnapshot as WorkbookState } from "../fakeExcel/model";
import { loadWorkbook } from "../../src/render/xlsxStrict";

export interface SheetFormatting {
  /** A1 → number format, for every cell whose format is not General ("B:B" for a whole column's). */
  numberFormats: Record<string, string>;
  /** A1 → the cell's validation, in one vocabulary. */
  validations: Record<string, string>;
  /** Conditional formats in priority order: "ranges | formula | fill | font colour". */
  conditionalFormats: string[];
  merges: string[];
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
    sheets[name] = { numberFormats, validations, conditionalFormats: cfs, merges };
  }
  return { names, sheets };
}

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
    sheets[name] = { numberFormats, validations, conditionalFormats: cfs, merges: [...s.merges].sort() };
  }
  return { names, sheets };
}

/** Every difference, cell by cell: "Sheet!A1 numberFormat "@" | "General"". */
export function formattingDifferences(a: WorkbookFormatting, b: WorkbookFormatting, aspect: "numberFormats" | "names" | "validations" | "conditionalFormats" | "merges"): string[] {
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
    if (aspect === "numberFormats" || aspect === "validations") pair(`${name}!`, sa[aspect], sb[aspect]);
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
