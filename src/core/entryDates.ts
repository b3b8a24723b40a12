/**
 * The dates of a progress entry, checked before the entry is written (pane, file page, command):
 *  - an update cannot be dated after today (nobody reports on a day that has not come);
 *  - work cannot be completed after the update that reports it;
 *  - a date outside the plan's year is allowed (Q1's data window starts on 15 December of the
 *    year before, a late report may come in January) but is flagged as a likely typo.
 * Plain TypeScript: no Office, DOM or Node imports.
 */
import { formatViDate, isIso, parseUserDate } from "./dates";

export interface EntryDatesInput {
  /** ISO date of the update, or what was typed when it is not a date. */
  date: string;
  completedOn: string | null;
}

export interface EntryDateProblem {
  field: "date" | "completedOn";
  /** "error": the entry is refused; "warning": it is written, the person is told. */
  severity: "error" | "warning";
  vi: string;
  en: string;
}

/**
 * A date typed in a form as day/month/year ("15/03/2024", "5/3/24", "15-03-2024", "15.03.2024")
 * or ISO → ISO; null otherwise. Unlike parseUserDate it never reads bare digits as an Excel
 * serial: "2024" typed in a date field is a mistake, not 1905.
 */
export function parseDateField(text: string): string | null {
  const s = String(text ?? "").trim();
  if (!/[/.-]/.test(s)) return null;
  return parseUserDate(s);
}

export const DATE_FIELD_HINT = { vi: "ngày/tháng/năm, ví dụ 15/03/2024", en: "day/month/year, e.g. 15/03/2024" };

export function checkEntryDates(entry: EntryDatesInput, ctx: { today: string; planYear: number }): EntryDateProblem[] {
  const out: EntryDateProblem[] = [];
  const { date, completedOn } = entry;
  if (!isIso(date)) {
    out.push({ field: "date", severity: "error", vi: `Ngày cập nhật không hợp lệ: hãy nhập ${DATE_FIELD_HINT.vi}.`, en: `The update date is not a date: type ${DATE_FIELD_HINT.en}.` });
  } else if (date > ctx.today) {
    out.push({
      field: "date", severity: "error",
      vi: `Ngày cập nhật ${formatViDate(date)} sau hôm nay (${formatViDate(ctx.today)}): không ghi tiến độ cho ngày chưa tới. Hãy nhập ngày đã báo cáo.`,
      en: `The update date ${formatViDate(date)} is after today (${formatViDate(ctx.today)}): progress cannot be logged for a day still to come. Type the day it was reported.`,
    });
  }
  if (completedOn !== null && completedOn !== "") {
    if (!isIso(completedOn)) {
      out.push({ field: "completedOn", severity: "error", vi: `Ngày hoàn thành không hợp lệ: hãy nhập ${DATE_FIELD_HINT.vi}, hoặc để trống nếu hoàn thành đúng ngày cập nhật.`, en: `The completion date is not a date: type ${DATE_FIELD_HINT.en}, or leave it empty when the work was completed on the update's date.` });
    } else if (isIso(date) && completedOn > date) {
      out.push({
        field: "completedOn", severity: "error",
        vi: `Ngày hoàn thành ${formatViDate(completedOn)} sau ngày cập nhật ${formatViDate(date)}: việc phải xong trước khi báo cáo là đã xong. Hãy sửa một trong hai ngày.`,
        en: `The completion date ${formatViDate(completedOn)} is after the update date ${formatViDate(date)}: work is reported done only once it is done. Correct one of the two dates.`,
      });
    }
  }
  for (const [field, d] of [["date", date], ["completedOn", completedOn]] as const) {
    if (d && isIso(d) && !out.some((p) => p.field === field) && Number(d.slice(0, 4)) !== ctx.planYear) {
      out.push({
        field, severity: "warning",
        vi: `Ngày ${formatViDate(d)} không thuộc năm kế hoạch ${ctx.planYear}: vẫn ghi, nhưng hãy xem lại năm đã nhập.`,
        en: `The date ${formatViDate(d)} is outside the plan year ${ctx.planYear}: it is written, but check the year you typed.`,
      });
    }
  }
  return out;
}
