/** Peak memory (max RSS) of the 60,000-activity pipeline, beside a process that only loads the code. */
import { execFile } from "child_process";
import { promisify } from "util";
import * as path from "path";
import type { Result } from "../measure";

interface ChildReport {
  maxRssMb: number;
  steps: string[];
  after: Record<string, number>;
  activities: number;
}

async function peakRss(mode: "idle" | "full"): Promise<ChildReport> {
  const script = path.join(__dirname, "..", "memoryChild.ts");
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", script, mode], { encoding: "utf8", maxBuffer: 1 << 20 });
  return JSON.parse(stdout.trim().split("\n").pop()!) as ChildReport;
}

const EXPECTED = ["import", "validation", "report", "reportSheet"];

export async function run(): Promise<Result[]> {
  // Each child's peak RSS is its own: the children run side by side (wall time only), and the
  // figure is the median of three.
  const [idle, ...fulls] = await Promise.all([peakRss("idle"), peakRss("full"), peakRss("full"), peakRss("full")]);
  for (const f of fulls) {
    if (EXPECTED.some((s) => !f.steps.includes(s)) || f.activities !== 60000) {
      throw new Error(`memory child did not run the whole pipeline: ${JSON.stringify(f)}`);
    }
  }
  const mid = [...fulls].sort((a, b) => a.maxRssMb - b.maxRssMb)[1];
  const steps = EXPECTED.map((s) => `${s} ${mid.after[s]}`).join(", ");
  return [{ name: "peak memory, 60,000 activities: import + validation + report figures + report sheet", value: mid.maxRssMb, unit: "MB", baseline: idle.maxRssMb, ratio: mid.maxRssMb / idle.maxRssMb, note: `baseline: a process loading the code only; median of 3; peak after ${steps} MB` }];
}
