/** The `cchc` command: the add-in's pipeline without Excel. */
import { nodeIo, type Io } from "./io";
import { COMMANDS, type Command } from "./commands";
import { UsageError, usageErrors } from "./usageErrors";

const EXIT_CODES = "Mã thoát / exit codes: 0 thành công / ok, 1 không đọc được dữ liệu / input error, 2 sai cú pháp / usage error";

export function usage(): string {
  const lines = ["Cách dùng / Usage: cchc <lệnh> [tùy chọn]", ""];
  for (const c of COMMANDS) lines.push(`  ${c.usage.padEnd(62)} ${c.summary}`);
  lines.push("", "Chi tiết một lệnh / one command: cchc help <lệnh>", EXIT_CODES);
  return lines.join("\n");
}

/** One command's usage: `cchc help report`. */
function commandUsage(c: Command): string {
  return [`Cách dùng / Usage: cchc ${c.usage}`, `  ${c.summary}`, EXIT_CODES].join("\n");
}

/** A usage error on stderr: what is wrong and what to write, in Vietnamese and English, then the usage. */
function printUsageError(io: Io, e: UsageError, command?: Command): void {
  io.err(`Sai tham số: ${e.messageVi}\nBad arguments: ${e.messageEn}\n`);
  io.err(command ? `${commandUsage(command)}\nXem thêm / more: cchc help ${command.name}` : usage());
}

export async function main(argv: string[], io: Io = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const topic = name && rest[0];
    if (!topic) {
      io.out(usage());
      return name ? 0 : 2;
    }
    const command = COMMANDS.find((c) => c.name === topic);
    if (!command) {
      printUsageError(io, usageErrors.unknownCommand(topic));
      return 2;
    }
    io.out(commandUsage(command));
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    printUsageError(io, usageErrors.unknownCommand(name));
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      printUsageError(io, err, command);
      return 2;
    }
    const e = err as { messageVi?: string; messageEn?: string; message?: string };
    if (e && e.messageVi) {
      io.err(`Lỗi: ${e.messageVi}\nError: ${e.messageEn ?? e.message}`);
      return 1;
    }
    throw err;
  }
}
