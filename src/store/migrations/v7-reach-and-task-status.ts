import { CITATION_REACH_SCHEMA, fillReach } from "../write/citation-reach.js";
import { fillTaskStatus, TASK_LATEST_STATUS_SCHEMA } from "../write/task-latest-status.js";
import type { Migration } from "./migration.js";

// Version 7: derived tables kept at ingest so graph and task queries read an
// index instead of walking the store (issue 17): citation_reach (who reaches whom,
// shortest chain, the citing document's order keys) and task_latest_status as a
// table in place of the window view of the same name. Both are filled here for
// what the store holds; the triggers that keep them are in the same SQL.
export const V7: Migration = {
  version: 7,
  name: "citation reach, latest task status kept at ingest",
  up: (db) => {
    db.exec(CITATION_REACH_SCHEMA + TASK_LATEST_STATUS_SCHEMA);
    fillReach(db);
    fillTaskStatus(db);
  },
};
