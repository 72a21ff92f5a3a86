/**
 * One extraction into the store, in one transaction.
 *
 * A file's path is recorded with its content's sha256. The document it describes
 * is found by identity (document-identity.ts): a placeholder left by earlier
 * citations is taken over (same id, edges kept); a document already held under
 * another file of different content (the same plan as PDF and DOCX) keeps the
 * content of the file with the smaller sha256, so the result never depends on
 * which came first. A path whose content changed loses its old rows in the same
 * transaction that writes the new ones; a document left with no file becomes a
 * placeholder again if something cites it, and disappears otherwise; a document
 * whose rows came from a file that left it while files of other content remain is
 * emptied and queued to be read again from one of those (rereads.ts), in the same
 * transaction.
 */
import type { Extraction } from "../../../schemas/extraction.js";
import { newGraphChanges, rowForHeldDocument, settle, touchGroup } from "./citation-graph.js";
import { linkExtraction, type Identity, type LinkedExtraction } from "../../link/index.js";
import { clearContent, writeContent, type Work } from "./content.js";
import { refreshReach } from "./citation-reach.js";
import { relinkReports } from "./relink.js";
import { relinkSameTasks } from "./same-task-links.js";
import { refreshTaskStatus } from "./task-latest-status.js";
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
import { heldFiles, losesContent, queueReread, rereadDone } from "../rereads.js";
import { indexDocument, unindexDocument } from "./search-index.js";
import { indexPassages, type StoredText } from "./passage-index.js";

export type FileFacts = {
  /** Absolute path. */
  path: string;
  sha256: string;
  format: string | null;
  size: number | null;
  /** ISO timestamp of the file's modification time. */
  mtime: string | null;
};

export type IngestOutcome = {
  /** The document the file now belongs to (null for a failure). */
  documentId: number | null;
};

/**
 * `text` is the document model's linear text, which every stored span points into (with its pages: the model itself);
 * `linked` is `linkExtraction(x)` when the caller already has it (an import's worker threads link).
 */
export function ingestExtraction(
  db: Store, x: Extraction, file: FileFacts, runId: number | null = null, text?: string | StoredText, linked: LinkedExtraction = linkExtraction(x),
): IngestOutcome {
  return db.transaction((): IngestOutcome => {
    const w: Work = { db, changes: newGraphChanges(db), reports: new Set() };
    const previous = fileRow(db, file.path);
    const ident = linked.identity;
    const existing = rowForHeldDocument(db, w.changes, ident);
    const node = existing === undefined ? undefined : documentRow(db, existing);

    let id: number;
    if (node && !node.is_placeholder && node.content_sha256 && node.content_sha256 < x.source.sha256 && heldElsewhere(db, node.content_sha256, file.path)) {
      id = node.id; // another file of this document wins: keep its rows, record this path beside it
    } else {
      if (node && !node.is_placeholder) clearContent(w, node.id);
      id = node?.id ?? insertDocumentRow(db, ident);
      writeContent(w, id, linked);
      if (text !== undefined) {
        const stored = typeof text === "string" ? { text } : text;
        prepared(db, "INSERT OR REPLACE INTO document_texts (document_id, text) VALUES (?, ?)").run(id, stored.text);
        indexPassages(db, id, stored);
      }
    }
    upsertFile(db, file, "ingested", null, id, runId);
    if (previous?.document_id != null && previous.document_id !== id) release(w, previous.document_id, previous.sha256);
    else if (previous?.document_id === id && previous.sha256 !== file.sha256) release(w, id, previous.sha256);
    finish(w);
    return { documentId: id };
  })();
}

/** A new path whose content is already stored: recorded beside the same document, nothing parsed. */
export function recordCopy(db: Store, file: FileFacts, runId: number | null = null): IngestOutcome | null {
  // A content nobody holds (the usual case) is answered without the write transaction; a holder is looked up again inside it.
  if (!contentHolder(db, file.sha256)) return null;
  return db.transaction((): IngestOutcome | null => {
    const holder = contentHolder(db, file.sha256);
    if (!holder) return null;
    const w: Work = { db, changes: newGraphChanges(db), reports: new Set() };
    const previous = fileRow(db, file.path);
    upsertFile(db, file, "ingested", null, holder.document_id, runId);
    if (previous?.document_id != null && previous.document_id !== holder.document_id) release(w, previous.document_id, previous.sha256);
    finish(w);
    return { documentId: holder.document_id };
  })();
}

/** A file that could not be parsed or extracted: recorded with its error; whatever it held before is released. */
export function recordFailure(db: Store, file: FileFacts, error: string, runId: number | null = null): IngestOutcome {
  return db.transaction((): IngestOutcome => {
    const w: Work = { db, changes: newGraphChanges(db), reports: new Set() };
    const previous = fileRow(db, file.path);
    upsertFile(db, file, "failed", error, null, runId);
    if (previous?.document_id != null) release(w, previous.document_id, previous.sha256);
    finish(w);
    return { documentId: null };
  })();
}

/** A stored path whose file is gone (`import --prune`): its row goes, and whatever it held is released. */
export function forgetFile(db: Store, path: string): IngestOutcome {
  return db.transaction((): IngestOutcome => {
    const w: Work = { db, changes: newGraphChanges(db), reports: new Set() };
    const previous = fileRow(db, path);
    prepared(db, "DELETE FROM files WHERE path = ?").run(path);
    if (previous?.document_id != null) release(w, previous.document_id, previous.sha256);
    finish(w);
    return { documentId: null };
  })();
}

function contentHolder(db: Store, sha256: string): { document_id: number } | undefined {
  return prepared(db, "SELECT document_id FROM files WHERE sha256 = ? AND status = 'ingested' AND document_id IS NOT NULL LIMIT 1")
    .get(sha256) as { document_id: number } | undefined;
}

type FileRow = { id: number; sha256: string; document_id: number | null };
type DocumentRow = { id: number; key: string; is_placeholder: number; content_sha256: string | null; code_key: string | null; scope: string };

function fileRow(db: Store, path: string): FileRow | undefined {
  return prepared(db, "SELECT id, sha256, document_id FROM files WHERE path = ?").get(path) as FileRow | undefined;
}

function documentRow(db: Store, id: number): DocumentRow {
  return prepared(db, "SELECT id, key, is_placeholder, content_sha256, code_key, scope FROM documents WHERE id = ?").get(id) as DocumentRow;
}

function heldElsewhere(db: Store, sha256: string, path: string): boolean {
  return prepared(db, "SELECT 1 FROM files WHERE sha256 = ? AND path <> ? AND status = 'ingested' LIMIT 1").get(sha256, path) !== undefined;
}

function insertDocumentRow(db: Store, ident: Identity): number {
  return Number(
    prepared(db, "INSERT INTO documents (key, code_key, scope, year) VALUES (?, ?, ?, ?)").run(ident.key, ident.codeKey, ident.scope, ident.year)
      .lastInsertRowid,
  );
}

function upsertFile(db: Store, f: FileFacts, status: "ingested" | "failed", error: string | null, documentId: number | null, runId: number | null): void {
  prepared(db, 
    `INSERT INTO files (path, sha256, format, size, mtime, status, error, document_id, run_id, ingested_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (path) DO UPDATE SET sha256 = excluded.sha256, format = excluded.format, size = excluded.size,
       mtime = excluded.mtime, status = excluded.status, error = excluded.error, document_id = excluded.document_id,
       run_id = excluded.run_id, ingested_at = excluded.ingested_at`,
  ).run(f.path, f.sha256, f.format, f.size, f.mtime, status, error, documentId, runId, new Date().toISOString());
}

/**
 * A path stopped holding `sha256` of document `id`. With no file left the document
 * is retired; if its rows came from that content and only files of other content
 * remain, the rows go and the caller is told to ingest one of those again.
 */
function release(w: Work, id: number, sha256: string): void {
  const { db } = w;
  const remaining = heldFiles(db, id);
  const doc = documentRow(db, id);
  if (!remaining.length) return retire(w, doc);
  if (losesContent(doc.content_sha256, sha256, remaining)) {
    clearContent(w, id);
    prepared(db, "UPDATE documents SET content_sha256 = NULL WHERE id = ?").run(id);
    queueReread(db, id);
  }
}

/**
 * A document waiting to be read again whose files are all gone or failed: retired
 * (a placeholder if something cites it). The import's re-read pass ends with this.
 */
export function settleOrphan(db: Store, id: number): void {
  db.transaction(() => {
    const w: Work = { db, changes: newGraphChanges(db), reports: new Set() };
    rereadDone(db, id);
    if (heldFiles(db, id).length || !prepared(db, "SELECT 1 FROM documents WHERE id = ?").get(id)) return;
    retire(w, documentRow(db, id));
    finish(w);
  })();
}

function retire(w: Work, doc: DocumentRow): void {
  const { db, changes } = w;
  clearContent(w, doc.id);
  rereadDone(db, doc.id);
  if (doc.code_key) touchGroup(db, changes, doc.code_key, doc.scope);
  const cited = prepared(db, "SELECT 1 FROM citations WHERE target_document_id = ? LIMIT 1").get(doc.id) !== undefined;
  if (cited) {
    prepared(db, 
      `UPDATE documents SET is_placeholder = 1, kind = NULL, symbol = NULL, issuer = NULL, parent_issuer = NULL, locality = NULL,
         place = NULL, date = NULL, title = NULL, signer_name = NULL, signer_position = NULL, cited_as = NULL,
         content_sha256 = NULL, format = NULL, pages = NULL, warnings = NULL, provenance = NULL WHERE id = ?`,
    ).run(doc.id);
    changes.describeAgain.add(doc.id);
    changes.reindex.add(doc.id);
  } else {
    unindexDocument(db, doc.id);
    prepared(db, "DELETE FROM documents WHERE id = ?").run(doc.id);
    changes.reindex.delete(doc.id);
  }
}


function finish(w: Work): void {
  const { db, changes } = w;
  settle(db, changes);
  for (const id of changes.removed) unindexDocument(db, id);
  for (const id of changes.reindex) indexDocument(db, id);
  for (const id of changes.retargetedCiters) w.reports.add(id);
  const exists = prepared(db, "SELECT 1 FROM documents WHERE id = ?");
  const touched = [...w.reports].filter((id) => exists.get(id));
  relinkReports(db, touched);
  relinkSameTasks(db, touched);
  refreshReach(db);
  refreshTaskStatus(db);
}

