/**
 * The parse stage: bytes of any supported format → the document model.
 *
 * parse (per format) → clean text → structure → join tables → layout. Each format
 * parser returns draft blocks; the later steps are shared so that the same
 * document gives the same blocks whether it arrives as PDF, DOCX, HTML or text.
 */
import { createHash } from "node:crypto";
import type { Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import type { DocumentModel, Format } from "../../schemas/document.js";
import { decodeVietnameseText } from "../normalise/legacy-encoding.js";
import type { DraftDocument } from "./draft.js";
import { joinTables } from "./join-tables.js";
import type { OcrOptions } from "./pdf/ocr.js";
import { placeOcr } from "./pdf/ocr/ocr-lines.js";
import { layoutDocument } from "./layout.js";
import { notARegularFile, oversizeReason } from "./read-file.js";
import { ParseError, sniffFormat, textFormat } from "./sniff.js";
import { structureBlocks } from "./structure.js";
import { parseText } from "./text.js";

export { ParseError } from "./sniff.js";

export type ParseOptions = {
  /** Refuse files larger than this many bytes before reading them (default 100 MB). */
  maxBytes?: number;
  /** OCR of scanned pages (PDF). */
  ocr?: OcrOptions;
};

export async function parseFile(file: string, options: ParseOptions = {}): Promise<DocumentModel> {
  const maxBytes = options.maxBytes ?? 100 * 1024 * 1024;
  let info: Stats;
  try {
    info = await stat(file);
  } catch (e) {
    throw new ParseError(file, "read", (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String((e as Error).message));
  }
  const refused = notARegularFile(info);
  if (refused) throw new ParseError(file, "read", refused);
  if (info.size > maxBytes) throw new ParseError(file, "read", oversizeReason(info.size, maxBytes));
  const bytes = await readFile(file);
  // A regular file can still grow after the stat, or be a /proc file that says 0 bytes.
  if (bytes.length > maxBytes) throw new ParseError(file, "read", oversizeReason(info.size, maxBytes, true));
  return parseBytes(bytes, file, options);
}

export async function parseBytes(bytes: Uint8Array, file: string, options: ParseOptions = {}): Promise<DocumentModel> {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const sniffed = sniffFormat(bytes, file);
  let draft: DraftDocument;
  let format: Format;
  let encoding: string | undefined;
  try {
    switch (sniffed.format) {
      case "pdf": {
        const { parsePdf } = await import("./pdf.js");
        draft = await parsePdf(bytes, { ocr: options.ocr });
        format = "pdf";
        break;
      }
      case "docx": {
        const { parseDocx } = await import("./docx.js");
        draft = await parseDocx(bytes);
        format = "docx";
        break;
      }
      case "html": {
        const { parseHtml } = await import("./html.js");
        draft = parseHtml(decodeVietnameseText(bytes).text);
        format = "html";
        break;
      }
      default: {
        const decoded = decodeVietnameseText(bytes);
        encoding = decoded.encoding;
        format = textFormat(decoded.text, file);
        draft = parseText(decoded.text);
      }
    }
  } catch (e) {
    if (e instanceof ParseError) throw e;
    throw new ParseError(file, `parse-${sniffed.format}`, oneLine(e));
  }
  draft.blocks = joinTables(structureBlocks(draft.blocks));
  const model = layoutDocument(draft, { file, sha256, format, size: bytes.length, ...(encoding ? { encoding } : {}) });
  if (draft.ocr) model.ocr = placeOcr(model, draft.ocr);
  return model;
}

export function oneLine(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  return m.split("\n")[0].slice(0, 300);
}
