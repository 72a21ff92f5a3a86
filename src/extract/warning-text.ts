/**
 * A positioned message as the contract's warning string, and back:
 * `<code>: <message>` with ` (page N, span s-e)` when it has a place. Stores keep
 * the strings (documents.warnings); `messageOfWarning` gives the store's readers
 * the message again, so both directions are written once, here.
 */
import type { ExtractionMessage } from "../../schemas/extraction.js";

type Text = Pick<ExtractionMessage, "code" | "message" | "page" | "span">;

export function warningText(m: Text): string {
  const where = m.span ? ` (page ${m.page}, span ${m.span.start}-${m.span.end})` : "";
  return `${m.code}: ${m.message}${where}`;
}

const SHAPE = /^([\p{L}\p{N}-]+): ([\s\S]*?)(?: \(page (\d+), span (\d+)-(\d+)\))?$/u;

export function messageOfWarning(text: string): ExtractionMessage {
  const m = SHAPE.exec(text);
  if (!m) return { code: "warning", message: text, page: null, span: null, severity: "warning" };
  const span = m[4] !== undefined ? { start: Number(m[4]), end: Number(m[5]) } : null;
  return { code: m[1], message: m[2], page: m[3] !== undefined ? Number(m[3]) : null, span, severity: "warning" };
}
