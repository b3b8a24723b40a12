/**
 * Errors shaped like office.js's `OfficeExtension.Error` (name "RichApi.Error", `code`,
 * `message`, `debugInfo`, `traceMessages`, `innerError`, `httpStatusCode`), with the codes
 * and messages the Excel JavaScript API documents ("Error handling with the
 * application-specific JavaScript APIs").
 */

export const ErrorCodes = {
  accessDenied: "AccessDenied",
  apiNotFound: "ApiNotFound",
  generalException: "GeneralException",
  insertDeleteConflict: "InsertDeleteConflict",
  invalidArgument: "InvalidArgument",
  invalidBinding: "InvalidBinding",
  invalidObjectPath: "InvalidObjectPath",
  invalidOperation: "InvalidOperation",
  invalidReference: "InvalidReference",
  invalidRequestContext: "InvalidRequestContext",
  invalidSelection: "InvalidSelection",
  itemAlreadyExists: "ItemAlreadyExists",
  itemNotFound: "ItemNotFound",
  mergedRangeConflict: "MergedRangeConflict",
  nonBlankCellOffSheet: "NonBlankCellOffSheet",
  notImplemented: "NotImplemented",
  propertyNotLoaded: "PropertyNotLoaded",
  rangeExceedsLimit: "RangeExceedsLimit",
  runMustReturnPromise: "RunMustReturnPromise",
  unsupportedOperation: "UnsupportedOperation",
  valueNotLoaded: "ValueNotLoaded",
} as const;

const MESSAGES: Record<string, string> = {
  AccessDenied: "You cannot perform the requested operation.",
  ApiNotFound:
    "The API you are trying to use could not be found. It may be available in a newer version of Excel. Please refer to the \"Excel JavaScript API requirement sets\" documentation for more information.",
  GeneralException: "There was an internal error while processing the request.",
  InsertDeleteConflict: "The insert or delete operation attempted resulted in a conflict.",
  InvalidArgument: "The argument is invalid or missing or has an incorrect format.",
  InvalidBinding: "This object binding is no longer valid due to previous updates.",
  InvalidObjectPath:
    "The object path '{0}' isn't working for what you're trying to do. If you're using the object across multiple \"context.sync\" calls and outside the sequential execution of a \".run\" batch, please use the \"context.trackedObjects.add()\" and \"context.trackedObjects.remove()\" methods to manage the object's lifetime.",
  InvalidOperation: "The operation attempted is invalid on the object.",
  InvalidReference: "This reference is not valid for the current operation.",
  InvalidRequestContext: "Cannot use the object across different request contexts.",
  ItemAlreadyExists: "The resource being created already exists.",
  ItemNotFound: "The requested resource doesn't exist.",
  MergedRangeConflict:
    "Cannot complete the operation. A table can't overlap with another table, a PivotTable report, query results, merged cells, or an XML Map.",
  NonBlankCellOffSheet:
    "Microsoft Excel can't insert new cells because it would push non-empty cells off the end of the worksheet.",
  NotImplemented: "The requested feature isn't implemented.",
  PropertyNotLoaded:
    "The property '{0}' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.",
  RangeExceedsLimit: "The cell count in the range has exceeded the maximum supported number.",
  RunMustReturnPromise:
    "The batch function passed to the \".run\" method didn't return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from \"context.sync()\".",
  UnsupportedOperation: "The operation being attempted is not supported.",
  ValueNotLoaded:
    "The value of the result object has not been loaded yet. Before reading the value property, call \"context.sync()\" on the associated request context.",
};

const HTTP: Record<string, number> = {
  AccessDenied: 401, ApiNotFound: 404, GeneralException: 500, InvalidArgument: 400, InvalidObjectPath: 400,
  InvalidRequestContext: 400, ItemNotFound: 404, ItemAlreadyExists: 409, PropertyNotLoaded: 400, ValueNotLoaded: 400,
  InvalidOperation: 400, InvalidReference: 400,
};

export interface DebugInfo {
  code: string;
  message: string;
  errorLocation?: string;
  statement?: string;
  surroundingStatements?: string[];
  fullStatements?: string[];
  [key: string]: unknown;
}

export class FakeRichApiError extends Error {
  code: string;
  debugInfo: DebugInfo;
  traceMessages: string[] = [];
  innerError: unknown = null;
  httpStatusCode: number;

  constructor(code: string, message?: string, debugInfo: Partial<DebugInfo> = {}) {
    super(message ?? defaultMessage(code));
    Object.setPrototypeOf(this, FakeRichApiError.prototype);
    this.name = "RichApi.Error";
    this.code = code;
    this.httpStatusCode = HTTP[code] ?? 500;
    const info: DebugInfo = { code, message: this.message, ...debugInfo };
    Object.defineProperty(info, "toString", { value: () => JSON.stringify(info), enumerable: false });
    this.debugInfo = info;
  }

  toString(): string {
    return `${this.code}: ${this.message}`;
  }
}

export function defaultMessage(code: string, arg = ""): string {
  return (MESSAGES[code] ?? MESSAGES.GeneralException).replace("{0}", arg);
}

/** An error raised while applying an operation; the runtime adds statement details. */
export function fail(code: string, detail?: string): never {
  const message = defaultMessage(code);
  throw new FakeRichApiError(code, message, detail ? { detail } : {});
}

export function propertyNotLoaded(entity: string, property: string): FakeRichApiError {
  return new FakeRichApiError(ErrorCodes.propertyNotLoaded, defaultMessage("PropertyNotLoaded", property), {
    errorLocation: `${entity}.${property}`,
  });
}

export function apiNotFound(member: string, set: string): FakeRichApiError {
  return new FakeRichApiError(
    ErrorCodes.apiNotFound,
    `The method or property ${member} is part of the ${set} requirement set, which is not available in your version of Excel.`,
    { errorLocation: member },
  );
}
