import { HONG_LOC_2024 } from "../../src/data/hongLoc2024";
import { makeActivities, type ActivityFields, type Plan } from "../../src/core/plan";
import { validatePlan, countBySeverity } from "../../src/core/validate/validate";
import type { Finding, RuleCode } from "../../src/core/validate/rules";
import { topicOverlap } from "../../src/core/validate/targetConflicts";

const plan = HONG_LOC_2024;
const findings = validatePlan(plan, { headerLines: plan.appendixHeader });
const idOf = (group: string, activityNo: string, nth = 0) => plan.activities.filter((a) => a.group === group && a.activityNo === activityNo)[nth].id;
const at = (code: RuleCode) => findings.filter((f) => f.code === code);
const ids = (list: Finding[]) => new Set(list.map((f) => f.activityId));

describe("validatePlan on the Hồng Lộc 2024 appendix: every defect DOMAIN.md lists", () => {
  test("empty Chủ trì cells: I 3.5, V 3.5 and 3.6, VI 3.4, VII.B 3.1 — and no others", () => {
    const expected = [idOf("I", "3.5"), idOf("V", "3.5"), idOf("V", "3.6"), idOf("VI", "3.4"), idOf("VII.B", "3.1")];
    expect(ids(at("OWNER_MISSING"))).toEqual(new Set(expected));
    for (const f of at("OWNER_MISSING")) expect(f.severity).toBe("error");
  });

  test("the empty output of VII.B 3.4", () => {
    expect(ids(at("OUTPUT_MISSING")).has(idOf("VII.B", "3.4"))).toBe(true);
  });

  test("collective owners make nobody accountable", () => {
    const collective = at("OWNER_COLLECTIVE");
    const names = new Set(collective.map((f) => f.message.match(/"([^"]+)"/)![1]));
    expect(names).toContain("Các ban, ngành cấp xã");
    const leads = new Set(plan.activities.map((a) => a.lead));
    for (const name of ["Các ban, ngành liên quan", "Các cơ quan chủ trì các lĩnh vực CCHC xã"]) {
      if ([...leads].some((l) => l.includes(name))) expect([...names].some((n) => n.includes(name))).toBe(true);
    }
    // Every activity whose whole lead is a collective is reported.
    for (const a of plan.activities.filter((x) => /^Các ban, ngành/.test(x.lead))) expect(ids(collective).has(a.id)).toBe(true);
  });

  test("lines left from the provincial template", () => {
    const texts = at("TEMPLATE_LEFTOVER").map((f) => f.message);
    expect(texts.some((t) => t.includes("HĐND tỉnh và UBND tỉnh"))).toBe(true);
    expect(texts.some((t) => t.includes("trình UBND tỉnh ban hành"))).toBe(true);
    expect(at("TEMPLATE_LEFTOVER").some((f) => f.column === "title" && f.message.includes("Chủ tịch UBND tỉnh"))).toBe(true);
    // A legitimate reference to a provincial scheme is not a leftover.
    expect(texts.some((t) => t.includes("Đề án UBND tỉnh triển khai"))).toBe(false);
  });

  test("targets that disagree with the plan body: 35% vs 50%, 70% vs 80%, 90% vs 100%", () => {
    const messages = at("TARGET_CONFLICT").map((f) => f.message);
    expect(messages.some((m) => /35%.*50%/.test(m))).toBe(true);
    expect(messages.some((m) => /70%.*80%/.test(m))).toBe(true);
    expect(messages.some((m) => /90%.*100%/.test(m))).toBe(true);
    expect(messages.length).toBeLessThanOrEqual(4);
  });

  test("numbering: 3.12 twice in group I; III skips objective 1.3 and activities 3.2, 3.7", () => {
    expect(at("NUMBER_DUPLICATE").some((f) => f.activityId === idOf("I", "3.12", 1))).toBe(true);
    const skipped = at("NUMBER_SKIPPED").filter((f) => f.message.startsWith("Nhóm III:"));
    expect(skipped.some((f) => f.column === "activityNo" && /3\.2\b/.test(f.message) && /3\.7\b/.test(f.message))).toBe(true);
    expect(skipped.some((f) => f.column === "objectiveNo" && /1\.3\b/.test(f.message))).toBe(true);
  });

  test("deadlines with no date: the district's plan, the publication of indices", () => {
    const undated = at("DEADLINE_UNDATED");
    expect(undated.some((f) => f.message.includes("Theo Kế hoạch của UBND huyện"))).toBe(true);
    expect(undated.some((f) => f.message.includes("Sau khi"))).toBe(true);
    // A user-given date silences the finding for that activity.
    const id = undated[0].activityId;
    const again = validatePlan(plan, { progress: { [id]: { userDeadline: "2024-05-31" } } });
    expect(again.some((f) => f.code === "DEADLINE_UNDATED" && f.activityId === id)).toBe(false);
  });

  test("clean rows produce no error: errors only where a cell is empty", () => {
    for (const f of findings.filter((x) => x.severity === "error")) {
      const a = plan.activities.find((x) => x.id === f.activityId)!;
      expect(f.column === "lead" ? a.lead : a.deadline).toBe("");
    }
    const clean = plan.activities.find((a) => a.group === "I" && a.activityNo === "3.1")!;
    expect(findings.filter((f) => f.activityId === clean.id && f.severity !== "info")).toEqual([]);
  });

  test("every finding has a code, severity, Vietnamese and English messages and a suggestion", () => {
    for (const f of findings) {
      expect(f.message).toMatch(/[^\x00-\x7F]/);
      expect(f.messageEn.length).toBeGreaterThan(5);
      expect(f.suggestion.length).toBeGreaterThan(3);
      expect(["error", "warning", "info"]).toContain(f.severity);
    }
    const c = countBySeverity(findings);
    expect(c.error).toBeGreaterThan(0);
  });

  test("a province can switch a rule off or change its severity", () => {
    const quiet = validatePlan(plan, { config: { disabled: ["NUMBER_SKIPPED"], severity: { OWNER_COLLECTIVE: "info" } } });
    expect(quiet.some((f) => f.code === "NUMBER_SKIPPED")).toBe(false);
    expect(quiet.filter((f) => f.code === "OWNER_COLLECTIVE").every((f) => f.severity === "info")).toBe(true);
  });

  test("overdue activities are reported once there is an as-of date", () => {
    const late = validatePlan(plan, { asOf: "2024-03-01" }).filter((f) => f.code === "DEADLINE_OVERDUE");
    expect(late.some((f) => f.activityId === idOf("I", "3.1"))).toBe(true); // Trước 15/01/2024
    const done = validatePlan(plan, { asOf: "2024-03-01", progress: { [idOf("I", "3.1")]: { completedOn: "2024-01-10" } } });
    expect(done.some((f) => f.code === "DEADLINE_OVERDUE" && f.activityId === idOf("I", "3.1"))).toBe(false);
  });
});

describe("validatePlan on a plan unlike the seed", () => {
  const row = (over: Partial<ActivityFields>): ActivityFields => ({
    group: "I", objectiveNo: "1.1", objective: "Nâng cao chất lượng công tác chỉ đạo", taskNo: "2.1", task: "Ban hành kế hoạch",
    activityNo: "3.1", activity: "Xây dựng dự thảo", output: "Kế hoạch", lead: "Văn phòng - Thống kê", partners: "Tư pháp - Hộ tịch",
    deadline: "Quý I/2025", budget: "", ...over,
  });
  const other: Plan = {
    unit: "UBND xã Thạch Kim", commune: "Thạch Kim", province: "Hà Tĩnh", year: 2025, title: "Kế hoạch CCHC năm 2025", groups: [{ id: "I", title: "CHỈ ĐẠO" }],
    indicators: [{ id: "BODY-1", text: "Tỷ lệ hồ sơ trực tuyến toàn trình đạt 60%", target: 0.6, comparator: ">=", unit: "percent" }],
    activities: makeActivities([
      row({}),
      row({ activityNo: "3.2", activity: "Trình ký", lead: "VP-TK", partners: "Văn phòng - Thống kê; Công an xã", deadline: "30/02/2025" }),
      row({ activityNo: "3.3", activity: "Tuyên truyền", lead: "Ban Văn hoá thông tin", partners: "Đoàn thanh niên xã và Hội Phụ nữ", deadline: "Quý V" }),
      row({ activityNo: "3.4", activity: "Báo cáo", lead: "Phòng Giáo dục huyện", deadline: "Tháng 12/2024" }),
      row({ activityNo: "3.5", activity: "Khảo sát", lead: "Ban Quản lý chợ", deadline: "" }),
      row({ objectiveNo: "1.2", objective: "Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 45%", activityNo: "3.6", activity: "Hướng dẫn nộp hồ sơ", deadline: "Thường xuyên" }),
    ]),
  };
  const f = validatePlan(other);
  const of = (n: string) => other.activities.find((a) => a.activityNo === n)!.id;
  const codes = (n: string) => f.filter((x) => x.activityId === of(n)).map((x) => x.code);

  test("a clean row has no finding", () => expect(codes("3.1")).toEqual([]));
  test("abbreviations resolve; the lead repeated as partner is noted", () => {
    expect(codes("3.2")).toContain("OWNER_ALSO_PARTNER");
    expect(codes("3.2")).not.toContain("OWNER_UNKNOWN");
    expect(codes("3.2")).toContain("DEADLINE_INVALID");
  });
  test("old tone marks and prefixes resolve; Quý V is invalid", () => {
    expect(codes("3.3")).not.toContain("OWNER_UNKNOWN");
    expect(codes("3.3")).toContain("DEADLINE_INVALID");
  });
  test("an outside owner and a deadline in another year", () => {
    expect(codes("3.4")).toEqual(expect.arrayContaining(["OWNER_OUTSIDE", "DEADLINE_OUTSIDE_YEAR"]));
  });
  test("an unknown owner and a missing deadline", () => {
    expect(codes("3.5")).toEqual(expect.arrayContaining(["OWNER_UNKNOWN", "DEADLINE_MISSING"]));
  });
  test("a target conflict in another wording", () => {
    expect(f.some((x) => x.code === "TARGET_CONFLICT" && /45%.*60%/.test(x.message))).toBe(true);
    expect(topicOverlap("Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 45%", "Mức độ hài lòng của người dân đạt 94%")).toBeLessThan(0.6);
  });
});
