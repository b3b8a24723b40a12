/**
 * How a report chart looks on every host, besides its data: the legend under the plot, each bar's
 * value written on it, and for rates a 0–100% value axis. The file renderer (xlsxCharts.ts) and
 * the live one (officejs/render.ts) both draw it so.
 */
import type { ChartLayout } from "../layout/types";

/** Every data value within 0…1: the series are rates, shown as percentages on a 0–100% axis. */
export function isRateChart(chart: ChartLayout): boolean {
  const values = chart.data?.series.flatMap((s) => s.values) ?? [];
  return values.length > 0 && values.every((v) => typeof v === "number" && v >= 0 && v <= 1) && /tỷ lệ|tỉ lệ|rate|%/i.test(`${chart.title} ${chart.series.map((s) => s.name).join(" ")}`);
}
