/** Runs the cchc command in-process with captured output. */
import { main } from "../../src/cli/main";
import { nodeIo, type Io } from "../../src/cli/io";

export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io: Io = { ...nodeIo, out: (t) => { out += `${t}\n`; }, err: (t) => { err += `${t}\n`; } };
  const code = await main(argv, io);
  return { code, out, err };
}
