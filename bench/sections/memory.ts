/** Peak memory (max RSS) of the 60,000-activity pipeline, beside a process that only loads the code. */
import { execFileSync } from "child_process";
import * as path from "path";
import type { Result } from "../measure";

function peakRss(mode: "idle" | "full"): number {
  const script = path.join(__dirname, "..", "memoryChild.ts");
  const out = execFileSync(process.execPath, ["--import", "tsx", script, mode], { encoding: "utf8", maxBuffer: 1 << 20 });
  return Number(JSON.parse(out.trim().split("\n").pop()!).maxRssMb);
}

export async function run(): Promise<Result[]> {
  const idle = peakRss("idle");
  const full = peakRss("full");
  return [{ name: "peak memory, 60,000 activities: import + validation + report", value: full, unit: "MB", baseline: idle, ratio: full / idle, note: "baseline: same process loading the code only" }];
}
