/** Cài đặt: commune, year, as-of date, reporting cut-offs, reform-index thresholds → the Cài đặt sheet. */
import * as React from "react";
import { Button, Field, Input, Text } from "@fluentui/react-components";
import type { Settings } from "../../core/settings";
import { useT, type StringKey } from "../i18n";
import { useApp } from "../state";
import { Heading, useCommon } from "../components/common";
import { DateField, dateFieldIso, isoToField } from "../components/DateField";

type Form = Record<keyof Settings, string>;

const FIELDS: Array<{ key: keyof Settings; label: StringKey; type?: "date" | "number" | "percent" }> = [
  { key: "unit", label: "unit" },
  { key: "commune", label: "commune" },
  { key: "district", label: "district" },
  { key: "province", label: "province" },
  { key: "year", label: "year", type: "number" },
  { key: "asOf", label: "asOf", type: "date" },
  { key: "cutoffStartDay", label: "cutoffStart", type: "number" },
  { key: "cutoffEndDay", label: "cutoffEnd", type: "number" },
  { key: "parFull", label: "parFull", type: "percent" },
  { key: "parPartial", label: "parPartial", type: "percent" },
  { key: "parMaxPoints", label: "parPoints", type: "number" },
  { key: "signer", label: "signer" },
  { key: "receiver", label: "receiver" },
];

function toForm(s: Partial<Settings>): Form {
  const out = {} as Form;
  for (const f of FIELDS) {
    const v = s[f.key];
    out[f.key] = v === undefined || v === null ? "" : f.type === "percent" ? String(Math.round(Number(v) * 1000) / 10) : f.type === "date" ? isoToField(String(v)) : String(v);
  }
  return out;
}

export function SettingsPanel() {
  const t = useT();
  const c = useCommon();
  const app = useApp();
  const current = app.workbook?.settings ?? null;
  const [form, setForm] = React.useState<Form>(() => toForm(current ?? {}));
  const [errors, setErrors] = React.useState<Partial<Record<keyof Settings, string>>>({});

  React.useEffect(() => {
    if (current) setForm(toForm(current));
  }, [current]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    app.setNotice(null);
    const errs: Partial<Record<keyof Settings, string>> = {};
    const next: Record<string, unknown> = { ...(current ?? {}) };
    for (const f of FIELDS) {
      const raw = form[f.key].trim();
      if (f.type === "number" || f.type === "percent") {
        const n = Number(raw.replace(",", "."));
        if (!raw || !Number.isFinite(n)) {
          errs[f.key] = t.lang === "en" ? "Enter a number." : "Hãy nhập một số.";
          continue;
        }
        next[f.key] = f.type === "percent" ? n / 100 : n;
      } else if (f.type === "date") {
        const iso = dateFieldIso(raw);
        if (!iso) errs[f.key] = t("dateInvalid");
        next[f.key] = iso;
      } else next[f.key] = raw;
    }
    const day = (k: keyof Settings) => Number(next[k]);
    if (!errs.cutoffStartDay && !(day("cutoffStartDay") >= 1 && day("cutoffStartDay") <= 28)) errs.cutoffStartDay = "1–28";
    if (!errs.cutoffEndDay && !(day("cutoffEndDay") >= 1 && day("cutoffEndDay") <= 28)) errs.cutoffEndDay = "1–28";
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const result = await app.run({ vi: "Đang lưu…", en: "Saving…" }, ({ ops, progress, signal }) => ops.saveSettings(next as unknown as Settings, app.caps, { onProgress: progress, signal }));
    if (!result) return;
    app.addSkipped(result.skipped);
    app.setNotice({ intent: "success", text: { vi: "Đã lưu cài đặt vào trang Cài đặt.", en: "Settings saved to the settings sheet." }, lines: result.messages });
    await app.refreshWorkbook();
  };

  return (
    <section aria-labelledby="settings-heading">
      <form className={c.form} onSubmit={save} noValidate>
        <Heading id="settings-heading">{t("headSettings")}</Heading>
        {!current && <Text>{t("settingsNoSheet")}</Text>}
        {FIELDS.map((f) => f.type === "date" ? (
          <DateField key={f.key} label={t(f.label)} value={form[f.key]} onChange={(v) => setForm((prev) => ({ ...prev, [f.key]: v }))} validationMessage={errors[f.key]} testId={`setting-${f.key}`} />
        ) : (
          <Field key={f.key} label={t(f.label)} validationMessage={errors[f.key]} hint={f.key === "cutoffStartDay" ? t("cutoffNote") : f.key === "receiver" ? t("receiverNote") : undefined}>
            <Input type="text" inputMode={f.type === "number" || f.type === "percent" ? "decimal" : undefined} value={form[f.key]} onChange={(_, d) => setForm((prev) => ({ ...prev, [f.key]: d.value }))} />
          </Field>
        ))}
        <div className={c.row}>
          <Button appearance="primary" type="submit" disabled={Boolean(app.busy) || !current}>
            {t("saveSettings")}
          </Button>
        </div>
      </form>
    </section>
  );
}
