/**
 * The task pane's initial JavaScript (the scripts taskpane.html loads before any import(), office.js
 * from the CDN excluded), gzipped at level 9, vs an empty React + Fluent UI v9 pane built the same
 * way (tests/e2e/emptyPane: production mode, ts-loader, HtmlWebpackPlugin). Measured by
 * tests/e2e/bundleSize.js. Sizes of a given build are exact: nothing to take a median of.
 *
 * Which build: dist/ (or test-output/bench-dist from an earlier bench) when it is newer than every
 * source it is built from; otherwise a fresh production build into test-output/bench-dist (dist/ itself is never overwritten: other tests
 * may be using it). The empty pane is built into test-output/empty-pane when missing or stale.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import type { Result } from "../measure";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { measurePage } = require("../../tests/e2e/bundleSize.js") as {
  measurePage(html: string): { files: Array<{ file: string; bytes: number; gzip: number }>; bytes: number; gzip: number };
};

const ROOT = path.resolve(__dirname, "../..");
const KB = 1024;

function newestMtime(entries: string[]): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.statSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) visit(path.join(p, e));
    else newest = Math.max(newest, st.mtimeMs);
  };
  entries.forEach((e) => visit(path.join(ROOT, e)));
  return newest;
}

/**
 * A build is up to date when its newest file is newer than its newest source. (webpack does not
 * rewrite an output whose content is unchanged, so the build's own files can look older than a
 * rebuild: the bench stamps its builds with a .bench-built file.)
 */
function upToDate(dir: string, sources: string[]): boolean {
  return fs.existsSync(path.join(ROOT, dir, "taskpane.html")) && newestMtime([dir]) >= newestMtime(sources);
}

function stamp(dir: string): void {
  fs.writeFileSync(path.join(ROOT, dir, ".bench-built"), `${new Date().toISOString()}\n`);
}

function webpack(args: string[]): number {
  const t0 = Date.now();
  try {
    execFileSync(process.platform === "win32" ? "npx.cmd" : "npx", ["webpack", ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(`npx webpack ${args.join(" ")} failed:\n${String(err.stdout ?? "").slice(-2000)}\n${String(err.stderr ?? "").slice(-2000)}`);
  }
  return (Date.now() - t0) / 1000;
}

const PANE_SOURCES = ["src", "assets", "manifest.xml", "webpack.config.js", "tsconfig.json", "package.json", "package-lock.json"];
const EMPTY_SOURCES = ["tests/e2e/emptyPane", "package.json", "package-lock.json"];

/** The empty Fluent pane's page (test-output/empty-pane), built first when missing or stale. */
export function emptyPaneHtml(): string {
  if (!upToDate("test-output/empty-pane", EMPTY_SOURCES)) {
    process.stderr.write("bundle: building the empty Fluent pane into test-output/empty-pane…\n");
    webpack(["--config", "tests/e2e/emptyPane/webpack.config.js", "--mode", "production"]);
    stamp("test-output/empty-pane");
  }
  return path.join(ROOT, "test-output/empty-pane/taskpane.html");
}

export async function run(): Promise<Result[]> {
  const fresh = ["dist", "test-output/bench-dist"].find((dir) => upToDate(dir, PANE_SOURCES));
  let paneHtml = `${fresh}/taskpane.html`;
  let built = `${fresh}/ (newer than its sources)`;
  if (!fresh) {
    process.stderr.write("bench: bundle: dist/ missing or older than src/: building into test-output/bench-dist…\n");
    const s = webpack(["--mode", "production", "--output-path", "test-output/bench-dist"]);
    stamp("test-output/bench-dist");
    paneHtml = "test-output/bench-dist/taskpane.html";
    built = `fresh build in test-output/bench-dist (${s.toFixed(0)} s)`;
  }
  const ours = measurePage(path.join(ROOT, paneHtml));
  const empty = measurePage(emptyPaneHtml());
  const files = ours.files.map((f) => `${path.basename(f.file)} ${(f.gzip / KB).toFixed(1)}`).join(" + ");
  // The file page (app.html) is built with the pane: its initial JS beside the pane's.
  const page = measurePage(path.join(ROOT, paneHtml.replace(/taskpane\.html$/, "app.html")));
  return [
    { name: "task pane initial JS, gzipped, vs an empty React + Fluent UI v9 pane", value: ours.gzip / KB, unit: "KB", baseline: empty.gzip / KB, ratio: ours.gzip / empty.gzip, note: `${files} KB; ${built}; aim ≤ 200 KB` },
    {
      name: "file page (app.html) initial JS, gzipped, vs the task pane's", value: page.gzip / KB, unit: "KB", baseline: ours.gzip / KB, ratio: page.gzip / ours.gzip,
      note: `${page.files.map((f) => `${path.basename(f.file)} ${(f.gzip / KB).toFixed(1)}`).join(" + ")} KB; exceljs and the readers load on first use (page-ops chunk)`,
    },
  ];
}
