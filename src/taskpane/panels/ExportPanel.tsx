/** Gửi cấp trên (the district before 1/7/2025, the province since): the chosen report sheets (and the plan, if asked) as a new .xlsx with formulas frozen. */
import * as React from "react";
import { Button, Checkbox, Link, Text } from "@fluentui/react-components";
import { useT } from "../i18n";
import { useApp } from "../state";
import { Heading, useCommon } from "../components/common";
import type { ExportOutcome } from "../../app/viewTypes";

export function ExportPanel() {
  const t = useT();
  const c = useCommon();
  const app = useApp();
  const reports = app.workbook?.reports ?? [];
  const [chosen, setChosen] = React.useState<string[]>([]);
  const [includePlan, setIncludePlan] = React.useState(true);
  const [outcome, setOutcome] = React.useState<ExportOutcome | null>(null);

  React.useEffect(() => {
    setChosen((prev) => (prev.length ? prev.filter((x) => reports.includes(x)) : reports.slice(-1)));
  }, [reports.join("|")]); // eslint-disable-line react-hooks/exhaustive-deps

  React.useEffect(() => () => {
    if (outcome?.url) URL.revokeObjectURL(outcome.url);
  }, [outcome]);

  const toggle = (name: string, on: boolean) => setChosen((prev) => (on ? [...prev.filter((x) => x !== name), name] : prev.filter((x) => x !== name)));

  const exportNow = async () => {
    const result = await app.run({ vi: "Đang tạo tệp…", en: "Creating the file…" }, ({ ops, progress, signal }) => ops.exportForDistrict(chosen, includePlan, app.caps, { onProgress: progress, signal }), { cancellable: true });
    if (!result) return;
    setOutcome(result);
    app.setNotice({
      intent: "success",
      title: { vi: "Đã tạo tệp gửi cấp trên", en: "Export ready" },
      text: result.opened
        ? { vi: `Đã mở tệp ${result.fileName} thành một sổ Excel mới: hãy lưu hoặc gửi sổ đó.`, en: `${result.fileName} was opened as a new workbook: save or send it.` }
        : { vi: `Tệp ${result.fileName} đã sẵn sàng để tải về.`, en: `${result.fileName} is ready to download.` },
      link: result.url ? { href: result.url, download: result.fileName, label: { vi: `Tải tệp ${result.fileName}`, en: `Download ${result.fileName}` } } : undefined,
    });
  };

  return (
    <section aria-labelledby="export-heading" className={c.form}>
      <Heading id="export-heading">{t("headExport")}</Heading>
      {reports.length === 0 ? (
        <Text>{t("noReports")}</Text>
      ) : (
        <fieldset className={c.card} style={{ margin: 0 }}>
          <legend>{t("exportSheets")}</legend>
          {reports.map((r) => (
            <Checkbox key={r} label={<span lang="vi">{r}</span>} checked={chosen.includes(r)} onChange={(_, d) => toggle(r, Boolean(d.checked))} />
          ))}
        </fieldset>
      )}
      <Checkbox label={t("includePlan")} checked={includePlan} onChange={(_, d) => setIncludePlan(Boolean(d.checked))} />
      <div className={c.row}>
        <Button appearance="primary" onClick={exportNow} disabled={Boolean(app.busy) || !app.workbook?.hasPlan || chosen.length === 0}>
          {t("exportBtn")}
        </Button>
      </div>
      {outcome?.url && (
        <Link href={outcome.url} download={outcome.fileName} data-testid="download-link">
          {t("download", { file: outcome.fileName })}
        </Link>
      )}
    </section>
  );
}
