/**
 * Every deadline text of the real 2025 plans (deadline.phrasings.txt, a verbatim copy of
 * ../shared/realplans/phrasings.txt) read as a person reads it (deadline.expected.tsv, reviewed
 * line by line), and what follows for statuses, reporting periods and the plan's findings.
 */
import * as fs from "fs";
import * as path from "path";
import { addDays } from "../../src/core/dates";
import { parseDeadline, type Deadline } from "../../src/core/deadline";
import { dueInPeriod, periodsOfYear } from "../../src/core/periods";
import { computeStatus } from "../../src/core/status";
import { validatePlan } from "../../src/core/validate/validate";
import { phrasingActivities, phrasings } from "./deadlinePhrasings";

const PLAN_YEAR = 2025;
const read = (name: string) => fs.readFileSync(path.join(__dirname, name), "utf8");

interface Expected {
  text: string;
  kind: Deadline["kind"];
  start: string | null;
  end: string | null;
  recurrence: Deadline["recurrence"];
  display: string;
  why: string;
}

function expected(): Expected[] {
  return read("deadline.expected.tsv")
    .split(/\r?\n/)
    .filter((l) => l !== "" && !l.startsWith("#"))
    .map((l) => {
      const [text, kind, start, end, recurrence, display, why] = l.split("\t");
      return { text, kind: kind as Deadline["kind"], start: start || null, end: end || null, recurrence: (recurrence || null) as Deadline["recurrence"], display, why };
    });
}

const TEXTS = phrasings();
const TABLE = expected();
const core = (d: Deadline) => ({ kind: d.kind, start: d.start, end: d.end, recurrence: d.recurrence, points: d.points, display: d.display });

describe("the phrasings of the real plans: each read as a person reads it", () => {
  test("the table has one line for every text of the file, and no other", () => {
    expect(TEXTS.length).toBeGreaterThan(60);
    expect(TABLE.map((r) => r.text)).toEqual(TEXTS);
    for (const r of TABLE) expect(r.why).toBeTruthy();
  });

  test.each(TABLE.map((r) => [r.text, r] as const))("%p", (text, r) => {
    const d = parseDeadline(text, PLAN_YEAR);
    expect({ kind: d.kind, start: d.start, end: d.end, recurrence: d.recurrence, display: d.display }).toEqual({
      kind: r.kind, start: r.start, end: r.end, recurrence: r.recurrence, display: r.display,
    });
  });

  test("every text gets a kind, none is unreadable, none an internal failure, and its display reads back the same (plan years 2024–2026)", () => {
    for (const year of [2024, 2025, 2026]) {
      for (const text of TEXTS) {
        const d = parseDeadline(text, year);
        expect(d.kind).not.toBe("invalid");
        expect(d.kind).not.toBe("missing");
        expect(d.internal).toBeUndefined();
        expect(core(parseDeadline(d.display, year))).toEqual(core(d));
        // spelling of the same text: decomposed, upper case, a line break inside the cell
        for (const variant of [text.normalize("NFD"), text.toUpperCase(), text.replace(" ", "\n")]) {
          const v = parseDeadline(variant, year);
          expect([v.kind, v.start, v.end, v.recurrence]).toEqual([d.kind, d.start, d.end, d.recurrence]);
        }
      }
    }
  });

  test("an open-ended start keeps the text's start in any plan year, and says how it is tracked", () => {
    const open = (text: string, year: number) => parseDeadline(text, year);
    // in the 2025 plan, 2026 has not started: not the plan's year as the start
    expect(core(open("Năm 2026 và các năm tiếp theo", 2025))).toMatchObject({ kind: "recurring", recurrence: "ongoing", start: "2026-01-01", end: "2026-12-31" });
    expect(open("Năm 2026 và các năm tiếp theo", 2025).note).toMatch(/chưa đến hạn trong kế hoạch này/);
    // in the 2026 plan, a 2025 start is tracked through 2026
    expect(core(open("Năm 2025 và các năm tiếp theo", 2026))).toMatchObject({ start: "2025-01-01", end: "2026-12-31" });
    expect(core(open("Quý IV năm 2025 và các năm tiếp theo", 2026))).toMatchObject({ start: "2025-10-01", end: "2026-12-31" });
    expect(core(open("Từ 01/7/2025", 2026))).toMatchObject({ start: "2025-07-01", end: "2026-12-31" });
    expect(open("Từ 01/7/2025", 2026).note).toMatch(/theo dõi mỗi kỳ báo cáo/);
  });

  test("a duration is its own kind with its amount, never a date", () => {
    expect(parseDeadline("0,25 ngày làm việc", PLAN_YEAR).duration).toEqual({ amount: 0.25, unit: "working-day" });
    expect(parseDeadline("03 ngày làm việc, kể từ ngày nhận đủ hồ sơ hợp lệ", PLAN_YEAR).duration).toEqual({ amount: 3, unit: "working-day" });
  });
});

describe("what the kinds mean for statuses, periods and findings in a 2025 plan", () => {
  const parsed = TEXTS.map((text) => ({ text, d: parseDeadline(text, PLAN_YEAR) }));
  // every 14th day from 1/1/2025 to mid 2026
  const days = Array.from({ length: 40 }, (_, i) => addDays("2025-01-01", i * 14));

  test("only a dated deadline whose end has passed is ever 'Quá hạn'; recurring, open-ended, event, external and duration never", () => {
    for (const { text, d } of parsed) {
      for (const asOf of days) {
        const overdue = computeStatus(d, null, asOf) === "overdue";
        const shouldBe = (d.kind === "date" || d.kind === "range") && d.end! < asOf;
        if (overdue !== shouldBe) throw new Error(`${text} as of ${asOf}: overdue=${overdue}`);
      }
    }
  });

  test("an open-ended or yearly deadline is 'Chưa đến hạn' before it starts, then reported like 'Thường xuyên'", () => {
    for (const { text, d } of parsed.filter((p) => p.d.kind === "recurring")) {
      for (const asOf of days) {
        expect([text, asOf, computeStatus(d, null, asOf)]).toEqual([text, asOf, d.start! > asOf ? "not-due" : "recurring"]);
      }
    }
  });

  test("reporting periods of 2025: a duration, event or external deadline is due in none; a period ending after 2025 in none; a recurring one in each period it overlaps", () => {
    const periods = periodsOfYear(PLAN_YEAR);
    for (const { text, d } of parsed) {
      for (const p of periods) {
        const due = dueInPeriod(d, p);
        let want: boolean;
        if (d.kind === "recurring") want = d.start! <= p.calendarEnd && d.end! >= p.calendarStart;
        else if (d.kind === "date" || d.kind === "range") want = d.end! >= p.calendarStart && d.end! <= p.calendarEnd;
        else want = false;
        if (due !== want) throw new Error(`${text} in ${p.token}: due=${due}`);
      }
    }
    const q1 = periods.find((p) => p.token === "Q1-2025")!;
    expect(dueInPeriod(parseDeadline("Năm 2026 và các năm tiếp theo", PLAN_YEAR), q1)).toBe(false);
    expect(dueInPeriod(parseDeadline("Tháng 12 hằng năm", PLAN_YEAR), q1)).toBe(false);
    expect(dueInPeriod(parseDeadline("Hằng năm", PLAN_YEAR), q1)).toBe(true);
  });

  test("a plan of every phrasing: no deadline is reported unreadable; durations, events and other bodies' schedules ask for a date", () => {
    const activities = phrasingActivities();
    const findings = validatePlan({ year: PLAN_YEAR, activities, indicators: [] });
    expect(findings.filter((f) => f.code === "DEADLINE_INVALID" || f.code === "DEADLINE_MISSING")).toEqual([]);
    const undated = new Set(findings.filter((f) => f.code === "DEADLINE_UNDATED").map((f) => f.activityId));
    activities.forEach((a) => {
      const d = parseDeadline(a.deadline, PLAN_YEAR);
      expect([a.deadline, undated.has(a.id)]).toEqual([a.deadline, d.kind === "duration" || d.kind === "event" || d.kind === "external"]);
    });
  });

  test("an open-ended start is outside the plan year only when it starts after it", () => {
    const outside = (deadline: string, year: number) => {
      const [activity] = phrasingActivities().map((x) => ({ ...x, deadline }));
      return validatePlan({ year, activities: [activity], indicators: [] }).some((f) => f.code === "DEADLINE_OUTSIDE_YEAR");
    };
    expect(outside("Năm 2025 và các năm tiếp theo", 2026)).toBe(false);
    expect(outside("Từ 01/7/2025", 2026)).toBe(false);
    expect(outside("Năm 2026 và các năm tiếp theo", 2025)).toBe(true);
    expect(outside("2025 - 2030", 2025)).toBe(true);
    expect(outside("Hằng năm", 2026)).toBe(false);
  });
});
