/**
 * A single forward pass over the tags of XML or HTML text, in linear time.
 *
 * Both the DOCX preparation (word/document.xml) and the HTML nesting cap read
 * tags without building a tree. A regular expression is the obvious tool and
 * the wrong one: on a tag that never closes ("<a b=" repeated) every "<" makes
 * it search to the end of the input again, which is quadratic — a few hundred
 * KB of crafted input would stall the parser. Here every character is looked
 * at a bounded number of times: a tag, comment or quoted value that does not
 * end stops the scan (the rest cannot hold a complete tag).
 */
export type MarkupTag = {
  kind: "open" | "close" | "empty";
  /** As written (the HTML caller lower-cases it). */
  name: string;
  /** Offset of "<" and just past ">" in the scanned text. */
  start: number;
  end: number;
  /** Everything between the name and ">" (or "/>"). */
  rawAttributes: string;
};

export type ScanOptions = {
  /** HTML elements whose content is text up to their closing tag (script, style, …), compared lower-cased. */
  rawText?: ReadonlySet<string>;
};

const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95; // A-Z a-z _
const isNameChar = (c: number) => isNameStart(c) || (c >= 48 && c <= 58) || c === 45 || c === 46; // 0-9 : - .

export function* scanTags(text: string, options: ScanOptions = {}): Generator<MarkupTag> {
  let at = 0;
  while (at < text.length) {
    const lt = text.indexOf("<", at);
    if (lt < 0) return;
    const next = text.charCodeAt(lt + 1);
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const end = declarationEnd(text, lt);
      if (end < 0) return;
      at = end;
      continue;
    }
    const closing = next === 47; /* / */
    const nameStart = lt + (closing ? 2 : 1);
    if (!isNameStart(text.charCodeAt(nameStart))) {
      at = lt + 1; // a literal "<" in text
      continue;
    }
    let i = nameStart + 1;
    while (i < text.length && isNameChar(text.charCodeAt(i))) i++;
    const name = text.slice(nameStart, i);
    const gt = tagEnd(text, i);
    if (gt < 0) return;
    const selfClosing = text.charCodeAt(gt - 1) === 47;
    const tag: MarkupTag = {
      kind: closing ? "close" : selfClosing ? "empty" : "open",
      name,
      start: lt,
      end: gt + 1,
      rawAttributes: text.slice(i, selfClosing ? gt - 1 : gt),
    };
    yield tag;
    at = gt + 1;
    if (tag.kind === "open" && options.rawText?.has(name.toLowerCase())) {
      const close = new RegExp(`</${name}[\\s/>]`, "gi");
      close.lastIndex = at;
      const m = close.exec(text);
      if (!m) return;
      at = m.index;
    }
  }
}

/** The ">" that ends a tag whose attributes start at `from`, skipping quoted values; -1 when there is none. */
function tagEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 62 /* > */) return i;
    if (c === 34 || c === 39) {
      // A quote only opens a value after "="; elsewhere it is a stray character.
      let k = i - 1;
      while (k >= from && /\s/.test(text[k])) k--;
      if (text[k] !== "=") continue;
      const close = text.indexOf(text[i], i + 1);
      if (close < 0) return -1;
      i = close;
    }
  }
  return -1;
}

/** End (just past) of "<!-- … -->", "<![CDATA[ … ]]>", "<? … ?>" or "<!DOCTYPE …>" at `lt`; -1 when unterminated. */
function declarationEnd(text: string, lt: number): number {
  const [terminator, skip] = text.startsWith("<!--", lt)
    ? ["-->", 4]
    : text.startsWith("<![CDATA[", lt)
      ? ["]]>", 9]
      : text.startsWith("<?", lt)
        ? ["?>", 2]
        : [">", 2];
  const end = text.indexOf(terminator, lt + skip);
  return end < 0 ? -1 : end + terminator.length;
}
