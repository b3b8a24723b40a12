/**
 * A date typed as dd/mm/yyyy, whatever the browser's locale (an <input type="date"> shows
 * mm/dd/yyyy in an en-US browser while every message asks for ngày/tháng/năm). The value kept
 * is what was typed; `dateFieldIso` reads it (core's parseDateField: day first, never a serial).
 */
import * as React from "react";
import { Field, Input } from "@fluentui/react-components";
import { formatViDate } from "../../core/dates";
import { DATE_FIELD_HINT, parseDateField } from "../../core/entryDates";
import { useT } from "../i18n";

/** ISO → "dd/mm/yyyy" (what the field shows); "" stays "". */
export const isoToField = (iso: string | null | undefined): string => formatViDate(iso);

/** What was typed → ISO, null when it is not a day/month/year date, "" when empty. */
export function dateFieldIso(text: string): string | null {
  return text.trim() === "" ? "" : parseDateField(text);
}

export function DateField(props: {
  label: string;
  value: string;
  onChange: (text: string) => void;
  validationMessage?: string;
  required?: boolean;
  className?: string;
  testId?: string;
}) {
  const t = useT();
  return (
    <Field label={props.label} hint={t.pick(DATE_FIELD_HINT)} validationMessage={props.validationMessage} validationState={props.validationMessage ? "error" : "none"} required={props.required} className={props.className}>
      <Input value={props.value} onChange={(_, d) => props.onChange(d.value)} placeholder="dd/mm/yyyy" inputMode="numeric" autoComplete="off" data-testid={props.testId} data-date-field="dd/mm/yyyy" />
    </Field>
  );
}
