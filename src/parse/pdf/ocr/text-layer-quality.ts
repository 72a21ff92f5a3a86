/**
 * Whether a page's text layer is usable, or is garbage that counts as none.
 *
 * Phone scanner apps put their own OCR under the image, often without the
 * Vietnamese diacritics ("S9: 3588/QD-BGDDT", "ngay 26 thang 12 nom 2025").
 * Such a layer reads as text but matches nothing. Vietnamese prose carries a
 * mark (tone or vowel diacritic, đ) on most of its syllables, each of them a
 * possible syllable; a layer read by an engine without Vietnamese has few marks,
 * and those it has are the wrong ones ("trién", "s6", "dén"). The share of words
 * that are marked Vietnamese syllables tells the two apart: 0.75 and up on every
 * page of the fixtures and the real documents, under 0.1 on a page read by
 * Tesseract's English model.
 */
import type { Glyph } from "../marks.js";
import { isSyllable } from "../../../normalise/syllable.js";
import { buildLines, type Line } from "../text-lines.js";

/** Too few words to judge: a page of numbers, a signature page. */
const MIN_WORDS = 20;
const MIN_MARKED_SYLLABLES = 0.35;

/** Words judged, and the shares of them that carry a mark, are syllables, are both. */
export type TextLayerQuality = { words: number; marked: number; syllables: number; markedSyllables: number };

/** `lines`: the page's text lines when the caller has them already (src/parse/pdf.ts), else made here. */
export function textLayerQuality(glyphs: Glyph[], lines: Line[] = buildLines(glyphs)): TextLayerQuality {
  let words = 0;
  let marked = 0;
  let syllables = 0;
  let both = 0;
  for (const line of lines)
    for (const w of line.words)
      for (const token of w.text.match(/\p{L}+/gu) ?? []) {
        // Abbreviations and codes (UBND, KH, HĐND) are not prose.
        // (Vietnamese has no casing rules of its own: toUpperCase is toLocaleUpperCase("vi"), without the locale look-up.)
        if (token.length > 1 && token === token.toUpperCase()) continue;
        words++;
        const mark = /[^a-zA-Z]/.test(token);
        const syllable = isSyllable(token);
        if (mark) marked++;
        if (syllable) syllables++;
        if (mark && syllable) both++;
      }
  const share = (n: number) => (words ? n / words : 0);
  return { words, marked: share(marked), syllables: share(syllables), markedSyllables: share(both) };
}

export function isGarbled(q: TextLayerQuality): boolean {
  return q.words >= MIN_WORDS && q.markedSyllables < MIN_MARKED_SYLLABLES;
}
