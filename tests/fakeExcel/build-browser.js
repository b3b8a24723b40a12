#!/usr/bin/env node
/**
 * Bundles the fake Excel host for the browser: an IIFE exposing the global `FakeOfficeHost`
 * (`FakeOfficeHost.installFakeOffice(window, options)`, `FakeOfficeHost.createFakeExcel`…).
 *
 *   node tests/fakeExcel/build-browser.js [--outfile test-output/fake-office.js]
 *
 * Also usable from code: require("./tests/fakeExcel/build-browser.js").buildFakeOfficeBundle(outfile?)
 */
const path = require("node:path");
const fs = require("node:fs");

const root = path.resolve(__dirname, "..", "..");

function buildFakeOfficeBundle(outfile = path.join(root, "test-output", "fake-office.js")) {
  const esbuild = require(require.resolve("esbuild", { paths: [root] }));
  fs.mkdirSync(path.dirname(outfile), { recursive: true });
  const result = esbuild.buildSync({
    entryPoints: [path.join(__dirname, "browser.ts")],
    bundle: true,
    format: "iife",
    globalName: "FakeOfficeHost",
    platform: "browser",
    target: "es2019",
    outfile,
    logLevel: "silent",
    charset: "utf8",
    banner: { js: "/* Fake Excel host for tests (tests/fakeExcel). Not office.js. */" },
  });
  if (result.errors.length) throw new Error(result.errors.map((e) => e.text).join("\n"));
  return outfile;
}

module.exports = { buildFakeOfficeBundle };

if (require.main === module) {
  const i = process.argv.indexOf("--outfile");
  const out = buildFakeOfficeBundle(i > 0 ? path.resolve(process.argv[i + 1]) : undefined);
  const kb = (fs.statSync(out).size / 1024).toFixed(1);
  console.log(`wrote ${path.relative(process.cwd(), out)} (${kb} KB)`);
}
