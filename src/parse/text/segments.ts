/**
 * One page of text → runs of Markdown lines and the tables read line by line
 * around them:
 *   - GFM pipe tables ("| a | b |" over a "|---|---|" row), read here rather
 *     than by remark-gfm, whose table parsing grows quadratically with the row
 *     count (100k rows took minutes);
 *   - tab-separated tables: a run of lines holding tabs; a blank line inside
 *     the run is a page break, so the run becomes several table parts that the
 *     join stage stitches back together.
 */
import { isWhitespaceCode } from "./clean-and-tidy.js";

export type Segment = { kind: "markdown"; lines: string[] } | { kind: "tabs"; lines: string[] } | { kind: "pipes"; lines: string[] };

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
  const flushMd = () => {
    if (md.length) out.push({ kind: "markdown", lines: md });
    md = [];
  };
  while (i < lines.length) {
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
