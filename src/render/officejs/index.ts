/** The live-workbook renderer and readers (Office.js). See render.ts for how atomicity works. */
export * from "./capabilities";
export * from "./render";
export * from "./readers";
export * from "./writers";
export { safeText, needsQuotePrefix, formulaLiteral, rewriteRefs } from "./text";
