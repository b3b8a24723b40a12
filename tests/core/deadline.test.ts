import { parseDeadline, dueWithin, deadlineEnd, isDated, Deadline } from "../../src/core/deadline";

const P = (text: string, userDate?: string | null) => parseDeadline(text, 2024, userDate);
const shape = (d: Deadline) => [d.kind, d.start, d.end];

type Row = [string, Deadline["kind"], string | null, string | null];

describe("parseDeadline: every phrasing of DOMAIN.md's deadline list", () => {
  test.each<Row>([
    ["Trước 15/01/2024", "date", "2024-01-15", "2024-01-15"],
    ["Tháng 01/2024", "range", "2024-01-01", "2024-01-31"],
    ["Năm 2024", "range", "2024-01-01", "2024-12-31"],
    ["Trong năm 2024", "range", "2024-01-01", "2024-12-31"],
    ["Cả năm", "range", "2024-01-01", "2024-12-31"],
    ["Thường xuyên", "recurring", "2024-01-01", "2024-12-31"],
    ["Quý I", "range", "2024-01-01", "2024-03-31"],
    ["Quý II", "range", "2024-04-01", "2024-06-30"],
    ["Quý IV", "range", "2024-10-01", "2024-12-31"],
    ["Quý I/2024", "range", "2024-01-01", "2024-03-31"],
    ["Quý 1/2024", "range", "2024-01-01", "2024-03-31"],
    ["Quý IV/2024", "range", "2024-10-01", "2024-12-31"],
    ["Quý II, III/2024", "range", "2024-04-01", "2024-09-30"],
    ["Quý I, II năm 2024", "range", "2024-01-01", "2024-06-30"],
    ["Quý I-IV năm 2024", "range", "2024-01-01", "2024-12-31"],
    ["6 tháng đầu năm", "range", "2024-01-01", "2024-06-30"],
    ["6 tháng cuối năm", "range", "2024-07-01", "2024-12-31"],
    ["Tháng 6, tháng 12", "range", "2024-06-01", "2024-12-31"],
    ["Định kỳ hằng quý", "recurring", "2024-01-01", "2024-12-31"],
    ["Hằng tháng", "recurring", "2024-01-01", "2024-12-31"],
    ["Trước ngày 31/01/2024", "date", "2024-01-31", "2024-01-31"],
    ["Theo Kế hoạch của UBND huyện", "external", null, null],
    ["Theo lộ trình đề án được phê duyệt", "external", null, null],
    ["Sau khi các cơ quan liên quan công bố chỉ số PAPI…", "event", null, null],
    ["Theo quy định", "external", null, null],
    ["Khi có văn bản mới", "event", null, null],
  ])("%p → %s %s..%s", (text, kind, start, end) => {
    const d = P(text);
    expect(shape(d)).toEqual([kind, start, end]);
    expect(d.reason).toBeUndefined();
    expect(d.userDate).toBeUndefined();
  });
});

describe("parseDeadline: the brief's phrasings and their variants", () => {
  test.each<Row>([
    // dates
    ["15/01/2024", "date", "2024-01-15", "2024-01-15"],
    ["15/1/2024", "date", "2024-01-15", "2024-01-15"],
    ["15-01-2024", "date", "2024-01-15", "2024-01-15"],
    ["15.01.2024", "date", "2024-01-15", "2024-01-15"],
    ["2024-01-15", "date", "2024-01-15", "2024-01-15"],
    ["Trước 15/01", "date", "2024-01-15", "2024-01-15"],
    ["trước ngày 15 tháng 01 năm 2024", "date", "2024-01-15", "2024-01-15"],
    ["Chậm nhất ngày 20/12/2024.", "date", "2024-12-20", "2024-12-20"],
    ["  Trước\n15/01/2024  ", "date", "2024-01-15", "2024-01-15"],
    ["Trước 31/3/2024 hoặc khi có văn bản", "date", "2024-03-31", "2024-03-31"],
    ["Khi có văn bản, chậm nhất 30/6/2024", "date", "2024-06-30", "2024-06-30"],
    ["45306", "date", "2024-01-15", "2024-01-15"],
    ["Từ 01/3/2024 đến 15/4/2024", "range", "2024-03-01", "2024-04-15"],
    ["01/03/2024 – 15/04/2024", "range", "2024-03-01", "2024-04-15"],
    // an open-ended start (issue 13): recurring from the date, tracked to the end of the plan year
    ["Từ ngày 01/3/2024", "recurring", "2024-03-01", "2024-12-31"],
    // months
    ["Tháng 1/2024", "range", "2024-01-01", "2024-01-31"],
    ["tháng 02 năm 2024", "range", "2024-02-01", "2024-02-29"],
    ["Trong tháng 2", "range", "2024-02-01", "2024-02-29"],
    ["T6/2024", "range", "2024-06-01", "2024-06-30"],
    ["01/2024", "range", "2024-01-01", "2024-01-31"],
    ["Từ tháng 3 đến tháng 5", "range", "2024-03-01", "2024-05-31"],
    ["Tháng 3 - tháng 5 năm 2024", "range", "2024-03-01", "2024-05-31"],
    ["Tháng 3–5/2024", "range", "2024-03-01", "2024-05-31"],
    ["Tháng 6 và tháng 12 năm 2024", "range", "2024-06-01", "2024-12-31"],
    ["Tháng 11/2024 - tháng 02/2025", "range", "2024-11-01", "2025-02-28"],
    ["Từ tháng 9", "recurring", "2024-09-01", "2024-12-31"],
    ["Từ quý II/2025", "recurring", "2025-04-01", "2025-12-31"],
    // every year: this plan year's occurrence, recurring
    ["Tháng 12 hằng năm", "recurring", "2024-12-01", "2024-12-31"],
    ["15/01-20/01/2024", "range", "2024-01-15", "2024-01-20"],
    ["01/03/2024–15/04/2024", "range", "2024-03-01", "2024-04-15"],
    // quarters
    ["Quý 4", "range", "2024-10-01", "2024-12-31"],
    ["QII", "range", "2024-04-01", "2024-06-30"],
    ["Q2", "range", "2024-04-01", "2024-06-30"],
    ["Q.2/2024", "range", "2024-04-01", "2024-06-30"],
    ["q3-2024", "range", "2024-07-01", "2024-09-30"],
    ["QUÝ III NĂM 2024", "range", "2024-07-01", "2024-09-30"],
    ["Quí II", "range", "2024-04-01", "2024-06-30"],
    ["Qúy II", "range", "2024-04-01", "2024-06-30"],
    ["quy 2", "range", "2024-04-01", "2024-06-30"],
    ["Quý II, III/2024".normalize("NFD"), "range", "2024-04-01", "2024-09-30"],
    ["Quý \nII, \nIII/2024", "range", "2024-04-01", "2024-09-30"],
    ["Quý II – III/2024", "range", "2024-04-01", "2024-09-30"],
    ["Quý II—III/2024", "range", "2024-04-01", "2024-09-30"],
    ["Quý I đến quý III", "range", "2024-01-01", "2024-09-30"],
    ["Quý I và quý II", "range", "2024-01-01", "2024-06-30"],
    ["Quý I, II năm 2024.", "range", "2024-01-01", "2024-06-30"],
    ["- Quý I-IV năm 2024;", "range", "2024-01-01", "2024-12-31"],
    ["Quý IV/2024, Quý I/2025", "range", "2024-10-01", "2025-03-31"],
    ["Quý IV/2024 - Quý I/2025", "range", "2024-10-01", "2025-03-31"],
    ["Đầu năm 2024", "range", "2024-01-01", "2024-03-31"],
    // halves and years
    ["6 tháng đầu năm 2024", "range", "2024-01-01", "2024-06-30"],
    ["6 tháng cuối năm 2024", "range", "2024-07-01", "2024-12-31"],
    ["9 tháng đầu năm", "range", "2024-01-01", "2024-09-30"],
    ["Nửa đầu năm", "range", "2024-01-01", "2024-06-30"],
    ["Năm 2025", "range", "2025-01-01", "2025-12-31"],
    ["năm 2030", "range", "2030-01-01", "2030-12-31"],
    ["2024", "range", "2024-01-01", "2024-12-31"],
    ["Năm 2024-2025", "range", "2024-01-01", "2025-12-31"],
    ["cả năm", "range", "2024-01-01", "2024-12-31"],
    ["Trong năm", "range", "2024-01-01", "2024-12-31"],
    ["Hằng năm", "recurring", "2024-01-01", "2024-12-31"],
    // "before" / "by" a unit
    ["Trước tháng 6/2024", "date", "2024-05-31", "2024-05-31"],
    ["Trước quý III", "date", "2024-06-30", "2024-06-30"],
    ["Cuối năm 2024", "date", "2024-12-31", "2024-12-31"],
    ["Hết quý II", "date", "2024-06-30", "2024-06-30"],
    ["Chậm nhất tháng 10", "date", "2024-10-31", "2024-10-31"],
    // recurring
    ["Hàng tháng", "recurring", "2024-01-01", "2024-12-31"],
    ["hang thang", "recurring", "2024-01-01", "2024-12-31"],
    ["Hằng quý", "recurring", "2024-01-01", "2024-12-31"],
    ["Định kỳ", "recurring", "2024-01-01", "2024-12-31"],
    ["Định kỳ 6 tháng", "recurring", "2024-01-01", "2024-12-31"],
    ["THƯỜNG XUYÊN", "recurring", "2024-01-01", "2024-12-31"],
    ["Thường\nxuyên", "recurring", "2024-01-01", "2024-12-31"],
    ["Theo định kỳ hằng quý", "recurring", "2024-01-01", "2024-12-31"],
    ["Thường xuyên, liên tục", "recurring", "2024-01-01", "2024-12-31"],
    ["Trước ngày 15 hằng tháng", "recurring", "2024-01-01", "2024-12-31"],
    ["Trước ngày 25 tháng cuối quý", "recurring", "2024-01-01", "2024-12-31"],
    ["Cuối quý II", "date", "2024-06-30", "2024-06-30"],
    ["Năm 2024 và các năm tiếp theo", "recurring", "2024-01-01", "2024-12-31"],
    ["Giai đoạn 2021-2025", "range", "2021-01-01", "2025-12-31"],
    ["Hoàn thành trong Quý II", "range", "2024-04-01", "2024-06-30"],
    ["Thường xuyên; báo cáo hằng quý", "recurring", "2024-01-01", "2024-12-31"],
    // events
    ["Khi có yêu cầu", "event", null, null],
    ["Theo yêu cầu", "event", null, null],
    ["Sau khi các cơ quan liên quan công bố chỉ số PAPI, Bộ Nội vụ công bố chỉ số CCHC tỉnh năm 2024", "event", null, null],
    ["Đột xuất", "event", null, null],
    ["Ngay sau khi có quyết định", "event", null, null],
    // external
    ["Theo hướng dẫn của Sở Nội vụ", "external", null, null],
    ["Theo Kế hoạch của UBND huyện (Quý II)", "external", null, null],
    ["Tùy theo tiến độ của dự án", "external", null, null],
    ["Thực hiện theo lộ trình của tỉnh", "external", null, null],
    ["UBND huyện quyết định, theo kế hoạch chung", "external", null, null],
    // missing
    ["", "missing", null, null],
    ["   \n\t ", "missing", null, null],
  ])("%p → %s %s..%s", (text, kind, start, end) => {
    expect(shape(P(text))).toEqual([kind, start, end]);
  });
});

describe("recurrence and points", () => {
  test.each([
    ["Thường xuyên", "continuous"],
    ["Hằng tháng", "monthly"],
    ["Hàng tháng", "monthly"],
    ["Định kỳ hằng quý", "quarterly"],
    ["Hằng quý", "quarterly"],
    ["Định kỳ", "period"],
    ["Định kỳ 6 tháng", "period"],
    ["6 tháng/lần", "period"],
    ["Trước ngày 25 tháng cuối quý", "quarterly"],
  ])("%p → %s", (text, rec) => expect(P(text).recurrence).toBe(rec));

  test("non-recurring deadlines have no recurrence", () => {
    for (const t of ["Quý II", "Trước 15/01/2024", "Theo quy định", "", "xyz"]) expect(P(t).recurrence).toBeNull();
  });

  test("lists carry their due points; single units and spans do not", () => {
    expect(P("Tháng 6, tháng 12").points).toEqual(["2024-06-30", "2024-12-31"]);
    expect(P("Quý II, III/2024").points).toEqual(["2024-06-30", "2024-09-30"]);
    expect(P("Quý II, IV").points).toEqual(["2024-06-30", "2024-12-31"]);
    expect(P("Quý I, II năm 2024").points).toEqual(["2024-03-31", "2024-06-30"]);
    expect(P("15/06/2024; 15/12/2024").points).toEqual(["2024-06-15", "2024-12-15"]);
    expect(P("Quý I-IV năm 2024").points).toEqual([]);
    expect(P("Quý II").points).toEqual([]);
    expect(P("Từ tháng 3 đến tháng 5").points).toEqual([]);
    expect(P("Trước 15/01/2024").points).toEqual([]);
  });

  test("a plan year applies when the year is left out", () => {
    expect(shape(parseDeadline("Quý II", 2025))).toEqual(["range", "2025-04-01", "2025-06-30"]);
    expect(shape(parseDeadline("Thường xuyên", 2025))).toEqual(["recurring", "2025-01-01", "2025-12-31"]);
    expect(shape(parseDeadline("Trước 15/01", 2025))).toEqual(["date", "2025-01-15", "2025-01-15"]);
    expect(shape(parseDeadline("Quý II/2024", 2025))).toEqual(["range", "2024-04-01", "2024-06-30"]);
  });
});

describe("displays", () => {
  test.each([
    ["Trước 15/01/2024", "Trước 15/01/2024"],
    ["15/1/2024", "Trước 15/01/2024"],
    ["Trước ngày 31/01/2024", "Trước 31/01/2024"],
    ["Tháng 01/2024", "Tháng 01/2024"],
    ["Năm 2024", "Năm 2024"],
    ["Cả năm", "Năm 2024"],
    ["Quý II – III/2024", "Quý II–III/2024"],
    ["Quý II, III/2024", "Quý II, III/2024"],
    ["Quý 1/2024", "Quý I/2024"],
    ["QII", "Quý II/2024"],
    ["Quý I-IV năm 2024", "Quý I–IV/2024"],
    ["Tháng 6, tháng 12", "Tháng 06, 12/2024"],
    ["Từ tháng 3 đến tháng 5", "Tháng 03–05/2024"],
    ["Từ tháng 9", "Từ tháng 09/2024 trở đi"],
    ["Quý I, quý IV và quý II", "Quý I, IV, II/2024"],
    ["Năm 2024 - năm 2024", "Năm 2024"],
    ["6 tháng đầu năm", "6 tháng đầu năm 2024"],
    ["Năm 2024-2025", "Năm 2024–2025"],
    ["Từ 01/3/2024 đến 15/4/2024", "Từ 01/03/2024 đến 15/04/2024"],
    ["Quý IV/2024, Quý I/2025", "Quý IV/2024, Quý I/2025"],
    ["Thường xuyên", "Thường xuyên"],
    ["Hàng tháng", "Hằng tháng"],
    ["Định kỳ hằng quý", "Hằng quý"],
    ["Định kỳ", "Định kỳ"],
    ["Theo   Kế hoạch\ncủa UBND huyện", "Theo Kế hoạch của UBND huyện"],
    ["", ""],
  ])("%p → %p", (text, display) => expect(P(text).display).toBe(display));

  test("the display is NFC even for NFD input", () => {
    const d = P("Theo quy định".normalize("NFD"));
    expect(d.display).toBe("Theo quy định");
    expect(d.display).toBe(d.display.normalize("NFC"));
  });
});

describe("invalid deadlines carry a reason in Vietnamese and English", () => {
  test.each([
    ["30/02/2024", /29 ngày/, /29 days/],
    ["29/02/2023", /28 ngày/, /28 days/],
    ["31/04", /30 ngày/, /30 days/],
    ["Trước 31/04/2024", /30 ngày/, /30 days/],
    ["15/13/2024", /tháng 13/, /month 13/],
    ["Tháng 13", /Tháng không hợp lệ: 13/, /Invalid month: 13/],
    ["Tháng 0/2024", /Tháng không hợp lệ/, /Invalid month/],
    ["Quý V", /Quý không hợp lệ: V/, /Invalid quarter: V/],
    ["Quý 5/2024", /Quý không hợp lệ: 5/, /Invalid quarter: 5/],
    ["Quý III–I/2024", /ngược/, /Reversed/],
    ["Từ 15/04/2024 đến 01/03/2024", /ngược/, /Reversed/],
    ["Trước 30/02/2024 hoặc khi có văn bản", /29 ngày/, /29 days/],
    ["abc", /Không nhận dạng được/, /Unrecognised/],
    ["Tuần thứ 3", /Không nhận dạng được/, /Unrecognised/],
    ["18 tháng", /Không nhận dạng được/, /Unrecognised/],
    ["Chưa xác định", /Không nhận dạng được/, /Unrecognised/],
    ["???", /Không nhận dạng được/, /Unrecognised/],
  ])("%p", (text, vi, en) => {
    const d = P(text);
    expect(d.kind).toBe("invalid");
    expect([d.start, d.end]).toEqual([null, null]);
    expect(d.reason).toMatch(vi);
    expect(d.reasonEn).toMatch(en);
    expect(d.display).toBe(text.trim());
  });

  test("a year far from the plan year is parsed, not invalid (that is a validator rule)", () => {
    expect(shape(P("Quý II/2019"))).toEqual(["range", "2019-04-01", "2019-06-30"]);
    expect(shape(P("Trước 15/01/2099"))).toEqual(["date", "2099-01-15", "2099-01-15"]);
  });
});

describe("userDate", () => {
  test.each(["Theo Kế hoạch của UBND huyện", "Khi có văn bản mới", "30/02/2024", "", "abc"])("%p takes the user's date", (text) => {
    const d = P(text, "2024-05-20");
    expect(d).toMatchObject({ kind: "date", start: "2024-05-20", end: "2024-05-20", userDate: true, display: "Trước 20/05/2024", points: [] });
    expect(d.reason).toBeUndefined();
  });

  test("a dated text keeps its own date by default", () => {
    for (const t of ["Quý II", "Trước 15/01/2024", "Thường xuyên"]) {
      const d = P(t, "2024-05-20");
      expect(d.userDate).toBeUndefined();
      expect(d).toEqual(P(t));
    }
  });

  test("overrideDated lets the user's date win over a dated text", () => {
    const d = parseDeadline("Quý II", 2024, "2024-05-20", { overrideDated: true });
    expect(shape(d)).toEqual(["date", "2024-05-20", "2024-05-20"]);
    expect(d.userDate).toBe(true);
  });

  test("an invalid or absent user date is ignored; dd/mm/yyyy is accepted", () => {
    expect(P("Khi có văn bản mới", "2024-02-30").kind).toBe("event");
    expect(P("Khi có văn bản mới", "nonsense").kind).toBe("event");
    expect(P("Khi có văn bản mới", null).kind).toBe("event");
    expect(P("Khi có văn bản mới", "20/05/2024").start).toBe("2024-05-20");
  });
});

describe("dueWithin", () => {
  test("a date is due when it is inside the window (inclusive)", () => {
    const d = P("Trước 15/01/2024");
    expect(dueWithin(d, "2024-01-01", "2024-03-31")).toBe(true);
    expect(dueWithin(d, "2024-01-15", "2024-01-15")).toBe(true);
    expect(dueWithin(d, "2024-01-16", "2024-03-31")).toBe(false);
    expect(dueWithin(d, "2023-10-01", "2024-01-14")).toBe(false);
  });

  test("a range falls due at its end", () => {
    const q2 = P("Quý II");
    expect(dueWithin(q2, "2024-04-01", "2024-06-30")).toBe(true);
    expect(dueWithin(q2, "2024-01-01", "2024-06-14")).toBe(false);
    expect(dueWithin(P("Năm 2024"), "2024-10-01", "2024-12-31")).toBe(true);
    expect(dueWithin(P("Năm 2024"), "2024-01-01", "2024-09-30")).toBe(false);
    expect(dueWithin(P("Quý I-IV năm 2024"), "2024-04-01", "2024-06-30")).toBe(false);
  });

  test("a list is due when any point is inside", () => {
    const l = P("Tháng 6, tháng 12");
    expect(dueWithin(l, "2024-04-01", "2024-06-30")).toBe(true);
    expect(dueWithin(l, "2024-07-01", "2024-09-30")).toBe(false);
    expect(dueWithin(l, "2024-10-01", "2024-12-31")).toBe(true);
    const q = P("Quý II, III/2024");
    expect(dueWithin(q, "2024-07-01", "2024-09-30")).toBe(true);
    expect(dueWithin(q, "2024-01-01", "2024-03-31")).toBe(false);
  });

  test("recurring deadlines are due whenever the window overlaps the plan year", () => {
    const r = P("Thường xuyên");
    expect(dueWithin(r, "2024-04-01", "2024-06-30")).toBe(true);
    expect(dueWithin(r, "2023-12-15", "2024-01-01")).toBe(true);
    expect(dueWithin(r, "2025-01-01", "2025-03-31")).toBe(false);
    expect(dueWithin(P("Hằng quý"), "2023-01-01", "2023-12-31")).toBe(false);
  });

  test("undated deadlines are never due", () => {
    for (const t of ["Theo quy định", "Khi có văn bản mới", "", "abc"]) {
      expect(dueWithin(P(t), "1900-01-01", "9999-12-31")).toBe(false);
      expect(deadlineEnd(P(t))).toBeNull();
      expect(isDated(P(t))).toBe(false);
    }
  });

  test("an empty window contains nothing", () => {
    expect(dueWithin(P("Trước 15/01/2024"), "2024-02-01", "2024-01-01")).toBe(false);
  });
});

describe("the real deadlines of the Hồng Lộc 2024 appendix (seed, as extracted, line breaks kept)", () => {
  // Every "Thời gian hoàn thành" cell of seed/000_122b22815aff8c9c.txt's appendix, as the PDF
  // extraction split it across lines.
  test.each<Row>([
    ["Trước \n\n15/01/2024 ", "date", "2024-01-15", "2024-01-15"],
    ["Năm 2024  ", "range", "2024-01-01", "2024-12-31"],
    ["Tháng \n\n01/2024 ", "range", "2024-01-01", "2024-01-31"],
    ["Thường \n\nxuyên ", "recurring", "2024-01-01", "2024-12-31"],
    ["Theo Kế \n\nhoạch của \n\nUBND \n\nhuyện ", "external", null, null],
    [
      "Sau khi các \n\ncơ quan \n\nliên quan \n\ncông bố \n\nchỉ số \n\nPAPI, Bộ \n\nNội vụ \n\ncông bố \n\nchỉ số \n\nCCHC tỉnh \n\nnăm 2024 ",
      "event", null, null,
    ],
    ["Quý II, \n\nIII/2024 ", "range", "2024-04-01", "2024-09-30"],
    ["Quý I  ", "range", "2024-01-01", "2024-03-31"],
    ["Quý II ", "range", "2024-04-01", "2024-06-30"],
    ["Quý IV ", "range", "2024-10-01", "2024-12-31"],
    ["Quý \n\nIV/2024 ", "range", "2024-10-01", "2024-12-31"],
    ["Quý  \n\nI/2024 ", "range", "2024-01-01", "2024-03-31"],
    ["Quý I, II \n\nnăm 2024 ", "range", "2024-01-01", "2024-06-30"],
    ["Theo lộ \n\ntrình đề án \n\nđược phê \n\nduyệt ", "external", null, null],
    ["Quý I-IV \n\nnăm 2024 ", "range", "2024-01-01", "2024-12-31"],
  ])("%p", (text, kind, start, end) => {
    const d = P(text);
    expect(shape(d)).toEqual([kind, start, end]);
    expect(d.display).not.toMatch(/\n/);
  });
});
