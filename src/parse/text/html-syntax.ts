/**
 * Where raw HTML starts and ends in Markdown, by the CommonMark rules as
 * micromark applies them (html-flow.js and html-text.js), so the line reader
 * cuts HTML exactly where remark does. Every scan moves forward only; a quoted
 * attribute value that never closes is found with one indexOf, remembered, so
 * a line full of `<a x="` costs linear time, not quadratic.
 */

// micromark-util-html-tag-name: tags that start an HTML block ending at a blank line.
const BLOCK_NAMES = new Set(
  (
    "address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt " +
    "fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link " +
    "main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead " +
    "title tr track ul"
  ).split(" "),
);
// Tags whose content runs to their closing tag, blank lines included.
const RAW_NAMES = new Set(["pre", "script", "style", "textarea"]);

/**
 * HTML block kinds, numbered as in CommonMark: 1 raw (script…), 2 comment,
 * 3 processing instruction, 4 declaration, 6 block tag, 7 any complete tag.
 * (5, CDATA, is left to remark.)
 */
export type HtmlBlockKind = 1 | 2 | 3 | 4 | 6 | 7;

const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlnum = (c: number) => isAlpha(c) || isDigit(c);
const isSpaceOrTab = (c: number) => c === 32 || c === 9;
const isLineEnd = (c: number) => c === 10 || c === 13;
const isWhitespace = (c: number) => isSpaceOrTab(c) || isLineEnd(c);
const isAttributeNameStart = (c: number) => c === 58 || c === 95 || isAlpha(c);
const isAttributeNameChar = (c: number) => c === 45 || c === 46 || c === 58 || c === 95 || isAlnum(c);

export type HtmlBlockStart = { kind: HtmlBlockKind; endScanFrom: number } | "cdata" | null;

/**
 * Does `line` open an HTML block at `lt` (a "<")? `interrupting`: the line would
 * otherwise continue a paragraph, which kind 7 may not interrupt.
 */
export function htmlBlockStart(line: string, lt: number, interrupting: boolean): HtmlBlockStart {
  let i = lt + 1;
  const c = line.charCodeAt(i);
  if (c === 33 /* ! */) {
    const d = line.charCodeAt(i + 1);
    if (d === 45 /* - */) return line.charCodeAt(i + 2) === 45 ? { kind: 2, endScanFrom: lt + 2 } : null;
    if (d === 91 /* [ */) return line.startsWith("CDATA[", i + 2) ? "cdata" : null;
    return isAlpha(d) ? { kind: 4, endScanFrom: i + 2 } : null;
  }
  if (c === 63 /* ? */) return { kind: 3, endScanFrom: lt + 1 }; // "<?>" already ends it
  const closing = c === 47; /* / */
  if (closing) i++;
  if (!isAlpha(line.charCodeAt(i))) return null;
  const nameStart = i;
  while (i < line.length && (isAlnum(line.charCodeAt(i)) || line.charCodeAt(i) === 45)) i++;
  const after = line.charCodeAt(i);
  if (i < line.length && after !== 47 && after !== 62 && !isWhitespace(after)) return null;
  const name = line.slice(nameStart, i).toLowerCase();
  const slash = after === 47;
  if (!slash && !closing && RAW_NAMES.has(name)) return { kind: 1, endScanFrom: i };
  if (BLOCK_NAMES.has(name)) {
    if (slash) return line.charCodeAt(i + 1) === 62 ? { kind: 6, endScanFrom: i + 2 } : null;
    return { kind: 6, endScanFrom: i };
  }
  if (interrupting) return null;
  const end = closing ? closingTagEnd(line, i, false) : completeOpenTagEnd(line, i);
  if (end < 0) return null;
  for (let k = end; k < line.length; k++) if (!isSpaceOrTab(line.charCodeAt(k))) return null;
  return { kind: 7, endScanFrom: line.length };
}

/** Does a raw/comment/instruction/declaration block end on this line (scanning from `from`)? */
export function htmlBlockEndsIn(line: string, from: number, kind: HtmlBlockKind): boolean {
  switch (kind) {
    case 1:
      return RAW_END.test(from ? line.slice(from) : line);
    case 2:
      return line.indexOf("-->", from) >= 0;
    case 3:
      return line.indexOf("?>", from) >= 0;
    case 4:
      return line.indexOf(">", from) >= 0;
    default:
      return false; // 6 and 7 end at a blank line
  }
}
const RAW_END = /<\/(?:script|pre|style|textarea)>/i;

/** Complete open tag for an HTML block (no line endings): index just past ">", or -1. `i` is just past the name. */
function completeOpenTagEnd(line: string, i: number): number {
  // States of micromark's html-flow "complete" tag, in a loop.
  for (;;) {
    // before an attribute name
    while (isSpaceOrTab(line.charCodeAt(i))) i++;
    let c = line.charCodeAt(i);
    if (c === 47) return line.charCodeAt(i + 1) === 62 ? i + 2 : -1;
    if (!isAttributeNameStart(c)) return c === 62 ? i + 1 : -1;
    i++;
    while (isAttributeNameChar(line.charCodeAt(i))) i++;
    // after an attribute name; flow's unquoted values fall back here, hence the loop
    for (;;) {
      while (isSpaceOrTab(line.charCodeAt(i))) i++;
      if (line.charCodeAt(i) !== 61 /* = */) break;
      i++;
      while (isSpaceOrTab(line.charCodeAt(i))) i++;
      c = line.charCodeAt(i);
      if (Number.isNaN(c) || c === 60 || c === 61 || c === 62 || c === 96) return -1;
      if (c === 34 || c === 39) {
        const close = line.indexOf(line[i], i + 1);
        if (close < 0) return -1;
        i = close + 1;
        c = line.charCodeAt(i);
        if (!(c === 47 || c === 62 || isSpaceOrTab(c))) return -1;
        break;
      }
      while (i < line.length) {
        c = line.charCodeAt(i);
        if (c === 34 || c === 39 || c === 47 || c === 60 || c === 61 || c === 62 || c === 96 || isWhitespace(c)) break;
        i++;
      }
    }
  }
}

/** Closing tag: whitespace then ">". `lineEndings`: inline HTML may break lines there. */
function closingTagEnd(s: string, i: number, lineEndings: boolean): number {
  while (i < s.length && (isSpaceOrTab(s.charCodeAt(i)) || (lineEndings && isLineEnd(s.charCodeAt(i))))) i++;
  return s.charCodeAt(i) === 62 ? i + 1 : -1;
}

/**
 * indexOf that remembers its last answer per needle: a failed search (or one that
 * found a far occurrence) answers the next search from a later position at once,
 * so many unterminated constructs cost one scan, not one each.
 */
export class NextIndex {
  private readonly last = new Map<string, { from: number; at: number }>();
  constructor(private readonly s: string) {}
  of(needle: string, from: number): number {
    const known = this.last.get(needle);
    if (known && from >= known.from && (known.at < 0 || known.at >= from)) return known.at;
    const at = this.s.indexOf(needle, from);
    this.last.set(needle, { from, at });
    return at;
  }
}

/**
 * Inline raw HTML (html-text): index just past the construct that starts at `lt`, or -1.
 * Comments, instructions, declarations and CDATA included; whitespace inside a tag may
 * hold line endings.
 */
export function inlineHtmlEnd(s: string, lt: number, next: NextIndex): number {
  const c = s.charCodeAt(lt + 1);
  if (c === 33 /* ! */) {
    const d = s.charCodeAt(lt + 2);
    if (d === 45) {
      if (s.charCodeAt(lt + 3) !== 45) return -1;
      const end = next.of("-->", lt + 2);
      return end < 0 ? -1 : end + 3;
    }
    if (d === 91) {
      if (!s.startsWith("CDATA[", lt + 3)) return -1;
      const end = next.of("]]>", lt + 9);
      return end < 0 ? -1 : end + 3;
    }
    if (!isAlpha(d)) return -1;
    const end = next.of(">", lt + 3);
    return end < 0 ? -1 : end + 1;
  }
  if (c === 63 /* ? */) {
    const end = next.of("?>", lt + 2);
    return end < 0 ? -1 : end + 2;
  }
  if (c === 47 /* / */) {
    let i = lt + 2;
    if (!isAlpha(s.charCodeAt(i))) return -1;
    while (isAlnum(s.charCodeAt(i)) || s.charCodeAt(i) === 45) i++;
    return closingTagEnd(s, i, true);
  }
  if (!isAlpha(c)) return -1;
  let i = lt + 2;
  while (isAlnum(s.charCodeAt(i)) || s.charCodeAt(i) === 45) i++;
  let d = s.charCodeAt(i);
  if (!(d === 47 || d === 62 || isWhitespace(d))) return -1;
  for (;;) {
    // between attributes
    while (isWhitespace(s.charCodeAt(i))) i++;
    d = s.charCodeAt(i);
    if (d === 47) return s.charCodeAt(i + 1) === 62 ? i + 2 : -1;
    if (!isAttributeNameStart(d)) return d === 62 ? i + 1 : -1;
    i++;
    while (isAttributeNameChar(s.charCodeAt(i))) i++;
    while (isWhitespace(s.charCodeAt(i))) i++;
    if (s.charCodeAt(i) !== 61 /* = */) continue;
    i++;
    while (isWhitespace(s.charCodeAt(i))) i++;
    d = s.charCodeAt(i);
    if (Number.isNaN(d) || d === 60 || d === 61 || d === 62 || d === 96) return -1;
    if (d === 34 || d === 39) {
      const close = next.of(s[i], i + 1);
      if (close < 0) return -1;
      i = close + 1;
      d = s.charCodeAt(i);
      if (!(d === 47 || d === 62 || isWhitespace(d))) return -1;
      continue;
    }
    i++; // html-text takes the value's first character whatever it is ("/" included)
    while (i < s.length) {
      d = s.charCodeAt(i);
      if (d === 34 || d === 39 || d === 60 || d === 61 || d === 96) return -1;
      if (d === 47 || d === 62 || isWhitespace(d)) break;
      i++;
    }
    if (i >= s.length) return -1;
  }
}

/**
 * `s.replace(/<…(\s[^>]*)?…>/gi, "")` for a tag pattern, in linear time. As a
 * global regex, every "<b " with no ">" after it scans to the end of the text
 * before failing (quadratic on "<b x" repeated); here each "<" is judged on the
 * text up to the first ">" after it — where any such match must end, since its
 * attributes cannot hold ">" — and a text without ">" is left alone at once.
 * `tag` matches one whole tag: anchored, case-insensitive, not global.
 */
export function removeTags(s: string, tag: RegExp): string {
  let out = "";
  let kept = 0;
  let gt = -1;
  for (let lt = s.indexOf("<"); lt >= 0; ) {
    if (gt < lt) gt = s.indexOf(">", lt);
    if (gt < 0) break;
    if (tag.test(s.slice(lt, gt + 1))) {
      out += s.slice(kept, lt);
      kept = gt + 1;
      lt = s.indexOf("<", kept);
    } else lt = s.indexOf("<", lt + 1);
  }
  return kept === 0 ? s : out + s.slice(kept);
}
