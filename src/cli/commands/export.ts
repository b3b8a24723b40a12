import { exportForLevelAbove } from "../../app/exportForLevelAbove";
import { readWorkbook } from "../../app/readWorkbook";
import { xlsxWorkbook } from "../../adapters/xlsx/xlsxWorkbook";
import { receiverOf } from "../../core/settings";
import { dateFlag, parseArgs, stringFlag } from "../args";
import { usageErrors } from "../usageErrors";
import type { Io } from "../io";
import type { Command } from "./index";
import { periodArg } from "./report";

export const exportCommand: Command = {
  name: "export",
  usage: "export WORKBOOK.xlsx --period Q2-2024 [--out FILE.xlsx] [--as-of YYYY-MM-DD] [--with-plan]",
  summary: "Xuất tệp báo cáo gửi cấp trên (giá trị cố định, có dấu kiểm tra) / export the file for the level above (values only, fingerprinted)",
  async run(argv: string[], io: Io) {
    const args = parseArgs(argv, { booleans: ["with-plan"], values: ["period", "as-of", "out", "exported-at"] });
    if (args.positional.length !== 1) throw usageErrors.workbook();
    const read = await readWorkbook(xlsxWorkbook(io.readFile(args.positional[0])));
    for (const w of read.warnings) io.err(`Lưu ý / note: ${w.vi} / ${w.en}`);
    const periods = (stringFlag(args, "period") ?? "").split(",").filter(Boolean).map((t) => periodArg(t, read));
    if (!periods.length) periodArg(undefined, read);
    const asOf = dateFlag(args, "as-of") ?? null;
    const exportedAt = stringFlag(args, "exported-at");
    if (exportedAt !== undefined && Number.isNaN(Date.parse(exportedAt))) throw usageErrors.badDateTime("exported-at", exportedAt);
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
