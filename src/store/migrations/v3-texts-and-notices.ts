import type { Migration } from "./migration.js";

// The linear text every stored span points into (for `show` and the web UI's
// highlighting), and what the nightly run has already reported, so that a second
// run over the same inbox reports nothing again.
const V3_TEXTS_AND_NOTICES = `
CREATE TABLE document_texts (
  document_id INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  text TEXT NOT NULL
);
CREATE TABLE nightly_reported (
  item_key TEXT NOT NULL,
  section TEXT NOT NULL CHECK (section IN ('new', 'due-soon', 'overdue', 'moved')),
  run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
  PRIMARY KEY (item_key, section)
);
`;

export const V3: Migration = { version: 3, name: "document texts, nightly notices", up: (db) => db.exec(V3_TEXTS_AND_NOTICES) };
