/** Re-check after edits: the pane hears a person's changes to the plan sheet, where Excel can tell it. */
import { installExcelHost as installFakeOffice, type InstalledExcelHost as InstalledFake } from "../excelHost";
import { detectCapabilities } from "../../src/render/officejs/capabilities";
import * as ops from "../../src/taskpane/services/ops";

let fake: InstalledFake;
afterEach(() => fake?.uninstall());

describe("watchPlanEdits", () => {
  it("calls back on local edits of the plan sheet, ignores remote ones, and stops when asked", async () => {
    fake = installFakeOffice(globalThis, { today: "2024-06-14" });
    const caps = detectCapabilities(fake.Office);
    const none = await ops.watchPlanEdits(caps, () => undefined);
    expect(none).toBeNull(); // no plan sheet yet

    await ops.applyImport(await ops.previewImport({ kind: "embedded" }, {}, caps), caps);
    let edits = 0;
    const stop = await ops.watchPlanEdits(caps, () => { edits++; });
    expect(stop).not.toBeNull();
    await fake.emit("onChanged", { source: "Local", worksheetId: "x", address: "J7", changeType: "RangeEdited" });
    await fake.emit("onChanged", { source: "Remote", worksheetId: "x", address: "J7", changeType: "RangeEdited" });
    expect(edits).toBe(1);
    await stop!();
    await fake.emit("onChanged", { source: "Local", worksheetId: "x", address: "J8", changeType: "RangeEdited" });
    expect(edits).toBe(1);
  });

  it("is unavailable below ExcelApi 1.7, so the pane offers the button only", async () => {
    fake = installFakeOffice(globalThis, { today: "2024-06-14", requirementSets: "excel2016Retail" as never });
    const caps = detectCapabilities(fake.Office);
    expect(caps.excelApiMinor).toBeLessThan(7);
    expect(await ops.watchPlanEdits(caps, () => undefined)).toBeNull();
  });
});
