/** Where the commands get a plan: the embedded one, a .docx appendix, or an .xlsx grid. */
import { HONG_LOC_2024 } from "../data/hongLoc2024";
import { gridFromDocx } from "../import/docx";
import { parseAppendix, type ParsedAppendix } from "../import/appendix";
import { planFromAppendix } from "../import/planFromAppendix";
import { errors } from "../import/errors";
import { readXlsxGrid } from "../import/xlsxGrid";
import type { Plan } from "../core/plan";
import { CchcError } from "../core/errors";
import type { Io } from "./io";
import { UsageError } from "./args";

export interface LoadedPlan {
  plan: Plan;
  warnings: string[];
  headerLines: string[];
  /** The appendix's columns as found (null for the embedded plan). */
  header: ParsedAppendix["header"] | null;
}

export async function loadPlan(source: { file?: string; useDefault?: boolean; year?: number; commune?: string; sheet?: string }, io: Io): Promise<LoadedPlan> {
  if (source.useDefault) return { plan: HONG_LOC_2024, warnings: [], headerLines: HONG_LOC_2024.appendixHeader ?? [], header: null };
  const file = source.file;
  if (!file) throw new UsageError("give a FILE.docx|FILE.xlsx, or --default");
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new CchcError("cannot-open-file", {
      vi: `Không mở được tệp "${file}" (${e.code ?? "lỗi đọc"}). Kiểm tra đường dẫn rồi thử lại.`,
      en: `Cannot open "${file}" (${e.code ?? "read error"}). Check the path and try again.`,
    });
  }
  if (!bytes.length) throw errors.empty("file");
  const lower = file.toLowerCase();
  let grid;
  if (lower.endsWith(".xlsx") || lower.endsWith(".xlsm")) {
    grid = await readXlsxGrid(bytes, source.sheet);
  } else {
    grid = gridFromDocx(bytes);
  }
  const parsed = parseAppendix(grid, { year: source.year, commune: source.commune });
  return { plan: planFromAppendix(parsed, { year: source.year, commune: source.commune }), warnings: parsed.warnings, headerLines: grid.title, header: parsed.header };
}
