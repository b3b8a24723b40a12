/** How the pane names things for people: activity numbers and names, never the internal ids. */
import type { ActivityLite } from "../../app/viewTypes";

/** "I 3.6 · Tổ chức kiểm tra công tác cải cách…" (the group, the document's number, the name, shortened). */
export function activityName(a: Pick<ActivityLite, "group" | "no" | "activity">, max = 60): string {
  const no = `${a.group}${a.no ? ` ${a.no}` : ""}`.trim();
  const text = a.activity.length > max ? `${a.activity.slice(0, max - 1).trimEnd()}…` : a.activity;
  return text ? `${no} · ${text}` : no;
}


/**
 * The checks' suggestions come as one text, "Vietnamese / English" (the Kiểm tra sheet shows both);
 * the pane shows the half of the chosen language. A text without the separator is Vietnamese only.
 */
export function splitSuggestion(text: string): { vi: string; en: string } {
  const i = text.lastIndexOf(" / ");
  if (i < 0) return { vi: text, en: text };
  return { vi: text.slice(0, i).trim(), en: text.slice(i + 3).trim() };
}
