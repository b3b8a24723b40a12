/**
 * OWNER: a unit name as written → its canonical name, through core's owner matcher
 * (src/core/units.ts). The directory is the built-in DEFAULT_UNITS, or the "Đơn vị" sheet's rows
 * when a range is given (cached by content, so a whole column is matched against one directory).
 */
import { defaultUnitDirectory, UnitDirectory, unitsFromSheetRows } from "../core/units";
import { normalizeText } from "../core/text";
import { isBlank, show, toText } from "../core/cellArguments";
import { fail } from "../core/excelError";
import { asMatrix, elementwise, isOmitted } from "./matrix";

let cachedKey = "";
let cachedDirectory: UnitDirectory | null = null;

/** The directory for a units argument: the default one when left out. */
export function directoryOf(units: unknown): UnitDirectory {
  if (isOmitted(units)) return defaultUnitDirectory();
  const rows = asMatrix(units);
  const key = JSON.stringify(rows);
  if (key === cachedKey && cachedDirectory) return cachedDirectory;
  const list = unitsFromSheetRows(rows);
  if (list.length === 0) {
    throw fail("#VALUE!", "Vùng danh mục đơn vị không có tên đơn vị nào (cột đầu: Tên đơn vị)", "The units range holds no unit names (first column: unit name)");
  }
  cachedDirectory = new UnitDirectory(list);
  cachedKey = key;
  return cachedDirectory;
}

export function ownerOf(text: unknown, directory: UnitDirectory): string {
  if (isBlank(text)) return "";
  const name = normalizeText(toText(text));
  const m = directory.match(name);
  if (m.unit) return m.unit.name;
  if (m.via === "ambiguous" && m.candidates?.length) {
    const list = m.candidates.map((u) => `“${u.name}”`).join(", ");
    throw fail("#N/A", `Tên “${show(name)}” khớp nhiều đơn vị: ${list}`, `“${show(name)}” fits several units: ${list}`);
  }
  if (m.suggestion) {
    throw fail("#N/A", `Không rõ đơn vị “${show(name)}”; có phải “${m.suggestion.name}”?`, `Unknown unit “${show(name)}”; did you mean “${m.suggestion.name}”?`);
  }
  throw fail("#N/A", `Không rõ đơn vị “${show(name)}” (thêm vào sheet Đơn vị)`, `Unknown unit “${show(name)}” (add it to the Đơn vị sheet)`);
}

export function ownerFn(text: unknown, units?: unknown): unknown[][] {
  const directory = directoryOf(units);
  return elementwise([text], (t) => ownerOf(t, directory));
}
