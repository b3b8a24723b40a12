import { parseDeadline, dueWithin, deadlineEnd } from "../../src/core/deadline";

const P = (text: string, userDate?: string | null) => parseDeadline(text, 2024, userDate);

describe("parseDeadline: the DOMAIN.md list", () => {
  test.each<[string, string, string | null, string | null]>([
    ["Trước 15/01/2024", "date", "2024-01-15", "2024-01-15"],
    ["Tháng 01/2024", "range", "2024-01-01", "2024-01-31"],
    ["Năm 2024", "range", "2024-01-01", "2024-12-31"],
    ["Quý II, III/2024", "range", "2024-04-01", "2024-09-30"],
    ["Thường xuyên", "recurring", "2024-01-01", "2024-12-31"],
    ["Theo Kế hoạch của UBND huyện", "external", null, null],
    ["Khi có văn bản mới", "event", null, null],
    ["", "missing", null, null],
  ])("%p → %s %s..%s", (text, kind, start, end) => {
    const d = P(text);
    expect([d.kind, d.start, d.end]).toEqual([kind, start, end]);
    expect(deadlineEnd(d)).toBe(end);
  });

  test("dueWithin basics", () => {
    expect(dueWithin(P("Quý II, III/2024"), "2024-06-01", "2024-06-30")).toBe(true);
    expect(dueWithin(P("Khi có văn bản mới"), "2024-01-01", "2024-12-31")).toBe(false);
  });
});
