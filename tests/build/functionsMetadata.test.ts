/**
 * What `npm run build` wrote into dist/functions.json for the twelve =CCHC.* functions: ids,
 * parameter names, types, dimensionality and optional flags, descriptions in Vietnamese, and
 * nothing volatile (the as-of date is an argument). dist/functions.js must associate every id.
 */
import { readDist } from "./distBuilt";

interface ParamMeta { name: string; description?: string; type?: string; dimensionality?: string; optional?: boolean }
interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  parameters: ParamMeta[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

const metadata = JSON.parse(readDist("functions.json")) as { functions: FunctionMeta[] };
const bundle = readDist("functions.js");

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

type P = [name: string, optional: boolean, dimensionality?: "matrix" | "scalar"];

/** id → parameters (name, optional, dimensionality; default matrix) and result dimensionality. */
const EXPECTED: Record<string, { params: P[]; result: "matrix" | "scalar" }> = {
  RATE: { params: [["part", false], ["whole", false]], result: "matrix" },
  TARGET: { params: [["text", false], ["index", true]], result: "matrix" },
  COMPARATOR: { params: [["text", false], ["index", true]], result: "matrix" },
  ATTAINMENT: { params: [["actual", false], ["target", false], ["comparator", true], ["cap", true]], result: "matrix" },
  MET: { params: [["actual", false], ["target", false], ["comparator", true]], result: "matrix" },
  DEADLINE: { params: [["text", false], ["which", true], ["year", true]], result: "matrix" },
  STATUS: { params: [["deadline", false], ["completedOn", false], ["asOf", false], ["year", true]], result: "matrix" },
  PERIOD: { params: [["date", false], ["kind", true], ["cutoffStartDay", true], ["cutoffEndDay", true]], result: "matrix" },
  DUE: { params: [["deadline", false], ["period", false], ["year", true]], result: "matrix" },
  COMPLETION: { params: [["statuses", false], ["dueOnly", true, "scalar"]], result: "scalar" },
  PARSCORE: { params: [["rate", false], ["maxPoints", false], ["thresholds", true]], result: "matrix" },
  OWNER: { params: [["text", false], ["units", true]], result: "matrix" },
};

const byId = new Map(metadata.functions.map((f) => [f.id, f]));

describe("dist/functions.json: the =CCHC.* functions", () => {
  test("exactly the expected ids, each named as its id", () => {
    expect([...byId.keys()].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  test.each(Object.keys(EXPECTED))("%s: parameters, types, dimensionality, optional flags", (id) => {
    const f = byId.get(id)!;
    const want = EXPECTED[id];
    expect(f.parameters.map((p) => p.name)).toEqual(want.params.map((p) => p[0]));
    want.params.forEach(([name, optional, dim = "matrix"], i) => {
      const p = f.parameters[i];
      expect({ name, type: p.type ?? "any", dimensionality: p.dimensionality ?? "scalar", optional: p.optional ?? false })
        .toEqual({ name, type: "any", dimensionality: dim, optional });
    });
    // Optional parameters come last (Excel cannot skip a required one after them).
    const firstOptional = f.parameters.findIndex((p) => p.optional);
    if (firstOptional >= 0) expect(f.parameters.slice(firstOptional).every((p) => p.optional)).toBe(true);
    expect(f.result.dimensionality ?? "scalar").toBe(want.result);
    if (id === "COMPLETION") expect(f.result.type).toBe("string");
  });

  test.each(Object.keys(EXPECTED))("%s: descriptions of the function and every parameter are Vietnamese", (id) => {
    const f = byId.get(id)!;
    expect(f.description).toMatch(VIETNAMESE);
    expect(f.description!.length).toBeGreaterThan(30);
    for (const p of f.parameters) {
      expect(p.description).toMatch(VIETNAMESE);
      expect(p.description!.length).toBeGreaterThan(8);
    }
  });

  test("no function is volatile, streaming or cancelable (the as-of date is an argument)", () => {
    for (const f of metadata.functions) {
      expect(f.options?.volatile ?? false).toBe(false);
      expect(f.options?.stream ?? false).toBe(false);
      expect(f.options?.cancelable ?? false).toBe(false);
    }
  });

  test("dist/functions.js associates every id", () => {
    for (const id of Object.keys(EXPECTED)) expect(bundle).toMatch(new RegExp(`CustomFunctions\\.associate\\("${id}",`));
  });
});
