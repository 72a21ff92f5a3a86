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

/**
 * A word that is no syllable but reads as several ("Pháttriển", "Kếhoạch"):
 * the syllables, fewest pieces first; null when it is not such a word. OCR and
 * tight PDF layouts drop the space between syllables; Vietnamese writes each
 * syllable apart, so the pieces are the words.
 */
export function splitGluedSyllables(word: string): string[] | null {
  if (word.length < 4 || !/^\p{L}+$/u.test(word) || isSyllable(word)) return null;
  // best[i]: fewest syllables covering word.slice(0, i), and where the last one starts.
  const best: { n: number; from: number }[] = [{ n: 0, from: -1 }];
  for (let i = 1; i <= word.length; i++) {
    best[i] = { n: Infinity, from: -1 };
    for (let j = Math.max(0, i - 7); j < i; j++)
      if (best[j].n + 1 < best[i].n && isSyllable(word.slice(j, i))) best[i] = { n: best[j].n + 1, from: j };
  }
  if (best[word.length].n === Infinity) return null;
  const out: string[] = [];
  for (let i = word.length; i > 0; i = best[i].from) out.unshift(word.slice(best[i].from, i));
  return out;
}
