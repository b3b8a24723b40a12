/**
 * An operation on a file rewrites only the product's stale sheets; the sheets it leaves in place
 * keep their drawings: a report's chart, and a chart on a person's own sheet (exceljs drops charts
 * when it rewrites a workbook; replaceSheets carries them over). The package stays whole: every
 * relationship points at a part that exists, every part has a content type.
 */
import { strFromU8, unzipSync, zipSync } from "fflate";
import { xlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { readSheetRoles } from "../../src/adapters/xlsx/xlsxRead";
import { importPlan } from "../../src/app/importPlan";
import { buildReports } from "../../src/app/buildReports";
import { rebuild } from "../../src/app/rebuild";
import { readWorkbook } from "../../src/app/readWorkbook";
import { parsePeriodToken } from "../../src/core/periods";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { setOwnerMarkers } from "../../src/render/xlsxPostProcess";
import { sheetPaths } from "../../src/render/xlsxCharts";

type Files = Record<string, Uint8Array>;

function drawingOf(files: Files, sheet: string): string | null {
  const path = sheetPaths(files).get(sheet)!;
  return /<drawing\s+r:id="[^"]+"/.test(strFromU8(files[path])) ? path : null;
}

function chartsIn(files: Files): string[] {
  return Object.keys(files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
}

/** Every internal relationship's target exists; every part is typed by an override or a default. */
function packageProblems(files: Files): string[] {
  const problems: string[] = [];
  const types = strFromU8(files["[Content_Types].xml"]);
  for (const [path, data] of Object.entries(files)) {
    if (path.endsWith("/")) continue; // a folder entry
    if (!path.endsWith(".rels")) {
      const ext = path.slice(path.lastIndexOf(".") + 1);
      if (!types.includes(`PartName="/${path}"`) && !new RegExp(`Extension="${ext}"`, "i").test(types)) problems.push(`no content type: ${path}`);
      continue;
    }
    const source = path.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    const base = source.includes("/") ? source.slice(0, source.lastIndexOf("/")) : "";
    for (const m of strFromU8(data).matchAll(/<Relationship\b[^>]*>/g)) {
      if (/TargetMode="External"/.test(m[0])) continue;
      const target = /Target="([^"]+)"/.exec(m[0])![1];
      const parts = target.startsWith("/") ? [] : base.split("/").filter(Boolean);
      for (const p of target.replace(/^\//, "").split("/")) if (p === "..") parts.pop(); else parts.push(p);
      if (!files[parts.join("/")]) problems.push(`${path} → missing ${parts.join("/")}`);
    }
  }
  return problems;
}

test("a re-check on a file keeps the report's chart and the chart on a person's copy of a report", async () => {
  const file = xlsxWorkbook();
  await importPlan(file, HONG_LOC_2024, { headerLines: [], mode: "custom", today: "2024-09-14" });
  await buildReports(file, [parsePeriodToken("Q2-2024"), parsePeriodToken("Q3-2024")]);
  // A person's copy: the Q3 report without the add-in's owner marker (as if they had made it).
  const files = unzipSync(file.bytes()!);
  const roles = readSheetRoles(file.bytes()!);
  setOwnerMarkers(files, roles.map((s) => (s.name === "BC Quý III-2024" ? null : s.role)));
  const before = zipSync(files);
  expect(chartsIn(unzipSync(before))).toHaveLength(2);

  const port = xlsxWorkbook(before);
  await rebuild(port, await readWorkbook(port), ["checks"]);
  const after = unzipSync(port.bytes()!);
  expect(drawingOf(after, "BC Quý II-2024")).not.toBeNull();
  expect(drawingOf(after, "BC Quý III-2024")).not.toBeNull();
  expect(chartsIn(after)).toHaveLength(2);
  expect(packageProblems(after)).toEqual([]);
  // And the workbook reads back as before.
  expect((await readWorkbook(xlsxWorkbook(port.bytes()))).reports.map((r) => r.name)).toEqual(["BC Quý II-2024"]);
});
