/**
 * The Office.js renderer through Microsoft's Excel client (office-js's excel-web library) against
 * the workbook simulator (tests/excelHost): context.sync calls, ProcessQuery requests and their
 * bytes per operation at 60 and 6,000 activities, all counted on the wire — syncs and requests
 * should not grow with rows, bytes do — and the wall time of a render (the JavaScript side and
 * the simulator; no real Excel round trip).
 *
 * Operations: the first build of the workbook (a fresh workbook), a rebuild over the add-in's own
 * sheets, and reading the workbook back (the snapshot every operation starts with). The renderer's own count of syncs
 * (RenderResult.stats.syncs) must agree with the host's, or the bench fails; on Excel on the web
 * every request must stay under the 5 MB limit, measured on the real request body.
 */
import { createExcelHost as createFakeExcel, WEB_REQUEST_LIMIT, type ExcelHost as FakeExcel } from "../../tests/excelHost";
import { defaultSettings } from "../../src/core/settings";
import { buildWorkbookLayout } from "../../src/layout/workbook";
import type { WorkbookLayout } from "../../src/layout/types";
import type { Plan } from "../../src/core/plan";
import { renderLayout, detectCapabilities, WEB_BATCH_CAP, type RenderOptions } from "../../src/render/officejs";
import { readSnapshot } from "../../src/adapters/officejs/officeWorkbook";
import { readBack } from "../../src/layout/readBack";
import { syntheticPlan } from "../synthetic";
import { medianOf, timed, type Result } from "../measure";

const TODAY = "2024-06-14";

function layoutFor(plan: Plan): WorkbookLayout {
  return buildWorkbookLayout({ plan, settings: defaultSettings(plan, TODAY), progress: {}, mode: "custom" }, { validation: { headerLines: plan.appendixHeader } });
}

interface Counted {
  ms: number;
  syncs: number;
  requests: number;
  requestBytes: number;
  largestRequest: number;
  /** The renderer's own count of range writes (the client then splits arrays over 1,500 cells on the wire). */
  rangesWritten: number;
  cellsWritten: number;
  /** The renderer's own estimate of the bytes it sent (what its 4 MB web batches are cut by). */
  payloadBytes: number;
}

function counted(fake: FakeExcel, ms: number, rangesWritten: number, payloadBytes = 0): Counted {
  const s = fake.stats;
  return { ms, syncs: s.syncs, requests: s.requests, requestBytes: s.requestBytes, largestRequest: s.largestRequest, rangesWritten, cellsWritten: s.cellsWritten, payloadBytes };
}

async function render(fake: FakeExcel, layout: WorkbookLayout, opts: RenderOptions = {}): Promise<Counted> {
  fake.resetStats();
  const { ms, value } = await timed(() =>
    fake.Excel.run((ctx: Excel.RequestContext) => renderLayout(ctx, layout, { capabilities: detectCapabilities(fake.Office), token: "bench", ...opts })),
  );
  if (value.stats.syncs !== fake.stats.syncs) throw new Error(`renderer counts ${value.stats.syncs} syncs, the host ${fake.stats.syncs}`);
  return counted(fake, ms, value.stats.rangeWrites, value.stats.payloadBytes);
}

async function readPlan(fake: FakeExcel, n: number): Promise<Counted> {
  fake.resetStats();
  // What every operation starts with: the product's sheets as a snapshot (three syncs), read back.
  const { ms, value } = await timed(async () => readBack(await fake.Excel.run((ctx: Excel.RequestContext) => readSnapshot(ctx))));
  if (value.model.plan.activities.length !== n) throw new Error(`read ${value.model.plan.activities.length} plan activities, expected ${n}`);
  return counted(fake, ms, 0);
}

type Op = "first" | "rebuild" | "read";
const OPS: Record<Op, string> = { first: "first build (fresh workbook)", rebuild: "rebuild over the add-in's sheets", read: "read the workbook back (snapshot + readBack)" };

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

function constant(xs: Counted[], key: "syncs" | "requests" | "rangesWritten"): number {
  const values = new Set(xs.map((x) => x[key]));
  if (values.size !== 1) throw new Error(`${key} differ between identical runs: ${[...values].join(", ")}`);
  return xs[0][key];
}

export async function run(): Promise<Result[]> {
  const small = await measure(60, 7);
  const large = await measure(6000, 2);
  const out: Result[] = [];
  for (const op of Object.keys(OPS) as Op[]) {
    const s = constant(small[op], "syncs");
    const l = constant(large[op], "syncs");
    out.push({ name: `Office.js ${OPS[op]}: context.sync calls, 6,000 vs 60 activities`, value: l, unit: "syncs", baseline: s, ratio: l / s, note: "counted on the wire; 1 = constant" });
    const qs = constant(small[op], "requests");
    const ql = constant(large[op], "requests");
    out.push({ name: `Office.js ${OPS[op]}: ProcessQuery requests, 6,000 vs 60 activities`, value: ql, unit: "requests", baseline: qs, ratio: ql / qs, note: "Microsoft's client, incl. Excel.run's reference cleanup" });
    const bs = medianOf(small[op].map((x) => x.requestBytes));
    const bl = medianOf(large[op].map((x) => x.requestBytes));
    out.push({ name: `Office.js ${OPS[op]}: request bytes, 6,000 vs 60 activities`, value: bl, unit: "bytes", baseline: bs, ratio: bl / bs, note: `largest request ${medianOf(large[op].map((x) => x.largestRequest)).toLocaleString("en")} bytes` });
    if (op !== "read") {
      const rs = constant(small[op], "rangesWritten");
      const rl = constant(large[op], "rangesWritten");
      const cells = `cells written ${medianOf(small[op].map((x) => x.cellsWritten)).toLocaleString("en")} → ${medianOf(large[op].map((x) => x.cellsWritten)).toLocaleString("en")}`;
      out.push({ name: `Office.js ${OPS[op]}: ranges written, 6,000 vs 60 activities`, value: rl, unit: "ranges", baseline: rs, ratio: rl / rs, note: cells });
    }
    for (const [n, xs] of [[60, small[op]], [6000, large[op]]] as const) {
      out.push({ name: `Office.js ${OPS[op]}, ${n.toLocaleString("en")} activities: wall time, real client + simulator`, value: medianOf(xs.map((x) => x.ms)), unit: "ms", note: `median of ${xs.length}` });
    }
  }
  // Excel on the web caps a request at 5 MB: there (only) the write phase is split into batches.
  const webPlan = layoutFor(syntheticPlan(6000));
  const web = await render(createFakeExcel({ today: TODAY, evaluateFormulas: false, platform: "OfficeOnline" }), webPlan, { maxBatchBytes: WEB_BATCH_CAP });
  if (web.largestRequest > WEB_REQUEST_LIMIT) throw new Error(`a web request of ${web.largestRequest} bytes is over the 5 MB limit`);
  out.push({ name: "Office.js first build on Excel on the web (4 MB batches), 6,000 activities: context.sync calls", value: web.syncs, unit: "syncs", baseline: constant(large.first, "syncs"), ratio: web.syncs / constant(large.first, "syncs"), note: "baseline: desktop; extra syncs only past 4 MB" });
  out.push({
    name: "Office.js first build on Excel on the web, 6,000 activities: largest request vs the 5 MB limit",
    value: web.largestRequest, unit: "bytes", baseline: WEB_REQUEST_LIMIT, ratio: web.largestRequest / WEB_REQUEST_LIMIT,
    note: `wire bytes ${(web.requestBytes / web.payloadBytes).toFixed(2)}× the renderer's estimate; desktop's largest ${medianOf(large.first.map((x) => x.largestRequest)).toLocaleString("en")} bytes`,
  });
  return out;
}
