/** Lines copied from the provincial template into a commune's plan ("trình UBND tỉnh ban hành"). */
import type { Activity } from "../plan";
import { RULES, type Finding } from "./rules";

/** Phrases where the province, not the commune, is the one acting: data, so a province can extend it. */
export const TEMPLATE_PATTERNS: Array<{ pattern: RegExp; why: string; whyEn: string }> = [
  { pattern: /trình\s+(chủ tịch\s+)?(hđnd|ubnd|ủy ban nhân dân|uỷ ban nhân dân|hội đồng nhân dân)\s+tỉnh/i, why: "xã không trình UBND/HĐND tỉnh ban hành", whyEn: "a commune does not submit to the province for issuance" },
  { pattern: /(hđnd|hội đồng nhân dân)\s+tỉnh\s+và\s+(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+tỉnh/i, why: "cấp xã là HĐND xã và UBND xã", whyEn: "at commune level this is the commune council and committee" },
  { pattern: /(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+tỉnh\s+(ban hành|quy định chi tiết)/i, why: "việc này do cấp tỉnh ban hành", whyEn: "the province issues this" },
  { pattern: /của\s+chủ tịch\s+(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+tỉnh\s*\)?\s*$/i, why: "tiêu đề phụ lục còn ghi của Chủ tịch UBND tỉnh", whyEn: "the appendix heading names the provincial chairman" },
  { pattern: /(số|ngày)\s+\/(\s*qđ|\s*\d{1,2}\s*\/)/i, why: "số hoặc ngày văn bản còn để trống", whyEn: "a document number or date left blank" },
];

const COLUMNS: Array<keyof Activity> = ["objective", "task", "activity", "output", "lead", "partners"];

/** The words around the match, so a long objective still shows the offending phrase. */
function excerptAround(text: string, pattern: RegExp): string {
  if (text.length <= 90) return text;
  const at = Math.max(0, text.search(pattern));
  const from = Math.max(0, at - 30);
  return `${from > 0 ? "…" : ""}${text.slice(from, from + 90)}${from + 90 < text.length ? "…" : ""}`;
}

function finding(activityId: string, column: string, text: string, pattern: RegExp, why: string, whyEn: string): Finding {
  const excerpt = excerptAround(text, pattern);
  return {
    code: "TEMPLATE_LEFTOVER", severity: RULES.TEMPLATE_LEFTOVER.severity, activityId, column,
    message: `Có vẻ còn nội dung của mẫu cấp tỉnh (${why}): "${excerpt}".`,
    messageEn: `Looks like text left from the provincial template (${whyEn}): "${excerpt}".`,
    suggestion: "Sửa cho đúng cấp xã (HĐND xã, UBND xã, Chủ tịch UBND xã) / adapt to the commune",
  };
}

export function templateFindings(activities: Activity[], headerLines: string[] = []): Finding[] {
  const findings: Finding[] = [];
  for (const line of headerLines) {
    for (const p of TEMPLATE_PATTERNS) if (p.pattern.test(line)) { findings.push(finding("", "title", line, p.pattern, p.why, p.whyEn)); break; }
  }
  const reported = new Set<string>();
  for (const a of activities) {
    for (const column of COLUMNS) {
      const text = String(a[column] ?? "");
      const p = TEMPLATE_PATTERNS.find((x) => x.pattern.test(text));
      if (!p) continue;
      // A merged objective or task repeats on every activity row: report it once.
      const key = `${column}|${text}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push(finding(a.id, column, text, p.pattern, p.why, p.whyEn));
    }
  }
  return findings;
}
