/**
 * The browser suite's plumbing: Debian's chromium through playwright-core (fresh profile), the
 * production build served from a tiny http server on 127.0.0.1, and office.js answered with
 * Microsoft's Excel client (excel-web-16.00.debug.js from node_modules) followed by the workbook
 * simulator's browser bundle (tests/excelHost), which runs in the page and answers the client's
 * requests. Nothing leaves the machine: every other request is refused.
 */
import * as fs from "fs";
import * as http from "http";
import * as os from "os";
import * as path from "path";
import type { AddressInfo } from "net";
import type { BrowserContext, Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "../..");
export const DIST = path.join(ROOT, "dist");
export const OUT = path.join(ROOT, "test-output", "e2e");
export const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const OFFICE_JS = "https://appsforoffice.microsoft.com/**";

/** Whether the browser suite can run; under CI a missing chromium is a failure, not a skip. */
export function browserAvailability(): { ok: boolean; reason?: string } {
  if (!fs.existsSync(CHROMIUM)) return { ok: false, reason: `chromium not found at ${CHROMIUM} (apt-get install chromium)` };
  if (!fs.existsSync(path.join(DIST, "taskpane.html"))) return { ok: false, reason: "dist/ is missing: run `npx webpack --mode production` (npm test builds first)" };
  return { ok: true };
}

export function describeBrowser(name: string, fn: () => void): void {
  const a = browserAvailability();
  if (!a.ok) {
    if (process.env.CI === "true" || process.env.CI === "1") {
      describe(name, () => {
        it("needs chromium and the production build", () => {
          throw new Error(`Browser suite cannot run under CI: ${a.reason}`);
        });
      });
      return;
    }
    // eslint-disable-next-line no-console
    console.warn(`[e2e] skipping "${name}": ${a.reason}`);
    describe.skip(name, fn);
    return;
  }
  describe(name, fn);
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8", ".js": "application/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png",
  ".xml": "application/xml", ".txt": "text/plain; charset=utf-8", ".css": "text/css",
};

export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serves a directory on 127.0.0.1 at a random port. */
export function serve(dir: string = DIST): Promise<Served> {
  const server = http.createServer((req, res) => {
    const urlPath = decodeURIComponent((req.url ?? "/").split("?")[0]);
    const file = path.normalize(path.join(dir, urlPath === "/" ? "taskpane.html" : urlPath));
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
      return;
    }
    res.writeHead(200, { "content-type": MIME[path.extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({ url: `http://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}

export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
  "--disable-component-update", "--disable-sync",
];

export interface Browser {
  context: BrowserContext;
  profile: string;
  close(): Promise<void>;
}

export async function launch(options: { locale?: string } = {}): Promise<Browser> {
  const { chromium } = await import("playwright-core");
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 380, height: 900 },
    locale: options.locale ?? "vi-VN",
    acceptDownloads: true,
  });
  return {
    context,
    profile,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

let hostScript: string | null = null;
/** Microsoft's Excel client, then the simulator's bundle (built once per run by tests/excelHost/build-browser.js). */
export function excelHostScript(): string {
  if (hostScript) return hostScript;
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { buildExcelHostBundle, officeLibrarySource } = require(path.join(ROOT, "tests/excelHost/build-browser.js"));
  const out = buildExcelHostBundle(path.join(ROOT, "test-output", "excel-host.e2e.js"));
  hostScript = `${officeLibrarySource()}\n;\n${fs.readFileSync(out, "utf8")}`;
  return hostScript;
}

export type OfficeMode = { kind: "fake"; options: Record<string, unknown> } | { kind: "none" } | { kind: "never-ready" };

/**
 * Opens the pane with office.js answered by: Microsoft's Excel client against the simulator
 * (`kind: "fake"`, options as for createFakeExcel, installed through window.__EXCEL_HOST_OPTIONS__;
 * the host is `window.__fakeExcel`), nothing at all, or an Office whose onReady never resolves.
 * Any other outside request is aborted.
 */
export async function openPane(browser: Browser, served: Served, mode: OfficeMode): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  (page as Page & { __errors?: string[] }).__errors = errors;
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith(served.url)) return route.continue();
    if (/^https:\/\/appsforoffice\.microsoft\.com\//.test(url)) {
      let body: string;
      if (mode.kind === "fake") body = `window.__EXCEL_HOST_OPTIONS__ = ${JSON.stringify(mode.options)};\n${excelHostScript()}`;
      else if (mode.kind === "never-ready") body = "window.Office = { onReady: function () { return new Promise(function () {}); }, context: {} };";
      else body = "/* no Office */";
      return route.fulfill({ status: 200, contentType: "application/javascript", body });
    }
    return route.abort();
  });
  await page.goto(`${served.url}/taskpane.html`);
  return page;
}

export function pageErrors(page: Page): string[] {
  return (page as Page & { __errors?: string[] }).__errors ?? [];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(OUT, { recursive: true });
  const file = path.join(OUT, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[]; html: string }>;
}

/** axe-core on the page; returns the serious and critical violations. */
export async function axe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!loaded) await page.addScriptTag({ path: path.join(ROOT, "node_modules/axe-core/axe.min.js") });
  // Let CSS transitions finish (a button fading from its busy state would be sampled mid-way).
  await page.evaluate(async () => {
    for (let i = 0; i < 20; i++) {
      const running = document.getAnimations().filter((a) => a.playState === "running");
      if (!running.length) return;
      await Promise.race([Promise.all(running.map((a) => a.finished.catch(() => undefined))), new Promise((r) => setTimeout(r, 500))]);
    }
  });
  const result = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } };
    const r = await w.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 300) })) }));
  });
  return result
    .map((v) => (v.id === "aria-hidden-focus" ? { ...v, nodes: v.nodes.filter((n) => !/data-tabster-dummy/.test(n.html)) } : v))
    .filter((v) => v.nodes.length > 0)
    .filter((v) => v.impact === "serious" || v.impact === "critical");
}

/*
 * aria-hidden-focus on Tabster's dummy elements (<i data-tabster-dummy tabindex=0 aria-hidden>),
 * which Fluent v9 puts around arrow-key groups such as TabList, is a documented false positive:
 * the element only forwards focus and must stay hidden from screen readers (microsoft/tabster#288,
 * microsoft/fluentui#27517 "By Design"; Accessibility Insights suppresses it the same way). Only
 * those nodes are dropped; every other node of that rule still fails the test.
 */

export async function expectAccessible(page: Page, step: string): Promise<void> {
  const violations = await axe(page);
  if (violations.length) throw new Error(`axe (${step}): ${JSON.stringify(violations, null, 2)}`);
}

/** Waits for the shell's notice to say `text`; returns the notice's whole text. */
export async function notice(page: Page, text: RegExp, timeout = 60_000): Promise<string> {
  const bar = page.getByTestId("notice");
  await bar.filter({ hasText: text }).waitFor({ timeout });
  return (await bar.textContent()) ?? "";
}

/** dist/ served and a browser launched before the suite's tests, both closed after them. */
export function suiteBrowser(): { served: () => Served; browser: () => Browser } {
  let served: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    served = await serve();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });
  return { served: () => served!, browser: () => browser! };
}
