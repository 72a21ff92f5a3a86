/**
 * Vietnamese syllable shapes, to tell a word that a PDF cut in two ("ĐIỀ U",
 * "Phò⏎ng" in a narrow table column) from two real words ("cán bộ").
 *
 * Vietnamese writes one syllable per word, so a fragment is suspect when it is
 * not a possible syllable on its own ("ĐIỀ": "iê" needs a final consonant) or
 * holds no vowel at all ("ng", "m"), and the two pieces together are one.
 * The grammar itself lives in src/normalise/syllable.ts.
 */

import { hasVowelLetter, isSyllable } from "../../normalise/syllable.js";

/** Leading letters of a token ("ng," → "ng") and trailing letters ("35/K" → "K"). */
const leadingLetters = (s: string) => s.match(/^\p{L}+/u)?.[0] ?? "";
const trailingLetters = (s: string) => s.match(/\p{L}+$/u)?.[0] ?? "";

/**
 * Whether `left` + `right` is one syllable that was cut: together they make a
 * syllable, and one piece could not stand alone (no vowel, or not a syllable).
 */
export function isCutSyllable(left: string, right: string): boolean {
  const a = trailingLetters(left);
  const b = leadingLetters(right);
  if (!a || !b || a !== left.slice(left.length - a.length)) return false;
  // Case must run on: "Phò"+"ng", "ĐIỀ"+"U"; not "xã"+"Ủy".
  const upperA = a === a.toLocaleUpperCase("vi");
  const upperB = b === b.toLocaleUpperCase("vi");
  if (upperB && !upperA) return false;
  if (!isSyllable(a + b)) return false;
  return !isSyllable(a) || !isSyllable(b) || !hasVowelLetter(b);
}

/** Both sides are ordinary words: a break between them is a normal word wrap. */
export function areWholeSyllables(left: string, right: string): boolean {
  const a = trailingLetters(left);
  const b = leadingLetters(right);
  return Boolean(a && b) && isSyllable(a) && isSyllable(b) && !isSyllable(a + b);
}
