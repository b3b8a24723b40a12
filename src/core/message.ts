/** A message for a person, in Vietnamese and English: what happened and what to do next. */
export interface Message {
  vi: string;
  en: string;
}
