/**
 * Keeps the full-text tables in step with documents and tasks.
 *
 * Each entry has the display text (`text`, tokenised by unicode61 with diacritics
 * removed — which still keeps "đ" apart from "d") and a shadow (`text_folded`,
 * foldLoose: đ→d, no diacritics, lower case), so "Đảng ủy", "dang uy" and "đảng
 * uỷ" all meet. The tables are contentless (the text lives in documents/tasks):
 * rowid = documents.id in document_search, tasks.id in task_search.
 */
import { foldLoose } from "../../normalise/fold.js";
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
import { unindexPassages } from "./passage-index.js";

export function documentSearchText(d: { code: string | null; title: string | null; cited_as: string | null; issuer: string | null }): string {
  return [d.code, d.title ?? d.cited_as, d.issuer].filter(Boolean).join(" — ");
}

export function indexDocument(db: Store, id: number): void {
  prepared(db, "DELETE FROM document_search WHERE rowid = ?").run(id);
  const d = prepared(db, "SELECT code, title, cited_as, issuer FROM documents WHERE id = ?").get(id) as
    | { code: string | null; title: string | null; cited_as: string | null; issuer: string | null }
    | undefined;
  if (!d) return;
  const text = documentSearchText(d);
  if (text) prepared(db, "INSERT INTO document_search (rowid, text, text_folded) VALUES (?, ?, ?)").run(id, text, foldLoose(text));
}

export function unindexDocument(db: Store, id: number): void {
  prepared(db, "DELETE FROM document_search WHERE rowid = ?").run(id);
  unindexTasks(db, id);
  unindexPassages(db, id);
}

export function indexTasks(db: Store, documentId: number): void {
  const insert = prepared(db, "INSERT INTO task_search (rowid, text, text_folded) VALUES (?, ?, ?)");
  for (const t of prepared(db, "SELECT id, text FROM tasks WHERE document_id = ?").all(documentId) as { id: number; text: string }[])
    insert.run(t.id, t.text, foldLoose(t.text));
}

export function unindexTasks(db: Store, documentId: number): void {
  prepared(db, "DELETE FROM task_search WHERE rowid IN (SELECT id FROM tasks WHERE document_id = ?)").run(documentId);
}

/** Rebuilds both tables from scratch (the version-2 migration; repairs). */
export function reindexAll(db: Store): void {
  db.exec("INSERT INTO document_search (document_search) VALUES ('delete-all'); INSERT INTO task_search (task_search) VALUES ('delete-all');");
  const ids = prepared(db, "SELECT id FROM documents").pluck().all() as number[];
  for (const id of ids) {
    indexDocument(db, id);
    indexTasks(db, id);
  }
}
