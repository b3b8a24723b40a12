/**
 * Every =CCHC.* formula of the custom-mode workbook carries the value the add-in would compute:
 * each such formula is evaluated here (a small evaluator of the formula shapes the layout writes:
 * IF, OR, AND, IFERROR, INDEX/MATCH, COUNTIF, SUMPRODUCT, text functions, names, ranges, and the
 * CCHC.* functions themselves from src/functions) over the cached values of the cells it reads,
 * and must give the cell's own cached value. The file written by exceljs must then hold that
 * value for each _xldudf_CCHC_* formula, so a spreadsheet without the add-in shows it.
 */
import { strFromU8, unzipSync } from "fflate";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { defaultSettings } from "../../src/core/settings";
import { buildWorkbookLayout } from "../../src/layout/workbook";
import type { WorkbookModel } from "../../src/layout/model";
import type { Cell, WorkbookLayout } from "../../src/layout/types";
import { columnLetter, parseAddress, parseRange } from "../../src/layout/address";
import { SETTINGS_EXTRA_ROW, SETTINGS_SHEET, settingsSheet } from "../../src/layout/settingsSheet";
import { storedValue } from "../../src/render/cellValues";
import { writeXlsx } from "../../src/render/exceljs";
import * as F from "../../src/functions/functions";
import { errorCode, isExcelError } from "../../src/core/excelError";

// --- a small evaluator ---------------------------------------------------------------------------

type Err = { error: string };
type V = number | string | boolean | null | Err;
type Val = V | V[][];

const isErr = (v: unknown): v is Err => typeof v === "object" && v !== null && !Array.isArray(v) && "error" in v;

class Book {
  cells = new Map<string, Map<string, Cell>>();
  constructor(public layout: WorkbookLayout) {
    for (const s of layout.sheets) {
      const m = new Map<string, Cell>(Object.entries(s.cells));
      for (const t of s.tables) {
        const o = parseAddress(t.origin);
        t.rows.forEach((row, i) => row.forEach((c, j) => m.set(`${columnLetter(o.col + j)}${o.row + 2 + i}`, c)));
      }
      this.cells.set(s.name, m);
    }
  }
  value(sheet: string, a1: string): V {
    const c = this.cells.get(sheet)?.get(a1.replace(/\$/g, ""));
    if (!c) return null;
    const v = storedValue(c);
    return typeof v === "string" && /^#(DIV\/0!|VALUE!|N\/A|NUM!|NAME\?)$/.test(v) ? { error: v } : v;
  }
  range(sheet: string, ref: string): V[][] {
    const { r1, c1, r2, c2 } = parseRange(ref.replace(/\$/g, ""));
    const out: V[][] = [];
    for (let r = r1; r <= r2; r++) {
      const row: V[] = [];
      for (let c = c1; c <= c2; c++) row.push(this.value(sheet, `${columnLetter(c)}${r + 1}`));
      out.push(row);
    }
    return out;
  }
}

type Tok = { t: "num" | "str" | "ref" | "name" | "op" | "(" | ")" | ","; v: string };

function tokenize(f: string): Tok[] {
  const out: Tok[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?(?:E[-+]?\d+)?)|"((?:[^"]|"")*)"|((?:'(?:[^']|'')+'!)?\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Za-z0-9_(.])|([A-Za-z_][A-Za-z0-9_.]*)|(<>|<=|>=|[-+*/&=<>])|([(),]))/gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < f.length && (m = re.exec(f))) {
    if (m[1] !== undefined) out.push({ t: "num", v: m[1] });
    else if (m[2] !== undefined) out.push({ t: "str", v: m[2].replace(/""/g, '"') });
    else if (m[3] !== undefined) out.push({ t: "ref", v: m[3] });
    else if (m[4] !== undefined) out.push({ t: "name", v: m[4] });
    else if (m[5] !== undefined) out.push({ t: "op", v: m[5] });
    else out.push({ t: m[6] as "(" | ")" | ",", v: m[6] });
  }
  if (re.lastIndex < f.trimEnd().length) throw new Error(`cannot tokenize ${f} at ${re.lastIndex}`);
  return out;
}

type Node =
  | { k: "lit"; v: V }
  | { k: "ref"; sheet: string; ref: string }
  | { k: "name"; name: string }
  | { k: "call"; fn: string; args: Node[] }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "neg"; a: Node };

function parse(f: string, sheet: string): Node {
  const toks = tokenize(f);
  let i = 0;
  const peek = () => toks[i];
  const PREC: Record<string, number> = { "=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4 };
  function primary(): Node {
    const t = toks[i++];
    if (!t) throw new Error(`unexpected end of ${f}`);
    if (t.t === "num") return { k: "lit", v: Number(t.v) };
    if (t.t === "str") return { k: "lit", v: t.v };
    if (t.t === "op" && t.v === "-") return { k: "neg", a: primary() };
    if (t.t === "(") {
      const e = expr(0);
      i++;
      return e;
    }
    if (t.t === "ref") {
      const bang = t.v.lastIndexOf("!");
      return bang < 0 ? { k: "ref", sheet, ref: t.v } : { k: "ref", sheet: t.v.slice(1, bang - 1).replace(/''/g, "'"), ref: t.v.slice(bang + 1) };
    }
    if (t.t === "name") {
      if (peek()?.t === "(") {
        i++;
        const args: Node[] = [];
        while (peek()?.t !== ")") {
          args.push(expr(0));
          if (peek()?.t === ",") i++;
        }
        i++;
        return { k: "call", fn: t.v.toUpperCase(), args };
      }
      if (/^(TRUE|FALSE)$/i.test(t.v)) return { k: "lit", v: t.v.toUpperCase() === "TRUE" };
      return { k: "name", name: t.v };
    }
    throw new Error(`unexpected ${t.v} in ${f}`);
  }
  function expr(min: number): Node {
    let a = primary();
    for (;;) {
      const t = peek();
      if (!t || t.t !== "op" || PREC[t.v] === undefined || PREC[t.v] <= min - 1 || PREC[t.v] < min) return a;
      i++;
      a = { k: "bin", op: t.v, a, b: expr(PREC[t.v] + 1) };
    }
  }
  const e = expr(0);
  if (i !== toks.length) throw new Error(`trailing tokens in ${f}`);
  return e;
}

const scalar = (v: Val): V => (Array.isArray(v) ? v[0][0] : v);
const num = (v: V): number | Err => (isErr(v) ? v : v === null || v === "" ? 0 : typeof v === "boolean" ? Number(v) : typeof v === "number" ? v : Number.isFinite(Number(v)) ? Number(v) : { error: "#VALUE!" });
const text = (v: V): string => (v === null ? "" : typeof v === "boolean" ? (v ? "TRUE" : "FALSE") : String(v));
const truthy = (v: V): boolean | Err => (isErr(v) ? v : typeof v === "string" ? { error: "#VALUE!" } : Boolean(v));

function compare(op: string, a: V, b: V): boolean {
  let x: number | string = 0;
  let y: number | string = 0;
  const norm = (v: V, other: V) => (v === null ? (typeof other === "string" ? "" : 0) : typeof v === "boolean" ? Number(v) : (v as number | string));
  x = norm(a, b);
  y = norm(b, a);
  if (typeof x === "string" && typeof y === "string") {
    x = x.toLowerCase();
    y = y.toLowerCase();
  } else if (typeof x !== typeof y) {
    // Excel: numbers < text
    x = typeof x === "number" ? 0 : 1;
    y = typeof y === "number" ? 0 : 1;
  }
  switch (op) {
    case "=": return x === y;
    case "<>": return x !== y;
    case "<": return x < y;
    case ">": return x > y;
    case "<=": return x <= y;
    default: return x >= y;
  }
}

/** CCHC.* results as the evaluator's values (errors → { error }). */
function fromFunction(result: unknown): V {
  const v = Array.isArray(result) ? (result as unknown[][])[0][0] : result;
  return isExcelError(v) ? { error: errorCode(v)! } : (v as V);
}
const toArg = (v: Val): unknown[][] => (Array.isArray(v) ? v.map((r) => r.map((x) => (isErr(x) ? "" : x))) : [[isErr(v) ? "" : v]]);

function evaluate(n: Node, book: Book): Val {
  const ev = (x: Node) => evaluate(x, book);
  const sv = (x: Node) => scalar(ev(x));
  switch (n.k) {
    case "lit": return n.v;
    case "ref": return n.ref.includes(":") ? book.range(n.sheet, n.ref) : book.value(n.sheet, n.ref);
    case "name": {
      const target = book.layout.names?.[n.name];
      if (!target) throw new Error(`unknown name ${n.name}`);
      const bang = target.lastIndexOf("!");
      return evaluate({ k: "ref", sheet: target.slice(1, bang - 1).replace(/''/g, "'"), ref: target.slice(bang + 1) }, book);
    }
    case "neg": {
      const a = num(sv(n.a));
      return isErr(a) ? a : -a;
    }
    case "bin": {
      if (n.op === "=" || n.op === "<>" || n.op === "<" || n.op === ">" || n.op === "<=" || n.op === ">=") {
        const a = sv(n.a);
        const b = sv(n.b);
        if (isErr(a)) return a;
        if (isErr(b)) return b;
        return compare(n.op, a, b);
      }
      const a = sv(n.a);
      const b = sv(n.b);
      if (isErr(a)) return a;
      if (isErr(b)) return b;
      if (n.op === "&") return text(a) + text(b);
      const x = num(a);
      const y = num(b);
      if (isErr(x)) return x;
      if (isErr(y)) return y;
      if (n.op === "/" && y === 0) return { error: "#DIV/0!" };
      return n.op === "+" ? x + y : n.op === "-" ? x - y : n.op === "*" ? x * y : x / y;
    }
    case "call": {
      const a = n.args;
      if (n.fn.startsWith("CCHC.")) {
        const fn = (F as unknown as Record<string, (...args: unknown[]) => unknown>)[n.fn.slice(5).toLowerCase()];
        if (!fn) throw new Error(`unknown custom function ${n.fn}`);
        const args = a.map((x) => ev(x));
        const bad = args.map(scalar).find(isErr);
        if (bad && args.every((x) => !Array.isArray(x) || (x.length === 1 && x[0].length === 1))) return bad;
        try {
          return fromFunction(fn(...args.map(toArg)));
        } catch (e) {
          return { error: errorCode(e) ?? "#VALUE!" };
        }
      }
      switch (n.fn) {
        case "IF": {
          const c = truthy(sv(a[0]));
          if (isErr(c)) return c;
          return c ? ev(a[1]) : a.length > 2 ? ev(a[2]) : false;
        }
        case "IFERROR": {
          const v = sv(a[0]);
          return isErr(v) ? ev(a[1]) : v;
        }
        case "OR":
        case "AND": {
          const vs = a.map((x) => truthy(sv(x)));
          const e = vs.find(isErr);
          if (e) return e;
          return n.fn === "OR" ? vs.some(Boolean) : vs.every(Boolean);
        }
        case "INDEX": {
          const range = ev(a[0]) as V[][];
          const r = num(sv(a[1])) as number;
          return range[r - 1]?.[0] ?? { error: "#REF!" };
        }
        case "MATCH": {
          const key = sv(a[0]);
          const range = (ev(a[1]) as V[][]).map((r) => r[0]);
          const k = range.findIndex((x) => x !== null && !isErr(x) && !isErr(key) && compare("=", x, key));
          return k < 0 ? { error: "#N/A" } : k + 1;
        }
        case "COUNTIF": {
          const range = (ev(a[0]) as V[][]).flat();
          const crit = sv(a[1]);
          return range.filter((x) => !isErr(x) && !isErr(crit) && compare("=", x ?? "", crit)).length;
        }
        case "SUMPRODUCT": {
          const arr = ev(a[0]);
          return (Array.isArray(arr) ? arr.flat() : [arr]).reduce<number>((s, x) => s + (num(x) as number), 0);
        }
        case "VALUE": {
          const v = sv(a[0]);
          return isErr(v) ? v : num(v);
        }
        case "LEFT": return text(sv(a[0])).slice(0, num(sv(a[1])) as number);
        case "MID": {
          const s = text(sv(a[0]));
          const start = num(sv(a[1])) as number;
          return s.slice(start - 1, start - 1 + (num(sv(a[2])) as number));
        }
        case "FIND": {
          const k = text(sv(a[1])).indexOf(text(sv(a[0])));
          return k < 0 ? { error: "#VALUE!" } : k + 1;
        }
        case "ABS": return Math.abs(num(sv(a[0])) as number);
        case "MIN": return Math.min(...a.map((x) => num(sv(x)) as number));
        case "MAX": return Math.max(...a.map((x) => num(sv(x)) as number));
        case "ROUND": {
          const d = num(sv(a[1])) as number;
          return Math.round((num(sv(a[0])) as number) * 10 ** d) / 10 ** d;
        }
        default: throw new Error(`the evaluator lacks ${n.fn}`);
      }
    }
  }
}

/**
 * Binary-style array formulas: SUMPRODUCT((range<>"")*1) — the comparison and product apply
 * element-wise. The evaluator handles that one shape by expanding it before evaluation.
 */
function evaluateFormula(f: string, sheet: string, book: Book): V {
  const m = /SUMPRODUCT\(\(([^()]+)<>""\)\*1\)/g;
  const expanded = f.replace(m, (_, ref: string) => {
    const node = parse(ref, sheet) as { k: "ref"; sheet: string; ref: string };
    const count = book.range(node.sheet, node.ref).flat().filter((x) => x !== null && x !== "").length;
    return String(count);
  });
  return scalar(evaluate(parse(expanded, sheet), book));
}

// --- the workbook -------------------------------------------------------------------------------

const plan = HONG_LOC_2024;
const acts = plan.activities;
const progress: WorkbookModel["progress"] = {};
acts.forEach((a, i) => {
  if (i % 3 === 0) progress[a.id] = { completedOn: i % 2 ? "2024-02-01" : "2024-08-20" };
  if (i % 11 === 0) progress[a.id] = { ...progress[a.id], userDeadline: "2024-07-31" };
});

function layoutFor(mode: "custom" | "native"): WorkbookLayout {
  const m: WorkbookModel = {
    plan, settings: defaultSettings(plan, "2024-09-14"), progress, mode,
    indicatorInputs: {
      "BODY-3.1": { Q1: { numerator: 60, denominator: 100 }, Q2: { numerator: 80, denominator: 100 } },
      "BODY-3.2b": { Q3: { numerator: 70, denominator: 100 }, Q4: { numerator: 3, denominator: 0 } },
      "BODY-1.2": { Y: { numerator: 1 } },
      "OBJ-I-1.4": { Y: { numerator: 3, denominator: 9 } },
    },
    indicatorOverrides: { "BODY-3.6": { comparator: "<=" }, "BODY-5": { target: 0.9 } },
  };
  const layout = buildWorkbookLayout(m);
  const i = layout.sheets.findIndex((s) => s.name === SETTINGS_SHEET);
  if (!layout.sheets[i].cells[`A${SETTINGS_EXTRA_ROW}`]) layout.sheets[i] = settingsSheet(m.settings, (layout.names ??= {}), m);
  return layout;
}

function formulaCells(layout: WorkbookLayout): Array<{ sheet: string; a1: string; cell: Cell }> {
  const book = new Book(layout);
  const out: Array<{ sheet: string; a1: string; cell: Cell }> = [];
  for (const [sheet, cells] of book.cells) for (const [a1, cell] of cells) if (cell.f) out.push({ sheet, a1, cell });
  return out;
}

const unescapeXml = (x: string) =>
  x.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");

/** sheet name → A1 → { formula, cached value } for every formula cell of an .xlsx. */
function xlsxFormulaCells(bytes: Uint8Array): Map<string, Map<string, { f: string; v: V }>> {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files["xl/workbook.xml"]);
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"]);
  const out = new Map<string, Map<string, { f: string; v: V }>>();
  for (const m of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels)!;
    const xml = strFromU8(files[`xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, "")}`]);
    const cells = new Map<string, { f: string; v: V }>();
    for (const c of xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*)><f>([^<]*)<\/f>(?:<v>([^<]*)<\/v>|<v\/>)?<\/c>/g)) {
      const t = /t="([a-z]+)"/.exec(c[2])?.[1];
      const raw = unescapeXml(c[4] ?? "");
      const v: V = t === "str" ? raw : t === "b" ? raw === "1" : t === "e" ? raw : raw === "" ? "" : Number(raw);
      cells.set(c[1], { f: unescapeXml(c[3]), v });
    }
    out.set(unescapeXml(m[1]), cells);
  }
  return out;
}

const shown = (v: V) => (isErr(v) ? v.error : v);

describe("every CCHC.* formula caches what the add-in computes", () => {
  const layout = layoutFor("custom");
  const book = new Book(layout);
  const custom = formulaCells(layout).filter((x) => x.cell.f!.includes("CCHC."));

  test("the custom workbook has CCHC.* formulas on the plan, indicator and settings sheets", () => {
    const sheets = new Set(custom.map((x) => x.sheet));
    for (const s of ["Kế hoạch", "Chỉ tiêu", "Cài đặt"]) expect(sheets).toContain(s);
    expect(custom.length).toBeGreaterThan(1000);
  });

  test("evaluating each formula over the cached inputs gives its cached value", () => {
    const wrong: string[] = [];
    for (const { sheet, a1, cell } of custom) {
      const got = shown(evaluateFormula(cell.f!, sheet, book));
      const want = storedValue(cell) ?? "";
      const same = typeof got === "number" && typeof want === "number" ? Math.abs(got - want) < 1e-12 : got === want;
      if (!same) wrong.push(`${sheet}!${a1} =${cell.f} → ${JSON.stringify(got)}, cached ${JSON.stringify(want)}`);
    }
    expect(wrong).toEqual([]);
  });

  test("native formulas evaluate to the same cached values too", () => {
    const nativeLayout = layoutFor("native");
    const nativeBook = new Book(nativeLayout);
    const wrong: string[] = [];
    for (const { sheet, a1, cell } of formulaCells(nativeLayout).filter((x) => x.sheet !== "Kiểm tra")) {
      const got = shown(evaluateFormula(cell.f!, sheet, nativeBook));
      const want = storedValue(cell) ?? "";
      const same = typeof got === "number" && typeof want === "number" ? Math.abs(got - want) < 1e-12 : got === want;
      if (!same) wrong.push(`${sheet}!${a1} =${cell.f} → ${JSON.stringify(got)}, cached ${JSON.stringify(want)}`);
    }
    expect(wrong).toEqual([]);
  });

  test("the .xlsx written by exceljs holds each _xldudf_CCHC_* formula with that value", async () => {
    // Read the sheet XML itself: exceljs's reader drops falsy cached results (0, FALSE).
    const cells = xlsxFormulaCells(await writeXlsx(layout));
    let checked = 0;
    for (const { sheet, a1, cell } of custom) {
      const got = cells.get(sheet)?.get(a1);
      expect([sheet, a1, got?.f]).toEqual([sheet, a1, cell.f!.replace(/\bCCHC\.([A-Z]+)\(/g, "_xldudf_CCHC_$1(")]);
      const want = storedValue(cell) ?? "";
      expect([sheet, a1, got?.v]).toEqual([sheet, a1, want]);
      checked++;
    }
    expect(checked).toBe(custom.length);
  });
});
