/**
 * `npm run bench`: every speed and size figure the issues ask for, measured side by side in one
 * run (medians of several runs; ratios within the same run), printed as a table and written to
 * bench/results.json.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { printTable, round, type Result } from "./measure";

import * as importDocx from "./sections/importDocx";
import * as validate from "./sections/validate";
import * as scaling from "./sections/scaling";
import * as memory from "./sections/memory";
import * as officejs from "./sections/officejs";
import * as functions from "./sections/functions";
import * as rollup from "./sections/rollup";
import * as bundle from "./sections/bundle";

const SECTIONS: Record<string, { run(): Promise<Result[]> }> = { importDocx, validate, scaling, memory, officejs, functions, rollup, bundle };

async function main() {
  const only = process.argv.slice(2);
  const unknown = only.filter((n) => !(n in SECTIONS));
  if (unknown.length) throw new Error(`unknown section(s) ${unknown.join(", ")}; known: ${Object.keys(SECTIONS).join(", ")}`);
  const results: Result[] = [];
  const begun = Date.now();
  const loadBefore = os.loadavg()[0];
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
  const cpus = os.cpus();
  console.log(
    `machine: ${cpus.length} CPU(s) (${cpus[0]?.model.trim() ?? "?"}), ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()} ${os.release()}; ` +
      `load average (1 min) ${loadBefore.toFixed(2)} at start, ${os.loadavg()[0].toFixed(2)} at end; total ${round((Date.now() - begun) / 1000, 1)} s`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
