import { CITATION_REACH_SCHEMA, fillReach } from "../write/citation-reach.js";
import { fillTaskStatus, TASK_LATEST_STATUS_SCHEMA } from "../write/task-latest-status.js";
import type { Migration } from "./migration.js";

// Version 7: derived tables kept at ingest so graph and task queries read an
// index instead of walking the store (issue 17): citation_reach (who reaches whom,
// shortest chain, the citing document's order keys) and task_latest_status as a
// table in place of the window view of the same name. Both are filled here for
// what the store holds; the triggers that keep them are in the same SQL.
// Indexes: the reach walk reads a document's cited documents from the index alone
// (source, target); tasks_status and tasks_due served no query (EXPLAIN QUERY PLAN:
// status and due filters are expressions over COALESCE) and tasks_status misled the
// planner (src/store/write/relink.ts) — each cost every task insert.
const V7_INDEXES = `
DROP INDEX citations_source;
CREATE INDEX citations_source ON citations (source_document_id, target_document_id);
DROP INDEX tasks_status;
DROP INDEX tasks_due;
`;

export const V7: Migration = {
  version: 7,
  name: "citation reach, latest task status kept at ingest",
  up: (db) => {
    db.exec(V7_INDEXES + CITATION_REACH_SCHEMA + TASK_LATEST_STATUS_SCHEMA);
    fillReach(db);
    fillTaskStatus(db);
  },
};
