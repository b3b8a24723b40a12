#!/usr/bin/env node
// The `cchc` command runs the TypeScript sources directly through tsx, so it works right after
// `npm install` with no build step: tsx/cjs for require(), and tsx's module hooks for the import()
// of modules the application loads on demand.
require("tsx/cjs");
// `cchc … | head` closes the pipe early: that is not an error.
process.stdout.on("error", (err) => { if (err.code === "EPIPE") process.exit(0); throw err; });
import("tsx")
  .then(() => require("../src/cli/main.ts").main(process.argv.slice(2)))
  .then((code) => { process.exitCode = code; })
  .catch((err) => { console.error(err && err.stack ? err.stack : String(err)); process.exitCode = 1; });
