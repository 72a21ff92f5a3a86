/**
 * The document model's linear text, kept so that every stored span (references,
 * tasks, deadlines, metrics all carry `span_start`/`span_end` into it) can be
 * shown and highlighted against the words it came from.
 */
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";

export function documentText(db: Store, documentId: number): string | null {
  const row = prepared(db, "SELECT text FROM document_texts WHERE document_id = ?").get(documentId) as { text: string } | undefined;
  return row?.text ?? null;
}
