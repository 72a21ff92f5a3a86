import type { Migration } from "./migration.js";

// Version 6: task identity across documents, decided at import by the link stage
// (src/link/task-identity.ts) instead of at report time: the nightly report's moved
// deadlines read these pairs. One row per direction, so either end finds its peers
// by the primary key. Derived data: the migration fills it for what the store holds.
const V6_SAME_TASK_LINKS = `
CREATE TABLE same_task_links (
  task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  peer_task_id INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
  PRIMARY KEY (task_id, peer_task_id)
) WITHOUT ROWID;
CREATE INDEX same_task_links_peer ON same_task_links (peer_task_id);
`;

export const V6: Migration = {
  version: 6,
  name: "same-task links made at import",
  up: (db) => {
    // Filled by version 7, once tasks carry the key the link writer looks candidates up by:
    // the writer is today's code, and a migration may only use the schema up to its own version.
    db.exec(V6_SAME_TASK_LINKS);
  },
};
