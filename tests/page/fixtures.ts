/** Inputs for the file page's tests: an appendix unlike the seed (another commune, year, groups, wording). */
import { makeActivities, type ActivityFields, type Group } from "../../src/core/plan";
import { appendixRows, planToDocx } from "../helpers/docxWriter";
import { sheetsToXlsx } from "../helpers/xlsxWriter";

export const OTHER_GROUPS: Group[] = [
  { id: "I", title: "CÔNG TÁC TUYÊN TRUYỀN" },
  { id: "II", title: "CẢI CÁCH THỦ TỤC HÀNH CHÍNH" },
];

const row = (group: string, objectiveNo: string, objective: string, taskNo: string, task: string, activityNo: string, activity: string, lead: string, deadline: string): ActivityFields => ({
  group, objectiveNo, objective, taskNo, task, activityNo, activity, output: "Báo cáo", lead, partners: "Các ban, ngành", deadline, budget: "Ngân sách xã",
});

export const OTHER_ROWS: ActivityFields[] = [
  row("I", "1", "Nâng cao nhận thức về CCHC", "1.1", "Tuyên truyền trên loa truyền thanh", "1.1.1", "Phát thanh chuyên mục CCHC hằng tháng", "Văn hoá - Xã hội", "Hằng tháng"),
  row("I", "1", "Nâng cao nhận thức về CCHC", "1.1", "Tuyên truyền trên loa truyền thanh", "1.1.2", "Niêm yết thủ tục mới tại bộ phận một cửa", "Văn phòng - Thống kê", "Quý I/2025"),
  row("II", "2", "Giải quyết hồ sơ đúng hạn", "2.1", "Rà soát thủ tục hành chính", "2.1.1", "Rà soát, đề xuất đơn giản hoá thủ tục", "Tư pháp - Hộ tịch", "Tháng 6/2025"),
  row("II", "2", "Giải quyết hồ sơ đúng hạn", "2.1", "Rà soát thủ tục hành chính", "2.1.2", "Công khai kết quả giải quyết hồ sơ", "Văn phòng - Thống kê", "Quý II, III/2025"),
  row("II", "2", "Giải quyết hồ sơ đúng hạn", "2.2", "Số hoá hồ sơ", "2.2.1", "Số hoá kết quả giải quyết thủ tục hành chính", "Tư pháp - Hộ tịch", "31/10/2025"),
];

export const OTHER_TITLE = "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH XÃ TÂN PHÚ NĂM 2025";

/** The appendix of Tân Phú 2025 as Word holds it. */
export function otherAppendixDocx(): Uint8Array {
  return planToDocx({ groups: OTHER_GROUPS, activities: makeActivities(OTHER_ROWS) }, { title: [OTHER_TITLE] });
}

/** The same appendix as a table saved from Excel (.xlsx), merged cells and all. */
export function otherAppendixXlsx(): Promise<Uint8Array> {
  return sheetsToXlsx([{ name: "Phụ lục", titleRows: [OTHER_TITLE], rows: appendixRows(OTHER_GROUPS, makeActivities(OTHER_ROWS)) }]);
}
