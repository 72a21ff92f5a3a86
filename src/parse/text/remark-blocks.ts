/**
 * The reference Markdown reader: unified + remark-parse + remark-gfm (CommonMark
 * and GFM, by micromark). Slow (well under 1 MB/s), so the line reader in
 * block-lines.ts does the everyday work; this one reads what that one declines
 * and is what the differential test holds it to.
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import type { PhrasingContent, Root, RootContent } from "mdast";
import type { DraftBlock } from "../draft.js";
import { treeToDrafts, type BlockNode } from "./block-tree.js";
import { PhrasedText, type Phrased } from "./phrased-text.js";

const markdown = unified().use(remarkParse).use(remarkGfm);

export function remarkBlocks(text: string, page: number): DraftBlock[] {
  const tree = markdown.parse(text) as Root;
  return treeToDrafts(toBlockNodes(tree.children, text), page, phrasing);
}

type Node = BlockNode<PhrasingContent[]>;

/** mdast → the block tree, iteratively (deep nesting must not overflow the stack). */
function toBlockNodes(roots: RootContent[], src: string): Node[] {
  const top: Node[] = [];
  const work: { nodes: RootContent[]; into: Node[] }[] = [{ nodes: roots, into: top }];
  const container = (nodes: RootContent[]) => {
    const children: Node[] = [];
    work.push({ nodes, into: children });
    return children;
  };
  while (work.length) {
    const { nodes, into } = work.pop()!;
    for (const node of nodes) {
      switch (node.type) {
        case "heading":
          into.push({ type: "heading", depth: node.depth, content: node.children });
          break;
        case "paragraph":
          into.push({ type: "paragraph", content: node.children });
          break;
        case "list":
          for (const item of node.children) {
            const start = item.position?.start.offset ?? 0;
            const marker = src.slice(start).match(/^\s*([-+*•]|\d+[.)])/)?.[1] ?? "-";
            into.push({ type: "list-item", marker, children: container(item.children) });
          }
          break;
        case "table":
          into.push({ type: "table", rows: node.children.map((row) => row.children.map((cell) => cell.children)) });
          break;
        case "code":
          into.push({ type: "code", value: node.value });
          break;
        case "blockquote":
          into.push({ type: "blockquote", children: container(node.children) });
          break;
        case "html":
          into.push({ type: "html", value: node.value });
          break;
        case "footnoteDefinition":
          into.push({ type: "footnote-definition", label: node.identifier, children: container(node.children) });
          break;
        default:
          into.push({ type: "silent" }); // thematicBreak, definition: no text
      }
    }
  }
  return top;
}

function phrasing(nodes: PhrasingContent[]): Phrased {
  const out = new PhrasedText();
  const walk = (list: PhrasingContent[], bold: boolean) => {
    for (const n of list) {
      switch (n.type) {
        case "text":
        case "inlineCode":
          out.text(n.value, bold);
          break;
        case "strong":
          walk(n.children, true);
          break;
        case "emphasis":
        case "delete":
        case "link":
        case "linkReference":
          walk(n.children as PhrasingContent[], bold);
          break;
        case "break":
          out.text("\n", bold);
          break;
        case "footnoteReference":
          break;
        case "html":
          out.html(n.value, bold);
          break;
        default:
          if ("children" in n) walk((n as { children: PhrasingContent[] }).children, bold);
          else if ("value" in n) out.text(String((n as { value: string }).value), bold);
      }
    }
  };
  walk(nodes, false);
  return out.result();
}
