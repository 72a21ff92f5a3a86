/**
 * The Markdown block tree both readers produce, and its one conversion to draft
 * blocks. `P` is a paragraph's or heading's inline content in whatever form the
 * reader keeps it (remark's phrasing nodes, or the raw source text); `phrase`
 * turns it into text.
 *
 * Lists are flattened to their items: which list an item belongs to never
 * changes a draft block.
 */
import type { DraftBlock, DraftRow } from "../draft.js";
import { tidy } from "./clean-and-tidy.js";
import { removeTags } from "./html-syntax.js";
import { FORMATTING_TAG, type Phrased } from "./phrased-text.js";

export type BlockNode<P> =
  | { type: "heading"; depth: number; content: P }
  | { type: "paragraph"; content: P }
  | { type: "list-item"; marker: string; children: BlockNode<P>[] }
  | { type: "code"; value: string }
  | { type: "blockquote"; children: BlockNode<P>[] }
  | { type: "html"; value: string }
  | { type: "footnote-definition"; label: string; children: BlockNode<P>[] }
  | { type: "table"; rows: P[][] }
  /** Thematic breaks and link definitions: no text. */
  | { type: "silent" };

export type Phrase<P> = (content: P) => Phrased;

/** A container being walked: its children, where their blocks go, and what it adds after its last child. */
type Frame<P> = {
  children: BlockNode<P>[];
  next: number;
  depth: number;
  out: DraftBlock[];
} & (
  | { kind: "blocks" }
  /** `first`: no paragraph yet — the item's first paragraph is its own text. */
  | { kind: "item"; marker: string; first: boolean }
  /** Children collect into `out`; the footnote goes to `parent` as their text. */
  | { kind: "footnote"; label: string; parent: DraftBlock[] }
);

/**
 * Walks the tree with an explicit stack rather than recursion: a hostile file
 * nesting thousands of block quotes or list items must not overflow the call
 * stack.
 */
export function treeToDrafts<P>(nodes: BlockNode<P>[], page: number, phrase: Phrase<P>): DraftBlock[] {
  const result: DraftBlock[] = [];
  const stack: Frame<P>[] = [{ kind: "blocks", children: nodes, next: 0, depth: 0, out: result }];
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.next >= frame.children.length) {
      stack.pop();
      if (frame.kind === "item" && frame.first) frame.out.push({ type: "list-item", text: "", page, marker: frame.marker, depth: frame.depth });
      else if (frame.kind === "footnote")
        frame.parent.push({ type: "footnote", label: frame.label, text: frame.out.map((b) => ("text" in b ? b.text : "")).join("\n"), page });
      continue;
    }
    const child = frame.children[frame.next++];
    if (frame.kind !== "item") visitBlock(child, frame.depth, frame.out, page, phrase, stack);
    else if (child.type === "paragraph" && frame.first) {
      const { text, bold } = literal(phrase(child.content));
      // "1. Giao …" is printed numbering, not a list: keep the number in the text.
      if (/^\d/.test(frame.marker)) frame.out.push({ type: "paragraph", text: `${frame.marker} ${text}`, page, bold });
      else frame.out.push({ type: "list-item", text, page, marker: frame.marker, depth: frame.depth });
      frame.first = false;
    } else if (child.type === "list-item") {
      // "- + Việc …": an empty outer item whose only content is an inner list.
      frame.first = false;
      visitBlock(child, frame.depth + 1, frame.out, page, phrase, stack);
    } else visitBlock(child, frame.depth + 1, frame.out, page, phrase, stack);
  }
  return result;
}

/**
 * Emphasis delimiters that CommonMark leaves literal because nothing closes them ("**Điều 1.****"
 * + "**Công bố …" as web pages save bold runs): a run of two or more asterisks is never text
 * in these documents, so it goes, with the blank it leaves doubled.
 */
function literal<T extends { text: string }>(p: T): T {
  if (!p.text.includes("**")) return p;
  return { ...p, text: p.text.replace(/\*{2,}/g, "").replace(/[ \t]{2,}/g, " ").replace(/[ \t]+\n|\n[ \t]+/g, "\n").trim() };
}

/** A block's drafts; a container's children are left on `stack` for the walk. */
function visitBlock<P>(node: BlockNode<P>, depth: number, out: DraftBlock[], page: number, phrase: Phrase<P>, stack: Frame<P>[]): void {
  switch (node.type) {
    case "heading": {
      const { text, bold } = literal(phrase(node.content));
      if (text) out.push({ type: "heading", text, page, level: node.depth, bold });
      return;
    }
    case "paragraph": {
      const { text, bold, footnoteLabel } = literal(phrase(node.content));
      if (!text) return;
      if (footnoteLabel) out.push({ type: "footnote", label: footnoteLabel, text, page });
      else out.push({ type: "paragraph", text, page, bold });
      return;
    }
    case "list-item":
      stack.push({ kind: "item", children: node.children, next: 0, depth, out, marker: node.marker, first: true });
      return;
    case "table":
      out.push(tableBlock(node.rows, page, phrase));
      return;
    case "code":
      if (node.value.trim()) out.push({ type: "paragraph", text: tidy(node.value), page });
      return;
    case "blockquote":
      stack.push({ kind: "blocks", children: node.children, next: 0, depth, out });
      return;
    case "html": {
      const text = tidy(removeTags(node.value.replace(/<br\s*\/?>/gi, "\n"), FORMATTING_TAG));
      if (text) out.push({ type: "paragraph", text, page });
      return;
    }
    case "footnote-definition":
      stack.push({ kind: "footnote", children: node.children, next: 0, depth, out: [], label: node.label, parent: out });
      return;
    case "silent":
      return;
  }
}

function tableBlock<P>(rows: P[][], page: number, phrase: Phrase<P>): DraftBlock {
  const draftRows: DraftRow[] = rows.map((row, r) => ({
    page,
    header: r === 0,
    cells: row.map((cell) => {
      const { text, bold } = phrase(cell);
      return { text, bold };
    }),
  }));
  return { type: "table", page, rows: draftRows };
}
