/**
 * The .xlsx details Excel is strict about (ECMA-376 Part 1, 18.3.1): data validations per range
 * and never overlapping (18.3.1.32 sqref), conditional-format priorities unique within a sheet
 * (18.3.1.10 cfRule@priority), and links inside the workbook written as hyperlink@location with no
 * relationship (18.3.1.47). Read from the XML of every file the command writes: the demo, a report
 * built inside it, a re-import into it, and the district export; and once through LibreOffice.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { execFileSync } from "child_process";
import { strFromU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { parseRange } from "../../src/layout/address";
import { sheetPaths, unescapeXml } from "../../src/render/xlsxCharts";
import { dataValidationsOf, loadWorkbook, validationRectangles, writeWorkbookFiles } from "../../src/render/xlsxStrict";
import { runCli } from "../helpers/cli";
import { libreOfficeAvailable, libreOfficeProfile, soffice } from "../helpers/libreoffice";

interface SheetXml {
  xml: string;
  rels: string;
}

function sheets(bytes: Uint8Array): Map<string, SheetXml> {
  const files = unzipSync(bytes);
  const out = new Map<string, SheetXml>();
  for (const [name, p] of sheetPaths(files)) {
    const rels = p.replace(/([^/]+)$/, "_rels/$1.rels");
    out.set(name, { xml: strFromU8(files[p]), rels: files[rels] ? strFromU8(files[rels]) : "" });
  }
  return out;
}

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]) : undefined;
};

/** Every sqref of the sheet's data validations, one range each. */
function validationRanges(xml: string): string[] {
  return [...xml.matchAll(/<dataValidation\b[^>]*>/g)].flatMap((m) => (attr(m[0], "sqref") ?? "").split(/\s+/).filter(Boolean));
}

function overlaps(ranges: string[]): string[] {
  const rects = ranges.map((r) => ({ r, ...parseRange(r) }));
  const out: string[] = [];
  rects.forEach((a, i) =>
    rects.slice(i + 1).forEach((b) => {
      if (a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2) out.push(`${a.r} ∩ ${b.r}`);
    }),
  );
  return out;
}

const priorities = (xml: string) => [...xml.matchAll(/<cfRule\b[^>]*>/g)].map((m) => Number(attr(m[0], "priority")));
const hyperlinks = (xml: string) => [...xml.matchAll(/<hyperlink\b[^>]*>/g)].map((m) => m[0]);

/** Every strictness rule at once, as a list of what is wrong (empty when the file is right). */
function problems(bytes: Uint8Array): string[] {
  const out: string[] = [];
  for (const [name, { xml, rels }] of sheets(bytes)) {
    for (const o of overlaps(validationRanges(xml))) out.push(`${name}: validations overlap ${o}`);
    const p = priorities(xml);
    if (new Set(p).size !== p.length) out.push(`${name}: repeated cfRule priorities ${p.join(",")}`);
    if (p.some((x) => !Number.isInteger(x) || x < 1)) out.push(`${name}: cfRule priority missing or below 1`);
    for (const h of hyperlinks(xml)) {
      const location = attr(h, "location");
      if (location?.startsWith("#")) out.push(`${name}: location with '#': ${h}`);
      const id = attr(h, "r:id");
      if (id && /Target="#/.test(new RegExp(`<Relationship\\b[^>]*Id="${id}"[^>]*>`).exec(rels)?.[0] ?? "")) out.push(`${name}: internal link as a relationship: ${h}`);
    }
    if (/Target="#/.test(rels)) out.push(`${name}: relationship to '#…' in the sheet's rels`);
  }
  return out;
}

/** The internal links of a sheet, ref → location. */
function internalLinks(sheet: SheetXml): Map<string, string> {
  return new Map(hyperlinks(sheet.xml).filter((h) => attr(h, "location") && !attr(h, "r:id")).map((h) => [attr(h, "ref")!, attr(h, "location")!]));
}

const PLAN = "Kế hoạch";
const CHECKS = "Kiểm tra";

describe("the .xlsx files the command writes, where Excel is strict", () => {
  let dir: string;
  let demo: Uint8Array;
  let demoSheets: Map<string, SheetXml>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "cchc-strict-"));
    const out = path.join(dir, "demo.xlsx");
    expect((await runCli(["demo", "--out", out])).code).toBe(0);
    demo = fs.readFileSync(out);
    demoSheets = sheets(demo);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the demo: no overlapping validation, no repeated priority, no internal link written as external", () => {
    expect(problems(demo)).toEqual([]);
  });

  it("a validation is written over the range the layout declares, one rule each", () => {
    // The plan's lead column (J) has one list rule from the first activity row to the last.
    const plan = validationRanges(demoSheets.get(PLAN)!.xml);
    expect(plan).toEqual(["J5:J64"]);
    const log = validationRanges(demoSheets.get("Nhật ký tiến độ")!.xml);
    expect(log.length).toBeGreaterThan(0);
    expect(log.every((r) => r.includes(":"))).toBe(true);
  });

  it("conditional formats on a sheet are numbered 1…n in the order the layout declares them", () => {
    expect(priorities(demoSheets.get(PLAN)!.xml)).toEqual([1, 2, 3, 4]);
    expect(priorities(demoSheets.get(CHECKS)!.xml)).toEqual([1, 2]);
  });

  it("the Kiểm tra sheet's links go to cells of the plan, as location without '#' and no relationship", () => {
    const links = internalLinks(demoSheets.get(CHECKS)!);
    expect(links.size).toBeGreaterThanOrEqual(40);
    for (const location of links.values()) expect(location).toMatch(/^'Kế hoạch'![A-Z]+\d+$/);
    expect(demoSheets.get(CHECKS)!.rels).not.toMatch(/relationships\/hyperlink"/);
  });

  it("a report built inside the workbook keeps all three, and keeps the links of sheets it does not rebuild", async () => {
    const file = path.join(dir, "report.xlsx");
    fs.copyFileSync(path.join(dir, "demo.xlsx"), file);
    expect((await runCli(["report", file, "--period", "Q4-2024", "--out", file])).code).toBe(0);
    const bytes = fs.readFileSync(file);
    expect(problems(bytes)).toEqual([]);
    const after = sheets(bytes);
    expect(validationRanges(after.get(PLAN)!.xml)).toEqual(["J5:J64"]);
    expect(internalLinks(after.get(CHECKS)!)).toEqual(internalLinks(demoSheets.get(CHECKS)!));
  });

  it("a re-import into the workbook (sheets replaced in place) keeps all three", async () => {
    const file = path.join(dir, "reimport.xlsx");
    fs.copyFileSync(path.join(dir, "demo.xlsx"), file);
    expect((await runCli(["import", "--default", "--out", file, "--apply"])).code).toBe(0);
    const bytes = fs.readFileSync(file);
    expect(problems(bytes)).toEqual([]);
    expect(internalLinks(sheets(bytes).get(CHECKS)!).size).toBe(internalLinks(demoSheets.get(CHECKS)!).size);
  });

  // Values only: sanitize() drops validations and formats that refer to other sheets, and links out of the file.
  it("the district export has none of the three wrong", async () => {
    const out = path.join(dir, "district.xlsx");
    expect((await runCli(["export", path.join(dir, "demo.xlsx"), "--period", "Q2-2024", "--out", out, "--with-plan"])).code).toBe(0);
    expect(problems(fs.readFileSync(out))).toEqual([]);
  });

  const lo = libreOfficeAvailable("xlsxStrict (LibreOffice)", ["soffice", "pdftotext"]);
  (lo ? it : it.skip)("LibreOffice opens the demo, prints the Kiểm tra sheet and reads the links, validations and formats", () => {
    soffice(libreOfficeProfile(false), "pdf", dir, [path.join(dir, "demo.xlsx")]);
    const text = execFileSync("pdftotext", [path.join(dir, "demo.pdf"), "-"]).toString("utf8").normalize("NFC");
    expect(text).toContain("Kế hoạch!L51");
    // Saved again by LibreOffice: it read the links, validations and priorities (and writes them as Excel does).
    const again = path.join(dir, "lo");
    soffice(libreOfficeProfile(false), "xlsx", again, [path.join(dir, "demo.xlsx")]);
    const saved = sheets(fs.readFileSync(path.join(again, "demo.xlsx")));
    expect(internalLinks(saved.get(CHECKS)!)).toEqual(internalLinks(demoSheets.get(CHECKS)!));
    expect(validationRanges(saved.get(PLAN)!.xml)).toEqual(["J5:J64"]);
    expect(priorities(saved.get(PLAN)!.xml)).toHaveLength(4);
  }, 240_000);
});

describe("a person's sheet written back by exceljs", () => {
  /** What Excel saves: an internal link as location only, a validation as one range. */
  async function personsWorkbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Của tôi");
    wb.addWorksheet("Đích");
    ws.getCell("A1").value = { text: "Đi tới", hyperlink: "#'Đích'!B7" };
    dataValidationsOf(ws).add("C5:C64", { type: "whole", operator: "greaterThanOrEqual", allowBlank: true, formulae: [0] });
    ws.addConditionalFormatting({ ref: "D1:D9", rules: [{ type: "expression", priority: 2, formulae: ["D1>0"] }, { type: "expression", priority: 1, formulae: ["D1<0"] }] });
    ws.addConditionalFormatting({ ref: "E1:E9", rules: [{ type: "expression", priority: 1, formulae: ["E1>0"] }] });
    return zipSync(await writeWorkbookFiles(wb));
  }

  it("loaded and written again: the link stays a location, the validation one range, priorities unique with their order kept", async () => {
    const original = await personsWorkbook();
    expect(problems(original)).toEqual([]);
    expect(internalLinks(sheets(original).get("Của tôi")!)).toEqual(new Map([["A1", "'Đích'!B7"]]));
    const bytes = zipSync(await writeWorkbookFiles(await loadWorkbook(original)));
    expect(problems(bytes)).toEqual([]);
    const mine = sheets(bytes).get("Của tôi")!;
    expect(internalLinks(mine)).toEqual(new Map([["A1", "'Đích'!B7"]]));
    expect(validationRanges(mine.xml)).toEqual(["C5:C64"]);
    // D1<0 (priority 1) still before D1>0 (2); the tie with E's rule is broken by document order.
    const rules = [...mine.xml.matchAll(/<cfRule\b[^>]*>\s*<formula>([^<]*)<\/formula>/g)].map((m) => [m[1], Number(attr(m[0], "priority"))]);
    expect(Object.fromEntries(rules)).toEqual({ "D1&gt;0": 3, "D1&lt;0": 1, "E1&gt;0": 2 });
  });
});

describe("validationRectangles", () => {
  const list = (v: string): ExcelJS.DataValidation => ({ type: "list", formulae: [`"${v}"`] });
  it("cells of one rule become disjoint rectangles; a later rule takes the cells it shares with an earlier one", () => {
    const a = list("a");
    const out = validationRectangles([
      ["B2:C10", a],
      ["C5:D6", list("b")],
      ["J5", { ...a }], // equal to a: the same rule
      ["J10:J64", a],
      ["J6:J9", a],
    ]);
    expect(out.map(([ref, rule]) => `${ref}=${rule.formulae[0]}`)).toEqual([
      'B2:B10="a"', 'C2:C4="a"', 'C5:D6="b"', 'J5:J64="a"', 'C7:C10="a"',
    ]);
    expect(overlaps(out.map(([ref]) => ref))).toEqual([]);
  });
  it("keeps a reference it cannot read as it is", () => {
    expect(validationRectangles([["A:A", list("x")]])).toEqual([["A:A", list("x")]]);
  });
});
