/**
 * Markdown and plain text → draft blocks.
 *
 * Accepts what converted commune documents look like:
 *   - Markdown (CommonMark + GFM): ATX headings, `**bold**`, lists with
 *     "-"/"+"/"*", inline HTML `<b>`, `<br>`, `<sup>1</sup>` footnote markers,
 *     `[^1]` footnotes;
 *   - GFM pipe tables and tab-separated tables, read line by line (segments.ts);
 *   - web-saved tables with one cell per line between "|" lines (text/cell-lines.ts);
 *   - HTML `<table>` with rowspan/colspan inside Markdown (pandoc's merged cells),
 *     read by the HTML parser;
 *   - form feeds (\f) as page breaks;
 *   - plain paragraphs whose headings are known only by their numbering (the
 *     structure stage recognises those for every format).
 *
 * Markdown is read by a linear line reader (text/block-lines.ts and
 * text/inline-markup.ts) that gives the same blocks as unified + remark-parse +
 * remark-gfm, which managed about 1 MB/s here (micromark); a segment holding
 * something that reader declines goes to remark. `parseTextWithRemark` reads
 * everything with remark; test/parse-text-fast.test.ts compares the two. The
 * one reading where they differ on purpose — a "---" or "===" line under a
 * paragraph — is explained in text/block-lines.ts.
 */
import type { DraftBlock, DraftDocument } from "./draft.js";
import { readBlockLines } from "./text/block-lines.js";
import { treeToDrafts } from "./text/block-tree.js";
import { cleanPage } from "./text/clean-and-tidy.js";
import { phraseInline } from "./text/inline-markup.js";
import { remarkBlocks } from "./text/remark-blocks.js";
import { splitSegments } from "./text/segments.js";
import { pipeTable, tabTables } from "./text/tables.js";
import { cellLinesTable } from "./text/cell-lines.js";
import { parseHtml } from "./html.js";
import { UnsupportedMarkdown } from "./text/unsupported.js";
import { appendAll } from "../large-arrays.js";

type MarkdownReader = (lines: string[], page: number) => DraftBlock[];

export function parseText(source: string): DraftDocument {
  return readPages(source, fastMarkdownBlocks);
}

/** The reference route: every Markdown segment through remark. */
export function parseTextWithRemark(source: string): DraftDocument {
  return readPages(source, (lines, page) => remarkBlocks(lines.join("\n"), page));
}

/**
 * The longest line a text document may have. A document's longest paragraph is a few
 * thousand characters, and a whole 1,000-page document fits in one line of this size;
 * a 50 MB file on one line is not a document's text, and parsing and extracting it
 * took 2.9 GB and a minute before it was refused.
 */
export const MAX_LINE_CHARACTERS = 4_000_000;

function readPages(source: string, markdown: MarkdownReader): DraftDocument {
  const longest = longestLine(source);
  if (longest > MAX_LINE_CHARACTERS)
    throw new Error(`a line of ${longest.toLocaleString("en")} characters, over the ${MAX_LINE_CHARACTERS.toLocaleString("en")} limit per line — not a document's text`);
  // Split before cleaning: cleanText drops control characters, form feeds among them.
  const pages = source.split("\f");
  const blocks: DraftBlock[] = [];
  pages.forEach((raw, i) => {
    for (const segment of splitSegments(cleanPage(raw))) {
      if (segment.kind === "tabs") appendAll(blocks, tabTables(segment.lines, i + 1));
      else if (segment.kind === "pipes") blocks.push(pipeTable(segment.lines, i + 1));
      else if (segment.kind === "cells") {
        const table = cellLinesTable(segment.lines, i + 1);
        if (table) blocks.push(table);
        else for (const b of markdown(segment.lines, i + 1)) blocks.push(b);
      } else if (segment.kind === "html-table") for (const b of parseHtml(segment.lines.join("\n")).blocks) blocks.push(onPage(b, i + 1));
      else for (const b of markdown(segment.lines, i + 1)) blocks.push(b);
    }
  });
  return { blocks, pages: pages.length, warnings: [] };
}

/** A block read by the HTML parser (which counts its own pages from 1) placed on this page. */
function onPage(b: DraftBlock, page: number): DraftBlock {
  return b.type === "table" ? { ...b, page, rows: b.rows.map((r) => ({ ...r, page })) } : { ...b, page };
}

/** Length of the longest line (\n, \r or \f ends one), without splitting the text. */
function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  const ends = /[\n\r\f]/g;
  for (let m = ends.exec(text); m; m = ends.exec(text)) {
    longest = Math.max(longest, m.index - start);
    start = m.index + 1;
  }
  return Math.max(longest, text.length - start);
}

function fastMarkdownBlocks(lines: string[], page: number): DraftBlock[] {
  try {
    const { blocks, footnotes } = readBlockLines(lines);
    const context = { footnotes };
    return treeToDrafts(blocks, page, (content: string) => phraseInline(content, context));
  } catch (e) {
    if (!(e instanceof UnsupportedMarkdown)) throw e;
    return remarkBlocks(lines.join("\n"), page);
  }
}
