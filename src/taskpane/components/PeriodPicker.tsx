/**
 * The reporting period, chosen the same way on the Report and the Consolidate tabs: quarter,
 * 6 months, 9 months, year or ad hoc (dd/mm/yyyy dates), in a plan year.
 */
import * as React from "react";
import { Field, Input, Radio, RadioGroup, Select } from "@fluentui/react-components";
import { useT } from "../i18n";
import type { PeriodChoice } from "../../app/viewTypes";
import { DateField, dateFieldIso, isoToField } from "./DateField";
import { useCommon } from "./common";

export interface PeriodState {
  kind: PeriodChoice["kind"];
  year: string;
  quarter: 1 | 2 | 3 | 4;
  start: string;
  end: string;
}

export function initialPeriod(year: number): PeriodState {
  return { kind: "quarter", year: String(year), quarter: 2, start: isoToField(`${year}-01-01`), end: isoToField(`${year}-03-31`) };
}

/** The choice, or a message (both languages) saying what to correct. */
export function choiceOf(p: PeriodState): { choice: PeriodChoice } | { error: { vi: string; en: string } } {
  const year = Number(p.year.trim());
  if (!(Number.isInteger(year) && year >= 2000 && year <= 2100)) return { error: { vi: "Hãy nhập năm, ví dụ 2024.", en: "Enter a year such as 2024." } };
  if (p.kind !== "adhoc") return { choice: { kind: p.kind, year, quarter: p.kind === "quarter" ? p.quarter : undefined } };
  const start = dateFieldIso(p.start);
  const end = dateFieldIso(p.end);
  if (!start || !end) return { error: { vi: "Hãy nhập ngày bắt đầu và ngày kết thúc theo dạng ngày/tháng/năm, ví dụ 15/03/2024.", en: "Type the start and end dates as day/month/year, e.g. 15/03/2024." } };
  if (start > end) return { error: { vi: "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.", en: "The start date must be on or before the end date." } };
  return { choice: { kind: "adhoc", year, start, end } };
}

/** The token the command and the consolidation use: Q2-2024, H1-2024, 9M-2024, Y-2024, 2024-03-01..2024-04-15. */
export function tokenOf(c: PeriodChoice): string {
  switch (c.kind) {
    case "quarter": return `Q${c.quarter}-${c.year}`;
    case "half": return `H1-${c.year}`;
    case "nine-months": return `9M-${c.year}`;
    case "year": return `Y-${c.year}`;
    case "adhoc": return `${c.start}..${c.end}`;
  }
}

export function PeriodPicker(props: { value: PeriodState; onChange: (p: PeriodState) => void; yearEditable?: boolean; error?: string; idPrefix: string }) {
  const t = useT();
  const c = useCommon();
  const p = props.value;
  const set = (patch: Partial<PeriodState>) => props.onChange({ ...p, ...patch });
  return (
    <>
      {props.yearEditable && (
        <Field label={t("year")}>
          <Input value={p.year} onChange={(_, d) => set({ year: d.value })} inputMode="numeric" data-testid={`${props.idPrefix}-year`} />
        </Field>
      )}
      <RadioGroup value={p.kind} onChange={(_, d) => set({ kind: d.value as PeriodChoice["kind"] })} aria-label={t("periodKind")}>
        <Radio value="quarter" label={t("kindQuarter")} />
        <Radio value="half" label={t("kindHalf")} />
        <Radio value="nine-months" label={t("kindNine")} />
        <Radio value="year" label={t("kindYear")} />
        <Radio value="adhoc" label={t("kindAdhoc")} />
      </RadioGroup>
      {p.kind === "quarter" && (
        <Field label={t("quarter")}>
          <Select value={String(p.quarter)} onChange={(_, d) => set({ quarter: Number(d.value) as 1 | 2 | 3 | 4 })} data-testid={`${props.idPrefix}-quarter`}>
            {(["I", "II", "III", "IV"] as const).map((r, i) => (
              <option key={r} value={String(i + 1)}>{`${r}/${p.year}`}</option>
            ))}
          </Select>
        </Field>
      )}
      {p.kind === "adhoc" && (
        <div className={c.row}>
          <DateField label={t("from")} value={p.start} onChange={(v) => set({ start: v })} className={c.grow} validationMessage={props.error} />
          <DateField label={t("to")} value={p.end} onChange={(v) => set({ end: v })} className={c.grow} />
        </div>
      )}
    </>
  );
}
