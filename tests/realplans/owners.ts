/**
 * Every owner text of the real tables (lead and partners cells of T1–T9), split into names and
 * each name resolved against the default units directory: the unit it is, the collective it is,
 * or unknown. tests/realplans/owners.expected.tsv is this table as reviewed by a person.
 */
import { defaultUnitDirectory, splitPartners, UNIT_LEVEL_LABELS, unitLevel } from "../../src/core/units";
import { loadTable, tableIds } from "./realTables";

export function ownerTexts(): Array<{ table: string; text: string }> {
  const out: Array<{ table: string; text: string }> = [];
  const seen = new Set<string>();
  for (const id of tableIds()) {
    const t = loadTable(id);
    const cols = t.fields.map((f, i) => (f === "lead" || f === "partners" ? i : -1)).filter((i) => i >= 0);
    for (const r of t.rows) {
      if (r.kind !== "task" && r.kind !== "continuation") continue;
      for (const c of cols) {
        const text = r.cells[c];
        if (text && !seen.has(text)) {
          seen.add(text);
          out.push({ table: id, text });
        }
      }
    }
  }
  return out;
}

/** One line per name: table, owner text, name, outcome ("unit: Sở Tài chính (Tỉnh)", "collective: …", "unknown"). */
export function ownerOutcomes(): string[][] {
  const dir = defaultUnitDirectory();
  const rows: string[][] = [];
  for (const { table, text } of ownerTexts()) {
    for (const name of splitPartners(text, dir)) {
      const m = dir.match(name);
      const outcome = !m.unit ? "unknown" : `${m.unit.kind === "collective" ? "collective" : "unit"}: ${m.unit.name} (${UNIT_LEVEL_LABELS[unitLevel(m.unit)]})`;
      rows.push([table, text, name, outcome]);
    }
  }
  return rows;
}
