/** A small argument parser: positional words, `--flag`, `--key value` and `--key=value`. */
export class UsageError extends Error {}

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
      if (inline !== undefined) throw new UsageError(`--${key} takes no value`);
      out.flags[key] = true;
    } else if (spec.values.includes(key)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith("--"))) throw new UsageError(`--${key} needs a value`);
      out.flags[key] = value;
    } else {
      throw new UsageError(`Unknown option --${key}`);
    }
  }
  return out;
}

export function stringFlag(args: ParsedArgs, key: string): string | undefined {
  const v = args.flags[key];
  return typeof v === "string" ? v : undefined;
}
