/** Runs every enabled rule over a plan: owners, deadlines, numbering, outputs, targets, template text. */
import { parseDeadline } from "../deadline";
import { computeStatus } from "../status";
import { UnitDirectory, DEFAULT_UNITS, isAboveLevel, isUnitCurrent, planUnitContext, splitPartners, type PlanUnitContext, type Unit, type UnitLevel } from "../units";
import type { Activity, Plan } from "../plan";
import { numberingFindings } from "./numbering";
import { targetConflictFindings } from "./targetConflicts";
import { templateFindings } from "./templateLeftovers";
import { RULES, type Finding, type RuleCode, type RuleConfig } from "./rules";

export interface ValidateOptions {
  units?: Unit[] | UnitDirectory;
  config?: RuleConfig;
  /** With an as-of date, activities past their deadline and not completed are reported. */
  asOf?: string;
  progress?: Record<string, { userDeadline?: string | null; completedOn?: string | null }>;
  /** Title lines around the appendix as written, checked for template leftovers. */
  headerLines?: string[];
  /** The plan's level and date (who is "outside", which units are current); default: read from the plan's issuing body and date. */
  unitContext?: PlanUnitContext;
}

/** A name the directory does not know but that names a body above a plan of this level. */
const OUTSIDE_WORDS: Record<UnitLevel, RegExp | null> = {
  commune: /(^|\s)(huyện|tỉnh|thành phố|sở|bộ|trung ương)(\s|$)/i,
  district: /(^|\s)(tỉnh|sở|bộ|trung ương)(\s|$)/i,
  province: /(^|\s)(bộ|trung ương|chính phủ)(\s|$)/i,
  central: null,
};

const ABOVE_VI: Record<UnitLevel, string> = { commune: "ngoài xã", district: "cấp trên", province: "cấp trên", central: "cấp trên" };
const ABOVE_EN: Record<UnitLevel, string> = { commune: "outside the commune", district: "above the plan's level", province: "above the plan's level", central: "above the plan's level" };

function viDay(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

function make(code: RuleCode, a: Activity, column: string, message: string, messageEn: string, suggestion: string): Finding {
  return { code, severity: RULES[code].severity, activityId: a.id, column, message, messageEn, suggestion };
}

function ownerFindings(a: Activity, dir: UnitDirectory, ctx: PlanUnitContext): Finding[] {
  const out: Finding[] = [];
  const where = `${a.group} ${a.activityNo || a.taskNo || a.objectiveNo}`.trim();
  if (!a.lead.trim()) {
    out.push(make("OWNER_MISSING", a, "lead", `Hoạt động ${where} chưa có đơn vị chủ trì.`, `Activity ${where} has no lead unit.`,
      "Ghi một đơn vị cụ thể chịu trách nhiệm chính / name one accountable unit"));
    return out;
  }
  const leads = splitPartners(a.lead, dir).map((name) => ({ name, m: dir.match(name) }));
  const outside = (name: string) =>
    make("OWNER_OUTSIDE", a, "lead", `Chủ trì "${name}" (${where}) là cơ quan ${ABOVE_VI[ctx.level]}.`, `Lead "${name}" (${where}) is ${ABOVE_EN[ctx.level]}.`,
      ctx.level === "commune" ? "Giao cho đơn vị của xã tham mưu, theo dõi / give a commune unit the lead" : "Giao cho cơ quan cùng cấp với kế hoạch tham mưu, theo dõi / give a body of the plan's level the lead");
  for (const { name, m } of leads) {
    if (!m.unit && OUTSIDE_WORDS[ctx.level]?.test(name)) {
      out.push(outside(name));
    } else if (!m.unit) {
      const s = m.suggestion ? `Có phải "${m.suggestion.name}"? / Did you mean "${m.suggestion.name}"?` : "Thêm đơn vị vào trang Đơn vị / add it to the Đơn vị sheet";
      out.push(make("OWNER_UNKNOWN", a, "lead", `Chủ trì "${name}" (${where}) không có trong danh mục đơn vị.`, `Lead "${name}" (${where}) is not in the units directory.`, s));
    } else if (m.unit.kind === "collective") {
      out.push(make("OWNER_COLLECTIVE", a, "lead", `Chủ trì "${name}" (${where}) là tập thể: không rõ đơn vị nào chịu trách nhiệm.`,
        `Lead "${name}" (${where}) is a collective: nobody is accountable.`, "Giao một đơn vị chủ trì, các đơn vị khác phối hợp / give one unit the lead"));
    } else if (isAboveLevel(m.unit, ctx.level)) {
      out.push(outside(name));
    } else if (!isUnitCurrent(m.unit, ctx.date)) {
      const when = m.unit.until && m.unit.until < ctx.date ? `đến ${viDay(m.unit.until)}` : `từ ${viDay(m.unit.from ?? ctx.date)}`;
      const whenEn = m.unit.until && m.unit.until < ctx.date ? `until ${m.unit.until}` : `from ${m.unit.from}`;
      out.push(make("OWNER_NOT_CURRENT", a, "lead", `Chủ trì "${name}" (${where}) là đơn vị chỉ có ${when} (trang Đơn vị), không có vào ngày của kế hoạch (${viDay(ctx.date)}).`,
        `Lead "${name}" (${where}) exists only ${whenEn} (Đơn vị sheet), not on the plan's date (${ctx.date}).`,
        "Ghi đơn vị hiện nay đảm nhận việc này / name the unit that does this now"));
    }
  }
  const leadNames = new Set(leads.map((l) => l.m.unit?.name).filter(Boolean));
  for (const partner of splitPartners(a.partners, dir)) {
    const m = dir.match(partner);
    if (m.unit && leadNames.has(m.unit.name)) {
      out.push(make("OWNER_ALSO_PARTNER", a, "partners", `"${m.unit.name}" vừa chủ trì vừa phối hợp (${where}).`, `"${m.unit.name}" is both lead and partner (${where}).`,
        "Bỏ đơn vị chủ trì khỏi cột Phối hợp / drop it from the partners"));
    } else if (!m.unit) {
      const s = m.suggestion ? `Có phải "${m.suggestion.name}"? / Did you mean "${m.suggestion.name}"?` : "Thêm vào trang Đơn vị / add it to the Đơn vị sheet";
      out.push(make("PARTNER_UNKNOWN", a, "partners", `Đơn vị phối hợp "${partner}" (${where}) không có trong danh mục.`, `Partner "${partner}" (${where}) is not in the directory.`, s));
    }
  }
  return out;
}

function deadlineFindings(a: Activity, year: number, options: ValidateOptions): Finding[] {
  const where = `${a.group} ${a.activityNo || a.taskNo || a.objectiveNo}`.trim();
  const progress = options.progress?.[a.id] ?? {};
  const d = parseDeadline(a.deadline, year, progress.userDeadline ?? null, { overrideDated: true });
  const out: Finding[] = [];
  switch (d.kind) {
    case "missing":
      out.push(make("DEADLINE_MISSING", a, "deadline", `Hoạt động ${where} chưa có thời gian hoàn thành.`, `Activity ${where} has no deadline.`,
        `Ghi thời hạn, ví dụ "Quý II/${year}" hoặc "Trước 30/6/${year}"`));
      break;
    case "invalid":
      out.push(make("DEADLINE_INVALID", a, "deadline", `Thời gian "${a.deadline}" (${where}) không hợp lệ: ${d.reason ?? "không đọc được"}.`,
        `Deadline "${a.deadline}" (${where}) is invalid: ${d.reasonEn ?? "unreadable"}.`, `Sửa lại, ví dụ "Quý II/${year}" hoặc "Trước 30/6/${year}"`));
      break;
    case "event":
    case "external":
      out.push(make("DEADLINE_UNDATED", a, "deadline", `Thời hạn "${a.deadline}" (${where}) phụ thuộc sự kiện hoặc cơ quan khác, chưa có ngày cụ thể.`,
        `Deadline "${a.deadline}" (${where}) depends on an outside event and has no date.`, "Nhập ngày cụ thể vào cột \"Hạn do người dùng nhập\" khi biết / enter a date when known"));
      break;
    case "duration":
      // "0,25 ngày làm việc": how long a step takes; the plan still needs a due date
      out.push(make("DEADLINE_UNDATED", a, "deadline", `"${a.deadline}" (${where}) là thời gian thực hiện, không phải hạn hoàn thành.`,
        `"${a.deadline}" (${where}) is how long a step takes, not a due date.`, "Nhập hạn cụ thể vào cột \"Hạn do người dùng nhập\" / enter a due date"));
      break;
    default: {
      const years = [d.start, d.end].filter((x): x is string => Boolean(x)).map((x) => Number(x.slice(0, 4)));
      // an open-ended start tracked through the plan year ("Năm 2025 và các năm tiếp theo" in 2026) is in it
      const outside = d.kind === "recurring" ? years[0] > year || years[years.length - 1] < year : years.some((y) => y !== year);
      if (outside) {
        out.push(make("DEADLINE_OUTSIDE_YEAR", a, "deadline", `Thời hạn "${a.deadline}" (${where}) nằm ngoài năm kế hoạch ${year}.`,
          `Deadline "${a.deadline}" (${where}) is outside the plan year ${year}.`, `Kiểm tra lại năm / check the year`));
      }
    }
  }
  if (options.asOf && computeStatus(d, progress.completedOn ?? null, options.asOf) === "overdue") {
    out.push(make("DEADLINE_OVERDUE", a, "status", `Hoạt động ${where} quá hạn (${d.display}) mà chưa hoàn thành.`, `Activity ${where} is overdue (${d.display}).`,
      "Đôn đốc đơn vị chủ trì, cập nhật tiến độ / follow up with the lead unit"));
  }
  return out;
}

function outputFindings(a: Activity): Finding[] {
  if (a.output.trim()) return [];
  const where = `${a.group} ${a.activityNo || a.taskNo || a.objectiveNo}`.trim();
  return [make("OUTPUT_MISSING", a, "output", `Hoạt động ${where} chưa ghi kết quả, sản phẩm.`, `Activity ${where} has no output.`,
    "Ghi sản phẩm cụ thể (văn bản, báo cáo…) để làm tài liệu kiểm chứng / name the output")];
}

export function validatePlan(plan: Pick<Plan, "year" | "activities" | "indicators"> & Partial<Pick<Plan, "unit" | "decision">>, options: ValidateOptions = {}): Finding[] {
  const dir = options.units instanceof UnitDirectory ? options.units : new UnitDirectory(options.units ?? DEFAULT_UNITS);
  const ctx = options.unitContext ?? planUnitContext(plan);
  const findings: Finding[] = [];
  for (const a of plan.activities) {
    findings.push(...ownerFindings(a, dir, ctx), ...deadlineFindings(a, plan.year, options), ...outputFindings(a));
  }
  findings.push(...numberingFindings(plan.activities), ...targetConflictFindings(plan.activities, plan.indicators), ...templateFindings(plan.activities, options.headerLines));
  const disabled = new Set(options.config?.disabled ?? []);
  return findings
    .filter((f) => !disabled.has(f.code))
    .map((f) => ({ ...f, severity: options.config?.severity?.[f.code] ?? f.severity }));
}

export function countBySeverity(findings: Finding[]): Record<"error" | "warning" | "info", number> {
  const out = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
