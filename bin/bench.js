#!/usr/bin/env node
// `npm run bench`: runs bench/run.ts through tsx; arguments pick sections.
require("tsx/cjs");
require("../bench/run.ts");
