/** The deadline texts of the real 2025 plans (deadline.phrasings.txt, a verbatim copy of ../shared/realplans/phrasings.txt). */
import * as fs from "fs";
import * as path from "path";
import { makeActivities, type Activity } from "../../src/core/plan";

/**
 * Each line under a "== X." section, without its document tags ("    [T1, T3]"), the compiler's
 * English notes ("(no year — …)", "(start-date, not deadline)") and what follows " — ".
 * Distinct, in file order.
 */
export function phrasings(): string[] {
  const out: string[] = [];
  let inSection = false;
  for (const line of fs.readFileSync(path.join(__dirname, "deadline.phrasings.txt"), "utf8").split(/\r?\n/)) {
    if (/^== [A-Z]\./.test(line)) inSection = true;
    else if (inSection && line.trim() !== "") {
      const text = line.replace(/ {2,}\[.*$/, "").replace(/ \((?:no year|start-date).*\)$/, "").replace(/ — .*$/, "").trim();
      if (!out.includes(text)) out.push(text);
    }
  }
  return out;
}

/** One activity per phrasing, everything else alike: a plan whose deadlines are the real ones. */
export function phrasingActivities(): Activity[] {
  return makeActivities(phrasings().map((deadline, i) => ({
    group: "I", objectiveNo: "", objective: "", taskNo: "", task: "", activityNo: `3.${i + 1}`, activity: `Nhiệm vụ ${i + 1}`,
    output: "Báo cáo", lead: "Văn phòng HĐND và UBND", partners: "", deadline, budget: "",
  })));
}
