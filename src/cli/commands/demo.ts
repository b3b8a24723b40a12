import { HONG_LOC_2024 } from "../../data/hongLoc2024";
import { defaultSettings } from "../../core/settings";
import { trackedWorkbookLayout } from "../../layout/reportSheet";
import { sampleLog } from "../../core/sampleLog";
import { periodsUpTo } from "../../core/periods";
import { writeXlsx } from "../../render/exceljs";
import { dateFlag, parseArgs, stringFlag } from "../args";
import { usageErrors } from "../usageErrors";
import { countBySeverity } from "../../core/validate/validate";
import type { Io } from "../io";
import type { Command } from "./index";

export const DEMO_OUT = "out/ke-hoach-cchc-hong-loc-2024.xlsx";
/** The demo looks at the plan as of the 9-month cut-off, so every kind of status shows. */
export const DEMO_AS_OF = "2024-09-14";

export const demoCommand: Command = {
  name: "demo",
  usage: "demo [--out FILE.xlsx] [--as-of YYYY-MM-DD]",
  summary: "Dựng sổ Excel từ kế hoạch mẫu xã Hồng Lộc 2024 / build the workbook from the embedded plan",
  async run(argv: string[], io: Io) {
    const args = parseArgs(argv, { booleans: [], values: ["out", "as-of"] });
    if (args.positional.length) throw usageErrors.unexpectedArgument(args.positional[0]);
    const out = stringFlag(args, "out") ?? DEMO_OUT;
    const asOf = dateFlag(args, "as-of") ?? DEMO_AS_OF;
    const plan = HONG_LOC_2024;
    const settings = defaultSettings(plan, asOf);
    // A sample progress log (marked "Dữ liệu mẫu") and the report of every period closed by the as-of date.
    const cutoffs = { startDay: settings.cutoffStartDay, endDay: settings.cutoffEndDay };
    const log = sampleLog(plan, asOf, cutoffs);
    const periods = periodsUpTo(asOf, plan.year, cutoffs).filter((p) => p.cutoffEnd <= asOf);
    const { layout, reports, findings } = trackedWorkbookLayout(
      { plan, settings, progress: {}, mode: "custom" },
      log,
      { validation: { headerLines: plan.appendixHeader }, periods, sample: true },
    );
    io.writeFile(out, await writeXlsx(layout));
    const counted = plan.groups.map((g) => ({ id: g.id, n: plan.activities.filter((a) => a.group === g.id).length })).filter((g) => g.n > 0);
    const perGroup = counted.map((g) => `${g.id}: ${g.n}`).join(", ");
    // The findings the workbook's "Kiểm tra" sheet lists, so the summary and the sheet agree.
    const c = countBySeverity(findings);
    io.out(
      [
        `${plan.title} (${plan.unit}, ${plan.province})`,
        `Nhóm / groups: ${counted.length} — hoạt động / activities: ${plan.activities.length} (${perGroup})`,
        `Chỉ tiêu / indicators: ${plan.indicators.length}`,
        `Tính đến / as of: ${asOf}`,
        `Nhật ký tiến độ mẫu / sample progress log: ${log.length} dòng / entries ("Dữ liệu mẫu")`,
        `Báo cáo / reports: ${reports.map((r) => `${r.name} ${r.report.totals.doneOnTime + r.report.totals.doneLate}/${r.report.totals.due}`).join(", ") || "—"}`,
        `Kiểm tra / findings: ${c.error} lỗi / errors, ${c.warning} cảnh báo / warnings, ${c.info} lưu ý / notes`,
        `Sổ Excel / workbook: ${out} (${layout.sheets.map((s) => s.name).join(", ")})`,
      ].join("\n"),
    );
    return 0;
  },
};
