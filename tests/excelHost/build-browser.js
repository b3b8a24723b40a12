#!/usr/bin/env node
/**
 * Bundles the Excel host for the browser: an IIFE exposing the global `ExcelHost`, to be loaded
 * after Microsoft's excel-web-16.00.debug.js (see browser.ts).
 *
 *   node tests/excelHost/build-browser.js [--outfile test-output/excel-host.js]
 *
 * From code: require("./tests/excelHost/build-browser.js").buildExcelHostBundle(outfile?) and
 * officeLibrarySource() (the library's text, to serve in place of office.js).
 */
const path = require("node:path");
const fs = require("node:fs");

const root = path.resolve(__dirname, "..", "..");
const LIBRARY = path.join(root, "node_modules/@microsoft/office-js/dist/excel-web-16.00.debug.js");

function buildExcelHostBundle(outfile = path.join(root, "test-output", "excel-host.js")) {
  const esbuild = require(require.resolve("esbuild", { paths: [root] }));
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const result = esbuild.buildSync({
    entryPoints: [path.join(__dirname, "browser.ts")],
    bundle: true,
    format: "iife",
    globalName: "ExcelHost",
    platform: "browser",
    target: "es2019",
    outfile,
    logLevel: "silent",
    charset: "utf8",
    banner: { js: "/* Workbook simulator behind Microsoft's Excel client, for tests (tests/excelHost). */" },
  });
  if (result.errors.length) throw new Error(result.errors.map((e) => e.text).join("\n"));
  return outfile;
}

function officeLibrarySource() {
  return fs.readFileSync(LIBRARY, "utf8");
}

module.exports = { buildExcelHostBundle, officeLibrarySource };

if (require.main === module) {
  const i = process.argv.indexOf("--outfile");
  const out = buildExcelHostBundle(i > 0 ? path.resolve(process.argv[i + 1]) : undefined);
  console.log(`wrote ${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1024).toFixed(1)} KB)`);
}
