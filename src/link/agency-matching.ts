/**
 * What a person types for an agency ↔ the agencies the store holds.
 *
 * "Phòng Văn hóa Xã hội", "Phòng VH-XH", "van hoa xa hoi" and "phòng văn hoá - xã hội"
 * all name one office: the typed text and every stored name are reduced to their
 * words — abbreviations expanded (in any case: people type "vh-xh"), tone placement
 * unified, diacritics, case, dashes and spacing dropped — and a name matches when the
 * typed words occur in it as a run of whole words ("van phong dang uy" finds every
 * commune's office; "van hoa" does not find "văn hóa thông tin" inside another word).
 * When nothing matches, the nearest names by wording (text-similarity.ts) are offered.
 */
import { normaliseAgencyName } from "./agency-resolution.js";
import { comparable, similarity } from "./text-similarity.js";
import { normText } from "./task-identity.js";

/** The words an agency name is matched on: "Phòng VH-XH" → "phong van hoa xa hoi". */
export function agencyWords(written: string, typed = false): string {
  return normText(normaliseAgencyName(written, typed));
}

/** Whether the typed agency names `stored` (a stored name, alias or name key). */
export function agencyMatches(typedWords: string, stored: string): boolean {
  return wordsMatch(typedWords, agencyWords(stored));
}

/** `agencyMatches` on the stored name's words already made (the store keeps them for repeated queries). */
export function wordsMatch(typedWords: string, storedWords: string): boolean {
  return typedWords !== "" && ` ${storedWords} `.includes(` ${typedWords} `);
}

/** Below this a stored name shares no more with the typed one than the common words of every body ("ủy ban", "xã"). */
export const MIN_SUGGESTION_SCORE = 0.4;

/** The `n` stored names nearest the typed one, best first (ties: by name), none under MIN_SUGGESTION_SCORE. */
export function nearestAgencies<T extends { name: string }>(typed: string, stored: readonly T[], n = 3): T[] {
  const wanted = comparable(agencyWords(typed, true));
  return stored
    .map((a) => ({ a, score: similarity(wanted, comparable(agencyWords(a.name))) }))
    .filter((x) => x.score >= MIN_SUGGESTION_SCORE)
    .sort((x, y) => y.score - x.score || (x.a.name < y.a.name ? -1 : x.a.name > y.a.name ? 1 : 0))
    .slice(0, n)
    .map((x) => x.a);
}
