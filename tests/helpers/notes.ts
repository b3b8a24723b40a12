/**
 * What every note for a person must be (the developers' rule: bad input gets a clear message in
 * Vietnamese and English): both sentences present, the English one really English — the
 * document's own words it quotes ("…") aside, no Vietnamese letter in it — and the Vietnamese one
 * really Vietnamese.
 */
import type { Message } from "../../src/core/message";

/** Outside quotes: what the sentence says, not the document text it cites. */
const unquoted = (s: string) => s.replace(/"[^"]*"|“[^”]*”/g, "");
/** A Vietnamese letter: a base letter with a diacritic (tone or vowel mark), or đ. */
const hasVietnameseLetter = (s: string) => /[\u0300-\u036f]/.test(s.normalize("NFD")) || /[đĐ]/.test(s);

/** The notes that break the rule, each with what is wrong (empty when all are good). */
export function badNotes(notes: readonly Message[]): Array<{ note: Message; problem: string }> {
  const bad: Array<{ note: Message; problem: string }> = [];
  for (const note of notes) {
    const problem =
      !note.vi?.trim() ? "no Vietnamese"
      : !note.en?.trim() ? "no English"
      : note.en === note.vi ? "English same as Vietnamese"
      : hasVietnameseLetter(unquoted(note.en)) ? "Vietnamese letters in the English sentence"
      : !hasVietnameseLetter(unquoted(note.vi)) ? "the Vietnamese sentence is not Vietnamese"
      : null;
    if (problem) bad.push({ note, problem });
  }
  return bad;
}
