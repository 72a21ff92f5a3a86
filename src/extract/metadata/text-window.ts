/** Folded windows of the text and the lines in a stretch, with spans into the display text. */
import type { DocumentModel } from "../../../schemas/document.js";
import { foldedText } from "../context.js";

/** How far into the body the opening subject and a short issuer's full name are looked for. */
export const BODY_WINDOW = 4000;
export const HEADER_WINDOW = 3000;
export const ANNEX_WINDOW = 400;

/**
 * A stretch of the text with tone placement, dashes and quotes unified (foldForMatch),
 * widened to blanks so it reads as a window of the whole folded text (no fold rule crosses
 * a blank, so folding the window alone gives the same); `base` is its offset.
 */
export type Folded = { text: string; base: number };

export function foldSpan(doc: DocumentModel, start: number, end: number): Folded {
  const text = doc.text;
  const from = blankBefore(text, start);
  return { text: foldedText(doc).slice(from, blankAfter(text, end)), base: from };
}

export const blankBefore = (text: string, i: number) => {
  let k = Math.min(i, text.length);
  while (k > 0 && !/\s/u.test(text[k - 1])) k--;
  return k;
};
export const blankAfter = (text: string, i: number) => {
  let k = Math.min(i, text.length);
  while (k < text.length && !/\s/u.test(text[k])) k++;
  return k;
};

export function pageLookup(doc: DocumentModel): (offset: number) => number {
  return (offset) => {
    let page = 1;
    for (const p of doc.pages) if (p.span.start <= offset) page = p.number;
    return page;
  };
}
