/**
 * Documents to read again (table pending_rereads, schema version 5).
 *
 * A document held by several files of different content (the same plan as PDF,
 * DOCX and text) takes its rows from one of them. When that file goes away or
 * breaks, the rows go with it and the document must be filled from another file.
 * The need is recorded in the transaction that emptied the document and cleared in
 * the one that fills it again, so a run killed in between leaves it on record and
 * the next import completes it (pipelines/import/refill.ts).
 */
import type { Store } from "./open-store.js";
import { prepared } from "./prepared.js";

export type HeldFile = { path: string; sha256: string };

export function queueReread(db: Store, documentId: number): void {
  prepared(db, "INSERT OR IGNORE INTO pending_rereads (document_id, since) VALUES (?, ?)").run(documentId, new Date().toISOString());
}

export function rereadDone(db: Store, documentId: number): void {
  prepared(db, "DELETE FROM pending_rereads WHERE document_id = ?").run(documentId);
}

export function pendingRereads(db: Store): number[] {
  return prepared(db, "SELECT document_id FROM pending_rereads ORDER BY document_id").pluck().all() as number[];
}

export function isPendingReread(db: Store, documentId: number): boolean {
  return prepared(db, "SELECT 1 FROM pending_rereads WHERE document_id = ?").get(documentId) !== undefined;
}

/** The ingested files of a document, best candidate first (smallest sha256: the file whose rows win, see ingest.ts). */
export function heldFiles(db: Store, documentId: number, exceptPath: string | null = null): HeldFile[] {
  return prepared(db, "SELECT path, sha256 FROM files WHERE document_id = ? AND status = 'ingested' AND path IS NOT ? ORDER BY sha256, path")
    .all(documentId, exceptPath) as HeldFile[];
}

/**
 * The one rule for "this document is left without content": its rows came from
 * `releasedSha`, files of other content remain, and none of them holds that content.
 */
export function losesContent(contentSha: string | null, releasedSha: string, remaining: HeldFile[]): boolean {
  return contentSha === releasedSha && remaining.length > 0 && !remaining.some((r) => r.sha256 === releasedSha);
}

/**
 * The document that `path` alone fills, if `path` stopping to hold its content would
 * leave it empty while other files of it remain (the caller reads one of those first).
 */
export function documentLosingContent(db: Store, path: string): { documentId: number; candidates: HeldFile[] } | null {
  const row = prepared(db, 
    `SELECT f.document_id AS documentId, f.sha256, d.content_sha256 AS contentSha FROM files f JOIN documents d ON d.id = f.document_id
     WHERE f.path = ? AND f.status = 'ingested' AND d.is_placeholder = 0`,
  ).get(path) as { documentId: number; sha256: string; contentSha: string | null } | undefined;
  if (!row) return null;
  const candidates = heldFiles(db, row.documentId, path);
  return losesContent(row.contentSha, row.sha256, candidates) ? { documentId: row.documentId, candidates } : null;
}

/** Whether `path` is still stored as an ingested file of `documentId` (nothing moved it meanwhile). */
export function stillHeld(db: Store, documentId: number, path: string): boolean {
  return prepared(db, "SELECT 1 FROM files WHERE path = ? AND document_id = ? AND status = 'ingested'").get(path, documentId) !== undefined;
}
