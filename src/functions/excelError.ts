/**
 * Excel errors with a message. Inside Excel the runtime provides `CustomFunctions.Error`;
 * under jest and in the plain browser it does not, so an equivalent object stands in.
 */
export type ErrorCode = "#VALUE!" | "#DIV/0!" | "#N/A" | "#NUM!" | "#NAME?";

const CODE_NAMES: Record<ErrorCode, string> = {
  "#VALUE!": "invalidValue",
  "#DIV/0!": "divisionByZero",
  "#N/A": "notAvailable",
  "#NUM!": "invalidNumber",
  "#NAME?": "invalidName",
};

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

export function isExcelError(value: unknown): value is Error {
  return value instanceof Error;
}
