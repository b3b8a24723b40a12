/**
 * A production build once shipped an empty functions.js and every cell showed #VALUE!.
 * These checks read what `npm run build` wrote, not the sources.
 */
import { readDist } from "./distBuilt";

interface FunctionMeta { id: string; name: string; description: string; parameters: Array<{ name: string; description: string; type?: string; dimensionality?: string; optional?: boolean }>; result: unknown }

const metadata = JSON.parse(readDist("functions.json")) as { functions: FunctionMeta[] };
const bundle = readDist("functions.js");

describe("dist/functions.json and dist/functions.js", () => {
  test("every function in functions.json is associated in the production bundle", () => {
    expect(metadata.functions.length).toBeGreaterThan(0);
    for (const fn of metadata.functions) {
      expect(bundle).toMatch(new RegExp(`CustomFunctions\\.associate\\("${fn.id}",`));
    }
  });

  test("no associate call names an id that functions.json lacks", () => {
    const ids = new Set(metadata.functions.map((f) => f.id));
    for (const m of bundle.matchAll(/CustomFunctions\.associate\("([^"]+)"/g)) expect(ids.has(m[1])).toBe(true);
  });

  test("RATE goes from JSDoc to metadata with Vietnamese descriptions and matrix parameters", () => {
    const rate = metadata.functions.find((f) => f.id === "RATE")!;
    expect(rate.name).toBe("RATE");
    expect(rate.description).toMatch(/Tỷ lệ/);
    expect(rate.parameters.map((p) => p.name)).toEqual(["part", "whole"]);
    for (const p of rate.parameters) {
      expect(p.dimensionality).toBe("matrix");
      expect(p.description.length).toBeGreaterThan(10);
    }
  });

  test("the task pane page loads the functions bundle (one shared runtime)", () => {
    const html = readDist("taskpane.html");
    expect(html).toMatch(/<script[^>]+src="?functions\.js"?/);
    expect(html).toMatch(/<script[^>]+src="?taskpane\.js"?/);
    expect(html).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });
});
