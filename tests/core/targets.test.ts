import {
  attainment,
  completion,
  completionClass,
  met,
  parScore,
  parseComparator,
  rate,
  readTarget,
  readTargets,
  type Target,
} from "../../src/core/targets";
import { parseNumberVi } from "../../src/core/numbers";

type Expect = [number, ">=" | "<=" | "=", "percent" | "count", ("reduction" | "increase")?];

function brief(ts: Target[]): Expect[] {
  return ts.map((t) => (t.change ? [t.value, t.comparator, t.unit, t.change] : [t.value, t.comparator, t.unit]));
}

/** Plan body, section "II. CÁC CHỈ TIÊU CHỦ YẾU" of the Hồng Lộc 2024 plan, every sentence. */
const BODY: Array<[string, Expect[]]> = [
  ["1.1. Nâng cao chất lượng công tác chỉ đạo điều hành; tổ chức thực hiện có hiệu quả, đảm bảo chất lượng các nội dung, nhiệm vụ trong kế hoạch CCHC của xã;", []],
  ["1.2. Phấn đấu ít nhất có 01 sáng kiến (hoặc giải pháp mới) về CCHC áp dụng có hiệu quả, đáp ứng yêu cầu của Hội đồng thẩm định CCHC Trung ương.", [[1, ">=", "count"]]],
  ["1.3. Tối thiểu 50% các ban, ngành cấp xã được kiểm tra CCHC trong năm 2024; tổ chức thực hiện kế hoạch kiểm tra, tự kiểm tra CCHC đảm bảo thực chất và đúng quy định.", [[0.5, ">=", "percent"]]],
  ["2.1. Phấn đấu 100% nội dung tại các văn bản quy phạm pháp luật của Trung ương giao HĐND xã và UBND xã quy định chi tiết được triển khai, thực hiện kịp thời, chất lượng.", [[1, ">=", "percent"]]],
  ["2.2. Phấn đấu 100% văn bản QPPL của Trung ương, của tỉnh được tổ chức thực hiện kịp thời, hiệu quả.", [[1, ">=", "percent"]]],
  ["3.1. Tiếp tục triển khai thực hiện số hóa kết quả giải quyết TTHC thuộc thẩm quyền giải quyết của ban, ngành đạt tỷ lệ tối thiểu cấp xã 75% số hồ sơ tiếp nhận.", [[0.75, ">=", "percent"]]],
  [
    "3.2. 100% TTHC đủ điều kiện được cung cấp dịch vụ công (DVC) trực tuyến (toàn trình, một phần) và được cập nhật lên cơ sở dữ liệu quốc gia về TTHC và công khai trên Cổng dịch vụ công quốc gia; tỷ lệ nộp hồ sơ trực tuyến đạt 70%; tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%.",
    [[1, ">=", "percent"], [0.7, ">=", "percent"], [0.9, ">=", "percent"]],
  ],
  [
    "3.3. Tối thiểu 70% người dân, doanh nghiệp khi thực hiện TTHC không phải cung cấp lại các thông tin, giấy tờ, tài liệu đã được chấp nhận khi thực hiện thành công TTHC trước đó, mà cơ quan nhà nước có thẩm quyền giải quyết TTHC đang quản lý, hoặc thông tin, giấy tờ, tài liệu đã được cơ quan nhà nước kết nối, chia sẻ.",
    [[0.7, ">=", "percent"]],
  ],
  ["3.4. 100% TTHC nội bộ giữa các cơ quan hành chính nhà nước được rà soát, công bố, công khai.", [[1, ">=", "percent"]]],
  [
    "3.5. Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến, trong số đó, tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu 40% trở lên.",
    [[0.8, ">=", "percent"], [0.4, ">=", "percent"]],
  ],
  ["3.6. Mức độ hài lòng của người dân, doanh nghiệp về giải quyết TTHC đạt từ 94% trở lên.", [[0.94, ">=", "percent"]]],
  ["3.7. Phấn đấu trong năm tổ chức ít nhất 01 cuộc đối thoại/diễn đàn của lãnh đạo UBND xã với người dân, doanh nghiệp", [[1, ">=", "count"]]],
  ["Giữ nguyên tổ chức bộ máy hiện có.", []],
  [
    "85% cán bộ, công chức cấp xã có trình độ đại học trở lên và được chuẩn hoá về lý luận chính trị, chuyên môn, nghiệp vụ, kỹ năng làm việc (trừ các chức danh có quy định khác của cơ quan có thẩm quyền).",
    [[0.85, ">=", "percent"]],
  ],
  ["Tiếp tục thực hiện tốt quyền tự chủ, tự chịu trách nhiệm theo Nghị định số 130/2005/NĐ-CP của Chính phủ, Nghị định số 117/2013/NĐ-CP của Chính phủ.", []],
  ["7.1. Triển khai hệ thống hội nghị trực tuyến đồng bộ từ cấp tỉnh đến 100% cấp xã và kết nối với hệ thống hội nghị trực tuyến quốc gia.", [[1, ">=", "percent"]]],
  ["7.2. Tỷ lệ cơ sở dữ liệu của các ngành được kết nối liên thông để phục vụ quản lý nhà nước, cung cấp dịch vụ công đạt 80%.", [[0.8, ">=", "percent"]]],
  [
    "7.3. Từng bước triển khai 30% hoạt động kiểm tra của các ban, ngành được thực hiện thông qua môi trường số và hệ thống thông tin của ban, ngành quản lý (trừ hoạt động kiểm tra hoặc thông tin tư liệu của hoạt động kiểm tra thuộc phạm vi bí mật nhà nước).",
    [[0.3, ">=", "percent"]],
  ],
  ["7.4. 60% hồ sơ công việc tại cấp xã được xác lập trên môi trường mạng (trừ hồ sơ công việc thuộc phạm vi bí mật nhà nước).", [[0.6, ">=", "percent"]]],
];

/** Every objective ("1- Mục tiêu/Chỉ tiêu/nội dung") of the seed appendix, lines rejoined. */
const APPENDIX: Array<[string, string, Expect[]]> = [
  ["I 1.1", "1.1. Nâng cao chất lượng công tác chỉ đạo điều hành; tổ chức thực hiện có hiệu quả, đảm bảo chất lượng các nội dung, nhiệm vụ trong kế hoạch CCHC của xã", []],
  ["I 1.2", "1.2. Cải thiện, nâng cao thứ hạng chỉ số CCHC của xã và các chỉ số liên quan", []],
  ["I 1.3", "1.3. Phấn đấu ít nhất có 01 sáng kiến (hoặc giải pháp mới) về CCHC áp dụng có hiệu quả đáp ứng yêu cầu của Hội đồng thẩm định CCHC Trung ương", [[1, ">=", "count"]]],
  ["I 1.4", "1.4. Tối thiểu 35% cơ quan đơn vị được kiểm tra CCHC trong năm 2024", [[0.35, ">=", "percent"]]],
  ["I 1.5", "1.5. Nâng cao năng lực cho cán bộ, công chức trong tham mưu, triển khai CCHC", []],
  [
    "II 1.1",
    "1.1. Phấn đấu 100% nội dung tại các văn bản quy phạm pháp luật của Trung ương giao HĐND tỉnh và UBND tỉnh quy định chi tiết được triển khai, thực hiện kịp thời, chất lượng",
    [[1, ">=", "percent"]],
  ],
  ["II 1.2", "1.2. 100 % văn bản QPPL của HĐND, UBND xã được rà soát để sửa đổi, bổ sung hoặc thay thế cho phù hợp với quy định", [[1, ">=", "percent"]]],
  ["II 1.3", "1.3. Phấn đấu đảm bảo tối thiểu 90% văn bản QPPL của Trung ương, của tỉnh được tổ chức thực hiện kịp thời, hiệu quả", [[0.9, ">=", "percent"]]],
  ["II 1.4", "1.4. Hoàn thiện hệ thống văn bản quy phạm pháp luật của địa phương", []],
  ["III 1.1", "1.1. Ban hành Kế hoạch hoạt động kiểm soát TTHC và thực hiện cơ chế một cửa, một cửa liên thông", []],
  [
    "III 1.2",
    "1.2. 100% thủ tục hành chính nội bộ giữa các cơ quan hành chính nhà nước được rà soát, công bố, công khai; rà soát, đơn giản hóa TTHC nội bộ để cắt giảm 20% quy định và 20% chi phí tuân thủ TTHC nội bộ",
    [[1, ">=", "percent"], [0.2, ">=", "percent", "reduction"], [0.2, ">=", "percent", "reduction"]],
  ],
  ["III 1.4", "1.4. 100% TTHC được công khai sau khi Bộ, ngành công bố TTHC liên quan", [[1, ">=", "percent"]]],
  [
    "III 1.5",
    "1.5. Tiếp tục triển khai thực hiện số hóa kết quả giải quyết thủ tục hành chính thuộc thẩm quyền giải quyết của ban, ngành đạt tỷ lệ tối thiểu 75% số hồ sơ tiếp nhận",
    [[0.75, ">=", "percent"]],
  ],
  ["III 6", "- Tỷ lệ nộp hồ sơ trực tuyến đạt 70%; tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%.", [[0.7, ">=", "percent"], [0.9, ">=", "percent"]]],
  [
    "III 1.7",
    "1.7. Tối thiểu 80% TTHC có yêu cầu nghĩa vụ tài chính, được triển khai thanh toán trực tuyến, trong số đó, tỷ lệ giao dịch thanh toán trực tuyến đạt tối thiểu tương ứng cấp xã 40% trở lên.",
    [[0.8, ">=", "percent"], [0.4, ">=", "percent"]],
  ],
  ["III 1.8", "1.8. Mức độ hài lòng của người dân, doanh nghiệp về giải quyết thủ tục hành chính đạt từ 94% trở lên.", [[0.94, ">=", "percent"]]],
  [
    "III 1.9",
    "1.9. Tối thiểu 70% người dân, doanh nghiệp khi thực hiện thủ tục hành chính không phải cung cấp lại các thông tin, giấy tờ, tài liệu đã được chấp nhận khi thực hiện thành công thủ tục hành chính trước đó, mà cơ quan nhà nước có thẩm quyền giải quyết thủ tục hành chính đang quản lý, hoặc thông tin, giấy tờ, tài liệu đã được cơ quan nhà nước kết nối, chia sẻ",
    [[0.7, ">=", "percent"]],
  ],
  ["III 1.10", "1.10. Tăng cường công tác kiểm tra đột xuất, định kỳ về việc giải quyết TTHC của địa phương", []],
  ["III 1.11", "1.11. Tăng cường công tác đối thoại của lãnh đạo UBND xã với người dân, doanh nghiệp (phấn đấu 01 cuộc trong năm)", [[1, ">=", "count"]]],
  ["IV 1.3", "1.3. Năm 2024 giảm biên chế công chức, viên chức theo quy định.", []],
  [
    "V 1.2",
    "1.2. 85% cán bộ, công chức cấp xã có trình độ đại học trở lên và được chuẩn hoá về lý luận chính trị, chuyên môn, nghiệp vụ, kỹ năng làm việc (trừ các chức danh có quy định khác của cơ quan có thẩm quyền)",
    [[0.85, ">=", "percent"]],
  ],
  ["VI 1.2", "1.2. Tỷ lệ sắp xếp lại, xử lý nhà, đất thuộc thẩm quyền quản lý đạt trên 85%", [[0.85, ">=", "percent"]]],
  [
    "VII.A 1.1",
    "1.1. Triển khai hệ thống hội nghị trực tuyến đồng bộ từ cấp tỉnh đến 100% cấp xã và kết nối với hệ thống hội nghị trực tuyến quốc gia",
    [[1, ">=", "percent"]],
  ],
  ["VII.A 1.2", "1.2. Tỷ lệ cơ sở dữ liệu của các ngành được kết nối liên thông để phục vụ quản lý nhà nước, cung cấp dịch vụ công đạt 70%", [[0.7, ">=", "percent"]]],
  ["VII.A 1.3", "1.3. Tỷ lệ được đào tạo, tập huấn, tuyên truyền nâng cao nhận thức, kỹ năng số đạt 100%", [[1, ">=", "percent"]]],
  [
    "VII.A 1.4",
    "1.4. Từng bước triển khai 30% hoạt động kiểm tra của cơ quan quản lý nhà nước được thực hiện thông qua môi trường số và hệ thống thông tin của cơ quan quản lý (trừ hoạt động kiểm tra hoặc thông tin tư liệu của hoạt động kiểm tra thuộc phạm vi bí mật nhà nước)",
    [[0.3, ">=", "percent"]],
  ],
  ["VII.A 1.5", "1.5. Nâng cao hiệu quả hoạt động trang Thông tin điện tử xã", []],
  ["VII.A 1.6", "1.6. Nâng cao năng lực bảo đảm an toàn thông tin của địa phương", []],
  ["VII.B 1.1", "1.1. 100% duy trì, cải tiến hệ thống đáp ứng yêu cầu TCVN ISO 9001:2015", [[1, ">=", "percent"]]],
  ["VII.B 1.4", "1.4. Hoàn thành xây dựng mở rộng hệ thống quản lý chất lượng phù hợp TCVN ISO 9001:2015 trong năm 2024", []],
];

/** Sentences of the seed full of numbers that are not targets. */
const SEED_NOT_TARGETS = [
  "Căn cứ Luật Tổ chức Chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;",
  "Căn cứ Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ về Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021-2030;",
  "Căn cứ Nghị quyết số 12-NQ/TU ngày 26/5/2022 của Ban Chấp hành Đảng bộ tỉnh về đẩy mạnh cải cách hành chính, nâng cao hiệu lực, hiệu quả hoạt động của chính quyền các cấp giai đoạn 2022-2025, định hướng đến năm 2030;",
  "“Đề án Phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển đổi số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030” trên địa bàn tỉnh Hà Tĩnh;",
  "Số: 03/QĐ-UBND",
  "Hồng Lộc, ngày 12 tháng 01 năm 2024",
  "Ban hành kèm theo Quyết định số: 03/QĐ-UBND ngày 12/01/2024 của Ủy ban nhân dân xã Hồng Lộc)",
  "(ban hành kèm theo Quyết định số          /QĐ-UBND ngày         /12/2023 của Chủ tịch UBND tỉnh)",
  "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính xã Hồng Lộc năm 2024.",
  "Điều 2. Quyết định này có hiệu lực kể từ ngày ban hành.",
  "1.1.  Tiếp tục triển khai toàn diện, đồng bộ, có hiệu quả các mục tiêu, nhiệm vụ, giải pháp của Chương trình tổng thể cải cách hành chính (CCHC) nhà nước giai đoạn 2021-2030\n1\n của Chính phủ, của tỉnh\n\n2\n, của huyện\n\n3, \ncủa xã\n\n4\n; Nghị quyết số 12-NQ/TU",
  "Kế hoạch số 12/KH-UBND ngày 08/02/2023 của UBND xã về việc thực hiện chương trình hành động",
  "theo Công điện số 280/CĐ-TTg và 968/CĐ-TTg của Thủ tướng Chính phủ, Kết luận số 29-KL/TU của Ban Thường vụ Tỉnh ủy Hà Tĩnh; Quyết định 52/2017/QĐ-UBND ngày 22/11/2017 của UBND tỉnh",
  "tiếp tục triển khai thực hiện có hiệu quả Đề án 06 của Thủ tướng chính phủ.",
  "Tăng cường hiệu quả việc thực hiện các giải pháp nhằm giảm chi phí tuân thủ pháp luật, nâng xếp hạng chỉ số B1.",
  "Tuyên truyền, phổ biến, quán triệt, triển khai thực hiện Nghị quyết số 18-NQ/TW và Nghị quyết số 19-NQ/TW của Ban Chấp hành Trung ương Đảng khóa XII; Công điện số 209/CĐ-TTg ngày 28/02/2022",
  "theo TCVN ISO 9001:2015 tại xã.",
  "Luật Ban hành QPPL và các văn bản quy phạm pháp luật của Trung ương, Hiến pháp năm 2013",
  "báo cáo kết quả thực hiện theo quý, 6 tháng, năm và đột xuất (nếu có) công tác CCHC về UBND xã",
  "3.12 Ban hành Kế hoạch Kiểm tra CCHC 3.13. Thông báo lịch kiểm tra và tiến hành kiểm tra tại địa phương 3.14. Biên bản kiểm tra",
  "2.5. Triển khai xác định chỉ số PARINDEX của xã năm 2023 theo Kế hoạch của UBND huyện",
  "Quý II, III/2024",
  "Trước 15/01/2024",
  "Quý I-IV năm 2024",
  "Tháng 6, tháng 12",
];

describe("readTargets on the seed", () => {
  test.each(BODY)("body: %s", (sentence, expected) => {
    expect(brief(readTargets(sentence))).toEqual(expected);
  });
  test.each(APPENDIX)("appendix %s", (_where, sentence, expected) => {
    expect(brief(readTargets(sentence))).toEqual(expected);
  });
  test.each(SEED_NOT_TARGETS)("no target in: %s", (sentence) => {
    expect(readTargets(sentence)).toEqual([]);
  });
  test("the phrase is kept as written", () => {
    expect(readTargets("3.6. Mức độ hài lòng … đạt từ 94% trở lên.")[0].text).toBe("đạt từ 94% trở lên");
    expect(readTargets("Phấn đấu ít nhất có 01 sáng kiến")[0].text).toBe("Phấn đấu ít nhất có 01");
    expect(readTargets("85% cán bộ, công chức")[0].text).toBe("85%");
    expect(readTargets("cắt giảm 20% quy định")[0].text).toBe("cắt giảm 20%");
  });
  test("a PDF-wrapped cell reads like the rejoined sentence", () => {
    const wrapped = "1.8. Mức độ hài lòng \ncủa người dân, doanh \nnghiệp về giải quyết thủ \ntục hành chính đạt từ \n94% trở lên. ";
    expect(brief(readTargets(wrapped))).toEqual([[0.94, ">=", "percent"]]);
  });
});

describe("readTargets on sentences unlike the seed", () => {
  const cases: Array<[string, Expect[]]> = [
    ["Tỷ lệ hồ sơ giải quyết trễ hạn không vượt quá 2%.", [[0.02, "<=", "percent"]]],
    ["tỷ lệ hồ sơ trễ hẹn dưới 10%", [[0.1, "<=", "percent"]]],
    ["Tỷ lệ hồ sơ trễ hẹn tối đa 5% tổng số hồ sơ", [[0.05, "<=", "percent"]]],
    ["không quá 5%", [[0.05, "<=", "percent"]]],
    ["≥ 90% hồ sơ", [[0.9, ">=", "percent"]]],
    ["Tỷ lệ hồ sơ đúng hạn >=35%", [[0.35, ">=", "percent"]]],
    ["Tỷ lệ hồ sơ trễ hạn ≤ 3%, tỷ lệ hài lòng > 95%", [[0.03, "<=", "percent"], [0.95, ">=", "percent"]]],
    ["trên 50% người dân", [[0.5, ">=", "percent"]]],
    ["Tỷ lệ hài lòng đạt 85,3%", [[0.853, ">=", "percent"]]],
    ["Tỷ lệ hài lòng ≥ 95,5%", [[0.955, ">=", "percent"]]],
    ["Tỷ lệ đạt 12.5%", [[0.125, ">=", "percent"]]],
    ["Phấn đấu đến hết Quý III/2025 có ít nhất 90% hồ sơ được số hóa", [[0.9, ">=", "percent"]]],
    ["Giảm 30% thời gian giải quyết TTHC so với quy định", [[0.3, ">=", "percent", "reduction"]]],
    ["Rút ngắn ít nhất 30% thời gian giải quyết", [[0.3, ">=", "percent", "reduction"]]],
    ["giảm tỷ lệ hồ sơ trễ hẹn xuống dưới 5%", [[0.05, "<=", "percent"]]],
    ["giảm xuống còn 5% số hồ sơ trễ hẹn", [[0.05, "<=", "percent"]]],
    ["100% hồ sơ (tăng 5% so với năm 2023)", [[1, ">=", "percent"], [0.05, ">=", "percent", "increase"]]],
    ["Mỗi thôn tổ chức ít nhất 2 buổi tuyên truyền/năm", [[2, ">=", "count"]]],
    ["Tổ chức 02 hội nghị đối thoại và 3 lớp tập huấn trong Quý 2", [[2, ">=", "count"], [3, ">=", "count"]]],
    ["Hơn 2.000 lượt truy cập trang thông tin điện tử", [[2000, ">=", "count"]]],
    ["Không dưới 1.500 hồ sơ trực tuyến", [[1500, ">=", "count"]]],
    ["tối đa 3 cuộc kiểm tra", [[3, "<=", "count"]]],
    ["Số vụ việc khiếu nại giảm xuống còn dưới 3 vụ", [[3, "<=", "count"]]],
    ["Tỷ lệ từ 50% đến 70% hồ sơ", [[0.5, ">=", "percent"], [0.7, "<=", "percent"]]],
    ["tỷ lệ từ 50 đến 70%", [[0.5, ">=", "percent"], [0.7, "<=", "percent"]]],
    ["Tỷ lệ bằng 100% cùng kỳ", [[1, "=", "percent"]]],
    ["Tỷ lệ hài lòng đạt 75 phần trăm", [[0.75, ">=", "percent"]]],
    ["toi thieu 75% ho so duoc so hoa", [[0.75, ">=", "percent"]]],
    ["Tháng 6/2024 đạt 50%", [[0.5, ">=", "percent"]]],
    ["Kinh phí thực hiện 50 triệu đồng", []],
    ["Giải quyết trong 05 ngày làm việc kể từ ngày nhận đủ hồ sơ", []],
    ["Thực hiện theo Quyết định 619/QĐ-TTg ngày 08/5/2019 về chuẩn tiếp cận pháp luật", []],
    ["Dịch vụ công trực tuyến mức độ 4 và cấp độ 2 về an toàn thông tin", []],
    ["Chuyển đổi số theo cuộc Cách mạng công nghiệp 4.0, mạng 5G", []],
    ["Điểm chỉ số đạt 100/100 điểm", []],
    ["Tỷ lệ 1.234%", [[0.01234, ">=", "percent"]]],
    ["Sai số 5000%", []],
  ];
  test.each(cases)("%s", (sentence, expected) => {
    expect(brief(readTargets(sentence))).toEqual(expected);
  });
  test("NFD input reads the same as NFC", () => {
    const s = "Mức độ hài lòng đạt từ 94% trở lên; tối đa 5% hồ sơ trễ hạn";
    expect(readTargets(s.normalize("NFD"))).toEqual(readTargets(s));
    expect(readTargets(s)).toHaveLength(2);
  });
  test("non-strings and blanks read nothing", () => {
    expect(readTargets("")).toEqual([]);
    expect(readTargets(undefined as unknown as string)).toEqual([]);
    expect(readTargets(null as unknown as string)).toEqual([]);
  });
});

describe("readTarget", () => {
  const s = "tỷ lệ nộp hồ sơ trực tuyến đạt 70%; tỷ lệ nộp hồ sơ trực tuyến toàn trình đạt 90%";
  test("picks the n-th target, 1-based", () => {
    expect(readTarget(s)?.value).toBe(0.7);
    expect(readTarget(s, 2)?.value).toBe(0.9);
    expect(readTarget(s, 3)).toBeNull();
    expect(readTarget(s, 0)).toBeNull();
    expect(readTarget(s, 1.5)).toBeNull();
    expect(readTarget("Năm 2024 giảm biên chế")).toBeNull();
  });
});

describe("parseNumberVi", () => {
  test.each<[unknown, number | null]>([
    ["75%", 0.75],
    ["85,3%", 0.853],
    ["85,3 %", 0.853],
    ["1.234,5", 1234.5],
    ["1.234.567", 1234567],
    ["1.234", 1234],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["01", 1],
    ["0.75", 0.75],
    ["0.750", 0.75],
    ["12.5%", 0.125],
    ["100 phần trăm", 1],
    ["75 phan tram", 0.75],
    ["0,5%", 0.005],
    ["- 5", -5],
    ["−5", -5],
    ["+7", 7],
    ["1 234,5", 1234.5],
    ["\u00A075%\u00A0", 0.75],
    [0.75, 0.75],
    [0, 0],
    ["", null],
    ["   ", null],
    [true, null],
    [false, null],
    [null, null],
    [undefined, null],
    [NaN, null],
    [Infinity, null],
    ["abc", null],
    ["1.2.3", null],
    ["75%%", null],
    ["1e3", null],
    [new Date(2024, 0, 1), null],
    [{}, null],
    [[1], null],
  ])("%p → %p", (input, expected) => {
    expect(parseNumberVi(input)).toBe(expected);
  });
  test("percent shifts are exact as typed", () => {
    expect(parseNumberVi("70%")).toBe(0.7);
    expect(parseNumberVi("33,3%")).toBe(0.333);
    expect(parseNumberVi("0,1%")).toBe(0.001);
    expect(parseNumberVi("1.000%")).toBe(10);
  });
});

describe("parseComparator", () => {
  test.each<[string, string | null]>([
    [">=", ">="], ["≥", ">="], ["=>", ">="], ["tối thiểu", ">="], ["Ít nhất", ">="],
    ["<=", "<="], ["≤", "<="], ["tối đa", "<="], ["không quá", "<="],
    ["=", "="], ["bằng", "="], ["", null], ["abc", null],
  ])("%s", (input, expected) => expect(parseComparator(input)).toBe(expected));
});

describe("rate", () => {
  test("divides", () => {
    expect(rate(70, 100)).toBe(0.7);
    expect(rate(0, 5)).toBe(0);
    expect(rate(6, 5)).toBe(1.2);
  });
  test.each<[number, number]>([
    [1, 0],
    [1, -1],
    [-1, 5],
    [NaN, 5],
    [1, Infinity],
    [Infinity, 5],
  ])("rate(%p, %p) throws a bilingual RangeError", (p, w) => {
    expect(() => rate(p, w)).toThrow(RangeError);
    try {
      rate(p, w);
    } catch (e) {
      expect((e as Error).message).toMatch(/ \/ /); // "Vietnamese / English"
    }
  });
  test("non-numbers throw", () => {
    expect(() => rate("1" as unknown as number, 2)).toThrow(RangeError);
  });
});

describe("met", () => {
  test("with a floating-point tolerance", () => {
    expect(met(70 / 100, 0.7)).toBe(true);
    expect(met(0.1 + 0.2, 0.3, "<=")).toBe(true);
    expect(met(0.1 + 0.2, 0.3, "=")).toBe(true);
    expect(met(0.69, 0.7)).toBe(false);
    expect(met(0.06, 0.05, "<=")).toBe(false);
    expect(met(0.04, 0.05, "<=")).toBe(true);
    expect(met(1, 1, "=")).toBe(true);
    expect(met(2, 1, "=")).toBe(false);
    expect(met(NaN, 1)).toBe(false);
    expect(met(1, Infinity)).toBe(false);
  });
});

describe("attainment", () => {
  test(">=", () => {
    expect(attainment(0.35, 0.7)).toBe(0.5);
    expect(attainment(0.9, 0.7)).toBe(1);
    expect(attainment(0.9, 0.6, ">=", false)).toBeCloseTo(1.5);
    expect(attainment(70 / 100, 0.7)).toBe(1);
    expect(attainment(0, 0)).toBe(1);
    expect(attainment(5, 0)).toBe(1);
    expect(attainment(0, 1)).toBe(0);
  });
  test("<=", () => {
    expect(attainment(0.1, 0.05, "<=")).toBe(0.5);
    expect(attainment(0.03, 0.05, "<=")).toBe(1);
    expect(attainment(0.025, 0.05, "<=", false)).toBe(2);
    expect(attainment(0, 0.05, "<=")).toBe(1);
    expect(attainment(0, 0, "<=")).toBe(1);
    expect(attainment(3, 0, "<=")).toBe(0);
  });
  test("=", () => {
    expect(attainment(1, 1, "=")).toBe(1);
    expect(attainment(0.9, 1, "=")).toBeCloseTo(0.9);
    expect(attainment(1.2, 1, "=")).toBeCloseTo(0.8);
    expect(attainment(3, 1, "=")).toBe(0);
    expect(attainment(0, 0, "=")).toBe(1);
    expect(attainment(1, 0, "=")).toBe(0);
  });
  test("rejects what cannot be measured", () => {
    expect(() => attainment(NaN, 1)).toThrow(RangeError);
    expect(() => attainment(1, -1)).toThrow(RangeError);
    expect(() => attainment(-1, 1)).toThrow(RangeError);
  });
});

describe("completion", () => {
  test("counts done on time and late as done, ignores blanks", () => {
    const r = completion(["Hoàn thành đúng hạn", "Hoàn thành quá hạn", "Đang thực hiện", "", "  ", "Quá hạn chưa hoàn thành"]);
    expect(r).toEqual({ done: 2, total: 4, rate: 0.5, text: "2/4" });
  });
  test("tolerant of case, diacritics, tone placement and English", () => {
    const r = completion(["hoan thanh dung han", "HOÀN THÀNH QUÁ HẠN", "Completed on time", "Completed late", "Done", "Đã hoàn thành", "Hoàn thành trễ hạn"]);
    expect(r.done).toBe(7);
    expect(r.total).toBe(7);
    expect(r.rate).toBe(1);
  });
  test("dueOnly leaves 'Chưa đến hạn' out", () => {
    const statuses = ["Hoàn thành đúng hạn", "Chưa đến hạn", "Chưa đến hạn", "Đang thực hiện (trong hạn)"];
    expect(completion(statuses).text).toBe("1/4");
    expect(completion(statuses, true)).toEqual({ done: 1, total: 2, rate: 0.5, text: "1/2" });
    expect(completion(["Not yet due"], true)).toEqual({ done: 0, total: 0, rate: null, text: "0/0" });
  });
  test("not-completed wordings are not done", () => {
    for (const s of ["Chưa hoàn thành", "Quá hạn chưa hoàn thành", "Không hoàn thành", "Not completed", "Thường xuyên", "Đang thực hiện", "Overdue", "???"]) {
      expect(completionClass(s)).toBe("open");
    }
    expect(completionClass("")).toBeNull();
    expect(completionClass(null)).toBeNull();
  });
  test("empty list", () => {
    expect(completion([])).toEqual({ done: 0, total: 0, rate: null, text: "0/0" });
  });
});

describe("parScore", () => {
  test("default thresholds: full at 100%, rate × points from 80%, none below", () => {
    expect(parScore(1, 2)).toBe(2);
    expect(parScore(1.2, 2)).toBe(2);
    expect(parScore(0.9, 2)).toBe(1.8);
    expect(parScore(0.8, 2)).toBe(1.6);
    expect(parScore(0.79, 2)).toBe(0);
    expect(parScore(0, 2)).toBe(0);
    expect(parScore(29 / 29, 1)).toBe(1);
  });
  test("fixed share and linear scale are settings", () => {
    expect(parScore(0.9, 1, { full: 1, partial: 0.8, partialShare: 0.5 })).toBe(0.5);
    expect(parScore(0.9, 1, { full: 1, partial: 0.8, scale: "linear" })).toBe(0.5);
    expect(parScore(0.8, 1, { full: 1, partial: 0.8, scale: "linear" })).toBe(0);
    expect(parScore(0.95, 3, { full: 0.95, partial: 0.7 })).toBe(3);
    expect(parScore(0.7, 3, { partial: 0.7 })).toBe(2.1);
  });
  test("rejects nonsense", () => {
    expect(() => parScore(-0.1, 1)).toThrow(RangeError);
    expect(() => parScore(NaN, 1)).toThrow(RangeError);
    expect(() => parScore(0.5, -1)).toThrow(RangeError);
    expect(() => parScore(0.5, 1, { full: 0.5, partial: 0.8 })).toThrow(RangeError);
    expect(() => parScore(0.5, 1, { full: 0, partial: 0 })).toThrow(RangeError);
    expect(() => parScore(0.9, 1, { full: 1, partial: 0.8, partialShare: 2 })).toThrow(RangeError);
  });
});
