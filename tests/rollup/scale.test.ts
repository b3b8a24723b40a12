import { parsePeriodToken } from "../../src/core/periods";
import { buildReport } from "../../src/core/report";
import { communeExports, scaledPlan, syntheticLog } from "../../bench/synthetic";
import { rollupFiles } from "../../src/export/rollup";
import { PLAN } from "../report/fixtures";

describe("what the bench measures", () => {
  it("scaledPlan keeps the embedded plan's ids and adds unique ones", () => {
    const p = scaledPlan(PLAN, 150);
    expect(p.activities).toHaveLength(150);
    expect(p.activities.slice(0, 60).map((a) => a.id)).toEqual(PLAN.activities.map((a) => a.id));
    expect(new Set(p.activities.map((a) => a.id)).size).toBe(150);
  });

  // Its speed is the bench's (scaling: 60 → 60,000, as ratios); here only that it completes right.
  it("buildReport on 20,000 activities counts every activity", () => {
    const plan = scaledPlan(PLAN, 20000);
    const log = syntheticLog(plan, 1, "2024-09-14");
    const r = buildReport(plan, log, parsePeriodToken("9M-2024"));
    expect(r.totals.activities).toBe(20000);
    expect(r.byGroup.reduce((n, g) => n + g.due, 0)).toBe(r.totals.due);
  });

  it("communeExports + rollupFiles", async () => {
    const files = await communeExports(3, { district: "Lộc Hà" });
    const { result } = rollupFiles(files);
    expect(result.ok.map((r) => r.commune)).toEqual(expect.arrayContaining(["Xã Số 001", "Xã Số 002", "Xã Số 003"]));
    expect(result.flagged).toEqual([]);
    expect(result.district).toBe("Lộc Hà");
  });
});
