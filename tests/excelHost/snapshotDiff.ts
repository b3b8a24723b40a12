/** The first differences between two JSON values, as "path: before → after" lines (small test output). */
export function jsonDiff(a: unknown, b: unknown, limit = 8, path = "$", out: string[] = []): string[] {
  if (out.length >= limit) return out;
  if (JSON.stringify(a) === JSON.stringify(b)) return out;
  if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a as object), ...Object.keys(b as object)]);
    for (const k of keys) jsonDiff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], limit, `${path}.${k}`, out);
    return out;
  }
  const show = (v: unknown) => {
    const s = JSON.stringify(v);
    return s === undefined ? "undefined" : s.length > 120 ? `${s.slice(0, 117)}...` : s;
  };
  out.push(`${path}: ${show(a)} → ${show(b)}`);
  return out;
}
