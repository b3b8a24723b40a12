/**
 * The summary workbook of the level above (the district before 1/7/2025, the province since;
 * titled with the receiver the communes' files name) from core/rollup.ts: sheet "Tổng hợp" with one
 * row per commune (ranked: completion, overdue, year to date, indicators met), the communes'
 * total (live SUM formulas), a chart of completion by commune, the figures by group,
 * and the files left out with the reason; sheet "Theo nhóm" with each commune's completion rate
 * by group.
 */
import { formatViDate } from "../core/dates";
import { ROLLUP_STATUS_LABELS, type RollupResult } from "../core/rollup";
import { receiverParts } from "../core/settings";
import type { ReportCounts } from "../core/report";
import { columnLetter } from "./address";
import { emptySheet, type Cell, type SheetLayout, type WorkbookLayout } from "./types";

export const ROLLUP_SHEET = "Tổng hợp";
export const ROLLUP_GROUP_SHEET = "Theo nhóm";
/** The total row: every commune summed (not "Toàn huyện": since 1/7/2025 the province consolidates). */
export const ALL_COMMUNES = "Tổng các xã";

const COUNT_HEADERS: Array<[keyof ReportCounts, string, number]> = [
  ["activities", "Số hoạt động", 10],
  ["due", "Đến hạn trong kỳ", 11],
  ["doneOnTime", "Hoàn thành đúng hạn", 11],
  ["doneLate", "Hoàn thành quá hạn", 11],
  ["inProgress", "Đang thực hiện", 11],
  ["noReport", "Chưa có báo cáo", 11],
  ["overdue", "Quá hạn chưa hoàn thành", 12],
  ["completionRate", "Tỷ lệ hoàn thành trong kỳ", 12],
];

export interface RollupLayoutOptions {
  /** When the summary was made (ISO date-time), shown under the title. */
  generatedAt?: string;
}

export function rollupWorkbookLayout(result: RollupResult, options: RollupLayoutOptions = {}): WorkbookLayout {
  return {
    sheets: [rollupSheet(result, options), rollupGroupSheet(result)],
    properties: {
      title: `Tổng hợp CCHC cấp xã – ${result.period?.label ?? ""}`,
      subject: `Tổng hợp kết quả thực hiện kế hoạch CCHC các xã${result.receiver ? `, ${receiverParts(result.receiver).body}` : ""}`,
      creator: "CCHC add-in",
      keywords: `CCHC; tổng hợp; ${result.period?.token ?? ""}`,
    },
  };
}

export function rollupSheet(result: RollupResult, options: RollupLayoutOptions = {}): SheetLayout {
  const sheet = emptySheet(ROLLUP_SHEET, "rollup");
  const c = sheet.cells;
  const LAST = "L";
  // the consolidating body and its office, as the communes' files name them (a setting of each commune)
  const { body, office } = receiverParts(result.receiver);
  c.A1 = { v: body.toUpperCase(), style: "title" };
  c.A2 = { v: office.toUpperCase(), style: "title" };
  c.F1 = { v: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style: "title" };
  c.F2 = { v: "Độc lập - Tự do - Hạnh phúc", style: "title" };
  c.A4 = { v: "TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH CẤP XÃ", style: "title" };
  const p = result.period;
  c.A5 = {
    v: p ? `${p.label}${p.cutoffStart ? ` (số liệu từ ngày ${formatViDate(p.cutoffStart)} đến ngày ${formatViDate(p.cutoffEnd)})` : ""}` : "(không có báo cáo hợp lệ)",
    style: "subtitle",
  };
  c.A6 = {
    v: `${result.ok.length} xã được tổng hợp; ${result.flagged.length} tệp/xã không được tổng hợp (xem mục III).${options.generatedAt ? ` Lập lúc ${options.generatedAt}.` : ""}`,
    style: "note",
  };
  sheet.merges.push("A1:D1", "A2:D2", `F1:${LAST}1`, `F2:${LAST}2`, `A4:${LAST}4`, `A5:${LAST}5`, `A6:${LAST}6`);
  let r = 8;
  c[`A${r}`] = { v: "I. KẾT QUẢ THEO XÃ (xếp hạng theo tỷ lệ hoàn thành nhiệm vụ đến hạn trong kỳ)", style: "bold" };
  r++;
  const header = r;
  const first = header + 1;
  const rows: Cell[][] = result.ok.map((row) => {
    const rep = row.report!;
    return [
      { v: row.rank, style: "center" },
      { v: row.commune, style: "wrap" },
      ...COUNT_HEADERS.map(([k]) => (k === "completionRate" ? { v: rep.totals.completionRate ?? "", style: "percent" as const } : { v: rep.totals[k] as number, style: "integer" as const })),
      { v: rep.ytd.completionRate ?? "", style: "percent" },
      { v: rep.indicators.withData ? `${rep.indicators.met}/${rep.indicators.withData}` : "—", style: "center" },
      { v: row.exportedAt ? row.exportedAt.replace("T", " ").replace(/Z$/, "") : "", style: "text" },
    ];
  });
  sheet.tables.push({
    name: "TongHop_Xa",
    origin: `A${header}`,
    columns: [
      { key: "rank", header: "Xếp hạng", width: 8, style: "center" },
      { key: "commune", header: "Xã", width: 24, style: "wrap" },
      ...COUNT_HEADERS.map(([key, h, w]) => ({ key, header: h, width: w, style: key === "completionRate" ? ("percent" as const) : ("integer" as const) })),
      { key: "ytd", header: "Tỷ lệ lũy kế từ đầu năm", width: 12, style: "percent" },
      { key: "indicators", header: "Chỉ tiêu đạt / có số liệu", width: 12, style: "center" },
      { key: "exportedAt", header: "Thời điểm xuất tệp", width: 18, style: "text" },
    ],
    rows: rows.length ? rows : [Array.from({ length: 12 }, () => ({ v: null }))],
    style: "TableStyleLight9",
  });
  sheet.rowHeights = { [header - 1]: 45 };
  const last = first + Math.max(rows.length, 1) - 1;
  const total = last + 1;
  c[`A${total}`] = { v: "", style: "groupRow" };
  c[`B${total}`] = { v: ALL_COMMUNES, style: "groupRow" };
  COUNT_HEADERS.forEach(([k], i) => {
    const col = columnLetter(2 + i);
    if (k === "completionRate") {
      const [due, on, late] = ["D", "E", "F"].map((x) => `${x}${total}`);
      c[`${col}${total}`] = { f: `IF(${due}=0,"",(${on}+${late})/${due})`, v: result.totals.completionRate ?? "", style: "percent" };
    } else c[`${col}${total}`] = { f: `SUM(${col}${first}:${col}${last})`, v: result.totals[k] as number, style: "groupRow" };
  });
  c[`J${total}`] = { v: result.ytd.completionRate ?? "", style: "percent" };
  c[`K${total}`] = { v: result.indicators.withData ? `${result.indicators.met}/${result.indicators.withData}` : "—", style: "groupRow" };
  c[`L${total}`] = { v: "", style: "groupRow" };
  r = total + 2;
  if (result.ok.length) {
    c[`A${r}`] = { v: "Biểu đồ: tỷ lệ hoàn thành nhiệm vụ đến hạn trong kỳ, theo xã", style: "italic" };
    r++;
    const height = Math.max(15, Math.ceil(result.ok.length * 1.2));
    sheet.charts.push({
      type: "barClustered",
      title: `Tỷ lệ hoàn thành theo xã – ${p?.label ?? ""}`,
      categories: `$B$${first}:$B$${last}`,
      series: [{ name: "Tỷ lệ hoàn thành", values: `$I$${first}:$I$${last}` }],
      from: `B${r}`,
      to: `K${r + height - 1}`,
      data: { categories: result.ok.map((x) => x.commune), series: [{ name: "Tỷ lệ hoàn thành", values: result.ok.map((x) => x.report!.totals.completionRate ?? 0) }] },
    });
    r += height + 1;
  }
  c[`A${r}`] = { v: "II. KẾT QUẢ CHUNG CỦA CÁC XÃ THEO NHÓM NHIỆM VỤ", style: "bold" };
  r++;
  sheet.tables.push({
    name: "TongHop_Nhom",
    origin: `A${r}`,
    columns: [
      { key: "group", header: "Nhóm", width: 8, style: "center" },
      { key: "title", header: "Nhóm nhiệm vụ", width: 24, style: "wrap" },
      ...COUNT_HEADERS.map(([key, h, w]) => ({ key, header: h === "Tỷ lệ hoàn thành trong kỳ" ? "Tỷ lệ hoàn thành" : h, width: w, style: key === "completionRate" ? ("percent" as const) : ("integer" as const) })),
    ],
    rows: result.byGroup.length
      ? result.byGroup.map((g) => [
          { v: g.group, style: "center" }, { v: g.title, style: "wrap" },
          ...COUNT_HEADERS.map(([k]) => (k === "completionRate" ? { v: g.completionRate ?? "", style: "percent" as const } : { v: g[k] as number, style: "integer" as const })),
        ])
      : [Array.from({ length: 9 }, () => ({ v: null }))],
    style: "TableStyleLight9",
  });
  sheet.rowHeights[r - 1] = 45;
  r += Math.max(result.byGroup.length, 1) + 2;
  c[`A${r}`] = { v: "III. TỆP, XÃ KHÔNG ĐƯỢC TỔNG HỢP", style: "bold" };
  r++;
  sheet.tables.push({
    name: "TongHop_Loai",
    origin: `A${r}`,
    columns: [
      { key: "no", header: "TT", width: 8, style: "center" },
      { key: "commune", header: "Xã", width: 24, style: "wrap" },
      { key: "file", header: "Tệp", width: 30, style: "wrap" },
      { key: "status", header: "Tình trạng", width: 20, style: "wrap" },
      { key: "reason", header: "Lý do", width: 60, style: "wrap" },
    ],
    rows: result.flagged.length
      ? result.flagged.map((f, i) => [{ v: i + 1 }, { v: f.commune }, { v: f.file }, { v: ROLLUP_STATUS_LABELS[f.status] }, { v: f.reasonVi }])
      : [[{ v: "" }, { v: "" }, { v: "" }, { v: "" }, { v: "Không có." }]],
    style: "TableStyleLight9",
  });
  sheet.widths = { A: 8, B: 24, C: 10, D: 11, E: 11, F: 11, G: 11, H: 12, I: 12, J: 12, K: 12, L: 18 };
  sheet.freeze = { rows: header, columns: 2 };
  sheet.print = { orientation: "landscape", fitToWidth: true, titleRows: `$${header}:$${header}`, pageNumbers: true };
  return sheet;
}

export function rollupGroupSheet(result: RollupResult): SheetLayout {
  const sheet = emptySheet(ROLLUP_GROUP_SHEET, "rollup");
  const groups = result.byGroup.map((g) => g.group);
  const lastCol = columnLetter(Math.max(groups.length + 1, 2));
  sheet.cells.A1 = { v: `TỶ LỆ HOÀN THÀNH NHIỆM VỤ ĐẾN HẠN THEO NHÓM, TỪNG XÃ – ${result.period?.label ?? ""}`, style: "title" };
  sheet.cells.A2 = { v: "Ô trống: nhóm không có nhiệm vụ đến hạn trong kỳ.", style: "note" };
  sheet.merges.push(`A1:${lastCol}1`, `A2:${lastCol}2`);
  const rows: Cell[][] = result.ok.map((row) => {
    const by = new Map(row.report!.byGroup.map((g) => [g.group, g]));
    return [{ v: row.rank, style: "center" }, { v: row.commune, style: "wrap" }, ...groups.map((g) => ({ v: by.get(g)?.completionRate ?? "", style: "percent" as const }))];
  });
  rows.push([{ v: "", style: "center" }, { v: ALL_COMMUNES, style: "bold" }, ...result.byGroup.map((g) => ({ v: g.completionRate ?? "", style: "percent" as const }))]);
  sheet.tables.push({
    name: "TongHop_TheoNhom",
    origin: "A4",
    columns: [
      { key: "rank", header: "Xếp hạng", width: 8, style: "center" },
      { key: "commune", header: "Xã", width: 24, style: "wrap" },
      ...groups.map((g) => ({ key: `g_${g}`, header: `Nhóm ${g}`, width: 10, style: "percent" as const })),
    ],
    rows,
    style: "TableStyleLight9",
  });
  sheet.freeze = { rows: 4, columns: 2 };
  sheet.print = { orientation: "landscape", fitToWidth: true, titleRows: "$4:$4", pageNumbers: true };
  return sheet;
}
