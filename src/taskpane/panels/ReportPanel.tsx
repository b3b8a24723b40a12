/** Báo cáo: pick a period (quarter, 6 months, 9 months, year, ad hoc) and build or rebuild its sheet. */
import * as React from "react";
import { Button, Field, Input, Radio, RadioGroup, Select, Text } from "@fluentui/react-components";
import { useT } from "../i18n";
import { useApp } from "../state";
import { Heading, useCommon } from "../components/common";
import type { PeriodChoice, ReportSummary } from "../services/opsTypes";

function fmtDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

function fmtRate(rate: number | null, lang: "vi" | "en"): string {
  if (rate === null) return "—";
  const s = (Math.round(rate * 1000) / 10).toFixed(1);
  return `${lang === "vi" ? s.replace(".", ",") : s}%`;
}

export function ReportPanel() {
  const t = useT();
  const c = useCommon();
  const app = useApp();
  const year = app.workbook?.settings?.year ?? new Date().getFullYear();
  const [kind, setKind] = React.useState<PeriodChoice["kind"]>("quarter");
  const [quarter, setQuarter] = React.useState<1 | 2 | 3 | 4>(2);
  const [start, setStart] = React.useState(`${year}-01-01`);
  const [end, setEnd] = React.useState(`${year}-03-31`);
  const [summary, setSummary] = React.useState<ReportSummary | null>(null);
  const [error, setError] = React.useState<string | undefined>();

  const build = async () => {
    const choice: PeriodChoice = { kind, year, quarter: kind === "quarter" ? quarter : undefined, start: kind === "adhoc" ? start : undefined, end: kind === "adhoc" ? end : undefined };
    if (kind === "adhoc" && !(start && end && start <= end)) {
      setError(t.lang === "en" ? "The start date must be on or before the end date." : "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.");
      return;
    }
    setError(undefined);
    const result = await app.run({ vi: "Đang lập báo cáo…", en: "Building the report…" }, ({ ops, progress, signal }) => ops.buildReport(choice, app.caps, { onProgress: progress, signal }), { cancellable: true });
    if (!result) return;
    setSummary(result.summary);
    app.addSkipped(result.render.skipped);
    const s = result.summary;
    app.setNotice({
      intent: "success",
      title: { vi: "Đã lập báo cáo", en: "Report built" },
      text: {
        vi: `Đã lập trang "${s.sheet}": hoàn thành ${s.done}/${s.due} nhiệm vụ, đạt ${fmtRate(s.rate, "vi")}.`,
        en: `Sheet "${s.sheet}" built: ${s.done}/${s.due} tasks done, ${fmtRate(s.rate, "en")}.`,
      },
      lines: result.render.messages,
    });
    await app.refreshWorkbook();
  };

  const exists = summary ? app.workbook?.reports.includes(summary.sheet) : false;
  return (
    <section aria-labelledby="report-heading" className={c.form}>
      <Heading id="report-heading">{t("headReport")}</Heading>
      {!app.workbook?.hasPlan && <Text>{t("noPlanYet")}</Text>}
      <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as PeriodChoice["kind"])} aria-label={t("periodKind")}>
        <Radio value="quarter" label={t("kindQuarter")} />
        <Radio value="half" label={t("kindHalf")} />
        <Radio value="nine-months" label={t("kindNine")} />
        <Radio value="year" label={t("kindYear")} />
        <Radio value="adhoc" label={t("kindAdhoc")} />
      </RadioGroup>
      {kind === "quarter" && (
        <Field label={t("quarter")}>
          <Select value={String(quarter)} onChange={(_, d) => setQuarter(Number(d.value) as 1 | 2 | 3 | 4)} data-testid="quarter-select">
            <option value="1">I/{year}</option>
            <option value="2">II/{year}</option>
            <option value="3">III/{year}</option>
            <option value="4">IV/{year}</option>
          </Select>
        </Field>
      )}
      {kind === "adhoc" && (
        <div className={c.row}>
          <Field label={t("from")} className={c.grow} validationMessage={error}>
            <Input type="date" value={start} onChange={(_, d) => setStart(d.value)} />
          </Field>
          <Field label={t("to")} className={c.grow}>
            <Input type="date" value={end} onChange={(_, d) => setEnd(d.value)} />
          </Field>
        </div>
      )}
      <div className={c.row}>
        <Button appearance="primary" onClick={build} disabled={Boolean(app.busy) || !app.workbook?.hasPlan}>
          {exists ? t("rebuildReport") : t("buildReport")}
        </Button>
      </div>
      {summary && (
        <div className={c.card} data-testid="report-summary">
          <Text weight="semibold">{summary.sheet}</Text>
          <Text>{t("cutoff", { start: fmtDate(summary.cutoffStart), end: fmtDate(summary.cutoffEnd) })}</Text>
          <Text>
            {summary.done}/{summary.due} · {fmtRate(summary.rate, t.lang)}
          </Text>
        </div>
      )}
    </section>
  );
}
