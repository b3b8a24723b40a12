import { parsePeriodToken, type Period } from "../../core/periods";
import { CchcError } from "../../core/errors";
import { buildReport, completionText, reportToJson, type Report } from "../../core/report";
import { buildReports } from "../../app/buildReports";
import { UnitDirectory } from "../../core/units";
import { readWorkbook } from "../../app/readWorkbook";
import { xlsxWorkbook } from "../../adapters/xlsx/xlsxWorkbook";
import type { WorkbookRead } from "../../layout/readBack";
import { indicatorsFromModel } from "../../layout/reportSheet";
import { dateFlag, parseArgs, stringFlag } from "../args";
import { usageErrors } from "../usageErrors";
import type { Io } from "../io";
import type { Command } from "./index";

/** A period token of the command line, with the workbook's cut-off settings. */
export function periodArg(token: string | undefined, read: Pick<WorkbookRead, "model">): Period {
  if (!token) throw usageErrors.missingPeriod();
  try {
    parsePeriodToken(token);
  } catch {
    throw usageErrors.badPeriod(token);
  }
  const { cutoffStartDay: startDay, cutoffEndDay: endDay } = read.model.settings;
  try {
    return parsePeriodToken(token, { startDay, endDay });
  } catch {
    // The token is a period (it reads with the default cut-off days): the workbook's days are wrong.
    throw new CchcError("bad-cutoff-days", {
      vi: `Ngày chốt số liệu trong sheet Cài đặt không hợp lệ (${startDay}, ${endDay}): sửa thành ngày 1–31 (mặc định 15 và 14) rồi chạy lại.`,
      en: `The cut-off days on the settings sheet are not valid (${startDay}, ${endDay}): make them days 1–31 (default 15 and 14) and run again.`,
    });
  }
}

/** The report of a workbook read back, exactly as its report sheet computes it. */
export function reportOfWorkbook(read: WorkbookRead, period: Period, asOf: string | null): Report {
  const model = read.model;
  const userDeadlines = Object.fromEntries(Object.entries(model.progress).map(([id, p]) => [id, p.userDeadline ?? null]));
  const units = read.units ? new UnitDirectory(read.units) : undefined;
  return buildReport(model.plan, read.log, period, asOf, model.settings, indicatorsFromModel(model, period).actuals, { userDeadlines, units });
}

const pct = (r: number | null) => (r === null ? "—" : `${(Math.round(r * 1000) / 10).toFixed(1).replace(".", ",")}%`);

export const reportCommand: Command = {
  name: "report",
  usage: "report WORKBOOK.xlsx --period Q2-2024 [--as-of YYYY-MM-DD] [--json] [--out FILE.xlsx]",
  summary: "Báo cáo kỳ từ nhật ký tiến độ; --out dựng sheet báo cáo trong sổ / period report from the progress log; --out builds the report sheet in the workbook",
  async run(argv: string[], io: Io) {
    const args = parseArgs(argv, { booleans: ["json"], values: ["period", "as-of", "out"] });
    if (args.positional.length !== 1) throw usageErrors.workbook();
    const file = xlsxWorkbook(io.readFile(args.positional[0]));
    const read = await readWorkbook(file);
    const period = periodArg(stringFlag(args, "period"), read);
    const asOf = dateFlag(args, "as-of") ?? null;
    const report = reportOfWorkbook(read, period, asOf);
    for (const p of read.logProblems) io.err(`Nhật ký / log: ${p.messageVi}`);
    for (const w of read.warnings) io.err(`Lưu ý / note: ${w.vi} / ${w.en}`);
    const out = stringFlag(args, "out");
    if (out) {
      const built = await buildReports(file, [period], { asOf, read });
      for (const m of built.applied.messages) io.err(`${m.vi}\n${m.en}`);
      io.writeFile(out, file.bytes()!);
      if (!args.flags.json) io.out(`Sheet "${period.sheetName}" → ${out}${built.rebuilt.length ? ` (dựng lại / rebuilt: ${built.rebuilt.join(", ")})` : ""}`);
    }
    if (args.flags.json) {
      io.out(JSON.stringify(reportToJson(report), null, 2));
      return 0;
    }
    const t = report.totals;
    io.out(
      [
        `${read.model.settings.unit} — ${period.label} (số liệu / data ${period.cutoffStart} … ${period.cutoffEnd}; tính đến / as of ${report.asOf})`,
        `Trong kỳ / in the period: ${completionText(t.doneOnTime + t.doneLate, t.due)}`,
        `Lũy kế / year to date: ${completionText(report.ytd.done, report.ytd.due)}`,
        `Đúng hạn / on time ${t.doneOnTime}, quá hạn / late ${t.doneLate}, đang thực hiện / in progress ${t.inProgress}, quá hạn chưa xong / overdue ${t.overdue}`,
        "Theo nhóm / by group:",
        ...report.byGroup.map((g) => `  ${g.group.padEnd(5)} ${String(g.due).padStart(3)} đến hạn, ${String(g.doneOnTime + g.doneLate).padStart(3)} xong  ${pct(g.completionRate)}`),
        `Cần đôn đốc / to follow up: ${report.overdue.length}`,
      ].join("\n"),
    );
    return 0;
  },
};
