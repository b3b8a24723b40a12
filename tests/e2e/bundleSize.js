#!/usr/bin/env node
/**
 * The JavaScript a task pane page loads initially (the <script src> of its HTML that are served
 * with it — not office.js from the CDN, not the chunks fetched later by import()), and its size
 * gzipped (zlib level 9, as a static host would serve it).
 *
 *   node tests/e2e/bundleSize.js [dist/taskpane.html] [test-output/empty-pane/taskpane.html]
 *
 * prints JSON: { pages: [{ html, files: [{ file, bytes, gzip }], bytes, gzip }], ratio }.
 * Used by tests/e2e/bundleSize.test.ts and by the bench.
 */
const fs = require("node:fs");
const path = require("node:path");
const zlib = require("node:zlib");

function initialScripts(htmlFile) {
  const html = fs.readFileSync(htmlFile, "utf8");
  const dir = path.dirname(htmlFile);
  const out = [];
  const re = /<script\b[^>]*\bsrc\s*=\s*["']?([^"' >]+)["']?[^>]*>/gi;
  let m;
  while ((m = re.exec(html))) {
    const src = m[1];
    if (/^(https?:)?\/\//i.test(src)) continue; // office.js from the CDN
    out.push(path.join(dir, src.split("?")[0]));
  }
  return out;
}

function measurePage(htmlFile) {
  const files = initialScripts(htmlFile).map((file) => {
    const buf = fs.readFileSync(file);
    return { file: path.relative(process.cwd(), file), bytes: buf.length, gzip: zlib.gzipSync(buf, { level: 9 }).length };
  });
  return {
    html: path.relative(process.cwd(), htmlFile),
    files,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}

module.exports = { initialScripts, measurePage };

if (require.main === module) {
  const root = path.resolve(__dirname, "../..");
  const args = process.argv.slice(2);
  const pages = (args.length ? args : [path.join(root, "dist/taskpane.html")]).filter((f) => fs.existsSync(f)).map(measurePage);
  const result = { pages, ratio: pages.length > 1 ? Math.round((pages[0].gzip / pages[1].gzip) * 100) / 100 : null };
  console.log(JSON.stringify(result, null, 2));
}
