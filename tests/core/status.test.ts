import { computeStatus, isDone, Status, STATUS_LABELS, STATUSES, statusFromLabel } from "../../src/core/status";
import { parseDeadline } from "../../src/core/deadline";

const D = (t: string) => parseDeadline(t, 2024);

describe("STATUS_LABELS", () => {
  test("Vietnamese and English labels", () => {
    expect(STATUS_LABELS["done-on-time"].vi).toBe("Hoàn thành đúng hạn");
    expect(STATUS_LABELS["done-late"].vi).toBe("Hoàn thành quá hạn");
    expect(STATUS_LABELS["in-progress"].vi).toBe("Đang thực hiện");
    expect(STATUS_LABELS.overdue.vi).toBe("Quá hạn");
    expect(STATUS_LABELS["not-due"].vi).toBe("Chưa đến hạn");
    expect(STATUS_LABELS.recurring.vi).toBe("Thường xuyên");
    for (const s of STATUSES) {
      expect(STATUS_LABELS[s].vi).toBe(STATUS_LABELS[s].vi.normalize("NFC"));
      expect(STATUS_LABELS[s].en.length).toBeGreaterThan(0);
    }
    expect(STATUS_LABELS["no-report"].vi).toBe("Chưa có báo cáo");
    expect(STATUSES).toHaveLength(7);
  });

  test("isDone", () => {
    expect(STATUSES.filter(isDone)).toEqual(["done-on-time", "done-late"]);
  });
});

describe("computeStatus", () => {
  test.each<[string, string | null, string, Status]>([
    // completed
    ["Trước 15/01/2024", "2024-01-10", "2024-03-14", "done-on-time"],
    ["Trước 15/01/2024", "2024-01-15", "2024-03-14", "done-on-time"],
    ["Trước 15/01/2024", "2024-01-16", "2024-03-14", "done-late"],
    ["Quý II", "2024-06-30", "2024-06-30", "done-on-time"],
    ["Quý II", "2024-07-01", "2024-09-14", "done-late"],
    ["Tháng 6, tháng 12", "2024-08-01", "2024-09-14", "done-on-time"],
    ["Theo Kế hoạch của UBND huyện", "2024-05-01", "2024-06-14", "done-on-time"],
    ["Khi có văn bản mới", "2024-05-01", "2024-06-14", "done-on-time"],
    ["", "2024-05-01", "2024-06-14", "done-on-time"],
    ["Thường xuyên", "2024-05-01", "2024-06-14", "done-on-time"],
    ["Thường xuyên", "2025-01-05", "2025-03-14", "done-late"],
    // completed after asOf = not completed at asOf
    ["Trước 15/01/2024", "2024-04-01", "2024-03-14", "overdue"],
    ["Quý II", "2024-06-20", "2024-06-14", "in-progress"],
    // not completed
    ["Thường xuyên", null, "2024-06-14", "recurring"],
    ["Hằng quý", null, "2025-06-14", "recurring"],
    ["Trước 15/01/2024", null, "2024-01-15", "in-progress"],
    ["Trước 15/01/2024", null, "2024-01-16", "overdue"],
    ["Trước 15/01/2024", null, "2024-01-01", "not-due"],
    ["Quý II", null, "2024-03-14", "not-due"],
    ["Quý II", null, "2024-04-01", "in-progress"],
    ["Quý II", null, "2024-06-14", "in-progress"],
    ["Quý II", null, "2024-07-01", "overdue"],
    ["Năm 2024", null, "2024-12-14", "in-progress"],
    ["Tháng 6, tháng 12", null, "2024-05-01", "not-due"],
    ["Tháng 6, tháng 12", null, "2024-07-14", "in-progress"],
    ["Theo quy định", null, "2024-06-14", "in-progress"],
    ["Khi có văn bản mới", null, "2024-06-14", "in-progress"],
    ["", null, "2024-06-14", "in-progress"],
    ["Quý V", null, "2024-06-14", "in-progress"],
    // issue 13: an open-ended start is not due before it starts, then recurring, never overdue
    ["Từ Quý III/2024", null, "2024-06-14", "not-due"],
    ["Từ Quý III/2024", null, "2024-07-01", "recurring"],
    ["Từ Quý III/2024", null, "2025-02-01", "recurring"],
    ["Năm 2025 và các năm tiếp theo", null, "2024-12-14", "not-due"],
    ["Tháng 12 hằng năm", null, "2024-06-14", "not-due"],
    ["Tháng 12 hằng năm", null, "2025-01-10", "recurring"],
    ["Hằng năm", null, "2025-01-10", "recurring"],
    // a multi-year period is not overdue within the plan year; a duration is never a due date
    ["2024 - 2030", null, "2024-12-31", "in-progress"],
    ["0,25 ngày làm việc", null, "2024-06-14", "in-progress"],
    ["0,25 ngày làm việc", "2024-06-01", "2024-06-14", "done-on-time"],
    // an end tied to an event, with its start
    ["Từ tháng 10/2024 đến khi có quyết định", null, "2024-06-14", "not-due"],
    ["Từ tháng 10/2024 đến khi có quyết định", null, "2025-06-14", "in-progress"],
  ])("%p done %p as of %s → %s", (text, done, asOf, status) => {
    expect(computeStatus(D(text), done, asOf)).toBe(status);
  });

  test("an invalid completion date counts as not completed", () => {
    expect(computeStatus(D("Trước 15/01/2024"), "2024-02-30", "2024-03-14")).toBe("overdue");
    expect(computeStatus(D("Trước 15/01/2024"), "", "2024-03-14")).toBe("overdue");
  });

  test("a user date gives an event a due date", () => {
    const d = parseDeadline("Theo Kế hoạch của UBND huyện", 2024, "2024-05-31");
    expect(computeStatus(d, null, "2024-06-14")).toBe("overdue");
    expect(computeStatus(d, "2024-06-01", "2024-06-14")).toBe("done-late");
    expect(computeStatus(d, null, "2024-05-01")).toBe("not-due");
  });
});

describe("statusFromLabel", () => {
  test("every label, in both languages, and every id reads back", () => {
    for (const s of STATUSES) {
      expect(statusFromLabel(STATUS_LABELS[s].vi)).toBe(s);
      expect(statusFromLabel(STATUS_LABELS[s].en)).toBe(s);
      expect(statusFromLabel(STATUS_LABELS[s].vi.toUpperCase())).toBe(s);
      expect(statusFromLabel(STATUS_LABELS[s].vi.normalize("NFD"))).toBe(s);
      expect(statusFromLabel(s)).toBe(s);
    }
  });

  test.each<[string, Status | null]>([
    ["Quá hạn chưa hoàn thành", "overdue"],
    ["quá hạn, chưa hoàn thành", "overdue"],
    ["Chưa hoàn thành (quá hạn)", "overdue"],
    ["qua han", "overdue"],
    ["QUÁ HẠN", "overdue"],
    ["Overdue", "overdue"],
    ["Đang thực hiện (trong hạn)", "in-progress"],
    ["đang thực hiện", "in-progress"],
    ["Dang thuc hien", "in-progress"],
    ["Đang triển khai", "in-progress"],
    ["Chưa hoàn thành", "in-progress"],
    ["In progress", "in-progress"],
    ["ongoing", "in-progress"],
    ["Đang thực hiện (quá hạn)", "overdue"],
    ["Hoàn thành đúng hạn", "done-on-time"],
    ["Đã hoàn thành đúng hạn", "done-on-time"],
    ["Hoàn thành trong hạn", "done-on-time"],
    ["Hoàn thành", "done-on-time"],
    ["Đã hoàn thành", "done-on-time"],
    ["Done", "done-on-time"],
    ["Completed on time", "done-on-time"],
    ["Hoàn thành quá hạn", "done-late"],
    ["Hoàn thành chậm", "done-late"],
    ["Hoàn thành trễ hạn", "done-late"],
    ["Completed late", "done-late"],
    ["Done late", "done-late"],
    ["Chưa đến hạn", "not-due"],
    ["chua den han", "not-due"],
    ["Not yet due", "not-due"],
    ["Not due", "not-due"],
    ["Thường xuyên", "recurring"],
    ["Recurring", "recurring"],
    ["Định kỳ", "recurring"],
    ["", null],
    ["   ", null],
    ["Tư pháp", null],
    ["xyz", null],
  ])("%p → %p", (label, status) => expect(statusFromLabel(label)).toBe(status));
});

describe("one status classifier for labels and completion", () => {
  const { statusFromLabel } = require("../../src/core/status");
  const { completion } = require("../../src/core/targets");
  test.each(["Không hoàn thành", "Chưa hoàn thành", "chua xong", "Không thực hiện"])("%s is not done", (label) => {
    expect(["in-progress", "overdue"]).toContain(statusFromLabel(label));
    expect(completion([label]).done).toBe(0);
  });
  test("completion counts done labels through statusFromLabel", () => {
    expect(completion(["Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đang thực hiện", "Chưa đến hạn", ""], true).text).toBe("2/3");
  });
});
