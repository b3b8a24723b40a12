/**
 * The commune's units (đơn vị) and the owner matcher: who leads (Chủ trì) and who partners
 * (Phối hợp) an activity, as written by people ("Tư pháp", "TP-HT", "Công chức Tư pháp - Hộ tịch",
 * "Văn hoá thông tin", "Bộ phận Một cửa") resolved to one entry of an editable directory
 * (the "Đơn vị" sheet).
 *
 * Every comparison of unit names goes through ONE canonicaliser, `canonicalUnitKey`.
 * Matching order (first hit wins; a key claimed by two different units is ambiguous and never
 * matches):
 *   1. exact canonical key of a name, alias or abbreviation ("TP-HT" ≡ "tp ht");
 *   2. the same without spaces ("TPHT", "VH-XH" ≡ "VHXH");
 *   3. the first segment of a dashed name when it belongs to one unit only ("Tư pháp");
 *   4. without the commune suffix ("UBND" ≡ "UBND xã", "Công an" ≡ "Công an xã") or a trailing
 *      commune name ("UBND xã Hồng Lộc" ≡ "UBND xã"), and without parenthesised remarks;
 *   5. diacritic-free fallback ("tu phap ho tich"): the input may LACK marks a known key has
 *      but may never carry a different mark, so "Văn hoa" finds "Văn hóa" while "Văn hòa" or
 *      "Hoa" never do, and a stripped key shared by two units matches neither;
 *   6. otherwise no unit, and the closest entry as a suggestion when it scores at least
 *      `SUGGEST_THRESHOLD` (mean of Dice on diacritic-free and on marked character bigrams).
 * Keys are precomputed when the directory is built; results are cached per input string and per
 * canonical key (bounded), so matching a plan's owners costs microseconds per distinct name.
 * Plain TypeScript: no Office, DOM or Node imports.
 */
import { normalizeText, newStyleTones, stripDiacritics, diacriticCompatible } from "./text";
import { isoFromExcelSerial } from "./dates";

export { diacriticCompatible };

export type UnitKind = "single" | "collective" | "outside";

/** The level of government a unit belongs to (since 1/7/2025 there is no district level). */
export type UnitLevel = "commune" | "district" | "province" | "central";

export interface Unit {
  /** Canonical display name, e.g. "Tư pháp - Hộ tịch". */
  name: string;
  /** Other names it is written under (old names, long forms, shortened names). */
  aliases: string[];
  abbreviations: string[];
  /** "single": one accountable post or body; "collective": a group that makes nobody accountable; "outside": not a commune body. */
  kind: UnitKind;
  note?: string;
  /** Its level of government; absent: the commune's, or the district's for an "outside" unit (the directories before levels). */
  level?: UnitLevel;
  /**
   * Its legal names from a date on (ISO), oldest first: the unit is written under each name in
   * its time ("Bộ phận Một cửa" from 2021, "Trung tâm Phục vụ hành chính công" from 1/7/2025)
   * and all of them match it. `name` is the name before the first of these.
   */
  renamed?: Array<{ name: string; from: string }>;
  /** The unit exists only from / until these dates (ISO): which set of units is current for a plan. */
  from?: string;
  until?: string;
}

const LEVEL_RANK: Record<UnitLevel, number> = { commune: 0, district: 1, province: 2, central: 3 };

/** A unit's level, with the defaults of directories written before levels existed. */
export function unitLevel(unit: Unit): UnitLevel {
  return unit.level ?? (unit.kind === "outside" ? "district" : "commune");
}

/** Whether the unit sits above a plan of this level (a province body in a commune's plan). */
export function isAboveLevel(unit: Unit, planLevel: UnitLevel): boolean {
  return LEVEL_RANK[unitLevel(unit)] > LEVEL_RANK[planLevel];
}

/** The unit's legal name on a date (ISO "2026-03-01"): the last rename in force then, or `name`. */
export function unitNameAt(unit: Unit, isoDate: string): string {
  let name = unit.name;
  for (const r of unit.renamed ?? []) if (r.from <= isoDate) name = r.name;
  return name;
}

/** Whether the unit exists on that date (its `from`/`until`). */
export function isUnitCurrent(unit: Unit, isoDate: string): boolean {
  return (!unit.from || unit.from <= isoDate) && (!unit.until || isoDate <= unit.until);
}

/**
 * A plan's level and date, which decide the current names and who is "outside": a plan issued by
 * a province (UBND tỉnh / thành phố trực thuộc trung ương) or by the Government names province or
 * central bodies as its own leads; a commune's plan does not. Read from the issuing body as written.
 */
export interface PlanUnitContext {
  level: UnitLevel;
  /** ISO date the plan speaks from: its decision date, else 1 January of its year. */
  date: string;
}

export function planUnitContext(plan: { unit?: string; title?: string; year: number; decision?: { date: string } }): PlanUnitContext {
  const who = stripDiacritics(canonicalUnitKey(`${plan.unit ?? ""}`));
  const level: UnitLevel = /^(thu tuong|chinh phu|bo )/.test(who) ? "central" : /^(chu tich )?ubnd (tinh|thanh pho)\b/.test(who) ? "province" : /^ubnd (huyen|quan|thi xa)\b/.test(who) ? "district" : "commune";
  const d = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(plan.decision?.date ?? "");
  const date = d ? `${d[3]}-${d[2].padStart(2, "0")}-${d[1].padStart(2, "0")}` : /^\d{4}-\d{2}-\d{2}$/.test(plan.decision?.date ?? "") ? plan.decision!.date : `${plan.year}-01-01`;
  return { level, date };
}

/** How a name was resolved. */
export type MatchVia = "exact" | "compact" | "shortened" | "suffix" | "diacritics" | "ambiguous" | "fuzzy" | "none";

export interface UnitMatch {
  /** The unit, when the name resolves to exactly one. */
  unit: Unit | null;
  /** Only when `unit` is null: the closest unit, if reasonably close (or the first of several an ambiguous name fits). */
  suggestion: Unit | null;
  /** Confidence 0..1: 1 exact, 0.97 compact, 0.95 shortened/suffix, 0.9 diacritic-free, else the suggestion's similarity. */
  score: number;
  /** The name as given, normalised for display (NFC, single spaces). */
  input: string;
  via: MatchVia;
  /** When the name fits several units (a key claimed twice in the directory). */
  candidates?: Unit[];
}

/** A suggestion is offered from this similarity on. */
export const SUGGEST_THRESHOLD = 0.6;

// ---------------------------------------------------------------------------------------------
// The canonicaliser

function wordsCompatible(words: string[], at: number, pattern: string[]): boolean {
  if (at + pattern.length > words.length) return false;
  for (let k = 0; k < pattern.length; k++) if (!diacriticCompatible(words[at + k], pattern[k])) return false;
  return true;
}

/** Spelled-out phrases folded to the abbreviation everyone writes (compared diacritic-tolerantly). */
const CONTRACTIONS: Array<[string[], string]> = [
  [["ủy", "ban", "nhân", "dân"], "ubnd"],
  [["hội", "đồng", "nhân", "dân"], "hđnd"],
  [["cải", "cách", "hành", "chính"], "cchc"],
  [["thủ", "tục", "hành", "chính"], "tthc"],
  [["mặt", "trận", "tổ", "quốc"], "mttq"],
  [["ủy", "ban", "mttq"], "mttq"],
  [["ubmttq"], "mttq"],
];

/** Titles and generic heads dropped from the front ("Công chức Tư pháp", "Đ/c …", "Bộ phận Một cửa", "Ban Chỉ huy …"). */
const PREFIXES: string[][] = [["công", "chức"], ["cán", "bộ"], ["bộ", "phận"], ["đồng", "chí"], ["ban"]];

/** Words that cannot carry a name on their own: a prefix is kept rather than leave only these. */
const GENERIC_WORDS = new Set(["xã", "cấp", "của", "tại", "huyện", "tỉnh", "các", "và", "xa", "cap", "cua", "tai", "huyen", "tinh", "cac", "va"]);

/** Contraction patterns by the length of their first word (a cheap first filter). */
const CONTRACTIONS_BY_LENGTH = new Map<number, Array<[string[], string]>>();
for (const c of CONTRACTIONS) {
  const n = c[0][0].length;
  CONTRACTIONS_BY_LENGTH.set(n, [...(CONTRACTIONS_BY_LENGTH.get(n) ?? []), c]);
}

/** The words with spelled-out phrases contracted; the same array when nothing changed. */
function contract(words: string[]): string[] {
  let out: string[] | null = null;
  let i = 0;
  while (i < words.length) {
    let hit = false;
    for (const [pattern, abbr] of CONTRACTIONS_BY_LENGTH.get(words[i].length) ?? []) {
      if (wordsCompatible(words, i, pattern)) {
        out ??= words.slice(0, i);
        out.push(abbr);
        i += pattern.length;
        hit = true;
        break;
      }
    }
    if (!hit) {
      if (out) out.push(words[i]);
      i++;
    }
  }
  return out ?? words;
}

function stripPrefix(words: string[]): string[] {
  for (const p of PREFIXES) {
    if (wordsCompatible(words, 0, p)) {
      const rest = words.slice(p.length);
      if (rest.some((w) => !GENERIC_WORDS.has(w))) return rest;
    }
  }
  return words;
}

const MARKS = /\p{M}+/gu;
const NON_WORD = /[^\p{L}\p{N}]+/gu;

function keyPass(input: string): string {
  let s = normalizeText(input).toLowerCase().normalize("NFC");
  s = newStyleTones(s);
  s = s.replace(/&/g, " và ");
  // "Đ/c", "đ.c", "d/c" (đồng chí) before the slash goes.
  s = s.replace(/^\s*[đd]\s*[/.]\s*c(?![\p{L}\p{N}])\.?/u, " đồng chí ");
  s = s.replace(MARKS, "").replace(NON_WORD, " ").trim();
  if (!s) return "";
  // A word typed twice in a row ("Sở Sở Công thương") is a typo.
  let words = s.split(" ").filter((w, i, all) => i === 0 || w !== all[i - 1]);
  for (;;) {
    const next = stripPrefix(contract(words));
    if (next === words) break;
    words = next;
  }
  return words.join(" ");
}

/**
 * The one canonical key for unit names: NFC, lower case, new-style tones ("hoá" → "hóa",
 * "uỷ" → "ủy"), "&" → "và", dashes and any other punctuation → word breaks ("Tư pháp-Hộ tịch",
 * "Tư pháp – Hộ tịch", "Tư pháp Hộ tịch" are one key), spelled-out "Ủy ban nhân dân",
 * "Hội đồng nhân dân", "cải cách hành chính", "thủ tục hành chính", "Mặt trận Tổ quốc" folded to
 * UBND, HĐND, CCHC, TTHC, MTTQ, and leading "Công chức", "Cán bộ", "Bộ phận", "Đ/c", "Đồng chí",
 * "Ban" dropped (never leaving only "xã"/"cấp"/"của"…). Diacritics are kept. Idempotent.
 */
export function canonicalUnitKey(name: string): string {
  // One pass is a fixpoint: every step either normalises (stable on its own output) or shortens
  // to a fixpoint; the property tests check idempotence on arbitrary Unicode.
  return keyPass(typeof name === "string" ? name : name === null || name === undefined ? "" : String(name));
}

/** The key without a commune suffix ("… xã", "… cấp xã", "… của xã", "… tại xã"); the key itself when nothing would remain. */
function withoutCommuneSuffix(key: string): string {
  const m = /^(.*?)(?: (?:của|cấp|tại|ở|cua|cap|tai|o))? (?:xã|xa)$/u.exec(key);
  return m && m[1] ? m[1] : key;
}

/** "ubnd xã hồng lộc" → "ubnd xã": a trailing commune (or province) name (at most 3 words) after "xã" (or "tỉnh"). */
function withoutCommuneName(key: string): string | null {
  const words = key.split(" ");
  for (let i = words.length - 2; i >= 1 && words.length - 1 - i <= 3; i--) {
    // "UBND xã, phường, đặc khu" lists kinds of commune, not a commune's name.
    // … and "Ban Quản lý khu kinh tế tỉnh Đồng Tháp" ≡ "… tỉnh", the same way.
    if ((words[i] === "xã" || words[i] === "xa" || words[i] === "tỉnh" || words[i] === "tinh") && !words.slice(i + 1).some((w) => NOT_A_PLACE_NAME.has(stripDiacritics(w)))) return words.slice(0, i + 1).join(" ");
  }
  return null;
}

/** Words no place name holds after "xã"/"tỉnh": other kinds of commune, and "và", "các" (a list goes on). */
const NOT_A_PLACE_NAME = new Set(["phuong", "dac", "thi", "tran", "va", "cac"]);

function compact(key: string): string {
  return key.replace(/ /g, "");
}

// ---------------------------------------------------------------------------------------------
// The default directory

function u(name: string, kind: UnitKind, aliases: string[] = [], abbreviations: string[] = [], note?: string, more: Partial<Pick<Unit, "level" | "renamed" | "from" | "until">> = {}): Unit {
  return { ...(note ? { name, aliases, abbreviations, kind, note } : { name, aliases, abbreviations, kind }), ...more };
}

/** The day before the two-level government (Luật Tổ chức chính quyền địa phương 2025) took effect, and the day it did. */
const LAST_DISTRICT_DAY = "2025-06-30";
const TWO_LEVELS = "2025-07-01";
const DISTRICT = { level: "district", until: LAST_DISTRICT_DAY } as const;
const PROVINCE = { level: "province" } as const;
const CENTRAL = { level: "central" } as const;

const NOBODY = "Tập thể: không chỉ rõ ai chịu trách nhiệm, nên giao một đơn vị chủ trì cụ thể.";
const TEMPLATE = "Cấp tỉnh: thường là dòng còn sót từ mẫu kế hoạch của tỉnh.";

/**
 * The standard commune posts (Nghị định 33/2023/NĐ-CP), the commune's bodies, the collectives and
 * the outside bodies written in commune CCHC plans: every owner and partner of the Hồng Lộc 2024
 * appendix resolves to one of these. Editable through the "Đơn vị" sheet.
 */
export const DEFAULT_UNITS: Unit[] = [
  // Commune civil-servant posts
  u("Văn phòng - Thống kê", "single",
    ["Văn phòng", "Thống kê", "Văn phòng HĐND và UBND xã", "Văn phòng HĐND - UBND xã", "Văn phòng UBND xã", "Văn phòng HĐND và UBND phường", "Văn thư UBND xã"],
    ["VP-TK", "VP"],
    "Từ 01/7/2025 (Nghị định 150/2025/NĐ-CP): Văn phòng HĐND và UBND (văn phòng, tư pháp, ngoại vụ).",
    { renamed: [{ name: "Văn phòng HĐND và UBND", from: TWO_LEVELS }] }),
  u("Tư pháp - Hộ tịch", "single",
    ["Tư pháp", "Hộ tịch", "Công chức Tư pháp - Hộ tịch"],
    ["TP-HT", "TP - HT"],
    "Chủ trì kế hoạch CCHC: tổng hợp, theo dõi, báo cáo."),
  u("Địa chính - Xây dựng", "single",
    ["Địa chính", "Địa chính - Nông nghiệp - Xây dựng và Môi trường", "Địa chính - Xây dựng - Đô thị và Môi trường",
      "Địa chính - Xây dựng - Môi trường", "Địa chính - Nông nghiệp", "Địa chính - Môi trường", "Địa chính - Xây dựng - Nông nghiệp"],
    ["ĐC-XD", "ĐC-NN-XD-MT", "ĐC-XD-ĐT-MT", "ĐC-XD-MT"],
    "Xã: Địa chính - Nông nghiệp - Xây dựng và Môi trường; phường, thị trấn: Địa chính - Xây dựng - Đô thị và Môi trường. Từ 01/7/2025 thuộc Phòng Kinh tế.",
    { until: LAST_DISTRICT_DAY }),
  u("Tài chính - Kế toán", "single", ["Tài chính", "Kế toán", "Tài chính - Ngân sách"], ["TC-KT"], "Từ 01/7/2025 thuộc Phòng Kinh tế.", { until: LAST_DISTRICT_DAY }),
  u("Phòng Kinh tế", "single",
    ["Phòng Kinh tế, Hạ tầng và Đô thị", "Phòng Kinh tế xã", "Phòng Kinh tế, Hạ tầng và Đô thị phường", "Phòng Kinh tế - Hạ tầng và Đô thị"],
    ["PKT", "KT-HT-ĐT"],
    "Từ 01/7/2025 (Nghị định 150/2025/NĐ-CP): xã có Phòng Kinh tế, phường có Phòng Kinh tế, Hạ tầng và Đô thị.",
    { from: TWO_LEVELS }),
  u("Văn hóa - Xã hội", "single",
    ["Văn hóa", "Văn hóa - Thông tin", "Văn hóa - Thông tin - Thể thao", "Văn hóa - Thể thao", "Văn hóa - Thông tin - Truyền thanh",
      "Lao động - Thương binh và Xã hội", "Lao động - Thương binh - Xã hội", "Chính sách xã hội"],
    ["VH-XH", "VH-TT", "VH", "VHTT-TT", "LĐ-TB&XH", "LĐTBXH", "LĐ-TBXH"],
    "Tên cũ: Văn hóa - Thông tin; kiêm lĩnh vực Lao động - Thương binh và Xã hội. Từ 01/7/2025: Phòng Văn hóa - Xã hội.",
    { renamed: [{ name: "Phòng Văn hóa - Xã hội", from: TWO_LEVELS }] }),
  u("Chỉ huy trưởng Quân sự", "single",
    ["Chỉ huy trưởng Ban Chỉ huy Quân sự xã", "Ban Chỉ huy Quân sự xã", "Chỉ huy trưởng Quân sự xã", "Quân sự", "Quân sự xã", "Xã đội", "Xã đội trưởng"],
    ["CHT QS", "CHT BCHQS", "BCH QS", "BCHQS", "CHQS", "QS"]),
  u("Công an xã", "single", ["Công an", "Trưởng Công an xã", "Chỉ huy Công an xã", "Cán bộ Công an xã"], ["CA xã", "CA"]),
  u("Bộ phận tiếp nhận và trả kết quả", "single",
    ["Một cửa", "Bộ phận tiếp nhận và trả kết quả xã", "Bộ phận tiếp nhận và trả kết quả của xã",
      "Bộ phận tiếp nhận và trả kết quả cấp xã", "Bộ phận Một cửa, một cửa liên thông", "Bộ phận tiếp nhận và trả kết quả giải quyết TTHC",
      "Trung tâm Phục vụ hành chính công xã", "Trung tâm Phục vụ hành chính công cấp xã", "Trung tâm Phục vụ hành chính công phường"],
    ["BPMC", "BP1C", "TN&TKQ", "BP TN&TKQ", "TN&TKQ xã", "TTPVHCC xã", "TTPVHCC"],
    "Một đơn vị qua các lần đổi tên: Bộ phận tiếp nhận và trả kết quả (trước 2021), Bộ phận Một cửa (Nghị định 107/2021/NĐ-CP), Trung tâm Phục vụ hành chính công cấp xã (Nghị định 118/2025/NĐ-CP, từ 01/7/2025).",
    { renamed: [{ name: "Bộ phận Một cửa", from: "2021-01-01" }, { name: "Trung tâm Phục vụ hành chính công", from: TWO_LEVELS }] }),
  u("Tổ kiểm tra CCHC xã", "single",
    ["Tổ kiểm tra CCHC", "Tổ kiểm tra cải cách hành chính xã", "Đoàn kiểm tra CCHC xã", "Tổ kiểm tra"],
    ["TKT CCHC"],
    "Tổ công tác do Chủ tịch UBND xã thành lập; tổ trưởng chịu trách nhiệm."),
  // Commune leadership and bodies
  u("Chủ tịch UBND xã", "single", ["Chủ tịch UBND", "Chủ tịch xã", "Chủ tịch"], ["CT UBND xã", "CT UBND", "CT xã"]),
  u("Phó Chủ tịch UBND xã", "single",
    ["Phó Chủ tịch UBND", "Phó Chủ tịch xã", "Phó Chủ tịch", "Các Phó Chủ tịch UBND xã", "Các phó Chủ tịch UBND xã"],
    ["PCT UBND xã", "PCT UBND", "PCT"]),
  u("UBND xã", "single", ["Lãnh đạo UBND xã", "Thường trực UBND xã"], ["UBND"]),
  u("HĐND xã", "single", ["Thường trực HĐND xã"], ["HĐND"]),
  u("Đảng ủy xã", "single", ["Đảng ủy", "Ban Thường vụ Đảng ủy xã", "Thường trực Đảng ủy xã"], ["ĐU"]),
  u("Ủy ban Mặt trận Tổ quốc xã", "single", ["Mặt trận Tổ quốc xã", "Mặt trận Tổ quốc", "Mặt trận"], ["MTTQ xã", "MTTQ", "UBMTTQ xã"]),
  u("Đoàn Thanh niên xã", "single", ["Đoàn Thanh niên", "Đoàn TNCS Hồ Chí Minh xã", "Xã Đoàn", "Đoàn xã"], ["ĐTN"]),
  u("Hội Liên hiệp Phụ nữ xã", "single", ["Hội Phụ nữ xã", "Hội Phụ nữ", "Hội LHPN xã"], ["LHPN", "HPN"]),
  u("Hội Nông dân xã", "single", ["Hội Nông dân"], ["HND"]),
  u("Hội Cựu chiến binh xã", "single", ["Hội Cựu chiến binh", "Hội CCB xã", "Hội CCB"], ["CCB"]),
  u("Đài Truyền thanh xã", "single", ["Đài Truyền thanh", "Đài phát thanh xã", "Đài truyền thanh cơ sở"]),
  u("Trạm Y tế xã", "single", ["Trạm Y tế"], ["TYT"]),
  // Collectives
  u("Các ban, ngành cấp xã", "collective",
    ["Các ban ngành cấp xã", "Các ban, ngành", "Các ngành", "Các ban, ngành xã", "Các ban, ngành của xã", "Các đơn vị cấp xã"],
    [], NOBODY),
  u("Các ban, ngành liên quan", "collective",
    ["Các ban, ngành có liên quan", "Các ngành liên quan", "Các đơn vị liên quan", "Các bộ phận liên quan", "Các ban ngành liên quan", "Các đơn vị có liên quan"],
    [], NOBODY),
  u("Các ban, ngành, đoàn thể", "collective",
    ["Các ban ngành, đoàn thể", "Các ban, ngành, đoàn thể cấp xã", "Các ban, ngành, đoàn thể xã", "Các ban ngành đoàn thể"],
    [], NOBODY),
  u("Các cơ quan chủ trì các lĩnh vực CCHC xã", "collective",
    ["Các cơ quan chủ trì CCHC của xã", "Các cơ quan chủ trì CCHC xã", "Các cơ quan chủ trì các lĩnh vực CCHC", "Các cơ quan chủ trì"],
    [], NOBODY),
  u("Các cơ quan liên quan khác", "collective",
    ["Các cơ quan liên quan", "Các cơ quan có liên quan", "Các cơ quan, đơn vị liên quan", "Các cơ quan, đơn vị có liên quan", "Các cơ quan, đơn vị"],
    [], NOBODY),
  u("Các tổ chức đoàn thể", "collective",
    ["Các đoàn thể", "Các tổ chức đoàn thể cấp xã", "Các tổ chức chính trị - xã hội", "Mặt trận Tổ quốc và các đoàn thể",
      "MTTQ và các đoàn thể", "Ủy ban Mặt trận Tổ quốc và các tổ chức đoàn thể cấp xã", "MTTQ và các tổ chức đoàn thể", "Các hội, đoàn thể",
      "Tổ chức chính trị - xã hội", "Các tổ chức chính trị-xã hội"],
    [], NOBODY),
  u("Các thôn", "collective", ["Các thôn, xóm", "Các thôn, tổ dân phố", "Trưởng thôn", "Các trưởng thôn", "Các thôn, xóm trên địa bàn"], [], NOBODY),
  u("Cán bộ, công chức xã", "collective",
    ["Cán bộ, công chức", "Cán bộ, công chức, viên chức", "Toàn thể cán bộ, công chức"],
    ["CBCC", "CBCC xã", "CBCCVC"], NOBODY),
  // Collectives of a province's or the Government's plan
  u("UBND các xã, phường, đặc khu", "collective",
    ["UBND các xã, phường", "UBND các phường, xã", "UBND các phường xã", "UBND xã, phường, đặc khu", "UBND xã, phường", "UBND các phường, xã có liên quan",
      "UBND các xã", "UBND các xã, phường, thị trấn"],
    [], NOBODY),
  u("Các sở, ban, ngành", "collective",
    ["Các sở, ban, ngành tỉnh", "Các sở, ban, ngành Thành phố", "Sở, ban, ngành có liên quan", "Các sở, ngành", "Các sở, ngành có liên quan", "Các sở, ngành liên quan",
      "Các sở, ban, ngành có liên quan", "Sở, ban, ngành", "Các sở, ngành Thành phố"],
    [], NOBODY, PROVINCE),
  u("Các bộ, ngành liên quan", "collective",
    ["Các bộ, ngành", "Các bộ, ngành có liên quan", "Các bộ, ngành, địa phương", "Các bộ, ngành, địa phương liên quan", "Các bộ, ngành và địa phương có liên quan",
      "Bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ"],
    [], NOBODY, CENTRAL),
  u("UBND các tỉnh, thành phố trực thuộc trung ương", "collective", ["UBND các tỉnh, thành phố", "Các địa phương", "Các địa phương liên quan"], [], NOBODY, PROVINCE),
  u("Cơ quan, địa phương liên quan", "collective",
    ["Cơ quan liên quan", "Cơ quan có liên quan", "Các cơ quan, địa phương liên quan", "Các cơ quan, đơn vị, địa phương", "Các cơ quan, đơn vị, địa phương liên quan"],
    [], NOBODY),
  u("Các doanh nghiệp", "collective",
    ["Doanh nghiệp", "Các doanh nghiệp viễn thông", "Các doanh nghiệp đầu tư hạ tầng", "Các doanh nghiệp cung cấp dịch vụ bưu chính", "Các doanh nghiệp cung cấp dịch vụ viễn thông"],
    [], NOBODY),
  u("Viện, Trường", "collective", ["Các viện, trường", "Các viện nghiên cứu, trường đại học"], [], NOBODY),
  u("Các trường đại học, cao đẳng trên địa bàn tỉnh", "collective",
    ["Các Trường Đại học, Cao đẳng trên địa bàn tỉnh", "Các trường: Đại học, Cao đẳng, Trung cấp trên địa bàn tỉnh", "Các trường đại học, cao đẳng"], [], NOBODY, PROVINCE),
  u("Ban Chỉ huy Phòng thủ dân sự các cấp", "collective", ["Ban Chỉ huy Phòng thủ dân sự cấp tỉnh, cấp xã"], [], NOBODY, PROVINCE),
  u("Các cơ quan thông tấn, báo chí", "collective",
    ["Các cơ quan thông tấn, báo chí trung ương", "Cơ quan thông tấn báo chí", "Đài Truyền hình và các cơ quan thông tấn, báo chí tại địa phương"], [], NOBODY),
  // Outside the commune
  u("UBND huyện", "outside", ["UBND cấp huyện", "Lãnh đạo UBND huyện"], [], "Cấp huyện (không còn từ 01/7/2025).", DISTRICT),
  u("Chủ tịch UBND huyện", "outside", [], ["CT UBND huyện"], undefined, DISTRICT),
  u("HĐND huyện", "outside", [], [], undefined, DISTRICT),
  u("Huyện ủy", "outside", [], [], undefined, DISTRICT),
  u("Phòng Nội vụ huyện", "outside", ["Phòng Nội vụ", "Phòng Nội vụ cấp huyện"], ["PNV"], undefined, DISTRICT),
  u("Phòng Tư pháp huyện", "outside", ["Phòng Tư pháp"], [], undefined, DISTRICT),
  u("Phòng Văn hóa và Thông tin huyện", "outside", ["Phòng Văn hóa - Thông tin huyện", "Phòng Văn hóa và Thông tin", "Phòng VH-TT huyện"], [], undefined, DISTRICT),
  u("Phòng Tài chính - Kế hoạch huyện", "outside", ["Phòng Tài chính - Kế hoạch", "Phòng TC-KH huyện"], [], undefined, DISTRICT),
  u("Phòng Tài nguyên và Môi trường huyện", "outside", ["Phòng Tài nguyên và Môi trường", "Phòng TN&MT huyện", "Phòng TN&MT"], [], undefined, DISTRICT),
  u("Văn phòng HĐND và UBND huyện", "outside", ["Văn phòng HĐND - UBND huyện", "Văn phòng UBND huyện"], [], undefined, DISTRICT),
  u("Trung tâm Hành chính công huyện", "outside", ["Trung tâm Hành chính công cấp huyện", "Trung tâm Hành chính công"], [], undefined, DISTRICT),
  u("Công an huyện", "outside", [], [], undefined, DISTRICT),
  u("Ban Chỉ huy Quân sự huyện", "outside", [], ["BCHQS huyện"], undefined, DISTRICT),
  u("HĐND tỉnh và UBND tỉnh", "outside", ["HĐND và UBND tỉnh", "HĐND, UBND tỉnh"], [], TEMPLATE, PROVINCE),
  u("UBND tỉnh", "outside", ["UBND Thành phố", "Ủy ban nhân dân Thành phố"], [], TEMPLATE, PROVINCE),
  u("Chủ tịch UBND tỉnh", "outside", [], ["CT UBND tỉnh"], TEMPLATE, PROVINCE),
  u("HĐND tỉnh", "outside", [], [], TEMPLATE, PROVINCE),
  u("Tỉnh ủy", "outside", [], [], undefined, PROVINCE),
  u("Văn phòng UBND tỉnh", "outside", ["Văn phòng UBND Thành phố"], [], undefined, PROVINCE),
  // Province departments and bodies (the leads of a province's plan), as 2025 plans write them
  u("Sở Nội vụ", "outside", ["Sở Nội vụ tỉnh"], ["SNV"], undefined, PROVINCE),
  u("Sở Tư pháp", "outside", [], [], undefined, PROVINCE),
  u("Sở Tài chính", "outside", [], [], undefined, PROVINCE),
  u("Sở Khoa học và Công nghệ", "outside", [], ["Sở KH&CN", "Sở KHCN"], "Nhận thêm lĩnh vực thông tin và truyền thông từ 01/3/2025.", PROVINCE),
  u("Sở Công Thương", "outside", [], [], undefined, PROVINCE),
  u("Sở Nông nghiệp và Môi trường", "outside", [], ["Sở NN&MT", "Sở NNMT"], undefined, PROVINCE),
  u("Sở Xây dựng", "outside", [], [], undefined, PROVINCE),
  u("Sở Y tế", "outside", [], [], undefined, PROVINCE),
  u("Sở Giáo dục và Đào tạo", "outside", [], ["Sở GD&ĐT", "Sở GDĐT"], undefined, PROVINCE),
  u("Sở Văn hóa, Thể thao và Du lịch", "outside", ["Sở Văn hóa Thể thao và Du lịch", "Sở Văn hóa Thể thao du lịch", "Sở Văn hóa, Thể thao, Du lịch"], ["Sở VHTTDL", "Sở VH-TT-DL"], undefined, PROVINCE),
  u("Sở Ngoại vụ", "outside", [], [], undefined, PROVINCE),
  u("Sở Dân tộc và Tôn giáo", "outside", [], [], undefined, PROVINCE),
  u("Sở Thông tin và Truyền thông", "outside", ["Sở TT&TT"], ["STTTT"], "Hợp nhất vào Sở Khoa học và Công nghệ từ 01/3/2025.", { ...PROVINCE, until: "2025-02-28" }),
  u("Công an tỉnh", "outside", ["Công an Thành phố"], [], undefined, PROVINCE),
  u("Bộ Chỉ huy Quân sự tỉnh", "outside", ["Bộ Chỉ huy Quân sự Thành phố"], ["Bộ CHQS tỉnh"], undefined, PROVINCE),
  u("Ban Quản lý khu kinh tế tỉnh", "outside",
    ["Ban Quản lý khu kinh tế", "Ban Quản lý các khu công nghiệp, khu kinh tế", "Ban Quản lý các khu công nghiệp khu kinh tế", "Ban Quản lý các khu công nghệ cao và khu công nghiệp"],
    [], undefined, PROVINCE),
  u("Báo và Phát thanh, Truyền hình tỉnh", "outside", ["Báo và Phát thanh, Truyền hình", "Báo và Phát thanh Truyền hình tỉnh", "Đài Phát thanh và Truyền hình tỉnh", "Đài Phát thanh và Truyền hình Thành phố"], [], undefined, PROVINCE),
  u("Viện Nghiên cứu phát triển tỉnh", "outside", ["Viện Nghiên cứu phát triển Thành phố"], [], undefined, PROVINCE),
  u("Hiệp hội Doanh nghiệp tỉnh", "outside", ["Hiệp hội Doanh nghiệp"], [], undefined, PROVINCE),
  u("Trung tâm Chuyển đổi số tỉnh", "outside", ["Trung tâm Chuyển đổi số Thành phố", "Trung tâm Chuyển đổi số"], [], undefined, PROVINCE),
  u("Bảo hiểm xã hội tỉnh", "outside", ["Bảo hiểm xã hội Thành phố"], ["BHXH tỉnh"], undefined, PROVINCE),
  u("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "outside", ["Liên hiệp các Hội Khoa học và Kỹ thuật"], [], undefined, PROVINCE),
  u("Ban Chỉ huy Phòng thủ dân sự tỉnh", "outside", ["Ban Chỉ huy Phòng thủ dân sự cấp tỉnh"], [], undefined, PROVINCE),
  u("Trung tâm Phục vụ hành chính công tỉnh", "outside", ["Trung tâm Phục vụ hành chính công cấp tỉnh"], [], undefined, PROVINCE),
  // Central bodies
  u("Bộ Nội vụ", "outside", [], ["BNV"], undefined, CENTRAL),
  u("Bộ Xây dựng", "outside", [], [], undefined, CENTRAL),
  u("Bộ Khoa học và Công nghệ", "outside", [], ["Bộ KH&CN"], undefined, CENTRAL),
  u("Bộ Tài chính", "outside", [], [], undefined, CENTRAL),
  u("Bộ Nông nghiệp và Môi trường", "outside", [], ["Bộ NN&MT"], undefined, CENTRAL),
  u("Bộ Quốc phòng", "outside", [], [], undefined, CENTRAL),
  u("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "outside", ["Trung ương Mặt trận Tổ quốc Việt Nam"], [], undefined, CENTRAL),
  u("Đài Truyền hình Việt Nam", "outside", [], ["VTV"], undefined, CENTRAL),
  u("Đài Tiếng nói Việt Nam", "outside", [], ["VOV"], undefined, CENTRAL),
  u("Hội đồng thẩm định CCHC Trung ương", "outside", ["Hội đồng thẩm định CCHC"], [], undefined, CENTRAL),
];

// ---------------------------------------------------------------------------------------------
// The directory

type Index = Map<string, Set<number>>;

function addTo(index: Index, key: string, unit: number): void {
  if (!key) return;
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(unit);
}

interface FuzzyEntry {
  unit: number;
  /** Sorted bigram ids of the spaceless key, diacritic-free and as written. */
  plain: Int32Array;
  marked: Int32Array;
}

const SEPARATOR_IN_NAME = /[,;&\n]|\svà\s/iu;
const CACHE_LIMIT = 20000;

function uniqueUnit(set: Set<number> | undefined): number | -1 | -2 {
  if (!set || set.size === 0) return -1;
  if (set.size > 1) return -2;
  return set.values().next().value as number;
}

export class UnitDirectory {
  private readonly units: Unit[];
  private readonly exact: Index = new Map();
  private readonly compactIndex: Index = new Map();
  private readonly shortened: Index = new Map();
  private readonly suffixless: Index = new Map();
  /** Diacritic-free key → the known keys (and their units) that strip to it. */
  private readonly stripped = new Map<string, Array<{ key: string; unit: number }>>();
  private readonly fuzzy: FuzzyEntry[] = [];
  /** Plain bigram id → the fuzzy entries holding it, with how many times. */
  private readonly postings = new Map<number, Array<[number, number]>>();
  private readonly gramIds = new Map<string, number>();
  /** Keys (and suffixless keys) of names written with a separator inside: `splitPartners` keeps them whole. */
  readonly protectedKeys = new Set<string>();
  private readonly cache = new Map<string, UnitMatch>();
  private readonly keyCache = new Map<string, UnitMatch>();
  private common: Int32Array = new Int32Array(0);

  constructor(units: Unit[]) {
    // Units already in normal form are kept as given (so `match().unit` is the caller's object).
    this.units = units.map((x) => {
      const clean: Unit = {
        name: normalizeText(x.name),
        aliases: (x.aliases ?? []).map((a) => normalizeText(a)).filter(Boolean),
        abbreviations: (x.abbreviations ?? []).map((a) => normalizeText(a)).filter(Boolean),
        kind: x.kind === "collective" || x.kind === "outside" ? x.kind : "single",
        ...(x.note ? { note: normalizeText(x.note) } : {}),
        ...(x.level ? { level: x.level } : {}),
        ...(x.renamed?.length ? { renamed: x.renamed.map((r) => ({ name: normalizeText(r.name), from: r.from })).filter((r) => r.name) } : {}),
        ...(x.from ? { from: x.from } : {}),
        ...(x.until ? { until: x.until } : {}),
      };
      const same =
        clean.name === x.name && clean.kind === x.kind && clean.note === (x.note || undefined) &&
        clean.aliases.length === (x.aliases ?? []).length && clean.aliases.every((a, k) => a === x.aliases[k]) &&
        clean.abbreviations.length === (x.abbreviations ?? []).length && clean.abbreviations.every((a, k) => a === x.abbreviations[k]) &&
        (clean.renamed ?? []).every((r, k) => r.name === x.renamed?.[k]?.name);
      return same ? x : clean;
    });
    const strippedSeen = new Set<string>();
    this.units.forEach((unit, i) => {
      const renamed = (unit.renamed ?? []).map((r) => r.name);
      const written = [unit.name, ...renamed, ...unit.aliases, ...unit.abbreviations];
      for (const raw of written) {
        const key = canonicalUnitKey(raw);
        if (!key) continue;
        addTo(this.exact, key, i);
        addTo(this.compactIndex, compact(key), i);
        const base = withoutCommuneSuffix(key);
        addTo(this.suffixless, base, i);
        for (const k of new Set([key, base])) {
          const s = stripDiacritics(k);
          const tag = `${s}\u0000${k}\u0000${i}`;
          if (!strippedSeen.has(tag)) {
            strippedSeen.add(tag);
            const list = this.stripped.get(s) ?? [];
            list.push({ key: k, unit: i });
            this.stripped.set(s, list);
          }
        }
        if (SEPARATOR_IN_NAME.test(raw)) {
          this.protectedKeys.add(key);
          this.protectedKeys.add(base);
        }
      }
      for (const raw of [unit.name, ...renamed, ...unit.aliases]) {
        // Shortened names: the first segment of a dashed name ("Tư pháp" of "Tư pháp - Hộ tịch").
        const parts = normalizeText(raw).split(/\s*[-\u2010-\u2015\u2212]\s*/);
        if (parts.length > 1) addTo(this.shortened, canonicalUnitKey(parts[0]), i);
        const key = canonicalUnitKey(raw);
        const tag = `\u0001${key}\u0000${i}`;
        if (key.length >= 2 && !strippedSeen.has(tag)) {
          strippedSeen.add(tag);
          this.fuzzy.push({ unit: i, plain: this.gramsOf(stripDiacritics(key)), marked: this.gramsOf(key) });
        }
      }
    });
    this.fuzzy.forEach((e, idx) => {
      const counts = new Map<number, number>();
      for (const g of e.plain) counts.set(g, (counts.get(g) ?? 0) + 1);
      for (const [g, c] of counts) {
        const list = this.postings.get(g) ?? [];
        list.push([idx, c]);
        this.postings.set(g, list);
      }
    });
    this.common = new Int32Array(this.fuzzy.length);
    // A shortened name never overrides an explicit key of another unit.
    for (const [key, set] of this.shortened) {
      const owner = this.exact.get(key);
      if (owner) for (const i of owner) set.add(i);
    }
  }

  all(): Unit[] {
    return this.units.slice();
  }

  /** Keys claimed by more than one unit (an editing mistake in the "Đơn vị" sheet). */
  conflicts(): Array<{ key: string; units: Unit[] }> {
    const out: Array<{ key: string; units: Unit[] }> = [];
    for (const [key, set] of this.exact) if (set.size > 1) out.push({ key, units: [...set].map((i) => this.units[i]) });
    return out;
  }

  match(name: string): UnitMatch {
    const raw = typeof name === "string" ? name : name === null || name === undefined ? "" : String(name);
    const cached = this.cache.get(raw);
    if (cached) return cached;
    const result = Object.freeze(this.resolve(raw));
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(raw, result);
    return result;
  }

  /** Splits a partner cell (see `splitPartners`) and matches each name. */
  matchList(text: string): UnitMatch[] {
    return splitPartners(text, this).map((p) => this.match(p));
  }

  private resolve(raw: string): UnitMatch {
    const input = normalizeText(raw);
    const none: UnitMatch = { unit: null, suggestion: null, score: 0, input, via: "none" };
    const key = canonicalUnitKey(input); // normalizeText is idempotent: same key as the raw text
    if (!key) return none;
    const forms = [key];
    const parens = input.includes("(");
    if (parens) {
      const noParens = canonicalUnitKey(input.replace(/\([^()]*\)?/g, " "));
      if (noParens && noParens !== key) forms.push(noParens);
    } else {
      // Different writings of one key ("Tư pháp", " tư  pháp.") resolve once.
      const byKey = this.keyCache.get(key);
      if (byKey) return { ...byKey, input };
    }
    const result = this.resolveForms(forms, key, input);
    if (!parens) {
      if (this.keyCache.size >= CACHE_LIMIT) this.keyCache.clear();
      this.keyCache.set(key, result);
    }
    return result;
  }

  private resolveForms(forms: string[], key: string, input: string): UnitMatch {
    const none: UnitMatch = { unit: null, suggestion: null, score: 0, input, via: "none" };
    const ambiguous: Set<number> = new Set();

    const tryIndex = (index: Index, k: string): number => {
      const set = index.get(k);
      const hit = uniqueUnit(set);
      if (hit === -2 && set) for (const i of set) ambiguous.add(i);
      return hit;
    };
    const found = (i: number, via: MatchVia, score: number): UnitMatch => ({ unit: this.units[i], suggestion: null, score, input, via });

    for (const f of forms) {
      const i = tryIndex(this.exact, f);
      if (i >= 0) return found(i, "exact", 1);
    }
    for (const f of forms) {
      const i = tryIndex(this.compactIndex, compact(f));
      if (i >= 0) return found(i, "compact", 0.97);
    }
    for (const f of forms) {
      const i = tryIndex(this.shortened, f);
      if (i >= 0) return found(i, "shortened", 0.95);
    }
    for (const f of forms) {
      const variants = [withoutCommuneSuffix(f)];
      const cut = withoutCommuneName(f);
      if (cut) variants.push(cut, withoutCommuneSuffix(cut));
      for (const v of variants) {
        let i = tryIndex(this.exact, v);
        if (i < 0) i = tryIndex(this.suffixless, v);
        if (i >= 0) return found(i, "suffix", 0.95);
      }
    }
    for (const f of forms) {
      const variants = new Set([f, withoutCommuneSuffix(f)]);
      const units = new Set<number>();
      for (const v of variants) {
        for (const cand of this.stripped.get(stripDiacritics(v)) ?? []) {
          if (diacriticCompatible(v, cand.key)) units.add(cand.unit);
        }
      }
      if (units.size === 1) return found(units.values().next().value as number, "diacritics", 0.9);
      for (const i of units) ambiguous.add(i);
    }
    if (ambiguous.size > 0) {
      const candidates = [...ambiguous].map((i) => this.units[i]);
      return { unit: null, suggestion: candidates[0], score: 0.9, input, via: "ambiguous", candidates };
    }
    // Fuzzy: a suggestion only. The score averages Dice on diacritic-free and on marked bigrams,
    // so "Văn hòa" (same letters, another word) scores below an exact spelling. Candidates come
    // from an inverted index on diacritic-free bigrams; the marked score never exceeds the plain
    // one, so only entries whose plain Dice could win are scored in full.
    const plain = this.gramsOf(stripDiacritics(key), false);
    let best = -1;
    let bestScore = 0;
    if (plain.length > 0) {
      const inCounts = new Map<number, number>();
      for (const g of plain) if (g >= 0) inCounts.set(g, (inCounts.get(g) ?? 0) + 1);
      const touched: number[] = [];
      const common = this.common;
      for (const [g, c] of inCounts) {
        for (const [e, ce] of this.postings.get(g) ?? []) {
          if (common[e] === 0) touched.push(e);
          common[e] += Math.min(c, ce);
        }
      }
      let marked: Int32Array | null = null;
      for (const e of touched) {
        const entry = this.fuzzy[e];
        const plainDice = (2 * common[e]) / (plain.length + entry.plain.length);
        common[e] = 0;
        if (plainDice < SUGGEST_THRESHOLD || plainDice <= bestScore) continue;
        marked ??= this.gramsOf(key, false);
        const s = (plainDice + dice(marked, entry.marked)) / 2;
        if (s > bestScore) {
          bestScore = s;
          best = entry.unit;
        }
      }
    }
    if (best >= 0 && bestScore >= SUGGEST_THRESHOLD) {
      return { unit: null, suggestion: this.units[best], score: Math.round(bestScore * 1000) / 1000, input, via: "fuzzy" };
    }
    return none;
  }

  private gramsOf(key: string, register = true): Int32Array {
    const s = key.replace(/ /g, "");
    const ids: number[] = [];
    for (let i = 0; i < s.length - 1; i++) {
      const g = s.slice(i, i + 2);
      let id = this.gramIds.get(g);
      if (id === undefined) {
        if (!register) {
          ids.push(-1 - i); // unknown bigram: counts in the length, matches nothing
          continue;
        }
        id = this.gramIds.size;
        this.gramIds.set(g, id);
      }
      ids.push(id);
    }
    return Int32Array.from(ids).sort();
  }
}

/** Dice coefficient of two sorted bigram-id multisets. */
function dice(a: Int32Array, b: Int32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      if (a[i] >= 0) common++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}

let defaultDirectory: UnitDirectory | null = null;
/** The directory over `DEFAULT_UNITS`, built once. */
export function defaultUnitDirectory(): UnitDirectory {
  if (!defaultDirectory) defaultDirectory = new UnitDirectory(DEFAULT_UNITS);
  return defaultDirectory;
}

// ---------------------------------------------------------------------------------------------
// Partner lists

const SPLIT = /(\s*[,;，；\n][\s,;，；\n]*(?:và\s+)?|\s+và\s+|\s*&\s*)/iu;
/**
 * Two names run together where a line break was lost ("Sở Khoa học và Công nghệ Sở Công Thương",
 * "… đặc khu Sở Tài chính", "Sở Tài chính Các sở, ngành"): a capitalised "Sở X" or "Các" inside
 * the text starts a new name (not after another "Sở": "Sở Sở Công thương" is one name typed twice).
 */
const GLUED = /(?<=\p{L})(?<!Sở|\svà|^và)\s+(?=Sở\s+\p{Lu}|Các\s)/gu;
const LINE_BREAK_ONLY = /^[ \t]*\n[\s]*$/;
const MAX_MERGE = 6;

function cleanPiece(s: string): string {
  return normalizeText(s)
    .replace(/^[\s\-–—+•*·.:]+/u, "")
    .replace(/[\s.:;,]+$/u, "")
    .trim();
}

/**
 * Splits a Phối hợp cell into names: on commas, semicolons, line breaks, "&" and " và ", but
 * never inside a known name written with one of those ("Bộ phận tiếp nhận và trả kết quả",
 * "HĐND tỉnh và UBND tỉnh", "Các ban, ngành cấp xã", "Các cơ quan, đơn vị liên quan"). Text
 * wrapped over several lines (a pasted PDF cell: "Văn \nPhòng") is rejoined when the joined
 * lines are exactly a known name (or its abbreviation) and one of the lines alone is not. Leading bullets and trailing
 * punctuation are dropped, empty pieces skipped; order is kept.
 */
export function splitPartners(text: string, directory: UnitDirectory = defaultUnitDirectory()): string[] {
  const s = normalizeText(text, true).replace(GLUED, ";");
  if (!s) return [];
  const parts = s.split(SPLIT);
  // parts alternates piece, separator, piece, …
  const pieces: string[] = [];
  const seps: string[] = [];
  for (let i = 0; i < parts.length; i++) (i % 2 === 0 ? pieces : seps).push(parts[i] ?? "");
  const known = pieces.map((p) => directory.match(p).unit !== null);
  const out: string[] = [];
  let i = 0;
  while (i < pieces.length) {
    let taken = i;
    let text = pieces[i];
    for (let j = Math.min(pieces.length - 1, i + MAX_MERGE); j > i; j--) {
      let merged = pieces[i];
      let wrappedOnly = true;
      for (let k = i + 1; k <= j; k++) {
        merged += seps[k - 1] + pieces[k];
        if (!LINE_BREAK_ONLY.test(seps[k - 1])) wrappedOnly = false;
      }
      const key = canonicalUnitKey(merged);
      const isProtected = directory.protectedKeys.has(key) || directory.protectedKeys.has(withoutCommuneSuffix(key));
      const isWrapped =
        !isProtected && wrappedOnly && known.slice(i, j + 1).some((x) => !x) && /^(exact|compact)$/.test(directory.match(merged).via);
      if (isProtected || isWrapped) {
        taken = j;
        text = merged.replace(/\s*\n\s*/g, " ");
        break;
      }
    }
    const piece = cleanPiece(text);
    if (piece && /[\p{L}\p{N}]/u.test(piece)) out.push(piece);
    i = taken + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The "Đơn vị" sheet

export const UNIT_SHEET_HEADER = ["Tên đơn vị", "Tên khác", "Viết tắt", "Loại", "Ghi chú", "Cấp", "Tên theo thời kỳ", "Dùng từ ngày", "Dùng đến ngày"] as const;

export const UNIT_LEVEL_LABELS: Record<UnitLevel, string> = { commune: "Xã", district: "Huyện", province: "Tỉnh", central: "Trung ương" };

/** "Xã" / "Huyện" / "Tỉnh" / "Trung ương" (any case, marks or not, or English); blank or unknown → null. */
export function parseUnitLevel(label: unknown): UnitLevel | null {
  const k = stripDiacritics(canonicalUnitKey(String(label ?? "")));
  if (/^(xa|phuong|dac khu|commune|cap xa)\b/.test(k)) return "commune";
  if (/^(huyen|quan|thi xa|district|cap huyen)\b/.test(k)) return "district";
  if (/^(tinh|thanh pho|province|cap tinh)\b/.test(k)) return "province";
  if (/^(trung uong|tw|central|quoc gia|chinh phu)\b/.test(k)) return "central";
  return null;
}

function viDate(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/** A date cell: "01/07/2025", "1/7/2025", "2025-07-01", a Date or an Excel date serial (a date typed in Excel) → ISO; anything else → null. */
function isoFromCell(v: unknown): string | null {
  if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
  if (typeof v === "number") return isoFromExcelSerial(v);
  const t = normalizeText(cellText(v));
  const vi = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  if (vi) return `${vi[3]}-${vi[2].padStart(2, "0")}-${vi[1].padStart(2, "0")}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(t) ? t : null;
}

/** "Bộ phận Một cửa (từ 01/01/2021); Trung tâm Phục vụ hành chính công (từ 01/07/2025)" ↔ renames. */
function renamesToText(renamed: Unit["renamed"]): string {
  return (renamed ?? []).map((r) => `${r.name} (từ ${viDate(r.from)})`).join("; ");
}

function renamesFromText(v: unknown): Array<{ name: string; from: string }> {
  const out: Array<{ name: string; from: string }> = [];
  for (const part of cellText(v).split(/[;\n]/)) {
    const m = /^(.*?)\s*\(\s*(?:từ|tu|from)\s+([^)]+)\)\s*$/iu.exec(normalizeText(part));
    const from = m ? isoFromCell(m[2]) : null;
    if (m && m[1] && from) out.push({ name: normalizeText(m[1]), from });
  }
  return out.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
}

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  single: "Đơn vị",
  collective: "Tập thể",
  outside: "Ngoài xã",
};

/** "Đơn vị" / "Tập thể" / "Ngoài xã" (any case, with or without marks, or English); blank or unknown → "single". */
export function parseUnitKind(label: unknown): UnitKind {
  const k = stripDiacritics(canonicalUnitKey(String(label ?? "")));
  if (/^(tap the|collective|nhom|tap hop|chung)\b/.test(k)) return "collective";
  if (/^(ngoai xa|ngoai|outside|external|cap tren|ben ngoai|don vi ngoai|co quan cap tren)\b/.test(k)) return "outside";
  return "single";
}

function cellText(v: unknown): string {
  return v === null || v === undefined ? "" : normalizeText(v, true);
}

function splitList(v: unknown, separators: RegExp): string[] {
  return cellText(v)
    .split(separators)
    .map((x) => normalizeText(x))
    .filter(Boolean);
}

function isHeaderRow(row: unknown[]): boolean {
  const k = stripDiacritics(canonicalUnitKey(String(row[0] ?? "")));
  return k === "ten don vi" || k === "ten" || k === "name" || k === "unit" || k === "don vi";
}

/**
 * Reads the "Đơn vị" sheet (Tên đơn vị | Tên khác | Viết tắt | Loại | Ghi chú | Cấp | Tên theo
 * thời kỳ | Dùng từ ngày | Dùng đến ngày; sheets written before the last four still read). A header row is
 * skipped, as are rows without a name; aliases are separated by ";" or line breaks (names may
 * contain commas), abbreviations by ";", "," or line breaks; unknown kinds read as "Đơn vị",
 * unknown levels and dates as none. The later names are listed among the aliases too (so a
 * reader of the first five columns still matches them) and dropped from them when read here.
 * Rows whose names share a canonical key are merged (aliases and abbreviations united).
 */
export function unitsFromSheetRows(rows: unknown[][]): Unit[] {
  const out: Unit[] = [];
  const byKey = new Map<string, Unit>();
  (rows ?? []).forEach((row, r) => {
    if (!Array.isArray(row)) return;
    if (r === 0 && isHeaderRow(row)) return;
    const name = normalizeText(cellText(row[0]));
    const key = canonicalUnitKey(name);
    if (!key) return;
    const renamed = renamesFromText(row[6]);
    const aliases = splitList(row[1], /[;\n]/).filter((a) => !renamed.some((x) => x.name === a));
    const abbreviations = splitList(row[2], /[;,\n]/);
    const kind = parseUnitKind(row[3]);
    const note = normalizeText(cellText(row[4]));
    const more: Partial<Unit> = {};
    const level = parseUnitLevel(row[5]);
    if (level) more.level = level;
    if (renamed.length) more.renamed = renamed;
    const from = isoFromCell(row[7]);
    const until = isoFromCell(row[8]);
    if (from) more.from = from;
    if (until) more.until = until;
    const existing = byKey.get(key);
    if (existing) {
      for (const a of aliases) if (!existing.aliases.includes(a)) existing.aliases.push(a);
      for (const a of abbreviations) if (!existing.abbreviations.includes(a)) existing.abbreviations.push(a);
      if (note && !existing.note) existing.note = note;
      return;
    }
    const unit: Unit = { ...(note ? { name, aliases, abbreviations, kind, note } : { name, aliases, abbreviations, kind }), ...more };
    byKey.set(key, unit);
    out.push(unit);
  });
  return out;
}

/** The "Đơn vị" sheet's rows, header first; aliases and abbreviations joined with "; ", later names listed among the aliases too. */
export function unitsToSheetRows(units: Unit[]): string[][] {
  return [
    [...UNIT_SHEET_HEADER],
    ...units.map((x) => {
      const later = (x.renamed ?? []).map((r) => r.name).filter((n) => !x.aliases.includes(n));
      return [
        x.name, [...later, ...x.aliases].join("; "), x.abbreviations.join("; "), UNIT_KIND_LABELS[x.kind] ?? UNIT_KIND_LABELS.single, x.note ?? "",
        x.level ? UNIT_LEVEL_LABELS[x.level] : "", renamesToText(x.renamed), x.from ? viDate(x.from) : "", x.until ? viDate(x.until) : "",
      ];
    }),
  ];
}
