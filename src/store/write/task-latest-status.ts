/**
 * The newest report's status for each plan task, as a table (task_latest_status,
 * which was a window view over every task link: a query for one agency's tasks
 * ranked the links of the whole store). Same name and columns as the view, so
 * every reader — and `vanban sql` — keeps working.
 *
 * Triggers (migration 7) note the plan task of every task link inserted, deleted
 * or changed in task_status_dirty; `refreshTaskStatus`, at the end of every write
 * transaction, ranks again the links of those plan tasks only. A report's date
 * and statuses change only when its content is written again, which replaces
 * its tasks and so its links.
 */
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";

export const TASK_LATEST_STATUS_SCHEMA = `
DROP VIEW task_latest_status;
CREATE TABLE task_latest_status (
  plan_task_id INTEGER PRIMARY KEY,
  report_task_id INTEGER NOT NULL,
  report_document_id INTEGER NOT NULL,
  report_date TEXT,
  status TEXT,
  status_text TEXT,
  score REAL NOT NULL
);
CREATE TABLE task_status_dirty (plan_task_id INTEGER PRIMARY KEY) WITHOUT ROWID;
CREATE TRIGGER task_links_status_insert AFTER INSERT ON task_links BEGIN
  INSERT OR IGNORE INTO task_status_dirty VALUES (NEW.plan_task_id);
END;
CREATE TRIGGER task_links_status_delete AFTER DELETE ON task_links BEGIN
  INSERT OR IGNORE INTO task_status_dirty VALUES (OLD.plan_task_id);
END;
CREATE TRIGGER task_links_status_update AFTER UPDATE ON task_links BEGIN
  INSERT OR IGNORE INTO task_status_dirty VALUES (OLD.plan_task_id), (NEW.plan_task_id);
END;
`;

/** Ranks the links of `plans` (a JSON array of plan task ids, or the dirty table) and keeps the newest. */
const RANK = (plans: string) => `
INSERT INTO task_latest_status (plan_task_id, report_task_id, report_document_id, report_date, status, status_text, score)
SELECT plan_task_id, report_task_id, report_document_id, report_date, status, status_text, score
FROM (
  SELECT l.plan_task_id, l.report_task_id, r.document_id AS report_document_id, rd.date AS report_date,
         r.status, r.status_text, l.score,
         ROW_NUMBER() OVER (PARTITION BY l.plan_task_id ORDER BY rd.date DESC NULLS LAST, rd.key DESC) AS newest
  FROM task_links l
  JOIN tasks r ON r.id = l.report_task_id
  JOIN documents rd ON rd.id = r.document_id
  ${plans}
)
WHERE newest = 1`;

/** Brings task_latest_status up to date for every plan task task_status_dirty names; call before a write transaction ends. */
export function refreshTaskStatus(db: Store): void {
  if (!prepared(db, "SELECT 1 FROM task_status_dirty LIMIT 1").get()) return;
  prepared(db, "DELETE FROM task_latest_status WHERE plan_task_id IN (SELECT plan_task_id FROM task_status_dirty)").run();
  prepared(db, RANK("WHERE l.plan_task_id IN (SELECT plan_task_id FROM task_status_dirty)")).run();
  prepared(db, "DELETE FROM task_status_dirty").run();
}

/** Fills task_latest_status for the whole store (the migration; repairs). */
export function fillTaskStatus(db: Store): void {
  prepared(db, "DELETE FROM task_latest_status").run();
  prepared(db, "DELETE FROM task_status_dirty").run();
  prepared(db, RANK("")).run();
}
