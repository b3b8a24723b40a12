import { checkEntryDates, parseDateField } from "../../src/core/entryDates";
import { identityDifferences } from "../../src/core/planIdentity";
import { statusChange, statusReason } from "../../src/core/statusReason";
import { parseDeadline } from "../../src/core/deadline";

const ctx = { today: "2026-12-07", planYear: 2025 };

describe("checkEntryDates", () => {
  test("an update dated after today is refused, saying both dates", () => {
    const p = checkEntryDates({ date: "2027-03-15", completedOn: null }, ctx);
    expect(p).toEqual([expect.objectContaining({ field: "date", severity: "error" })]);
    expect(p[0].vi).toContain("15/03/2027");
    expect(p[0].vi).toContain("07/12/2026");
    expect(p[0].en).toMatch(/after today/);
  });
  test("a completion after the update is refused", () => {
    const p = checkEntryDates({ date: "2025-05-20", completedOn: "2025-05-28" }, ctx);
    expect(p.map((x) => [x.field, x.severity])).toEqual([["completedOn", "error"]]);
    expect(p[0].vi).toContain("28/05/2025");
  });
  test("today and a completion on the update's date are fine; a date outside the plan year is a warning", () => {
    expect(checkEntryDates({ date: "2025-05-20", completedOn: "2025-05-20" }, ctx)).toEqual([]);
    const w = checkEntryDates({ date: "2026-01-05", completedOn: "2025-12-30" }, ctx);
    expect(w).toEqual([expect.objectContaining({ field: "date", severity: "warning" })]);
    expect(w[0].en).toMatch(/outside the plan year 2025/);
  });
  test("what is not a date says how to type one", () => {
    expect(checkEntryDates({ date: "31/02/2025", completedOn: null }, ctx)[0].vi).toMatch(/ngày\/tháng\/năm/);
  });
});

describe("parseDateField", () => {
  test("day first whatever the browser's locale; bare digits are not dates", () => {
    expect(parseDateField("01/12/2025")).toBe("2025-12-01");
    expect(parseDateField("5/3/24")).toBe("2024-03-05");
    expect(parseDateField("2025-12-01")).toBe("2025-12-01");
    expect(parseDateField("2024")).toBeNull();
    expect(parseDateField("45306")).toBeNull();
    expect(parseDateField("13/13/2025")).toBeNull();
  });
});

describe("identityDifferences", () => {
  test("another commune or another year; 'xã' and tone placement do not count", () => {
    expect(identityDifferences({ commune: "Xã Hồng Lộc", year: 2024 }, { commune: "Hồng Lộc", year: 2024 })).toEqual([]);
    expect(identityDifferences({ commune: "Thanh Hoá", year: 2024 }, { commune: "xã Thanh Hóa", year: 2024 })).toEqual([]);
    expect(identityDifferences({ commune: "Hồng Lộc", year: 2024 }, { commune: "Thạch Kim", year: 2025 })).toEqual(["commune", "year"]);
    expect(identityDifferences({ commune: "", year: 2025 }, { commune: "Thạch Kim", year: 2024 })).toEqual(["year"]);
  });
});

describe("statusReason / statusChange", () => {
  const d = parseDeadline("Quý II", 2024);
  test("done late names the completion date and the deadline", () => {
    const r = statusReason({ status: "done-late", deadline: d, asOf: "2024-09-14", doneOn: "2024-07-02" });
    expect(r.vi).toBe("hoàn thành ngày 02/07/2024, sau hạn 30/06/2024");
    expect(statusChange("overdue", "done-late", r).en).toBe('Status: "Overdue" → "Completed late": completed on 02/07/2024, after the deadline 30/06/2024.');
  });
  test("an entry dated after the as-of date explains why nothing changed", () => {
    const r = statusReason({ status: "overdue", deadline: d, asOf: "2024-09-14", doneOn: null, latestEntryDate: "2024-10-01" });
    expect(r.vi).toMatch(/01\/10\/2024, sau ngày tính trạng thái 14\/09\/2024/);
    expect(statusChange("overdue", "overdue", r).vi).toMatch(/^Trạng thái vẫn là "Quá hạn"/);
  });
});
