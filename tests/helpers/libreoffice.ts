/**
 * LibreOffice, headless, as the real spreadsheet engine of the test suites: availability (skip
 * locally with a message, fail under CI=true), cached profiles, conversion and CSV reading.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync, spawnSync } from "child_process";

const CI = process.env.CI === "true";

/** Whether the tools exist; under CI their absence is an error, locally a warning and a skip. */
export function libreOfficeAvailable(suite: string, tools = ["soffice"]): boolean {
  const ok = spawnSync("sh", ["-c", tools.map((t) => `command -v ${t}`).join(" && ")]).status === 0;
  if (!ok && !CI) console.warn(`${suite} skipped: ${tools.join(", ")} missing (apt-get install libreoffice-calc poppler-utils).`);
  return ok || CI;
}

/** Every sheet of a workbook as UTF-8 CSV, one file per sheet ("<base>-<sheet>.csv"). */
export const CSV_ALL_SHEETS = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";

/**
 * A LibreOffice profile kept between runs (creating one costs seconds), per user and per setting.
 * `recalc`: "Recalculation on file load" for Excel files set to Always (true) or Never (false).
 */
export function libreOfficeProfile(recalc: boolean): string {
  const uid = typeof process.getuid === "function" ? process.getuid() : 0;
  const p = path.join(os.tmpdir(), `cchc-lo-profile-${uid}-${recalc ? "recalc" : "cached"}`);
  fs.mkdirSync(path.join(p, "user"), { recursive: true });
  fs.writeFileSync(
    path.join(p, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n` +
      `<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>${recalc ? 0 : 1}</value></prop></item>\n</oor:items>\n`,
  );
  return p;
}

/** One soffice call converting several files. */
export function soffice(profile: string, filter: string, outdir: string, files: string[]): void {
  execFileSync("soffice", [`-env:UserInstallation=file://${profile}`, "--headless", "--convert-to", filter, "--outdir", outdir, ...files], { stdio: "pipe", timeout: 240_000 });
}

/** RFC 4180 CSV (quoted fields may hold commas, quotes and line breaks). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else field += ch;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** The CSVs CSV_ALL_SHEETS wrote for `base` in `dir`: sheet name → rows (NFC). */
export function sheetCsvs(dir: string, base: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  for (const f of fs.readdirSync(dir)) {
    if (f.startsWith(`${base}-`) && f.endsWith(".csv")) out.set(f.slice(base.length + 1, -4).normalize("NFC"), parseCsv(fs.readFileSync(path.join(dir, f), "utf8").normalize("NFC")));
  }
  return out;
}
