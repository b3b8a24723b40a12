import fc from "fast-check";
import {
  entriesFromRows, entryDoneOn, LogIndex, logStatusFromLabel, migrateProgressToLog, MIGRATED_WHO, progressFromLog,
  SAMPLE_WHO, statusAsOf, type LogEntry,
} from "../../src/core/progress";
import { sampleLog } from "../../src/core/sampleLog";
import { AS_OF, PLAN } from "./fixtures";

const e = (date: string, activityId: string, status: LogEntry["status"], extra: Partial<LogEntry> = {}): LogEntry => ({
  date, activityId, status, completedOn: null, evidence: "", note: "", who: "", ...extra,
});

describe("statusAsOf: the latest entry up to a date", () => {
  const log = [
    e("2024-03-01", "A", "in-progress", { note: "first" }),
    e("2024-04-10", "A", "done", { completedOn: "2024-04-08", evidence: "12/BC" }),
    e("2024-04-10", "B", "done"),
    e("2024-06-20", "A", "in-progress", { note: "reopened" }),
    e("2024-04-10", "A", "in-progress", { note: "same day, later row" }),
  ];
  it("ignores entries after the date and other activities", () => {
    expect(statusAsOf(log, "A", "2024-02-28")).toBeNull();
    expect(statusAsOf(log, "A", "2024-03-31")?.note).toBe("first");
    expect(statusAsOf(log, "A", "2024-06-30")?.note).toBe("reopened");
    expect(statusAsOf(log, "C", "2024-12-31")).toBeNull();
  });
  it("breaks ties on the same date by position in the log (the later row wins)", () => {
    expect(statusAsOf(log, "A", "2024-04-10")?.note).toBe("same day, later row");
  });
  it("agrees with a brute-force definition on random logs", () => {
    const entry = fc.record({
      date: fc.integer({ min: 1, max: 60 }).map((d) => `2024-0${1 + Math.floor((d - 1) / 28)}-${String(((d - 1) % 28) + 1).padStart(2, "0")}`),
      activityId: fc.constantFrom("A", "B", "C"),
      status: fc.constantFrom<LogEntry["status"]>("done", "in-progress", "not-started"),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), fc.constantFrom("A", "B", "C"), fc.integer({ min: 1, max: 60 }), (rows, id, day) => {
        const log = rows.map((r, i) => e(r.date, r.activityId, r.status, { note: String(i) }));
        const asOf = `2024-0${1 + Math.floor((day - 1) / 28)}-${String(((day - 1) % 28) + 1).padStart(2, "0")}`;
        let best = -1;
        log.forEach((x, i) => {
          if (x.activityId === id && x.date <= asOf && (best < 0 || x.date >= log[best].date)) best = i;
        });
        const got = statusAsOf(log, id, asOf);
        expect(got === null ? -1 : Number(got.note)).toBe(best);
        expect(new LogIndex(log).latest(id, asOf)).toBe(got);
      }),
    );
  });
  it("a done entry stands for its completion date, else its own date", () => {
    expect(entryDoneOn(log[1])).toBe("2024-04-08");
    expect(entryDoneOn(log[2])).toBe("2024-04-10");
    expect(entryDoneOn(log[0])).toBeNull();
    expect(entryDoneOn(null)).toBeNull();
  });
});

describe("log labels and rows", () => {
  it("reads the list's labels exactly (up to case), as the sheet formulas compare them", () => {
    expect(logStatusFromLabel("Đã hoàn thành")).toBe("done");
    expect(logStatusFromLabel("đã hoàn thành")).toBe("done");
    expect(logStatusFromLabel("Đang thực hiện")).toBe("in-progress");
    expect(logStatusFromLabel("Chưa thực hiện")).toBe("not-started");
    expect(logStatusFromLabel("Hoàn thành")).toBeNull();
    // What the plan sheet's COUNTIFS would not count is not done here either.
    expect(logStatusFromLabel("Done")).toBeNull();
    expect(logStatusFromLabel("done")).toBeNull();
    expect(logStatusFromLabel("Đã hoàn thành".normalize("NFD"))).toBeNull();
    expect(logStatusFromLabel(null)).toBeNull();
  });
  it("turns sheet rows into entries and reports what it cannot read", () => {
    const { entries, problems } = entriesFromRows(
      [
        { date: 45458, activityId: "I-851qr", status: "Đã hoàn thành", completedOn: "10/06/2024", evidence: " 12/BC-UBND ", note: "", who: "TP" },
        { date: null, activityId: null },
        { date: "abc", activityId: "I-851qr", status: "Đã hoàn thành" },
        { date: "2024-06-01", activityId: "", status: "Đã hoàn thành" },
        { date: "2024-06-02", activityId: "NOPE", status: "xong rồi" },
      ],
      new Set(["I-851qr"]),
    );
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ date: "2024-06-15", completedOn: "2024-06-10", status: "done", evidence: "12/BC-UBND" });
    expect(entries[1]).toMatchObject({ activityId: "NOPE", status: "in-progress" });
    expect(problems.map((p) => p.field)).toEqual(["date", "activityId", "activityId", "status"]);
  });
  it("keeps completion dates typed in the plan as log entries", () => {
    const log = [e("2024-02-01", "A", "in-progress")];
    const out = migrateProgressToLog({ A: { completedOn: "2024-03-01" }, B: { completedOn: "2024-03-02", evidence: "7/QĐ" }, C: {} }, log);
    expect(out).toHaveLength(2);
    expect(out[1]).toMatchObject({ activityId: "B", status: "done", completedOn: "2024-03-02", evidence: "7/QĐ", who: MIGRATED_WHO });
  });
  it("gives the plan sheet its completion date and evidence (none for recurring activities)", () => {
    const log = [e("2024-04-10", "A", "done", { evidence: "1/BC" }), e("2024-04-10", "R", "done", { evidence: "2/BC" })];
    const p = progressFromLog([{ id: "A" }, { id: "R" }, { id: "Z" }], log, "2024-05-01", (id) => id === "R");
    expect(p).toEqual({ A: { completedOn: "2024-04-10", evidence: "1/BC" }, R: { completedOn: null, evidence: "2/BC" }, Z: { completedOn: null, evidence: "" } });
  });
});

describe("the demo's sample log", () => {
  it("is deterministic, marked as sample data, dated up to the as-of date, and only about plan activities", () => {
    const a = sampleLog(PLAN, AS_OF);
    const b = sampleLog(PLAN, AS_OF);
    expect(a).toEqual(b);
    expect(a.length).toBeGreaterThan(40);
    const ids = new Set(PLAN.activities.map((x) => x.id));
    for (const x of a) {
      expect(x.who).toBe(SAMPLE_WHO);
      expect(x.date <= AS_OF).toBe(true);
      expect(ids.has(x.activityId)).toBe(true);
    }
    expect(new Set(a.map((x) => x.status))).toEqual(new Set(["done", "in-progress"]));
  });
});

describe("the log table as Office.js reads it", () => {
  it("maps columns by header and keeps each entry's sheet row", async () => {
    const { logFromTableValues, LOG_COLUMNS } = await import("../../src/layout/logSheet");
    const header = [...LOG_COLUMNS.map((c) => c.header)].reverse(); // a person reordered the columns
    const row = (o: Record<string, unknown>) => header.map((h) => o[LOG_COLUMNS.find((c) => c.header === h)!.key] ?? "");
    const read = logFromTableValues([header, row({}), row({ date: 45458, activityId: "A", status: "Đã hoàn thành", who: "TP" }), row({ date: 45460, activityId: "B", status: "Đang thực hiện" })]);
    expect(read.entries.map((x) => [x.activityId, x.date, x.status, x.row])).toEqual([
      ["A", "2024-06-15", "done", 6],
      ["B", "2024-06-17", "in-progress", 7],
    ]);
  });
});
