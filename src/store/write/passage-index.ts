/**
 * Passages: the document text cut where its layout cuts it, indexed for full-text
 * search of the body (paragraphs, list items, table rows, footnotes).
 *
 * The document model's linear text separates blocks by "\n\n" and a table's rows by
 * "\n" (schemas/document.ts), so one line of the text is one paragraph or one table
 * row — the unit a reader wants to land on. Each passage keeps its span into
 * document_texts.text and the page it starts on (from the model's page spans; null
 * for a text stored before the store kept passages, see migration 8), so search can
 * give the page, a snippet and a link without reading the document again.
 *
 * passage_search is contentless (rowid = passages.id) with the display text and the
 * foldLoose shadow, as document_search (search-index.ts).
 */
import type { Span } from "../../../schemas/document.js";
import { foldLoose } from "../../normalise/fold.js";
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";

export type PageSpan = { number: number; span: Span };
/** What import hands the store besides the extraction: the linear text, and where its pages start when known. */
export type StoredText = { text: string; pages?: readonly PageSpan[] };

export type Passage = { start: number; end: number; page: number | null };

/** The non-blank lines of `text`, trimmed, each with the page its first character is on. */
export function passagesOf(text: string, pages: readonly PageSpan[] = []): Passage[] {
  const out: Passage[] = [];
  const sorted = [...pages].sort((a, b) => a.span.start - b.span.start);
  let p = 0;
  for (const line of text.matchAll(/[^\n]+/g)) {
    let start = line.index;
    let end = start + line[0].length;
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (!/[\p{L}\p{N}]/u.test(text.slice(start, end))) continue;
    while (p + 1 < sorted.length && sorted[p + 1].span.start <= start) p++;
    out.push({ start, end, page: sorted.length ? sorted[p].number : null });
  }
  return out;
}

/** A passage's words as the index sees them: table cells apart by a space. */
export const passageText = (text: string) => text.replace(/\t/g, " ");

export function indexPassages(db: Store, documentId: number, stored: StoredText): void {
  unindexPassages(db, documentId);
  const insert = prepared(db, "INSERT INTO passages (document_id, page, span_start, span_end) VALUES (?, ?, ?, ?)");
  const search = prepared(db, "INSERT INTO passage_search (rowid, text, text_folded) VALUES (?, ?, ?)");
  for (const p of passagesOf(stored.text, stored.pages)) {
    const id = insert.run(documentId, p.page, p.start, p.end).lastInsertRowid;
    const words = passageText(stored.text.slice(p.start, p.end));
    search.run(id, words, foldLoose(words));
  }
}

export function unindexPassages(db: Store, documentId: number): void {
  prepared(db, "DELETE FROM passage_search WHERE rowid IN (SELECT id FROM passages WHERE document_id = ?)").run(documentId);
  prepared(db, "DELETE FROM passages WHERE document_id = ?").run(documentId);
}

/** Every stored text cut and indexed again (migration 8; its pages are not stored, so they stay unknown). */
export function reindexAllPassages(db: Store): void {
  db.exec("DELETE FROM passages; INSERT INTO passage_search (passage_search) VALUES ('delete-all');");
  // One text at a time: a large store's texts do not all fit in memory.
  const ids = db.prepare("SELECT document_id FROM document_texts ORDER BY document_id").pluck().all() as number[];
  const text = db.prepare("SELECT text FROM document_texts WHERE document_id = ?").pluck();
  for (const id of ids) indexPassages(db, id, { text: text.get(id) as string });
}
