import type { Io } from "../io";
import { demoCommand } from "./demo";
import { importCommand } from "./import";
import { validateCommand } from "./validate";
import { deadlineCommand } from "./deadline";
import { reportCommand } from "./report";
import { exportCommand } from "./export";
import { rollupCommand } from "./rollup";

export interface Command {
  name: string;
  usage: string;
  summary: string;
  run(argv: string[], io: Io): Promise<number>;
}

export const COMMANDS: Command[] = [demoCommand, importCommand, validateCommand, deadlineCommand, reportCommand, exportCommand, rollupCommand];
