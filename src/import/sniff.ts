/**
 * What a file is, from its first bytes (never from its name): a zip (OOXML), a PDF, an OLE
 * compound file (legacy .doc/.xls, or an encrypted OOXML package), RTF, HTML saved as ".doc".
 */
import { errors, ImportError } from "./errors";

export type FileKind = "empty" | "zip" | "pdf" | "ole" | "rtf" | "html" | "unknown";
export type OleKind = "doc" | "xls" | "encrypted" | "unknown";

export function toBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (bytes[at + i] !== sig[i]) return false;
  return true;
}

export function sniff(bytes: Uint8Array): FileKind {
  if (bytes.length === 0) return "empty";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06]) || startsWith(bytes, [0x50, 0x4b, 0x07, 0x08])) return "zip";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  // "%PDF" may follow a little junk (the spec allows it within the first 1024 bytes).
  const head = latin1(bytes.subarray(0, 1024));
  if (head.includes("%PDF-")) return "pdf";
  const trimmed = head.replace(/^\uFEFF|^ï»¿/, "").trimStart().toLowerCase();
  if (trimmed.startsWith("{\\rtf")) return "rtf";
  if (trimmed.startsWith("<html") || trimmed.startsWith("<!doctype html") || trimmed.startsWith("mime-version:") || (trimmed.startsWith("<?xml") && head.includes("urn:schemas-microsoft-com:office"))) return "html";
  return "unknown";
}

function latin1(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i++) s += String.fromCharCode(b[i]);
  return s;
}

function utf16Pattern(name: string): number[] {
  const out: number[] = [];
  for (const ch of name) out.push(ch.charCodeAt(0), 0);
  return out;
}

function contains(bytes: Uint8Array, pat: number[]): boolean {
  const first = pat[0];
  const last = bytes.length - pat.length;
  outer: for (let i = bytes.indexOf(first); i >= 0 && i <= last; i = bytes.indexOf(first, i + 1)) {
    for (let k = 1; k < pat.length; k++) if (bytes[i + k] !== pat[k]) continue outer;
    return true;
  }
  return false;
}

/**
 * Classifies an OLE compound file by the stream names in its directory (stored as UTF-16LE):
 * "EncryptedPackage" → a password-protected .docx/.xlsx; "WordDocument" → .doc; "Workbook"/"Book" → .xls.
 */
export function oleKind(bytes: Uint8Array): OleKind {
  if (contains(bytes, utf16Pattern("EncryptedPackage")) || contains(bytes, utf16Pattern("EncryptionInfo"))) return "encrypted";
  if (contains(bytes, utf16Pattern("WordDocument"))) return "doc";
  if (contains(bytes, utf16Pattern("Workbook")) || contains(bytes, utf16Pattern("Book\u0000"))) return "xls";
  return "unknown";
}

export function errorForKind(kind: FileKind, bytes: Uint8Array, expected: "docx" | "xlsx"): ImportError {
  switch (kind) {
    case "empty": return errors.empty("file");
    case "pdf": return errors.pdf();
    case "ole": {
      const k = oleKind(bytes);
      if (k === "encrypted") return errors.encrypted();
      if (k === "doc") return errors.legacyDoc();
      if (k === "xls") return errors.legacyXls();
      return errors.oleUnknown();
    }
    case "rtf": return errors.rtf();
    case "html": return errors.html();
    default: return errors.notZip(expected);
  }
}
