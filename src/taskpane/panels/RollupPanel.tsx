/** Tổng hợp huyện: several communes' exported files → one consolidated workbook, for a period picked as on the Report tab. */
import * as React from "react";
import { Button, Link, Text } from "@fluentui/react-components";
import { useT } from "../i18n";
import { useApp } from "../state";
import { Bullets, FileField, Heading, SubHeading, useCommon } from "../components/common";
import { choiceOf, initialPeriod, PeriodPicker, tokenOf, type PeriodState } from "../components/PeriodPicker";
import type { ExportFileView, RollupOutcome } from "../../app/viewTypes";

type Input = { name: string; bytes: Uint8Array };

export function RollupPanel() {
  const t = useT();
  const c = useCommon();
  const app = useApp();
  const [files, setFiles] = React.useState<Input[]>([]);
  const [described, setDescribed] = React.useState<ExportFileView[]>([]);
  const year = app.workbook?.settings?.year ?? new Date().getFullYear();
  const [period, setPeriod] = React.useState<PeriodState>(() => initialPeriod(year));
  const [periodError, setPeriodError] = React.useState<string | undefined>();
  const [outcome, setOutcome] = React.useState<RollupOutcome | null>(null);

  const choose = async (chosen: File[]) => {
    app.setNotice(null);
    setOutcome(null);
    const inputs = await Promise.all(chosen.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    setFiles(inputs);
    setDescribed([]);
    if (!inputs.length) return;
    const views = await app.run({ vi: "Đang đọc các tệp…", en: "Reading the files…" }, ({ ops }) => ops.describeCommuneFiles(inputs));
    if (views) setDescribed(views);
  };

  const rollup = async () => {
    app.setNotice(null);
    if (!files.length) {
      app.setNotice({ intent: "warning", text: { vi: "Hãy chọn ít nhất một tệp báo cáo của xã.", en: "Choose at least one commune report file." } });
      return;
    }
    const picked = choiceOf(period);
    if ("error" in picked) {
      setPeriodError(t.pick(picked.error));
      return;
    }
    setPeriodError(undefined);
    const token = tokenOf(picked.choice);
    const result = await app.run(
      { vi: "Đang tổng hợp…", en: "Consolidating…" },
      ({ ops, progress, signal }) => ops.rollupCommunes(files, token, app.caps, { onProgress: progress, signal }),
      { cancellable: true },
    );
    if (!result) return;
    setOutcome(result);
    app.setNotice({
      intent: result.problems.length ? "warning" : "success",
      title: { vi: "Đã tổng hợp", en: "Consolidated" },
      text: {
        vi: `Đã tổng hợp ${result.communes} xã vào tệp ${result.fileName}${result.opened ? " (đã mở thành sổ mới)" : ""}.`,
        en: `Communes consolidated: ${result.communes}, into ${result.fileName}${result.opened ? " (opened as a new workbook)" : ""}.`,
      },
      lines: result.problems,
      link: result.url ? { href: result.url, download: result.fileName, label: { vi: `Tải tệp ${result.fileName}`, en: `Download ${result.fileName}` } } : undefined,
    });
  };

  return (
    <section aria-labelledby="rollup-heading" className={c.form}>
      <Heading id="rollup-heading">{t("headRollup")}</Heading>
      <FileField id="rollup-files" label={t("chooseFiles")} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple onFiles={(f) => void choose(f)} hint={files.length ? t("filesChosen", { n: files.length }) : undefined} />
      {described.length > 0 && (
        <table className={c.table} data-testid="rollup-files-table">
          <caption>{t("filesChosenTitle")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("fileCol")}</th>
              <th scope="col">{t("commune")}</th>
              <th scope="col">{t("periodKind")}</th>
            </tr>
          </thead>
          <tbody>
            {described.map((d) => (
              <tr key={d.file}>
                <td>{d.file}</td>
                <td lang="vi">{d.commune || "—"}</td>
                <td>{d.problem ? t.pick(d.problem) : t.pick(d.periods) || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PeriodPicker value={period} onChange={setPeriod} yearEditable error={periodError} idPrefix="rollup" />
      <div className={c.row}>
        <Button appearance="primary" onClick={rollup} disabled={Boolean(app.busy)}>
          {t("rollupBtn")}
        </Button>
      </div>
      {outcome && (
        <div className={c.card}>
          <Text>{t("rollupDone", { n: outcome.communes })}</Text>
          {outcome.problems.length > 0 && (
            <>
              <SubHeading>{t("rollupProblems")}</SubHeading>
              <Bullets items={outcome.problems.map((p) => t.pick(p))} />
            </>
          )}
          {outcome.url && (
            <Link href={outcome.url} download={outcome.fileName}>
              {t("download", { file: outcome.fileName })}
            </Link>
          )}
        </div>
      )}
    </section>
  );
}
