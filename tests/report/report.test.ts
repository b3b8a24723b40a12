import fc from "fast-check";
import { parsePeriodToken, periodsOfYear } from "../../src/core/periods";
import { buildReport, completionText, formatPercentVi, NO_LEAD, reportToJson, type ReportCounts } from "../../src/core/report";
import type { LogEntry } from "../../src/core/progress";
import { demoLog, PLAN, randomLog } from "./fixtures";

const KEYS = ["activities", "due", "doneOnTime", "doneLate", "inProgress", "noReport", "overdue"] as const;
const sum = (rows: ReportCounts[], k: (typeof KEYS)[number]) => rows.reduce((n, r) => n + r[k], 0);

function expectConsistent(r: ReturnType<typeof buildReport>) {
  for (const k of KEYS) {
    expect(sum(r.byGroup, k)).toBe(r.totals[k]);
    expect(sum(r.byLead, k)).toBe(r.totals[k]);
  }
  for (const row of [r.totals, ...r.byGroup, ...r.byLead, ...r.subGroups]) {
    expect(row.doneOnTime + row.doneLate + row.inProgress + row.noReport + row.overdue).toBe(row.due);
    expect(row.completionRate).toBe(row.due ? (row.doneOnTime + row.doneLate) / row.due : null);
  }
}

describe("buildReport on the embedded plan and the sample log", () => {
  const log = demoLog();
  const periods = periodsOfYear(2024);

  it.each(periods.map((p) => [p.token, p]))("%s: sums by group and by lead equal the totals", (_t, period) => {
    const r = buildReport(PLAN, log, period);
    expect(r.asOf).toBe(period.cutoffEnd);
    expect(r.totals.activities).toBe(60);
    expectConsistent(r);
    expect(r.byGroup.map((g) => g.group)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII"]);
    expect(r.subGroups.map((g) => g.group)).toEqual(["VII.A", "VII.B"]);
    expect(r.byGroup.find((g) => g.group === "VII")!.activities).toBe(13);
  });

  it("Q2-2024 as of its cut-off: due in the calendar quarter, statuses as of 14/06", () => {
    const r = buildReport(PLAN, log, parsePeriodToken("Q2-2024"));
    // 19 recurring activities + Quý II (II 3.4) + Quý II, III (I 3.12–3.16) + Quý I, II (III 3.3)
    expect(r.totals.due).toBe(26 - 1);
    const ids = new Set(r.items.filter((i) => i.due).map((i) => i.id));
    expect(ids.has("II-gn50a")).toBe(true); // "Quý II"
    expect(ids.has("II-n0sb9")).toBe(false); // "Quý I"
    expect(ids.has("I-4462q")).toBe(false); // "Năm 2024" falls due in Q4
    // year to date, 1/1–30/06: deadlines ending by then (Trước 15/01 ×2, Tháng 01, Quý I ×2, Quý II,
    // Quý I-II), lists with a point by then (Quý II, III ×5, Quý I, II), and the 18 recurring
    // activities reported this period — everything due in the quarter is in the year to date too.
    expect(r.ytd.due).toBe(30);
    for (const e of r.items) if (e.due) expect(e.ytd).toBe(true);
  });

  it("counts recurring activities per period from entries dated in the period's data window", () => {
    const recurring = PLAN.activities.find((a) => a.deadline === "Thường xuyên")!;
    const one = (date: string): LogEntry => ({ date, activityId: recurring.id, status: "done", completedOn: null, evidence: "", note: "", who: "" });
    const q1 = parsePeriodToken("Q1-2024");
    const q2 = parsePeriodToken("Q2-2024");
    const status = (log: LogEntry[], p = q2) => buildReport(PLAN, log, p).items.find((i) => i.id === recurring.id)!.status;
    expect(status([])).toBe("no-report"); // nobody reported on it at all
    // reported in Q1's window only: nobody has reported on it for Q2 (not "under way")
    expect(status([one("2024-03-10")])).toBe("no-report");
    expect(status([one("2024-03-10"), { ...one("2024-05-02"), status: "in-progress" }])).toBe("in-progress");
    expect(status([one("2024-03-10")], q1)).toBe("done-on-time");
    expect(status([one("2024-03-20")])).toBe("done-on-time");
    expect(status([one("2024-06-20")])).toBe("no-report"); // after Q2's as-of date: no entry yet
  });

  it("classifies done on time, done late, overdue and in progress by deadline and as-of date", () => {
    const a = PLAN.activities.find((x) => x.deadline === "Trước 15/01/2024")!;
    const q1 = parsePeriodToken("Q1-2024");
    const st = (entries: Array<Partial<LogEntry>>, asOf?: string) =>
      buildReport(PLAN, entries.map((x) => ({ date: "2024-01-10", activityId: a.id, status: "done", completedOn: null, evidence: "", note: "", who: "", ...x }) as LogEntry), q1, asOf).items.find((i) => i.id === a.id)!.status;
    expect(st([{ date: "2024-01-10" }])).toBe("done-on-time");
    expect(st([{ date: "2024-02-01" }])).toBe("done-late");
    expect(st([{ date: "2024-02-01", completedOn: "2024-01-14" }])).toBe("done-on-time");
    expect(st([])).toBe("overdue");
    expect(st([{ date: "2024-01-02", status: "in-progress" }], "2024-01-10")).toBe("not-due"); // counted as in progress among the due
    expect(st([{ date: "2024-01-10" }, { date: "2024-02-01", status: "in-progress" }])).toBe("overdue"); // reopened
    expect(st([{ date: "2024-01-10", completedOn: "2024-04-01" }])).toBe("overdue"); // completion after the as-of date has not happened
  });

  it("a past period's report gives the same numbers after later log entries", () => {
    const q1 = parsePeriodToken("Q1-2024");
    const early = log.filter((x) => x.date <= q1.cutoffEnd);
    const before = buildReport(PLAN, early, q1);
    const later: LogEntry[] = PLAN.activities.map((a) => ({ date: "2024-05-01", activityId: a.id, status: "done", completedOn: "2024-01-02", evidence: "", note: "", who: "" }));
    const after = buildReport(PLAN, [...log, ...later], q1);
    expect(reportToJson(after)).toEqual(reportToJson(before));
    expect(after.overdue).toEqual(before.overdue);
  });

  it("lists overdue and unfinished activities due in the period or by it", () => {
    const r = buildReport(PLAN, log, parsePeriodToken("9M-2024"));
    expect(r.overdue.length).toBe(r.items.filter((i) => (i.due || i.ytd) && !["done-on-time", "done-late"].includes(i.status)).length);
    expect(r.overdue.every((o) => o.status !== "done-on-time" && o.status !== "done-late")).toBe(true);
    expect(r.overdue.some((o) => o.status === "overdue")).toBe(true);
  });

  it("leads are canonical unit names; an empty lead is its own row", () => {
    const r = buildReport(PLAN, log, parsePeriodToken("Y-2024"));
    const leads = r.byLead.map((l) => l.lead);
    expect(leads).toContain("Tư pháp - Hộ tịch");
    expect(leads).toContain("Văn hóa - Xã hội"); // "Văn hoá", "Văn hoá thông tin", "Văn hoá - Thông tin"
    expect(leads).toContain(NO_LEAD);
    expect(leads).not.toContain("Văn hoá");
    expect(r.byLead.find((l) => l.lead === "Văn hóa - Xã hội")!.activities).toBe(12);
  });
});

describe("the JSON contract of cchc report --json", () => {
  it("has exactly the agreed keys, the same in byGroup and byLead rows", () => {
    const j = reportToJson(buildReport(PLAN, demoLog(), parsePeriodToken("Q2-2024")));
    expect(Object.keys(j)).toEqual(["period", "totals", "byGroup", "byLead", "indicators"]);
    expect(Object.keys(j.period)).toEqual(["label", "start", "end"]);
    expect(j.period).toEqual({ label: "Quý II/2024", start: "2024-03-15", end: "2024-06-14" });
    const counts = ["activities", "due", "doneOnTime", "doneLate", "inProgress", "noReport", "overdue", "completionRate"];
    expect(Object.keys(j.totals)).toEqual(counts);
    for (const g of j.byGroup) expect(Object.keys(g)).toEqual(["group", ...counts]);
    for (const l of j.byLead) expect(Object.keys(l)).toEqual(["lead", ...counts]);
    expect(j.indicators.length).toBe(PLAN.indicators.length);
  });
});

describe("random plans and logs (property)", () => {
  it("totals always equal the sums by group and by lead, and statuses partition the due activities", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.constantFrom(...periodsOfYear(2024).map((p) => p.token), "2024-03-01..2024-04-15"), (seed, token) => {
        const r = buildReport(PLAN, randomLog(PLAN, seed), parsePeriodToken(token));
        expectConsistent(r);
      }),
      { numRuns: 40 },
    );
  });
});

describe("texts", () => {
  it("formats completion as reports state it", () => {
    expect(formatPercentVi(0.8533)).toBe("85,3%");
    expect(formatPercentVi(1)).toBe("100%");
    expect(formatPercentVi(0.5)).toBe("50%");
    expect(formatPercentVi(2 / 3)).toBe("66,7%");
    expect(completionText(12, 20)).toBe("12/20 nhiệm vụ, đạt 60%");
    expect(completionText(0, 0)).toBe("0/0 nhiệm vụ, đạt —");
  });
});

describe("year to date includes the period", () => {
  test("every activity due in a quarter is also due in the year to date", () => {
    const { buildReport } = require("../../src/core/report");
    const { parsePeriodToken } = require("../../src/core/periods");
    const { HONG_LOC_2024 } = require("../../src/data/hongLoc2024");
    for (const token of ["Q1-2024", "Q2-2024", "H1-2024", "Q3-2024", "9M-2024", "Y-2024"]) {
      const r = buildReport(HONG_LOC_2024, [], parsePeriodToken(token));
      for (const e of r.items) if (e.due) expect([token, e.id, e.ytd]).toEqual([token, e.id, true]);
      expect(r.ytd.due).toBeGreaterThanOrEqual(r.totals.due);
    }
  });
});
