/**
 * Failure on the wire (issue 11 item 3): whichever request fails, at whichever action, the
 * renderer's atomic swap leaves the workbook exactly as it was, and the error the pane shows says
 * what happened in Vietnamese and English. Property-style: over the action indexes of a whole
 * rebuild, the first and last action of every request always included.
 */
import fc from "fast-check";
import { createExcelHost, installExcelHost, type ExcelHost, type ExcelHostOptions, type InstalledExcelHost } from ".";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { defaultSettings } from "../../src/core/settings";
import { buildWorkbookLayout } from "../../src/layout/workbook";
import type { WorkbookLayout } from "../../src/layout/types";
import { renderLayout, detectCapabilities, isRenderError } from "../../src/render/officejs";
import { describeError } from "../../src/taskpane/services/errors";
import * as ops from "../../src/taskpane/services/ops";
import { jsonDiff } from "./snapshotDiff";
import type { WireRequest } from "./server";

const layout: WorkbookLayout = buildWorkbookLayout(
  { plan: HONG_LOC_2024, settings: defaultSettings(HONG_LOC_2024, "2024-06-14"), progress: {}, mode: "custom" },
  { validation: { headerLines: HONG_LOC_2024.appendixHeader } },
);

function render(host: ExcelHost) {
  return host.Excel.run((ctx: Excel.RequestContext) => renderLayout(ctx, layout, { capabilities: detectCapabilities(host.Office), token: "t" }));
}

/** A workbook that already holds the plan and a sheet of the user's, as the snapshot to restore. */
async function startingPoint() {
  const host = createExcelHost({ today: "2024-06-14", workbook: { sheets: [{ name: "Của tôi", values: [["ghi chép", 1]] }] } });
  await render(host);
  return host.snapshot();
}

describe("an injected failure at any wire action", () => {
  let start: ReturnType<ExcelHost["snapshot"]>;
  let clean: ReturnType<ExcelHost["snapshot"]>;
  let requests: WireRequest[];
  let total: number;
  /** First action of the request that deletes the hidden old sheets, and of Excel.run's reference cleanup. */
  let dropAt: number;
  let releaseAt: number;

  beforeAll(async () => {
    start = await startingPoint();
    const host = createExcelHost({ today: "2024-06-14", workbook: start });
    host.recordRequests(true);
    await render(host);
    clean = host.snapshot();
    requests = host.requests;
    total = host.actionsSeen;
    releaseAt = total - requests[requests.length - 1].Actions.length;
    dropAt = releaseAt - requests[requests.length - 2].Actions.length;
  }, 120000);

  async function failAt(index: number) {
    const host = createExcelHost({ today: "2024-06-14", workbook: start });
    const before = host.snapshot();
    host.failAtAction(index, { code: "GeneralException", message: "Injected failure" });
    const outcome = await render(host).then(
      (result) => ({ result, error: null }),
      (error: unknown) => ({ result: null, error }),
    );
    return { host, before, ...outcome };
  }

  /** What must hold for a failure at `index`, by the phase it falls in. */
  async function check(index: number) {
    const { host, before, result, error } = await failAt(index);
    if (index >= releaseAt) {
      // Excel.run's own _RemoveReference cleanup: the render is done and whole; Excel.run ignores it.
      expect({ index, error }).toEqual({ index, error: null });
      expect({ index, diff: jsonDiff(clean, host.snapshot()) }).toEqual({ index, diff: [] });
    } else if (index >= dropAt) {
      // After the swap: the new sheets are in; the hidden old ones stay, and the pane says so.
      expect({ index, error }).toEqual({ index, error: null });
      expect(result!.messages.some((m) => /~cchc-old/.test(m.vi) && /~cchc-old/.test(m.en))).toBe(true);
      const names = host.snapshot().sheets.map((s: { name: string }) => s.name);
      expect(names).toEqual(expect.arrayContaining(clean.sheets.map((s: { name: string }) => s.name)));
    } else {
      expect({ index, renderError: isRenderError(error) }).toEqual({ index, renderError: true });
      expect((error as { unchanged: boolean }).unchanged).toBe(true);
      expect({ index, diff: jsonDiff(before, host.snapshot()) }).toEqual({ index, diff: [] });
      const shown = describeError(error);
      expect(shown.vi).toMatch(/như trước|giữ nguyên|chưa bị thay đổi/i);
      expect(shown.en).toMatch(/as it was|nothing was changed|unchanged/i);
    }
  }

  it("a rebuild is inspect, markers, write, swap, drop the old sheets, then Excel.run's reference cleanup", () => {
    expect(requests.length).toBe(6);
    expect(requests[2].Actions.length).toBeGreaterThan(1000);
    expect(requests[3].Actions.some((a) => a.Name === "Activate")).toBe(true);
    expect(requests[4].Actions.some((a) => a.Name === "Delete")).toBe(true);
    expect(requests[5].Actions.every((a) => a.ActionType === 1 || a.Name === "_RemoveReference")).toBe(true);
  });

  it("at the first and last action of every request", async () => {
    let offset = 0;
    for (const r of requests) {
      await check(offset);
      await check(offset + r.Actions.length - 1);
      offset += r.Actions.length;
    }
  }, 300000);

  it("at any action (random indexes, weighted to the short requests where the swap happens)", async () => {
    const swapAt = dropAt - requests[3].Actions.length;
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: 0, max: total - 1 }), fc.integer({ min: swapAt, max: releaseAt - 1 })), check),
      { numRuns: 14 },
    );
  }, 300000);
});

describe("the pane's re-import with a failure at any wire action", () => {
  const options: ExcelHostOptions = { today: "2024-06-14", displayLanguage: "vi-VN", customFunctionsNamespace: "CCHC" };
  let host: InstalledExcelHost | undefined;
  let start: ReturnType<ExcelHost["snapshot"]>;
  let total: number;

  afterEach(() => host?.uninstall());

  async function reimport(h: InstalledExcelHost) {
    const caps = detectCapabilities(h.Office);
    const preview = await ops.previewImport({ kind: "embedded" }, {}, caps);
    return ops.applyImport(preview, caps);
  }

  beforeAll(async () => {
    const first = installExcelHost(globalThis, options);
    await reimport(first);
    start = first.snapshot();
    first.uninstall();
    const probe = installExcelHost(globalThis, { ...options, workbook: start });
    await reimport(probe);
    total = probe.actionsSeen;
    probe.uninstall();
  }, 120000);

  it("either leaves the workbook as it was and says so in both languages, or completes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: total - 1 }), async (index) => {
        host = installExcelHost(globalThis, { ...options, workbook: start });
        const before = host.snapshot();
        host.failAtAction(index);
        const error = await reimport(host).then(
          () => null,
          (e: unknown) => e,
        );
        if (error) {
          expect({ index, diff: jsonDiff(before, host.snapshot()) }).toEqual({ index, diff: [] });
          const shown = describeError(error);
          expect(shown.vi.length).toBeGreaterThan(20);
          expect(shown.en.length).toBeGreaterThan(20);
          expect(shown.vi).not.toBe(shown.en);
        } else {
          const state = await ops.readWorkbookState(detectCapabilities(host.Office));
          expect({ index, activities: state.activities.length }).toEqual({ index, activities: 60 });
        }
        host.uninstall();
        host = undefined;
      }),
      { numRuns: 12 },
    );
  }, 300000);
});
