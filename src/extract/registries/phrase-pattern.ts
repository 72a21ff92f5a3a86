/**
 * Registry phrases → regex sources, written once for every extractor.
 *
 * Extractors match on `ctx.folded` (`foldForMatch`: one tone placement, one dash, one
 * kind of space, same length as the text), so a phrase only needs the same folding —
 * no tone-variant alternation ("hoà|hòa") is ever built. A space in a phrase matches
 * any run of blanks (line breaks in PDF text included).
 */
import { foldForMatch } from "../../normalise/fold.js";

/** A literal as a regex source. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One phrase as a regex source: folded like the text, any run of blanks for a space. */
export const phrase = (p: string): string => escapeRegExp(foldForMatch(p)).replace(/ +/g, "\\s+");

/** One phrase, lower-cased, for patterns compiled without the `i` flag. */
export const lowerPhrase = (p: string): string => phrase(p.toLowerCase());

/**
 * Alternation of phrases, longest first so that "không dưới" is tried before "dưới";
 * duplicates dropped. Wrap it in `(?:…)` where it sits beside other pattern parts.
 */
export const anyOf = (list: readonly string[], as: (p: string) => string = phrase): string =>
  [...new Set(list.map(as))].sort((a, b) => b.length - a.length).join("|");

/** Not inside a word: JS `\b` does not see Vietnamese letters. */
export const WB = String.raw`(?<![\p{L}\p{N}])`;
export const WE = String.raw`(?![\p{L}\p{N}])`;
/** Letter-only edges (a digit may touch the phrase: "Quý4", "2025năm"). */
export const LETTER_BEFORE_NOT = String.raw`(?<![\p{L}\p{M}])`;
export const LETTER_AFTER_NOT = String.raw`(?![\p{L}\p{M}])`;

/** A whole-word regex for any of the phrases (`flags` default "giu"). */
export const compilePhrases = (list: readonly string[], flags = "giu"): RegExp =>
  new RegExp(`${WB}(?:${anyOf(list)})${WE}`, flags);
