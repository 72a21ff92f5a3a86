/**
 * Chooses a parser from the bytes, never from the file name.
 *
 * Shapes: "%PDF-" → pdf; a ZIP holding word/document.xml → docx; OLE2 compound file
 * (D0 CF 11 E0) → legacy .doc, refused; "<html"/"<!doctype html" → html; text that
 * decodes as Vietnamese (UTF-8, UTF-16, Windows-1258, TCVN3, VNI) → md when it uses
 * Markdown syntax or is named .md, else txt; anything else is refused as binary.
 */
import type { Format } from "../../schemas/document.js";

export class ParseError extends Error {
  constructor(
    readonly file: string,
    readonly stage: string,
    readonly reason: string,
  ) {
    super(`${file}: ${stage}: ${reason}`);
  }
}

export type Sniffed = { format: Format } | { format: "text" };

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

export function sniffFormat(bytes: Uint8Array, file: string): Sniffed {
  if (bytes.length === 0) throw new ParseError(file, "sniff", "empty file (0 bytes)");
  const head = Buffer.from(bytes.subarray(0, 1024));
  const pdfAt = head.indexOf("%PDF-");
  if (pdfAt >= 0 && pdfAt < 1024) return { format: "pdf" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // The entry name sits in the local headers; a DOCX always has word/document.xml.
    const probe = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 4 << 20)));
    if (probe.includes("word/document.xml") || probe.includes("[Content_Types].xml")) return { format: "docx" };
    throw new ParseError(file, "sniff", "ZIP archive that is not a Word document (no word/document.xml)");
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    throw new ParseError(file, "sniff", "legacy Word 97-2003 (.doc, OLE) file — save it as .docx to import it");
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) throw new ParseError(file, "sniff", "RTF is not supported — save it as .docx");
  const lower = head.toString("latin1").trimStart().toLowerCase();
  if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) return { format: "html" };
  if (looksBinary(bytes)) throw new ParseError(file, "sniff", "binary content that is not a PDF, DOCX or text document");
  return { format: "text" };
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return false; // UTF-16 LE BOM
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return false;
  const n = Math.min(bytes.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const c = bytes[i];
    if (c === 0) return true;
    if (c < 0x09 || (c > 0x0d && c < 0x20 && c !== 0x1b)) bad++;
  }
  return bad / n > 0.02;
}

const MARKDOWN_SIGNS = /^(#{1,6}\s|\|.*\|\s*$|\s*[-*+]\s|>\s)|\*\*\S|<(b|br|sup)>/m;

export function textFormat(text: string, file: string): "md" | "txt" {
  if (/\.(md|markdown)$/i.test(file)) return "md";
  if (/\.txt$/i.test(file)) return "txt";
  return MARKDOWN_SIGNS.test(text) ? "md" : "txt";
}
