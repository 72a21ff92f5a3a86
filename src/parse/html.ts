/**
 * HTML → draft blocks: for .html input and for the DOCX route (mammoth's HTML).
 *
 *   h1–h6             → heading drafts (level from the tag; bold when all letters are)
 *   p, dt, dd, …      → paragraph drafts, `bold` when every letter is bold; a paragraph
 *                       opening with a typed bullet ("- ", "+ ", "• ") → list-item
 *   ul > li           → list-item drafts; marker = the glyph the item starts with (the
 *                       DOCX route writes Word's bullet there), else "•"; depth = nesting
 *   ol > li           → paragraphs that start with their printed number, as in the text
 *                       parser ("1. Giao …" is numbering, not a list): the number the
 *                       item already starts with, else its position in the <ol>
 *   table             → table drafts (see html/table.ts)
 *   note markers      → removed from the text; the notes become footnote drafts right
 *                       after the block that refers to them (see html/notes.ts)
 *   page breaks       → the page count (see html/page-breaks.ts); 1 page without any
 *
 * The walk is iterative and the input's nesting is capped before parsing, so
 * hostile nesting cannot exhaust the stack.
 */
import { unified } from "unified";
import rehypeParse from "rehype-parse";
import type { Element, ElementContent, Root, RootContent } from "hast";
import { message, type DraftBlock, type DraftDocument } from "./draft.js";
import { readNumbering } from "./structure.js";
import { formatNumber } from "./list-number-format.js";
import { capHtmlNesting } from "./html/nesting-cap.js";
import { inlineText, SKIPPED, type Flow, type InlineText } from "./html/inline-text.js";
import { NoteIndex, type Note } from "./html/notes.js";
import { breaksPageAfter, breaksPageBefore } from "./html/page-breaks.js";
import { tableDraft } from "./html/table.js";
import { appendAll } from "../large-arrays.js";

const parser = unified().use(rehypeParse);

const PARAGRAPHS = new Set(["p", "pre", "dt", "dd", "address", "figcaption", "caption", "summary", "legend"]);
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);
const LISTS = new Set(["ul", "ol", "menu", "dir"]);
/** Containers whose children are blocks; anything not named here is inline content. */
const CONTAINERS = new Set([
  "html", "body", "div", "section", "article", "main", "header", "footer", "aside", "nav", "center", "blockquote",
  "form", "fieldset", "figure", "details", "dl", "hgroup", "search", "li",
]);

/**
 * A bullet typed at the start of a paragraph: the Markdown bullets "- ", "+ ",
 * "* " (so a document reads the same as its text rendition) and "•". An en dash
 * is not one: "– xã hội, …" is mostly a line that a page break split off, and
 * the structure stage joins it back.
 */
const TYPED_BULLET = /([-+*•])\s+(?=\S)/uy;

type ListContext = { ordered: boolean; depth: number; next: number; type: string };
type Frame = { nodes: RootContent[]; i: number; list: ListContext | null; exit?: () => void };

export function parseHtml(html: string): DraftDocument {
  const capped = capHtmlNesting(html);
  const draft = parseHtmlTree(parser.parse(capped.html) as Root);
  if (capped.dropped) draft.warnings.unshift(message("parse-html", `HTML nested deeper than the limit: ${capped.dropped} inner tags ignored (their text kept)`));
  return draft;
}

/** The same for a tree already parsed (the DOCX route's, built from mammoth's output: docx/hast-writer.ts). */
export function parseHtmlTree(tree: Root): DraftDocument {
  const flow: Flow = { page: 1, notes: NoteIndex.build(tree), replacementChars: 0, warnings: [] };
  const blocks = new BlockWriter(flow);
  walk(tree, flow, blocks);

  const warnings = [];
  if (flow.replacementChars)
    warnings.push(message("parse-html", `${flow.replacementChars} undecodable character(s) (U+FFFD) dropped from the text`));
  for (const reason of new Set(flow.warnings)) warnings.push(message("parse-html", reason));
  return { blocks: blocks.blocks, pages: flow.page, warnings };
}

function walk(tree: Root, flow: Flow, out: BlockWriter): void {
  const stack: Frame[] = [{ nodes: tree.children, i: 0, list: null }];
  let inline: ElementContent[] = [];
  const flushInline = () => {
    if (inline.length) out.paragraph(inlineText(inline, flow));
    inline = [];
  };

  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.i >= frame.nodes.length) {
      flushInline();
      stack.pop();
      frame.exit?.();
      continue;
    }
    const node = frame.nodes[frame.i++];
    if (node.type === "text") {
      inline.push(node);
      continue;
    }
    if (node.type !== "element") continue;
    const el = node;
    if (SKIPPED.has(el.tagName) || flow.notes.isNoteContainer(el)) continue;
    const isBlock = PARAGRAPHS.has(el.tagName) || HEADINGS.has(el.tagName) || LISTS.has(el.tagName) || CONTAINERS.has(el.tagName) || el.tagName === "table" || el.tagName === "hr";
    if (!isBlock) {
      inline.push(el);
      continue;
    }
    flushInline();
    if (breaksPageBefore(el)) flow.page++;
    const pageAfter = breaksPageAfter(el) ? () => flow.page++ : undefined;

    const typedNote = flow.notes.typedNoteLabel(el);
    if (typedNote !== undefined) out.footnote(typedNote, inlineText(el.children, flow));
    else if (PARAGRAPHS.has(el.tagName)) out.paragraph(inlineText(el.children, flow));
    else if (HEADINGS.has(el.tagName)) out.heading(inlineText(el.children, flow), Number(el.tagName[1]));
    else if (el.tagName === "table") {
      for (const caption of el.children)
        if (caption.type === "element" && caption.tagName === "caption") out.paragraph(inlineText(caption.children, flow));
      const { table, notes } = tableDraft(el, flow);
      if (table) out.push(table, notes);
    } else if (LISTS.has(el.tagName)) {
      const parentList = enclosingList(stack);
      const ordered = el.tagName === "ol";
      const start = Number(el.properties.start ?? 1);
      const list: ListContext = {
        ordered,
        depth: parentList ? parentList.depth + 1 : 0,
        next: Number.isFinite(start) ? start : 1,
        type: String(el.properties.type ?? "1"),
      };
      stack.push({ nodes: el.children, i: 0, list, exit: pageAfter });
      continue;
    } else if (el.tagName === "li") {
      const list = enclosingList(stack);
      const { own, rest } = splitListItem(el);
      const item = inlineText(own, flow);
      if (list?.ordered) out.numberedItem(item, list);
      else out.bulletItem(item, list?.depth ?? 0);
      // Nested lists and further paragraphs of the item follow it, one level deeper.
      stack.push({ nodes: rest, i: 0, list: list ? { ...list, ordered: false, depth: list.depth } : null, exit: pageAfter });
      continue;
    } else if (el.tagName !== "hr") {
      stack.push({ nodes: el.children, i: 0, list: frame.list, exit: pageAfter });
      continue;
    }
    pageAfter?.();
  }
  flushInline();
}

function enclosingList(stack: Frame[]): ListContext | null {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].list) return stack[i].list;
  return null;
}

/** An item's own text: its inline content and first paragraph; the rest are blocks of their own. */
function splitListItem(li: Element): { own: ElementContent[]; rest: RootContent[] } {
  const own: ElementContent[] = [];
  let i = 0;
  let tookParagraph = false;
  for (; i < li.children.length; i++) {
    const child = li.children[i];
    if (child.type !== "element") {
      own.push(child);
      continue;
    }
    const blockish = LISTS.has(child.tagName) || child.tagName === "table" || PARAGRAPHS.has(child.tagName) || CONTAINERS.has(child.tagName) || HEADINGS.has(child.tagName);
    if (!blockish) {
      own.push(child);
      continue;
    }
    if ((child.tagName === "p" || child.tagName === "div") && !tookParagraph && !own.some(hasText)) {
      appendAll(own, child.children);
      tookParagraph = true;
      continue;
    }
    break;
  }
  return { own, rest: li.children.slice(i) as RootContent[] };
}

function hasText(node: ElementContent): boolean {
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === "text" && /\S/.test(n.value)) return true;
    if (n.type === "element") appendAll(stack, n.children);
  }
  return false;
}

/** Collects drafts and puts each note right after the block that first refers to it. */
class BlockWriter {
  readonly blocks: DraftBlock[] = [];
  private readonly emitted = new Set<number>();

  constructor(private readonly flow: Flow) {}

  paragraph(t: InlineText): void {
    if (!t.text) return this.notesAfter(t.notes, this.flow.page);
    const typed = typedBullets(t.text);
    if (typed) this.push({ type: "list-item", text: typed.text, marker: typed.marker, depth: typed.depth, page: this.pageOf(t) }, t.notes);
    else this.push({ type: "paragraph", text: t.text, bold: t.bold, page: this.pageOf(t) }, t.notes);
  }

  footnote(label: string, t: InlineText): void {
    if (t.text) this.push({ type: "footnote", label, text: t.text, page: this.pageOf(t) }, t.notes);
  }

  heading(t: InlineText, level: number): void {
    if (!t.text) return this.notesAfter(t.notes, this.flow.page);
    this.push({ type: "heading", text: t.text, level, bold: t.bold, page: this.pageOf(t) }, t.notes);
  }

  bulletItem(t: InlineText, depth: number): void {
    if (!t.text) return this.notesAfter(t.notes, this.flow.page);
    const typed = typedBullets(t.text);
    const marker = typed?.marker ?? "•";
    const text = typed?.text ?? t.text;
    this.push({ type: "list-item", text, marker, depth: depth + (typed ? typed.depth : 0), page: this.pageOf(t) }, t.notes);
  }

  numberedItem(t: InlineText, list: ListContext): void {
    const position = list.next++;
    if (!t.text) return this.notesAfter(t.notes, this.flow.page);
    const text = readNumbering(t.text) ? t.text : `${olLabel(position, list.type)} ${t.text}`;
    this.push({ type: "paragraph", text, bold: t.bold, page: this.pageOf(t) }, t.notes);
  }

  push(block: DraftBlock, notes: Note[]): void {
    this.blocks.push(block);
    this.notesAfter(notes, block.page);
  }

  private notesAfter(notes: Note[], page: number): void {
    for (const note of notes) {
      if (this.emitted.has(note.key)) continue;
      this.emitted.add(note.key);
      // The note's own markers (back links, "[1]") are skipped by inlineText.
      // A note prints on its marker's page; breaks inside it do not move the body text on.
      const noteFlow: Flow = { ...this.flow, page, replacementChars: 0, warnings: this.flow.warnings };
      const body = inlineText(note.container.children, noteFlow);
      this.flow.replacementChars += noteFlow.replacementChars;
      if (body.text) this.blocks.push({ type: "footnote", label: note.label, text: body.text, page });
    }
  }

  private pageOf(t: InlineText): number {
    return t.page ?? this.flow.page;
  }
}

/** "- + Việc …" is an item one level down (the text parser reads it as a list in a list). */
function typedBullets(text: string): { marker: string; depth: number; text: string } | null {
  let marker: string | null = null;
  let depth = -1;
  let end = 0;
  TYPED_BULLET.lastIndex = 0;
  for (let m = TYPED_BULLET.exec(text); m; m = TYPED_BULLET.exec(text)) {
    marker = m[1];
    depth++;
    end = TYPED_BULLET.lastIndex;
  }
  return marker === null ? null : { marker, depth, text: text.slice(end) };
}

/** A position in an <ol> printed the way Vietnamese documents number: "1.", "a)", "I.". */
function olLabel(n: number, type: string): string {
  switch (type) {
    case "a":
      return `${formatNumber(n, "lowerLetter")})`;
    case "A":
      return `${formatNumber(n, "upperLetter")}.`;
    case "i":
      return `${formatNumber(n, "lowerRoman")}.`;
    case "I":
      return `${formatNumber(n, "upperRoman")}.`;
    default:
      return `${n}.`;
  }
}
