import { planToJson } from "../../core/contract";
import { parseArgs, planSourceArgs, stringFlag, yearFlag, type ParsedArgs } from "../args";
import type { FormulaMode } from "../../layout/model";
import { usageErrors } from "../usageErrors";
import { loadPlan } from "../loadPlan";
import { reimport } from "../../app/reimport";
import { importPlan } from "../../app/importPlan";
import { xlsxWorkbook } from "../../adapters/xlsx/xlsxWorkbook";
import type { Plan } from "../../core/plan";
import type { Io } from "../io";
import type { Command } from "./index";

/**
 * A new workbook for a plan (no progress yet): what `import --out` writes — the import use case on a
 * new file, so the plan sheet reads the (empty) log from the start, as in the task pane. "custom"
 * formulas (=CCHC.*) need the add-in; "native" ones open in any Excel (the file page writes those).
 */
export async function newWorkbook(plan: Plan, headerLines: string[], mode: FormulaMode = "custom"): Promise<Uint8Array> {
  const file = xlsxWorkbook();
  await importPlan(file, plan, { headerLines, mode });
  return file.bytes()!;
}

function formulasFlag(args: ParsedArgs): FormulaMode {
  const text = stringFlag(args, "formulas") ?? "custom";
  if (text !== "custom" && text !== "native") throw usageErrors.badFormulas(text);
  return text;
}

export const importCommand: Command = {
  name: "import",
  usage: "import (FILE.docx|FILE.xlsx|--default) [--json] [--out WORKBOOK.xlsx [--apply] [--formulas custom|native]] [--year Y] [--commune NAME]",
  summary: "Đọc phụ lục kế hoạch / read a plan's appendix",
  async run(argv: string[], io: Io) {
    const args = parseArgs(argv, { booleans: ["default", "json", "apply"], values: ["out", "year", "commune", "sheet", "formulas"] });
    const mode = formulasFlag(args);
    const source = planSourceArgs(args);
    if (!args.flags.json && !args.flags.out) throw usageErrors.noOutput();
    const { plan, warnings, headerLines } = await loadPlan(
      { ...source, year: yearFlag(args), commune: stringFlag(args, "commune"), sheet: stringFlag(args, "sheet") }, io);
    for (const w of warnings) io.err(`Lưu ý / note: ${w.vi} / ${w.en}`);
    const out = stringFlag(args, "out");
    const existing = out ? io.readFileIfExists(out) : null;
    if (out && existing) {
      const file = xlsxWorkbook(existing);
      const { applied, summary } = await reimport(file, plan, { apply: Boolean(args.flags.apply), headerLines });
      const say = args.flags.json ? io.err : io.out;
      summary.vi.forEach((line, i) => say(i === 0 ? `${line}\n${summary.en[0]}` : line));
      if (!applied) {
        io.err(`Chưa ghi gì vào ${out}. Xem lại các thay đổi trên rồi chạy lại với --apply.\nNothing written to ${out}: review the changes above, then run again with --apply.`);
      } else {
        io.writeFile(out, file.bytes()!);
        io.err(`Đã cập nhật ${out} / updated.`);
      }
    } else if (out) {
      io.writeFile(out, await newWorkbook(plan, headerLines, mode));
      if (!args.flags.json) io.out(`${plan.activities.length} hoạt động / activities, ${plan.groups.length} nhóm / groups → ${out}`);
    }
    if (args.flags.json) io.out(JSON.stringify(planToJson(plan), null, 2));
    return 0;
  },
};
