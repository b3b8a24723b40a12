/**
 * `npm run bench`: every speed and size figure the issues ask for, measured side by side in one
 * run (medians of several runs; ratios within the same run), printed as a table and written to
 * bench/results.json.
 */
import * as fs from "fs";
import * as path from "path";
import { printTable, round, type Result } from "./measure";

import * as importDocx from "./sections/importDocx";
import * as validate from "./sections/validate";
import * as scaling from "./sections/scaling";
import * as memory from "./sections/memory";

const SECTIONS: Record<string, { run(): Promise<Result[]> }> = { importDocx, validate, scaling, memory };

async function main() {
  const only = process.argv.slice(2);
  const results: Result[] = [];
  for (const [name, section] of Object.entries(SECTIONS)) {
    if (only.length && !only.includes(name)) continue;
    const started = Date.now();
    process.stderr.write(`bench: ${name}…\n`);
    results.push(...(await section.run()));
    process.stderr.write(`bench: ${name} done in ${round((Date.now() - started) / 1000, 1)} s\n`);
  }
  console.log(printTable(results));
  const file = path.join(__dirname, "results.json");
  fs.writeFileSync(file, `${JSON.stringify(results.map((r) => ({ ...r, value: round(r.value, 3), ...(r.baseline !== undefined ? { baseline: round(r.baseline, 3) } : {}), ...(r.ratio !== undefined ? { ratio: round(r.ratio, 4) } : {}) })), null, 2)}\n`);
  console.log(`\nwritten ${path.relative(process.cwd(), file)}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
