/**
 * PDF → draft blocks, from the positions of the glyphs pdf.js reads.
 *
 *   1. every page's glyphs and ruling segments (one operator-list pass per page);
 *   2. ruled grids take the glyphs inside them; the rest make text lines;
 *   3. running headers, footers and page numbers are dropped;
 *   4. the foot of each page under the separator rule becomes footnotes, and
 *      their labels are removed where they stand as superscripts in the text;
 *   5. borderless tables are found among the remaining lines by column alignment;
 *   6. the rest becomes paragraphs and list items, in page order with the tables.
 *
 * A table that opens its page is marked `afterPageBreak`, so the shared joiner
 * can stitch it to the piece on the page before; gaps in a table's ordinals
 * (a row missed or merged) are reported as warnings.
 */
import { message, type DraftBlock, type DraftDocument } from "./draft.js";
import { frameFor, measureFrames } from "./pdf/body-frame.js";
import { findBorderlessTables } from "./pdf/borderless-tables.js";
import { footnotesOf, splitFootnotes } from "./pdf/footnotes.js";
import { isVisibleText, ocrWhereNeeded, type OcrOptions } from "./pdf/ocr.js";
import type { PageMarks } from "./pdf/marks.js";
import { readDocumentMarks } from "./pdf/open-document.js";
import { checkOrdinals } from "./pdf/ordinal-check.js";
import { joinAcrossPage, pageFlow } from "./pdf/page-flow.js";
import { dropPageFurniture } from "./pdf/page-furniture.js";
import type { PlacedParagraph } from "./pdf/paragraphs.js";
import { assignToGrids, gridTables } from "./pdf/ruled-tables.js";
import { findGrids } from "./pdf/table-grid.js";
import { markPdfHeaderRows } from "./pdf/table-headers.js";
import { buildLines, type Word } from "./pdf/text-lines.js";
import { appendAll } from "../large-arrays.js";

const SOURCE = "parse-pdf";

/** A page's ruled grids, the glyphs in their cells, and the text lines of the others. */
function layOut(p: PageMarks) {
  const grids = findGrids(p.rules);
  const { inCells, rest } = assignToGrids(grids, p.glyphs);
  return { grids, inCells, lines: buildLines(rest) };
}

export async function parsePdf(bytes: Uint8Array, options: { ocr?: OcrOptions } = {}): Promise<DraftDocument> {
  // Each page's ruled grids and text lines, laid out once: a page without ruled cells has
  // its lines made of all its glyphs, the lines the text-layer check reads as well.
  const layouts = new Map<PageMarks, ReturnType<typeof layOut>>();
  const layoutOf = (p: PageMarks) => layouts.get(p) ?? layouts.set(p, layOut(p)).get(p)!;
  const linesOf = (p: PageMarks) => (layoutOf(p).inCells.size ? buildLines(p.glyphs) : layoutOf(p).lines);
  // Pages without a usable text layer are read by OCR (src/parse/pdf/ocr.ts).
  const { marks, ocr, warnings, unavailable } = await ocrWhereNeeded(bytes, await readDocumentMarks(bytes), options.ocr, linesOf);
  if (!marks.some((p) => p.glyphs.some(isVisibleText)))
    throw new Error(`no text layer — needs OCR (scanned PDF)${unavailable ? `: ${unavailable}` : ""}`);

  const pages = marks.map((p) => {
    if (p.skippedRotated) warnings.push(message(SOURCE, `${p.skippedRotated} rotated glyphs left out`, p.number));
    return { ...p, ...layoutOf(p) };
  });
  dropPageFurniture(pages);
  const frames = measureFrames(pages);

  const split = pages.map((p) => splitFootnotes(p.lines, p.rules, frameFor(frames, p.width), p.height));
  const notes = pages.map((p, i) => footnotesOf(split[i].notes, frameFor(frames, p.width)));
  const labels = new Set(notes.flat().flatMap((n) => (n.label ? [n.label] : [])));
  const keepSup = (w: Word) => !labels.has(w.text.trim());

  const blocks: DraftBlock[] = [];
  let lastFootnote: Extract<DraftBlock, { type: "footnote" }> | null = null;
  // The paragraph that ended the previous page, and where it sits in `blocks`.
  let open: { paragraph: PlacedParagraph; at: number } | null = null;
  pages.forEach((p, i) => {
    const frame = frameFor(frames, p.width);
    const ruled = gridTables(p.grids, p.inCells, p.number, keepSup);
    const borderless = findBorderlessTables(split[i].body, frame, p.number, keepSup);
    const tables = [...ruled, ...borderless.tables].sort((a, b) => a.top - b.top);
    const flow = pageFlow(borderless.rest, tables, frame, p.number, keepSup);
    const joined = open && joinAcrossPage(open.paragraph, flow[0], frame);
    if (open && joined) {
      blocks[open.at] = joined.block;
      open = { paragraph: joined, at: open.at };
      flow.shift();
    }
    if (flow.length) {
      appendAll(blocks, flow.map((f) => f.block));
      const last = flow[flow.length - 1];
      open = last.lines ? { paragraph: last, at: blocks.length - 1 } : null;
    }
    for (const note of notes[i]) {
      if (note.label === null && lastFootnote) lastFootnote.text += `\n${note.text}`;
      else blocks.push((lastFootnote = { type: "footnote", label: note.label ?? "", text: note.text, page: p.number }));
    }
  });
  markPdfHeaderRows(blocks.filter((b): b is Extract<DraftBlock, { type: "table" }> => b.type === "table"));
  appendAll(warnings, checkOrdinals(blocks));
  return { blocks, pages: marks.length, warnings, ...(ocr ? { ocr } : {}) };
}
