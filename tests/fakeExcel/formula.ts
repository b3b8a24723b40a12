/**
 * Formulas in the fake host: a tokenizer and parser good enough to tell a well-formed formula
 * from garbage (Excel refuses to store a malformed formula), to rewrite sheet references
 * when a sheet is renamed or deleted, and to evaluate simple formulas (arithmetic, references,
 * a few dozen common functions, registered custom functions). Anything else evaluates to
 * `UNEVALUATED` — this is not a spreadsheet engine.
 */
import { MAX_COLS, MAX_ROWS, Rect, parseRectText, quoteSheet } from "./a1";
import { ERROR_LITERALS, Scalar, formatGeneral, LOCALES, serialFromYmd, ymdFromSerial } from "./values";

export class FormulaError {
  constructor(public readonly code: string) {}
}
export const UNEVALUATED = Symbol("unevaluated");
export type EvalValue = Scalar | FormulaError;
type Matrix = EvalValue[][];

type Tok =
  | { t: "num"; v: number; s: number; e: number }
  | { t: "str"; v: string; s: number; e: number }
  | { t: "bool"; v: boolean; s: number; e: number }
  | { t: "err"; v: string; s: number; e: number }
  | { t: "ref"; sheet?: string; sheetStart?: number; rect: Rect; text: string; s: number; e: number }
  | { t: "name"; v: string; s: number; e: number }
  | { t: "func"; v: string; s: number; e: number }
  | { t: "struct"; v: string; s: number; e: number }
  | { t: "op"; v: string; s: number; e: number };

const SHEET_PREFIX = /(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*)|(#REF))!/uy;
const REF_BODY = /(\$?[A-Za-z]{1,3}\$?\d{1,7}(?::\$?[A-Za-z]{1,3}\$?\d{1,7})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7})(?![\p{L}\p{N}_.(\[])/uy;
const NAME = /[\p{L}_\\][\p{L}\p{N}_.\\?]*/uy;
const NUMBER = /(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/y;
const OPERATOR = /<=|>=|<>|[-+*/^&=<>%(),;:{}@]/y;

function sticky(re: RegExp, src: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(src);
}

export function tokenize(src: string): Tok[] | null {
  const toks: Tok[] = [];
  let i = 0;
  const n = src.length;
  while (i < n) {
    const ch = src[i];
    if (ch === " " || ch === "\n" || ch === "\r" || ch === "\t" || ch === "\u00A0") {
      i++;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let v = "";
      for (;;) {
        if (j >= n) return null;
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            v += '"';
            j += 2;
            continue;
          }
          break;
        }
        v += src[j++];
      }
      toks.push({ t: "str", v, s: i, e: j + 1 });
      i = j + 1;
      continue;
    }
    let m: RegExpExecArray | null;
    const code = ch.charCodeAt(0);
    const digit = code >= 48 && code <= 57;
    // References with an optional sheet prefix.
    if (!digit && (m = sticky(SHEET_PREFIX, src, i))) {
      const after = i + m[0].length;
      const body = sticky(REF_BODY, src, after);
      if (body) {
        const rect = parseRectText(body[1]);
        if (!rect) return null;
        const sheet = m[3] ? "#REF" : (m[1] ?? m[2]).replace(/''/g, "'");
        const end = after + body[0].length;
        toks.push({ t: "ref", sheet, sheetStart: i, rect, text: src.slice(i, end), s: i, e: end });
        i = end;
        continue;
      }
      if (m[1] !== undefined) return null;
    }
    if ((m = sticky(REF_BODY, src, i))) {
      const rect = parseRectText(m[1]);
      if (rect) {
        toks.push({ t: "ref", rect, text: m[0], s: i, e: i + m[0].length });
        i += m[0].length;
        continue;
      }
    }
    if ((digit || ch === ".") && (m = sticky(NUMBER, src, i))) {
      toks.push({ t: "num", v: Number(m[0]), s: i, e: i + m[0].length });
      i += m[0].length;
      continue;
    }
    if (ch === "#") {
      const rest = src.slice(i, i + 16).toUpperCase();
      const lit = ERROR_LITERALS.find((e) => rest.startsWith(e));
      if (!lit) return null;
      toks.push({ t: "err", v: lit, s: i, e: i + lit.length });
      i += lit.length;
      continue;
    }
    if ((m = sticky(NAME, src, i))) {
      const name = m[0];
      const end = i + name.length;
      if (src[end] === "[") {
        // Structured reference: Table1[Column], Table1[[#This Row],[Column]].
        const close = bracketEnd(src, end);
        if (close < 0) return null;
        toks.push({ t: "struct", v: src.slice(i, close + 1), s: i, e: close + 1 });
        i = close + 1;
        continue;
      }
      let k = end;
      while (k < n && src[k] === " ") k++;
      if (src[k] === "(") {
        toks.push({ t: "func", v: name.toUpperCase(), s: i, e: k + 1 });
        i = k + 1;
        continue;
      }
      const upper = name.toUpperCase();
      if (upper === "TRUE" || upper === "FALSE") toks.push({ t: "bool", v: upper === "TRUE", s: i, e: end });
      else toks.push({ t: "name", v: name, s: i, e: end });
      i = end;
      continue;
    }
    if (ch === "[") {
      // A structured reference inside a table ([@Column], [[#This Row],[Col]]).
      const close = bracketEnd(src, i);
      if (close < 0) return null;
      toks.push({ t: "struct", v: src.slice(i, close + 1), s: i, e: close + 1 });
      i = close + 1;
      continue;
    }
    if ((m = sticky(OPERATOR, src, i))) {
      toks.push({ t: "op", v: m[0], s: i, e: i + m[0].length });
      i += m[0].length;
      continue;
    }
    return null;
  }
  return toks;
}

function bracketEnd(src: string, open: number): number {
  let depth = 0;
  for (let j = open; j < src.length; j++) {
    if (src[j] === "[") depth++;
    else if (src[j] === "]") {
      depth--;
      if (depth === 0) return j;
    }
  }
  return -1;
}

export type Node =
  | { k: "lit"; v: EvalValue }
  | { k: "ref"; sheet?: string; rect: Rect }
  | { k: "range"; a: Node; b: Node }
  | { k: "name"; name: string }
  | { k: "struct"; text: string }
  | { k: "func"; name: string; args: (Node | null)[] }
  | { k: "un"; op: string; a: Node }
  | { k: "pct"; a: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "array"; rows: Node[][] };

class Parser {
  i = 0;
  constructor(private toks: Tok[]) {}
  peek(): Tok | undefined {
    return this.toks[this.i];
  }
  isOp(v: string): boolean {
    const t = this.peek();
    return !!t && t.t === "op" && t.v === v;
  }
  expectOp(v: string): void {
    if (!this.isOp(v)) throw new Error(`expected ${v}`);
    this.i++;
  }
  parseFormula(): Node {
    const n = this.comparison();
    if (this.i !== this.toks.length) throw new Error("trailing tokens");
    return n;
  }
  comparison(): Node {
    let a = this.concat();
    for (;;) {
      const t = this.peek();
      if (t && t.t === "op" && ["=", "<>", "<", ">", "<=", ">="].includes(t.v)) {
        this.i++;
        a = { k: "bin", op: t.v, a, b: this.concat() };
      } else return a;
    }
  }
  concat(): Node {
    let a = this.additive();
    while (this.isOp("&")) {
      this.i++;
      a = { k: "bin", op: "&", a, b: this.additive() };
    }
    return a;
  }
  additive(): Node {
    let a = this.multiplicative();
    for (;;) {
      const t = this.peek();
      if (t && t.t === "op" && (t.v === "+" || t.v === "-")) {
        this.i++;
        a = { k: "bin", op: t.v, a, b: this.multiplicative() };
      } else return a;
    }
  }
  multiplicative(): Node {
    let a = this.power();
    for (;;) {
      const t = this.peek();
      if (t && t.t === "op" && (t.v === "*" || t.v === "/")) {
        this.i++;
        a = { k: "bin", op: t.v, a, b: this.power() };
      } else return a;
    }
  }
  power(): Node {
    let a = this.percent();
    while (this.isOp("^")) {
      this.i++;
      a = { k: "bin", op: "^", a, b: this.percent() };
    }
    return a;
  }
  percent(): Node {
    let a = this.unary();
    while (this.isOp("%")) {
      this.i++;
      a = { k: "pct", a };
    }
    return a;
  }
  unary(): Node {
    const t = this.peek();
    if (t && t.t === "op" && (t.v === "-" || t.v === "+" || t.v === "@")) {
      this.i++;
      const a = this.unary();
      return t.v === "-" ? { k: "un", op: "-", a } : a;
    }
    return this.range();
  }
  range(): Node {
    let a = this.primary();
    while (this.isOp(":")) {
      this.i++;
      a = { k: "range", a, b: this.primary() };
    }
    return a;
  }
  primary(): Node {
    const t = this.peek();
    if (!t) throw new Error("unexpected end");
    this.i++;
    switch (t.t) {
      case "num":
        return { k: "lit", v: t.v };
      case "str":
        return { k: "lit", v: t.v };
      case "bool":
        return { k: "lit", v: t.v };
      case "err":
        return { k: "lit", v: new FormulaError(t.v) };
      case "ref":
        return { k: "ref", sheet: t.sheet, rect: t.rect };
      case "name":
        return { k: "name", name: t.v };
      case "struct":
        return { k: "struct", text: t.v };
      case "func": {
        const args: (Node | null)[] = [];
        if (this.isOp(")")) {
          this.i++;
          return { k: "func", name: t.v, args };
        }
        for (;;) {
          if (this.isOp(",") || this.isOp(")")) args.push(null);
          else args.push(this.comparison());
          if (this.isOp(",")) {
            this.i++;
            continue;
          }
          this.expectOp(")");
          return { k: "func", name: t.v, args };
        }
      }
      case "op":
        if (t.v === "(") {
          const n = this.comparison();
          this.expectOp(")");
          return n;
        }
        if (t.v === "{") {
          const rows: Node[][] = [[]];
          for (;;) {
            rows[rows.length - 1].push(this.unary());
            if (this.isOp(",")) {
              this.i++;
              continue;
            }
            if (this.isOp(";")) {
              this.i++;
              rows.push([]);
              continue;
            }
            this.expectOp("}");
            return { k: "array", rows };
          }
        }
        throw new Error(`unexpected ${t.v}`);
    }
  }
}

const parsed = new Map<string, Node | null>();

/** Parses a formula ("=…"); null when Excel would refuse it as malformed. Results are cached. */
export function parseFormula(formula: string): Node | null {
  const hit = parsed.get(formula);
  if (hit !== undefined) return hit;
  let node: Node | null = null;
  if (formula.startsWith("=")) {
    const toks = tokenize(formula.slice(1));
    if (toks && toks.length > 0) {
      try {
        node = new Parser(toks).parseFormula();
      } catch {
        node = null;
      }
    }
  }
  if (parsed.size > 100_000) parsed.clear();
  parsed.set(formula, node);
  return node;
}

export function isWellFormed(formula: string): boolean {
  return parseFormula(formula) !== null;
}

/**
 * Rewrites references to sheet `oldName` (compared case-insensitively): to `newName` when a
 * sheet is renamed, or to `#REF!` when it is deleted (Excel turns `='Kế hoạch'!A1` into
 * `=#REF!A1`).
 */
export function rewriteSheetRefs(formula: string, oldName: string, newName: string | null): string {
  if (!formula.startsWith("=")) return formula;
  const u = formula.toUpperCase();
  const target0 = oldName.toUpperCase();
  if (!u.includes(target0) && !u.includes(target0.replace(/'/g, "''"))) return formula;
  const body = formula.slice(1);
  const toks = tokenize(body);
  if (!toks) return formula;
  const target = oldName.toUpperCase();
  let out = "";
  let last = 0;
  for (const t of toks) {
    if (t.t !== "ref" || t.sheet === undefined || t.sheet.toUpperCase() !== target) continue;
    const bang = t.text.lastIndexOf("!");
    out += body.slice(last, t.s) + (newName === null ? "#REF!" : `${quoteSheet(newName)}!`) + t.text.slice(bang + 1);
    last = t.e;
  }
  return "=" + out + body.slice(last);
}

/** Which sheets a formula refers to (names as written). */
export function referencedSheets(formula: string): string[] {
  const toks = formula.startsWith("=") ? tokenize(formula.slice(1)) : null;
  if (!toks) return [];
  return toks.filter((t): t is Extract<Tok, { t: "ref" }> => t.t === "ref" && !!t.sheet).map((t) => t.sheet!);
}

/** What the evaluator needs from the workbook. */
export interface EvalHost {
  /** The value of one cell (evaluating its formula if it has one). */
  cell(sheet: string | undefined, row: number, col: number): EvalValue;
  /** Stored cells of a rectangle, for sparse iteration over large ranges. */
  cellsIn(sheet: string | undefined, rect: Rect): Array<{ row: number; col: number; value: EvalValue }>;
  sheetExists(sheet: string): boolean;
  /** A defined name: a reference or a constant; undefined when no such name. */
  name(name: string): { ref?: { sheet: string; rect: Rect }; value?: EvalValue; formula?: string } | undefined;
  /**
   * A custom function by its formula name ("CCHC.TIEN_DO"): the implementation; "unavailable"
   * when it is a custom function Excel cannot run (no runtime, not registered: #NAME?); or
   * undefined when the name is not a custom function (the fake does not evaluate it).
   */
  customFunction(name: string): ((...args: unknown[]) => unknown) | undefined | "unavailable";
  today(): number;
}

/** Thrown while evaluating when a formula uses something the fake does not evaluate (no stack: it is frequent). */
export class Unsupported {
  readonly unsupported = true;
}
const UNSUPPORTED = new Unsupported();

type Val = EvalValue | { range: true; sheet?: string; rect: Rect } | { matrix: Matrix };

const VALUE = () => new FormulaError("#VALUE!");
const DIV0 = () => new FormulaError("#DIV/0!");

export function evaluate(formula: string, host: EvalHost): EvalValue | typeof UNEVALUATED {
  const node = parseFormula(formula);
  if (!node) return new FormulaError("#NAME?");
  try {
    const v = scalar(ev(node, host), host);
    return v;
  } catch (e) {
    if (e instanceof Unsupported) return UNEVALUATED;
    throw e;
  }
}

function isRange(v: Val): v is { range: true; sheet?: string; rect: Rect } {
  return typeof v === "object" && v !== null && "range" in v;
}
function isMatrix(v: Val): v is { matrix: Matrix } {
  return typeof v === "object" && v !== null && "matrix" in v;
}

function scalar(v: Val, host: EvalHost): EvalValue {
  if (isRange(v)) {
    if (v.rect.r1 === v.rect.r2 && v.rect.c1 === v.rect.c2) return host.cell(v.sheet, v.rect.r1, v.rect.c1);
    return VALUE();
  }
  if (isMatrix(v)) return v.matrix[0]?.[0] ?? VALUE();
  return v;
}

function matrixOf(v: Val, host: EvalHost): Matrix {
  if (isRange(v)) {
    const { r1, c1, r2, c2 } = v.rect;
    if ((r2 - r1 + 1) * (c2 - c1 + 1) > 200000) throw UNSUPPORTED;
    const out: Matrix = [];
    for (let r = r1; r <= r2; r++) {
      const row: EvalValue[] = [];
      for (let c = c1; c <= c2; c++) row.push(host.cell(v.sheet, r, c));
      out.push(row);
    }
    return out;
  }
  if (isMatrix(v)) return v.matrix;
  return [[v]];
}

/** Values of a range argument, sparsely (empty cells omitted) for aggregate functions. */
function flatValues(v: Val, host: EvalHost): { values: EvalValue[]; blanks: number } {
  if (isRange(v)) {
    const cells = host.cellsIn(v.sheet, v.rect);
    const total = (v.rect.r2 - v.rect.r1 + 1) * (v.rect.c2 - v.rect.c1 + 1);
    const values = cells.map((c) => c.value).filter((x) => x !== "");
    return { values, blanks: total - values.length };
  }
  if (isMatrix(v)) return { values: v.matrix.flat(), blanks: 0 };
  return { values: [v], blanks: 0 };
}

function toNumber(v: EvalValue): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (v === "") return 0;
  const n = Number(v.trim());
  return v.trim() !== "" && Number.isFinite(n) ? n : VALUE();
}

function toText(v: EvalValue): string | FormulaError {
  if (v instanceof FormulaError) return v;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v === "number") return formatGeneral(v, LOCALES["en-US"]);
  return v;
}

function toBool(v: EvalValue): boolean | FormulaError {
  if (v instanceof FormulaError) return v;
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  const u = v.toUpperCase();
  if (u === "TRUE") return true;
  if (u === "FALSE" || u === "") return false;
  return VALUE();
}

function compare(a: EvalValue, b: EvalValue): number {
  const rank = (x: EvalValue) => (typeof x === "number" ? 0 : typeof x === "string" ? 1 : 2);
  if (a === "" && typeof b === "number") a = 0;
  if (b === "" && typeof a === "number") b = 0;
  if (a === "" && typeof b === "boolean") a = false;
  if (b === "" && typeof a === "boolean") b = false;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "string" && typeof b === "string") {
    const x = a.toUpperCase();
    const y = b.toUpperCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function criteria(crit: EvalValue): (v: EvalValue) => boolean {
  if (typeof crit !== "string") return (v) => !(v instanceof FormulaError) && compare(v, crit) === 0 && v !== "";
  const m = /^(<=|>=|<>|=|<|>)?(.*)$/s.exec(crit)!;
  const op = m[1] ?? "=";
  const raw = m[2];
  const num = raw.trim() !== "" && Number.isFinite(Number(raw)) ? Number(raw) : null;
  const target: EvalValue = num !== null ? num : raw;
  const wildcard = typeof target === "string" && /[*?]/.test(target);
  const re = wildcard ? new RegExp(`^${(target as string).replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*").replace(/\?/g, ".")}$`, "i") : null;
  return (v) => {
    if (v instanceof FormulaError) return false;
    if (op === "=" && raw === "") return v === "";
    if (op === "<>" && raw === "") return v !== "";
    if (re) return op === "<>" ? !re.test(String(v)) : re.test(String(v));
    if (num !== null && typeof v !== "number") return op === "<>";
    if (num === null && typeof v === "number" && op !== "<>") return false;
    const c = compare(v, target);
    switch (op) {
      case "=": return c === 0;
      case "<>": return c !== 0;
      case "<": return c < 0;
      case ">": return c > 0;
      case "<=": return c <= 0;
      default: return c >= 0;
    }
  };
}

function ev(n: Node, host: EvalHost): Val {
  switch (n.k) {
    case "lit":
      return n.v;
    case "ref":
      if (n.sheet === "#REF") return new FormulaError("#REF!");
      if (n.sheet !== undefined && !host.sheetExists(n.sheet)) return new FormulaError("#REF!");
      return { range: true, sheet: n.sheet, rect: n.rect };
    case "range": {
      const a = ev(n.a, host);
      const b = ev(n.b, host);
      if (a instanceof FormulaError) return a;
      if (b instanceof FormulaError) return b;
      if (!isRange(a) || !isRange(b)) return VALUE();
      return {
        range: true,
        sheet: a.sheet,
        rect: { r1: Math.min(a.rect.r1, b.rect.r1), c1: Math.min(a.rect.c1, b.rect.c1), r2: Math.max(a.rect.r2, b.rect.r2), c2: Math.max(a.rect.c2, b.rect.c2) },
      };
    }
    case "name": {
      const d = host.name(n.name);
      if (!d) return new FormulaError("#NAME?");
      if (d.ref) return { range: true, sheet: d.ref.sheet, rect: d.ref.rect };
      if (d.value !== undefined) return d.value;
      throw UNSUPPORTED;
    }
    case "struct":
      throw UNSUPPORTED;
    case "array":
      return { matrix: n.rows.map((r) => r.map((x) => scalar(ev(x, host), host))) };
    case "un": {
      const v = toNumber(scalar(ev(n.a, host), host));
      return v instanceof FormulaError ? v : -v;
    }
    case "pct": {
      const v = toNumber(scalar(ev(n.a, host), host));
      return v instanceof FormulaError ? v : v / 100;
    }
    case "bin": {
      const a = scalar(ev(n.a, host), host);
      const b = scalar(ev(n.b, host), host);
      if (n.op === "&") {
        const x = toText(a);
        const y = toText(b);
        if (x instanceof FormulaError) return x;
        if (y instanceof FormulaError) return y;
        return x + y;
      }
      if (["=", "<>", "<", ">", "<=", ">="].includes(n.op)) {
        if (a instanceof FormulaError) return a;
        if (b instanceof FormulaError) return b;
        const c = compare(a, b);
        return n.op === "=" ? c === 0 : n.op === "<>" ? c !== 0 : n.op === "<" ? c < 0 : n.op === ">" ? c > 0 : n.op === "<=" ? c <= 0 : c >= 0;
      }
      const x = toNumber(a);
      const y = toNumber(b);
      if (x instanceof FormulaError) return x;
      if (y instanceof FormulaError) return y;
      switch (n.op) {
        case "+": return x + y;
        case "-": return x - y;
        case "*": return x * y;
        case "/": return y === 0 ? DIV0() : x / y;
        default: return Math.pow(x, y);
      }
    }
    case "func":
      return callFunction(n.name, n.args, host);
  }
}

function numbersOf(args: (Node | null)[], host: EvalHost): number[] | FormulaError {
  const out: number[] = [];
  for (const a of args) {
    if (!a) continue;
    const v = ev(a, host);
    if (isRange(v) || isMatrix(v)) {
      for (const x of flatValues(v, host).values) {
        if (x instanceof FormulaError) return x;
        if (typeof x === "number") out.push(x);
      }
    } else {
      const n = toNumber(v);
      if (n instanceof FormulaError) return n;
      out.push(n);
    }
  }
  return out;
}

function callFunction(name: string, args: (Node | null)[], host: EvalHost): Val {
  const arg = (i: number): EvalValue => (args[i] ? scalar(ev(args[i]!, host), host) : "");
  const num = (i: number) => toNumber(arg(i));
  const fn = name.replace(/^_XLFN\./, "");
  switch (fn) {
    case "SUM": case "AVERAGE": case "MIN": case "MAX": case "COUNT": case "PRODUCT": {
      const ns = numbersOf(args, host);
      if (ns instanceof FormulaError) return ns;
      if (fn === "SUM") return ns.reduce((s, x) => s + x, 0);
      if (fn === "PRODUCT") return ns.reduce((s, x) => s * x, 1);
      if (fn === "COUNT") return ns.length;
      if (fn === "AVERAGE") return ns.length ? ns.reduce((s, x) => s + x, 0) / ns.length : DIV0();
      if (!ns.length) return 0;
      return fn === "MIN" ? Math.min(...ns) : Math.max(...ns);
    }
    case "COUNTA": case "COUNTBLANK": {
      let count = 0;
      let blanks = 0;
      for (const a of args) {
        if (!a) continue;
        const v = ev(a, host);
        const f = flatValues(v, host);
        count += f.values.length;
        blanks += f.blanks + (isRange(v) ? 0 : f.values.filter((x) => x === "").length);
      }
      return fn === "COUNTA" ? count : blanks;
    }
    case "COUNTIF": case "SUMIF": case "AVERAGEIF": {
      const range = args[0] ? ev(args[0], host) : VALUE();
      if (!isRange(range)) return VALUE();
      const test = criteria(arg(1));
      const sumRange = fn !== "COUNTIF" && args[2] ? ev(args[2], host) : range;
      if (!isRange(sumRange)) return VALUE();
      let count = 0;
      let sum = 0;
      const visit = (r: number, c: number, v: EvalValue) => {
        if (!test(v)) return;
        count++;
        if (fn === "COUNTIF") return;
        const sv = host.cell(sumRange.sheet, sumRange.rect.r1 + r, sumRange.rect.c1 + c);
        if (typeof sv === "number") sum += sv;
      };
      if (test("")) matrixOf(range, host).forEach((row, r) => row.forEach((v, c) => visit(r, c, v)));
      else for (const x of host.cellsIn(range.sheet, range.rect)) visit(x.row - range.rect.r1, x.col - range.rect.c1, x.value);
      if (fn === "COUNTIF") return count;
      if (fn === "SUMIF") return sum;
      return count ? sum / count : DIV0();
    }
    case "COUNTIFS": {
      const pairs: Array<{ range: { sheet?: string; rect: Rect }; test: (v: EvalValue) => boolean }> = [];
      for (let i = 0; i + 1 < args.length; i += 2) {
        const r = args[i] ? ev(args[i]!, host) : VALUE();
        if (!isRange(r)) return VALUE();
        pairs.push({ range: r, test: criteria(arg(i + 1)) });
      }
      if (!pairs.length) return VALUE();
      const [head, ...rest] = pairs;
      const ok = (r: number, c: number) => rest.every((p) => p.test(host.cell(p.range.sheet, p.range.rect.r1 + r, p.range.rect.c1 + c)));
      let count = 0;
      if (head.test("")) {
        matrixOf({ range: true, ...head.range }, host).forEach((row, r) => row.forEach((v, c) => {
          if (head.test(v) && ok(r, c)) count++;
        }));
      } else {
        for (const x of host.cellsIn(head.range.sheet, head.range.rect)) {
          if (head.test(x.value) && ok(x.row - head.range.rect.r1, x.col - head.range.rect.c1)) count++;
        }
      }
      return count;
    }
    case "IF": {
      const c = toBool(arg(0));
      if (c instanceof FormulaError) return c;
      if (c) return args.length > 1 ? (args[1] ? ev(args[1]!, host) : 0) : true;
      return args.length > 2 ? (args[2] ? ev(args[2]!, host) : 0) : false;
    }
    case "IFERROR": case "IFNA": {
      const v = arg(0);
      if (v instanceof FormulaError && (fn === "IFERROR" || v.code === "#N/A")) return arg(1);
      return v;
    }
    case "AND": case "OR": {
      const vals: boolean[] = [];
      for (const a of args) {
        if (!a) continue;
        const v = ev(a, host);
        const items = isRange(v) || isMatrix(v) ? flatValues(v, host).values.filter((x) => typeof x === "boolean" || typeof x === "number" || x instanceof FormulaError) : [scalar(v, host)];
        for (const x of items) {
          const b = toBool(x);
          if (b instanceof FormulaError) return b;
          vals.push(b);
        }
      }
      if (!vals.length) return VALUE();
      return fn === "AND" ? vals.every(Boolean) : vals.some(Boolean);
    }
    case "NOT": {
      const b = toBool(arg(0));
      return b instanceof FormulaError ? b : !b;
    }
    case "ROUND": case "ROUNDUP": case "ROUNDDOWN": {
      const x = num(0);
      const d = args.length > 1 ? num(1) : 0;
      if (x instanceof FormulaError) return x;
      if (d instanceof FormulaError) return d;
      const f = Math.pow(10, Math.trunc(d));
      const y = x * f;
      const r = fn === "ROUND" ? Math.sign(y) * Math.round(Math.abs(y) + 1e-9) : fn === "ROUNDUP" ? Math.sign(y) * Math.ceil(Math.abs(y) - 1e-9) : Math.trunc(y);
      return r / f;
    }
    case "ABS": case "INT": {
      const x = num(0);
      if (x instanceof FormulaError) return x;
      return fn === "ABS" ? Math.abs(x) : Math.floor(x);
    }
    case "LEN": case "TRIM": case "UPPER": case "LOWER": {
      const t = toText(arg(0));
      if (t instanceof FormulaError) return t;
      if (fn === "LEN") return t.length;
      if (fn === "TRIM") return t.trim().replace(/ +/g, " ");
      return fn === "UPPER" ? t.toUpperCase() : t.toLowerCase();
    }
    case "CONCATENATE": case "CONCAT": {
      let s = "";
      for (const a of args) {
        if (!a) continue;
        const v = ev(a, host);
        const items = isRange(v) || isMatrix(v) ? matrixOf(v, host).flat() : [scalar(v, host)];
        for (const x of items) {
          const t = toText(x);
          if (t instanceof FormulaError) return t;
          s += t;
        }
      }
      return s;
    }
    // The cell shows the friendly name, else the link's location (following it is not modelled).
    case "HYPERLINK": return toText(args.length > 1 ? arg(1) : arg(0));
    case "ISBLANK": return arg(0) === "";
    case "ISNUMBER": return typeof arg(0) === "number";
    case "ISTEXT": return typeof arg(0) === "string" && arg(0) !== "";
    case "ISERROR": return arg(0) instanceof FormulaError;
    case "NA": return new FormulaError("#N/A");
    case "DATE": {
      const y = num(0), m = num(1), d = num(2);
      if (y instanceof FormulaError) return y;
      if (m instanceof FormulaError) return m;
      if (d instanceof FormulaError) return d;
      return serialFromYmd(Math.trunc(y), Math.trunc(m), Math.trunc(d));
    }
    case "YEAR": case "MONTH": case "DAY": {
      const x = num(0);
      if (x instanceof FormulaError) return x;
      const p = ymdFromSerial(x);
      return fn === "YEAR" ? p.y : fn === "MONTH" ? p.m : p.d;
    }
    case "TODAY": return host.today();
    default:
      break;
  }
  const cf = host.customFunction(name);
  if (cf === "unavailable") return new FormulaError("#NAME?");
  if (cf) {
    const values = args.map((a) => {
      if (!a) return null;
      const v = ev(a, host);
      if (isRange(v) || isMatrix(v)) return matrixOf(v, host).map((r) => r.map((x) => (x instanceof FormulaError ? x.code : x)));
      return v instanceof FormulaError ? v.code : v;
    });
    try {
      const r = cf(...values);
      if (r && typeof (r as Promise<unknown>).then === "function") return new FormulaError("#BUSY!");
      if (Array.isArray(r)) return (r as unknown[][])[0]?.[0] as EvalValue;
      if (r && typeof r === "object" && "code" in (r as object)) return new FormulaError(errorFromCustom(r as { code: string }));
      if (r === null || r === undefined) return 0;
      return r as EvalValue;
    } catch (e) {
      if (e && typeof e === "object" && "code" in (e as object)) return new FormulaError(errorFromCustom(e as { code: string }));
      return VALUE();
    }
  }
  throw UNSUPPORTED;
}

function errorFromCustom(e: { code: string }): string {
  const map: Record<string, string> = {
    "#DIV/0!": "#DIV/0!", "#N/A": "#N/A", "#NAME?": "#NAME?", "#NULL!": "#NULL!", "#NUM!": "#NUM!", "#REF!": "#REF!", "#VALUE!": "#VALUE!",
  };
  return map[e.code] ?? "#VALUE!";
}

export { MAX_COLS, MAX_ROWS };
