/** The `cchc` command: the add-in's pipeline without Excel. */
import { UsageError } from "./args";
import { nodeIo, type Io } from "./io";
import { COMMANDS } from "./commands";

export function usage(): string {
  const lines = ["Cách dùng / Usage: cchc <lệnh> [tùy chọn]", ""];
  for (const c of COMMANDS) lines.push(`  ${c.usage.padEnd(62)} ${c.summary}`);
  lines.push("", "Mã thoát / exit codes: 0 thành công / ok, 1 không đọc được dữ liệu / input error, 2 sai cú pháp / usage error");
  return lines.join("\n");
}

export async function main(argv: string[], io: Io = nodeIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    io.out(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Lệnh không có: "${name}" / Unknown command: "${name}"\n`);
    io.err(usage());
    return 2;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`Sai tham số / Bad arguments: ${err.message}\n`);
      io.err(usage());
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
