/**
 * District consolidation: many communes' exported reports for one period → one table.
 *
 * What a commune's export carries (ExportPayload, fingerprinted with SHA-256 over its canonical
 * JSON, see core/fingerprint.ts) and how the district sums it:
 *  - only files that verified (fingerprint and figures intact) and report the chosen period are
 *    summed; a file reporting another period, a tampered or unreadable file, a second file of
 *    the same commune (the later export wins) is listed with the reason and left out;
 *  - communes expected but absent are listed as missing;
 *  - the ranking: completion rate in the period (higher first; none due ranks last), then fewer
 *    overdue, then the year-to-date rate, then the name;
 *  - district figures are sums of counts; rates are recomputed from the sums (not averaged).
 * Plain TypeScript: no Office, DOM or Node imports.
 */
import { parsePeriodToken } from "./periods";
import { emptyCounts, type ReportCounts, type ReportGroupRow } from "./report";
import { communeKey } from "./planIdentity";

export const EXPORT_FORMAT = "cchc-bao-cao-xa";
export const EXPORT_VERSION = 1;

export interface ExportReportSummary {
  sheet: string;
  token: string;
  label: string;
  cutoffStart: string;
  cutoffEnd: string;
  asOf: string;
  totals: ReportCounts;
  ytd: { due: number; done: number; completionRate: number | null };
  byGroup: Array<{ group: string; title: string } & ReportCounts>;
  byLead: Array<{ lead: string } & ReportCounts>;
  indicators: { total: number; withData: number; met: number };
  overdue: number;
  /** Key figures of the report sheet (address → value), checked against the sheet. */
  cells: Record<string, number | string | null>;
}

export interface ExportPayload {
  format: string;
  version: number;
  unit: string;
  commune: string;
  district: string;
  province: string;
  /** The level the file was sent to ("UBND tỉnh Hà Tĩnh (Sở Nội vụ)"); absent in files made before the setting. */
  receiver?: string;
  year: number;
  exportedAt: string;
  reports: ExportReportSummary[];
}

export type RollupStatus = "ok" | "wrong-period" | "tampered" | "invalid" | "duplicate" | "missing";

export const ROLLUP_STATUS_LABELS: Record<RollupStatus, string> = {
  ok: "Hợp lệ",
  "wrong-period": "Sai kỳ báo cáo",
  tampered: "Tệp bị sửa sau khi xuất",
  invalid: "Tệp không hợp lệ",
  duplicate: "Trùng (đã có tệp mới hơn)",
  missing: "Chưa gửi báo cáo",
};

export const ROLLUP_STATUS_LABELS_EN: Record<RollupStatus, string> = {
  ok: "Valid",
  "wrong-period": "Another reporting period",
  tampered: "Edited after export",
  invalid: "Not a valid report file",
  duplicate: "Duplicate (a later file exists)",
  missing: "No report sent",
};

/** A period token's English label ("Q2 2024"), else the token itself. */
export function periodLabelEn(token: string): string {
  try {
    return parsePeriodToken(token).labelEn;
  } catch {
    return token;
  }
}

export interface RollupInput {
  file: string;
  payload?: ExportPayload;
  /** A reading or verification failure (the file is flagged, never summed). */
  problem?: { status: "invalid" | "tampered"; vi: string; en: string };
}

export interface RollupRow {
  rank: number | null;
  file: string;
  commune: string;
  district: string;
  status: RollupStatus;
  reasonVi: string;
  reasonEn: string;
  report?: ExportReportSummary;
  exportedAt?: string;
}

export interface RollupResult {
  period: { token: string; label: string; cutoffStart: string; cutoffEnd: string } | null;
  district: string;
  province: string;
  /** Who consolidates: the receiver most files name (older files: their district's Phòng Nội vụ); "" when none says. */
  receiver: string;
  /** Summed communes, ranked. */
  ok: RollupRow[];
  /** Files and communes left out, with the reason. */
  flagged: RollupRow[];
  totals: ReportCounts;
  ytd: { due: number; done: number; completionRate: number | null };
  /** District sums by group, in the communes' group order. */
  byGroup: ReportGroupRow[];
  indicators: { total: number; withData: number; met: number };
}

export interface RollupOptions {
  /** The period to consolidate (token or label); default: the one most files report. */
  period?: string;
  /** Communes the district expects (names); those without a valid file are listed as missing. */
  expected?: readonly string[];
}


function addCounts(into: ReportCounts, c: ReportCounts): void {
  into.activities += c.activities;
  into.due += c.due;
  into.doneOnTime += c.doneOnTime;
  into.doneLate += c.doneLate;
  into.inProgress += c.inProgress;
  into.noReport += c.noReport ?? 0; // exports made before the "chưa có báo cáo" count have none
  into.overdue += c.overdue;
}

function rate<T extends ReportCounts>(c: T): T {
  c.completionRate = c.due > 0 ? (c.doneOnTime + c.doneLate) / c.due : null;
  return c;
}

function normalizeToken(p: string): string {
  try {
    return parsePeriodToken(p).token;
  } catch {
    return p.trim();
  }
}

export function rollupReports(inputs: readonly RollupInput[], options: RollupOptions = {}): RollupResult {
  const flagged: RollupRow[] = [];
  const valid = inputs.filter((i) => i.payload && !i.problem);
  for (const i of inputs) {
    if (i.problem || !i.payload) {
      const p = i.problem ?? { status: "invalid" as const, vi: "Không đọc được tệp.", en: "The file could not be read." };
      flagged.push({ rank: null, file: i.file, commune: i.payload?.commune ?? "", district: i.payload?.district ?? "", status: p.status, reasonVi: p.vi, reasonEn: p.en });
    }
  }
  // The period: asked for, else the one most files report (ties: the latest cut-off).
  let token: string | null = options.period ? normalizeToken(options.period) : null;
  if (!token) {
    const votes = new Map<string, { n: number; end: string }>();
    for (const i of valid) {
      for (const r of i.payload!.reports) {
        const v = votes.get(r.token) ?? { n: 0, end: r.cutoffEnd };
        v.n++;
        votes.set(r.token, v);
      }
    }
    token = [...votes.entries()].sort((a, b) => b[1].n - a[1].n || (a[1].end < b[1].end ? 1 : a[1].end > b[1].end ? -1 : 0))[0]?.[0] ?? null;
  }
  let period: RollupResult["period"] = null;
  if (token) {
    try {
      const p = parsePeriodToken(token);
      period = { token: p.token, label: p.label, cutoffStart: p.cutoffStart, cutoffEnd: p.cutoffEnd };
    } catch {
      period = { token, label: token, cutoffStart: "", cutoffEnd: "" };
    }
  }
  // Candidates reporting that period; the latest export of a commune wins.
  const chosen = new Map<string, RollupRow>();
  for (const i of valid) {
    const payload = i.payload!;
    const report = payload.reports.find((r) => r.token === token);
    if (!report) {
      const has = payload.reports.map((r) => r.label).join(", ") || "—";
      const hasEn = payload.reports.map((r) => periodLabelEn(r.token)).join(", ") || "—";
      flagged.push({
        rank: null, file: i.file, commune: payload.commune, district: payload.district, status: "wrong-period",
        reasonVi: `Tệp báo cáo kỳ ${has}, không phải ${period?.label ?? token}.`, reasonEn: `The file reports ${hasEn}, not ${token ? periodLabelEn(token) : "—"}.`,
        exportedAt: payload.exportedAt,
      });
      continue;
    }
    const row: RollupRow = {
      rank: null, file: i.file, commune: payload.commune, district: payload.district, status: "ok", reasonVi: "", reasonEn: "",
      report, exportedAt: payload.exportedAt,
    };
    const key = `${communeKey(payload.district)}|${communeKey(payload.commune)}`;
    const prev = chosen.get(key);
    if (!prev) chosen.set(key, row);
    else {
      const [keep, drop] = (prev.exportedAt ?? "") >= (payload.exportedAt ?? "") ? [prev, row] : [row, prev];
      chosen.set(key, keep);
      flagged.push({ ...drop, status: "duplicate", reasonVi: `Xã ${drop.commune} có tệp xuất sau (${keep.file}).`, reasonEn: `Commune ${drop.commune} has a later export (${keep.file}).`, report: undefined });
    }
  }
  const ok = [...chosen.values()];
  const r = (x: RollupRow) => x.report!;
  ok.sort((a, b) => {
    const ra = r(a).totals.completionRate;
    const rb = r(b).totals.completionRate;
    if (ra !== rb) {
      if (ra === null) return 1;
      if (rb === null) return -1;
      if (Math.abs(ra - rb) > 1e-12) return rb - ra;
    }
    if (r(a).totals.overdue !== r(b).totals.overdue) return r(a).totals.overdue - r(b).totals.overdue;
    const ya = r(a).ytd.completionRate ?? -1;
    const yb = r(b).ytd.completionRate ?? -1;
    if (Math.abs(ya - yb) > 1e-12) return yb - ya;
    return a.commune.localeCompare(b.commune, "vi");
  });
  // Dense ranking: equal rate, overdue and year-to-date rate share a rank.
  ok.forEach((row, i) => {
    const prev = ok[i - 1];
    const same = prev && r(prev).totals.completionRate === r(row).totals.completionRate && r(prev).totals.overdue === r(row).totals.overdue && r(prev).ytd.completionRate === r(row).ytd.completionRate;
    row.rank = same ? prev.rank : i + 1;
  });
  for (const name of options.expected ?? []) {
    const k = communeKey(name);
    if (!ok.some((x) => communeKey(x.commune) === k)) {
      flagged.push({ rank: null, file: "", commune: name, district: "", status: "missing", reasonVi: "Chưa có báo cáo hợp lệ của kỳ này.", reasonEn: "No valid report for this period." });
    }
  }
  const totals = emptyCounts();
  const ytd = { due: 0, done: 0, completionRate: null as number | null };
  const groups = new Map<string, ReportGroupRow>();
  const indicators = { total: 0, withData: 0, met: 0 };
  const districtVotes = new Map<string, number>();
  const provinceVotes = new Map<string, number>();
  const receiverVotes = new Map<string, number>();
  for (const row of ok) {
    const rep = r(row);
    addCounts(totals, rep.totals);
    ytd.due += rep.ytd.due;
    ytd.done += rep.ytd.done;
    for (const g of rep.byGroup) {
      let acc = groups.get(g.group);
      if (!acc) groups.set(g.group, (acc = { group: g.group, title: g.title, ...emptyCounts() }));
      addCounts(acc, g);
    }
    indicators.total += rep.indicators.total;
    indicators.withData += rep.indicators.withData;
    indicators.met += rep.indicators.met;
    districtVotes.set(row.district, (districtVotes.get(row.district) ?? 0) + 1);
  }
  for (const i of valid) {
    const p = i.payload!;
    provinceVotes.set(p.province, (provinceVotes.get(p.province) ?? 0) + 1);
    const receiver = p.receiver || (p.district ? `UBND huyện ${p.district} (Phòng Nội vụ)` : "");
    if (receiver) receiverVotes.set(receiver, (receiverVotes.get(receiver) ?? 0) + 1);
  }
  ytd.completionRate = ytd.due > 0 ? ytd.done / ytd.due : null;
  const top = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "";
  return {
    period, district: top(districtVotes), province: top(provinceVotes), receiver: top(receiverVotes), ok, flagged,
    totals: rate(totals), ytd, byGroup: [...groups.values()].map(rate), indicators,
  };
}

/** The JSON of `cchc rollup --json`. */
export function rollupToJson(r: RollupResult) {
  const counts = (c: ReportCounts) => ({ activities: c.activities, due: c.due, doneOnTime: c.doneOnTime, doneLate: c.doneLate, inProgress: c.inProgress, noReport: c.noReport ?? 0, overdue: c.overdue, completionRate: c.completionRate });
  return {
    period: r.period ? { label: r.period.label, token: r.period.token, start: r.period.cutoffStart, end: r.period.cutoffEnd } : null,
    district: r.district,
    totals: counts(r.totals),
    ytd: r.ytd,
    byGroup: r.byGroup.map((g) => ({ group: g.group, ...counts(g) })),
    communes: r.ok.map((x) => ({
      rank: x.rank, commune: x.commune, file: x.file, ...counts(x.report!.totals), ytdCompletionRate: x.report!.ytd.completionRate,
      indicatorsMet: x.report!.indicators.met, indicatorsWithData: x.report!.indicators.withData,
    })),
    flagged: r.flagged.map((x) => ({ file: x.file, commune: x.commune, status: x.status, reason: x.reasonVi, reasonEn: x.reasonEn })),
  };
}
