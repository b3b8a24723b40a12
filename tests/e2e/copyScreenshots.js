#!/usr/bin/env node
/**
 * Copies the browser suite's screenshots (test-output/e2e/*.png) into docs/img/ for the user
 * guide. Run after the e2e suite:  node tests/e2e/copyScreenshots.js
 */
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "../..");
const from = path.join(root, "test-output", "e2e");
const to = path.join(root, "docs", "img");
if (!fs.existsSync(from)) {
  console.error(`${path.relative(root, from)} does not exist: run the browser suite first (npx jest --selectProjects e2e).`);
  process.exit(1);
}
fs.mkdirSync(to, { recursive: true });
const files = fs.readdirSync(from).filter((f) => f.endsWith(".png")).sort();
for (const f of files) fs.copyFileSync(path.join(from, f), path.join(to, f));
console.log(`copied ${files.length} screenshots to ${path.relative(root, to)}: ${files.join(", ")}`);
