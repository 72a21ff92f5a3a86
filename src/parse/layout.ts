/**
 * Lays draft blocks out as one linear text and gives every block, row and cell
 * its span and page — the last parse stage, after structure and table joins.
 */
import type { Block, DocumentModel, Row, Span } from "../../schemas/document.js";
import type { DraftBlock, DraftDocument } from "./draft.js";
import { classifyHeading } from "./structure.js";
import { maxOf } from "../large-arrays.js";

export function layoutDocument(draft: DraftDocument, source: DocumentModel["source"]): DocumentModel {
  let text = "";
  const blocks: Block[] = [];
  const put = (s: string): Span => {
    const start = text.length;
    text += s;
    return { start, end: text.length };
  };
  const sep = () => {
    if (text.length) text += "\n\n";
  };

  for (const d of draft.blocks) {
    if (d.type === "table" && d.rows.length === 0) continue;
    if ("text" in d && d.type !== "signature" && !d.text.trim()) continue;
    sep();
    blocks.push(place(d, put, () => text.length));
  }

  const pageCount = maxOf(blocks, (b) => (b.type === "table" ? b.pageEnd : b.page), Math.max(draft.pages, 1));
  // First and last block of each page in one pass (a per-page filter was pages × blocks).
  const first = new Map<number, Block>();
  const last = new Map<number, Block>();
  for (const b of blocks) {
    if (!first.has(b.page)) first.set(b.page, b);
    last.set(b.page, b);
  }
  const pages: DocumentModel["pages"] = [];
  for (let p = 1; p <= pageCount; p++) {
    const start: number = first.get(p)?.span.start ?? (pages.length ? pages[pages.length - 1].span.end : 0);
    const end = last.get(p)?.span.end ?? start;
    pages.push({ number: p, span: { start, end } });
  }
  return { source, pages, text, blocks, warnings: draft.warnings };
}

function place(d: DraftBlock, put: (s: string) => Span, at: () => number): Block {
  switch (d.type) {
    case "paragraph":
    case "heading": {
      const marked = d.type === "heading";
      const bold = d.bold ?? false;
      const c = classifyHeading(d.text, bold, marked);
      const span = put(d.text);
      if (c.heading) {
        const level = d.type === "heading" && !c.numbering && d.level ? Math.min(d.level, 9) : c.level;
        return { type: "heading", page: d.page, span, level, numbering: c.numbering, text: d.text, bold };
      }
      return { type: "paragraph", page: d.page, span, numbering: c.numbering, text: d.text, bold };
    }
    case "list-item":
      return { type: "list-item", page: d.page, span: put(d.text), marker: d.marker, depth: d.depth, text: d.text };
    case "footnote":
      return { type: "footnote", page: d.page, span: put(d.text), label: d.label, text: d.text };
    case "signature":
      return {
        type: "signature",
        page: d.page,
        span: put(d.text),
        authority: d.authority,
        position: d.position,
        name: d.name,
        text: d.text,
      };
    case "table": {
      const start = at();
      const rows: Row[] = d.rows.map((r, i) => {
        if (i > 0) put("\n");
        const rowStart = at();
        const cells = r.cells.map((c, k) => {
          if (k > 0) put("\t");
          const span = put(c.text.replace(/\n/g, " "));
          return {
            text: c.text,
            span,
            rowspan: c.rowspan ?? 1,
            colspan: c.colspan ?? 1,
            bold: c.bold ?? false,
            ...(c.spanned ? { spanned: true } : {}),
          };
        });
        return { cells, header: r.header ?? false, page: r.page, span: { start: rowStart, end: at() } };
      });
      const pageEnd = maxOf(d.rows, (r) => r.page, d.page);
      return { type: "table", page: d.page, pageEnd, span: { start, end: at() }, rows };
    }
  }
}
