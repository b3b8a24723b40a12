/** Cập nhật tiến độ: pick the activity (selected row or list), add a dated log entry. */
import * as React from "react";
import { Button, Field, Input, Select, Text, Textarea } from "@fluentui/react-components";
import { useT } from "../i18n";
import { useApp } from "../state";
import { Heading, useCommon } from "../components/common";
import type { LogEntryInput } from "../services/opsTypes";

const STATUS_OPTIONS: Array<{ value: LogEntryInput["status"]; vi: string; en: string }> = [
  { value: "done", vi: "Đã hoàn thành", en: "Done" },
  { value: "in-progress", vi: "Đang thực hiện", en: "In progress" },
  { value: "not-started", vi: "Chưa thực hiện", en: "Not started" },
];

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

export function ProgressPanel() {
  const t = useT();
  const c = useCommon();
  const app = useApp();
  const activities = app.workbook?.activities ?? [];
  const [activityId, setActivityId] = React.useState("");
  const [status, setStatus] = React.useState<LogEntryInput["status"]>("done");
  const [date, setDate] = React.useState(() => app.workbook?.settings?.asOf ?? today());
  const [completedOn, setCompletedOn] = React.useState("");
  const [evidence, setEvidence] = React.useState("");
  const [note, setNote] = React.useState("");
  const [who, setWho] = React.useState("");
  const [errors, setErrors] = React.useState<{ date?: string; completedOn?: string; activity?: string }>({});
  const selected = activities.find((a) => a.id === activityId) ?? null;

  const fromSelection = async () => {
    const id = await app.run({ vi: "Đang đọc dòng đang chọn…", en: "Reading the selected row…" }, ({ ops }) => ops.activityAtSelection());
    if (id === undefined) return;
    if (id === null) {
      app.setNotice({ intent: "warning", text: { vi: t("notOnPlanRow"), en: t("notOnPlanRow") } });
      return;
    }
    setActivityId(id);
    app.announce({ vi: `Đã chọn hoạt động ${id}.`, en: `Activity ${id} selected.` });
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const errs: typeof errors = {};
    if (!activityId) errs.activity = t.lang === "en" ? "Choose an activity." : "Hãy chọn một hoạt động.";
    if (!isIsoDate(date)) errs.date = t("dateInvalid");
    if (completedOn && !isIsoDate(completedOn)) errs.completedOn = t("dateInvalid");
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const entry: LogEntryInput = { activityId, date, status, completedOn: status === "done" && completedOn ? completedOn : null, evidence: evidence.trim(), note: note.trim(), who: who.trim() };
    const result = await app.run({ vi: "Đang ghi vào nhật ký…", en: "Adding to the log…" }, ({ ops, progress }) => ops.addLogEntry(entry, app.caps, { onProgress: progress }));
    if (!result) return;
    app.addSkipped(result.skipped);
    app.setNotice({ intent: "success", text: { vi: `Đã ghi tiến độ của hoạt động ${activityId} vào Nhật ký tiến độ.`, en: `Progress of activity ${activityId} added to the log.` }, lines: result.messages });
    setEvidence("");
    setNote("");
    setCompletedOn("");
    await app.refreshWorkbook();
  };

  return (
    <section aria-labelledby="progress-heading">
      <form className={c.form} onSubmit={submit} noValidate>
        <Heading id="progress-heading">{t("headProgress")}</Heading>
        {!app.workbook?.hasPlan && <Text>{t("noPlanYet")}</Text>}
        <Button onClick={fromSelection} disabled={Boolean(app.busy) || !app.workbook?.hasPlan}>
          {t("useSelection")}
        </Button>
        <Field label={t("pickActivity")} validationMessage={errors.activity} required>
          <Select value={activityId} onChange={(_, d) => setActivityId(d.value)} data-testid="activity-select" className={c.select}>
            <option value="">—</option>
            {activities.map((a) => (
              <option key={a.id} value={a.id}>
                {`${a.group} ${a.no} · ${a.activity.slice(0, 70)}`}
              </option>
            ))}
          </Select>
        </Field>
        {selected && (
          <div className={c.card} data-testid="selected-activity" aria-live="polite">
            <Text weight="semibold">
              {t("activity")} {selected.group} {selected.no} ({selected.id})
            </Text>
            <Text size={200}>{selected.activity}</Text>
            <Text size={200}>
              {t("lead")}: {selected.lead || "—"} · {t("deadline")}: {selected.deadline || "—"}
            </Text>
            <Text size={200}>
              {t("currentStatus")}: {selected.status || "—"}
            </Text>
          </div>
        )}
        <Field label={t("status")}>
          <Select value={status} onChange={(_, d) => setStatus(d.value as LogEntryInput["status"])}>
            {STATUS_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {t.lang === "en" ? o.en : o.vi}
              </option>
            ))}
          </Select>
        </Field>
        <div className={c.row}>
          <Field label={t("entryDate")} validationMessage={errors.date} className={c.grow} required>
            <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
          </Field>
          {status === "done" && (
            <Field label={t("completedOn")} validationMessage={errors.completedOn} className={c.grow}>
              <Input type="date" value={completedOn} onChange={(_, d) => setCompletedOn(d.value)} />
            </Field>
          )}
        </div>
        <Field label={t("evidence")}>
          <Input value={evidence} onChange={(_, d) => setEvidence(d.value)} />
        </Field>
        <Field label={t("note")}>
          <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
        </Field>
        <Field label={t("who")}>
          <Input value={who} onChange={(_, d) => setWho(d.value)} />
        </Field>
        <div className={c.row}>
          <Button appearance="primary" type="submit" disabled={Boolean(app.busy) || !app.workbook?.hasPlan}>
            {t("addEntry")}
          </Button>
        </div>
      </form>
    </section>
  );
}
