/**
 * The Office.js renderer against the fake Excel host (tests/fakeExcel): context.sync calls and
 * ranges written per operation at 60 and 6,000 activities — both should not grow with rows — and
 * the wall time of a render in the fake (the JavaScript side only: no real Excel round trip).
 *
 * Operations: the first build of the workbook (a fresh workbook), a rebuild over the add-in's own
 * sheets, and reading the plan table back. The syncs are the fake host's count; the renderer's
 * own count (RenderResult.stats.syncs) must agree, or the bench fails.
 */
import { createFakeExcel, type FakeExcel } from "../../tests/fakeExcel";
import { defaultSettings } from "../../src/core/settings";
import { buildWorkbookLayout } from "../../src/layout/workbook";
import type { WorkbookLayout } from "../../src/layout/types";
import type { Plan } from "../../src/core/plan";
import { renderLayout, detectCapabilities, readPlanTable, WEB_BATCH_CAP, type RenderOptions } from "../../src/render/officejs";
import { syntheticPlan } from "../synthetic";
import { medianOf, timed, type Result } from "../measure";

const TODAY = "2024-06-14";

function layoutFor(plan: Plan): WorkbookLayout {
  return buildWorkbookLayout({ plan, settings: defaultSettings(plan, TODAY), progress: {}, mode: "custom" }, { validation: { headerLines: plan.appendixHeader } });
}

interface Counted {
  ms: number;
  syncs: number;
  rangesWritten: number;
  cellsWritten: number;
}

async function render(fake: FakeExcel, layout: WorkbookLayout, opts: RenderOptions = {}): Promise<Counted> {
  fake.resetStats();
  const { ms, value } = await timed(() =>
    fake.Excel.run((ctx: Excel.RequestContext) => renderLayout(ctx, layout, { capabilities: detectCapabilities(fake.Office), token: "bench", ...opts })),
  );
  if (value.stats.syncs !== fake.stats.syncs) throw new Error(`renderer counts ${value.stats.syncs} syncs, the host ${fake.stats.syncs}`);
  return { ms, syncs: fake.stats.syncs, rangesWritten: fake.stats.rangesWritten, cellsWritten: fake.stats.cellsWritten };
}

async function readPlan(fake: FakeExcel, n: number): Promise<Counted> {
  fake.resetStats();
  const { ms, value } = await timed(() => fake.Excel.run((ctx: Excel.RequestContext) => readPlanTable(ctx)));
  if (value?.rows.length !== n) throw new Error(`read ${value?.rows.length} plan rows, expected ${n}`);
  return { ms, syncs: fake.stats.syncs, rangesWritten: fake.stats.rangesWritten, cellsWritten: fake.stats.cellsWritten };
}

type Op = "first" | "rebuild" | "read";
const OPS: Record<Op, string> = { first: "first build (fresh workbook)", rebuild: "rebuild over the add-in's sheets", read: "read the plan table back" };

/** Runs of each operation at one size: a fresh fake per run (first build, then rebuild, then read). */
async function measure(n: number, runs: number): Promise<Record<Op, Counted[]>> {
  const plan = syntheticPlan(n);
  const layout = layoutFor(plan);
  const out: Record<Op, Counted[]> = { first: [], rebuild: [], read: [] };
  for (let i = 0; i < runs; i++) {
    const fake = createFakeExcel({ today: TODAY, evaluateFormulas: false });
    out.first.push(await render(fake, layout));
    out.rebuild.push(await render(fake, layout));
    out.read.push(await readPlan(fake, n));
  }
  return out;
}

function constant(xs: Counted[], key: "syncs" | "rangesWritten"): number {
  const values = new Set(xs.map((x) => x[key]));
  if (values.size !== 1) throw new Error(`${key} differ between identical runs: ${[...values].join(", ")}`);
  return xs[0][key];
}

export async function run(): Promise<Result[]> {
  const small = await measure(60, 7);
  const large = await measure(6000, 3);
  const out: Result[] = [];
  for (const op of Object.keys(OPS) as Op[]) {
    const s = constant(small[op], "syncs");
    const l = constant(large[op], "syncs");
    out.push({ name: `Office.js ${OPS[op]}: context.sync calls, 6,000 vs 60 activities`, value: l, unit: "syncs", baseline: s, ratio: l / s, note: "fake host count; 1 = constant" });
    if (op !== "read") {
      const rs = constant(small[op], "rangesWritten");
      const rl = constant(large[op], "rangesWritten");
      const cells = `cells written ${medianOf(small[op].map((x) => x.cellsWritten)).toLocaleString("en")} → ${medianOf(large[op].map((x) => x.cellsWritten)).toLocaleString("en")}`;
      out.push({ name: `Office.js ${OPS[op]}: ranges written, 6,000 vs 60 activities`, value: rl, unit: "ranges", baseline: rs, ratio: rl / rs, note: cells });
    }
    for (const [n, xs] of [[60, small[op]], [6000, large[op]]] as const) {
      out.push({ name: `Office.js ${OPS[op]}, ${n.toLocaleString("en")} activities: wall time in the fake host`, value: medianOf(xs.map((x) => x.ms)), unit: "ms", note: `median of ${xs.length}` });
    }
  }
  // Excel on the web caps a request at 5 MB: there (only) the write phase is split into batches.
  const webPlan = layoutFor(syntheticPlan(6000));
  const web = await render(createFakeExcel({ today: TODAY, evaluateFormulas: false, platform: "OfficeOnline" }), webPlan, { maxBatchBytes: WEB_BATCH_CAP });
  out.push({ name: "Office.js first build on Excel on the web (4 MB batches), 6,000 activities: context.sync calls", value: web.syncs, unit: "syncs", baseline: constant(large.first, "syncs"), ratio: web.syncs / constant(large.first, "syncs"), note: "baseline: desktop; extra syncs only past 4 MB" });
  return out;
}
