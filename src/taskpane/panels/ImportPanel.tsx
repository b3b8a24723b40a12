/** Nhập kế hoạch: the embedded plan, a .docx, or the selection → preview (what was read, the diff) → apply. */
import * as React from "react";
import { Button, Field, Input, Radio, RadioGroup, Text } from "@fluentui/react-components";
import { useT } from "../i18n";
import { useApp } from "../state";
import { Bullets, FileField, Heading, SubHeading, useCommon } from "../components/common";
import type { ImportPreview } from "../services/ops";
import type { TabKey } from "../App";

type SourceKind = "embedded" | "docx" | "selection";

export function ImportPanel({ goTo }: { goTo: (t: TabKey) => void }) {
  const t = useT();
  const c = useCommon();
  const app = useApp();
  const [source, setSource] = React.useState<SourceKind>("embedded");
  const [file, setFile] = React.useState<File | null>(null);
  const [year, setYear] = React.useState("");
  const [commune, setCommune] = React.useState("");
  const [preview, setPreview] = React.useState<ImportPreview | null>(null);
  const [yearError, setYearError] = React.useState<string | undefined>();
  const previewHeading = React.useRef<HTMLHeadingElement | null>(null);

  const read = async () => {
    const y = year.trim() ? Number(year.trim()) : undefined;
    if (y !== undefined && !(Number.isInteger(y) && y >= 2000 && y <= 2100)) {
      setYearError(t.lang === "en" ? "Enter a year such as 2024." : "Hãy nhập năm, ví dụ 2024.");
      return;
    }
    setYearError(undefined);
    if (source === "docx" && !file) {
      app.setNotice({ intent: "warning", text: { vi: "Hãy chọn tệp .docx trước khi bấm Đọc.", en: "Choose a .docx file before pressing Read." } });
      return;
    }
    setPreview(null);
    const result = await app.run(
      { vi: "Đang đọc kế hoạch…", en: "Reading the plan…" },
      async ({ ops, progress }) => {
        const src = source === "docx" ? { kind: "docx" as const, name: file!.name, bytes: await file!.arrayBuffer() } : { kind: source };
        return ops.previewImport(src, { year: y, commune: commune.trim() || undefined }, app.caps, { onProgress: progress });
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

  const apply = async () => {
    if (!preview) return;
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
        en: `${result.activities} activities written (sheets ${result.render.sheets.join(", ")}). The checks found ${f.error} errors, ${f.warning} warnings, ${f.info} notes.`,
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

  const v = preview?.view;
  return (
    <section aria-labelledby="import-heading" className={c.form}>
      <Heading id="import-heading">{t("headImport")}</Heading>
      <RadioGroup value={source} onChange={(_, d) => setSource(d.value as SourceKind)} aria-label={t("importSource")}>
        <Radio value="embedded" label={t("srcEmbedded")} />
        <Radio value="docx" label={t("srcDocx")} />
        <Radio value="selection" label={t("srcSelection")} />
      </RadioGroup>
      {source === "docx" && <FileField id="docx-file" label={t("chooseFile")} accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document" onFiles={(f) => setFile(f[0] ?? null)} />}
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
            <strong>{v.title}</strong>
          </Text>
          <Text>
            {v.commune ? `${t("commune")}: ${v.commune} · ` : ""}
            {t("year")}: {v.year} · {v.activityCount} {t("activities")}
            {v.indicatorCount ? ` · ${v.indicatorCount} ${t.lang === "en" ? "indicators" : "chỉ tiêu"}` : ""}
          </Text>
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
                  <td>{g.title}</td>
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
                  <td>{m.label ?? t("notFound")}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {v.warnings.length > 0 && (
            <>
              <SubHeading>{t("warnings")}</SubHeading>
              <Bullets items={v.warnings} />
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
                  {v.diff.added.length > 0 && <Bullets items={v.diff.added.map((a) => a.label)} max={5} />}
                  {v.diff.changed.length > 0 && <Bullets items={v.diff.changed.map((a) => `${a.label} (${a.fields.join(", ")})`)} max={5} />}
                  {v.diff.removed.length > 0 && (
                    <>
                      <Text>
                        {t("diffRemoved")}: {v.diff.removed.length}
                      </Text>
                      <Bullets items={v.diff.removed.map((a) => a.label)} max={5} />
                    </>
                  )}
                </>
              )}
            </div>
          )}
          <div className={c.row}>
            <Button appearance="primary" onClick={apply} disabled={Boolean(app.busy)}>
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
