import { validatePlan, countBySeverity } from "../../core/validate/validate";
import { dateFlag, parseArgs, planSourceArgs, stringFlag, yearFlag } from "../args";
import { loadPlan } from "../loadPlan";
import type { Io } from "../io";
import type { Command } from "./index";

export const validateCommand: Command = {
  name: "validate",
  usage: "validate (FILE.docx|FILE.xlsx|--default) [--json] [--year Y]",
  summary: "Kiểm tra chủ trì, thời hạn và tính nhất quán / check owners, deadlines, consistency",
  async run(argv: string[], io: Io) {
    const args = parseArgs(argv, { booleans: ["default", "json"], values: ["year", "commune", "sheet", "as-of"] });
    const { plan, warnings, headerLines } = await loadPlan({ ...planSourceArgs(args), year: yearFlag(args), commune: stringFlag(args, "commune"), sheet: stringFlag(args, "sheet") }, io);
    // What the reader skipped or joined explains findings (a row joined above, a column not found): said first, on stderr.
    for (const w of warnings) io.err(`Lưu ý / note: ${w.vi} / ${w.en}`);
    const findings = validatePlan(plan, { headerLines, asOf: dateFlag(args, "as-of") });
    if (args.flags.json) {
      io.out(JSON.stringify({
        findings: findings.map((f) => ({ code: f.code, severity: f.severity, activityId: f.activityId, column: f.column, message: f.message, messageEn: f.messageEn, suggestion: f.suggestion })),
      }, null, 2));
    } else {
      const c = countBySeverity(findings);
      io.out(`${plan.title}: ${plan.activities.length} hoạt động — ${c.error} lỗi / errors, ${c.warning} cảnh báo / warnings, ${c.info} lưu ý / notes`);
      for (const f of findings) io.out(`[${f.severity}] ${f.code} ${f.activityId} ${f.column}: ${f.message}${f.suggestion ? ` → ${f.suggestion}` : ""}`);
    }
    return 0;
  },
};
