/**
 * Where the pane runs: inside Excel (Office.onReady reports Excel), inside another Office host,
 * or in a plain browser (no Office global, or onReady never answering). Small and synchronous
 * to import: it is part of the initial bundle.
 */
import { detectCapabilities, type Capabilities } from "../../render/officejs/capabilities";

export type HostInfo =
  | { kind: "excel"; caps: Capabilities; displayLanguage: string; platform: string }
  | { kind: "other-host"; host: string }
  | { kind: "none"; reason: "no-office" | "timeout" };

interface OfficeLike {
  onReady?: (cb?: (info: { host: unknown; platform: unknown }) => void) => Promise<{ host: unknown; platform: unknown }>;
  context?: { displayLanguage?: string; requirements?: unknown };
  HostType?: { Excel?: unknown };
}

/** Waits for Office (at most `timeoutMs`) and says what it found. Never throws. */
export function detectHost(win: { Office?: unknown } = globalThis as never, timeoutMs = 6000): Promise<HostInfo> {
  const office = win.Office as OfficeLike | undefined;
  if (!office || typeof office.onReady !== "function") return Promise.resolve({ kind: "none", reason: "no-office" });
  return new Promise<HostInfo>((resolve) => {
    let done = false;
    const finish = (h: HostInfo) => {
      if (!done) {
        done = true;
        clearTimeout(timer);
        resolve(h);
      }
    };
    const timer = setTimeout(() => finish({ kind: "none", reason: "timeout" }), timeoutMs);
    try {
      Promise.resolve(office.onReady!())
        .then((info) => {
          const host = String(info?.host ?? "");
          const excel = String(office.HostType?.Excel ?? "Excel");
          if (host && host === excel) {
            finish({ kind: "excel", caps: detectCapabilities(office), displayLanguage: office.context?.displayLanguage ?? "vi-VN", platform: String(info?.platform ?? "") });
          } else if (host) finish({ kind: "other-host", host });
          else finish({ kind: "none", reason: "no-office" });
        })
        .catch(() => finish({ kind: "none", reason: "no-office" }));
    } catch {
      finish({ kind: "none", reason: "no-office" });
    }
  });
}

export type Lang = "vi" | "en";

/** Vietnamese unless Office's display language is English. */
export function initialLang(displayLanguage: string | undefined): Lang {
  return displayLanguage && displayLanguage.toLowerCase().startsWith("en") ? "en" : "vi";
}
