/**
 * Draft blocks: what a format parser hands to the shared stages (normalise →
 * structure → join tables → layout). Drafts carry text and page numbers only;
 * spans are assigned once, by `layoutDocument`, after every stage that may
 * merge or split blocks has run.
 */
import type { Message } from "../../schemas/document.js";
import type { OcrDraft } from "./pdf/ocr.js";

export type DraftCell = {
  text: string;
  rowspan?: number;
  colspan?: number;
  bold?: boolean;
  /** A copy of a rowspan cell from a row above (filled in so every row is complete). */
  spanned?: boolean;
};

export type DraftRow = { cells: DraftCell[]; header?: boolean; page: number };

export type DraftBlock =
  | { type: "paragraph"; text: string; page: number; bold?: boolean }
  | { type: "heading"; text: string; page: number; level?: number; bold?: boolean }
  | { type: "list-item"; text: string; page: number; marker: string; depth: number }
  | {
      type: "table";
      page: number;
      rows: DraftRow[];
      /** The table starts right after a page break (its first row may continue the previous table). */
      afterPageBreak?: boolean;
      /** Drawn without ruling lines (layout tables, borderless PDF tables). */
      borderless?: boolean;
    }
  | { type: "footnote"; label: string; text: string; page: number }
  | {
      type: "signature";
      page: number;
      authority: string | null;
      position: string | null;
      name: string | null;
      text: string;
    };

export type DraftDocument = {
  blocks: DraftBlock[];
  /** Number of pages; 1 for formats without pages. */
  pages: number;
  warnings: Message[];
  /** Set when some pages were read by OCR (scanned PDFs). */
  ocr?: OcrDraft;
};

export const message = (source: string, reason: string, page: number | null = null): Message => ({
  source,
  reason,
  page,
  span: null,
});
