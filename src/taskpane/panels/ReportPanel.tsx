/** Báo cáo: pick a period (quarter, 6 months, 9 months, year, ad hoc) and build or rebuild its sheet. */
import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import { useT } from "../i18n";
import { useApp } from "../state";
import { Heading, useCommon } from "../components/common";
import type { ReportSummary } from "../../app/viewTypes";
import { choiceOf, initialPeriod, PeriodPicker, type PeriodState } from "../components/PeriodPicker";

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
  const [period, setPeriod] = React.useState<PeriodState>(() => initialPeriod(year));
  const [summary, setSummary] = React.useState<ReportSummary | null>(null);
  const [error, setError] = React.useState<string | undefined>();

  const build = async () => {
    app.setNotice(null);
    const picked = choiceOf({ ...period, year: String(year) });
    if ("error" in picked) {
      setError(t.pick(picked.error));
      return;
    }
    setError(undefined);
    const choice = picked.choice;
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
      <PeriodPicker value={{ ...period, year: String(year) }} onChange={setPeriod} error={error} idPrefix="report" />
      <div className={c.row}>
        <Button appearance="primary" onClick={build} disabled={Boolean(app.busy) || !app.workbook?.hasPlan}>
          {exists ? t("rebuildReport") : t("buildReport")}
        </Button>
      </div>
      {summary && (
        <div className={c.card} data-testid="report-summary">
          <Text weight="semibold" lang="vi">{summary.sheet}</Text>
          <Text>{t("cutoff", { start: fmtDate(summary.cutoffStart), end: fmtDate(summary.cutoffEnd) })}</Text>
          <Text>
            {summary.done}/{summary.due} · {fmtRate(summary.rate, t.lang)}
          </Text>
        </div>
      )}
    </section>
  );
}
