/** A small argument parser: positional words, `--flag`, `--key value` and `--key=value`, and readers for the options the commands share. */
import { parseUserDate } from "../core/dates";
import { usageErrors } from "./usageErrors";

export interface ParsedArgs {
  positional: string[];
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[], spec: { booleans: string[]; values: string[] }): ParsedArgs {
  const out: ParsedArgs = { positional: [], flags: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      out.positional.push(arg);
      continue;
    }
    const [key, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (spec.booleans.includes(key)) {
      if (inline !== undefined) throw usageErrors.optionTakesNoValue(key);
      out.flags[key] = true;
    } else if (spec.values.includes(key)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) throw usageErrors.optionNeedsValue(key);
      out.flags[key] = value;
    } else {
      throw usageErrors.unknownOption(key);
    }
  }
  return out;
}

export function stringFlag(args: ParsedArgs, key: string): string | undefined {
  const v = args.flags[key];
  return typeof v === "string" ? v : undefined;
}

/** --year as a whole year 1900–2200; undefined when not given. */
export function yearFlag(args: ParsedArgs): number | undefined {
  const text = stringFlag(args, "year");
  if (text === undefined) return undefined;
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1900 || year > 2200) throw usageErrors.badYear(text);
  return year;
}

/** A date option (--as-of) as ISO, from 2024-06-14 or 14/06/2024; undefined when not given. */
export function dateFlag(args: ParsedArgs, key: string): string | undefined {
  const text = stringFlag(args, key);
  if (text === undefined) return undefined;
  const iso = parseUserDate(text);
  if (!iso) throw usageErrors.badDate(key, text);
  return iso;
}

/** Where a command reads its plan: one appendix file, or --default (the embedded plan). */
export function planSourceArgs(args: ParsedArgs): { file?: string; useDefault: boolean } {
  const useDefault = Boolean(args.flags.default);
  if (useDefault && args.positional.length) throw usageErrors.defaultWithFile(args.positional[0]);
  if (!useDefault && args.positional.length !== 1) throw usageErrors.planSource();
  return { file: args.positional[0], useDefault };
}
