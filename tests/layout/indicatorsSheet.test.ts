/**
 * The "Chỉ tiêu" sheet built from the embedded plan: which indicators it lists, the formulas in
 * each mode, the cached values (equal to what the functions compute), overrides, the
 * body–appendix conflicts, conditional formats, and the references other code uses.
 */
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { defaultSettings } from "../../src/core/settings";
import type { WorkbookModel } from "../../src/layout/model";
import type { Cell, SheetLayout } from "../../src/layout/types";
import { columnLetter, parseAddress } from "../../src/layout/address";
import { buildWorkbookLayout } from "../../src/layout/workbook";
import {
  CLOSE_ATTAINMENT, DEFINITION_COLUMNS, INDICATOR_PERIOD_KEYS, INDICATOR_VALUES_TABLE, INDICATORS_SHEET, INDICATORS_TABLE,
  MET_LABELS, VALUE_COLUMNS, indicatorCellRefs, indicatorSheetPlan, indicatorValues, indicatorsSheet,
} from "../../src/layout/indicatorsSheet";
import * as F from "../../src/functions/functions";
import { errorCode, isExcelError } from "../../src/core/excelError";

const plan = HONG_LOC_2024;
const baseModel = (mode: "custom" | "native", extra: Partial<WorkbookModel> = {}): WorkbookModel => ({
  plan, settings: defaultSettings(plan, "2024-09-14"), progress: {}, mode, ...extra,
});

const INPUTS: WorkbookModel["indicatorInputs"] = {
  "BODY-3.1": { Q1: { numerator: 60, denominator: 100 }, Q2: { numerator: 80, denominator: 100 }, H1: { numerator: 140, denominator: 200 } },
  "BODY-3.2b": { Q3: { numerator: 70, denominator: 100 }, Q4: { numerator: 0, denominator: 0 } },
  "BODY-1.2": { Y: { numerator: 1 }, H1: { numerator: 0 } },
  "OBJ-I-1.4": { Y: { numerator: 3, denominator: 9 } },
  "BODY-3.6": { Q1: { numerator: 93, denominator: 100 } },
};

/** Every cell of a sheet by A1 address: free cells and table cells (headers and rows). */
function cellMap(sheet: SheetLayout): Map<string, Cell> {
  const out = new Map<string, Cell>(Object.entries(sheet.cells));
  for (const t of sheet.tables) {
    const o = parseAddress(t.origin);
    t.columns.forEach((c, j) => out.set(`${columnLetter(o.col + j)}${o.row + 1}`, { v: c.header }));
    t.rows.forEach((row, i) => row.forEach((cell, j) => out.set(`${columnLetter(o.col + j)}${o.row + 2 + i}`, cell)));
  }
  return out;
}

const plain = (v: unknown) => (isExcelError(v) ? errorCode(v) : v);

describe("which indicators the sheet lists", () => {
  const model = baseModel("custom");
  const sheet = indicatorsSheet(model);
  const defs = sheet.tables.find((t) => t.name === INDICATORS_TABLE)!;
  const ids = defs.rows.map((r) => r[0].v);

  test("every body indicator, then every appendix objective with a numeric target, one row per target", () => {
    expect(ids.slice(0, plan.indicators.length)).toEqual(plan.indicators.map((i) => i.id));
    for (const id of ["OBJ-I-1.3", "OBJ-I-1.4", "OBJ-II-1.3", "OBJ-III-1.2a", "OBJ-III-1.2b", "OBJ-III-1.2c", "OBJ-III-#5a", "OBJ-III-#5b",
      "OBJ-III-1.7a", "OBJ-III-1.7b", "OBJ-III-1.8", "OBJ-V-1.2", "OBJ-VI-1.2", "OBJ-VII.A-1.2", "OBJ-VII.B-1.1"]) {
      expect(ids).toContain(id);
    }
    // No number in the wording → no indicator (IV 1.3 "Năm 2024 giảm biên chế…", VII.B 1.4 "…ISO 9001:2015 trong năm 2024").
    expect(ids.some((id) => String(id).startsWith("OBJ-IV-"))).toBe(false);
    expect(ids).not.toContain("OBJ-VII.B-1.4");
    expect(ids).not.toContain("OBJ-I-1.1");
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("the body–appendix disagreements of DOMAIN.md show side by side", () => {
    const counterpart = (id: string) => defs.rows.find((r) => r[0].v === id)![DEFINITION_COLUMNS.findIndex((c) => c.key === "counterpart")].v;
    expect(counterpart("BODY-1.3")).toBe("≠ OBJ-I-1.4: ≥ 35%");
    expect(counterpart("OBJ-I-1.4")).toBe("≠ BODY-1.3: ≥ 50%");
    expect(counterpart("BODY-7.2")).toBe("≠ OBJ-VII.A-1.2: ≥ 70%");
    expect(counterpart("OBJ-VII.A-1.2")).toBe("≠ BODY-7.2: ≥ 80%");
    expect(counterpart("OBJ-II-1.3")).toBe("≠ BODY-2.2: ≥ 100%");
    expect(counterpart("OBJ-III-1.7b")).toBe("= BODY-3.5b: ≥ 40%");
    expect(counterpart("OBJ-III-1.2b")).toBe("");
    const disagreements = defs.rows.filter((r) => String(r[DEFINITION_COLUMNS.length - 1].v).startsWith("≠")).map((r) => r[0].v);
    expect(disagreements.sort()).toEqual(["BODY-1.3", "BODY-2.2", "BODY-7.2", "OBJ-I-1.4", "OBJ-II-1.3", "OBJ-VII.A-1.2"]);
  });
});

describe("custom mode: CCHC.* formulas with the values the functions compute", () => {
  const model = baseModel("custom", { indicatorInputs: INPUTS });
  const sheet = indicatorsSheet(model);
  const cells = cellMap(sheet);
  const refs = indicatorCellRefs(model);

  test("target and comparator are CCHC.TARGET/COMPARATOR over the row's text, cached as the function returns", () => {
    for (const d of refs.definitions) {
      const text = cells.get(d.cells.text)!.v;
      const index = cells.get(d.cells.index)!.v;
      const target = cells.get(d.cells.targetRead)!;
      const comparator = cells.get(d.cells.comparatorRead)!;
      expect(target.f).toBe(`CCHC.TARGET(${d.cells.text},${d.cells.index})`);
      expect(comparator.f).toBe(`CCHC.COMPARATOR(${d.cells.text},${d.cells.index})`);
      expect(target.v).toBe(plain(F.target([[text]], [[index]])[0][0]));
      expect(comparator.v).toBe(plain(F.comparator([[text]], [[index]])[0][0]));
      expect(cells.get(d.cells.target)!.f).toBe(`IF(${d.cells.targetOverride}<>"",${d.cells.targetOverride},${d.cells.targetRead})`);
    }
  });

  test("actual, attainment and met: formulas and cached values equal to calling the functions on the inputs", () => {
    let filled = 0;
    for (const v of refs.values) {
      const num = cells.get(v.cells.numerator)!.v ?? "";
      const den = cells.get(v.cells.denominator)!.v ?? "";
      const target = cells.get(v.cells.target)!.v;
      const comparator = cells.get(v.cells.comparator)!.v;
      const unit = cells.get(v.cells.unit)!.v;
      const actualCell = cells.get(v.cells.actual)!;
      const expectedActual = unit === "số lượng" ? num : plain(F.rate([[num]], [[den]])[0][0]);
      expect(actualCell.v).toBe(expectedActual);
      const isError = typeof expectedActual === "string" && expectedActual.startsWith("#");
      const attainment = isError ? expectedActual : plain(F.attainment([[expectedActual]], [[target]], [[comparator]])[0][0]);
      expect(cells.get(v.cells.attainment)!.v).toBe(attainment);
      const met = isError ? expectedActual : plain(F.met([[expectedActual]], [[target]], [[comparator]])[0][0]);
      expect(cells.get(v.cells.met)!.v).toBe(met === true ? MET_LABELS.met : met === false ? MET_LABELS.notMet : met);
      if (num !== "") filled++;
      if (unit !== "số lượng") {
        expect(actualCell.f).toBe(`IF(OR(${v.cells.numerator}="",${v.cells.denominator}=""),"",CCHC.RATE(${v.cells.numerator},${v.cells.denominator}))`);
      }
      expect(cells.get(v.cells.attainment)!.f).toBe(`IF(OR(${v.cells.actual}="",${v.cells.target}=""),"",CCHC.ATTAINMENT(${v.cells.actual},${v.cells.target},${v.cells.comparator}))`);
      expect(cells.get(v.cells.met)!.f).toContain(`CCHC.MET(${v.cells.actual},${v.cells.target},${v.cells.comparator})`);
    }
    expect(filled).toBe(9);
  });

  test("a few figures by hand", () => {
    const at = (id: string, p: (typeof INDICATOR_PERIOD_KEYS)[number], k: "actual" | "attainment" | "met") =>
      cells.get(refs.values.find((v) => v.id === id && v.period === p)!.cells[k])!.v;
    expect(at("BODY-3.1", "Q1", "attainment")).toBeCloseTo(0.8, 12);
    expect(at("BODY-3.1", "Q1", "met")).toBe("Chưa đạt");
    expect(at("BODY-3.1", "Q2", "met")).toBe("Đạt");
    expect(at("BODY-3.1", "H1", "attainment")).toBeCloseTo(0.7 / 0.75, 12);
    expect(at("BODY-3.2b", "Q3", "met")).toBe("Đạt"); // 70/100 against 70%
    expect(at("BODY-3.2b", "Q4", "actual")).toBe("#DIV/0!");
    expect(at("BODY-1.2", "Y", "actual")).toBe(1);
    expect(at("BODY-1.2", "Y", "met")).toBe("Đạt");
    expect(at("BODY-1.2", "H1", "attainment")).toBe(0);
    expect(at("OBJ-I-1.4", "Y", "attainment")).toBeCloseTo(1 / 3 / 0.35, 12);
    expect(at("BODY-3.6", "Q1", "attainment")).toBeGreaterThanOrEqual(CLOSE_ATTAINMENT);
    expect(at("BODY-5", "Q1", "actual")).toBe("");
  });

  test("indicatorValues() gives the same figures the cells cache", () => {
    const values = indicatorValues(model);
    expect(values).toHaveLength(refs.values.length);
    values.forEach((v, i) => {
      const r = refs.values[i];
      expect([v.id, v.period]).toEqual([r.id, r.period]);
      expect(cells.get(r.cells.attainment)!.v).toBe(v.attainment);
      expect(cells.get(r.cells.met)!.v).toBe(v.met);
    });
  });
});

describe("native mode: only built-in functions, same cached values", () => {
  const custom = indicatorsSheet(baseModel("custom", { indicatorInputs: INPUTS }));
  const native = indicatorsSheet(baseModel("native", { indicatorInputs: INPUTS }));

  test("no CCHC.* anywhere", () => {
    for (const c of cellMap(native).values()) if (c.f) expect(c.f).not.toMatch(/CCHC\./);
    for (const cf of native.conditionalFormats) expect(cf.formula).not.toMatch(/CCHC\./);
  });

  test("target and comparator are plain values; every cached value matches the custom sheet", () => {
    const a = cellMap(custom);
    const b = cellMap(native);
    const refs = indicatorCellRefs(baseModel("native"));
    for (const d of refs.definitions) {
      expect(b.get(d.cells.targetRead)!.f).toBeUndefined();
      expect(b.get(d.cells.comparatorRead)!.f).toBeUndefined();
    }
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [addr, cell] of a) expect([addr, b.get(addr)!.v]).toEqual([addr, cell.v]);
  });
});

describe("overrides win when filled", () => {
  const model = baseModel("custom", {
    indicatorInputs: INPUTS,
    indicatorOverrides: { "BODY-1.3": { target: 0.35 }, "BODY-3.1": { target: 0.6, comparator: ">=" }, "BODY-3.6": { comparator: "<=" } },
  });
  const cells = cellMap(indicatorsSheet(model));
  const refs = indicatorCellRefs(model);
  const def = (id: string) => refs.definitions.find((d) => d.id === id)!;

  test("the applied target/comparator and every period row follow the override", () => {
    expect(cells.get(def("BODY-1.3").cells.targetOverride)!.v).toBe(0.35);
    expect(cells.get(def("BODY-1.3").cells.target)!.v).toBe(0.35);
    expect(cells.get(def("BODY-1.3").cells.targetRead)!.v).toBe(0.5);
    expect(cells.get(def("BODY-3.6").cells.comparator)!.v).toBe("<=");
    const q1 = refs.values.find((v) => v.id === "BODY-3.1" && v.period === "Q1")!;
    expect(cells.get(q1.cells.target)!.v).toBe(0.6);
    expect(cells.get(q1.cells.met)!.v).toBe("Đạt");
    const sat = refs.values.find((v) => v.id === "BODY-3.6" && v.period === "Q1")!;
    expect(cells.get(sat.cells.met)!.v).toBe("Đạt"); // 93% ≤ 94%
  });
});

describe("layout and references", () => {
  const model = baseModel("custom");
  const sheet = indicatorsSheet(model);
  const cells = cellMap(sheet);
  const refs = indicatorCellRefs(model);
  const p = indicatorSheetPlan(model);

  test("two tables: definitions, then indicator × period rows in report order", () => {
    expect(sheet.name).toBe(INDICATORS_SHEET);
    expect(sheet.role).toBe("indicators");
    const [defs, vals] = sheet.tables;
    expect([defs.name, vals.name]).toEqual([INDICATORS_TABLE, INDICATOR_VALUES_TABLE]);
    expect(defs.columns.map((c) => c.key)).toEqual(DEFINITION_COLUMNS.map((c) => c.key));
    expect(vals.columns.map((c) => c.key)).toEqual(VALUE_COLUMNS.map((c) => c.key));
    expect(vals.rows).toHaveLength(p.indicators.length * 7);
    expect(vals.rows.slice(0, 7).map((r) => r[1].v)).toEqual(["Quý I/2024", "Quý II/2024", "6 tháng/2024", "Quý III/2024", "9 tháng/2024", "Quý IV/2024", "Năm 2024"]);
    expect(parseAddress(vals.origin).row + 1).toBe(p.valuesHeaderRow);
    expect(p.valuesHeaderRow).toBeGreaterThan(p.lastDefinitionRow + 1);
    // numerator/denominator are inputs; a count indicator has no denominator input
    const count = refs.values.find((v) => v.id === "BODY-1.2")!;
    expect(cells.get(count.cells.denominator)!.style).toBe("note");
    expect(cells.get(refs.values.find((v) => v.id === "BODY-3.1")!.cells.denominator)!.style).toBe("input");
  });

  test("indicatorCellRefs points at the right rows", () => {
    expect(refs.definitions).toHaveLength(p.indicators.length);
    for (const d of refs.definitions) expect(cells.get(d.cells.id)!.v).toBe(d.id);
    for (const v of refs.values) {
      expect(cells.get(v.cells.id)!.v).toBe(v.id);
      expect(cells.get(v.cells.period)!.v).toBe(v.label);
    }
    const q2 = refs.values.find((v) => v.id === "BODY-3.1" && v.period === "Q2")!;
    expect(refs.ref("BODY-3.1", "Q2", "attainment")).toBe(`'Chỉ tiêu'!${q2.cells.attainment}`);
    expect(refs.ref("NOPE", "Q2", "met")).toBeNull();
    expect(refs.valuesRange("met")).toBe(`'Chỉ tiêu'!$K$${p.firstValueRow}:$K$${p.firstValueRow + refs.values.length - 1}`);
    expect(refs.definitionsRange("target")).toBe(`'Chỉ tiêu'!$K$${p.firstDefinitionRow}:$K$${p.lastDefinitionRow}`);
    // Table II's target looks the indicator up by id, so sorting either table keeps it right.
    expect(cells.get(q2.cells.target)!.f).toBe(`INDEX($K$${p.firstDefinitionRow}:$K$${p.lastDefinitionRow},MATCH($A${q2.row},$A$${p.firstDefinitionRow}:$A$${p.lastDefinitionRow},0))`);
  });

  test("conditional formats: met, close (≥ 90%), far; validations on the inputs", () => {
    const range = `J${p.firstValueRow}:K${p.firstValueRow + refs.values.length - 1}`;
    const rules = sheet.conditionalFormats.filter((c) => c.range === range);
    expect(rules.map((r) => r.formula)).toEqual([
      `$K${p.firstValueRow}="Đạt"`,
      `AND($K${p.firstValueRow}="Chưa đạt",$J${p.firstValueRow}>=0.9)`,
      `AND($K${p.firstValueRow}="Chưa đạt",$J${p.firstValueRow}<0.9)`,
    ]);
    expect(sheet.validations.map((v) => v.range)).toEqual(expect.arrayContaining([
      `H${p.firstDefinitionRow}:H${p.lastDefinitionRow}`,
      `G${p.firstValueRow}:G${p.firstValueRow + refs.values.length - 1}`,
      `H${p.firstValueRow}:H${p.firstValueRow + refs.values.length - 1}`,
    ]));
  });

  test("the workbook holds the sheet; a plan without indicators still builds", () => {
    const layout = buildWorkbookLayout(model);
    expect(layout.sheets.map((s) => s.name)).toContain(INDICATORS_SHEET);
    const empty = indicatorsSheet({ ...model, plan: { ...plan, indicators: [], activities: [] } });
    expect(empty.tables[0].rows).toHaveLength(0);
    expect(empty.tables[1].rows).toHaveLength(0);
    expect(empty.conditionalFormats).toHaveLength(0);
  });
});
