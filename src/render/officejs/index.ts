/** The live-workbook renderer (Office.js). See render.ts for how atomicity works. */
export * from "./capabilities";
export * from "./render";
export { safeText, needsQuotePrefix, formulaLiteral, rewriteRefs } from "./text";
