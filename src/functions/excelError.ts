/**
 * Excel errors with a message. Inside Excel the runtime provides `CustomFunctions.Error`;
 * under jest and in the plain browser it does not, so an equivalent object stands in.
 * Messages are Vietnamese first, then English: "… / …" (Excel shows them on the cell's error tip).
 */
export type ErrorCode = "#VALUE!" | "#DIV/0!" | "#N/A" | "#NUM!" | "#NAME?";

const CODE_NAMES: Record<ErrorCode, string> = {
  "#VALUE!": "invalidValue",
  "#DIV/0!": "divisionByZero",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#NAME?": "invalidName",
};

/** Stands in for the runtime's CustomFunctions.Error (an Excel error value, not a product error): not a CchcError. */
export class FallbackExcelError extends Error {
  constructor(public code: string, message: string) {
    super(message);
  }
}

export function excelError(code: ErrorCode, message: string): Error {
  const runtime = (globalThis as { CustomFunctions?: typeof CustomFunctions }).CustomFunctions;
  if (runtime && typeof runtime.Error === "function") {
    const name = CODE_NAMES[code] as keyof typeof CustomFunctions.ErrorCode;
    return new runtime.Error(runtime.ErrorCode[name], message) as unknown as Error;
  }
  return new FallbackExcelError(code, message);
}

/** An Excel error whose message is "vi / en". */
export function fail(code: ErrorCode, vi: string, en: string): Error {
  return excelError(code, `${vi} / ${en}`);
}

/** True for an error value (ours, the runtime's CustomFunctions.Error, or any Error). */
export function isExcelError(value: unknown): value is Error {
  if (value instanceof Error) return true;
  return typeof value === "object" && value !== null && "code" in value && "message" in value && !Array.isArray(value);
}

/** The code of an error value: "#DIV/0!" for ours, the runtime's ErrorCode name otherwise. */
export function errorCode(value: unknown): string | null {
  if (!isExcelError(value)) return null;
  const code = (value as { code?: unknown }).code;
  if (typeof code !== "string") return "#VALUE!";
  const byName = Object.entries(CODE_NAMES).find(([, n]) => n === code);
  return byName ? byName[0] : code;
}
