/**
 * Whether an incoming plan is the same commune's plan for the same year as the one a workbook
 * holds. Replacing a plan of another commune or year archives every activity of the old one, so
 * the pane asks for an explicit confirmation naming both.
 * Plain TypeScript: no Office, DOM or Node imports.
 */
import { matchKey } from "./text";

export interface PlanIdentity {
  commune: string;
  year: number | null;
}

/** "Xã Hồng Lộc", "xã Hồng Lộc", "Hồng Lộc" → one key ("hoá"/"hóa" tone placement folded). */
export function communeKey(name: string): string {
  return matchKey(name).replace(/^(ủy ban nhân dân|ubnd)\s+/, "").replace(/^(xã|phường|thị trấn)\s+/, "");
}

/** What differs between the workbook's plan and the incoming one (empty: the same plan). */
export function identityDifferences(current: PlanIdentity, incoming: PlanIdentity): Array<"commune" | "year"> {
  const out: Array<"commune" | "year"> = [];
  const a = communeKey(current.commune);
  const b = communeKey(incoming.commune);
  if (a && b && a !== b) out.push("commune");
  if (current.year !== null && incoming.year !== null && current.year !== incoming.year) out.push("year");
  return out;
}
