/**
 * The import layer: bytes (.docx, .xlsx) or an Excel selection → Grid → plan activities, and
 * the re-import diff. Pure TypeScript, no Node built-ins (runs in the task pane too).
 * The exceljs-based reader is deliberately not re-exported: import it from "./xlsxGrid" (or use
 * importXlsx / importAppendixFile, which load it on demand).
 */
export * from "./errors";
export { XmlTokenizer, XML_END, XML_OPEN, XML_CLOSE, XML_TEXT, decodeEntities, decodeXmlBytes } from "./xml";
export * from "./grid";
export { readDocx, readDocxTables, gridFromDocx, parseDocumentXml, type DocxTable, type DocxDocument, type DocxOptions } from "./docx";
export { parseAppendix, joinListLines, type ParsedAppendix, type ParseAppendixOptions } from "./appendix";
export { chooseAppendixTable, findHeader, fieldOfLabel, FIELD_KEYS, type FieldKey, type HeaderMatch } from "./header";
export { detectMeta, type PlanMeta } from "./meta";
export { splitLeadingNumber, splitNumberedItems } from "./numbering";
export { sniff, oleKind, type FileKind } from "./sniff";
export { ZIP_LIMITS, type ZipLimits } from "./zip";
export { diffPlans, reconciledActivities, activitySimilarity, changedFields, SIMILARITY_THRESHOLD, CROSS_GROUP_THRESHOLD, type PlanDiff } from "./reimport";
export { importDocx, importXlsx, importAppendixFile, officeKind, type ImportFileOptions, type ImportedAppendix } from "./importFile";
