import { CITATION_REACH_SCHEMA, fillReach } from "../write/citation-reach.js";
import { fillTaskStatus, TASK_LATEST_STATUS_SCHEMA } from "../write/task-latest-status.js";
import type Database from "better-sqlite3";
import { normText, sameTaskKey } from "../../link/task-identity.js";
import { relinkAllSameTasks } from "../write/same-task-links.js";
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
ALTER TABLE tasks ADD COLUMN same_task_key TEXT;
CREATE INDEX tasks_same_key ON tasks (same_task_key) WHERE same_task_key IS NOT NULL;
`;

/** Plan tasks of dated documents of a place get the key same-task links look up (src/store/write/same-task-links.ts). */
export function fillSameTaskKeys(db: Database.Database): void {
  const rows = db.prepare(
    `SELECT t.id, t.text, d.locality_key, substr(d.date, 1, 4) AS year FROM tasks t JOIN documents d ON d.id = t.document_id
     WHERE t.status IS NULL AND d.locality_key IS NOT NULL AND d.date IS NOT NULL`,
  ).all() as { id: number; text: string; locality_key: string; year: string }[];
  const set = db.prepare("UPDATE tasks SET same_task_key = ? WHERE id = ?");
  for (const r of rows) set.run(sameTaskKey(r.locality_key, r.year, normText(r.text)), r.id);
}

/** Version 7's derived data for what the store holds (PostgreSQL's twin runs it too). */
export function fillVersion7(db: Database.Database): void {
  fillReach(db);
  fillTaskStatus(db);
  fillSameTaskKeys(db);
  relinkAllSameTasks(db); // version 6's table, now that the keys exist
}

export const V7: Migration = {
  version: 7,
  name: "citation reach, latest task status kept at ingest",
  up: (db) => {
    db.exec(V7_INDEXES + CITATION_REACH_SCHEMA + TASK_LATEST_STATUS_SCHEMA);
    fillVersion7(db);
  },
};
