/**
 * The reading order of a page, and of paragraphs that run over a page break.
 *
 * A page's body lines and tables interleave top to bottom; the first table
 * before any text is marked `afterPageBreak`. A paragraph cut by the page break
 * is joined here, where the lines are still at hand (the last line of the page
 * runs to the margin, the next page opens flush left), so that it is one
 * paragraph even when the cut falls after a full stop.
 */
import type { DraftBlock } from "../draft.js";
import { classifyHeading } from "../structure.js";
import { lineBreak } from "./line-joining.js";
import type { BodyFrame } from "./body-frame.js";
import { continuesOnNextPage, paragraphBlocks, type PlacedParagraph } from "./paragraphs.js";
import type { PlacedTable } from "./placed-table.js";
import type { Line, Word } from "./text-lines.js";
import { appendAll } from "../../large-arrays.js";

export type FlowItem = PlacedParagraph | { block: DraftBlock; lines?: undefined };

export function pageFlow(lines: Line[], tables: PlacedTable[], frame: BodyFrame, page: number, keepSup: (w: Word) => boolean): FlowItem[] {
  const out: FlowItem[] = [];
  let rest = lines;
  tables.forEach((t, k) => {
    const above = rest.filter((l) => l.base < t.top);
    rest = rest.filter((l) => l.base >= t.top);
    appendAll(out, paragraphBlocks(above, frame, page, keepSup));
    const beside = rest.filter((l) => l.base <= t.bottom);
    rest = rest.filter((l) => l.base > t.bottom);
    if (k === 0 && out.length === 0) t.block.afterPageBreak = true;
    out.push({ block: t.block });
    appendAll(out, paragraphBlocks(beside, frame, page, keepSup));
  });
  appendAll(out, paragraphBlocks(rest, frame, page, keepSup));
  return out;
}

/**
 * The paragraph that ends one page and the one that opens the next as one, or
 * null when the second starts a paragraph of its own.
 */
export function joinAcrossPage(last: PlacedParagraph, next: FlowItem | undefined, frame: BodyFrame): PlacedParagraph | null {
  if (!next?.lines) return null;
  const a = last.lines[last.lines.length - 1];
  const b = next.lines[0];
  if (!continuesOnNextPage(a, b, next.block.text, frame)) return null;
  const text = last.block.text + lineBreak(a, b, last.block.text, next.block.text, frame.right) + next.block.text;
  const lines = [...last.lines, ...next.lines];
  if (last.block.type === "list-item") return { block: { ...last.block, text }, lines };
  const bold = last.block.bold ?? false;
  const type = classifyHeading(text, bold, false).heading ? "heading" : "paragraph";
  return { block: { type, text, page: last.block.page, bold }, lines };
}
