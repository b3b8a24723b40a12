/**
 * Layers point inward (issue 12 item 5): core ← import, layout ← app ← adapters ← taskpane,
 * functions, cli. Scans every import in src/ and fails on an arrow pointing outward, and on a
 * call of Excel.run / context.sync outside the Office.js adapter and renderer. Arrows not fixed
 * yet are listed below by name, so they stay visible; an entry that no longer occurs fails too
 * (delete it when the arrow is gone).
 */
import * as fs from "fs";
import * as path from "path";

const SRC = path.join(__dirname, "../../src");

/** Layer (top folder of src/) → the layers it must not import. */
const FORBIDDEN: Record<string, string[]> = {
  core: ["import", "layout", "app", "adapters", "taskpane", "cli", "functions", "export", "render", "page", "data"],
  import: ["layout", "app", "adapters", "taskpane", "cli", "functions", "export", "render", "page"],
  layout: ["import", "app", "adapters", "taskpane", "cli", "functions", "export", "render", "page", "data"],
  app: ["adapters", "taskpane", "cli", "page"],
  render: ["import", "app", "adapters", "taskpane", "cli", "functions", "export", "page", "data"],
  export: ["import", "app", "adapters", "taskpane", "cli", "functions", "page", "data"],
  functions: ["import", "layout", "app", "adapters", "taskpane", "cli", "export", "render", "page", "data"],
  data: ["import", "layout", "app", "adapters", "taskpane", "cli", "functions", "export", "render", "page"],
  adapters: ["taskpane", "cli", "page", "functions", "data"],
  // The shells: the pane and the page reach the product through src/app (and the page reuses the pane's panels).
  taskpane: ["cli", "page", "data", "export", "functions", "import", "layout"],
  page: ["cli", "data", "functions", "import", "layout"],
  cli: ["taskpane", "page", "functions"],
};

/** Arrows still pointing outward, "from-file → imported-file" (paths under src/), each with why. */
const KNOWN_ARROWS: Record<string, string> = {};

const HOST_CALLERS_ALLOWED = ["adapters/officejs/", "render/officejs/"];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

const rel = (file: string) => path.relative(SRC, file).split(path.sep).join("/");

/** The src/ files a file imports (static, side-effect, dynamic and require), resolved. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*(?:\/\*[^*]*\*\/\s*)?|\brequire\s*\(\s*|^\s*import\s+)["']([^"']+)["']/gm)].map((m) => m[1]);
  const out: string[] = [];
  for (const spec of specs) {
    if (!spec.startsWith(".")) continue;
    const base = path.resolve(path.dirname(file), spec);
    const found = [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")].find((f) => fs.existsSync(f) && fs.statSync(f).isFile());
    if (found && found.startsWith(SRC)) out.push(rel(found));
  }
  return out;
}

const files = sourceFiles(SRC);
const layerOf = (relPath: string) => relPath.split("/")[0];

describe("layers point inward", () => {
  it("finds the source and its imports (the scan itself works)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(importsOf(path.join(SRC, "layout/settingsSheet.ts"))).toContain("core/indicatorFunctions.ts");
    expect(importsOf(path.join(SRC, "app/readWorkbook.ts"))).toContain("layout/readBack.ts");
  });

  it("no arrow points outward, except the listed ones, and every listed one still exists", () => {
    const arrows: string[] = [];
    for (const file of files) {
      const from = rel(file);
      const banned = FORBIDDEN[layerOf(from)] ?? [];
      for (const to of importsOf(file)) if (banned.includes(layerOf(to))) arrows.push(`${from} → ${to}`);
    }
    expect([...new Set(arrows)].sort()).toEqual(Object.keys(KNOWN_ARROWS).sort());
  });

  it("only the Office.js adapter and renderer call Excel.run or context.sync", () => {
    const callers = files.map(rel).filter((f) => /\bExcel\.run\b|\.sync\(\)/.test(fs.readFileSync(path.join(SRC, f), "utf8")));
    expect(callers.length).toBeGreaterThan(0);
    expect(callers.filter((f) => !HOST_CALLERS_ALLOWED.some((d) => f.startsWith(d))).sort()).toEqual([]);
  });

  it("no `void x;` lines keeping an unused name alive in src/", () => {
    const lines = files.flatMap((f) => fs.readFileSync(f, "utf8").split("\n").map((l, i) => ({ at: `${rel(f)}:${i + 1}`, l })));
    expect(lines.filter(({ l }) => /^\s*void [A-Za-z_$][\w$]*;\s*$/.test(l)).map(({ at }) => at)).toEqual([]);
  });

  it("benchmark code and generated test data live in bench/, not src/", () => {
    expect(files.map(rel).filter((f) => /(^|\/)(bench|synthetic)[^/]*\.tsx?$/.test(f))).toEqual([]);
  });
});
