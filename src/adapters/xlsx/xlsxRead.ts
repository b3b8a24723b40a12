/** Reading an .xlsx's parts that exceljs does not give: the sheets' owner markers; and exceljs cell values as plain values. */
import type ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { CchcError } from "../../core/errors";
import { OWNER_MARKER_NAME, type SheetRole } from "../../layout/types";
import { unescapeXml } from "../../render/xlsxCharts";

const NOT_XLSX = {
  vi: "Tệp không phải sổ Excel (.xlsx) hợp lệ. Hãy mở tệp trong Excel, lưu lại dạng Sổ làm việc Excel (.xlsx) rồi thử lại.",
  en: "The file is not a valid Excel workbook (.xlsx). Open it in Excel, save it as an Excel Workbook (.xlsx), and try again.",
};

/** The sheets of an .xlsx in tab order, with the owner marker's role (read from xl/workbook.xml: exceljs drops constant names). */
export function readSheetRoles(bytes: Uint8Array): Array<{ name: string; role: SheetRole | null }> {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === "xl/workbook.xml" });
  } catch {
    throw new CchcError("not-xlsx", NOT_XLSX);
  }
  if (!files["xl/workbook.xml"]) throw new CchcError("not-xlsx", NOT_XLSX);
  const xml = strFromU8(files["xl/workbook.xml"]);
  const names = [...xml.matchAll(/<sheet\b[^>]*?\bname="([^"]*)"[^>]*\/?>/g)].map((m) => unescapeXml(m[1]));
  const roles = new Map<number, SheetRole>();
  for (const m of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    if (!new RegExp(`\\bname="${OWNER_MARKER_NAME}"`).test(m[1])) continue;
    const id = /\blocalSheetId="(\d+)"/.exec(m[1]);
    if (id) roles.set(Number(id[1]), unescapeXml(m[2]).replace(/^"|"$/g, "") as SheetRole);
  }
  return names.map((name, i) => ({ name, role: roles.get(i) ?? null }));
}

/** An exceljs cell value → a plain value (formula results, rich text, hyperlinks' text; dates as ISO). */
export function plainValue(value: ExcelJS.CellValue): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) {
    return `${String(value.getUTCFullYear()).padStart(4, "0")}-${String(value.getUTCMonth() + 1).padStart(2, "0")}-${String(value.getUTCDate()).padStart(2, "0")}`;
  }
  if (typeof value === "object") {
    const v = value as unknown as Record<string, unknown>;
    if ("formula" in v || "sharedFormula" in v) return plainValue((v.result ?? null) as ExcelJS.CellValue);
    if ("richText" in v) return (v.richText as Array<{ text: string }>).map((t) => t.text).join("");
    if ("text" in v) return String(v.text);
    if ("error" in v) return String(v.error);
    return null;
  }
  return value as string | number | boolean;
}
