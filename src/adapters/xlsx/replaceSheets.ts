/**
 * Replacing the add-in's own sheets inside an existing .xlsx (the command line's counterpart of
 * the task pane editing the live workbook): sheets carrying the owner marker are rebuilt at their
 * position; a person's sheet is never touched, and asking to replace one is an error.
 * Known limit of going through exceljs: drawings on a person's own sheets are not kept.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, zipSync } from "fflate";
import { readSheetRoles } from "./xlsxRead";
import type { ChartLayout, SheetLayout, SheetRole } from "../../layout/types";
import { renderSheet } from "../../render/exceljs";
import { injectCharts, unescapeXml } from "../../render/xlsxCharts";
import { setOwnerMarkers } from "../../render/xlsxPostProcess";
import { loadWorkbook, writeWorkbookFiles } from "../../render/xlsxStrict";

export class SheetOwnershipError extends Error {
  constructor(readonly sheet: string, readonly messageVi: string, readonly messageEn: string) {
    super(messageEn);
  }
}

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

export async function replaceSheetsInPlace(bytes: Uint8Array, sheets: SheetLayout[], names: Record<string, string> = {}): Promise<Uint8Array> {
  const existing = readSheetRoles(bytes);
  const roles = new Map<string, SheetRole | null>(existing.map((s) => [s.name, s.role]));
  for (const layout of sheets) {
    const clash = existing.find((s) => s.name.toLowerCase() === layout.name.toLowerCase());
    if (clash && clash.role === null) {
      throw new SheetOwnershipError(clash.name,
        `Sheet "${clash.name}" do người dùng tạo, tiện ích không ghi đè. Hãy đổi tên sheet đó rồi làm lại.`,
        `Sheet "${clash.name}" was made by a person; the add-in does not overwrite it. Rename it, then try again.`);
    }
  }
  const wb = await loadWorkbook(bytes);
  const charts: Array<{ name: string; charts: ChartLayout[] }> = [];
  for (const layout of sheets) {
    const old = wb.worksheets.find((w) => w.name.toLowerCase() === layout.name.toLowerCase()) as (ExcelJS.Worksheet & { orderNo: number }) | undefined;
    const orderNo = old?.orderNo;
    if (old) {
      roles.delete(old.name);
      wb.removeWorksheet(old.id);
    }
    const ws = renderSheet(wb, layout, false) as ExcelJS.Worksheet & { orderNo: number };
    if (orderNo !== undefined) ws.orderNo = orderNo;
    roles.set(layout.name, layout.role);
    if (layout.charts.length) charts.push({ name: layout.name, charts: layout.charts });
  }
  const files = await writeWorkbookFiles(wb);
  const order = [...strFromU8(files["xl/workbook.xml"]).matchAll(/<sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
  setOwnerMarkers(files, order.map((n) => roles.get(n) ?? null));
  setDefinedNames(files, names);
  injectCharts(files, charts);
  return zipSync(files, { level: 6 });
}
