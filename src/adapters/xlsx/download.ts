/** Handing a workbook's bytes to the person in a browser (the pane and the page): a blob: URL to download. */
export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A blob: URL for the bytes, or null where the browser has no Blob or refuses object URLs. */
export function blobUrl(bytes: Uint8Array): string | null {
  if (typeof URL === "undefined" || typeof Blob === "undefined") return null;
  try {
    return URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
  } catch {
    return null; // the caller offers no link and says so; an opened workbook (the pane) still works
  }
}
