/**
 * One application, two hosts: the same scenarios run through the use cases of src/app on the .xlsx
 * file (exceljs) and on the live workbook (the Office.js adapter, through Microsoft's client against
 * the workbook simulator, tests/excelHost), and the two workbooks are compared product sheet by
 * product sheet: the same sheets in the same order, the same formulas, the same constants (a
 * formula's value is the engine's: the file caches what core computed, the live host computes it),
 * the same number formats, workbook names, data validations, conditional formats (in priority
 * order), merges, cell looks (fonts, fills, borders, alignment, wrap), column widths, row heights,
 * frozen panes, print setup and report charts (hostFormatting.ts), and the same workbook read back.
 * An older Excel (Excel 2019) is compared with the file written with built-in formulas: there the
 * only differences allowed are those the renderer reports as skipped features.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { installExcelHost, type InstalledExcelHost } from "../excelHost";
import { xlsxWorkbook, type XlsxWorkbook } from "../../src/adapters/xlsx/xlsxWorkbook";
import { officeWorkbook } from "../../src/adapters/officejs/officeWorkbook";
import { detectCapabilities } from "../../src/render/officejs/capabilities";
import type { WorkbookPort, WorkbookSnapshot } from "../../src/app/port";
import { importPlan } from "../../src/app/importPlan";
import { createOperations, type OperationsHost } from "../../src/app/operations";
import { FILE_CAPS } from "../../src/page/caps";
import type { Settings } from "../../src/core/settings";
import { recordProgress } from "../../src/app/recordProgress";
import { buildReports } from "../../src/app/buildReports";
import { readWorkbook } from "../../src/app/readWorkbook";
import { exportForLevelAbove } from "../../src/app/exportForLevelAbove";
import { cellFormula, cellValue, type SheetSnapshot } from "../../src/layout/snapshot";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { loadPlan } from "../../src/cli/loadPlan";
import { parsePeriodToken } from "../../src/core/periods";
import type { LogEntry } from "../../src/core/progress";
import { makeActivities, type Plan } from "../../src/core/plan";
import { otherAppendixDocx } from "../page/fixtures";
import { FORMATTING_ASPECTS, fileFormatting, fileLinks, formattingDifferences, liveFormatting, liveLinks, type FormattingAspect, type WorkbookFormatting } from "./hostFormatting";
import { rebuild } from "../../src/app/rebuild";
import type { FormulaMode } from "../../src/layout/model";

const AS_OF = "2024-09-14";

interface Host {
  port: WorkbookPort;
  done(): void;
}

/** The file host, optionally starting from a workbook with a person's sheets. */
async function fileHost(personSheets: Record<string, string> = {}): Promise<Host & { port: XlsxWorkbook }> {
  let bytes: Uint8Array | null = null;
  if (Object.keys(personSheets).length) {
    const wb = new ExcelJS.Workbook();
    for (const [name, a1] of Object.entries(personSheets)) wb.addWorksheet(name).getCell("A1").value = a1;
    bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  }
  return { port: xlsxWorkbook(bytes), done: () => undefined };
}

let live: InstalledExcelHost | null = null;
/**
 * The live host: Microsoft's client against the simulator, starting with the same person's sheets,
 * as an Excel with `requirementSets` (default: Microsoft 365); `mode` is the formulas that Excel runs.
 */
function liveHost(personSheets: Record<string, string> = {}, requirementSets?: string): Host & { mode: FormulaMode } {
  const sheets = Object.entries(personSheets).map(([name, a1]) => ({ name, values: [[a1]] }));
  live = installExcelHost(globalThis, { today: AS_OF, customFunctionsNamespace: "CCHC", ...(requirementSets ? { requirementSets } : {}), ...(sheets.length ? { workbook: { sheets } } : {}) });
  const installed = live;
  const capabilities = detectCapabilities(installed.Office);
  return { port: officeWorkbook({ capabilities }), mode: capabilities.formulaMode, done: () => installed.uninstall() };
}
afterEach(() => {
  live?.uninstall();
  live = null;
});

/** Every difference between two workbooks' product sheets: order, names, formulas, constants. */
function differences(a: WorkbookSnapshot, b: WorkbookSnapshot): string[] {
  const product = (s: WorkbookSnapshot) => s.sheets.filter((x) => x.role !== null);
  const out: string[] = [];
  const names = (s: WorkbookSnapshot) => product(s).map((x) => `${x.name}:${x.role}`).join(", ");
  if (names(a) !== names(b)) out.push(`sheets: ${names(a)} | ${names(b)}`);
  for (const sa of product(a)) {
    const sb = product(b).find((x) => x.name === sa.name);
    if (sb) out.push(...sheetDifferences(sa, sb).map((d) => `${sa.name}!${d}`));
  }
  return out;
}

function sheetDifferences(a: SheetSnapshot, b: SheetSnapshot): string[] {
  const out: string[] = [];
  for (let r = 0; r < Math.max(a.values.length, b.values.length); r++) {
    for (let c = 0; c < Math.max(a.values[r]?.length ?? 0, b.values[r]?.length ?? 0); c++) {
      const fa = cellFormula(a, r, c), fb = cellFormula(b, r, c);
      if (fa !== fb || (!fa && cellValue(a, r, c) !== cellValue(b, r, c))) {
        out.push(`R${r + 1}C${c + 1} ${JSON.stringify(fa ?? cellValue(a, r, c)).slice(0, 80)} | ${JSON.stringify(fb ?? cellValue(b, r, c)).slice(0, 80)}`);
      }
    }
  }
  return out;
}

/**
 * Runs `scenario` on both hosts and expects the same workbook. `older` runs the live host as an
 * older Excel (`requirementSets`) and the file with the formulas it runs (`mode`).
 */
async function onBothHosts(scenario: (port: WorkbookPort, mode: FormulaMode) => Promise<unknown>, personSheets: Record<string, string> = {}, older?: { requirementSets: string; mode: FormulaMode }) {
  const file = await fileHost(personSheets);
  await scenario(file.port, older?.mode ?? "custom");
  const fromFile = await file.port.read();
  const onLive = liveHost(personSheets, older?.requirementSets);
  if (onLive.mode !== (older?.mode ?? "custom")) throw new Error(`the live host runs ${onLive.mode} formulas`);
  await scenario(onLive.port, onLive.mode);
  const fromLive = await onLive.port.read();
  const productSheets = fromFile.sheets.filter((s) => s.role !== null).map((s) => s.name);
  const formatting = {
    file: await fileFormatting(file.port.bytes() as Uint8Array, productSheets),
    live: liveFormatting(live!.snapshot(), productSheets),
  };
  const links = { file: await fileLinks(file.port.bytes() as Uint8Array, productSheets), live: liveLinks(live!.snapshot(), productSheets) };
  onLive.done();
  live = null;
  return { fromFile, fromLive, formatting, links };
}

/** What the snapshot does not carry, compared cell by cell from the hosts' own models. */
function formattingDiffs(formatting: { file: WorkbookFormatting; live: WorkbookFormatting }): string[] {
  return FORMATTING_ASPECTS.flatMap((a) => formattingDifferences(formatting.file, formatting.live, a));
}

const entries: LogEntry[] = [
  { date: "2024-02-20", activityId: HONG_LOC_2024.activities[0].id, status: "done", completedOn: "2024-01-10", evidence: "Quyết định 03/QĐ-UBND", note: "", who: "Tư pháp" },
  { date: "2024-05-02", activityId: HONG_LOC_2024.activities[4].id, status: "in-progress", completedOn: null, evidence: "", note: "đang rà soát", who: "" },
  { date: "2024-06-10", activityId: HONG_LOC_2024.activities[4].id, status: "done", completedOn: "2024-06-05", evidence: "Báo cáo 12/BC", note: "", who: "Văn phòng" },
  { date: "2024-08-30", activityId: HONG_LOC_2024.activities[20].id, status: "done", completedOn: "2024-08-29", evidence: "", note: "", who: "" },
];

/** The panels' operations on a port alone: what only a pane or a page can do is not used here. */
function hostOf(port: WorkbookPort): OperationsHost {
  const none = () => Promise.reject(new Error("not used by this scenario"));
  return { workbook: () => port, readSelection: none, selectedCell: async () => null, goToCell: none, watchPlanEdits: async () => null, deliver: none, today: () => AS_OF };
}

const importEmbedded = (port: WorkbookPort) => importPlan(port, HONG_LOC_2024, { headerLines: HONG_LOC_2024.appendixHeader ?? [], mode: "custom", asOf: AS_OF, today: AS_OF });

describe("the same scenario gives the same workbook on the file and on the live workbook", () => {
  test("a fresh import of the embedded plan", async () => {
    const { fromFile, fromLive, formatting } = await onBothHosts(importEmbedded);
    expect(differences(fromFile, fromLive)).toEqual([]);
    expect(formattingDiffs(formatting)).toEqual([]);
  }, 120000);

  test("the Kiểm tra sheet's links are hyperlinks on both: the same cells, targets and texts", async () => {
    const { fromFile, fromLive, links } = await onBothHosts(importEmbedded);
    expect(differences(fromFile, fromLive)).toEqual([]);
    expect(Object.keys(links.file).length).toBeGreaterThan(10);
    expect(links.file["Kiểm tra!E4"]).toMatch(/^'Kế hoạch'!([A-Z]+\d+) \| Kế hoạch!\1$/);
    expect(links.live).toEqual(links.file);
  }, 120000);

  test("a Word appendix unlike the seed", async () => {
    const io = { out: () => undefined, err: () => undefined, readFile: () => otherAppendixDocx(), readFileIfExists: () => null, writeFile: () => undefined };
    const { plan, headerLines } = await loadPlan({ file: "phu-luc.docx" }, io);
    const { fromFile, fromLive, formatting, links } = await onBothHosts((port) => importPlan(port, plan, { headerLines, mode: "custom", today: "2025-06-14" }));
    expect(differences(fromFile, fromLive)).toEqual([]);
    expect(formattingDiffs(formatting)).toEqual([]);
    expect(links.live).toEqual(links.file);
  }, 120000);

  test("progress for several activities and periods, a quarter and a year-to-date report, and the export for the level above", async () => {
    const exported: string[] = [];
    const { fromFile, fromLive, formatting } = await onBothHosts(async (port) => {
      await importEmbedded(port);
      await recordProgress(port, entries.slice(0, 2));
      await recordProgress(port, entries.slice(2));
      await buildReports(port, [parsePeriodToken("Q2-2024"), parsePeriodToken("9M-2024")]);
      const read = await readWorkbook(port);
      exported.push((await exportForLevelAbove(read, [parsePeriodToken("Q2-2024")], { includePlan: true, asOf: null, exportedAt: "2024-09-20T08:00:00Z" })).fingerprint);
    });
    expect(differences(fromFile, fromLive)).toEqual([]);
    expect(formattingDiffs(formatting)).toEqual([]);
    expect(fromFile.sheets.filter((s) => s.role === "report").map((s) => s.name)).toEqual(["BC Quý II-2024", "BC 9 tháng-2024"]);
    expect(exported[0]).toBe(exported[1]);
  }, 240000);

  test("the reports' charts: the same type, title, series (names, values, categories) and anchor on both", async () => {
    const { formatting } = await onBothHosts(async (port) => {
      await importEmbedded(port);
      await buildReports(port, [parsePeriodToken("Q2-2024"), parsePeriodToken("9M-2024")]);
    });
    const charts = (f: WorkbookFormatting) => Object.entries(f.sheets).filter(([, s]) => s.charts.length).map(([name, s]) => [name, s.charts]);
    expect(charts(formatting.file)).toEqual([
      ["BC Quý II-2024", [expect.stringMatching(/^columnClustered \| Tỷ lệ hoàn thành theo nhóm nhiệm vụ – Quý II\/2024 \| series "Tỷ lệ hoàn thành" 'BC Quý II-2024'!([A-Z]+)(\d+):\1(\d+) × 'BC Quý II-2024'!A\2:A\3 \| B\d+:H\d+ \| legend bottom \| value labels \| value axis 0–1$/)]],
      ["BC 9 tháng-2024", [expect.stringMatching(/^columnClustered \| .* \| series "Tỷ lệ hoàn thành" 'BC 9 tháng-2024'!/)]],
    ]);
    expect(formattingDifferences(formatting.file, formatting.live, "charts")).toEqual([]);
  }, 240000);

  // Known bug (src/adapters/xlsx/replaceSheets.ts): rewriting a file through exceljs drops the
  // drawings of every sheet the layout does not replace, so a report built earlier loses its chart
  // when only the Kiểm tra sheet (or the log, or the plan) is rewritten; the live workbook keeps it.
  test("a report's chart survives a later operation that rewrites other sheets (the re-check)", async () => {
    const { formatting } = await onBothHosts(async (port) => {
      await importEmbedded(port);
      await buildReports(port, [parsePeriodToken("Q2-2024")]);
      await rebuild(port, await readWorkbook(port), ["checks"]);
    });
    expect(formatting.live.sheets["BC Quý II-2024"].charts).toHaveLength(1);
    expect(formattingDifferences(formatting.file, formatting.live, "charts")).toEqual([]);
  }, 240000);

  test("a revised appendix: one activity removed, one reworded, one added — progress kept, the removed one archived", async () => {
    const [gone, , reworded] = [HONG_LOC_2024.activities[20], null, HONG_LOC_2024.activities[0]];
    const revised: Plan = {
      ...HONG_LOC_2024,
      activities: makeActivities([
        ...HONG_LOC_2024.activities.filter((a) => a.id !== gone.id).map((a) => (a.id === reworded.id ? { ...a, activity: `${a.activity} (bổ sung)` } : a)),
        { ...HONG_LOC_2024.activities[5], activityNo: "3.99", activity: "Hoạt động mới thêm vào phụ lục" },
      ]),
    };
    const { fromFile, fromLive, formatting, links } = await onBothHosts(async (port) => {
      await importEmbedded(port);
      await recordProgress(port, entries);
      await importPlan(port, revised, { headerLines: [], mode: "custom", today: AS_OF });
    });
    expect(differences(fromFile, fromLive)).toEqual([]);
    expect(formattingDiffs(formatting)).toEqual([]);
    expect(links.live).toEqual(links.file);
    expect(fromFile.sheets.map((s) => s.role)).toContain("archive");
  }, 240000);

  test("a person's sheet named like an add-in sheet is renamed aside on both, its contents kept", async () => {
    const { fromFile, fromLive, formatting } = await onBothHosts(importEmbedded, { "Kế hoạch": "của tôi" });
    expect(differences(fromFile, fromLive)).toEqual([]);
    expect(formattingDiffs(formatting)).toEqual([]);
    for (const snap of [fromFile, fromLive]) expect(snap.sheets.find((s) => s.name === "Kế hoạch (cũ)")?.role).toBeNull();
  }, 120000);

  test("the panels' operations (the pane's and the page's one implementation): import, progress, settings, a report, a re-check", async () => {
    const summaries: unknown[] = [];
    const { fromFile, fromLive, formatting } = await onBothHosts(async (port) => {
      const ops = createOperations(hostOf(port));
      const caps = { ...FILE_CAPS, formulaMode: "custom" as const };
      await ops.applyImport(await ops.previewImport({ kind: "embedded" }, {}, caps), caps);
      for (const e of entries.slice(0, 3)) await ops.addLogEntry({ ...e, status: e.status as "done" | "in-progress" }, caps);
      const state = await ops.readWorkbookState(caps);
      await ops.saveSettings({ ...(state.settings as Settings), asOf: AS_OF, signer: "Nguyễn Văn A" }, caps);
      const { summary } = await ops.buildReport({ kind: "quarter", year: 2024, quarter: 3 }, caps);
      const { findings } = await ops.runChecks(caps);
      const after = await ops.readWorkbookState(caps);
      summaries.push({ summary, findings: findings.length, statuses: after.activities.map((a) => a.statusKey) });
    });
    expect(differences(fromFile, fromLive)).toEqual([]);
    expect(formattingDiffs(formatting)).toEqual([]);
    expect(summaries[1]).toEqual(summaries[0]);
    expect((summaries[0] as { statuses: string[] }).statuses).toContain("done-on-time");
  }, 240000);
});

/**
 * What an Excel that lacks a feature leaves out, by the renderer's name for it (render.ts
 * `skipped`): the differences from the file each skipped feature accounts for.
 */
const LEFT_OUT: Record<string, (aspect: FormattingAspect, difference: string) => boolean> = {
  dataValidation: (aspect, d) => aspect === "validations" && d.endsWith(" | null"),
  pageLayout: (aspect, d) => aspect === "setup" && /^[^!]+!(orientation|paperSize|fit|margins|titleRows|footer) /.test(d),
};

describe("an older Excel: Excel 2019 (ExcelApi 1.7, no custom functions) against the file with built-in formulas", () => {
  test("the same values, formulas and names; what differs is exactly what the renderer reports it skipped", async () => {
    const skipped: string[][] = [];
    const { fromFile, fromLive, formatting, links } = await onBothHosts(
      async (port, mode) => {
        const results = [
          (await importPlan(port, HONG_LOC_2024, { headerLines: HONG_LOC_2024.appendixHeader ?? [], mode, asOf: AS_OF, today: AS_OF })).applied,
          await recordProgress(port, entries),
          (await buildReports(port, [parsePeriodToken("Q2-2024")])).applied,
        ];
        skipped.push([...new Set(results.flatMap((r) => r.skipped.map((s) => s.feature)))].sort());
      },
      {},
      { requirementSets: "excel2019", mode: "native" },
    );
    expect(skipped).toEqual([[], ["dataValidation", "pageLayout"]]);
    expect(differences(fromFile, fromLive)).toEqual([]);
    expect(JSON.stringify([fromFile, fromLive])).not.toMatch(/CCHC\.[A-Z]+\(/);
    expect(links.live).toEqual(links.file);
    const found = FORMATTING_ASPECTS.flatMap((aspect) => formattingDifferences(formatting.file, formatting.live, aspect).map((d) => ({ aspect, d })));
    // Nothing differs that no skipped feature accounts for (a silent loss), and each skipped feature shows.
    expect(found.filter(({ aspect, d }) => !skipped[1].some((f) => LEFT_OUT[f]?.(aspect, d))).map(({ aspect, d }) => `${aspect}: ${d}`)).toEqual([]);
    for (const feature of skipped[1]) expect([feature, found.some(({ aspect, d }) => LEFT_OUT[feature]?.(aspect, d))]).toEqual([feature, true]);
    expect(formattingDifferences(formatting.file, formatting.live, "names")).toEqual([]);
    expect(fromFile.sheets.filter((s) => s.role === "report").map((s) => s.name)).toEqual(["BC Quý II-2024"]);
  }, 240000);
});

describe("the one way back, on both hosts", () => {
  test("random progress logs read back the same through both adapters", async () => {
    const ids = HONG_LOC_2024.activities.map((a) => a.id);
    const entry = fc.record({
      day: fc.integer({ min: 0, max: 250 }),
      activity: fc.integer({ min: 0, max: ids.length - 1 }),
      done: fc.boolean(),
      evidence: fc.constantFrom("", "CV 12/UBND", "1.234", "85,3%", "=SUM(A1)", "Đã xong — đúng hạn"),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(entry, { minLength: 1, maxLength: 6 }), async (raw) => {
        const log: LogEntry[] = raw.map((e) => {
          const date = new Date(Date.UTC(2024, 0, 2 + e.day)).toISOString().slice(0, 10);
          return { date, activityId: ids[e.activity], status: e.done ? "done" : "in-progress", completedOn: e.done ? date : null, evidence: e.evidence, note: "", who: "" };
        });
        const reads: unknown[] = [];
        await onBothHosts(async (port) => {
          await importEmbedded(port);
          await recordProgress(port, log);
          const read = await readWorkbook(port);
          reads.push({ model: read.model, log: read.log.map(({ row: _row, ...e }) => e), units: read.units, warnings: read.warnings });
        });
        expect(reads[1]).toEqual(reads[0]);
      }),
      { numRuns: 3 },
    );
  }, 600000);
});


