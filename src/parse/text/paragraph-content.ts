import { isSpaceOrTab } from "./block-starts.js";
import { UnsupportedMarkdown } from "./unsupported.js";

/**
 * A paragraph's inline source: the lines as they stand after their containers'
 * prefixes, without the first line's indentation and the last line's trailing
 * blanks. Later lines keep their indentation: micromark keeps it inside code
 * spans ("`a\n   b`" is "a\n   b"), and in plain text tidying drops it anyway.
 */
export function paragraphContent(lines: string[]): string {
  let content = lines.length === 1 ? lines[0] : lines.join("\n");
  let start = 0;
  while (isSpaceOrTab(content.charCodeAt(start))) start++;
  let end = content.length;
  while (end > start && isSpaceOrTab(content.charCodeAt(end - 1))) end--;
  if (start || end < content.length) content = content.slice(start, end);
  if (content.charCodeAt(0) === 91 /* [ */) {
    // "[x]: /url" defines a link reference (remark resolves "[x]" with it); "[ ] …"/"[x] …" in an item is a task.
    if (content.includes("]:")) throw new UnsupportedMarkdown("link reference definition");
    if (/^\[[ xX]\]/.test(content)) throw new UnsupportedMarkdown("task list item");
  }
  return content;
}
