import { excelError } from "./excelError";

/** A number from a cell: numbers, "75%", "85,3%", "1.234,5"; an Excel error otherwise. */
export function toNumber(value: unknown, what: string): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string") {
    const s = value.trim().replace(/\s/g, "");
    const percent = s.endsWith("%");
    let body = percent ? s.slice(0, -1) : s;
    if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(body)) body = body.replace(/\./g, "").replace(",", ".");
    else body = body.replace(",", ".");
    if (/^-?\d+(\.\d+)?$/.test(body)) {
      const n = Number(body);
      return percent ? n / 100 : n;
    }
  }
  if (value === null || value === undefined || value === "") {
    throw excelError("#VALUE!", `Thiếu giá trị ${what} / Missing ${what}`);
  }
  throw excelError("#VALUE!", `Không đọc được số ở ${what}: "${String(value)}" / Not a number: ${what}`);
}
