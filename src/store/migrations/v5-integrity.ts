import type { Migration } from "./migration.js";

// Version 5: integrity bookkeeping that must survive kill -9.
// - pending_rereads: documents that lost the file their rows came from while other
//   files of theirs remain; written in the transaction that emptied the document,
//   removed in the one that fills it again (src/store/rereads.ts). A version-4 store
//   may already hold such documents (the loss went unnoticed then): they are queued.
// - runs.reported_at: when a nightly run's report files were written completely; a
//   nightly run without it (killed, or the report could not be written) has its new
//   deadlines reported by the next run.
const V5_INTEGRITY = `
CREATE TABLE pending_rereads (
  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  since TEXT NOT NULL
);
INSERT INTO pending_rereads (document_id, since)
  SELECT id, strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM documents WHERE is_placeholder = 0 AND content_sha256 IS NULL;
ALTER TABLE runs ADD COLUMN reported_at TEXT;
UPDATE runs SET reported_at = finished_at WHERE command = 'nightly';
`;

export const V5: Migration = { version: 5, name: "pending re-reads, nightly report delivery", up: (db) => db.exec(V5_INTEGRITY) };
