/**
 * What exceljs cannot write, added to its output zip: the sheet-scoped marker name that tells
 * the add-in which sheets it owns (a rebuild replaces only those), native charts
 * (xlsxCharts.ts) and custom document properties.
 */
import { strFromU8, strToU8, zipSync } from "fflate";
import { OWNER_MARKER_NAME, type SheetRole, type WorkbookLayout } from "../layout/types";
import type { XlsxOptions } from "./exceljs";
import { addRelationship, injectCharts } from "./xlsxCharts";

const escapeXml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function markerNamesXml(layout: WorkbookLayout): string {
  return layout.sheets
    .map((s, i) => `<definedName name="${OWNER_MARKER_NAME}" localSheetId="${i}" hidden="1">${escapeXml(`"${s.role}"`)}</definedName>`)
    .join("");
}

export function postProcessXlsx(files: Record<string, Uint8Array>, layout: WorkbookLayout, options: XlsxOptions): Uint8Array {
  const path = "xl/workbook.xml";
  let xml = strFromU8(files[path]);
  const markers = options.ownerMarkers === false ? "" : markerNamesXml(layout);
  if (!markers) {
    /* nothing to add */
  } else if (xml.includes("<definedNames>")) xml = xml.replace("<definedNames>", `<definedNames>${markers}`);
  else if (xml.includes("<definedNames/>")) xml = xml.replace("<definedNames/>", `<definedNames>${markers}</definedNames>`);
  else xml = xml.replace("</sheets>", `</sheets><definedNames>${markers}</definedNames>`);
  files[path] = strToU8(xml);
  injectCharts(files, layout.sheets);
  if (options.customProperties) setCustomProperties(files, options.customProperties);
  return zipSync(files, { level: 6 });
}

/**
 * Rewrites the owner markers of an unzipped workbook (in place): `roles[i]` for the i-th sheet
 * of workbook.xml, null for a sheet the add-in does not own. Existing markers are replaced.
 */
export function setOwnerMarkers(files: Record<string, Uint8Array>, roles: ReadonlyArray<SheetRole | null>): void {
  const path = "xl/workbook.xml";
  let xml = strFromU8(files[path]);
  xml = xml.replace(new RegExp(`<definedName\\b[^>]*\\bname="${OWNER_MARKER_NAME}"[^>]*>[^<]*</definedName>`, "g"), "");
  const markers = roles
    .map((role, i) => (role ? `<definedName name="${OWNER_MARKER_NAME}" localSheetId="${i}" hidden="1">${escapeXml(`"${role}"`)}</definedName>` : ""))
    .join("");
  if (/<definedNames>/.test(xml)) xml = xml.replace("<definedNames>", `<definedNames>${markers}`);
  else if (xml.includes("<definedNames/>")) xml = xml.replace("<definedNames/>", `<definedNames>${markers}</definedNames>`);
  else xml = xml.replace("</sheets>", `</sheets><definedNames>${markers}</definedNames>`);
  xml = xml.replace("<definedNames></definedNames>", "");
  files[path] = strToU8(xml);
}

/** docProps/custom.xml: string properties (File › Properties › Custom in Excel). */
export function setCustomProperties(files: Record<string, Uint8Array>, props: Record<string, string>): void {
  const body = Object.entries(props)
    .map(([name, value], i) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${i + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`)
    .join("");
  files["docProps/custom.xml"] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ` +
      `xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${body}</Properties>`,
  );
  let ct = strFromU8(files["[Content_Types].xml"]);
  if (!ct.includes('PartName="/docProps/custom.xml"')) {
    ct = ct.replace("</Types>", '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>');
    files["[Content_Types].xml"] = strToU8(ct);
  }
  const rels = files["_rels/.rels"] ? strFromU8(files["_rels/.rels"]) : "";
  if (!rels.includes("docProps/custom.xml")) {
    addRelationship(files, "_rels/.rels", "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties", "docProps/custom.xml");
  }
}
