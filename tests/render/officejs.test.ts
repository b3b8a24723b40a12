/**
 * The Office.js renderer through Microsoft's Excel client against the simulator (tests/excelHost): constant syncs whatever the row count,
 * atomicity (a failure half-way leaves the workbook as it was), owner markers, text safety,
 * requirement-set gating, and the readers.
 */
import { createExcelHost as createFakeExcel, WEB_REQUEST_LIMIT, type ExcelHost as FakeExcel } from "../excelHost";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { defaultSettings } from "../../src/core/settings";
import { makeActivities, type ActivityFields, type Plan } from "../../src/core/plan";
import { buildWorkbookLayout } from "../../src/layout/workbook";
import type { WorkbookLayout } from "../../src/layout/types";
import { renderLayout, detectCapabilities, isRenderError, FULL_CAPABILITIES, WEB_BATCH_CAP } from "../../src/render/officejs";
import { listOwnedSheets, readPlanTable, readSettings } from "../excelHost/tables";

function layoutFor(plan: Plan, mode: "custom" | "native" = "custom"): WorkbookLayout {
  return buildWorkbookLayout({ plan, settings: defaultSettings(plan, "2024-06-14"), progress: {}, mode }, { validation: { headerLines: plan.appendixHeader } });
}

/** A plan of n activities made by repeating the seed's rows with distinct wording. */
export function bigPlan(n: number): Plan {
  const base = HONG_LOC_2024.activities;
  const rows: ActivityFields[] = [];
  for (let i = 0; i < n; i++) {
    const a = base[i % base.length];
    const k = Math.floor(i / base.length);
    rows.push({ ...a, activity: k ? `${a.activity} (lần ${k + 1})` : a.activity });
  }
  return { ...HONG_LOC_2024, activities: makeActivities(rows) };
}

async function render(fake: FakeExcel, layout: WorkbookLayout, opts: Parameters<typeof renderLayout>[2] = {}) {
  return fake.Excel.run((ctx: Excel.RequestContext) => renderLayout(ctx, layout, { capabilities: detectCapabilities(fake.Office), token: "t", ...opts }));
}

describe("renderLayout", () => {
  it("writes the embedded plan's workbook with markers, tables and names", async () => {
    const fake = createFakeExcel({ today: "2024-06-14" });
    const result = await render(fake, layoutFor(HONG_LOC_2024));
    expect(result.stats.syncs).toBe(4); // inspect, markers, write, swap (nothing to drop)
    expect(fake.stats.syncs).toBe(4);
    const snap = fake.snapshot();
    const names = snap.sheets.map((s: { name: string }) => s.name);
    expect(names).toEqual(expect.arrayContaining(["Sheet1", "Kế hoạch", "Kiểm tra", "Chỉ tiêu", "Đơn vị", "Cài đặt"]));
    expect(names.some((n: string) => n.startsWith("~cchc"))).toBe(false);
    const owned = await fake.Excel.run((ctx: Excel.RequestContext) => listOwnedSheets(ctx));
    expect(owned.map((s) => s.role)).toEqual(["plan", "checks", "indicators", "units", "settings"]);
    const plan = await fake.Excel.run((ctx: Excel.RequestContext) => readPlanTable(ctx));
    expect(plan!.rows).toHaveLength(60);
    expect(plan!.rows[0].id).toBe(HONG_LOC_2024.activities[0].id);
    expect(plan!.rows[0].activityNo).toBe(HONG_LOC_2024.activities[0].activityNo);
    expect(plan!.missing).toEqual([]);
    const settings = await fake.Excel.run((ctx: Excel.RequestContext) => readSettings(ctx));
    expect(settings!.settings.year).toBe(2024);
    expect(settings!.settings.asOf).toBe("2024-06-14");
  });
});

const HOSTILE = ['=HYPERLINK("http://x","y")', "@SUM(1+1)", "+1+2", "-3+4", "\tTAB", "\rCR", "'quoted", "3.12", "01/02/2024", "1.234,5"];

function hostilePlan(): Plan {
  const rows: ActivityFields[] = HONG_LOC_2024.activities.slice(0, 12).map((a, i) => ({ ...a, activity: HOSTILE[i % HOSTILE.length], output: HOSTILE[(i + 3) % HOSTILE.length], lead: HOSTILE[(i + 5) % HOSTILE.length] }));
  return { ...HONG_LOC_2024, activities: makeActivities(rows) };
}

describe("constant syncs", () => {
  it("uses the same number of syncs for 60 and 6,000 activities, on a fresh workbook and on a rebuild", async () => {
    const counts: Record<string, number[]> = {};
    for (const n of [60, 6000]) {
      const plan = n === 60 ? HONG_LOC_2024 : bigPlan(n);
      const fake = createFakeExcel({ today: "2024-06-14", evaluateFormulas: false });
      const first = await render(fake, layoutFor(plan));
      const firstFake = fake.stats.syncs;
      fake.resetStats();
      const second = await render(fake, layoutFor(plan));
      counts[n] = [first.stats.syncs, firstFake, second.stats.syncs, fake.stats.syncs, first.stats.rangeWrites, fake.stats.requests];
      const read = await fake.Excel.run((ctx: Excel.RequestContext) => readPlanTable(ctx));
      expect(read!.rows).toHaveLength(n);
    }
    expect(counts[60][0]).toBe(counts[6000][0]);
    expect(counts[60][1]).toBe(counts[6000][1]);
    expect(counts[60][2]).toBe(counts[6000][2]);
    expect(counts[60][0]).toBe(counts[60][1]); // our count agrees with the host's
    expect(counts[60][2]).toBe(5); // inspect, markers, write, swap, drop backups
    // Ranges written grow with columns and blocks, not rows (Microsoft's client itself then splits
    // arrays over 1,500 cells into row chunks inside the same request), and so do requests.
    expect(counts[6000][4]).toBe(counts[60][4]);
    expect(counts[6000][5]).toBe(counts[60][5]);
  }, 120000);
});

describe("atomicity", () => {
  function normalize(snap: ReturnType<FakeExcel["snapshot"]>) {
    return JSON.parse(JSON.stringify({ ...snap, names: [...snap.names].sort((a, b) => a.name.localeCompare(b.name)) }));
  }

  it("a failure half-way through writing leaves the workbook exactly as it was (first import and rebuild)", async () => {
    for (const rebuild of [false, true]) {
      const fake = createFakeExcel({ today: "2024-06-14" });
      if (rebuild) await render(fake, layoutFor(HONG_LOC_2024));
      const before = normalize(fake.snapshot());
      fake.resetStats();
      await render(fake, layoutFor(HONG_LOC_2024));
      const per = fake.stats.opsPerSync;
      fake.reset();
      if (rebuild) await render(fake, layoutFor(HONG_LOC_2024));
      expect(normalize(fake.snapshot())).toEqual(before);
      fake.failAfter(per[0] + per[1] + Math.floor(per[2] / 2));
      let error: unknown;
      try {
        await render(fake, layoutFor(HONG_LOC_2024));
      } catch (e) {
        error = e;
      }
      expect(isRenderError(error)).toBe(true);
      expect((error as { unchanged: boolean }).unchanged).toBe(true);
      expect((error as { messageVi: string }).messageVi).toMatch(/giữ nguyên/);
      expect(normalize(fake.snapshot())).toEqual(before);
    }
  });

  it("a failure during the swap is rolled back", async () => {
    const fake = createFakeExcel({ today: "2024-06-14" });
    await render(fake, layoutFor(HONG_LOC_2024));
    const before = normalize(fake.snapshot());
    // The third sheet rename of the swap (old sheets aside, then temporaries into place).
    fake.failAfter({ op: "Worksheet.name", occurrence: 8 });
    await expect(render(fake, layoutFor(HONG_LOC_2024))).rejects.toMatchObject({ name: "RenderError", step: "swap", unchanged: true });
    expect(normalize(fake.snapshot())).toEqual(before);
  });

  it("cancelling before the write leaves the workbook unchanged", async () => {
    const fake = createFakeExcel();
    const before = normalize(fake.snapshot());
    const controller = new AbortController();
    const p = render(fake, layoutFor(HONG_LOC_2024), { signal: controller.signal, onProgress: (s) => s.step === "write" && controller.abort() });
    await expect(p).rejects.toMatchObject({ cancelled: true, unchanged: true });
    expect(normalize(fake.snapshot())).toEqual(before);
  });
});

describe("ownership", () => {
  it("renames a user's sheet that has an add-in sheet's name aside, never deletes it, and leaves other sheets alone", async () => {
    const fake = createFakeExcel({ workbook: { sheets: [{ name: "Kế hoạch", values: [["của tôi"]] }, { name: "Ghi chép", values: [["x"]] }] } });
    const result = await render(fake, layoutFor(HONG_LOC_2024));
    expect(result.renamedAside).toEqual([{ from: "Kế hoạch", to: "Kế hoạch (cũ)" }]);
    expect(result.messages.some((m) => /không bị xóa/.test(m.vi))).toBe(true);
    expect(fake.workbook.sheet("Kế hoạch (cũ)")!.cell("A1")!.v).toBe("của tôi");
    expect(fake.workbook.sheet("Ghi chép")!.cell("A1")!.v).toBe("x");
    // A rebuild replaces the add-in's sheets only.
    const again = await render(fake, layoutFor(HONG_LOC_2024));
    expect(again.renamedAside).toEqual([]);
    expect(again.replaced).toEqual(["Kế hoạch", "Kiểm tra", "Chỉ tiêu", "Đơn vị", "Cài đặt"]);
    const names = fake.snapshot().sheets.map((s: { name: string }) => s.name);
    expect(names.filter((n: string) => n === "Kế hoạch")).toHaveLength(1);
    expect(names).toContain("Kế hoạch (cũ)");
    expect(names.some((n: string) => n.startsWith("~cchc"))).toBe(false);
  });
});

describe("text safety", () => {
  it("writes every imported string as text, hostile ones included", async () => {
    const fake = createFakeExcel({ formulaPrefixes: ["=", "+", "-", "@"] });
    const plan = hostilePlan();
    await render(fake, layoutFor(plan, "native"));
    const read = await fake.Excel.run((ctx: Excel.RequestContext) => readPlanTable(ctx));
    read!.rows.forEach((row, i) => {
      expect(row.activity).toBe(plan.activities[i].activity);
      expect(row.output).toBe(plan.activities[i].output);
      expect(row.lead).toBe(plan.activities[i].lead);
    });
    const ws = fake.workbook.sheet("Kế hoạch")!;
    const col = (key: string) => String.fromCharCode(65 + ["id", "group", "objectiveNo", "objective", "taskNo", "task", "activityNo", "activity"].indexOf(key));
    for (let r = 5; r < 5 + plan.activities.length; r++) {
      const cell = ws.cell(`${col("activity")}${r}`)!;
      expect(cell.f ?? null).toBeNull();
      expect(typeof cell.v).toBe("string");
    }
  });
});

describe("Excel 2016/2019 (no custom functions, no shared runtime)", () => {
  it("detects native formula mode and builds the workbook without CCHC.* and without the sets it lacks", async () => {
    const fake = createFakeExcel({ requirementSets: "excel2019", today: "2024-06-14" });
    const caps = detectCapabilities(fake.Office);
    expect(caps.formulaMode).toBe("native");
    expect(caps.customFunctions).toBe(false);
    expect(caps.dataValidation).toBe(false);
    const result = await render(fake, layoutFor(HONG_LOC_2024, caps.formulaMode));
    expect(result.skipped.map((s) => s.feature).sort()).toEqual(["dataValidation", "pageLayout"]);
    const snap = JSON.stringify(fake.snapshot());
    expect(snap).not.toMatch(/CCHC\.[A-Z]+\(/);
    const read = await fake.Excel.run((ctx: Excel.RequestContext) => readPlanTable(ctx));
    expect(read!.rows).toHaveLength(60);
    // ExcelApi 1.7 has Range.hyperlink: the Kiểm tra links are real hyperlinks, set cell by cell.
    expect(checksLinks(fake).every((c) => c.link && !c.formula)).toBe(true);
  });

  it("works at the ExcelApi 1.4 floor (Excel 2016 with updates)", async () => {
    const fake = createFakeExcel({ requirementSets: { ExcelApi: "1.4" }, today: "2024-06-14" });
    const caps = detectCapabilities(fake.Office);
    expect(caps.excelApiMinor).toBe(4);
    const result = await render(fake, layoutFor(HONG_LOC_2024, caps.formulaMode));
    expect(result.skipped.map((s) => s.feature).sort()).toEqual(["conditionalFormats", "dataValidation", "freezePanes", "hyperlinks", "pageLayout", "tabColor"]);
    expect(result.stats.syncs).toBe(4);
  });

  it("below ExcelApi 1.7 the Kiểm tra links are HYPERLINK formulas showing the same text, and the pane is told", async () => {
    for (const ExcelApi of ["1.4", "1.6"]) {
      const fake = createFakeExcel({ requirementSets: { ExcelApi }, today: "2024-06-14" });
      const result = await render(fake, layoutFor(HONG_LOC_2024, "native"));
      const cells = checksLinks(fake);
      expect(cells.length).toBeGreaterThan(10);
      for (const c of cells) {
        expect(c.link).toBeUndefined();
        expect(c.formula).toBe(`=HYPERLINK("#'Kế hoạch'!${c.text.replace(/^.*!/, "")}","${c.text}")`);
        expect(c.text).toMatch(/^Kế hoạch![A-Z]+\d+$/);
      }
      expect(result.skipped.find((s) => s.feature === "hyperlinks")).toMatchObject({ requirement: "ExcelApi 1.7", count: cells.length, vi: expect.stringContaining("=HYPERLINK") });
    }
  });

  it("writes CCHC.* cells as their values when the host cannot run them", async () => {
    const fake = createFakeExcel({ requirementSets: "excel2019" });
    const caps = detectCapabilities(fake.Office);
    const result = await render(fake, layoutFor(HONG_LOC_2024, "custom"), { capabilities: caps });
    expect(JSON.stringify(fake.snapshot())).not.toMatch(/CCHC\.[A-Z]+\(/);
    expect(result.messages.some((m) => /=CCHC/.test(m.vi))).toBe(true);
  });
});

/** The Kiểm tra sheet's "Vị trí" cells that hold a finding's place: their text, formula and hyperlink in the simulator. */
function checksLinks(fake: FakeExcel) {
  const ws = fake.workbook.sheet("Kiểm tra")!;
  const out: Array<{ text: string; formula: string | undefined; link: { documentReference?: string; textToDisplay?: string } | undefined }> = [];
  for (let r = 4; ws.cell(`A${r}`)?.v; r++) {
    const [[text]] = fake.workbook.read("Kiểm tra", `E${r}`);
    const cell = ws.cell(`E${r}`);
    if (text) out.push({ text: String(text), formula: cell?.f, link: cell?.link });
  }
  return out;
}

describe("gated features on Microsoft 365", () => {
  it("writes the Kiểm tra links as hyperlinks on their text cells, one setCellProperties for the column", async () => {
    const fake = createFakeExcel({ today: "2024-06-14" });
    fake.recordRequests(true);
    await render(fake, layoutFor(HONG_LOC_2024), { capabilities: FULL_CAPABILITIES });
    const cells = checksLinks(fake);
    expect(cells.length).toBeGreaterThan(10);
    for (const c of cells) expect(c).toEqual({ text: c.text, formula: undefined, link: { documentReference: `'Kế hoạch'!${c.text.replace(/^.*!/, "")}`, textToDisplay: c.text } });
    const wire = JSON.stringify(fake.requests);
    expect(wire.match(/"Name":"SetCellProperties"/g)).toHaveLength(1);
    expect(wire).not.toMatch(/"Name":"Hyperlink"/);
  });

  it("writes validation, conditional formats, freeze panes, tab colour and page layout", async () => {
    const fake = createFakeExcel({ today: "2024-06-14" });
    const result = await render(fake, layoutFor(HONG_LOC_2024), { capabilities: FULL_CAPABILITIES });
    expect(result.skipped).toEqual([]);
    const sheet = fake.snapshot().sheets.find((s: { name: string }) => s.name === "Kế hoạch")!;
    expect(sheet.freeze).toEqual({ rows: 4, columns: 1 });
    expect(sheet.tabColor?.toUpperCase()).toBe("#0F6CBD");
    expect(sheet.dataValidations!.length).toBeGreaterThan(0);
    expect(sheet.conditionalFormats!.length).toBeGreaterThan(0);
    expect(sheet.pageLayout!.orientation).toBe("Landscape");
  });
});

describe("Excel on the web: requests capped at 5 MB", () => {
  it("splits the write phase of a very large plan into batches under the cap, still atomically", async () => {
    const plan = bigPlan(6000);
    const layout = layoutFor(plan);
    const fake = createFakeExcel({ evaluateFormulas: false, platform: "OfficeOnline" });
    const result = await render(fake, layout, { maxBatchBytes: 4_000_000 });
    expect(result.stats.payloadBytes).toBeGreaterThan(4_000_000);
    expect(result.stats.syncs).toBeGreaterThan(4);
    expect(result.stats.syncs).toBeLessThanOrEqual(4 + Math.ceil(result.stats.payloadBytes / 2_000_000));
    const read = await fake.Excel.run((ctx: Excel.RequestContext) => readPlanTable(ctx));
    expect(read!.rows).toHaveLength(6000);
    expect(read!.rows[5999].id).toBe(plan.activities[5999].id);
    // A failure in a late batch still leaves the workbook as it was.
    const before = JSON.stringify(fake.snapshot());
    const ops = fake.stats.opsPerSync.slice(0, -2).reduce((a, b) => a + b, 0);
    fake.resetStats();
    fake.failAfter(ops - 5);
    await expect(render(fake, layout, { maxBatchBytes: 4_000_000 })).rejects.toMatchObject({ name: "RenderError", unchanged: true });
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  }, 180000);

  it("a plan of long Vietnamese texts (2–3 bytes a letter on the wire) stays under 5 MB a request", async () => {
    const filler = "Kiện toàn bộ phận một cửa; cập nhật hồ sơ điện tử; tiếp nhận, giải quyết thủ tục; ";
    const rows = bigPlan(3000).activities.map((a, i) => ({ ...a, activity: `${filler.repeat(8)}${i}`, output: filler.repeat(6) }));
    const plan = { ...HONG_LOC_2024, activities: makeActivities(rows) };
    const fake = createFakeExcel({ evaluateFormulas: false, platform: "OfficeOnline" });
    await render(fake, layoutFor(plan), { maxBatchBytes: WEB_BATCH_CAP });
    expect(fake.stats.largestRequest).toBeLessThan(WEB_REQUEST_LIMIT);
    expect(fake.stats.failedSyncs).toBe(0);
  }, 180000);

  it("a 60-activity plan stays one write batch under the cap", async () => {
    const fake = createFakeExcel({ platform: "OfficeOnline" });
    const result = await render(fake, layoutFor(HONG_LOC_2024), { maxBatchBytes: 4_000_000 });
    expect(result.stats.syncs).toBe(4);
  });
});
