/**
 * Replacing the add-in's own sheets inside an existing .xlsx (the command line's counterpart of
 * the task pane editing the live workbook): sheets carrying the owner marker are rebuilt at their
 * position; a person's sheet that has a name the layout needs is renamed aside (sheetNames.ts),
 * never overwritten. Known limit: formulas of a person's sheets that refer to the renamed sheet
 * keep its old name (Excel would follow the rename).
 * Sheets left in place keep their drawings (charts, pictures), which exceljs would drop: they are
 * carried over from the file as it was (xlsxCharts.carryDrawings).
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readSheetRoles } from "./xlsxRead";
import type { Message } from "../../core/message";
import { asideName, renamedAsideMessage, sheetKey } from "../../layout/sheetNames";
import type { ChartLayout, SheetLayout, SheetRole } from "../../layout/types";
import { renderSheet } from "../../render/exceljs";
import { carryDrawings, injectCharts, unescapeXml } from "../../render/xlsxCharts";
import { setOwnerMarkers } from "../../render/xlsxPostProcess";
import { loadWorkbook, writeWorkbookFiles } from "../../render/xlsxStrict";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Workbook-level names, replaced or added (a rebuilt table may have a new size). */
function setDefinedNames(files: Record<string, Uint8Array>, names: Record<string, string>): void {
  const path = "xl/workbook.xml";
  let xml = strFromU8(files[path]);
  for (const name of Object.keys(names)) xml = xml.replace(new RegExp(`<definedName name="${name}">[^<]*</definedName>`, "g"), "");
  const added = Object.entries(names).map(([name, ref]) => `<definedName name="${name}">${escapeXml(ref)}</definedName>`).join("");
  if (xml.includes("<definedNames>")) xml = xml.replace("</definedNames>", `${added}</definedNames>`);
  else xml = xml.replace("</sheets>", `</sheets><definedNames>${added}</definedNames>`);
  files[path] = strToU8(xml);
}

export interface Replaced {
  bytes: Uint8Array;
  /** The layout's sheets that replaced a sheet the product owned. */
  replaced: string[];
  /** A person's sheets that had a name the layout needs, renamed aside (sheetNames.ts). */
  renamedAside: Array<{ from: string; to: string }>;
  messages: Message[];
}

export async function replaceSheetsInPlace(bytes: Uint8Array, sheets: SheetLayout[], names: Record<string, string> = {}): Promise<Replaced> {
  const existing = readSheetRoles(bytes);
  const roles = new Map<string, SheetRole | null>(existing.map((s) => [s.name, s.role]));
  const taken = new Set([...existing.map((s) => sheetKey(s.name)), ...sheets.map((s) => sheetKey(s.name))]);
  const aside = new Map<string, string>();
  for (const layout of sheets) {
    const clash = existing.find((s) => sheetKey(s.name) === sheetKey(layout.name));
    if (clash && clash.role === null) {
      const to = asideName(clash.name, taken);
      taken.add(sheetKey(to));
      aside.set(clash.name, to);
    }
  }
  const original = unzipSync(bytes);
  const wb = await loadWorkbook(bytes, { ...original });
  for (const [from, to] of aside) wb.getWorksheet(from)!.name = to;
  const charts: Array<{ name: string; charts: ChartLayout[] }> = [];
  const replaced: string[] = [];
  const wanted = new Set(sheets.map((s) => sheetKey(s.name)));
  // As the live renderer does: the layout's sheets together, in its order, where the first sheet
  // they replace was; at the end when they replace none.
  const replacedAt = wb.worksheets.map((w, i) => (wanted.has(sheetKey(w.name)) && roles.get(w.name) ? i : -1)).filter((i) => i >= 0);
  for (const layout of sheets) {
    const old = wb.worksheets.find((w) => sheetKey(w.name) === sheetKey(layout.name));
    if (old) {
      if (roles.get(old.name)) replaced.push(layout.name);
      roles.delete(old.name);
      wb.removeWorksheet(old.id);
    }
    renderSheet(wb, layout, false);
    roles.set(layout.name, layout.role);
    if (layout.charts.length) charts.push({ name: layout.name, charts: layout.charts });
  }
  const rest = wb.worksheets.filter((w) => !wanted.has(sheetKey(w.name)));
  const placed = sheets.map((l) => wb.worksheets.find((w) => sheetKey(w.name) === sheetKey(l.name))!);
  const at = replacedAt.length ? Math.min(replacedAt[0], rest.length) : rest.length;
  [...rest.slice(0, at), ...placed, ...rest.slice(at)].forEach((w, i) => ((w as ExcelJS.Worksheet & { orderNo: number }).orderNo = i));
  const files = await writeWorkbookFiles(wb);
  const order = [...strFromU8(files["xl/workbook.xml"]).matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
  setOwnerMarkers(files, order.map((n) => roles.get(n) ?? null));
  setDefinedNames(files, names);
  injectCharts(files, charts);
  const kept = existing.filter((s) => !(wanted.has(sheetKey(s.name)) && s.role)).map((s) => ({ from: s.name, to: aside.get(s.name) ?? s.name }));
  carryDrawings(original, files, kept);
  const renamedAside = [...aside].map(([from, to]) => ({ from, to }));
  return { bytes: zipSync(files, { level: 6 }), replaced, renamedAside, messages: renamedAside.map((r) => renamedAsideMessage(r.from, r.to)) };
}
