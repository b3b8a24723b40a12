/**
 * Recording progress rewrites the sheets it makes stale; a person looking at one of them stays on
 * it (its new version), not on whichever sheet Excel shows when the old one is hidden.
 */
import { installExcelHost, type InstalledExcelHost } from "../excelHost";
import { detectCapabilities } from "../../src/render/officejs/capabilities";
import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import * as ops from "../../src/taskpane/services/ops";

let fake: InstalledExcelHost;
afterEach(() => fake?.uninstall());
const caps = () => detectCapabilities(fake.Office);
const [first, second] = HONG_LOC_2024.activities;

it("recording progress while on the indicators or the plan sheet leaves the person there (on the rebuilt sheet)", async () => {
  fake = installExcelHost(globalThis, { today: "2024-06-14", displayLanguage: "vi-VN", customFunctionsNamespace: "CCHC" });
  await ops.applyImport(await ops.previewImport({ kind: "embedded" }, {}, caps()), caps());
  await ops.goToCell("'Chỉ tiêu'!A1");
  await ops.addLogEntry({ activityId: first.id, date: "2024-03-02", status: "done", completedOn: "2024-03-01", evidence: "QĐ 1", note: "", who: "" }, caps());
  expect(fake.snapshot().activeSheet).toBe("Chỉ tiêu");
  await ops.goToCell("'Kế hoạch'!J7");
  await ops.addLogEntry({ activityId: second.id, date: "2024-04-02", status: "in-progress", completedOn: null, evidence: "", note: "", who: "" }, caps());
  expect(fake.snapshot().activeSheet).toBe("Kế hoạch");
}, 120000);

it("the activity on the selected row of the plan sheet is the one the Progress tab takes; elsewhere none", async () => {
  fake = installExcelHost(globalThis, { today: "2024-06-14", displayLanguage: "vi-VN", customFunctionsNamespace: "CCHC" });
  await ops.applyImport(await ops.previewImport({ kind: "embedded" }, {}, caps()), caps());
  const state = await ops.readWorkbookState(caps());
  const third = state.activities[2];
  await ops.goToCell(`'Kế hoạch'!J${third.row}`);
  expect(await ops.activityAtSelection()).toBe(third.id);
  await ops.goToCell("'Kế hoạch'!A1");
  expect(await ops.activityAtSelection()).toBeNull();
  await ops.goToCell(`'Chỉ tiêu'!A${third.row}`);
  expect(await ops.activityAtSelection()).toBeNull();
}, 120000);
