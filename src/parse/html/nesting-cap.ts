/**
 * Caps how deeply HTML elements nest before the parser sees them.
 *
 * rehype-parse builds its tree with recursion (hast-util-from-parse5) and
 * overflows the stack somewhere past ~3000 levels, long before the tree could
 * be walked iteratively. Real documents nest a few dozen levels; so opening
 * tags beyond MAX_HTML_DEPTH are dropped (with their closing tags) and their
 * text is kept at the level above.
 *
 * The count is approximate on purpose: elements that HTML closes implicitly
 * (p, li, td, tr, …) and void elements are not counted, so sloppy markup with
 * unclosed cells does not trip the cap, while a table nested in a table still
 * counts once per level (the parser adds at most a handful of elements per
 * counted one, which keeps the real depth well under the parser's limit).
 */
import { scanTags, type MarkupTag } from "../markup-tags.js";

export const MAX_HTML_DEPTH = 256;

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen"]);
const IMPLICITLY_CLOSED = new Set(["p", "li", "dt", "dd", "td", "th", "tr", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt", "rtc", "rp", "colgroup", "caption", "html", "head", "body"]);
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"]);

export function capHtmlNesting(html: string, maxDepth = MAX_HTML_DEPTH): { html: string; dropped: number } {
  let depth = 0;
  let dropped = 0;
  const droppedOpen = new Map<string, number>();
  let out = "";
  let at = 0;
  const drop = (tag: MarkupTag) => {
    out += html.slice(at, tag.start);
    at = tag.end;
  };
  for (const tag of scanTags(html, { rawText: RAW_TEXT })) {
    const name = tag.name.toLowerCase();
    if (VOID.has(name) || IMPLICITLY_CLOSED.has(name) || RAW_TEXT.has(name)) continue;
    // HTML ignores "/>" on ordinary elements: <div/> opens a div.
    if (tag.kind !== "close") {
      if (depth >= maxDepth) {
        drop(tag);
        droppedOpen.set(name, (droppedOpen.get(name) ?? 0) + 1);
        dropped++;
        continue;
      }
      depth++;
    } else {
      // The innermost elements were the dropped ones, so their closing tags come first.
      const pending = droppedOpen.get(name) ?? 0;
      if (pending > 0) {
        droppedOpen.set(name, pending - 1);
        drop(tag);
        continue;
      }
      if (depth > 0) depth--;
    }
  }
  return dropped ? { html: out + html.slice(at), dropped } : { html, dropped: 0 };
}
