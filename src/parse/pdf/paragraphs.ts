/**
 * Body lines → paragraph and list-item drafts.
 *
 * A new paragraph starts at a larger vertical gap than the line pitch, at a
 * first-line indent (or an outdent after wrapped lines), at a change of weight
 * or size, and at a list marker or numbering after a short line. A short line
 * followed by more of the same paragraph is a manual line break, kept as "\n".
 * Headings are not decided here: the shared stages read them from bold, case
 * and numbering, for every format alike.
 */
import type { DraftBlock } from "../draft.js";
import { classifyHeading } from "../structure.js";
import type { BodyFrame } from "./body-frame.js";
import { joinLines } from "./line-joining.js";
import { type Line, type Word, wordsText } from "./text-lines.js";

/** Typed bullets; "- + Việc …" is a second-level item. */
const BULLETS = /^([-+*•])\s+(?:([-+*•])\s+)?/u;
const STARTS_ITEM = /^(?:[-+*•–]\s|\(?\d{1,2}(?:\.\d{1,2})*[.)]\s|[a-zđ]\)\s|[IVXLC]+\.\s)/u;

/** A paragraph-like draft with the printed lines it was made from. */
export type PlacedParagraph = { block: Extract<DraftBlock, { type: "paragraph" | "heading" | "list-item" }>; lines: Line[] };

export function paragraphBlocks(lines: Line[], frame: BodyFrame, page: number, keepSup: (w: Word) => boolean): PlacedParagraph[] {
  const groups: Line[][] = [];
  for (const line of lines) {
    const current = groups[groups.length - 1];
    if (!current || startsParagraph(current, line, frame, keepSup)) groups.push([line]);
    else current.push(line);
  }
  return groups.flatMap((g) => {
    const block = toBlock(g, frame, page, keepSup);
    return block ? [{ block, lines: g }] : [];
  });
}

/**
 * Whether the paragraph ending a page goes on at the top of the next: its last
 * line runs to the right margin and the next page opens flush left (no
 * first-line indent), in the same type, without a list marker.
 */
export function continuesOnNextPage(last: Line, next: Line, nextText: string, frame: BodyFrame): boolean {
  const size = Math.max(last.size, next.size);
  return (
    last.x1 >= frame.right - 0.5 * size &&
    Math.abs(next.x0 - frame.left) < 0.5 * size &&
    last.bold === next.bold &&
    Math.abs(last.size - next.size) <= 1 &&
    !STARTS_ITEM.test(nextText)
  );
}

function startsParagraph(paragraph: Line[], b: Line, frame: BodyFrame, keepSup: (w: Word) => boolean): boolean {
  const a = paragraph[paragraph.length - 1];
  const size = Math.max(a.size, b.size);
  if (b.base - a.base > 1.25 * Math.max(frame.pitch, a.size)) return true;
  if (b.base <= a.base) return true; // text beside text: another column of a layout
  if (Math.abs(a.size - b.size) > 1) return true;
  if (a.bold !== b.bold) return true;
  const first = b.words.find((w) => !w.sup);
  const full = !first || a.x1 + 0.25 * a.size + (first.x1 - first.x0) >= frame.right - 0.5;
  const opening = paragraph.length === 1;
  if (b.x0 > a.x0 + 0.5 * size) return !(opening && full); // indented: a new paragraph, unless a hanging indent
  if (b.x0 < a.x0 - 0.5 * size && !opening) return true;
  if (!full && STARTS_ITEM.test(wordsText(b.words, keepSup))) return true;
  return false;
}

function toBlock(lines: Line[], frame: BodyFrame, page: number, keepSup: (w: Word) => boolean): PlacedParagraph["block"] | null {
  const text = joinLines(lines, { right: frame.right, keepSup }).trim();
  if (!text) return null;
  const bold = lines.every((l) => l.bold);
  const bullet = text.match(BULLETS);
  if (bullet) {
    const marker = bullet[2] ?? bullet[1];
    return { type: "list-item", text: text.slice(bullet[0].length), page, marker, depth: bullet[2] ? 1 : 0 };
  }
  // What reads as a heading is handed on as one, so that the shared join of
  // page-split paragraphs cannot glue "a) Tình hình …" onto it: this parser knows
  // where its pages break and joins those paragraphs itself.
  if (classifyHeading(text, bold, false).heading) return { type: "heading", text, page, bold };
  return { type: "paragraph", text, page, bold };
}
