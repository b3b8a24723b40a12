/**
 * The plan's year, commune, issuing unit and title from the title lines of a document or the
 * rows above a table's header ("… xã Hồng Lộc năm 2024", "KẾ HOẠCH CCHC NĂM 2025 … XÃ …",
 * "UBND XÃ HỒNG LỘC"). The user confirms them; nothing here is certain.
 */
import { normalizeText } from "../core/text";

export interface PlanMeta {
  year: number | null;
  commune: string | null;
  unit: string | null;
  title: string | null;
}

const UPPER_STOP = new Set(["NĂM", "GIAI", "HUYỆN", "TỈNH", "QUẬN", "VỀ", "CỦA", "TRONG", "VÀ", "ĐẾN", "TỪ", "GIAI ĐOẠN", "KẾ", "BAN", "PHỤ", "TẠI", "THEO", "NHIỆM", "CẢI", "CCHC", "QUYẾT", "BÁO", "ĐỊNH"]);

/** "HỒNG LỘC" → "Hồng Lộc" (each word capitalised, the rest lower case). */
export function titleCase(s: string): string {
  return s
    .toLocaleLowerCase("vi")
    .split(" ")
    .map((w) => (w ? w[0].toLocaleUpperCase("vi") + w.slice(1) : w))
    .join(" ");
}

/** The place name after "xã"/"phường"/"thị trấn" in a line, or null. */
export function communeIn(line: string): { kind: string; name: string } | null {
  const re = /(^|[^\p{L}])(xã|phường|thị trấn|XÃ|PHƯỜNG|THỊ TRẤN|Xã|Phường|Thị trấn)\s+(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*){0,3})/gu;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (/cấp\s*$/i.test(line.slice(0, m.index + m[1].length))) continue; // "cấp xã" is a level, not a name
    const words = m[3].split(/\s+/);
    const kind = m[2].toLocaleLowerCase("vi");
    const kept: string[] = [];
    for (let i = 0; i < words.length; i++) {
      const w = words[i].toLocaleUpperCase("vi");
      const next = (words[i + 1] ?? "").toLocaleUpperCase("vi");
      if (UPPER_STOP.has(w) || (w === "THÀNH" && next === "PHỐ") || (w === "THỊ" && (next === "XÃ" || next === "TRẤN"))) break;
      kept.push(words[i]);
    }
    if (!kept.length) continue;
    const name = kept.join(" ");
    return { kind, name: name === name.toUpperCase() ? titleCase(name) : name };
  }
  return null;
}

function yearIn(line: string): number | null {
  // A date line ("ngày 12 tháng 01 năm 2024") gives the issue date, not the plan's year.
  // "… đến năm 2035" is the horizon a plan works towards, not its year.
  const cleaned = line.replace(/tháng\s+\d{1,2}\s+năm\s+\d{4}/gi, " ").replace(/(?:đến|tới)\s+năm\s+\d{4}/gi, " ");
  const m = /năm\s+(20\d{2})(?!\d)/i.exec(cleaned) ?? /giai đoạn\s+(20\d{2})\s*[-–]\s*20\d{2}/i.exec(cleaned);
  return m ? Number(m[1]) : null;
}

const PLAN_WORDS = /kế hoạch|nhiệm vụ|cải cách hành chính|cchc|phụ lục/i;

/**
 * A province's, a city's or the Government's plan names its issuer in the header: "UBND TỈNH
 * ĐỒNG THÁP" → "UBND tỉnh Đồng Tháp", "THỦ TƯỚNG CHÍNH PHỦ" → "Thủ tướng Chính phủ" (the plan's
 * level follows from it: core/units planUnitContext).
 */
function higherIssuer(line: string): string | null {
  const m = /^(?:(chủ tịch)\s+)?(?:ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+(tỉnh|thành phố)\s+(\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})\s*$/iu.exec(line);
  if (m) {
    const name = m[3] === m[3].toUpperCase() ? titleCase(m[3]) : m[3];
    return `${m[1] ? "Chủ tịch " : ""}UBND ${m[2].toLocaleLowerCase("vi")} ${name}`;
  }
  if (/^thủ tướng chính phủ$/iu.test(line)) return "Thủ tướng Chính phủ";
  if (/^chính phủ$/iu.test(line)) return "Chính phủ";
  return null;
}

export function detectMeta(lines: string[]): PlanMeta {
  const clean = lines.map((l) => normalizeText(l)).filter(Boolean);
  let year: number | null = null;
  let yearWeight = -1;
  let commune: string | null = null;
  let kind = "xã";
  let unit: string | null = null;
  let title: string | null = null;
  for (const line of clean) {
    const y = yearIn(line);
    if (y !== null) {
      const w = PLAN_WORDS.test(line) ? 2 : 1;
      if (w > yearWeight) {
        year = y;
        yearWeight = w;
      }
    }
    if (!commune) {
      const c = communeIn(line);
      if (c) {
        commune = c.name;
        kind = c.kind;
      }
    }
    if (!unit && /^(UBND|ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN)\s+(XÃ|PHƯỜNG|THỊ TRẤN)\b/i.test(line)) {
      const c = communeIn(line);
      if (c) unit = `UBND ${c.kind} ${c.name}`;
    }
    if (!unit) unit = higherIssuer(line);
    if (!title && /^(KẾ HOẠCH|PHỤ LỤC|KHUNG NHIỆM VỤ|DANH MỤC NHIỆM VỤ)/i.test(line) && line.length > 8) title = line;
  }
  // Without "năm 2025" in a plan line, the year of the issue date ("… ngày 01/12/2025") is the best guess.
  if (year === null) {
    for (const line of clean) {
      const d = /ngày\s+\d{1,2}\s*(?:\/|tháng)\s*\d{1,2}\s*(?:\/|năm)\s*(20\d{2})(?!\d)/i.exec(line);
      if (d) {
        year = Number(d[1]);
        break;
      }
    }
  }
  if (!title) title = clean.find((l) => PLAN_WORDS.test(l) && l === l.toUpperCase() && l.length > 12) ?? null;
  if (!unit && commune) unit = `UBND ${kind} ${commune}`;
  return { year, commune, unit, title };
}
