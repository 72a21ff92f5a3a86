/**
 * The document model: what every parser produces and every extractor reads.
 *
 * One linear text (`text`, NFC, cleaned, original spelling kept for display) holds
 * every block; each block, row and cell carries its character span into it and the
 * page it starts on. Extractors match against `foldForMatch(text)` (same length,
 * so spans are shared) and report spans into `text`.
 *
 * Layout of `text`: blocks are separated by "\n\n"; a table's rows by "\n", and the
 * cells of a row by "\t"; a line break inside a cell is kept as "\n" only in the
 * cell's own `text` — in the linear text it is written as " " so that rows stay one
 * line each (cell spans therefore still cover exactly the cell's characters).
 */
import { z } from "zod";

export const Span = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
});
export type Span = z.infer<typeof Span>;

/** A positioned message (unified's VFileMessage, reduced to plain data). */
export const Message = z.object({
  source: z.string(), // the stage that said it: "parse-pdf", "join-tables", "extract-metrics" …
  reason: z.string(),
  page: z.number().int().min(1).nullable(),
  span: Span.nullable(),
});
export type Message = z.infer<typeof Message>;

const positioned = {
  page: z.number().int().min(1),
  span: Span,
};

export const Heading = z.object({
  type: z.literal("heading"),
  ...positioned,
  /** 1 = top level ("I.", "PHỤ LỤC", "KẾ HOẠCH"); deeper numbering gives deeper levels. */
  level: z.number().int().min(1).max(9),
  /** Numbering as printed: "II.", "1.1.", "a)", "(3)", or null. */
  numbering: z.string().nullable(),
  text: z.string(),
  bold: z.boolean(),
});

export const Paragraph = z.object({
  type: z.literal("paragraph"),
  ...positioned,
  /** Leading numbering when the paragraph starts with one ("1.", "2.3.", "a)"). */
  numbering: z.string().nullable(),
  text: z.string(),
  /** The whole paragraph is bold (real documents mark headings this way). */
  bold: z.boolean(),
});

export const ListItem = z.object({
  type: z.literal("list-item"),
  ...positioned,
  /** "-", "+", "•", "*" or a numbering like "(1)". */
  marker: z.string(),
  depth: z.number().int().min(0),
  text: z.string(),
});

/** A box on the page in PDF points, from the page's top-left corner (upright page). */
export const Box = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });

export const Cell = z.object({
  text: z.string(), // line breaks inside the cell kept as "\n"
  span: Span,
  rowspan: z.number().int().min(1),
  colspan: z.number().int().min(1),
  bold: z.boolean(),
  /** Set on the cells a row inherits from a rowspan above it (copies of that cell). */
  spanned: z.boolean().optional(),
  /** On a page read by OCR: the box around the cell's OCR lines, and their word-weighted mean confidence (0–100). */
  box: Box.optional(),
  confidence: z.number().min(0).max(100).optional(),
});
export type Cell = z.infer<typeof Cell>;

export const Row = z.object({
  cells: z.array(Cell),
  header: z.boolean(),
  page: z.number().int().min(1),
  span: Span,
});
export type Row = z.infer<typeof Row>;

export const Table = z.object({
  type: z.literal("table"),
  ...positioned,
  /** Last page the table reaches (tables joined across page breaks). */
  pageEnd: z.number().int().min(1),
  rows: z.array(Row),
});

export const Footnote = z.object({
  type: z.literal("footnote"),
  ...positioned,
  label: z.string(),
  text: z.string(),
});

export const Signature = z.object({
  type: z.literal("signature"),
  ...positioned,
  /** "KT. CHỦ TỊCH", "T/M BAN THƯỜNG VỤ", "TL. …", "TUQ. …" or null. */
  authority: z.string().nullable(),
  /** The signer's position as printed ("PHÓ CHỦ TỊCH"), lines joined with " ". */
  position: z.string().nullable(),
  name: z.string().nullable(),
  text: z.string(),
});

export const Block = z.discriminatedUnion("type", [Heading, Paragraph, ListItem, Table, Footnote, Signature]);
export type Block = z.infer<typeof Block>;
export type HeadingBlock = z.infer<typeof Heading>;
export type ParagraphBlock = z.infer<typeof Paragraph>;
export type ListItemBlock = z.infer<typeof ListItem>;
export type TableBlock = z.infer<typeof Table>;
export type FootnoteBlock = z.infer<typeof Footnote>;
export type SignatureBlock = z.infer<typeof Signature>;

export const Format = z.enum(["pdf", "docx", "md", "txt", "html"]);
export type Format = z.infer<typeof Format>;

export const Page = z.object({ number: z.number().int().min(1), span: Span });

/** A line as OCR read it: where it is on the page and in `text`, and how sure Tesseract was. */
export const OcrLine = z.object({
  page: z.number().int().min(1),
  /** Where the line's text sits in the document text; null when layout rewrote it (a word joined over a line break). */
  span: Span.nullable(),
  box: Box,
  /** Mean word confidence, 0–100. */
  confidence: z.number().min(0).max(100),
  text: z.string(),
});
export type OcrLine = z.infer<typeof OcrLine>;

/** Present when some pages had no usable text layer and were read by OCR. */
export const OcrInfo = z.object({
  engine: z.string(),
  /** The pages read by OCR. */
  pages: z.array(z.number().int().min(1)),
  /** Word-weighted mean confidence of the words kept, 0–100. */
  meanConfidence: z.number().min(0).max(100),
  /** Pages taken from the OCR cache instead of Tesseract. */
  cachedPages: z.number().int().min(0),
  lines: z.array(OcrLine),
});
export type OcrInfo = z.infer<typeof OcrInfo>;

export const DocumentModel = z.object({
  source: z.object({
    file: z.string(), // path as given
    sha256: z.string(),
    format: Format,
    /** The byte encoding a text file was decoded from: "utf-8", "windows-1258", "tcvn3", "vni". */
    encoding: z.string().optional(),
    size: z.number().int().min(0),
  }),
  pages: z.array(Page),
  text: z.string(),
  blocks: z.array(Block),
  warnings: z.array(Message),
  ocr: OcrInfo.optional(),
});
export type DocumentModel = z.infer<typeof DocumentModel>;
