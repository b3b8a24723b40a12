import { exportForLevelAbove } from "../../app/exportForLevelAbove";
import { readWorkbook } from "../../app/readWorkbook";
import { xlsxWorkbook } from "../../adapters/xlsx/xlsxWorkbook";
import { receiverOf } from "../../core/settings";
import { parseArgs, stringFlag, UsageError } from "../args";
import type { Io } from "../io";
import type { Command } from "./index";
import { asOfArg, periodArg } from "./report";

export const exportCommand: Command = {
  name: "export",
  usage: "export WORKBOOK.xlsx --period Q2-2024 [--out FILE.xlsx] [--as-of YYYY-MM-DD] [--with-plan]",
  summary: "Xuất tệp báo cáo gửi cấp trên (giá trị cố định, có dấu kiểm tra) / export the file for the level above (values only, fingerprinted)",
  async run(argv: string[], io: Io) {
    const args = parseArgs(argv, { booleans: ["with-plan"], values: ["period", "as-of", "out", "exported-at"] });
    if (args.positional.length !== 1) throw new UsageError("give one WORKBOOK.xlsx");
    const read = await readWorkbook(xlsxWorkbook(io.readFile(args.positional[0])));
    for (const w of read.warnings) io.err(`Lưu ý / note: ${w.vi} / ${w.en}`);
    const periods = (stringFlag(args, "period") ?? "").split(",").filter(Boolean).map((t) => periodArg(t, read));
    if (!periods.length) periodArg(undefined, read);
    const asOf = asOfArg(stringFlag(args, "as-of"));
    const exportedAt = stringFlag(args, "exported-at");
    if (exportedAt !== undefined && Number.isNaN(Date.parse(exportedAt))) throw new UsageError(`--exported-at must be an ISO date-time, got ${exportedAt}`);
    const result = await exportForLevelAbove(read, periods, {
      includePlan: Boolean(args.flags["with-plan"]), asOf,
      exportedAt: exportedAt ? new Date(exportedAt).toISOString().replace(/\.\d{3}Z$/, "Z") : undefined,
    });
    const out = stringFlag(args, "out") ?? result.fileName;
    io.writeFile(out, result.bytes);
    const t = result.reports[0].report.totals;
    io.out(
      [
        `Tệp gửi ${receiverOf(read.model.settings)} / file for the level above: ${out}`,
        `Kỳ / period: ${result.reports.map((r) => r.report.period.label).join(", ")} — ${t.doneOnTime + t.doneLate}/${t.due} nhiệm vụ đến hạn đã hoàn thành`,
        `Dấu kiểm tra / fingerprint (SHA-256): ${result.fingerprint}`,
      ].join("\n"),
    );
    return 0;
  },
};
