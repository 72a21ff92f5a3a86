/**
 * OCR lines → their spans in the laid-out document text (and table cells → their
 * boxes and confidence, ocr-cells.ts).
 *
 * Layout joins lines into paragraphs and cells with a space, so a line's text
 * is found as written, on its own page's stretch of the text: searching forward
 * from the line before (reading order) and, when layout put it elsewhere (a
 * table read row by row that Tesseract read column by column, the right half
 * of a letterhead), from the page's start. A line that layout rewrote (a word
 * hyphenated over the break, a line Tesseract ran across two cells) keeps a
 * null span.
 */
import type { DocumentModel, OcrInfo, OcrLine } from "../../../../schemas/document.js";
import type { OcrDraft } from "../ocr.js";
import { boxCells } from "./ocr-cells.js";

/** The document's OCR record with its lines placed; the model's table cells get their boxes on the way. */
export function placeOcr(model: DocumentModel, draft: OcrDraft): OcrInfo {
  const pageSpan = new Map(model.pages.map((p) => [p.number, p.span]));
  let cursor = 0;
  const lines = draft.lines.map((l): OcrLine => {
    const page = pageSpan.get(l.page) ?? { start: 0, end: model.text.length };
    let at = findWithin(model.text, l.text, Math.max(cursor, page.start), page.end);
    if (at < 0) at = findWithin(model.text, l.text, page.start, page.end);
    if (at >= 0) cursor = at + l.text.length;
    return { ...l, span: at >= 0 ? { start: at, end: at + l.text.length } : null };
  });
  boxCells(model, draft.cells);
  const { cells: _cells, ...rest } = draft;
  return { ...rest, lines };
}

function findWithin(text: string, needle: string, from: number, to: number): number {
  const at = text.indexOf(needle, from);
  return at >= 0 && at + needle.length <= to ? at : -1;
}
