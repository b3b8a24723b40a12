/** Where the commands get a plan: the file named on the command line, read here, loaded by the application (app/loadAppendix). */
import { loadAppendix, type LoadedPlan } from "../app/loadAppendix";
import { CchcError } from "../core/errors";
import type { Io } from "./io";
import { usageErrors } from "./usageErrors";

export type { LoadedPlan };

export async function loadPlan(source: { file?: string; useDefault?: boolean; year?: number; commune?: string; sheet?: string }, io: Io): Promise<LoadedPlan> {
  const options = { year: source.year, commune: source.commune, sheet: source.sheet };
  if (source.useDefault) return loadAppendix({ kind: "embedded" }, options);
  const file = source.file;
  if (!file) throw usageErrors.planSource();
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
  return loadAppendix({ kind: "file", name: file, bytes }, options);
}
