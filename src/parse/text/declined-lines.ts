import { isBlankFrom, isSpaceOrTab } from "./block-starts.js";
import { UnsupportedMarkdown } from "./unsupported.js";

const PREFIX_CHARS = /^[ \t>\-+*#0-9.)`~]*/;

/**
 * Lines this reader leaves to remark: a tab where indentation or a block marker
 * is read (CommonMark counts it to the next multiple of four columns), and a GFM
 * table delimiter row that the line table reader in segments.ts did not take.
 */
export function rejectUnsupportedLine(line: string): void {
  if (line.includes("\t") && !isBlankFrom(line, 0) && PREFIX_CHARS.exec(line)![0].includes("\t"))
    throw new UnsupportedMarkdown("tab in indentation");
  if (line.includes("-") && (line.includes("|") || line.includes(":")) && isDelimiterRow(line))
    throw new UnsupportedMarkdown("table delimiter row");
}

/**
 * Only "-", ":", "|" and blanks after any block-quote markers (a scan, not a regex: no
 * backtracking on long blank runs). With a ":" or "|" it makes a table even under a
 * header without pipes ("Tên\n:--"); bare dashes are a rule or a list item instead.
 */
function isDelimiterRow(line: string): boolean {
  let i = 0;
  while (i < line.length && (isSpaceOrTab(line.charCodeAt(i)) || line.charCodeAt(i) === 62)) i++;
  for (; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (!(c === 45 || c === 58 || c === 124 || isSpaceOrTab(c))) return false;
  }
  return true;
}
