import { relinkAllReports } from "../write/relink.js";
import { reindexAll } from "../write/search-index.js";
import type { Migration } from "./migration.js";

// Version 2: search and report↔plan links. Both are derived data, so the
// migration also fills them for whatever a version-1 store already holds.
const V2_SEARCH_AND_LINKS = `
CREATE VIRTUAL TABLE document_search USING fts5 (
  text, text_folded,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '', contentless_delete = 1
);
CREATE VIRTUAL TABLE task_search USING fts5 (
  text, text_folded,
  tokenize = 'unicode61 remove_diacritics 2',
  content = '', contentless_delete = 1
);

CREATE TABLE task_links (
  report_task_id INTEGER PRIMARY KEY REFERENCES tasks (id) ON DELETE CASCADE,
  plan_task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  score REAL NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('sources', 'wording'))
);
CREATE INDEX task_links_plan ON task_links (plan_task_id);

CREATE VIEW task_latest_status AS
SELECT plan_task_id, report_task_id, report_document_id, report_date, status, status_text, score
FROM (
  SELECT l.plan_task_id, l.report_task_id, r.document_id AS report_document_id, rd.date AS report_date,
         r.status, r.status_text, l.score,
         ROW_NUMBER() OVER (PARTITION BY l.plan_task_id ORDER BY rd.date DESC NULLS LAST, rd.key DESC) AS newest
  FROM task_links l
  JOIN tasks r ON r.id = l.report_task_id
  JOIN documents rd ON rd.id = r.document_id
)
WHERE newest = 1;
`;

export const V2: Migration = {
  version: 2,
  name: "full-text search, report-to-plan task links",
  up: (db) => {
    db.exec(V2_SEARCH_AND_LINKS);
    reindexAll(db);
    relinkAllReports(db);
  },
};
