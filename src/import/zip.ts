/**
 * Reading only the parts we need from an OOXML zip, with caps checked before anything is
 * inflated (declared sizes from the central directory) and again after (actual sizes).
 *
 * The caps (ZIP_LIMITS):
 * - the file itself: at most 50 MB (a commune's plan is well under 1 MB; a 10,000-row appendix ~3 MB);
 * - the main XML part (word/document.xml): at most 200 MB uncompressed (declared and actual);
 * - small parts ([Content_Types].xml, rels): at most 4 MB each;
 * - a declared ratio above 1100:1 is refused: DEFLATE cannot exceed ~1032:1, so such a header
 *   lies (a zip bomb or a corrupt file).
 * Parts we do not ask for (images, fonts, embedded objects) are never inflated.
 */
import { unzipSync } from "fflate";
import { errors, isImportError } from "./errors";

const MB = 1024 * 1024;

export interface ZipLimits {
  maxFileBytes: number;
  maxPartBytes: number;
  maxSmallPartBytes: number;
  maxRatio: number;
}

export const ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxFileBytes: 50 * MB,
  maxPartBytes: 200 * MB,
  maxSmallPartBytes: 4 * MB,
  maxRatio: 1100,
});

export interface ZipEntryInfo {
  name: string;
  size: number;
  originalSize: number;
  compression: number;
}

export interface ZipRead {
  /** Every entry of the central directory (names as stored). */
  entries: ZipEntryInfo[];
  /** The inflated parts that were asked for, keyed by the lower-cased name. */
  parts: Map<string, Uint8Array>;
}

/**
 * Lists the zip and inflates the entries whose lower-cased name is in `want` (value: the cap
 * for that part in bytes). Throws ImportError "corrupt" for a truncated or damaged zip and
 * "too-large" past a cap.
 */
export function readZipParts(bytes: Uint8Array, want: Map<string, number>, limits: ZipLimits = ZIP_LIMITS): ZipRead {
  if (bytes.length > limits.maxFileBytes) throw errors.tooLarge("file", bytes.length, limits.maxFileBytes);
  const entries: ZipEntryInfo[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter(info) {
        entries.push({ name: info.name, size: info.size, originalSize: info.originalSize, compression: info.compression });
        const cap = want.get(info.name.toLowerCase());
        if (cap === undefined) return false;
        if (info.originalSize > cap) throw errors.tooLarge(info.name, info.originalSize, cap);
        if (info.originalSize > MB && info.originalSize > Math.max(1, info.size) * limits.maxRatio) throw errors.zipBomb(info.name, info.originalSize, info.size);
        if (info.compression !== 0 && info.compression !== 8) throw errors.corrupt(`${info.name}: unsupported compression method ${info.compression}`);
        return true;
      },
    });
  } catch (e) {
    if (isImportError(e)) throw e;
    throw errors.corrupt(e instanceof Error ? e.message : String(e));
  }
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) {
    const key = name.toLowerCase();
    const cap = want.get(key) ?? limits.maxSmallPartBytes;
    if (data.length > cap) throw errors.tooLarge(name, data.length, cap);
    const declared = entries.find((e) => e.name === name);
    // fflate inflates into a buffer of the declared size: less output than declared means a
    // truncated or damaged stream.
    if (declared && declared.compression === 8 && data.length !== declared.originalSize) throw errors.corrupt(`${name}: inflated ${data.length} bytes, header says ${declared.originalSize}`);
    parts.set(key, data);
  }
  return { entries, parts };
}
