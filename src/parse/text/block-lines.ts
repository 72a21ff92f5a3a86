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
import { htmlBlockEndsIn, htmlBlockStart, type HtmlBlockKind } from "./html-syntax.js";
import { UnsupportedMarkdown } from "./unsupported.js";

export type MarkdownBlocks = {
  blocks: BlockNode<string>[];
  /** Normalised labels of the footnote definitions (the only labels a "[^…]" call can name). */
  footnotes: Set<string>;
};

type Node = BlockNode<string>;

type Container =
  | { kind: "document" | "blockquote" | "footnote"; children: Node[] }
  | {
      kind: "item";
      children: Node[];
      /** Indentation a continuation line needs (marker, its spaces, and the indentation before it). */
      size: number;
      /** The item's first line was only its marker. */
      initialBlank: boolean;
      /** Such an item then met a blank line: it cannot continue past the next text. */
      furtherBlank: boolean;
    };

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

/**
 * Index just past the container's prefix on this line, or -1 when the line does
 * not continue it. `textEnd`: where the line's text ends (the rest is blank).
 */
function continueContainer(container: Container, line: string, pos: number, textEnd: number): number {
  switch (container.kind) {
    case "blockquote": {
      const indent = countSpaces(line, pos, 4);
      if (indent > 3 || line.charCodeAt(pos + indent) !== 62) return -1;
      const after = pos + indent + 1;
      return line.charCodeAt(after) === SPACE ? after + 1 : after;
    }
    case "item": {
      if (pos >= textEnd) {
        container.furtherBlank ||= container.initialBlank;
        return pos + countSpaces(line, pos, container.size);
      }
      const further = container.furtherBlank;
      container.furtherBlank = container.initialBlank = false;
      if (further || countSpaces(line, pos, container.size) < container.size) return -1;
      return pos + container.size;
    }
    case "footnote":
      if (pos >= textEnd) return pos;
      return countSpaces(line, pos, 4) === 4 ? pos + 4 : -1;
    default:
      return pos;
  }
}

/**
 * A paragraph's inline source: the lines as they stand after their containers'
 * prefixes, without the first line's indentation and the last line's trailing
 * blanks. Later lines keep their indentation: micromark keeps it inside code
 * spans ("`a\n   b`" is "a\n   b"), and in plain text tidying drops it anyway.
 */
function paragraphContent(lines: string[]): string {
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

const PREFIX_CHARS = /^[ \t>\-+*#0-9.)`~]*/;

/**
 * Lines this reader leaves to remark: a tab where indentation or a block marker
 * is read (CommonMark counts it to the next multiple of four columns), and a GFM
 * table delimiter row that the line table reader in segments.ts did not take.
 */
function rejectUnsupportedLine(line: string): void {
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
