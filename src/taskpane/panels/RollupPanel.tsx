/** Tổng hợp huyện: several communes' exported files → one consolidated workbook. */
import * as React from "react";
import { Button, Field, Input, Link, Text } from "@fluentui/react-components";
import { useT } from "../i18n";
import { useApp } from "../state";
import { Bullets, FileField, Heading, SubHeading, useCommon } from "../components/common";
import type { RollupOutcome } from "../services/opsTypes";

export function RollupPanel() {
  const t = useT();
  const c = useCommon();
  const app = useApp();
  const [files, setFiles] = React.useState<File[]>([]);
  const year = app.workbook?.settings?.year ?? new Date().getFullYear();
  const [period, setPeriod] = React.useState(`Q2-${year}`);
  const [outcome, setOutcome] = React.useState<RollupOutcome | null>(null);

  const rollup = async () => {
    if (!files.length) {
      app.setNotice({ intent: "warning", text: { vi: "Hãy chọn ít nhất một tệp báo cáo của xã.", en: "Choose at least one commune report file." } });
      return;
    }
    const result = await app.run(
      { vi: "Đang tổng hợp…", en: "Consolidating…" },
      async ({ ops, progress, signal }) => {
        const inputs = await Promise.all(files.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
        return ops.rollupCommunes(inputs, period.trim(), app.caps, { onProgress: progress, signal });
      },
      { cancellable: true },
    );
    if (!result) return;
    setOutcome(result);
    app.setNotice({
      intent: result.problems.length ? "warning" : "success",
      title: { vi: "Đã tổng hợp", en: "Consolidated" },
      text: {
        vi: `Đã tổng hợp ${result.communes} xã vào tệp ${result.fileName}${result.opened ? " (đã mở thành sổ mới)" : ""}.`,
        en: `${result.communes} communes consolidated into ${result.fileName}${result.opened ? " (opened as a new workbook)" : ""}.`,
      },
      lines: result.problems,
      link: result.url ? { href: result.url, download: result.fileName, label: { vi: `Tải tệp ${result.fileName}`, en: `Download ${result.fileName}` } } : undefined,
    });
  };

  return (
    <section aria-labelledby="rollup-heading" className={c.form}>
      <Heading id="rollup-heading">{t("headRollup")}</Heading>
      <FileField id="rollup-files" label={t("chooseFiles")} accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" multiple onFiles={setFiles} hint={files.length ? t("filesChosen", { n: files.length }) : undefined} />
      <Field label={t("rollupPeriod")}>
        <Input value={period} onChange={(_, d) => setPeriod(d.value)} />
      </Field>
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
