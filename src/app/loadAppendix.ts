/**
 * Where every host gets a plan: the embedded sample, a Word or Excel appendix, or a grid the host
 * read itself (the pane's selection). One reading of the appendix (import/appendix) and one rule
 * for the lines the template-leftover check looks at.
 */
import type { Message } from "../core/message";
import type { Plan } from "../core/plan";
import { parseAppendix, type ParsedAppendix } from "../import/appendix";
import { gridFromDocx } from "../import/docx";
import { errors } from "../import/errors";
import type { Grid } from "../import/grid";
import type { ColumnMapping } from "../import/header";
import { officeKind } from "../import/importFile";
import { planFromAppendix } from "../import/planFromAppendix";

export type AppendixSource =
  | { kind: "embedded" }
  | { kind: "file"; name: string; bytes: Uint8Array }
  | { kind: "grid"; grid: Grid };

export interface AppendixOptions {
  year?: number;
  commune?: string;
  /** For a workbook: the sheet holding the appendix (default: chosen by its header). */
  sheet?: string;
  /** The person's choice of columns, over what the header labels say. */
  columns?: ColumnMapping;
}

export interface LoadedPlan {
  plan: Plan;
  /** The reader's notes for the person (import/notes.ts). */
  warnings: Message[];
  /** The lines above the table (title, issuing body): what the template-leftover check reads. */
  headerLines: string[];
  /** The appendix's columns as found (null for the embedded plan). */
  header: ParsedAppendix["header"] | null;
}

/** By the file's extension when it has a known one (its reader explains a wrong file best), else by its bytes. */
function kindOf(name: string, bytes: Uint8Array): "docx" | "xlsx" {
  if (/\.xls[xm]$/i.test(name)) return "xlsx";
  if (/\.docx$/i.test(name)) return "docx";
  return officeKind(bytes);
}

export async function loadAppendix(source: AppendixSource, options: AppendixOptions = {}): Promise<LoadedPlan> {
  if (source.kind === "embedded") {
    // Its own chunk in the pane and the page: most sessions never load the sample.
    const { HONG_LOC_2024 } = await import(/* webpackChunkName: "plan-hongloc" */ "../data/hongLoc2024");
    return { plan: HONG_LOC_2024, warnings: [], headerLines: HONG_LOC_2024.appendixHeader ?? [], header: null };
  }
  let grid: Grid;
  if (source.kind === "grid") grid = source.grid;
  else {
    if (!source.bytes.length) throw errors.empty("file");
    if (kindOf(source.name, source.bytes) === "xlsx") {
      const { readXlsxGrid } = await import(/* webpackChunkName: "xlsx-grid" */ "../import/xlsxGrid");
      grid = await readXlsxGrid(source.bytes, options.sheet, { columns: options.columns });
    } else {
      grid = gridFromDocx(source.bytes, { columns: options.columns });
    }
  }
  const parsed = parseAppendix(grid, options);
  // A selection has no lines above the table: its first rows (the appendix's title) stand in.
  const headerLines = grid.title.length ? grid.title : [parsed.meta.title ?? ""].filter(Boolean);
  return { plan: planFromAppendix(parsed, { year: options.year, commune: options.commune }), warnings: parsed.warnings, headerLines, header: parsed.header };
}
