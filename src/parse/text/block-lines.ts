/**
 * Markdown blocks, line by line, in one pass: the CommonMark container algorithm
 * (block quotes, list items, GFM footnote definitions holding paragraphs,
 * ATX headings, fenced and indented code, HTML blocks, thematic breaks), with
 * micromark's reading wherever it differs from the spec's reference parser, so
 * the tree matches remark's on everything it accepts.
 *
 * Deliberately not remark's reading: a line of "===" or "---" right under a
 * paragraph. CommonMark makes the paragraph a setext heading; in converted
 * administrative documents that line is the short rule printed under the
 * issuing body and the national motto ("ỦY BAN NHÂN DÂN XÃ" / "-------"), so
 * the paragraph stays a paragraph and the rule, like a thematic break, carries
 * no text.
 *
 * Declined (UnsupportedMarkdown → remark reads the segment): tabs in a line's
 * indentation or after a block marker (their column arithmetic), link reference
 * definitions, GFM tables and task-list items, CDATA blocks, indented code
 * opening on the line that leaves a container.
 */
import type { BlockNode } from "./block-tree.js";
import {
  atxHeading,
  countSpaces,
  footnoteDefinitionStart,
  isBlankFrom,
  isClosingFence,
  isSpaceOrTab,
  thematicBreakMiss,
  isUnderline,
  listItemStart,
  openingFenceLength,
  SPACE,
  stripIndent,
} from "./block-starts.js";
import { continueContainer, type Container } from "./block-containers.js";
import { rejectUnsupportedLine } from "./declined-lines.js";
import { htmlBlockEndsIn, htmlBlockStart, type HtmlBlockKind } from "./html-syntax.js";
import { paragraphContent } from "./paragraph-content.js";
import { UnsupportedMarkdown } from "./unsupported.js";

export type MarkdownBlocks = {
  blocks: BlockNode<string>[];
  /** Normalised labels of the footnote definitions (the only labels a "[^…]" call can name). */
  footnotes: Set<string>;
};

type Node = BlockNode<string>;

type Leaf =
  | { kind: "paragraph"; lines: string[] }
  | { kind: "fenced"; char: number; length: number; indent: number; lines: string[] }
  | { kind: "indented"; lines: string[] }
  | { kind: "html"; type: HtmlBlockKind; lines: string[] };

export function readBlockLines(lines: readonly string[]): MarkdownBlocks {
  const reader = new BlockReader();
  lines.forEach((line, i) => {
    rejectUnsupportedLine(line);
    reader.line(line, i === lines.length - 1);
  });
  return reader.finish();
}

class BlockReader {
  private readonly document: Container = { kind: "document", children: [] };
  private readonly open: Container[] = [this.document];
  /** Open containers the current line has continued (the document always). */
  private matched = 1;
  private leaf: Leaf | null = null;
  private readonly footnotes = new Set<string>();

  line(line: string, last: boolean): void {
    // Where the line's text ends: every container asks whether the rest is blank, and must not rescan for it.
    let textEnd = line.length;
    while (textEnd > 0 && isSpaceOrTab(line.charCodeAt(textEnd - 1))) textEnd--;
    let pos = 0;
    this.matched = 1;
    while (this.matched < this.open.length) {
      const next = continueContainer(this.open[this.matched], line, pos, textEnd);
      if (next < 0) break;
      pos = next;
      this.matched++;
    }
    const allMatched = this.matched === this.open.length;
    const leaf = this.leaf;

    if (allMatched && leaf) {
      if (leaf.kind === "fenced") {
        if (isClosingFence(line, pos, leaf)) this.closeLeaf();
        else leaf.lines.push(stripIndent(line, pos, leaf.indent));
        return;
      }
      if (leaf.kind === "html") {
        const endsAtBlank = leaf.type === 6 || leaf.type === 7;
        if (!(endsAtBlank && pos >= textEnd)) {
          leaf.lines.push(line.slice(pos));
          if (htmlBlockEndsIn(line, pos, leaf.type)) this.closeLeaf();
          return;
        }
        this.closeLeaf();
      } else if (leaf.kind === "indented") {
        if (countSpaces(line, pos, 4) === 4) {
          leaf.lines.push(line.slice(pos + 4));
          return;
        }
        if (pos >= textEnd) {
          leaf.lines.push("");
          return;
        }
      }
    }

    // micromark lets a paragraph or indented code (all containers continued) stop a list
    // from starting with an empty item or a number other than 1 — for the whole line,
    // even inside a block quote opened on it ("para\n> 2. x" is not a list).
    const listsRestricted = allMatched && (leaf?.kind === "paragraph" || leaf?.kind === "indented");
    const paragraphOpen = this.leaf?.kind === "paragraph";
    const paragraphContinues = allMatched && paragraphOpen;
    let started = false;
    // The last thematic-break scan on this line: its character and where it failed (-1: it did not).
    let missChar = 0;
    let missAt = 0;

    for (;;) {
      const indent = countSpaces(line, pos);
      const at = pos + indent;
      if (indent >= 4) {
        if (at < textEnd && !(paragraphOpen && !started)) {
          // micromark splits indented code that opens on a line leaving a container
          // into one code block per line; rare enough to leave to it.
          if (!allMatched) throw new UnsupportedMarkdown("indented code after a container");
          this.closeUnmatched();
          this.closeLeaf();
          this.leaf = { kind: "indented", lines: [line.slice(pos + 4)] };
          return;
        }
        break;
      }
      const c = line.charCodeAt(at);
      if (c === 62 /* > */) {
        const children: Node[] = [];
        this.openContainer({ kind: "blockquote", children }, { type: "blockquote", children });
        pos = at + 1;
        if (line.charCodeAt(pos) === SPACE) pos++;
        started = true;
        continue;
      }
      if (c === 35 /* # */) {
        const heading = atxHeading(line, at);
        if (heading) {
          this.closeUnmatched();
          this.closeLeaf();
          this.append(heading);
          return;
        }
      }
      if (c === 96 /* ` */ || c === 126 /* ~ */) {
        const length = openingFenceLength(line, at);
        if (length) {
          this.closeUnmatched();
          this.closeLeaf();
          this.leaf = { kind: "fenced", char: c, length, indent, lines: [] };
          return;
        }
      }
      if (c === 60 /* < */) {
        const html = htmlBlockStart(line, at, paragraphContinues && !started);
        if (html === "cdata") throw new UnsupportedMarkdown("CDATA block");
        if (html) {
          // micromark quirk: a complete tag on a lazy line opens its block inside the containers
          // the line did not continue, as if the line were theirs — unless it is the last line;
          // any other kind closes them.
          if (!(html.kind === 7 && paragraphOpen && !allMatched && !started && !last)) this.closeUnmatched();
          this.closeLeaf();
          this.leaf = { kind: "html", type: html.kind, lines: [line.slice(pos)] };
          if (htmlBlockEndsIn(line, html.endScanFrom, html.kind)) this.closeLeaf();
          return;
        }
      }
      if (paragraphContinues && !started && isUnderline(line, at)) {
        this.closeLeaf(); // the rule under a paragraph: see the module comment
        this.append({ type: "silent" });
        return;
      }
      if ((c === 42 || c === 45 || c === 95) && !(c === missChar && at < missAt)) {
        missChar = c;
        missAt = thematicBreakMiss(line, at, c);
        if (missAt === -1) {
          this.closeUnmatched();
          this.closeLeaf();
          this.append({ type: "silent" });
          return;
        }
      }
      if (c === 91 /* [ */ && line.charCodeAt(at + 1) === 94 /* ^ */) {
        const definition = footnoteDefinitionStart(line, at);
        if (definition) {
          this.footnotes.add(definition.id);
          const children: Node[] = [];
          this.openContainer({ kind: "footnote", children }, { type: "footnote-definition", label: definition.id.toLowerCase(), children });
          pos = definition.contentStart;
          started = true;
          continue;
        }
      }
      const item = listItemStart(line, at, indent, listsRestricted, textEnd);
      if (item) {
        const children: Node[] = [];
        this.openContainer(
          { kind: "item", children, size: item.size, initialBlank: item.blank, furtherBlank: false },
          { type: "list-item", marker: item.marker, children },
        );
        pos = item.contentStart;
        started = true;
        continue;
      }
      break;
    }

    const blank = pos >= textEnd;
    if (!started && !allMatched && paragraphOpen && !blank) {
      (this.leaf as Extract<Leaf, { kind: "paragraph" }>).lines.push(line.slice(pos)); // lazy continuation
      return;
    }
    this.closeUnmatched();
    if (blank) {
      this.closeLeaf();
      return;
    }
    if (this.leaf?.kind === "paragraph" && !started) {
      this.leaf.lines.push(line.slice(pos));
      return;
    }
    this.closeLeaf();
    this.leaf = { kind: "paragraph", lines: [line.slice(pos)] };
  }

  finish(): MarkdownBlocks {
    this.closeLeaf();
    return { blocks: this.document.children, footnotes: this.footnotes };
  }

  private openContainer(container: Container, node: Node): void {
    this.closeUnmatched();
    this.closeLeaf();
    this.append(node);
    this.open.push(container);
    this.matched = this.open.length;
  }

  private append(node: Node): void {
    this.open[this.open.length - 1].children.push(node);
  }

  /** Closes the containers the current line did not continue (and the leaf inside them). */
  private closeUnmatched(): void {
    if (this.matched === this.open.length) return;
    this.closeLeaf();
    this.open.length = this.matched;
  }

  private closeLeaf(): void {
    const leaf = this.leaf;
    if (!leaf) return;
    this.leaf = null;
    switch (leaf.kind) {
      case "paragraph":
        this.append({ type: "paragraph", content: paragraphContent(leaf.lines) });
        return;
      case "fenced":
        this.append({ type: "code", value: leaf.lines.join("\n") });
        return;
      case "indented": {
        let end = leaf.lines.length;
        while (end > 0 && isBlankFrom(leaf.lines[end - 1], 0)) end--;
        this.append({ type: "code", value: leaf.lines.slice(0, end).join("\n") });
        return;
      }
      case "html":
        this.append({ type: "html", value: leaf.lines.join("\n") });
        return;
    }
  }
}
