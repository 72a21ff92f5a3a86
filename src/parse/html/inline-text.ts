/**
 * The text of an HTML fragment as one block's text: whitespace collapsed the
 * way a browser does, <br> as "\n", block children (the <p>s of a table cell,
 * the items of a list in a cell) on lines of their own, note markers removed,
 * and whether every letter is bold. Iterative, so nesting depth costs no stack.
 */
import type { Element, ElementContent } from "hast";
import { cleanText, tidyInline } from "../../normalise/text.js";
import type { Note, NoteIndex } from "./notes.js";
import { breaksPageAfter, breaksPageBefore } from "./page-breaks.js";

/** Running state of one pass over a document. */
export type Flow = {
  page: number;
  notes: NoteIndex;
  /** U+FFFD dropped so far (text that was already lost before it reached us). */
  replacementChars: number;
  /** What the conversion had to give up on, for the document's warnings. */
  warnings: string[];
};

export type InlineText = {
  text: string;
  bold: boolean;
  /** Page of the first visible character (null when there is none). */
  page: number | null;
  /** Notes whose markers were removed, in order. */
  notes: Note[];
};

export const SKIPPED = new Set(["head", "script", "style", "template", "noscript", "img", "svg", "math", "iframe", "object", "embed", "video", "audio", "canvas", "map", "input", "select", "textarea", "button", "title", "meta", "link"]);

const LINE_BLOCKS = new Set([
  "p", "div", "li", "tr", "table", "thead", "tbody", "tfoot", "ul", "ol", "dl", "dt", "dd", "blockquote", "section", "article",
  "header", "footer", "aside", "nav", "main", "pre", "address", "center", "figure", "figcaption", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
]);
const LETTER = /\p{L}/u;
const BOLD_TAGS = new Set(["b", "strong"]);
const BOLD_STYLE = /font-weight\s*:\s*(bold|bolder|[6-9]00)/i;
const NOT_BOLD_STYLE = /font-weight\s*:\s*(normal|lighter|[1-5]00)/i;

type Step = { node: ElementContent; bold: boolean } | { exit: () => void };

export function inlineText(nodes: ElementContent[], flow: Flow): InlineText {
  let out = "";
  // Bold when there are letters and none of them is outside bold: two facts, no counting.
  let anyLetter = false;
  let plainLetter = false;
  let page: number | null = null;
  const notes: Note[] = [];
  const lineBreak = () => {
    if (out && !out.endsWith("\n")) out += "\n";
  };
  const stack: Step[] = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i], bold: false });

  while (stack.length) {
    const step = stack.pop()!;
    if ("exit" in step) {
      step.exit();
      continue;
    }
    const { node, bold } = step;
    if (node.type === "text") {
      const value = node.value.replace(/[ \t\n\r\f]+/g, " ");
      if (!value) continue;
      out += value;
      if ((!anyLetter || (!bold && !plainLetter)) && LETTER.test(value)) {
        anyLetter = true;
        if (!bold) plainLetter = true;
      }
      if (page === null && /\S/.test(value)) page = flow.page;
      continue;
    }
    if (node.type !== "element") continue;
    const el = node;
    if (SKIPPED.has(el.tagName) || flow.notes.isNoteContainer(el) || flow.notes.isHidden(el)) continue;
    const note = flow.notes.noteAt(el);
    if (note) {
      notes.push(note);
      continue;
    }
    if (el.tagName === "br") {
      if (breaksPageBefore(el)) {
        flow.page++;
        out += " ";
      } else out += "\n";
      continue;
    }
    if (breaksPageBefore(el)) flow.page++;
    const block = LINE_BLOCKS.has(el.tagName);
    if (block) lineBreak();
    else if (el.tagName === "td" || el.tagName === "th") out += " ";
    const after = breaksPageAfter(el);
    if (block || after)
      stack.push({
        exit: () => {
          if (block) lineBreak();
          if (after) flow.page++;
        },
      });
    const childBold = isBold(el, bold);
    for (let i = el.children.length - 1; i >= 0; i--) stack.push({ node: el.children[i], bold: childBold });
  }
  let text = cleanText(out);
  if (text.includes("\uFFFD")) {
    flow.replacementChars += text.split("\uFFFD").length - 1;
    text = text.replace(/\uFFFD/g, "");
  }
  return { text: tidyInline(text), bold: anyLetter && !plainLetter, page, notes };
}

function isBold(el: Element, inherited: boolean): boolean {
  if (BOLD_TAGS.has(el.tagName)) return true;
  const style = typeof el.properties.style === "string" ? el.properties.style : "";
  if (BOLD_STYLE.test(style)) return true;
  if (NOT_BOLD_STYLE.test(style)) return false;
  return inherited;
}
