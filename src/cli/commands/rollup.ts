import * as path from "path";
import { rollupToJson } from "../../core/rollup";
import { rollupWorkbook } from "../../export/rollup";
import { parseArgs, stringFlag } from "../args";
import { usageErrors } from "../usageErrors";
import type { Io } from "../io";
import type { Command } from "./index";

export const rollupCommand: Command = {
  name: "rollup",
  usage: "rollup FILE.xlsx… --out FILE.xlsx [--period Q2-2024] [--json] [--expect \"Xã A,Xã B\"]",
  summary: "Tổng hợp báo cáo các xã cho cấp trên / consolidate communes' exports for the level above",
  async run(argv: string[], io: Io) {
    const args = parseArgs(argv, { booleans: ["json"], values: ["out", "period", "expect"] });
    if (args.positional.length === 0) throw usageErrors.exports();
    const out = stringFlag(args, "out");
    if (!out && !args.flags.json) throw usageErrors.rollupOutput();
    const files = args.positional.map((f) => ({ name: path.basename(f), bytes: io.readFile(f) }));
    const expected = (stringFlag(args, "expect") ?? "").split(",").map((s) => s.trim()).filter(Boolean);
    const generatedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
    const r = await rollupWorkbook(files, { period: stringFlag(args, "period"), expected, generatedAt });
    if (out) io.writeFile(out, r.bytes);
    for (const f of r.result.flagged) io.err(`${f.file || f.commune}: ${f.reasonVi}`);
    if (args.flags.json) {
      io.out(JSON.stringify(rollupToJson(r.result), null, 2));
      return 0;
    }
    const t = r.result.totals;
    io.out(
      [
        `${r.result.period?.label ?? "—"}: ${r.result.ok.length} xã tổng hợp / communes summed, ${r.result.flagged.length} bị loại / left out`,
        `Tổng các xã / all communes${r.result.receiver ? ` (${r.result.receiver})` : ""}: ${t.doneOnTime + t.doneLate}/${t.due} nhiệm vụ đến hạn đã hoàn thành`,
        `Sổ tổng hợp / summary workbook: ${out}`,
      ].join("\n"),
    );
    return 0;
  },
};
