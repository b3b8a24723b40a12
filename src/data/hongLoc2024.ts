/**
 * The embedded default plan: Kế hoạch cải cách hành chính xã Hồng Lộc năm 2024
 * (Quyết định 03/QĐ-UBND ngày 12/01/2024 of Chủ tịch UBND xã Hồng Lộc, Hà Tĩnh),
 * transcribed by hand from `shared/seed/000_122b22815aff8c9c.txt` (text extracted from the PDF).
 *
 * Activities: the appendix "PHỤ LỤC – KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2024",
 * one row per numbered activity (3.x), in document order: 60 activities in 8 activity groups
 * (I 19 · II 7 · III 15 · IV 2 · V 2 · VI 2 · VII.A 11 · VII.B 2).
 * Indicators: the numeric targets of the plan body's section "II. CÁC CHỈ TIÊU CHỦ YẾU".
 *
 * Transcription rules: texts exactly as written (typos, old-style tone marks, "100 %", trailing
 * "." or ";"), PDF line breaks joined with one space, "12-"/"NQ/TU" re-joined; document numbers in
 * the *No fields without their trailing "." or ":" and not repeated in the text; empty cells "".
 * A cell listing several numbered activities gives one row per activity, each inheriting the
 * row's output, lead, partners, deadline and budget. The defects of the appendix are kept on
 * purpose (empty Chủ trì, empty output, collective owners, provincial-template leftovers,
 * targets that disagree with the plan body): the product must surface them, not fix them here.
 *
 * Readings of the flattened PDF that needed a decision:
 * - Groups: the appendix has a section row "VII …" with sub-groups A and B. Activities belong to
 *   "VII.A" and "VII.B"; the section row itself is kept in `groups` as a heading-only entry "VII"
 *   (placed before VII.A, no activities) so reports that roll sub-groups up (`topGroup`) have its
 *   title. `groups` therefore has 9 entries, 8 of which carry activities.
 * - Lead vs partners: the extraction emits each row's cells left to right (output, Chủ trì, Phối hợp,
 *   deadline, budget). In II 3.2 and III 3.3, 3.4, 3.5–3.6, 3.8, 3.9, 3.10–3.12 "Các ban, ngành cấp
 *   xã" comes before "Tư pháp" (and, in II 3.2 and most of III, wraps in the narrower column), so
 *   those rows read Chủ trì = "Các ban, ngành cấp xã", Phối hợp = "Tư pháp".
 * - Rows with a single owner text: V 3.5, V 3.6 and VII.B 3.1 read Chủ trì "" (the owner text is the
 *   Phối hợp cell; the PDF shows a blank cell before it); VII.B 3.4 reads output "", Chủ trì
 *   "Các ban, ngành cấp xã", Phối hợp "" (blank cells on both sides); III 3.18 reads Chủ trì
 *   "Văn phòng", Phối hợp "".
 * - VI 3.4: only "Công văn" follows the activity before section VII begins, so its Chủ trì, Phối hợp,
 *   deadline and budget are all "" (read literally; they may be cells merged with VI 3.3 in Word —
 *   "Tài chính / Các ban, ngành cấp xã / Năm 2024" — which a PDF cannot tell apart).
 * - Budgets are read literally per row ("Theo dự toán được cấp" where it is printed, "" elsewhere),
 *   even where a merged, vertically centred budget cell is likely (II 3.3–3.5).
 * - I 3.3: its output cell prints "Công văn" and, lower, "Công văn, dự thảo văn bản chỉ đạo"; both
 *   are kept, joined: "Công văn Công văn, dự thảo văn bản chỉ đạo".
 * - I 3.7–3.8: output "Công văn" / "Báo cáo" in one cell → "Công văn Báo cáo" for both.
 * - III 3.9: the output cell starts with a truncated "- Giải"; kept as printed.
 * - III row 9: one task cell holds three tasks (2.9, 2.10, 2.11): one task string that keeps its
 *   numbers; taskNo lists them all, "2.9, 2.10, 2.11". III row 6 and IV's task have no number ("").
 * - VII.A 2.12 is printed "2.12:" → taskNo "2.12".
 * - The district is not stated in the document, so `district` is left out.
 */
import { makeActivities, type ActivityFields, type Group, type Indicator, type Plan } from "../core/plan";

type Shared = Omit<ActivityFields, "activityNo" | "activity">;

/** One appendix row (one activity cell) → one row per numbered activity it lists. */
function cell(shared: Shared, ...activities: Array<[no: string, text: string]>): ActivityFields[] {
  return activities.map(([activityNo, activity]) => ({ ...shared, activityNo, activity }));
}

const BUDGET = "Theo dự toán được cấp";
const KH_CDS = "Theo KH chuyển đổi số";
/** Group I writes it without a comma (except in 3.18). */
const BAN_NGANH_I = "Các ban ngành cấp xã";
const BAN_NGANH = "Các ban, ngành cấp xã";
const BAN_NGANH_LQ = "Các ban, ngành liên quan";

// ---------------------------------------------------------------- I
const I_O1 = { group: "I", objectiveNo: "1.1", objective: "Nâng cao chất lượng công tác chỉ đạo điều hành; tổ chức thực hiện có hiệu quả, đảm bảo chất lượng các nội dung, nhiệm vụ trong kế hoạch CCHC của xã" };
const I_O2 = { group: "I", objectiveNo: "1.2", objective: "Cải thiện, nâng cao thứ hạng chỉ số CCHC của xã và các chỉ số liên quan" };
const I_O3 = { group: "I", objectiveNo: "1.3", objective: "Phấn đấu ít nhất có 01 sáng kiến (hoặc giải pháp mới) về CCHC áp dụng có hiệu quả đáp ứng yêu cầu của Hội đồng thẩm định CCHC Trung ương" };
const I_O4 = { group: "I", objectiveNo: "1.4", objective: "Tối thiểu 35% cơ quan đơn vị được kiểm tra CCHC trong năm 2024" };
const I_O5 = { group: "I", objectiveNo: "1.5", objective: "Nâng cao năng lực cho cán bộ, công chức trong tham mưu, triển khai CCHC" };

const GROUP_I: ActivityFields[] = [
  ...cell(
    { ...I_O1, taskNo: "2.1", task: "Ban hành khai Kế hoạch CCHC năm 2024 của xã", output: "Văn bản và các dự thảo kèm theo", lead: "Tư pháp", partners: "Các cơ quan chủ trì CCHC của xã, các cơ quan liên quan khác", deadline: "Trước 15/01/2024", budget: "" },
    ["3.1", "Xây dựng dự thảo văn bản đề xuất mục tiêu, nhiệm vụ"],
    ["3.2", "Tổng hợp và xin ý kiến, hoàn thiện dự thảo, trình Chủ tịch UBND xã ban hành"],
  ),
  ...cell(
    { ...I_O1, taskNo: "2.2", task: "Tham mưu UBND xã ban hành văn bản chỉ đạo và tổ chức thực hiện hiệu quả công tác CCHC", output: "Công văn Công văn, dự thảo văn bản chỉ đạo", lead: "Tư pháp", partners: BAN_NGANH_I, deadline: "Năm 2024", budget: "" },
    ["3.3", "Xây dựng dự thảo văn bản, xin ý kiến"],
  ),
  ...cell(
    { ...I_O1, taskNo: "2.3", task: "Xây dựng, ban hành kế hoạch tuyên truyền CCHC và các chỉ số liên quan năm 2024", output: "Kế hoạch", lead: "Văn hoá - Thông tin", partners: BAN_NGANH_I, deadline: "Tháng 01/2024", budget: BUDGET },
    ["3.4", "Xây dựng dự thảo, trình ban hành kế hoạch"],
  ),
  ...cell(
    // Defect kept: no Chủ trì (and no Phối hợp) for 3.5.
    { ...I_O1, taskNo: "2.3", task: "Xây dựng, ban hành kế hoạch tuyên truyền CCHC và các chỉ số liên quan năm 2024", output: "Các hình thức tuyên truyền đa dạng, phong phú", lead: "", partners: "", deadline: "Thường xuyên", budget: "" },
    ["3.5", "Tổ chức thực hiện Kế hoạch tuyên truyền"],
  ),
  ...cell(
    { ...I_O1, taskNo: "2.4", task: "Tổ chức các hội nghị sơ kết, tổng kết", output: "Công văn, báo cáo, giấy mời, thông báo kết luận", lead: "Tư pháp", partners: BAN_NGANH_I, deadline: "Năm 2024", budget: BUDGET },
    ["3.6", "Các văn bản triển khai các hội nghị"],
  ),
  ...cell(
    { ...I_O2, taskNo: "2.5", task: "Triển khai xác định chỉ số PARINDEX của xã năm 2023 theo Kế hoạch của UBND huyện", output: "Công văn Báo cáo", lead: "Tư pháp", partners: BAN_NGANH_I, deadline: "Theo Kế hoạch của UBND huyện", budget: BUDGET },
    ["3.7", "Văn bản chỉ đạo triển khai xác định chỉ số PARINDEX của xã năm 2023"],
    ["3.8", "Công văn, hướng dẫn, Báo cáo tự đánh giá chấm điểm chỉ số PARINDEX của xã năm 2023"],
  ),
  ...cell(
    { ...I_O2, taskNo: "2.6", task: "Ban hành, triển khai các giải pháp khắc phục tồn tại, hạn chế, duy trì, nâng cao các chỉ số PAPI, PARINDEX, SIPAS", output: "Công văn (kế hoạch); Báo cáo", lead: "Tư pháp", partners: BAN_NGANH_I, deadline: "Sau khi các cơ quan liên quan công bố chỉ số PAPI, Bộ Nội vụ công bố chỉ số CCHC tỉnh năm 2024", budget: BUDGET },
    ["3.9", "Văn bản đề nghị các ngành phân tích làm rõ các tiêu chí bị trừ điểm trong kết quả các chỉ số PAPI, PARINDEX, SIPAS"],
    ["3.10", "Văn bản chỉ đạo khắc phục các tồn tại, hạn chế của các chỉ số"],
  ),
  ...cell(
    { ...I_O3, taskNo: "2.7", task: "Giới thiệu các mô hình, sáng kiến áp dụng và nhân rộng tại địa phương", output: "- Văn bản rà soát, giới thiệu - Tóm tắt giới thiệu các mô hình, sáng kiến", lead: "Tư pháp", partners: BAN_NGANH_I, deadline: "Thường xuyên", budget: BUDGET },
    ["3.11", "Tập hợp, rà soát các sáng kiến, mô hình hay, hiệu quả giới thiệu cho các địa phương"],
  ),
  ...cell(
    // Collective owner kept as written.
    { ...I_O3, taskNo: "2.8", task: "Nghiên cứu, đề xuất sáng kiến mới (giải pháp mới) về CCHC", output: "Các sáng kiến, giải pháp", lead: "Các cơ quan chủ trì các lĩnh vực CCHC xã", partners: BAN_NGANH_I, deadline: "Thường xuyên", budget: "" },
    ["3.12", "Viết sáng kiến, đánh giá hiệu quả và áp dụng vào thực tiễn"],
  ),
  ...cell(
    // 3.12 again (the document repeats it); the appendix says 35%, the body 50%.
    { ...I_O4, taskNo: "2.9", task: "Tổ chức kiểm tra CCHC (gắn với kiểm tra thực hiện Nghị quyết số 12-NQ/TU và Đề án UBND tỉnh triển khai Nghị quyết số 12-NQ/TU)", output: "Kế hoạch, Công văn, Báo cáo kết quả kiểm tra, Biên bản kiểm tra tại địa phương, Văn bản chỉ đạo", lead: "Tư pháp", partners: BAN_NGANH_I, deadline: "Quý II, III/2024", budget: BUDGET },
    ["3.12", "Ban hành Kế hoạch Kiểm tra CCHC"],
    ["3.13", "Thông báo lịch kiểm tra và tiến hành kiểm tra tại địa phương"],
    ["3.14", "Biên bản kiểm tra"],
    ["3.15", "Báo cáo kết quả kiểm tra"],
    ["3.16", "Ban hành Văn bản chỉ đạo khắc phục tồn tại, hạn chế sau kiểm tra"],
  ),
  ...cell(
    { ...I_O4, taskNo: "2.10", task: "Kiểm tra đột xuất việc thực hiện kỷ luật, kỷ cương hành chính, văn hóa công vụ", output: "Biên bản kiểm tra, báo cáo, văn bản chỉ đạo", lead: "Tổ kiểm tra CCHC xã", partners: BAN_NGANH_I, deadline: "Năm 2024", budget: "" },
    ["3.17", "Thông báo kiểm tra"],
  ),
  ...cell(
    { ...I_O5, taskNo: "2.11", task: "Tổ chức, tham gia tập huấn, bồi dưỡng về kiến thức, kỹ năng về CCHC cho cán bộ, công chức", output: "Công văn (kế hoạch), Giấy mời, giáo án, bài giảng", lead: "Tư pháp", partners: BAN_NGANH, deadline: "Năm 2024", budget: BUDGET },
    ["3.18", "Các lớp tập huấn, bồi dưỡng, giấy mời tham gia các lớp tâp huấn"],
  ),
];

// ---------------------------------------------------------------- II
const II_O1 = { group: "II", objectiveNo: "1.1", objective: "Phấn đấu 100% nội dung tại các văn bản quy phạm pháp luật của Trung ương giao HĐND tỉnh và UBND tỉnh quy định chi tiết được triển khai, thực hiện kịp thời, chất lượng" };
const II_T1 = { taskNo: "2.1", task: "Ban hành các văn bản quy phạm pháp luật để quy định chi tiết các nội dung được giao tại văn bản pháp luật của trung ương" };
const II_O2 = { group: "II", objectiveNo: "1.2", objective: "100 % văn bản QPPL của HĐND, UBND xã được rà soát để sửa đổi, bổ sung hoặc thay thế cho phù hợp với quy định" };
const II_T2 = { taskNo: "2.2", task: "Nâng cao chất lượng công tác xây dựng pháp luật" };

const GROUP_II: ActivityFields[] = [
  ...cell(
    { ...II_O1, ...II_T1, output: "Danh mục", lead: "Tư pháp", partners: BAN_NGANH, deadline: "Thường xuyên", budget: "" },
    ["3.1", "Rà soát và lập danh mục nội dung giao quy định chi tiết tại các văn bản QPPL của Trung ương"],
  ),
  ...cell(
    { ...II_O1, ...II_T1, output: "Các văn bản QPPL", lead: BAN_NGANH, partners: "Tư pháp", deadline: "Thường xuyên", budget: BUDGET },
    ["3.2", "Xây dựng các dự thảo văn bản"],
  ),
  ...cell(
    { ...II_O2, ...II_T2, output: "Báo cáo, công văn", lead: "Tư pháp", partners: BAN_NGANH, deadline: "Quý I", budget: "" },
    ["3.3", "Thực hiện nghiêm túc quy trình ban hành văn bản quy phạm pháp luật"],
  ),
  ...cell(
    { ...II_O2, ...II_T2, output: "Hội nghị tập huấn hoặc Công văn hướng dẫn", lead: "Tư pháp", partners: BAN_NGANH, deadline: "Quý II", budget: BUDGET },
    ["3.4", "Hướng dẫn nghiệp vụ chuyên sâu nâng cao kỹ năng xây dựng văn bản quy phạm pháp luật"],
  ),
  ...cell(
    { ...II_O2, ...II_T2, output: "Văn bản hướng dẫn; Báo cáo kết quả kiểm tra", lead: "Tư pháp", partners: BAN_NGANH, deadline: "Thường xuyên", budget: "" },
    ["3.5", "Tăng cường công tác kiểm tra văn bản QPPL"],
  ),
  ...cell(
    // The appendix says ≥90%, the body 100%.
    { group: "II", objectiveNo: "1.3", objective: "Phấn đấu đảm bảo tối thiểu 90% văn bản QPPL của Trung ương, của tỉnh được tổ chức thực hiện kịp thời, hiệu quả", taskNo: "2.3", task: "Kiểm tra công tác TDTHPL và tình hình thi hành pháp luật trên địa bàn xã", output: "- Thành lập đoàn kiểm tra - Thực hiện kiểm tra tại địa phương", lead: "Tư pháp", partners: BAN_NGANH, deadline: "Quý IV", budget: BUDGET },
    ["3.6", "Thành lập Đoàn kiểm tra"],
  ),
  ...cell(
    { group: "II", objectiveNo: "1.4", objective: "Hoàn thiện hệ thống văn bản quy phạm pháp luật của địa phương", taskNo: "2.4", task: "Đề án hoàn thiện hệ thống văn bản quy phạm pháp luật của địa phương", output: "Đề án", lead: "Tư pháp", partners: BAN_NGANH, deadline: "Quý IV/2024", budget: "" },
    ["3.7", "Xây dựng dự thảo"],
  ),
];

// ---------------------------------------------------------------- III
const GROUP_III: ActivityFields[] = [
  ...cell(
    { group: "III", objectiveNo: "1.1", objective: "Ban hành Kế hoạch hoạt động kiểm soát TTHC và thực hiện cơ chế một cửa, một cửa liên thông", taskNo: "2.1", task: "Xây dựng dự thảo ban hành Kế hoạch", output: "Kế hoạch kèm theo", lead: "Tư pháp", partners: BAN_NGANH, deadline: "Quý I/2024", budget: "" },
    ["3.1", "Lấy ý kiến các cơ quan, đơn vị, địa phương liên quan; trình UBND tỉnh ban hành."],
  ),
  ...cell(
    { group: "III", objectiveNo: "1.2", objective: "100% thủ tục hành chính nội bộ giữa các cơ quan hành chính nhà nước được rà soát, công bố, công khai; rà soát, đơn giản hóa TTHC nội bộ để cắt giảm 20% quy định và 20% chi phí tuân thủ TTHC nội bộ", taskNo: "2.2", task: "Rà soát cắt giảm, đơn giản hóa TTHC nội bộ trong hệ thống cơ quan hành chính Nhà nước.", output: "Biểu mẫu rà soát, báo cáo đơn giản hóa TTHC, Quyết định phê quyệt", lead: BAN_NGANH, partners: "Tư pháp", deadline: "Quý I, II năm 2024", budget: "" },
    ["3.3", "Tiến hành triển khai rà soát và cắt giảm quy định liên quan đến TTHC nội bộ; trình cơ quan có thẩm quyền phê duyệt."],
  ),
  ...cell(
    { group: "III", objectiveNo: "1.4", objective: "100% TTHC được công khai sau khi Bộ, ngành công bố TTHC liên quan", taskNo: "2.4", task: "Công khai Quyết định công bố", output: "Quyết định công bố TTHC", lead: BAN_NGANH, partners: "Tư pháp", deadline: "Thường xuyên", budget: "" },
    ["3.4", "Niêm yết tại Bộ phận Tiếp nhận và trả kết quả xã"],
  ),
  ...cell(
    { group: "III", objectiveNo: "1.5", objective: "Tiếp tục triển khai thực hiện số hóa kết quả giải quyết thủ tục hành chính thuộc thẩm quyền giải quyết của ban, ngành đạt tỷ lệ tối thiểu 75% số hồ sơ tiếp nhận", taskNo: "2.5", task: "Nâng cao tỷ lệ số hóa kết quả giải quyết thủ tục hành chính đang còn hiệu lực và có giá trị sử dụng thuộc thẩm quyền giải quyết của ban, ngành cấp xã", output: "Tỷ lệ số hóa theo quy định", lead: BAN_NGANH, partners: "Tư pháp", deadline: "Thường xuyên", budget: "" },
    ["3.5", "Tổ chức triển khai quy trình số hóa hồ sơ, giấy tờ, kết quả giải quyết TTHC tại Bộ phận Một cửa cấp xã"],
    ["3.6", "Theo dõi, cập nhật tình hình và tổ chức thực hiện kế hoạch số hóa kết quả giải quyết thủ tục hành chính"],
  ),
  ...cell(
    // Row 6 of the document: the objective has no number.
    { group: "III", objectiveNo: "", objective: "- Tỷ lệ nộp hồ sơ trực tuyến đạt 70%; tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%.", taskNo: "2.6", task: "Nâng cao tỷ lệ hồ sơ trực tuyến toàn trình, một phần", output: "- Số hồ sơ giải quyết trực tuyến toàn trình, một phần", lead: BAN_NGANH, partners: "Tư pháp", deadline: "Thường xuyên", budget: "" },
    ["3.8", "Đẩy mạnh công tác tuyên truyền bằng nhiều hình thức khác nhau; tập huấn về kiến thức, kỹ năng ứng dụng CNTT, chuyển đổi số cho cán bộ công chức, viên chức trong cơ quan nhà nước và người dân, doanh nghiệp"],
  ),
  ...cell(
    { group: "III", objectiveNo: "1.7", objective: "Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến, trong số đó, tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu tương ứng cấp xã 40% trở lên.", taskNo: "2.7", task: "Đẩy mạnh giao dịch thanh toán trực tuyến đối với các TTHC có yêu cầu nghĩa vụ tài chính", output: "- Giải - Biểu mẫu rà soát thống kê - Số TTHC có yêu cầu nghĩa vụ tài chính, được triển khai giao dịch thanh toán trực tuyến", lead: BAN_NGANH, partners: "Tư pháp", deadline: "Thường xuyên", budget: "" },
    ["3.9", "Rà soát, thống kê số TTHC có yêu cầu nghĩa vụ tài chính, từ đó đề xuất số TTHC triển khai thanh toán trực tuyến và giao dịch trực tuyến"],
  ),
  ...cell(
    { group: "III", objectiveNo: "1.8", objective: "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính đạt từ 94% trở lên.", taskNo: "2.8", task: "Nâng cao mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính", output: "Báo cáo; (Đề án/ Kế hoạch); Quyết định; Công văn; Các lớp tập huấn", lead: BAN_NGANH, partners: "Tư pháp", deadline: "Thường xuyên", budget: "" },
    ["3.10", "Nâng cao hiệu quả hoạt động của Bộ phận Một cửa; nâng cao năng lực của công chức tiếp nhận và trả kết quả tại Bộ phận Một cửa"],
    ["3.11", "Triển khai, áp dụng các sáng kiến CCHC, mô hình CCHC có hiệu quả trong giải quyết TTHC của các ngành, các lĩnh vực trên toàn xã"],
    ["3.12", "Tổ chức các lớp tập huấn liên quan đến nhiệm vụ kiểm soát TTHC, thực hiện cơ chế một cửa, một cửa liên thông, kỹ năng, nghiệp vụ cho công chức tại Bộ phận một cửa các cấp"],
  ),
  ...cell(
    // One task cell holding three tasks: kept as one string with its numbers.
    { group: "III", objectiveNo: "1.9", objective: "Tối thiểu 70% người dân, doanh nghiệp khi thực hiện thủ tục hành chính không phải cung cấp lại các thông tin, giấy tờ, tài liệu đã được chấp nhận khi thực hiện thành công thủ tục hành chính trước đó, mà cơ quan nhà nước có thẩm quyền giải quyết thủ tục hành chính đang quản lý, hoặc thông tin, giấy tờ, tài liệu đã được cơ quan nhà nước kết nối, chia sẻ", taskNo: "2.9, 2.10, 2.11", task: "2.9. Tiếp tục đẩy mạnh số hóa hồ sơ, trả kết quả giải quyết TTHC 2.10. Đẩy mạnh chứng thực điện tử 2.11. Kết nối chia sẻ các dữ liệu dùng chung đảm bảo an toàn thông tin, hiệu quả", output: "- Chứng thực điện tử - Các dữ liệu dùng chung được kết nối, chia sẻ - Người dân được mở Tài khoản Danh tính số trên DVC QG - Thành phần HS được số hoá; Kết quả giải quyết TTH được số hoá.", lead: "Bộ phận tiếp nhận và trả kết quả", partners: "Tư pháp, Văn Phòng, Văn hoá thông tin", deadline: "Thường xuyên", budget: "" },
    ["3.14", "Triển khai chứng thực điện tử"],
    ["3.15", "Kiểm tra danh tính số và thực hiện mở tài khoản danh tính số của người dân, doanh nghiệp trên Cổng DVC Quốc gia"],
    ["3.16", "Thực hiện số hoá thành phần hồ sơ, kết quả giải quyết TTHC"],
  ),
  ...cell(
    { group: "III", objectiveNo: "1.10", objective: "Tăng cường công tác kiểm tra đột xuất, định kỳ về việc giải quyết TTHC của địa phương", taskNo: "2.12", task: "Tổ chức kiểm tra việc thực hiện kiểm tra hồ sơ giải quyết thủ tục hành chính, dịch vụ công trực tuyến, thanh toán trực tuyến và thực hiện ý kiến chỉ đạo, điều hành của UBND huyện, Chủ tịch UBND huyện", output: "Kế hoạch, thông báo, biên bản kiểm tra", lead: "Tư pháp", partners: BAN_NGANH, deadline: "Thường xuyên", budget: "" },
    ["3.17", "Xây dựng kế hoạch, thông báo lịch kiểm tra"],
  ),
  ...cell(
    { group: "III", objectiveNo: "1.11", objective: "Tăng cường công tác đối thoại của lãnh đạo UBND xã với người dân, doanh nghiệp (phấn đấu 01 cuộc trong năm)", taskNo: "2.13", task: "Tổ chức các hội nghị đối thoại, diễn đàn", output: "Kế hoạch, giấy mời, thông báo", lead: "Văn phòng", partners: "", deadline: "Năm 2024", budget: "" },
    ["3.18", "Xây dựng kế hoạch, phân công các cơ quan chủ trì, cơ quan phối hợp thực hiện đối thoại"],
  ),
];

// ---------------------------------------------------------------- IV
const GROUP_IV: ActivityFields[] = cell(
  // The only objective is numbered "1.3"; the task has no number.
  { group: "IV", objectiveNo: "1.3", objective: "Năm 2024 giảm biên chế công chức, viên chức theo quy định.", taskNo: "", task: "Sử dụng hiệu quả số biên chế công chức, viên chức được giao.", output: "Cuộc kiểm tra/ Văn bản đôn đốc/ hướng dẫn", lead: "Văn phòng", partners: BAN_NGANH, deadline: "Theo lộ trình đề án được phê duyệt", budget: "" },
  ["3.1", "Yêu cầu báo cáo; tăng cường quản lý, kiểm tra, việc sử dụng biên chế; trình cơ quan có thẩm quyền xử lý các vi phạm về giao và thực hiện biên chế (nếu có)."],
  ["3.8", "Tăng cường công tác kiểm tra, đánh giá, phân loại thực chất cán bộ, công chức, viên chức. Người đứng đầu thực hiện nghiêm túc việc đánh giá, phân loại công chức, viên chức hàng năm"],
);

// ---------------------------------------------------------------- V
const V_O2 = { group: "V", objectiveNo: "1.2", objective: "85% cán bộ, công chức cấp xã có trình độ đại học trở lên và được chuẩn hoá về lý luận chính trị, chuyên môn, nghiệp vụ, kỹ năng làm việc (trừ các chức danh có quy định khác của cơ quan có thẩm quyền)" };
const GROUP_V: ActivityFields[] = [
  // Defect kept: no Chủ trì for 3.5 and 3.6.
  ...cell(
    { ...V_O2, taskNo: "2.2", task: "Tuyên truyền, xây dựng kế hoạch đào tạo, bồi dưỡng", output: "Kế hoạch", lead: "", partners: BAN_NGANH, deadline: "Năm 2024", budget: BUDGET },
    ["3.5", "Xây dựng kế hoạch đào tạo, bồi dưỡng phù hợp với yêu cầu thực tiễn cho CBCC;"],
  ),
  ...cell(
    { ...V_O2, taskNo: "2.3", task: "Tổ chức các lớp tập huấn, đào tạo, bồi dưỡng, cập nhật về trình độ chuyên môn nghiệp vụ, kỹ năng thực thi công vụ, nhiệm vụ theo vị trí việc làm, kỹ năng sử dụng và ứng dụng công nghệ thông tin", output: "Mở lớp bồi dưỡng theo kế hoạch", lead: "", partners: BAN_NGANH, deadline: "Năm 2024", budget: "" },
    ["3.6", "Phối hợp mở lớp đào tạo, bồi dưỡng thực hiện tốt, đồng bộ công tác đào tạo bồi dưỡng dưỡng kỹ năng thực thi công vụ, nhiệm vụ theo vị trí việc làm, kỹ năng sử dụng và ứng dụng công nghệ thông tin."],
  ),
];

// ---------------------------------------------------------------- VI
const VI_O2 = { group: "VI", objectiveNo: "1.2", objective: "Tỷ lệ sắp xếp lại, xử lý nhà, đất thuộc thẩm quyền quản lý đạt trên 85%" };
const GROUP_VI: ActivityFields[] = [
  ...cell(
    { ...VI_O2, taskNo: "2.3", task: "Đôn đốc, hướng dẫn các đơn vị điều chính phương án sắp xếp lại, xử lý nhà, đất (nếu có)", output: "Công văn", lead: "Tài chính", partners: BAN_NGANH, deadline: "Năm 2024", budget: "" },
    ["3.3", "Đôn đốc, hướng dẫn"],
  ),
  ...cell(
    // Defect kept: only the output is printed for 3.4 (no Chủ trì, Phối hợp, deadline or budget).
    { ...VI_O2, taskNo: "2.4", task: "Đôn đốc, hướng dẫn các đơn vị thực hiện phương án sắp xếp lại, xử lý nhà, đất đã được phê duyệt", output: "Công văn", lead: "", partners: "", deadline: "", budget: "" },
    ["3.4", "Đôn đốc, hướng dẫn"],
  ),
];

// ---------------------------------------------------------------- VII.A
const VIIA_O2 = { group: "VII.A", objectiveNo: "1.2", objective: "Tỷ lệ cơ sở dữ liệu của các ngành được kết nối liên thông để phục vụ quản lý nhà nước, cung cấp dịch vụ công đạt 70%" };
const VIIA_O3 = { group: "VII.A", objectiveNo: "1.3", objective: "Tỷ lệ được đào tạo, tập huấn, tuyên truyền nâng cao nhận thức, kỹ năng số đạt 100%" };
const VIIA_O6 = { group: "VII.A", objectiveNo: "1.6", objective: "Nâng cao năng lực bảo đảm an toàn thông tin của địa phương" };
const VHTT = "Văn hoá thông tin";

const GROUP_VII_A: ActivityFields[] = [
  ...cell(
    { group: "VII.A", objectiveNo: "1.1", objective: "Triển khai hệ thống hội nghị trực tuyến đồng bộ từ cấp tỉnh đến 100% cấp xã và kết nối với hệ thống hội nghị trực tuyến quốc gia", taskNo: "2.1", task: "Triển khai hệ thống hội nghị trực tuyến đồng bộ từ cấp tỉnh đến cấp xã và kết nối với hệ thống hội nghị trực tuyến quốc gia", output: "Hệ thống hội nghị trực tuyến", lead: "Văn hoá", partners: BAN_NGANH, deadline: "Năm 2024", budget: KH_CDS },
    ["3.1", "Triển khai hệ thống hội nghị trực tuyến đồng bộ từ cấp tỉnh đến 100% cấp xã và kết nối với hệ thống hội nghị trực tuyến quốc gia"],
  ),
  // The appendix says 70%, the body 80%.
  ...cell(
    { ...VIIA_O2, taskNo: "2.3", task: "Vận hành có hiệu quả hệ thống tích hợp, chia sẻ dữ liệu của tỉnh (LGSP)", output: "Vận hành hệ thống; tích hợp, kết nối các CSDL", lead: VHTT, partners: BAN_NGANH_LQ, deadline: "Năm 2024", budget: KH_CDS },
    ["3.3", "Tiếp tục vận hành có hiệu quả hệ thống tích hợp, chia sẻ dữ liệu của tỉnh (LGSP), thực hiện kết nối các CSDL"],
  ),
  ...cell(
    { ...VIIA_O2, taskNo: "2.4", task: "Triển khai Kho dữ liệu dùng chung và Cổng dữ liệu mở của tỉnh", output: "Kho dữ liệu dùng chung và Cổng dữ liệu mở", lead: VHTT, partners: BAN_NGANH_LQ, deadline: "Năm 2024", budget: KH_CDS },
    ["3.4", "Triển khai Kho dữ liệu dùng chung và Cổng dữ liệu mở của tỉnh"],
  ),
  ...cell(
    { ...VIIA_O2, taskNo: "2.5", task: "Số hóa và chứng thực điện tử hồ sơ, văn bản, tài liệu, phát triển cơ sở dữ liệu dùng chung các cấp", output: "Hệ thống Dữ liệu phục vụ xây dựng CSDL dùng chung tỉnh", lead: VHTT, partners: BAN_NGANH_LQ, deadline: "Năm 2024", budget: KH_CDS },
    ["3.5", "Xây dựng CSDL về hồ sơ TTHC, các văn bản tài liệu phục vụ cho phát triển CSDL dùng chung của tỉnh"],
  ),
  ...cell(
    { ...VIIA_O3, taskNo: "2.6", task: "Đào tạo nâng cao trình độ chuyên môn nghiệp vụ cho cán bộ chuyên trách CNTT cấp xã", output: "Lớp đào tạo", lead: VHTT, partners: BAN_NGANH_LQ, deadline: "Năm 2024", budget: KH_CDS },
    ["3.6", "Tổ chức các lớp đào tạo nâng cao trình độ chuyên môn nghiệp vụ cho cán bộ chuyên trách CNTT cấp xã"],
  ),
  ...cell(
    { ...VIIA_O3, taskNo: "2.7", task: "Tập huấn nâng cao nhận thức, kỹ năng về CĐS cho đội ngũ lãnh đạo, CCCVC", output: "Lớp tập huấn", lead: VHTT, partners: BAN_NGANH_LQ, deadline: "Năm 2024", budget: KH_CDS },
    ["3.7", "Tổ chức các lớp tập huấn nâng cao nhận thức, kỹ năng về CĐS cho đội ngũ lãnh đạo, CCCVC"],
  ),
  ...cell(
    { group: "VII.A", objectiveNo: "1.4", objective: "Từng bước triển khai 30% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý (trừ hoạt động kiểm tra hoặc thông tin tư liệu của hoạt động kiểm tra thuộc phạm vi bí mật nhà nước)", taskNo: "2.8", task: "Thí điểm triển khai hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý", output: "Thí điểm kiểm tra của cơ quan quản lý nhà nước thực hiện thông qua môi trường số", lead: VHTT, partners: BAN_NGANH_LQ, deadline: "Năm 2024", budget: KH_CDS },
    ["3.8", "Thí điểm triển khai hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý"],
  ),
  ...cell(
    { group: "VII.A", objectiveNo: "1.5", objective: "Nâng cao hiệu quả hoạt động trang Thông tin điện tử xã", taskNo: "2.9", task: "Nâng cấp toàn diện Trang Thông tin điện tử xã", output: "Trang thông tin điện tử đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định", lead: VHTT, partners: BAN_NGANH_LQ, deadline: "Năm 2024", budget: KH_CDS },
    ["3.9", "Nâng cấp trang thông tin điện tử đáp ứng yêu cầu chức năng, tính năng kỹ thuật theo quy định"],
  ),
  ...cell(
    { ...VIIA_O6, taskNo: "2.10", task: "Triển khai giám sát ATTT tập trung", output: "Hệ thống giám sát An toàn, an ninh mạng của xã", lead: VHTT, partners: BAN_NGANH_LQ, deadline: "Năm 2024", budget: KH_CDS },
    ["3.10", "Triển khai hệ thống giám sát An toàn, an ninh mạng của xã"],
  ),
  ...cell(
    { ...VIIA_O6, taskNo: "2.11", task: "Triển khai giám sát mã độc tập trung", output: "Hệ thống giám sát mã độc quản trị tập trung", lead: VHTT, partners: BAN_NGANH_LQ, deadline: "Năm 2024", budget: KH_CDS },
    ["3.11", "Triển khai hệ thống giám sát mã độc quản trị tập trung"],
  ),
  ...cell(
    { ...VIIA_O6, taskNo: "2.12", task: "Tiếp tục triển khai bảo đảm ATTT theo cấp độ", output: "Quyết định phê duyệt; các giải pháp", lead: VHTT, partners: BAN_NGANH_LQ, deadline: "Năm 2024", budget: BUDGET },
    ["3.12", "Đánh giá, xây dựng, phê duyệt hồ sơ đề xuất cấp độ; triển khai các giải pháp đảm bảo ATTT theo cấp độ được phê duyệt"],
  ),
];

// ---------------------------------------------------------------- VII.B
const GROUP_VII_B: ActivityFields[] = [
  ...cell(
    // Defect kept: no Chủ trì.
    { group: "VII.B", objectiveNo: "1.1", objective: "100% duy trì, cải tiến hệ thống đáp ứng yêu cầu TCVN ISO 9001:2015", taskNo: "2.1", task: "Duy trì và cải tiến hệ thống tại các cơ quan, đơn vị đáp ứng yêu cầu tiêu chuẩn", output: "duy trì, cải tiến hệ thống đáp ứng yêu cầu", lead: "", partners: BAN_NGANH_LQ, deadline: "Quý I-IV năm 2024", budget: BUDGET },
    ["3.1", "Áp dụng hệ thống theo các điều khoản tiêu chuẩn, thực hiện theo các quy trình, hướng dẫn, quy định"],
  ),
  ...cell(
    // Defect kept: no output.
    { group: "VII.B", objectiveNo: "1.4", objective: "Hoàn thành xây dựng mở rộng hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015 trong năm 2024", taskNo: "2.4", task: "Tổ chức rà soát đánh giá hiệu quả áp dụng Hệ thống quản lý, triển khai xây dựng và áp dụng mở rộng hệ thống, đặc biệt chú trọng xây dựng và áp dụng quy trình nội bộ thực hiện điều hành tác nghiệp và giải quyết nhiệm vụ chuyên môn", output: "", lead: BAN_NGANH, partners: "", deadline: "Quý I-IV năm 2024", budget: BUDGET },
    ["3.4", "Thực hiện rà soát chuẩn hóa lại hệ thống đồng thời xây dựng mở rộng áp dụng đối với các hoạt động nội bộ bộ thực hiện điều hành tác nghiệp và giải quyết nhiệm vụ chuyên môn"],
  ),
];

const ROWS: ActivityFields[] = [
  ...GROUP_I,
  ...GROUP_II,
  ...GROUP_III,
  ...GROUP_IV,
  ...GROUP_V,
  ...GROUP_VI,
  ...GROUP_VII_A,
  ...GROUP_VII_B,
];

/** The appendix's section rows, in document order. "VII" is a heading only: its activities sit in VII.A and VII.B. */
const GROUPS: Group[] = [
  { id: "I", title: "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CCHC" },
  { id: "II", title: "CẢI CÁCH THỂ CHẾ" },
  { id: "III", title: "CẢI CÁCH TTHC VÀ THỰC HIỆN CƠ CHẾ MỘT CỬA, MỘT CỬA LIÊN THÔNG" },
  { id: "IV", title: "CẢI CÁCH TỔ CHỨC BỘ MÁY" },
  { id: "V", title: "CẢI CÁCH CHẾ ĐỘ CÔNG VỤ" },
  { id: "VI", title: "CẢI CÁCH TÀI CHÍNH CÔNG" },
  { id: "VII", title: "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ VÀ ÁP DỤNG ISO" },
  { id: "VII.A", title: "Xây dựng và phát triển chính quyền điện tử, chính quyền số" },
  { id: "VII.B", title: "Áp dụng ISO 9001:2015 trong hoạt động của đơn vị" },
];

/**
 * Section "II. CÁC CHỈ TIÊU CHỦ YẾU" of the plan body: one indicator per numeric target.
 * Items 1.1, 4 and 6 hold no number and are left out. A plan target is a floor, so every
 * comparator is ">=" (also for a bare "100%" and for "đạt 70%").
 */
const INDICATORS: Indicator[] = [
  { id: "BODY-1.2", source: "II.1.2", target: 1, comparator: ">=", unit: "count", text: "Phấn đấu ít nhất có 01 sáng kiến (hoặc giải pháp mới) về CCHC áp dụng có hiệu quả, đáp ứng yêu cầu của Hội đồng thẩm định CCHC Trung ương." },
  { id: "BODY-1.3", source: "II.1.3", target: 0.5, comparator: ">=", unit: "percent", text: "Tối thiểu 50% các ban, ngành cấp xã được kiểm tra CCHC trong năm 2024; tổ chức thực hiện kế hoạch kiểm tra, tự kiểm tra CCHC đảm bảo thực chất và đúng quy định." },
  { id: "BODY-2.1", source: "II.2.1", target: 1, comparator: ">=", unit: "percent", text: "Phấn đấu 100% nội dung tại các văn bản quy phạm pháp luật của Trung ương giao HĐND xã và UBND xã quy định chi tiết được triển khai, thực hiện kịp thời, chất lượng." },
  { id: "BODY-2.2", source: "II.2.2", target: 1, comparator: ">=", unit: "percent", text: "Phấn đấu 100% văn bản QPPL của Trung ương, của tỉnh được tổ chức thực hiện kịp thời, hiệu quả." },
  { id: "BODY-3.1", source: "II.3.1", target: 0.75, comparator: ">=", unit: "percent", text: "Tiếp tục triển khai thực hiện số hóa kết quả giải quyết TTHC thuộc thẩm quyền giải quyết của ban, ngành đạt tỷ lệ tối thiểu cấp xã 75% số hồ sơ tiếp nhận." },
  ...[
    { suffix: "a", target: 1 },
    { suffix: "b", target: 0.7 },
    { suffix: "c", target: 0.9 },
  ].map(({ suffix, target }, i): Indicator => ({
    id: `BODY-3.2${suffix}`, source: "II.3.2", target, comparator: ">=", unit: "percent", index: i + 1,
    text: "100% TTHC đủ điều kiện được cung cấp dịch vụ công (DVC) trực tuyến (toàn trình, một phần) và được cập nhật lên cơ sở dữ liệu quốc gia về TTHC và công khai trên Cổng dịch vụ công quốc gia; tỷ lệ nộp hồ sơ trực tuyến đạt 70%; tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%.",
  })),
  { id: "BODY-3.3", source: "II.3.3", target: 0.7, comparator: ">=", unit: "percent", text: "Tối thiểu 70% người dân, doanh nghiệp khi thực hiện TTHC không phải cung cấp lại các thông tin, giấy tờ, tài liệu đã được chấp nhận khi thực hiện thành công TTHC trước đó, mà cơ quan nhà nước có thẩm quyền giải quyết TTHC đang quản lý, hoặc thông tin, giấy tờ, tài liệu đã được cơ quan nhà nước kết nối, chia sẻ." },
  { id: "BODY-3.4", source: "II.3.4", target: 1, comparator: ">=", unit: "percent", text: "100% TTHC nội bộ giữa các cơ quan hành chính nhà nước được rà soát, công bố, công khai." },
  ...[
    { suffix: "a", target: 0.8 },
    { suffix: "b", target: 0.4 },
  ].map(({ suffix, target }, i): Indicator => ({
    id: `BODY-3.5${suffix}`, source: "II.3.5", target, comparator: ">=", unit: "percent", index: i + 1,
    text: "Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến, trong số đó, tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu 40% trở lên.",
  })),
  { id: "BODY-3.6", source: "II.3.6", target: 0.94, comparator: ">=", unit: "percent", text: "Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt từ 94% trở lên." },
  { id: "BODY-3.7", source: "II.3.7", target: 1, comparator: ">=", unit: "count", text: "Phấn đấu trong năm tổ chức ít nhất 01 cuộc đối thoại/diễn đàn của lãnh đạo UBND xã với người dân, doanh nghiệp" },
  { id: "BODY-5", source: "II.5", target: 0.85, comparator: ">=", unit: "percent", text: "85% cán bộ, công chức cấp xã có trình độ đại học trở lên và được chuẩn hoá về lý luận chính trị, chuyên môn, nghiệp vụ, kỹ năng làm việc (trừ các chức danh có quy định khác của cơ quan có thẩm quyền)." },
  { id: "BODY-7.1", source: "II.7.1", target: 1, comparator: ">=", unit: "percent", text: "Triển khai hệ thống hội nghị trực tuyến đồng bộ từ cấp tỉnh đến 100% cấp xã và kết nối với hệ thống hội nghị trực tuyến quốc gia." },
  { id: "BODY-7.2", source: "II.7.2", target: 0.8, comparator: ">=", unit: "percent", text: "Tỷ lệ cơ sở dữ liệu của các ngành được kết nối liên thông để phục vụ quản lý nhà nước, cung cấp dịch vụ công đạt 80%." },
  { id: "BODY-7.3", source: "II.7.3", target: 0.3, comparator: ">=", unit: "percent", text: "Từng bước triển khai 30% hoạt động kiểm tra của các ban, ngành được thực hiện thông qua môi trường số và hệ thống thông tin của ban, ngành quản lý (trừ hoạt động kiểm tra hoặc thông tin tư liệu của hoạt động kiểm tra thuộc phạm vi bí mật nhà nước)." },
  { id: "BODY-7.4", source: "II.7.4", target: 0.6, comparator: ">=", unit: "percent", text: "60% hồ sơ công việc tại cấp xã được xác lập trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước)." },
];

export const HONG_LOC_2024: Plan = {
  unit: "UBND xã Hồng Lộc",
  commune: "Hồng Lộc",
  // district: not stated in the document.
  province: "Hà Tĩnh",
  year: 2024,
  decision: { number: "03/QĐ-UBND", date: "2024-01-12", signer: "Lê Viết Bình" },
  title: "Kế hoạch cải cách hành chính xã Hồng Lộc năm 2024",
  groups: GROUPS,
  activities: makeActivities(ROWS),
  indicators: INDICATORS,
  // The appendix heading as printed: the blank number and date and "của Chủ tịch UBND tỉnh" are
  // left over from the provincial template (the validator reports them).
  appendixHeader: [
    "PHỤ LỤC",
    "KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2024",
    "(ban hành kèm theo Quyết định số /QĐ-UBND ngày /12/2023 của Chủ tịch UBND tỉnh)",
  ],
};
