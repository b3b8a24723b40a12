/**
 * A deterministic sample progress log for the demo workbook: every entry says "Dữ liệu mẫu" in
 * its "who" column, and the log sheet carries a note saying the data are made up. The same plan
 * and as-of date always give the same log (a seeded generator keyed by activity id).
 */
import { addDays, formatViDate } from "./dates";
import { periodsOfYear, type CutoffSettings, DEFAULT_CUTOFF } from "./periods";
import type { Activity } from "./plan";
import { SAMPLE_WHO, trackedDeadline, type LogEntry } from "./progress";
import { seededRandom as rng, seedOf } from "./random";

const EVIDENCE = ["/BC-UBND", "/KH-UBND", "/QĐ-UBND", "/TB-UBND", "/CV-UBND"];
const PAST_OUTCOMES = ["on-time", "late", "on-time", "open", "on-time", "late", "open"] as const;

export function sampleLog(
  plan: { activities: readonly Activity[]; year: number },
  asOf: string,
  settings: CutoffSettings = DEFAULT_CUTOFF,
): LogEntry[] {
  const out: Array<LogEntry & { order: number }> = [];
  let docNo = 1;
  let past = 0;
  const push = (e: Omit<LogEntry, "who">) => out.push({ ...e, who: SAMPLE_WHO, order: out.length });
  const evidence = (r: () => number, date: string) => `${String(docNo++).padStart(2, "0")}${EVIDENCE[Math.floor(r() * EVIDENCE.length)]} ngày ${formatViDate(date)}`;
  const windows = periodsOfYear(plan.year, settings).filter((p) => p.kind === "quarter" && p.cutoffStart <= asOf);
  for (const a of plan.activities) {
    const r = rng(seedOf(`${a.id}|${plan.year}`));
    const d = trackedDeadline(a, plan.year);
    if (d.kind === "recurring") {
      for (const w of windows) {
        const end = w.cutoffEnd < asOf ? w.cutoffEnd : asOf;
        const date = addDays(end, -Math.floor(r() * 10));
        if (date < w.cutoffStart) continue;
        if (r() < 0.8) push({ date, activityId: a.id, status: "done", completedOn: null, evidence: evidence(r, date), note: `Báo cáo kết quả ${w.label}` });
        else push({ date, activityId: a.id, status: "in-progress", completedOn: null, evidence: "", note: `Chưa đủ kết quả ${w.label}` });
      }
      continue;
    }
    if (d.end === null || d.start === null) {
      // No date (event, external, missing): some units still report work under way.
      if (r() < 0.4) {
        const date = addDays(asOf, -20 - Math.floor(r() * 60));
        push({ date, activityId: a.id, status: "in-progress", completedOn: null, evidence: "", note: "Chờ văn bản/kế hoạch của cấp trên" });
      }
      continue;
    }
    const x = r();
    if (d.end <= asOf) {
      // Past deadlines cycle through every outcome, so each status shows in the demo's reports.
      const outcome = PAST_OUTCOMES[past++ % PAST_OUTCOMES.length];
      if (outcome === "on-time") {
        const done = addDays(d.end, -Math.floor(r() * 12));
        const first = addDays(done, -15);
        if (first > d.start && r() < 0.5) push({ date: first, activityId: a.id, status: "in-progress", completedOn: null, evidence: "", note: "Đang triển khai" });
        push({ date: done, activityId: a.id, status: "done", completedOn: done, evidence: evidence(r, done), note: "" });
      } else if (outcome === "late") {
        let done = addDays(d.end, 3 + Math.floor(r() * 20));
        if (done > asOf) done = asOf;
        push({ date: addDays(d.end, -5), activityId: a.id, status: "in-progress", completedOn: null, evidence: "", note: "Chậm tiến độ" });
        if (done > d.end) push({ date: done, activityId: a.id, status: "done", completedOn: done, evidence: evidence(r, done), note: "Hoàn thành chậm so với kế hoạch" });
      } else {
        const date = addDays(d.end, -10);
        push({ date: date >= d.start ? date : d.start, activityId: a.id, status: "in-progress", completedOn: null, evidence: "", note: "Chưa hoàn thành, đang đôn đốc" });
      }
    } else if (d.start <= asOf) {
      if (x < 0.15) {
        const done = addDays(asOf, -5 - Math.floor(r() * 25));
        if (done >= d.start) push({ date: done, activityId: a.id, status: "done", completedOn: done, evidence: evidence(r, done), note: "Hoàn thành trước hạn" });
      } else if (x < 0.65) {
        const date = addDays(asOf, -Math.floor(r() * 40));
        if (date >= d.start) push({ date, activityId: a.id, status: "in-progress", completedOn: null, evidence: "", note: "Đang triển khai" });
      }
    }
  }
  out.sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : p.order - q.order));
  return out.map(({ order: _order, ...e }) => e);
}
