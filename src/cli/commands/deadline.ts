import { parseDeadline } from "../../core/deadline";
import { parseArgs, yearFlag } from "../args";
import { usageErrors } from "../usageErrors";
import type { Io } from "../io";
import type { Command } from "./index";

export const deadlineCommand: Command = {
  name: "deadline",
  usage: 'deadline "TEXT" [--year 2024] [--json]',
  summary: "Đọc một thời hạn / parse one deadline text",
  async run(argv: string[], io: Io) {
    const args = parseArgs(argv, { booleans: ["json"], values: ["year"] });
    if (args.positional.length !== 1) throw usageErrors.deadlineText();
    const year = yearFlag(args) ?? new Date().getFullYear();
    const d = parseDeadline(args.positional[0], year);
    const out = {
      kind: d.kind, start: d.start, end: d.end, display: d.display, recurrence: d.recurrence, points: d.points,
      ...(d.duration ? { duration: d.duration } : {}),
      ...(d.note ? { note: d.note, noteEn: d.noteEn } : {}),
      ...(d.reason ? { reason: d.reason, reasonEn: d.reasonEn } : {}),
    };
    if (args.flags.json) io.out(JSON.stringify(out, null, 2));
    else {
      const kind = d.recurrence ? `${d.kind} (${d.recurrence})` : d.kind;
      const span = d.start && d.end && d.end !== d.start ? ` ${d.start} → ${d.end}` : d.start ? ` ${d.start}` : "";
      io.out(`${d.display}: ${kind}${span}${d.reason ? ` (${d.reason} / ${d.reasonEn})` : ""}`);
      if (d.note) io.out(`  ${d.note} / ${d.noteEn}`);
    }
    return 0;
  },
};
