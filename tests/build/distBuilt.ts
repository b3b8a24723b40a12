import * as fs from "fs";
import * as path from "path";

export const DIST = path.resolve(__dirname, "../../dist");

/** The build suites read `npm run build`'s output; `npm test` builds first. */
export function readDist(file: string): string {
  const p = path.join(DIST, file);
  if (!fs.existsSync(p)) throw new Error(`${p} is missing: run \`npm run build\` first (npm test does).`);
  return fs.readFileSync(p, "utf8");
}
