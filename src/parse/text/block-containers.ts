/**
 * The containers of the Markdown block reader (block-lines.ts) — block quotes, list
 * items, GFM footnote definitions — and whether a line continues one: the
 * CommonMark container algorithm's first step, with micromark's reading of blank
 * lines in an item that opened empty.
 */
import type { BlockNode } from "./block-tree.js";
import { countSpaces, SPACE } from "./block-starts.js";

export type Container =
  | { kind: "document" | "blockquote" | "footnote"; children: BlockNode<string>[] }
  | {
      kind: "item";
      children: BlockNode<string>[];
      /** Indentation a continuation line needs (marker, its spaces, and the indentation before it). */
      size: number;
      /** The item's first line was only its marker. */
      initialBlank: boolean;
      /** Such an item then met a blank line: it cannot continue past the next text. */
      furtherBlank: boolean;
    };

/**
 * Index just past the container's prefix on this line, or -1 when the line does
 * not continue it. `textEnd`: where the line's text ends (the rest is blank).
 */
export function continueContainer(container: Container, line: string, pos: number, textEnd: number): number {
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
