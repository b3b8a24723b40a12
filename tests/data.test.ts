/**
 * Pins the embedded default plan (src/data/hongLoc2024.ts) against the source appendix:
 * counts, ids, NFC, a field-by-field sample across groups, the documented defects, metadata
 * and the plan body's indicators. A change to the transcription must change this file too.
 */
import { HONG_LOC_2024 as plan } from "../src/data/hongLoc2024";
import { ACTIVITY_TEXT_FIELDS, planTree, topGroup, type Activity, type ActivityFields } from "../src/core/plan";

/** The nth (0-based) activity of a group carrying a document number (numbers repeat: I has 3.12 twice). */
function act(group: string, activityNo: string, nth = 0): Activity {
  const found = plan.activities.filter((a) => a.group === group && a.activityNo === activityNo);
  if (found.length <= nth) throw new Error(`no activity ${group} ${activityNo} #${nth}`);
  return found[nth];
}

function fields(a: Activity): ActivityFields {
  const { id: _id, ...rest } = a;
  return rest;
}

const key = (a: Activity) => `${a.group} ${a.activityNo}`;

describe("embedded plan Hồng Lộc 2024: shape", () => {
  test("60 activities, per-group counts, document order", () => {
    expect(plan.activities).toHaveLength(60);
    const counts: Record<string, number> = {};
    for (const a of plan.activities) counts[a.group] = (counts[a.group] ?? 0) + 1;
    expect(counts).toEqual({ I: 19, II: 7, III: 15, IV: 2, V: 2, VI: 2, "VII.A": 11, "VII.B": 2 });
    // Groups appear in one run each, in document order.
    const runs = plan.activities.map((a) => a.group).filter((g, i, all) => i === 0 || all[i - 1] !== g);
    expect(runs).toEqual(["I", "II", "III", "IV", "V", "VI", "VII.A", "VII.B"]);
  });

  test("activity numbers per group, as written (repeats, skips, odd starts)", () => {
    const nos = (g: string) => plan.activities.filter((a) => a.group === g).map((a) => a.activityNo);
    expect(nos("I")).toEqual(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12", "3.12", "3.13", "3.14", "3.15", "3.16", "3.17", "3.18"]);
    expect(nos("II")).toEqual(["3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7"]);
    expect(nos("III")).toEqual(["3.1", "3.3", "3.4", "3.5", "3.6", "3.8", "3.9", "3.10", "3.11", "3.12", "3.14", "3.15", "3.16", "3.17", "3.18"]);
    expect(nos("IV")).toEqual(["3.1", "3.8"]);
    expect(nos("V")).toEqual(["3.5", "3.6"]);
    expect(nos("VI")).toEqual(["3.3", "3.4"]);
    expect(nos("VII.A")).toEqual(["3.1", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", "3.10", "3.11", "3.12"]);
    expect(nos("VII.B")).toEqual(["3.1", "3.4"]);
    const objectives = (g: string) => [...new Set(plan.activities.filter((a) => a.group === g).map((a) => a.objectiveNo))];
    expect(objectives("I")).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5"]);
    expect(objectives("III")).toEqual(["1.1", "1.2", "1.4", "1.5", "", "1.7", "1.8", "1.9", "1.10", "1.11"]);
    expect(objectives("IV")).toEqual(["1.3"]);
    expect(objectives("V")).toEqual(["1.2"]);
    expect(objectives("VI")).toEqual(["1.2"]);
    expect(objectives("VII.A")).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"]);
    expect(objectives("VII.B")).toEqual(["1.1", "1.4"]);
  });

  test("numbers have no trailing punctuation and texts do not repeat them", () => {
    for (const a of plan.activities) {
      for (const no of [a.objectiveNo, a.taskNo, a.activityNo]) expect(no).toMatch(/^(\d+\.\d+(, \d+\.\d+)*)?$/);
      expect(a.objective).not.toMatch(/^\d+\.\d+/);
      expect(a.activity).not.toMatch(/^\d+\.\d+/);
      // Only the multi-task cell keeps its numbers in the text.
      if (!a.taskNo.includes(",")) expect(a.task).not.toMatch(/^\d+\.\d+/);
    }
  });

  test("ids are unique and shaped <group>-<hash>", () => {
    const ids = plan.activities.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of plan.activities) expect(a.id).toMatch(new RegExp(`^${a.group.replace(".", "\\.")}-[0-9a-z]{5}(-\\d+)?$`));
  });

  test("every string is NFC, trimmed, single-spaced", () => {
    const strings: string[] = [plan.unit, plan.commune, plan.province, plan.title, plan.decision!.number, plan.decision!.date, plan.decision!.signer!];
    for (const g of plan.groups) strings.push(g.id, g.title);
    for (const a of plan.activities) strings.push(a.id, a.group, ...ACTIVITY_TEXT_FIELDS.map((f) => a[f]));
    for (const i of plan.indicators) strings.push(i.id, i.text, i.source ?? "");
    for (const s of strings) {
      expect(s).toBe(s.normalize("NFC"));
      expect(s).toBe(s.trim());
      expect(s).not.toMatch(/\s{2,}|[\n\r\t]/);
    }
  });

  test("groups: I … VI, the VII heading, VII.A and VII.B", () => {
    expect(plan.groups.map((g) => g.id)).toEqual(["I", "II", "III", "IV", "V", "VI", "VII", "VII.A", "VII.B"]);
    expect(plan.groups.find((g) => g.id === "I")!.title).toBe("CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC");
    expect(plan.groups.find((g) => g.id === "III")!.title).toBe("CẢI CÁCH TTHC VÀ THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG");
    expect(plan.groups.find((g) => g.id === "VII")!.title).toBe("XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ VÀ ÁP DỤNG ISO");
    expect(plan.groups.find((g) => g.id === "VII.A")!.title).toBe("Xây dựng và phát triển chính quyền điện tử, chính quyền số");
    expect(plan.groups.find((g) => g.id === "VII.B")!.title).toBe("Áp dụng ISO 9001:2015 trong hoạt động của đơn vị");
    // Every activity belongs to a listed group; the VII heading carries none itself.
    const ids = new Set(plan.groups.map((g) => g.id));
    for (const a of plan.activities) expect(ids.has(a.group)).toBe(true);
    expect(plan.activities.filter((a) => a.group === "VII")).toHaveLength(0);
    expect(new Set(plan.activities.map((a) => topGroup(a.group))).size).toBe(7);
    const withActivities = new Set(plan.activities.map((a) => a.group));
    expect(withActivities.size).toBe(8);
  });

  test("planTree: objectives and tasks per group", () => {
    const tree = planTree(plan);
    const shape = Object.fromEntries(tree.map((g) => [g.id, g.objectives.map((o) => o.tasks.length)]));
    expect(shape).toEqual({
      I: [4, 2, 2, 2, 1],
      II: [1, 1, 1, 1],
      III: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
      IV: [1],
      V: [2],
      VI: [2],
      VII: [],
      "VII.A": [1, 3, 2, 1, 1, 3],
      "VII.B": [1, 1],
    });
  });

  test("metadata", () => {
    expect(plan.unit).toBe("UBND xã Hồng Lộc");
    expect(plan.commune).toBe("Hồng Lộc");
    expect(plan.province).toBe("Hà Tĩnh");
    expect(plan.district).toBeUndefined(); // not stated in the document
    expect(plan.year).toBe(2024);
    expect(plan.decision).toEqual({ number: "03/QĐ-UBND", date: "2024-01-12", signer: "Lê Viết Bình" });
    expect(plan.title).toBe("Kế hoạch cải cách hành chính xã Hồng Lộc năm 2024");
  });
});

describe("embedded plan Hồng Lộc 2024: sample rows, field by field", () => {
  const I_O1 = "Nâng cao chất lượng công tác chỉ đạo điều hành; tổ chức thực hiện có hiệu quả, đảm bảo chất lượng các nội dung, nhiệm vụ trong kế hoạch CCHC của xã";

  test("I 3.1 (first row, typo 'Ban hành khai' kept)", () => {
    expect(fields(act("I", "3.1"))).toEqual({
      group: "I", objectiveNo: "1.1", objective: I_O1,
      taskNo: "2.1", task: "Ban hành khai Kế hoạch CCHC năm 2024 của xã",
      activityNo: "3.1", activity: "Xây dựng dự thảo văn bản đề xuất mục tiêu, nhiệm vụ",
      output: "Văn bản và các dự thảo kèm theo", lead: "Tư pháp",
      partners: "Các cơ quan chủ trì CCHC của xã, các cơ quan liên quan khác",
      deadline: "Trước 15/01/2024", budget: "",
    });
  });

  test("I 3.5: empty Chủ trì", () => {
    expect(fields(act("I", "3.5"))).toEqual({
      group: "I", objectiveNo: "1.1", objective: I_O1,
      taskNo: "2.3", task: "Xây dựng, ban hành kế hoạch tuyên truyền CCHC và các chỉ số liên quan năm 2024",
      activityNo: "3.5", activity: "Tổ chức thực hiện Kế hoạch tuyên truyền",
      output: "Các hình thức tuyên truyền đa dạng, phong phú", lead: "", partners: "",
      deadline: "Thường xuyên", budget: "",
    });
  });

  test("I 3.12 (first of two): collective owner", () => {
    expect(fields(act("I", "3.12", 0))).toEqual({
      group: "I", objectiveNo: "1.3",
      objective: "Phấn đấu ít nhất có 01 sáng kiến (hoặc giải pháp mới) về CCHC áp dụng có hiệu quả đáp ứng yêu cầu của Hội đồng thẩm định CCHC Trung ương",
      taskNo: "2.8", task: "Nghiên cứu, đề xuất sáng kiến mới (giải pháp mới) về CCHC",
      activityNo: "3.12", activity: "Viết sáng kiến, đánh giá hiệu quả và áp dụng vào thực tiễn",
      output: "Các sáng kiến, giải pháp", lead: "Các cơ quan chủ trì các lĩnh vực CCHC xã", partners: "Các ban ngành cấp xã",
      deadline: "Thường xuyên", budget: "",
    });
  });

  test("I 3.14: one of five activities split from one cell (35% target)", () => {
    expect(fields(act("I", "3.14"))).toEqual({
      group: "I", objectiveNo: "1.4", objective: "Tối thiểu 35% cơ quan đơn vị được kiểm tra CCHC trong năm 2024",
      taskNo: "2.9", task: "Tổ chức kiểm tra CCHC (gắn với kiểm tra thực hiện Nghị quyết số 12-NQ/TU và Đề án UBND tỉnh triển khai Nghị quyết số 12-NQ/TU)",
      activityNo: "3.14", activity: "Biên bản kiểm tra",
      output: "Kế hoạch, Công văn, Báo cáo kết quả kiểm tra, Biên bản kiểm tra tại địa phương, Văn bản chỉ đạo",
      lead: "Tư pháp", partners: "Các ban ngành cấp xã", deadline: "Quý II, III/2024", budget: "Theo dự toán được cấp",
    });
    // The five activities of that cell (3.12 second occurrence … 3.16) inherit the same row values.
    const split = [act("I", "3.12", 1), act("I", "3.13"), act("I", "3.14"), act("I", "3.15"), act("I", "3.16")];
    expect(split.map((a) => a.activity)).toEqual([
      "Ban hành Kế hoạch Kiểm tra CCHC",
      "Thông báo lịch kiểm tra và tiến hành kiểm tra tại địa phương",
      "Biên bản kiểm tra",
      "Báo cáo kết quả kiểm tra",
      "Ban hành Văn bản chỉ đạo khắc phục tồn tại, hạn chế sau kiểm tra",
    ]);
    for (const a of split) {
      const { activityNo: _n, activity: _t, ...shared } = fields(a);
      const { activityNo: _n0, activity: _t0, ...shared0 } = fields(split[0]);
      expect(shared).toEqual(shared0);
    }
  });

  test("II 3.1: provincial-template objective", () => {
    expect(fields(act("II", "3.1"))).toEqual({
      group: "II", objectiveNo: "1.1",
      objective: "Phấn đấu 100% nội dung tại các văn bản quy phạm pháp luật của Trung ương giao HĐND tỉnh và UBND tỉnh quy định chi tiết được triển khai, thực hiện kịp thời, chất lượng",
      taskNo: "2.1", task: "Ban hành các văn bản quy phạm pháp luật để quy định chi tiết các nội dung được giao tại văn bản pháp luật của trung ương",
      activityNo: "3.1", activity: "Rà soát và lập danh mục nội dung giao quy định chi tiết tại các văn bản QPPL của Trung ương",
      output: "Danh mục", lead: "Tư pháp", partners: "Các ban, ngành cấp xã", deadline: "Thường xuyên", budget: "",
    });
  });

  test("III 3.1: 'trình UBND tỉnh ban hành' kept", () => {
    expect(fields(act("III", "3.1"))).toEqual({
      group: "III", objectiveNo: "1.1",
      objective: "Ban hành Kế hoạch hoạt động kiểm soát TTHC và thực hiện cơ chế một cửa, một cửa liên thông",
      taskNo: "2.1", task: "Xây dựng dự thảo ban hành Kế hoạch",
      activityNo: "3.1", activity: "Lấy ý kiến các cơ quan, đơn vị, địa phương liên quan; trình UBND tỉnh ban hành.",
      output: "Kế hoạch kèm theo", lead: "Tư pháp", partners: "Các ban, ngành cấp xã", deadline: "Quý I/2024", budget: "",
    });
  });

  test("III 3.3: collective Chủ trì, Tư pháp as Phối hợp", () => {
    expect(fields(act("III", "3.3"))).toEqual({
      group: "III", objectiveNo: "1.2",
      objective: "100% thủ tục hành chính nội bộ giữa các cơ quan hành chính nhà nước được rà soát, công bố, công khai; rà soát, đơn giản hóa TTHC nội bộ để cắt giảm 20% quy định và 20% chi phí tuân thủ TTHC nội bộ",
      taskNo: "2.2", task: "Rà soát cắt giảm, đơn giản hóa TTHC nội bộ trong hệ thống cơ quan hành chính Nhà nước.",
      activityNo: "3.3", activity: "Tiến hành triển khai rà soát và cắt giảm quy định liên quan đến TTHC nội bộ; trình cơ quan có thẩm quyền phê duyệt.",
      output: "Biểu mẫu rà soát, báo cáo đơn giản hóa TTHC, Quyết định phê quyệt",
      lead: "Các ban, ngành cấp xã", partners: "Tư pháp", deadline: "Quý I, II năm 2024", budget: "",
    });
  });

  test("III 3.15: a cell of three tasks stays one task string", () => {
    expect(fields(act("III", "3.15"))).toEqual({
      group: "III", objectiveNo: "1.9",
      objective: "Tối thiểu 70% người dân, doanh nghiệp khi thực hiện thủ tục hành chính không phải cung cấp lại các thông tin, giấy tờ, tài liệu đã được chấp nhận khi thực hiện thành công thủ tục hành chính trước đó, mà cơ quan nhà nước có thẩm quyền giải quyết thủ tục hành chính đang quản lý, hoặc thông tin, giấy tờ, tài liệu đã được cơ quan nhà nước kết nối, chia sẻ",
      taskNo: "2.9, 2.10, 2.11",
      task: "2.9. Tiếp tục đẩy mạnh số hóa hồ sơ, trả kết quả giải quyết TTHC 2.10. Đẩy mạnh chứng thực điện tử 2.11. Kết nối chia sẻ các dữ liệu dùng chung đảm bảo an toàn thông tin, hiệu quả",
      activityNo: "3.15", activity: "Kiểm tra danh tính số và thực hiện mở tài khoản danh tính số của người dân, doanh nghiệp trên Cổng DVC Quốc gia",
      output: "- Chứng thực điện tử - Các dữ liệu dùng chung được kết nối, chia sẻ - Người dân được mở Tài khoản Danh tính số trên DVC QG - Thành phần HS được số hoá; Kết quả giải quyết TTH được số hoá.",
      lead: "Bộ phận tiếp nhận và trả kết quả", partners: "Tư pháp, Văn Phòng, Văn hoá thông tin",
      deadline: "Thường xuyên", budget: "",
    });
  });

  test("III 3.8: unnumbered objective (row 6)", () => {
    const a = act("III", "3.8");
    expect(a.objectiveNo).toBe("");
    expect(a.objective).toBe("- Tỷ lệ nộp hồ sơ trực tuyến đạt 70%; tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%.");
    expect(a.taskNo).toBe("2.6");
  });

  test("IV 3.8: objective numbered 1.3, unnumbered task", () => {
    expect(fields(act("IV", "3.8"))).toEqual({
      group: "IV", objectiveNo: "1.3", objective: "Năm 2024 giảm biên chế công chức, viên chức theo quy định.",
      taskNo: "", task: "Sử dụng hiệu quả số biên chế công chức, viên chức được giao.",
      activityNo: "3.8",
      activity: "Tăng cường công tác kiểm tra, đánh giá, phân loại thực chất cán bộ, công chức, viên chức. Người đứng đầu thực hiện nghiêm túc việc đánh giá, phân loại công chức, viên chức hàng năm",
      output: "Cuộc kiểm tra/ Văn bản đôn đốc/ hướng dẫn", lead: "Văn phòng", partners: "Các ban, ngành cấp xã",
      deadline: "Theo lộ trình đề án được phê duyệt", budget: "",
    });
  });

  const V_O = "85% cán bộ, công chức cấp xã có trình độ đại học trở lên và được chuẩn hoá về lý luận chính trị, chuyên môn, nghiệp vụ, kỹ năng làm việc (trừ các chức danh có quy định khác của cơ quan có thẩm quyền)";

  test("V 3.5 and 3.6: empty Chủ trì", () => {
    expect(fields(act("V", "3.5"))).toEqual({
      group: "V", objectiveNo: "1.2", objective: V_O,
      taskNo: "2.2", task: "Tuyên truyền, xây dựng kế hoạch đào tạo, bồi dưỡng",
      activityNo: "3.5", activity: "Xây dựng kế hoạch đào tạo, bồi dưỡng phù hợp với yêu cầu thực tiễn cho CBCC;",
      output: "Kế hoạch", lead: "", partners: "Các ban, ngành cấp xã", deadline: "Năm 2024", budget: "Theo dự toán được cấp",
    });
    expect(fields(act("V", "3.6"))).toEqual({
      group: "V", objectiveNo: "1.2", objective: V_O,
      taskNo: "2.3", task: "Tổ chức các lớp tập huấn, đào tạo, bồi dưỡng, cập nhật về trình độ chuyên môn nghiệp vụ, kỹ năng thực thi công vụ, nhiệm vụ theo vị trí việc làm, kỹ năng sử dụng và ứng dụng công nghệ thông tin",
      activityNo: "3.6", activity: "Phối hợp mở lớp đào tạo, bồi dưỡng thực hiện tốt, đồng bộ công tác đào tạo bồi dưỡng dưỡng kỹ năng thực thi công vụ, nhiệm vụ theo vị trí việc làm, kỹ năng sử dụng và ứng dụng công nghệ thông tin.",
      output: "Mở lớp bồi dưỡng theo kế hoạch", lead: "", partners: "Các ban, ngành cấp xã", deadline: "Năm 2024", budget: "",
    });
  });

  test("VI 3.4: empty Chủ trì (only the output is printed)", () => {
    expect(fields(act("VI", "3.4"))).toEqual({
      group: "VI", objectiveNo: "1.2", objective: "Tỷ lệ sắp xếp lại, xử lý nhà, đất thuộc thẩm quyền quản lý đạt trên 85%",
      taskNo: "2.4", task: "Đôn đốc, hướng dẫn các đơn vị thực hiện phương án sắp xếp lại, xử lý nhà, đất đã được phê duyệt",
      activityNo: "3.4", activity: "Đôn đốc, hướng dẫn",
      output: "Công văn", lead: "", partners: "", deadline: "", budget: "",
    });
    // Same wording as VI 3.3 but a different task: distinct ids.
    expect(act("VI", "3.3").activity).toBe(act("VI", "3.4").activity);
    expect(act("VI", "3.3").id).not.toBe(act("VI", "3.4").id);
  });

  test("VII.A 3.3: 70% target, 'Các ban, ngành liên quan'", () => {
    expect(fields(act("VII.A", "3.3"))).toEqual({
      group: "VII.A", objectiveNo: "1.2",
      objective: "Tỷ lệ cơ sở dữ liệu của các ngành được kết nối liên thông để phục vụ quản lý nhà nước, cung cấp dịch vụ công đạt 70%",
      taskNo: "2.3", task: "Vận hành có hiệu quả hệ thống tích hợp, chia sẻ dữ liệu của tỉnh (LGSP)",
      activityNo: "3.3", activity: "Tiếp tục vận hành có hiệu quả hệ thống tích hợp, chia sẻ dữ liệu của tỉnh (LGSP), thực hiện kết nối các CSDL",
      output: "Vận hành hệ thống; tích hợp, kết nối các CSDL", lead: "Văn hoá thông tin", partners: "Các ban, ngành liên quan",
      deadline: "Năm 2024", budget: "Theo KH chuyển đổi số",
    });
  });

  test("VII.B 3.1 (empty Chủ trì) and 3.4 (empty output)", () => {
    expect(fields(act("VII.B", "3.1"))).toEqual({
      group: "VII.B", objectiveNo: "1.1", objective: "100% duy trì, cải tiến hệ thống đáp ứng yêu cầu TCVN ISO 9001:2015",
      taskNo: "2.1", task: "Duy trì và cải tiến hệ thống tại các cơ quan, đơn vị đáp ứng yêu cầu tiêu chuẩn",
      activityNo: "3.1", activity: "Áp dụng hệ thống theo các điều khoản tiêu chuẩn, thực hiện theo các quy trình, hướng dẫn, quy định",
      output: "duy trì, cải tiến hệ thống đáp ứng yêu cầu", lead: "", partners: "Các ban, ngành liên quan",
      deadline: "Quý I-IV năm 2024", budget: "Theo dự toán được cấp",
    });
    expect(fields(act("VII.B", "3.4"))).toEqual({
      group: "VII.B", objectiveNo: "1.4", objective: "Hoàn thành xây dựng mở rộng hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015 trong năm 2024",
      taskNo: "2.4",
      task: "Tổ chức rà soát đánh giá hiệu quả áp dụng Hệ thống quản lý, triển khai xây dựng và áp dụng mở rộng hệ thống, đặc biệt chú trọng xây dựng và áp dụng quy trình nội bộ thực hiện điều hành tác nghiệp và giải quyết nhiệm vụ chuyên môn",
      activityNo: "3.4",
      activity: "Thực hiện rà soát chuẩn hóa lại hệ thống đồng thời xây dựng mở rộng áp dụng đối với các hoạt động nội bộ bộ thực hiện điều hành tác nghiệp và giải quyết nhiệm vụ chuyên môn",
      output: "", lead: "Các ban, ngành cấp xã", partners: "", deadline: "Quý I-IV năm 2024", budget: "Theo dự toán được cấp",
    });
  });
});

describe("embedded plan Hồng Lộc 2024: defects are kept", () => {
  test("exactly these activities have an empty Chủ trì", () => {
    expect(plan.activities.filter((a) => a.lead === "").map(key)).toEqual(["I 3.5", "V 3.5", "V 3.6", "VI 3.4", "VII.B 3.1"]);
  });

  test("exactly one activity has an empty output", () => {
    expect(plan.activities.filter((a) => a.output === "").map(key)).toEqual(["VII.B 3.4"]);
  });

  test("no empty activity text or number", () => {
    for (const a of plan.activities) {
      expect(a.activity).not.toBe("");
      expect(a.activityNo).not.toBe("");
    }
  });

  test("collective owners", () => {
    const owners = new Set(plan.activities.flatMap((a) => [a.lead, a.partners]));
    expect(owners.has("Các ban, ngành cấp xã")).toBe(true);
    expect(owners.has("Các ban, ngành liên quan")).toBe(true);
    expect(owners.has("Các cơ quan chủ trì các lĩnh vực CCHC xã")).toBe(true);
    const collectiveLeads = plan.activities.filter((a) => a.lead === "Các ban, ngành cấp xã").map(key);
    expect(collectiveLeads).toEqual(["II 3.2", "III 3.3", "III 3.4", "III 3.5", "III 3.6", "III 3.8", "III 3.9", "III 3.10", "III 3.11", "III 3.12", "VII.B 3.4"]);
  });

  test("provincial-template leftovers", () => {
    expect(plan.activities.filter((a) => a.objective.includes("HĐND tỉnh và UBND tỉnh")).map(key)).toEqual(["II 3.1", "II 3.2"]);
    expect(plan.activities.filter((a) => a.activity.includes("trình UBND tỉnh ban hành")).map(key)).toEqual(["III 3.1"]);
  });

  test("appendix targets that disagree with the plan body", () => {
    const ind = (id: string) => plan.indicators.find((i) => i.id === id)!;
    expect(act("I", "3.13").objective).toContain("Tối thiểu 35% cơ quan đơn vị được kiểm tra");
    expect(ind("BODY-1.3").target).toBe(0.5);
    expect(act("VII.A", "3.4").objective).toContain("cung cấp dịch vụ công đạt 70%");
    expect(ind("BODY-7.2").target).toBe(0.8);
    expect(act("II", "3.6").objective).toContain("tối thiểu 90% văn bản QPPL của Trung ương, của tỉnh");
    expect(ind("BODY-2.2").target).toBe(1);
  });

  test("old-style tone marks and typos are kept as written", () => {
    expect(act("I", "3.4").lead).toBe("Văn hoá - Thông tin");
    expect(act("VII.A", "3.1").lead).toBe("Văn hoá");
    expect(act("I", "3.18").activity).toBe("Các lớp tập huấn, bồi dưỡng, giấy mời tham gia các lớp tâp huấn");
    expect(act("VI", "3.3").task).toContain("điều chính phương án");
    expect(act("II", "3.3").objective.startsWith("100 % văn bản QPPL")).toBe(true);
  });
});

describe("embedded plan Hồng Lộc 2024: indicators (plan body section II)", () => {
  const byId = new Map(plan.indicators.map((i) => [i.id, i]));

  test("19 indicators, unique ids, in section order", () => {
    expect(plan.indicators.map((i) => i.id)).toEqual([
      "BODY-1.2", "BODY-1.3", "BODY-2.1", "BODY-2.2", "BODY-3.1", "BODY-3.2a", "BODY-3.2b", "BODY-3.2c",
      "BODY-3.3", "BODY-3.4", "BODY-3.5a", "BODY-3.5b", "BODY-3.6", "BODY-3.7", "BODY-5",
      "BODY-7.1", "BODY-7.2", "BODY-7.3", "BODY-7.4",
    ]);
    expect(byId.size).toBe(plan.indicators.length);
  });

  test("targets, units, comparators, sources", () => {
    const summary = Object.fromEntries(plan.indicators.map((i) => [i.id, [i.target, i.unit, i.comparator, i.source, i.index]]));
    expect(summary).toEqual({
      "BODY-1.2": [1, "count", ">=", "II.1.2", undefined],
      "BODY-1.3": [0.5, "percent", ">=", "II.1.3", undefined],
      "BODY-2.1": [1, "percent", ">=", "II.2.1", undefined],
      "BODY-2.2": [1, "percent", ">=", "II.2.2", undefined],
      "BODY-3.1": [0.75, "percent", ">=", "II.3.1", undefined],
      "BODY-3.2a": [1, "percent", ">=", "II.3.2", 1],
      "BODY-3.2b": [0.7, "percent", ">=", "II.3.2", 2],
      "BODY-3.2c": [0.9, "percent", ">=", "II.3.2", 3],
      "BODY-3.3": [0.7, "percent", ">=", "II.3.3", undefined],
      "BODY-3.4": [1, "percent", ">=", "II.3.4", undefined],
      "BODY-3.5a": [0.8, "percent", ">=", "II.3.5", 1],
      "BODY-3.5b": [0.4, "percent", ">=", "II.3.5", 2],
      "BODY-3.6": [0.94, "percent", ">=", "II.3.6", undefined],
      "BODY-3.7": [1, "count", ">=", "II.3.7", undefined],
      "BODY-5": [0.85, "percent", ">=", "II.5", undefined],
      "BODY-7.1": [1, "percent", ">=", "II.7.1", undefined],
      "BODY-7.2": [0.8, "percent", ">=", "II.7.2", undefined],
      "BODY-7.3": [0.3, "percent", ">=", "II.7.3", undefined],
      "BODY-7.4": [0.6, "percent", ">=", "II.7.4", undefined],
    });
  });

  test("texts are the sentences as written", () => {
    expect(byId.get("BODY-3.2b")!.text).toBe(
      "100% TTHC đủ điều kiện được cung cấp dịch vụ công (DVC) trực tuyến (toàn trình, một phần) và được cập nhật lên cơ sở dữ liệu quốc gia về TTHC và công khai trên Cổng dịch vụ công quốc gia; tỷ lệ nộp hồ sơ trực tuyến đạt 70%; tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%.",
    );
    expect(byId.get("BODY-3.2a")!.text).toBe(byId.get("BODY-3.2c")!.text);
    expect(byId.get("BODY-3.5a")!.text).toBe(
      "Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến, trong số đó, tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu 40% trở lên.",
    );
    expect(byId.get("BODY-1.3")!.text).toBe(
      "Tối thiểu 50% các ban, ngành cấp xã được kiểm tra CCHC trong năm 2024; tổ chức thực hiện kế hoạch kiểm tra, tự kiểm tra CCHC đảm bảo thực chất và đúng quy định.",
    );
    expect(byId.get("BODY-5")!.text).toBe(
      "85% cán bộ, công chức cấp xã có trình độ đại học trở lên và được chuẩn hoá về lý luận chính trị, chuyên môn, nghiệp vụ, kỹ năng làm việc (trừ các chức danh có quy định khác của cơ quan có thẩm quyền).",
    );
    expect(byId.get("BODY-3.7")!.text).toBe(
      "Phấn đấu trong năm tổ chức ít nhất 01 cuộc đối thoại/diễn đàn của lãnh đạo UBND xã với người dân, doanh nghiệp",
    );
    // Each percent target's value is written in its sentence.
    for (const i of plan.indicators) {
      if (i.unit === "percent") expect(i.text).toContain(`${Math.round(i.target * 100)}%`);
      else expect(i.text).toContain("ít nhất");
    }
  });
});
