/**
 * What every extractor reads: the document model, its match text (same length as
 * the display text, so spans are shared), the metadata found first (document date
 * supplies missing years; the own code is never a reference), and a page lookup.
 */
import type { DocumentModel, Span } from "../../schemas/document.js";
import type { DocumentMeta } from "../../schemas/extraction.js";
import { foldForMatch } from "../normalise/fold.js";

export type ExtractContext = {
  doc: DocumentModel;
  /** foldForMatch(doc.text): unified tone placement, dashes and quotes. */
  folded: string;
  meta: DocumentMeta;
  /** Year for dates printed without one: the document's year, else null. */
  year: number | null;
  pageAt: (offset: number) => number;
};

/** The last text folded and its fold: metadata and the context of one document share it. */
let lastFold: { text: string; folded: string } | null = null;

/**
 * foldForMatch(doc.text), folded once per document: metadata reads its windows from it
 * (foldSpan) and the context keeps it, instead of each folding the text again.
 */
export function foldedText(doc: DocumentModel): string {
  if (lastFold?.text !== doc.text) lastFold = { text: doc.text, folded: foldForMatch(doc.text) };
  return lastFold.folded;
}

export function makeContext(doc: DocumentModel, meta: DocumentMeta): ExtractContext {
  const pages = doc.pages;
  // Binary search: every extracted item asks for its page.
  const pageAt = (offset: number) => {
    let lo = 0;
    let hi = pages.length - 1;
    let page = 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pages[mid].span.start <= offset) {
        page = pages[mid].number;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return page;
  };
  const year = meta.date ? Number(meta.date.slice(0, 4)) : null;
  return { doc, folded: foldedText(doc), meta, year, pageAt };
}

export const within = (inner: Span, outer: Span) => inner.start >= outer.start && inner.end <= outer.end;
