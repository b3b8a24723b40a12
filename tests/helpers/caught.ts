/** Test helper: the ImportError a call throws (any other error, or none, fails the test). */
import { isImportError, type ImportError } from "../../src/import/errors";

export function caught(f: () => unknown): ImportError {
  try {
    f();
  } catch (e) {
    if (isImportError(e)) return e;
    throw e;
  }
  throw new Error("expected an ImportError");
}

export async function caughtAsync(f: () => Promise<unknown>): Promise<ImportError> {
  try {
    await f();
  } catch (e) {
    if (isImportError(e)) return e;
    throw e;
  }
  throw new Error("expected an ImportError");
}
