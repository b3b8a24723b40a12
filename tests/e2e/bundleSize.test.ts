/**
 * The pane's initial JavaScript (what taskpane.html loads before any import()), gzipped: aim
 * ≤ 200 KB, never above 300 KB. exceljs, the .docx reader, the embedded plan, the operations
 * and the panels are lazy chunks and must not be in it; it stays at most twice the empty Fluent
 * pane (tests/e2e/emptyPane), which the bench compares it with too.
 */
import * as fs from "fs";
import * as path from "path";
import { emptyPaneHtml } from "../../bench/sections/bundle";
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { measurePage, initialScripts } = require("./bundleSize.js");

const ROOT = path.resolve(__dirname, "../..");
const HTML = path.join(ROOT, "dist/taskpane.html");
const KB = 1024;

const built = fs.existsSync(HTML);
(built ? describe : describe.skip)("initial bundle of the task pane", () => {
  it("stays small: ≤ 200 KB gzipped (never above 300 KB)", () => {
    const page = measurePage(HTML);
    // eslint-disable-next-line no-console
    console.log(`initial JS: ${page.files.map((f: { file: string; gzip: number }) => `${f.file} ${(f.gzip / KB).toFixed(1)} KB`).join(", ")} → ${(page.gzip / KB).toFixed(1)} KB gzipped`);
    expect(page.gzip).toBeLessThanOrEqual(300 * KB);
    expect(page.gzip).toBeLessThanOrEqual(200 * KB);
  });

  it("is at most twice the empty React + Fluent UI pane (tests/e2e/emptyPane, built when missing)", () => {
    const page = measurePage(HTML);
    const empty = measurePage(emptyPaneHtml());
    // eslint-disable-next-line no-console
    console.log(`initial JS ${(page.gzip / KB).toFixed(1)} KB vs empty pane ${(empty.gzip / KB).toFixed(1)} KB: ${(page.gzip / empty.gzip).toFixed(2)}×`);
    expect(page.gzip / empty.gzip).toBeLessThanOrEqual(2);
  }, 600_000);

  it("loads only same-origin scripts besides office.js, and keeps exceljs, the .docx reader and the embedded plan out", () => {
    const files: string[] = initialScripts(HTML);
    expect(files.map((f) => path.basename(f)).sort()).toEqual(["functions.js", "taskpane.js"]);
    const shell = fs.readFileSync(path.join(ROOT, "dist/taskpane.js"), "utf8");
    expect(shell).not.toMatch(/ExcelJS|xl\/sharedStrings\.xml/); // exceljs itself (its chunk name may appear in the chunk map)
    expect(shell).not.toMatch(/w:gridSpan|word\/document\.xml/);
    expect(shell).not.toMatch(/CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC/);
    const html = fs.readFileSync(HTML, "utf8");
    expect(html).toMatch(/<script src=["']?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
  });
});
