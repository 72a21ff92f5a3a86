/**
 * mammoth's HTML as a hast tree, without writing and re-parsing the HTML.
 *
 * mammoth converts its document tree into HTML nodes and hands them, one
 * open/close/text call at a time, to the writer that `writers.writer(options)`
 * returns (mammoth/lib/writers). For the output format named here that writer
 * builds the hast tree rehype-parse would have built from the HTML, and keeps
 * mammoth's own HTML beside it; every other caller of mammoth gets its usual
 * writer. Re-parsing the HTML was half the DOCX route's own time.
 *
 * The tree equals the parser's only while the stream nests the way HTML's tree
 * construction leaves alone. Where it would not (a block inside a paragraph, as
 * a text box's paragraphs are; an unknown or raw-text element; text directly in
 * a table; nesting near the cap), the tree is withheld and the caller parses
 * the HTML as before. What the parser does by itself is done here too: the
 * html/head/body frame, the tbody around rows written straight into a table,
 * adjacent texts as one node, attributes to properties through hastscript
 * (the function hast-util-from-parse5 builds elements with).
 */
import { createRequire } from "node:module";
import { h } from "hastscript";
import type { Element, Root } from "hast";
import { MAX_HTML_DEPTH } from "../html/nesting-cap.js";

/** The `outputFormat` that asks mammoth for this writer. */
export const HAST_OUTPUT = "vanban-hast";

/** What mammoth's conversion returns as its value for HAST_OUTPUT. */
export type HastOutput = { html: string; tree: Root | null };

type Attributes = Record<string, string>;
type MammothWriter = {
  open(tagName: string, attributes: Attributes): void;
  close(tagName: string): void;
  text(value: string): void;
  selfClosing(tagName: string, attributes: Attributes): void;
  asString(): unknown;
};

/** Elements whose content is phrasing only: a block opened inside one closes it in HTML. */
const PHRASING_PARENTS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "strong", "em", "b", "i", "u", "s", "sup", "sub", "span", "code", "small", "del", "ins"]);
const PHRASING = new Set(["a", "strong", "em", "b", "i", "u", "s", "sup", "sub", "span", "code", "small", "del", "ins", "br", "img"]);
const FLOW = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "div", "blockquote", "ul", "ol", "li", "table", "hr", ...PHRASING]);
const VOID = new Set(["br", "hr", "img"]);
/** Where table parts may stand; anything else in a table is moved out by the parser. */
const TABLE_CHILDREN: Record<string, Set<string>> = {
  table: new Set(["thead", "tbody", "tfoot", "tr"]),
  thead: new Set(["tr"]),
  tbody: new Set(["tr"]),
  tfoot: new Set(["tr"]),
  tr: new Set(["td", "th"]),
};

/** Whether the parser would put `child` inside `parent`, as written (unknown elements never). */
function allowedIn(parent: string, child: string): boolean {
  const table = TABLE_CHILDREN[parent];
  if (table) return table.has(child);
  if (child === "li") return parent === "ul" || parent === "ol";
  if (PHRASING_PARENTS.has(parent)) return PHRASING.has(child);
  return FLOW.has(child);
}

function hastWriter(html: MammothWriter): MammothWriter {
  const head = h("head");
  const body = h("body");
  const tree: Root = { type: "root", children: [h("html", {}, [head, body])] };
  const stack: Element[] = [body];
  /** Implicit tbody elements opened here, closed with their table. */
  const implicit = new Set<Element>();
  let simple = true;
  const top = () => stack[stack.length - 1];

  const element = (tagName: string, attributes: Attributes, opening: boolean): Element | null => {
    let parent = top();
    if (tagName === "tr" && parent.tagName === "table") {
      const tbody = h("tbody");
      parent.children.push(tbody);
      stack.push(tbody);
      implicit.add(tbody);
      parent = tbody;
    } else if (implicit.has(parent) && tagName !== "tr") {
      stack.pop();
      parent = top();
    }
    if (!allowedIn(parent.tagName, tagName)) simple = false;
    if (tagName === "a" && stack.some((e) => e.tagName === "a")) simple = false;
    if (opening === VOID.has(tagName)) simple = false;
    if (stack.length >= MAX_HTML_DEPTH) simple = false;
    if (!simple) return null;
    const el = h(tagName, { ...attributes });
    parent.children.push(el);
    return el;
  };

  return {
    open(tagName, attributes) {
      html.open(tagName, attributes);
      const el = simple ? element(tagName, attributes, true) : null;
      if (el) stack.push(el);
    },
    close(tagName) {
      html.close(tagName);
      if (!simple) return;
      if (implicit.has(top())) stack.pop();
      stack.pop();
    },
    selfClosing(tagName, attributes) {
      html.selfClosing(tagName, attributes);
      if (simple) element(tagName, attributes, false);
    },
    text(value) {
      html.text(value);
      if (!simple || value === "") return;
      const parent = top();
      // The parser moves text out of table structure, drops it before <body>, and rewrites CR and NUL.
      if (TABLE_CHILDREN[parent.tagName] || (parent === body && !body.children.length && /^\s/.test(value)) || /[\r\0]/.test(value)) {
        simple = false;
        return;
      }
      const last = parent.children[parent.children.length - 1];
      if (last?.type === "text") last.value += value;
      else parent.children.push({ type: "text", value });
    },
    asString(): HastOutput {
      return { html: String(html.asString()), tree: simple && stack.length === 1 ? tree : null };
    },
  };
}

// mammoth looks `writer` up on this module object for every conversion, so the hook is one property.
const writers = createRequire(import.meta.url)("mammoth/lib/writers") as { writer: (options?: { outputFormat?: string }) => MammothWriter };
const mammothWriter = writers.writer;
writers.writer = (options) =>
  options?.outputFormat === HAST_OUTPUT ? hastWriter(mammothWriter({ ...options, outputFormat: "html" })) : mammothWriter(options);
