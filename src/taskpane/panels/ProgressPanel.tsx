/** Cập nhật tiến độ: pick the activity (selected row or list), add a dated log entry. */
import * as React from "react";
import { Button, Field, Input, Select, Text, Textarea } from "@fluentui/react-components";
import { translate, useT } from "../i18n";
import { todayIso } from "../../core/dates";
import { checkEntryDates } from "../../core/entryDates";
import { STATUS_LABELS } from "../../core/status";
import { statusChange } from "../../core/statusReason";
import { DateField, dateFieldIso, isoToField } from "../components/DateField";
import { activityName } from "../components/labels";
import { useApp } from "../state";
import { Heading, useCommon } from "../components/common";
import type { LogEntryInput } from "../../app/viewTypes";

const STATUS_OPTIONS: Array<{ value: LogEntryInput["status"]; vi: string; en: string }> = [
  { value: "done", vi: "Đã hoàn thành", en: "Done" },
  { value: "in-progress", vi: "Đang thực hiện", en: "In progress" },
  { value: "not-started", vi: "Chưa thực hiện", en: "Not started" },
];

export function ProgressPanel() {
  const t = useT();
  const c = useCommon();
  const app = useApp();
  const activities = app.workbook?.activities ?? [];
  const [activityId, setActivityId] = React.useState("");
  const [status, setStatus] = React.useState<LogEntryInput["status"]>("done");
  const [date, setDate] = React.useState(() => isoToField(todayIso()));
  const [completedOn, setCompletedOn] = React.useState("");
  const [evidence, setEvidence] = React.useState("");
  const [note, setNote] = React.useState("");
  const [who, setWho] = React.useState("");
  const [errors, setErrors] = React.useState<{ date?: string; completedOn?: string; activity?: string }>({});
  const selected = activities.find((a) => a.id === activityId) ?? null;

  const fromSelection = async () => {
    app.setNotice(null);
    const id = await app.run({ vi: "Đang đọc dòng đang chọn…", en: "Reading the selected row…" }, ({ ops }) => ops.activityAtSelection());
    if (id === undefined) return;
    if (id === null) {
      app.setNotice({ intent: "warning", text: { vi: translate("vi", "notOnPlanRow"), en: translate("en", "notOnPlanRow") } });
      return;
    }
    setActivityId(id);
    const a = activities.find((x) => x.id === id);
    const name = a ? activityName(a) : "";
    app.announce({ vi: `Đã chọn hoạt động ${name}.`, en: `Activity ${name} selected.` });
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    app.setNotice(null);
    const errs: typeof errors = {};
    if (!activityId) errs.activity = t.lang === "en" ? "Choose an activity." : "Hãy chọn một hoạt động.";
    const dateIso = dateFieldIso(date);
    const doneIso = status === "done" ? dateFieldIso(completedOn) : "";
    const planYear = app.workbook?.settings?.year ?? Number(todayIso().slice(0, 4));
    // The rule lives in core (checkEntryDates): the file page and the command apply the same one.
    const problems = checkEntryDates({ date: dateIso ?? date, completedOn: doneIso === null ? completedOn : doneIso || null }, { today: todayIso(), planYear });
    for (const p of problems.filter((x) => x.severity === "error")) errs[p.field] = errs[p.field] ?? t.pick(p);
    setErrors(errs);
    if (Object.keys(errs).length) return;
    const warnings = problems.filter((x) => x.severity === "warning").map((p) => ({ vi: p.vi, en: p.en }));
    const entry: LogEntryInput = { activityId, date: dateIso!, status, completedOn: doneIso || null, evidence: evidence.trim(), note: note.trim(), who: who.trim() };
    const before = selected?.statusKey ?? null;
    const name = selected ? activityName(selected) : "";
    const result = await app.run({ vi: "Đang ghi vào nhật ký…", en: "Adding to the log…" }, ({ ops, progress }) => ops.addLogEntry(entry, app.caps, { onProgress: progress }));
    if (!result) return;
    app.addSkipped(result.skipped);
    setEvidence("");
    setNote("");
    setCompletedOn("");
    const now = await app.refreshWorkbook();
    const after = now?.activities.find((a) => a.id === entry.activityId);
    const change = after?.statusKey && after.statusReason ? statusChange(before, after.statusKey, after.statusReason) : null;
    app.setNotice({
      intent: warnings.length ? "warning" : "success",
      text: { vi: translate("vi", "entryAdded", { name }), en: translate("en", "entryAdded", { name }) },
      lines: [...(change ? [change] : []), ...warnings, ...result.messages],
    });
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
                {activityName(a, 70)}
              </option>
            ))}
          </Select>
        </Field>
        {selected && (
          <div className={c.card} data-testid="selected-activity" aria-live="polite">
            <Text weight="semibold">
              {t("activity")} {`${selected.group} ${selected.no}`.trim()}
            </Text>
            <Text size={200} lang="vi">{selected.activity}</Text>
            <Text size={200}>
              {t("lead")}: <span lang="vi">{selected.lead || "—"}</span> · {t("deadline")}: <span lang="vi">{selected.deadline || "—"}</span>
            </Text>
            <Text size={200}>
              {t("currentStatus")}: {selected.statusKey ? t.pick(STATUS_LABELS[selected.statusKey]) : selected.status || "—"}
              {selected.statusReason ? ` (${t.pick(selected.statusReason)})` : ""}
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
          <DateField label={t("entryDate")} value={date} onChange={setDate} validationMessage={errors.date} className={c.grow} required testId="entry-date" />
          {status === "done" && <DateField label={t("completedOn")} value={completedOn} onChange={setCompletedOn} validationMessage={errors.completedOn} className={c.grow} testId="completed-on" />}
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
