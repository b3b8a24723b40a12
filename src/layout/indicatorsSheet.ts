/**
 * The "Chỉ tiêu" sheet: one row per indicator and reporting period. The official types the
 * numerator and denominator; the actual, attainment and met columns are formulas.
 */
import { readTargets } from "../core/targets";
import type { Indicator } from "../core/plan";
import { NAMES } from "./names";
import { emptySheet, type Cell, type SheetLayout } from "./types";
import type { WorkbookModel } from "./model";

export const INDICATORS_SHEET = "Chỉ tiêu";
export const INDICATORS_TABLE = "ChiTieu";
export const INDICATOR_PERIODS = ["Quý I", "Quý II", "6 tháng", "Quý III", "9 tháng", "Quý IV", "Năm"] as const;

void NAMES;

export function indicatorsSheet(model: WorkbookModel): SheetLayout {
  const sheet = emptySheet(INDICATORS_SHEET, "indicators");
  sheet.cells.A1 = { v: `CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH NĂM ${model.plan.year}`, style: "title" };
  sheet.cells.A2 = { v: "Nhập tử số và mẫu số của từng kỳ (cột nền vàng); tỷ lệ, mức đạt và kết quả tự tính.", style: "note" };
  sheet.merges.push("A1:K1", "A2:K2");
  const rows: Cell[][] = [];
  const first = 4;
  model.plan.indicators.forEach((ind: Indicator) => {
    for (const period of INDICATOR_PERIODS) {
      const r = first + rows.length;
      rows.push([
        { v: ind.id }, { v: period }, { v: ind.text },
        { v: ind.comparator }, { v: ind.target, style: ind.unit === "percent" ? "percent" : "number" }, { v: ind.unit === "percent" ? "%" : "số lượng" },
        { v: null, style: "input" }, { v: null, style: "input" },
        { f: `IF(OR(G${r}="",H${r}=""),"",IF(H${r}>0,G${r}/H${r},""))`, v: "", style: ind.unit === "percent" ? "percent" : "number" },
        { f: `IF(I${r}="","",MIN(1,IF(E${r}=0,1,I${r}/E${r})))`, v: "", style: "percent" },
        { f: `IF(I${r}="","",IF(I${r}>=E${r}-1E-9,"Đạt","Chưa đạt"))`, v: "" },
      ]);
    }
  });
  void readTargets;
  sheet.tables.push({
    name: INDICATORS_TABLE,
    origin: "A3",
    columns: [
      { key: "id", header: "Mã", width: 11, style: "text" },
      { key: "period", header: "Kỳ", width: 9, style: "text" },
      { key: "text", header: "Chỉ tiêu", width: 60, style: "wrap" },
      { key: "comparator", header: "So sánh", width: 8, style: "center" },
      { key: "target", header: "Mục tiêu", width: 10, style: "percent" },
      { key: "unit", header: "Đơn vị tính", width: 10, style: "text" },
      { key: "numerator", header: "Tử số (thực hiện)", width: 12, style: "input" },
      { key: "denominator", header: "Mẫu số (tổng)", width: 12, style: "input" },
      { key: "actual", header: "Kết quả", width: 10, style: "percent" },
      { key: "attainment", header: "Mức đạt", width: 10, style: "percent" },
      { key: "met", header: "Đạt/Chưa đạt", width: 12, style: "text" },
    ],
    rows,
    style: "TableStyleLight9",
  });
  sheet.freeze = { rows: 3, columns: 2 };
  sheet.print = { orientation: "landscape", fitToWidth: true, titleRows: "$3:$3", pageNumbers: true };
  return sheet;
}
