/**
 * Markdown and plain text → draft blocks.
 *
 * Accepts what converted commune documents look like:
 *   - Markdown (CommonMark + GFM via unified/remark-parse/remark-gfm): ATX headings,
 *     `**bold**`, lists with "-"/"+"/"*", inline HTML `<b>`, `<br>`,
 *     `<sup>1</sup>` footnote markers, `[^1]` footnotes;
 *   - GFM pipe tables ("| a | b |" over a "|---|---|" row), read here line by line
 *     rather than by remark-gfm, whose table parsing grows quadratically with the
 *     row count (100k rows took minutes); cells keep `<br>` breaks and `<b>` bold;
 *   - tab-separated tables (a run of lines holding tabs; a blank line inside the
 *     run is a page break, so the run becomes several table parts that the
 *     join stage stitches back together);
 *   - form feeds (\f) as page breaks;
 *   - plain paragraphs whose headings are known only by their numbering (the
 *     structure stage recognises those for every format).
 */
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import type { Root, RootContent, PhrasingContent, ListItem, Table } from "mdast";
import { cleanText, tidyInline } from "../normalise/text.js";
import type { DraftBlock, DraftCell, DraftDocument, DraftRow } from "./draft.js";

const markdown = unified().use(remarkParse).use(remarkGfm);

// Tags converters use for formatting; any other tag in a document is kept as text.
const FORMATTING = "b|strong|i|em|u|s|sub|sup|span|font|a|p|div|small|big|mark|center";
const FORMATTING_TAG = new RegExp(`^<\\/?(${FORMATTING})(\\s[^>]*)?\\/?>$`, "i");
const FORMATTING_TAGS = new RegExp(`<\\/?(${FORMATTING})(\\s[^>]*)?\\/?>`, "gi");

export function parseText(source: string): DraftDocument {
  const text = cleanText(source);
  const blocks: DraftBlock[] = [];
  const pagesText = text.split("\f");
  pagesText.forEach((pageText, i) => {
    for (const segment of splitTabRegions(pageText)) {
      if (segment.kind === "tabs") blocks.push(...tabTables(segment.lines, i + 1));
      else if (segment.kind === "pipes") blocks.push(pipeTableLines(segment.lines, i + 1));
      else blocks.push(...markdownBlocks(segment.text, i + 1));
    }
  });
  return { blocks, pages: pagesText.length, warnings: [] };
}

type Segment = { kind: "markdown"; text: string } | { kind: "tabs"; lines: string[] } | { kind: "pipes"; lines: string[] };

const PIPE_ROW = /^\s{0,3}\|/;
const PIPE_DELIMITER = /^\s{0,3}\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

/** A line is a table line when it holds a tab; a run may contain blank lines (page breaks). */
function splitTabRegions(text: string): Segment[] {
  const lines = text.split("\n");
  const out: Segment[] = [];
  let md: string[] = [];
  let i = 0;
  const flushMd = () => {
    if (md.length) out.push({ kind: "markdown", text: md.join("\n") });
    md = [];
  };
  while (i < lines.length) {
    if (PIPE_ROW.test(lines[i]) && i + 1 < lines.length && PIPE_DELIMITER.test(lines[i + 1]) && lines[i + 1].includes("-")) {
      const run = [lines[i]];
      i += 2;
      while (i < lines.length && PIPE_ROW.test(lines[i])) run.push(lines[i++]);
      flushMd();
      out.push({ kind: "pipes", lines: run });
      continue;
    }
    if (!lines[i].includes("\t")) {
      md.push(lines[i++]);
      continue;
    }
    const run: string[] = [];
    while (i < lines.length) {
      if (lines[i].includes("\t")) run.push(lines[i++]);
      else if (lines[i].trim() === "") {
        let j = i;
        while (j < lines.length && lines[j].trim() === "") j++;
        if (j < lines.length && lines[j].includes("\t") && run.length) {
          run.push("");
          i = j;
        } else break;
      } else break;
    }
    // One stray tab in a paragraph is not a table.
    if (run.length === 1 && (run[0].match(/\t/g) ?? []).length < 2) md.push(run[0]);
    else {
      flushMd();
      out.push({ kind: "tabs", lines: run });
    }
  }
  flushMd();
  return out;
}

function tabTables(lines: string[], page: number): DraftBlock[] {
  const parts: string[][] = [[]];
  for (const line of lines) {
    if (line === "") parts.push([]);
    else parts[parts.length - 1].push(line);
  }
  const width = Math.max(...lines.map((l) => l.split("\t").length));
  return parts
    .filter((p) => p.length)
    .map((part, k) => ({
      type: "table" as const,
      page,
      afterPageBreak: k > 0,
      rows: part.map((line): DraftRow => {
        const cells = line.split("\t").map(inlineHtmlCell);
        while (cells.length < width) cells.push({ text: "" });
        return { cells, page };
      }),
    }));
}

/** Splits a pipe row on unescaped "|" (an escaped "\\|" is a literal bar). */
function pipeCells(line: string): string[] {
  const body = line.trim().replace(/^\|/, "").replace(/(?<!\\)\|\s*$/, "");
  return body.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, "|"));
}

function pipeTableLines(lines: string[], page: number): DraftBlock {
  const rows = lines.map((line, r): DraftRow => ({ page, header: r === 0, cells: pipeCells(line).map(inlineHtmlCell) }));
  const width = Math.max(...rows.map((r) => r.cells.length));
  for (const r of rows) while (r.cells.length < width) r.cells.push({ text: "" });
  return { type: "table", page, rows };
}

function inlineHtmlCell(raw: string): DraftCell {
  const bold = /^\s*(<b>|\*\*)/i.test(raw) && /(<\/b>|\*\*)\s*$/i.test(raw);
  const text = tidyInline(
    raw
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<sup>\s*\d+\s*<\/sup>/gi, "")
      .replace(/<\/?(b|strong|i|em|u|sup|sub|span)(\s[^>]*)?>/gi, "")
      .replace(/\*\*|__/g, "")
      .replace(/(^|\s)\*(\S(?:[^*]*\S)?)\*(?=\s|[.,;:]|$)/g, "$1$2")
      .replace(/\\([\\`*_{}[\]()#+\-.!<>|])/g, "$1"),
  );
  return { text, bold };
}

function markdownBlocks(text: string, page: number): DraftBlock[] {
  const tree = markdown.parse(text) as Root;
  const out: DraftBlock[] = [];
  for (const node of tree.children) visitBlock(node, text, page, 0, out);
  return out;
}

function visitBlock(node: RootContent, src: string, page: number, depth: number, out: DraftBlock[]): void {
  switch (node.type) {
    case "heading": {
      const { text, bold } = phrasing(node.children);
      if (text) out.push({ type: "heading", text, page, level: node.depth, bold });
      return;
    }
    case "paragraph": {
      const { text, bold, footnoteLabel } = phrasing(node.children);
      if (!text) return;
      if (footnoteLabel) out.push({ type: "footnote", label: footnoteLabel, text, page });
      else out.push({ type: "paragraph", text, page, bold });
      return;
    }
    case "list":
      for (const item of node.children) visitListItem(item, src, page, depth, out);
      return;
    case "table":
      out.push(pipeTable(node, page));
      return;
    case "code":
      if (node.value.trim()) out.push({ type: "paragraph", text: tidyInline(node.value), page });
      return;
    case "blockquote":
      for (const child of node.children) visitBlock(child, src, page, depth, out);
      return;
    case "html": {
      const text = tidyInline(node.value.replace(/<br\s*\/?>/gi, "\n").replace(FORMATTING_TAGS, ""));
      if (text) out.push({ type: "paragraph", text, page });
      return;
    }
    case "footnoteDefinition": {
      const inner: DraftBlock[] = [];
      for (const child of node.children) visitBlock(child, src, page, depth, inner);
      const text = inner.map((b) => ("text" in b ? b.text : "")).join("\n");
      out.push({ type: "footnote", label: node.identifier, text, page });
      return;
    }
    default:
      return; // thematicBreak, definition: no text
  }
}

function visitListItem(item: ListItem, src: string, page: number, depth: number, out: DraftBlock[]): void {
  const start = item.position?.start.offset ?? 0;
  const marker = src.slice(start).match(/^\s*([-+*•]|\d+[.)])/)?.[1] ?? "-";
  let first = true;
  for (const child of item.children) {
    if (child.type === "paragraph" && first) {
      const { text, bold } = phrasing(child.children);
      // "1. Giao …" is printed numbering, not a list: keep the number in the text.
      if (/^\d/.test(marker)) out.push({ type: "paragraph", text: `${marker} ${text}`, page, bold });
      else out.push({ type: "list-item", text, page, marker, depth });
      first = false;
    } else if (child.type === "list") {
      // "- + Việc …": an empty outer item whose only content is an inner list.
      if (first) first = false;
      for (const inner of child.children) visitListItem(inner, src, page, depth + 1, out);
    } else visitBlock(child, src, page, depth + 1, out);
  }
  if (first) out.push({ type: "list-item", text: "", page, marker, depth });
}

function pipeTable(node: Table, page: number): DraftBlock {
  const rows: DraftRow[] = node.children.map((row, r) => ({
    page,
    header: r === 0,
    cells: row.children.map((cell) => {
      const { text, bold } = phrasing(cell.children);
      return { text, bold };
    }),
  }));
  return { type: "table", page, rows };
}

/**
 * Inline content → text. `<br>` and hard breaks become "\n"; `<sup>n</sup>` footnote
 * markers are dropped from the running text (a paragraph that *starts* with one is a
 * footnote body and reports its label). `bold` is true when every letter is bold.
 */
function phrasing(nodes: PhrasingContent[]): { text: string; bold: boolean; footnoteLabel: string | null } {
  let text = "";
  let boldLetters = 0;
  let letters = 0;
  let inSup = false;
  let supText = "";
  let footnoteLabel: string | null = null;
  let htmlBold = 0;
  const add = (s: string, bold: boolean) => {
    if (inSup) {
      supText += s;
      return;
    }
    text += s;
    const n = (s.match(/\p{L}/gu) ?? []).length;
    letters += n;
    if (bold || htmlBold > 0) boldLetters += n;
  };
  const walk = (list: PhrasingContent[], bold: boolean) => {
    for (const n of list) {
      switch (n.type) {
        case "text":
        case "inlineCode":
          add(n.value, bold);
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
          add("\n", bold);
          break;
        case "footnoteReference":
          break;
        case "inlineMath" as string:
          add((n as unknown as { value: string }).value, bold);
          break;
        case "html": {
          const tag = n.value.trim().toLowerCase();
          if (/^<br\s*\/?>$/.test(tag)) add("\n", bold);
          else if (tag === "<sup>") {
            inSup = true;
            supText = "";
          } else if (tag === "</sup>") {
            inSup = false;
            if (/^\s*\d+\s*$/.test(supText)) {
              if (!text.trim()) footnoteLabel = supText.trim();
            } else add(supText, bold);
          } else if (/^<(b|strong)>$/.test(tag)) htmlBold++;
          else if (/^<\/(b|strong)>$/.test(tag)) htmlBold = Math.max(0, htmlBold - 1);
          else if (/^<sup>\s*\d+\s*<\/sup>$/.test(tag)) {
            if (!text.trim()) footnoteLabel = tag.replace(/\D/g, "");
          } else if (!FORMATTING_TAG.test(tag)) add(n.value, bold); // <script> and the like are the document's text, not markup
          break;
        }
        default:
          if ("children" in n) walk((n as { children: PhrasingContent[] }).children, bold);
          else if ("value" in n) add(String((n as { value: string }).value), bold);
      }
    }
  };
  walk(nodes, false);
  const cleaned = tidyInline(text);
  return { text: cleaned, bold: letters > 0 && boldLetters === letters, footnoteLabel };
}
