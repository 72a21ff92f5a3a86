import { reindexAllPassages } from "../write/passage-index.js";
import type { Migration } from "./migration.js";

// Version 8: full-text search of the documents' text by passage (one paragraph or
// table row, with its page and span: write/passage-index.ts), and which metrics are a
// report's own "% so với kế hoạch" rather than a result (read/metric-pairs.ts).
// Stored texts are indexed by the migration; their pages were never stored, so a
// passage's page stays null until `vanban import --force` reads the file again.
// (Version 7 is perf-store's; the list in index.ts keeps the numbers in order.)
const V8_PASSAGES = `
CREATE TABLE passages (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  page INTEGER,
  span_start INTEGER NOT NULL,
  span_end INTEGER NOT NULL
);
CREATE INDEX passages_document ON passages (document_id, span_start);
CREATE VIRTUAL TABLE passage_search USING fts5 (
  text, text_folded,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '', contentless_delete = 1
);
ALTER TABLE metrics ADD COLUMN compares TEXT CHECK (compares IN ('target', 'previous'));
`;

export const V8: Migration = {
  version: 8,
  name: "passages of the text for full-text search, metric comparisons",
  up: (db) => {
    db.exec(V8_PASSAGES);
    reindexAllPassages(db);
  },
};
