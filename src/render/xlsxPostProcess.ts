/**
 * What exceljs cannot write, added to its output zip: the sheet-scoped marker name that tells
 * the add-in which sheets it owns (a rebuild replaces only those).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { OWNER_MARKER_NAME, type WorkbookLayout } from "../layout/types";
import type { XlsxOptions } from "./exceljs";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function markerNamesXml(layout: WorkbookLayout): string {
  return layout.sheets
    .map((s, i) => `<definedName name="${OWNER_MARKER_NAME}" localSheetId="${i}" hidden="1">${escapeXml(`"${s.role}"`)}</definedName>`)
    .join("");
}

export function postProcessXlsx(bytes: Uint8Array, layout: WorkbookLayout, _options: XlsxOptions): Uint8Array {
  const files = unzipSync(bytes);
  const path = "xl/workbook.xml";
  let xml = strFromU8(files[path]);
  const markers = markerNamesXml(layout);
  if (xml.includes("<definedNames>")) xml = xml.replace("<definedNames>", `<definedNames>${markers}`);
  else if (xml.includes("<definedNames/>")) xml = xml.replace("<definedNames/>", `<definedNames>${markers}</definedNames>`);
  else xml = xml.replace("</sheets>", `</sheets><definedNames>${markers}</definedNames>`);
  files[path] = strToU8(xml);
  return zipSync(files, { level: 6 });
}
