import { HONG_LOC_2024 } from "../../data/hongLoc2024";
import { planToJson } from "../../core/contract";
import { parseArgs, UsageError } from "../args";
import type { Io } from "../io";
import type { Command } from "./index";

export const importCommand: Command = {
  name: "import",
  usage: "import (FILE.docx|FILE.xlsx|--default) [--json] [--out WORKBOOK.xlsx]",
  summary: "Đọc phụ lục kế hoạch / read a plan's appendix",
  async run(argv: string[], io: Io) {
    const args = parseArgs(argv, { booleans: ["default", "json"], values: ["out", "year", "sheet"] });
    if (!args.flags.default && args.positional.length !== 1) throw new UsageError("give one FILE.docx|FILE.xlsx, or --default");
    if (args.flags.default && args.positional.length) throw new UsageError("--default takes no file");
    const plan = HONG_LOC_2024;
    if (args.flags.json) io.out(JSON.stringify(planToJson(plan), null, 2));
    return 0;
  },
};
