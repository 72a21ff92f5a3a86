import type { Migration } from "./migration.js";

// Version 10: `query tasks --agency` as a range read (issue 17). Each task_agencies row
// carries the order the task list is paged by — its document's date and key, the
// task's position — so one index serves `agency_id = ? ORDER BY doc_date DESC, doc_key,
// task_position LIMIT n` (and is covering for the ids). A document's date and key
// change only when its content is written again, which writes its tasks again
// (write/content.ts), so the copies are filled where the rows are inserted. The new
// index starts with agency_id: version 1's task_agencies_agency is dropped.
const V10_AGENCY_TASK_ORDER = `
ALTER TABLE task_agencies ADD COLUMN doc_date TEXT;
ALTER TABLE task_agencies ADD COLUMN doc_key TEXT;
ALTER TABLE task_agencies ADD COLUMN task_position INTEGER;
UPDATE task_agencies SET (doc_date, doc_key, task_position) =
  (SELECT d.date, d.key, t.position FROM tasks t JOIN documents d ON d.id = t.document_id WHERE t.id = task_agencies.task_id);
DROP INDEX task_agencies_agency;
CREATE INDEX task_agencies_page ON task_agencies (agency_id, doc_date DESC, doc_key, task_position, task_id);
`;

export const V10: Migration = { version: 10, name: "task agencies carry the task list's order", up: (db) => db.exec(V10_AGENCY_TASK_ORDER) };
