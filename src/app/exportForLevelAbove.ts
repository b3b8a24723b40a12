/**
 * The file for the level above, from a workbook on any host: values only, the report sheets' edited
 * texts kept, a "Thông tin" sheet and a fingerprint (src/export/districtExport.ts).
 */
import type { Period } from "../core/periods";
import { buildDistrictExport } from "../export/districtExport";
import type { WorkbookRead } from "../layout/readBack";

export function exportForLevelAbove(read: WorkbookRead, periods: Period[], options: { includePlan: boolean; asOf: string | null; exportedAt?: string }) {
  const fields = Object.fromEntries(
    periods.map((p) => [p.token, read.reports.find((r) => r.name.toLowerCase() === p.sheetName.toLowerCase())?.fields]),
  );
  return buildDistrictExport({
    model: read.model, log: read.log, periods, includePlan: options.includePlan, units: read.units,
    asOf: Object.fromEntries(periods.map((p) => [p.token, options.asOf])), fields, exportedAt: options.exportedAt,
  });
}
