/** A per-document word index: where numbers and the words extractors start their patterns with occur. */
import type { ExtractContext } from "../context.js";
import { anyOf, escapeRegExp } from "../registries/phrase-pattern.js";

/** Starts of the indexed words in a document, in order, for extractors that only look where a word they need occurs. */
export type WordIndex = {
  /** Word starts, ascending, and which word (id from indexWords) starts there. */
  pos: Int32Array;
  word: Uint8Array;
  /** Index of the first start at or after `offset`. */
  from(offset: number): number;
};
/** The start of a run of digits. */
export const DIGITS = "#";

/** Every word some extractor looks for; one index per document serves them all. */
const INDEX_WORDS: string[] = [DIGITS];
/**
 * Adds words (lower case; a space matches any white space; DIGITS for a number) to the
 * document word index and returns their ids. Extractor modules call it once when loaded.
 */
export function indexWords(words: readonly string[]): number[] {
  return words.map((w) => {
    let id = INDEX_WORDS.indexOf(w);
    if (id < 0) {
      id = INDEX_WORDS.push(w) - 1;
      if (id > 255) throw new Error("word index: more than 256 words");
    }
    return id;
  });
}

const indexCache = new WeakMap<ExtractContext, { size: number; index: WordIndex }>();
/** Letters and digits by code (any non-ASCII character above Latin-1 punctuation counts as a letter: Vietnamese letters). */
const wordChar = (c: number) => (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 0xc0;

/**
 * Where the indexed words start in a document (not inside a longer word; a symbol such
 * as "%" may stand anywhere): two regex passes per document, digits and one
 * alternation of all words, so that stretches without any of them cost one lookup.
 */
export function wordIndex(ctx: ExtractContext): WordIndex {
  const cached = indexCache.get(ctx);
  if (cached && cached.size === INDEX_WORDS.length) return cached.index;
  const index = indexText(ctx.folded);
  indexCache.set(ctx, { size: INDEX_WORDS.length, index });
  return index;
}

/** The word index of a folded text that is not a whole document (a time cell read on its own). */
export function indexText(text: string): WordIndex {
  const codes: number[] = [];
  const ids = new Map(INDEX_WORDS.map((w, id) => [w, id]));
  const digits = /\d+/g;
  for (let m; (m = digits.exec(text)); ) codes.push(m.index * 256);
  const plain = INDEX_WORDS.slice(1);
  if (plain.length) {
    const re = new RegExp(
      anyOf(plain, (w) => escapeRegExp(w).replace(/ /g, "\\s+")),
      "giu",
    );
    for (let m; (m = re.exec(text)); )
      if (m.index === 0 || !wordChar(m[0].charCodeAt(0)) || !wordChar(text.charCodeAt(m.index - 1)))
        codes.push(m.index * 256 + ids.get(m[0].toLowerCase().replace(/\s+/gu, " "))!);
  }
  const sorted = Float64Array.from(codes).sort();
  const pos = new Int32Array(sorted.length);
  const wordAt = new Uint8Array(sorted.length);
  for (let k = 0; k < sorted.length; k++) {
    pos[k] = Math.floor(sorted[k] / 256);
    wordAt[k] = sorted[k] % 256;
  }
  const index: WordIndex = {
    pos,
    word: wordAt,
    from(offset) {
      let lo = 0;
      let hi = pos.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (pos[mid] < offset) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
  return index;
}
