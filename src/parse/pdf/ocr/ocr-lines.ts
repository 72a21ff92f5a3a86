/**
 * OCR lines → their spans in the laid-out document text. Layout joins lines into
 * paragraphs and cells with a space, so a line's text is found as written,
 * searching forward from the line before (reading order) and, when layout put
 * it elsewhere (a table, the right half of a letterhead), from the start. A line
 * that layout rewrote (a word hyphenated over the break) keeps a null span.
 */
import type { OcrInfo } from "../../../../schemas/document.js";
import type { OcrDraft } from "../ocr.js";

export function placeOcrLines(text: string, draft: OcrDraft): OcrInfo {
  let cursor = 0;
  const lines = draft.lines.map((l) => {
    let at = text.indexOf(l.text, cursor);
    if (at < 0) at = text.indexOf(l.text);
    if (at >= 0) cursor = at + l.text.length;
    return { ...l, span: at >= 0 ? { start: at, end: at + l.text.length } : null };
  });
  return { ...draft, lines };
}
