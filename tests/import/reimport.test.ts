/** Re-import matching: by id first, then by wording similarity within a group, then across groups. */
import { makeActivities, type Activity, type ActivityFields } from "../../src/core/plan";
import { activitySimilarity, diffPlans, reconciledActivities } from "../../src/import/reimport";
import { importDocx } from "../../src/import/importFile";
import { buildDocx } from "../helpers/docxWriter";
import { SEED_ROWS } from "./fixtures/seedSubset";

const base: ActivityFields[] = [
  { group: "I", objectiveNo: "1.1", objective: "Nâng cao chất lượng công tác chỉ đạo điều hành", taskNo: "2.1", task: "Ban hành Kế hoạch CCHC năm 2024 của xã", activityNo: "3.1", activity: "Xây dựng dự thảo văn bản đề xuất mục tiêu, nhiệm vụ", output: "Văn bản", lead: "Tư pháp", partners: "Các ban ngành cấp xã", deadline: "Trước 15/01/2024", budget: "" },
  { group: "I", objectiveNo: "1.1", objective: "Nâng cao chất lượng công tác chỉ đạo điều hành", taskNo: "2.1", task: "Ban hành Kế hoạch CCHC năm 2024 của xã", activityNo: "3.2", activity: "Tổng hợp và xin ý kiến, hoàn thiện dự thảo, trình Chủ tịch UBND xã ban hành", output: "Kế hoạch", lead: "Tư pháp", partners: "", deadline: "Tháng 01/2024", budget: "" },
  { group: "I", objectiveNo: "1.4", objective: "Tối thiểu 35% cơ quan đơn vị được kiểm tra CCHC trong năm 2024", taskNo: "2.9", task: "Tổ chức kiểm tra CCHC", activityNo: "3.12", activity: "Ban hành Kế hoạch Kiểm tra CCHC", output: "Kế hoạch", lead: "Tư pháp", partners: "", deadline: "Quý II/2024", budget: "" },
  { group: "I", objectiveNo: "1.4", objective: "Tối thiểu 35% cơ quan đơn vị được kiểm tra CCHC trong năm 2024", taskNo: "2.9", task: "Tổ chức kiểm tra CCHC", activityNo: "3.13", activity: "Thông báo lịch kiểm tra và tiến hành kiểm tra tại địa phương", output: "Thông báo", lead: "Tư pháp", partners: "", deadline: "Quý II/2024", budget: "" },
  { group: "II", objectiveNo: "1.1", objective: "Phấn đấu 100% văn bản QPPL được triển khai", taskNo: "2.1", task: "Rà soát văn bản QPPL", activityNo: "3.1", activity: "Lập danh mục văn bản cần rà soát", output: "Danh mục", lead: "Tư pháp", partners: "", deadline: "Quý I", budget: "" },
];

const existing = makeActivities(base);
const edit = (i: number, f: Partial<ActivityFields>): ActivityFields => ({ ...base[i], ...f });

describe("diffPlans", () => {
  test("the same plan: everything matched by id, nothing changed", () => {
    const d = diffPlans(existing, makeActivities(base));
    expect(d.matched.map((m) => [m.by, m.changes])).toEqual(existing.map(() => ["id", []]));
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
  });

  test("renumbered activity (same wording): same id, matched by id, the number is the change", () => {
    const incoming = makeActivities([base[0], base[1], edit(2, { activityNo: "3.14" }), edit(3, { activityNo: "3.15" }), base[4]]);
    const d = diffPlans(existing, incoming);
    expect(d.matched.filter((m) => m.changes.length).map((m) => [m.from.activityNo, m.to.activityNo, m.by, m.changes])).toEqual([
      ["3.12", "3.14", "id", ["activityNo"]],
      ["3.13", "3.15", "id", ["activityNo"]],
    ]);
  });

  test("edited owner and deadline keep the id", () => {
    const incoming = makeActivities([base[0], edit(1, { lead: "Văn phòng - Thống kê", deadline: "Quý I/2024" }), base[2], base[3], base[4]]);
    const d = diffPlans(existing, incoming);
    const m = d.matched.find((x) => x.from.id === existing[1].id)!;
    expect(m.by).toBe("id");
    expect(m.to.id).toBe(existing[1].id);
    expect(m.changes).toEqual(["lead", "deadline"]);
  });

  test("reworded and renumbered activity: matched by similarity, takes the existing id", () => {
    const incoming = makeActivities([base[0], base[1], edit(2, { activityNo: "3.20", activity: "Ban hành Kế hoạch kiểm tra công tác CCHC năm 2024" }), base[3], base[4]]);
    expect(incoming[2].id).not.toBe(existing[2].id);
    const d = diffPlans(existing, incoming);
    const m = d.matched.find((x) => x.from.id === existing[2].id)!;
    expect(m.by).toBe("similarity");
    expect(m.to.id).toBe(existing[2].id);
    expect(m.to.activity).toBe("Ban hành Kế hoạch kiểm tra công tác CCHC năm 2024");
    expect(m.changes).toEqual(["activityNo", "activity"]);
    expect(d.added).toEqual([]);
    expect(d.removed).toEqual([]);
    expect(activitySimilarity(existing[2], incoming[2])).toBeGreaterThanOrEqual(0.75);
  });

  test("removed and added activities", () => {
    const newOne: ActivityFields = { ...base[4], activityNo: "3.2", activity: "Công bố kết quả rà soát trên Cổng thông tin điện tử xã", output: "Báo cáo" };
    const incoming = makeActivities([base[0], base[2], base[3], base[4], newOne]);
    const d = diffPlans(existing, incoming);
    expect(d.removed.map((a) => a.id)).toEqual([existing[1].id]);
    expect(d.added.map((a) => a.activity)).toEqual([newOne.activity]);
    expect(d.matched).toHaveLength(4);
  });

  test("greedy best pair: two similar activities are paired with their closest rewordings", () => {
    const incoming = makeActivities([
      base[0],
      base[1],
      edit(3, { activity: "Thông báo lịch kiểm tra, tiến hành kiểm tra tại địa phương" }),
      edit(2, { activity: "Ban hành Kế hoạch kiểm tra CCHC năm 2024" }),
      base[4],
    ]);
    const d = diffPlans(existing, incoming);
    const pairs = d.matched.filter((m) => m.by === "similarity").map((m) => [m.from.activityNo, m.to.activity]);
    expect(pairs).toEqual([
      ["3.13", "Thông báo lịch kiểm tra, tiến hành kiểm tra tại địa phương"],
      ["3.12", "Ban hành Kế hoạch kiểm tra CCHC năm 2024"],
    ]);
  });

  test("wording too different → removed + added (never forced)", () => {
    const incoming = makeActivities([base[0], base[1], base[2], edit(3, { activity: "Tập huấn nghiệp vụ văn thư lưu trữ" }), base[4]]);
    const d = diffPlans(existing, incoming);
    expect(d.removed.map((a) => a.activityNo)).toEqual(["3.13"]);
    expect(d.added.map((a) => a.activity)).toEqual(["Tập huấn nghiệp vụ văn thư lưu trữ"]);
  });

  test("similarity never pairs across groups unless the wording is near-identical (a group inserted before renumbers the rest)", () => {
    // Group II becomes III (a new group II inserted): same wording, new group → new id.
    const incoming = makeActivities([base[0], base[1], base[2], base[3], { ...base[4], group: "III" }]);
    const d = diffPlans(existing, incoming);
    const m = d.matched.find((x) => x.from.id === existing[4].id)!;
    expect(m.by).toBe("similarity");
    expect(m.to.id).toBe(existing[4].id);
    expect(m.changes).toEqual(["group"]);
    // A loosely similar activity in another group is not matched.
    const other = makeActivities([base[0], base[1], base[2], base[3], { ...base[4], group: "III", activity: "Lập danh mục văn bản cần sửa đổi, bổ sung" }]);
    const d2 = diffPlans(existing, other);
    expect(d2.removed.map((a) => a.id)).toEqual([existing[4].id]);
  });

  test("reconciledActivities: incoming order, existing ids where matched", () => {
    const incoming = makeActivities([edit(2, { activityNo: "3.20", activity: "Ban hành Kế hoạch kiểm tra công tác CCHC năm 2024" }), base[0]]);
    const d = diffPlans(existing, incoming);
    const out = reconciledActivities(d, incoming);
    expect(out.map((a) => a.id)).toEqual([existing[2].id, existing[0].id]);
    expect(out[0].activity).toBe("Ban hành Kế hoạch kiểm tra công tác CCHC năm 2024");
  });

  test("a revised .docx appendix against the imported one: ids of unchanged and reworded activities survive", () => {
    const first = importDocx(buildDocx({ body: [{ table: { rows: SEED_ROWS } }] })).activities;
    // Revision: 3.13 reworded, 3.17 removed, the 3.12… cell renumbered to 3.22….
    const revisedRows = JSON.parse(JSON.stringify(SEED_ROWS)) as typeof SEED_ROWS;
    const r6 = revisedRows[6] as Array<string | object>;
    r6[3] = "3.22 Ban hành Kế hoạch Kiểm tra CCHC 3.23. Thông báo lịch kiểm tra, tiến hành kiểm tra tại các địa phương 3.24. Biên bản kiểm tra\n3.25. Báo cáo kết quả kiểm tra\n3.26. Ban hành Văn bản chỉ đạo khắc phục tồn tại, hạn chế sau kiểm tra";
    revisedRows.splice(7, 1);
    const second = importDocx(buildDocx({ body: [{ table: { rows: revisedRows } }] })).activities;
    const d = diffPlans(first, second);
    expect(d.removed.map((a) => a.activityNo)).toEqual(["3.17"]);
    expect(d.added).toEqual([]);
    const reworded = d.matched.find((m) => m.to.activityNo === "3.23")!;
    expect(reworded.by).toBe("similarity");
    expect(reworded.from.activityNo).toBe("3.13");
    expect(d.matched.filter((m) => m.by === "id")).toHaveLength(first.length - 2);
    const kept: Activity[] = reconciledActivities(d, second);
    expect(new Set(kept.map((a) => a.id)).size).toBe(kept.length);
    expect(kept.every((a) => first.some((f) => f.id === a.id))).toBe(true);
  });
});
