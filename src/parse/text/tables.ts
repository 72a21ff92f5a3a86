/**
 * Tables read line by line (see segments.ts) → draft tables. Cells keep `<br>`
 * breaks and `<b>`/`**` bold.
 */
import { tidy } from "./clean-and-tidy.js";
import { removeTags } from "./html-syntax.js";
import type { DraftBlock, DraftCell, DraftRow } from "../draft.js";
import { maxOf } from "../../large-arrays.js";

export function tabTables(lines: string[], page: number): DraftBlock[] {
  const rows = lines.map((line) => (line === "" ? null : line.split("\t")));
  // A blank line (page break) counts as one empty cell.
  const width = maxOf(rows, (cells) => cells?.length ?? 1, 1);
  const tables: DraftBlock[] = [];
  let part: DraftRow[] = [];
  const close = () => {
    if (part.length) tables.push({ type: "table", page, afterPageBreak: tables.length > 0, rows: part });
    part = [];
  };
  for (const raw of rows) {
    if (!raw) {
      close();
      continue;
    }
    const cells = raw.map(markdownCell);
    while (cells.length < width) cells.push({ text: "" });
    part.push({ cells, page });
  }
  close();
  return tables;
}

/** Splits a pipe row on unescaped "|" (an escaped "\\|" is a literal bar). */
function pipeCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, "").replace(/(?<!\\)\|\s*$/, "");
  return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, "|"));
}

export function pipeTable(lines: string[], page: number): DraftBlock {
  const rows = lines.map((line, r): DraftRow => ({ page, header: r === 0, cells: pipeCells(line).map(markdownCell) }));
  let width = 0;
  for (const r of rows) width = Math.max(width, r.cells.length);
  for (const r of rows) while (r.cells.length < width) r.cells.push({ text: "" });
  return { type: "table", page, rows };
}

// Every rewrite below needs one of these characters; a cell without them is plain text.
const CELL_MARKUP = /[<*_\\]/;
const CELL_FORMATTING_TAG = /^<\/?(b|strong|i|em|u|sup|sub|span)(\s[^>]*)?>$/i;

/** One cell's Markdown/inline HTML → its text (line breaks kept) and whether it is bold as a whole. */
export function markdownCell(raw: string): DraftCell {
  if (!CELL_MARKUP.test(raw)) return { text: tidy(raw), bold: false };
  const bold = /^\s*(<b>|\*\*)/i.test(raw) && /(<\/b>|\*\*)\s*$/i.test(raw);
  const withoutTags = removeTags(raw.replace(/<br\s*\/?>/gi, "\n").replace(/<sup>\s*\d+\s*<\/sup>/gi, ""), CELL_FORMATTING_TAG);
  const text = tidy(
    withoutTags
      .replace(/\*\*|__/g, "")
      .replace(/(^|\s)\*(\S(?:[^*]*\S)?)\*(?=\s|[.,;:]|$)/g, "$1$2")
      .replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, "$1"),
  );
  return { text, bold };
}
