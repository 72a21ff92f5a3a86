/**
 * One page of text → runs of Markdown lines and the tables read line by line
 * around them:
 *   - GFM pipe tables ("| a | b |" over a "|---|---|" row), read here rather
 *     than by remark-gfm, whose table parsing grows quadratically with the row
 *     count (100k rows took minutes);
 *   - tab-separated tables: a run of lines holding tabs; a blank line inside
 *     the run is a page break, so the run becomes several table parts that the
 *     join stage stitches back together;
 *   - web-saved tables with one cell per line between lone "|" lines (cell-lines.ts);
 *   - HTML `<table>` elements, what pandoc writes for tables with merged cells: from
 *     the line that opens one to the line that closes it (blank lines inside
 *     included, which would end a CommonMark HTML block), read as HTML.
 */
import { cellRunEnd, isLonePipe } from "./cell-lines.js";
import { isWhitespaceCode } from "./clean-and-tidy.js";

export type Segment =
  | { kind: "markdown"; lines: string[] }
  | { kind: "tabs"; lines: string[] }
  | { kind: "pipes"; lines: string[] }
  | { kind: "cells"; lines: string[] }
  | { kind: "html-table"; lines: string[] };

const TABLE_OPEN = /^\s{0,3}<table(?=[\s>])/i;
const TABLE_TAG = /<(\/?)table(?=[\s>])/gi;

/** The line after the one that closes the `<table>` opened at `from` (nested tables counted), or 0. */
function htmlTableEnd(lines: string[], from: number): number {
  let depth = 0;
  for (let i = from; i < lines.length && i < from + 100_000; i++) {
    if (!lines[i].includes("table")) continue;
    TABLE_TAG.lastIndex = 0;
    for (let m; (m = TABLE_TAG.exec(lines[i])); ) {
      depth += m[1] ? -1 : 1;
      if (depth === 0) return i + 1;
    }
  }
  return 0;
}

/** `^\s{0,3}\|` without a regex: it runs on every line. */
function isPipeRow(line: string): boolean {
  let k = 0;
  while (k < 3 && isWhitespaceCode(line.charCodeAt(k))) k++;
  return line.charCodeAt(k) === 124;
}

/**
 * `^\s{0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$` as a scan. The regex
 * backtracks through every split of a long blank run between its two `\s*`
 * ("|---" + 16k spaces + "x" took 0.3 s; a megabyte, minutes).
 */
function isPipeDelimiter(line: string): boolean {
  const ws = (i: number) => isWhitespaceCode(line.charCodeAt(i));
  let i = 0;
  while (ws(i)) i++;
  if (line.charCodeAt(i) === 124 /* | */) {
    if (i > 3) return false;
    i++;
    while (ws(i)) i++;
  }
  for (;;) {
    if (line.charCodeAt(i) === 58 /* : */) i++;
    const dashes = i;
    while (line.charCodeAt(i) === 45 /* - */) i++;
    if (i === dashes) return false;
    if (line.charCodeAt(i) === 58) i++;
    while (ws(i)) i++;
    if (i >= line.length) return true;
    if (line.charCodeAt(i) !== 124) return false;
    i++;
    while (ws(i)) i++;
    if (i >= line.length) return true;
  }
}

export function splitSegments(text: string): Segment[] {
  const lines = text.split("\n");
  const out: Segment[] = [];
  let md: string[] = [];
  let i = 0;
  let noRunUntil = 0;
  const flushMd = () => {
    if (md.length) out.push({ kind: "markdown", lines: md });
    md = [];
  };
  while (i < lines.length) {
    let lone = 0;
    if (i >= noRunUntil && isLonePipe(lines[i])) {
      const run = cellRunEnd(lines, i);
      lone = run.end;
      if (!lone) noRunUntil = run.searched;
    }
    const html = lone ? 0 : lines[i].charCodeAt(0) <= 60 && TABLE_OPEN.test(lines[i]) ? htmlTableEnd(lines, i) : 0;
    if (lone || html) {
      flushMd();
      out.push({ kind: lone ? "cells" : "html-table", lines: lines.slice(i, lone || html) });
      i = lone || html;
      continue;
    }
    if (isPipeRow(lines[i]) && i + 1 < lines.length && isPipeDelimiter(lines[i + 1])) {
      const run = [lines[i]];
      i += 2;
      while (i < lines.length && isPipeRow(lines[i])) run.push(lines[i++]);
      flushMd();
      out.push({ kind: "pipes", lines: run });
      continue;
    }
    if (!lines[i].includes("\t")) {
      md.push(lines[i++]);
      continue;
    }
    const run: string[] = [];
    while (i < lines.length) {
      if (lines[i].includes("\t")) run.push(lines[i++]);
      else if (lines[i].trim() === "") {
        let j = i;
        while (j < lines.length && lines[j].trim() === "") j++;
        if (j < lines.length && lines[j].includes("\t") && run.length) {
          run.push("");
          i = j;
        } else break;
      } else break;
    }
    // One stray tab in a paragraph is not a table.
    if (run.length === 1 && (run[0].match(/\t/g) ?? []).length < 2) md.push(run[0]);
    else {
      flushMd();
      out.push({ kind: "tabs", lines: run });
    }
  }
  flushMd();
  return out;
}
