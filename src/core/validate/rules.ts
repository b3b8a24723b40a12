/**
 * The rule catalogue. Each rule has a stable code, a default severity and a description; a
 * province switches a rule off or changes its severity through `RuleConfig`, not code.
 */
export type Severity = "error" | "warning" | "info";

export type RuleCode =
  | "OWNER_MISSING" | "OWNER_UNKNOWN" | "OWNER_COLLECTIVE" | "OWNER_OUTSIDE" | "OWNER_NOT_CURRENT" | "OWNER_ALSO_PARTNER" | "PARTNER_UNKNOWN"
  | "DEADLINE_MISSING" | "DEADLINE_INVALID" | "DEADLINE_OUTSIDE_YEAR" | "DEADLINE_UNDATED" | "DEADLINE_OVERDUE"
  | "NUMBER_DUPLICATE" | "NUMBER_SKIPPED" | "OUTPUT_MISSING" | "TARGET_CONFLICT" | "TEMPLATE_LEFTOVER";

export interface RuleInfo {
  code: RuleCode;
  severity: Severity;
  vi: string;
  en: string;
}

export const RULES: Record<RuleCode, RuleInfo> = {
  OWNER_MISSING: { code: "OWNER_MISSING", severity: "error", vi: "Chưa có đơn vị chủ trì", en: "No lead unit" },
  OWNER_UNKNOWN: { code: "OWNER_UNKNOWN", severity: "warning", vi: "Đơn vị chủ trì không có trong danh mục", en: "Lead unit not in the directory" },
  OWNER_COLLECTIVE: { code: "OWNER_COLLECTIVE", severity: "warning", vi: "Chủ trì là tập thể, không rõ ai chịu trách nhiệm", en: "Collective lead: nobody is accountable" },
  OWNER_OUTSIDE: { code: "OWNER_OUTSIDE", severity: "warning", vi: "Chủ trì là cơ quan ngoài xã", en: "Lead is outside the commune" },
  OWNER_NOT_CURRENT: { code: "OWNER_NOT_CURRENT", severity: "info", vi: "Chủ trì là đơn vị không còn (hoặc chưa có) vào ngày của kế hoạch", en: "Lead unit does not exist on the plan's date" },
  OWNER_ALSO_PARTNER: { code: "OWNER_ALSO_PARTNER", severity: "info", vi: "Đơn vị chủ trì đồng thời ghi ở cột phối hợp", en: "Lead also listed as partner" },
  PARTNER_UNKNOWN: { code: "PARTNER_UNKNOWN", severity: "info", vi: "Đơn vị phối hợp không có trong danh mục", en: "Partner not in the directory" },
  DEADLINE_MISSING: { code: "DEADLINE_MISSING", severity: "error", vi: "Chưa có thời gian hoàn thành", en: "No deadline" },
  DEADLINE_INVALID: { code: "DEADLINE_INVALID", severity: "error", vi: "Thời gian hoàn thành không đọc được", en: "Deadline cannot be read" },
  DEADLINE_OUTSIDE_YEAR: { code: "DEADLINE_OUTSIDE_YEAR", severity: "warning", vi: "Thời hạn nằm ngoài năm kế hoạch", en: "Deadline outside the plan year" },
  DEADLINE_UNDATED: { code: "DEADLINE_UNDATED", severity: "warning", vi: "Thời hạn phụ thuộc sự kiện bên ngoài, chưa có ngày cụ thể", en: "Deadline depends on an outside event and has no date" },
  DEADLINE_OVERDUE: { code: "DEADLINE_OVERDUE", severity: "warning", vi: "Quá hạn chưa hoàn thành", en: "Overdue and not completed" },
  NUMBER_DUPLICATE: { code: "NUMBER_DUPLICATE", severity: "warning", vi: "Số thứ tự bị trùng", en: "Duplicate number" },
  NUMBER_SKIPPED: { code: "NUMBER_SKIPPED", severity: "info", vi: "Số thứ tự bị bỏ sót", en: "Skipped number" },
  OUTPUT_MISSING: { code: "OUTPUT_MISSING", severity: "warning", vi: "Chưa có kết quả, sản phẩm", en: "No output" },
  TARGET_CONFLICT: { code: "TARGET_CONFLICT", severity: "warning", vi: "Chỉ tiêu ở phụ lục khác chỉ tiêu ở phần nội dung kế hoạch", en: "Appendix target differs from the plan body" },
  TEMPLATE_LEFTOVER: { code: "TEMPLATE_LEFTOVER", severity: "warning", vi: "Còn nội dung của mẫu kế hoạch cấp tỉnh", en: "Text left from the provincial template" },
};

export interface RuleConfig {
  disabled?: RuleCode[];
  severity?: Partial<Record<RuleCode, Severity>>;
}

export interface Finding {
  code: RuleCode;
  severity: Severity;
  /** The activity, or "" for findings about the plan as a whole. */
  activityId: string;
  /** The plan column key the finding is about ("lead", "deadline", …). */
  column: string;
  message: string;
  messageEn: string;
  suggestion: string;
}
