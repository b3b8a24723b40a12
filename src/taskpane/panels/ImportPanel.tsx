/** Nhập kế hoạch: the embedded plan, a .docx, or the selection → preview (what was read, the diff) → apply. */
import * as React from "react";
import { Button, Field, Input, Radio, RadioGroup, Select, Text } from "@fluentui/react-components";
import { useT } from "../i18n";
import { identityDifferences } from "../../core/planIdentity";
import { useApp } from "../state";
import { Bullets, FileField, Heading, SubHeading, useCommon } from "../components/common";
import type { ImportPreview } from "../services/ops";
import type { TabKey } from "../App";

type SourceKind = "embedded" | "docx" | "selection";
const DOCX_ACCEPT = ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function ImportPanel({ goTo }: { goTo: (t: TabKey) => void }) {
  const t = useT();
  const c = useCommon();
  const app = useApp();
  // Outside Excel (the file page) there is no selection; an appendix table comes as an .xlsx file.
  const inExcel = app.caps.inOffice;
  // The pane starts from what the workbook holds: with a plan in it, the sample is never the default.
  const [chosenSource, setSource] = React.useState<SourceKind | null>(null);
  const source: SourceKind = chosenSource ?? (app.workbook?.hasPlan ? "docx" : "embedded");
  const [confirming, setConfirming] = React.useState(false);
  const [file, setFile] = React.useState<File | null>(null);
  const [year, setYear] = React.useState("");
  const [commune, setCommune] = React.useState("");
  const [preview, setPreview] = React.useState<ImportPreview | null>(null);
  const [yearError, setYearError] = React.useState<string | undefined>();
  const previewHeading = React.useRef<HTMLHeadingElement | null>(null);
  // A table whose task column was not recognised: its header labels, and the column the person picks.
  const [pick, setPick] = React.useState<{ labels: string[]; task: string } | null>(null);
  const choose = (s: SourceKind) => { setSource(s); setPreview(null); setConfirming(false); setPick(null); };

  const read = async () => {
    app.setNotice(null);
    setConfirming(false);
    const y = year.trim() ? Number(year.trim()) : undefined;
    if (y !== undefined && !(Number.isInteger(y) && y >= 2000 && y <= 2100)) {
      setYearError(t.lang === "en" ? "Enter a year such as 2024." : "Hãy nhập năm, ví dụ 2024.");
      return;
    }
    setYearError(undefined);
    if (source === "docx" && !file) {
      app.setNotice({ intent: "warning", text: { vi: "Hãy chọn tệp phụ lục (.docx hoặc .xlsx) trước khi bấm Đọc.", en: "Choose the appendix file (.docx or .xlsx) before pressing Read." } });
      return;
    }
    setPreview(null);
    const result = await app.run(
      { vi: "Đang đọc kế hoạch…", en: "Reading the plan…" },
      async ({ ops, progress }) => {
        const src = source === "docx" ? { kind: "docx" as const, name: file!.name, bytes: await file!.arrayBuffer() } : { kind: source };
        const columns = pick?.task ? { columns: { task: Number(pick.task) } } : undefined;
        return ops.previewImport(src, { year: y, commune: commune.trim() || undefined, columns }, app.caps, { onProgress: progress }).catch((e: unknown) => {
          // The refusal names the header it found (ImportError.header): offer its columns to pick from.
          const header = (e as { header?: { labels?: unknown } } | null)?.header;
          if (header && Array.isArray(header.labels)) setPick({ labels: header.labels.map(String), task: "" });
          throw e;
        });
      },
    );
    if (result) {
      setPreview(result);
      app.announce({
        vi: `Đã đọc ${result.view.activityCount} hoạt động trong ${result.view.groups.length} nhóm.`,
        en: `Read ${result.view.activityCount} activities in ${result.view.groups.length} groups.`,
      });
      setTimeout(() => previewHeading.current?.focus(), 0);
    }
  };

  const current = app.workbook?.hasPlan ? { commune: app.workbook.settings?.commune ?? "", year: app.workbook.settings?.year ?? null, count: app.workbook.activities.length } : null;
  const differs = preview && current ? identityDifferences(current, { commune: preview.view.commune, year: preview.view.year }) : [];

  const apply = async (confirmed = false) => {
    if (!preview) return;
    app.setNotice(null);
    // Another commune's or year's plan replaces this one only after an explicit confirmation naming both.
    if (differs.length && !confirmed) {
      setConfirming(true);
      return;
    }
    setConfirming(false);
    const result = await app.run(
      { vi: "Đang ghi vào sổ Excel…", en: "Writing into the workbook…" },
      ({ ops, progress, signal }) => ops.applyImport(preview, app.caps, { onProgress: progress, signal }),
      { cancellable: true },
    );
    if (!result) return;
    app.addSkipped(result.render.skipped);
    const f = result.findings;
    app.setNotice({
      intent: "success",
      title: { vi: "Đã nhập kế hoạch", en: "Plan imported" },
      text: {
        vi: `Đã đưa ${result.activities} hoạt động vào sổ (trang ${result.render.sheets.join(", ")}). Kiểm tra thấy ${f.error} lỗi, ${f.warning} cảnh báo, ${f.info} lưu ý.`,
        en: `${result.activities} activities written (sheets ${result.render.sheets.map((x) => `"${x}"`).join(", ")}). The checks found ${f.error} errors, ${f.warning} warnings, ${f.info} notes.`,
      },
      lines: [
        ...(result.archived ? [{ vi: `${result.archived} hoạt động không còn trong kế hoạch mới đã được chuyển sang trang Lưu trữ.`, en: `${result.archived} activities no longer in the plan were moved to the archive sheet.` }] : []),
        ...result.render.messages,
        ...result.render.skipped.map((x) => ({ vi: `Bỏ qua: ${x.vi} (${x.requirement})`, en: `Skipped: ${x.en} (${x.requirement})` })),
      ],
    });
    setPreview(null);
    await app.refreshWorkbook();
  };

  const planLine = (commune: string, year: number | null, n: number) => t("planLine", { commune: commune || "—", year: year ?? "—", n });
  const v = preview?.view;
  return (
    <section aria-labelledby="import-heading" className={c.form}>
      <Heading id="import-heading">{t("headImport")}</Heading>
      {current && (
        <div className={c.card} data-testid="current-plan">
          <Text weight="semibold">{t("currentPlan")}</Text>
          <Text>{planLine(current.commune, current.year, current.count)}</Text>
        </div>
      )}
      <RadioGroup value={source} onChange={(_, d) => choose(d.value as SourceKind)} aria-label={t("importSource")}>
        <Radio value="docx" label={t("srcFile")} />
        {inExcel && <Radio value="selection" label={t("srcSelection")} />}
        <Radio value="embedded" label={t("srcEmbedded")} />
      </RadioGroup>
      {source === "docx" && <FileField id="docx-file" label={t("chooseAppendix")} accept={`${DOCX_ACCEPT},${XLSX_ACCEPT}`} onFiles={(f) => { setFile(f[0] ?? null); setPick(null); }} />}
      {source === "selection" && <Text size={200}>{t("selectionHint")}</Text>}
      {source !== "embedded" && (
        <div className={c.row}>
          <Field label={t("yearField")} hint={t("yearHint")} validationMessage={yearError} className={c.grow}>
            <Input value={year} onChange={(_, d) => setYear(d.value)} inputMode="numeric" />
          </Field>
          <Field label={t("communeField")} className={c.grow}>
            <Input value={commune} onChange={(_, d) => setCommune(d.value)} />
          </Field>
        </div>
      )}
      {pick && source !== "embedded" && (
        <Field
          label={t.lang === "en" ? "Choose columns: the task column" : "Chọn cột: cột Nhiệm vụ / Nội dung"}
          hint={t.lang === "en" ? "The column that holds the tasks; then press Read again." : "Cột ghi tên các nhiệm vụ; chọn xong bấm Đọc lại."}
        >
          <Select value={pick.task} onChange={(_, d) => setPick({ ...pick, task: d.value })} data-testid="task-column-select">
            <option value="">—</option>
            {pick.labels.map((label, i) => (label ? <option key={i} value={String(i)} lang="vi">{`${i + 1}. ${label}`}</option> : null))}
          </Select>
        </Field>
      )}
      <div className={c.row}>
        <Button appearance={preview ? "secondary" : "primary"} onClick={read} disabled={Boolean(app.busy)}>
          {t("read")}
        </Button>
      </div>

      {v && (
        <div className={c.card} data-testid="import-preview">
          <h3 className={c.h3} tabIndex={-1} ref={previewHeading}>
            {t("whatWasRead")}
          </h3>
          <Text>
            <strong lang="vi">{v.title}</strong>
          </Text>
          <Text>
            {v.commune ? `${t("commune")}: ${v.commune} · ` : ""}
            {t("year")}: {v.year} · {v.activityCount} {t("activities")}
            {` · ${v.indicatorCount} ${t("indicatorsWord")}`}
          </Text>
          {v.source === "embedded" && <Text weight="semibold" data-testid="sample-label">{t("sampleData")}</Text>}
          {v.indicators && v.indicators.length > 0 && (
            <div data-testid="import-indicators">
              <SubHeading>{t("indicatorsRead")}</SubHeading>
              <Bullets items={v.indicators} max={12} />
            </div>
          )}
          {v.selection && (
            <Text size={200}>
              {v.selection.address}
              {v.selection.mergesKnown ? ` · ${v.selection.merges} ${t.lang === "en" ? "merged areas" : "vùng ô gộp"}` : ""}
            </Text>
          )}
          {v.selection?.warning && <Text size={200}>{t.pick(v.selection.warning)}</Text>}
          <table className={c.table} data-testid="groups-table">
            <caption>{t("groups")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("groupCol")}</th>
                <th scope="col">{t("titleCol")}</th>
                <th scope="col">{t("countCol")}</th>
              </tr>
            </thead>
            <tbody>
              {v.groups.map((g) => (
                <tr key={g.id}>
                  <td>{g.id}</td>
                  <td lang="vi">{g.title}</td>
                  <td>{g.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <table className={c.table} data-testid="mapping-table">
            <caption>{t("headerMapping")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("fieldCol")}</th>
                <th scope="col">{t("columnCol")}</th>
              </tr>
            </thead>
            <tbody>
              {v.headerMapping.map((m) => (
                <tr key={m.field}>
                  <td>{t.pick(m.fieldLabel)}</td>
                  <td lang={m.label ? "vi" : undefined}>{m.label ?? t("notFound")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {v.warnings.length > 0 && (
            <>
              <SubHeading>{t("warnings")}</SubHeading>
              <div data-testid="import-notes">
                <Bullets items={v.warnings.map((w) => t.pick(w))} />
              </div>
            </>
          )}
          {v.diff && (
            <div data-testid="import-diff">
              <SubHeading>{t("diffTitle")}</SubHeading>
              {v.diff.added.length + v.diff.removed.length + v.diff.changed.length === 0 ? (
                <Text>{t("diffNone")}</Text>
              ) : (
                <>
                  <Text>
                    {t("diffAdded")}: {v.diff.added.length} · {t("diffChanged")}: {v.diff.changed.length} · {t("diffKept")}: {v.diff.kept}
                  </Text>
                  {v.diff.added.length > 0 && <div lang="vi"><Bullets items={v.diff.added.map((a) => a.label)} max={5} /></div>}
                  {v.diff.changed.length > 0 && <div lang="vi"><Bullets items={v.diff.changed.map((a) => a.label)} max={5} /></div>}
                  {v.diff.removed.length > 0 && (
                    <>
                      <Text>
                        {t("diffRemoved")}: {v.diff.removed.length}
                      </Text>
                      <div lang="vi"><Bullets items={v.diff.removed.map((a) => a.label)} max={5} /></div>
                    </>
                  )}
                </>
              )}
            </div>
          )}
          {confirming && current && (
            <div className={c.card} role="alertdialog" aria-labelledby="replace-title" data-testid="replace-confirm">
              <Text weight="semibold" id="replace-title">{t("replaceTitle")}</Text>
              <Text>{t("replaceNow")} {planLine(current.commune, current.year, current.count)}</Text>
              <Text>{t("replaceWith")} {planLine(v.commune, v.year, v.activityCount)}</Text>
              <Text>{t("replaceArchive", { n: v.diff?.removed.length ?? current.count })}</Text>
              <div className={c.row}>
                <Button appearance="primary" onClick={() => void apply(true)} disabled={Boolean(app.busy)}>
                  {t("replaceConfirm")}
                </Button>
                <Button onClick={() => setConfirming(false)}>{t("cancel")}</Button>
              </div>
            </div>
          )}
          <div className={c.row}>
            <Button appearance="primary" onClick={() => void apply(false)} disabled={Boolean(app.busy) || confirming}>
              {app.workbook?.hasPlan ? t("applyAgain") : t("apply")}
            </Button>
            <Button onClick={() => goTo("checks")} disabled={!app.workbook?.hasPlan}>
              {t("tabChecks")}
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
