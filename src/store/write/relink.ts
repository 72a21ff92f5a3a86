/**
 * Report status rows ↔ plan tasks, kept in task_links: the store reads each
 * report's rows and the tasks of the held plans it points at, and writes what the
 * link stage's `matchReportRows` (src/link/report-rows.ts) pairs. The
 * task_latest_status view picks the newest report's row for each plan task.
 *
 * Links are recomputed per report (`relinkReports`) whenever the report, a plan
 * it points at, or the target of one of its citations changes.
 */
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
import { matchReportRows, type PlanTaskCandidate } from "../../link/report-rows.js";

export function relinkReports(db: Store, documentIds: Iterable<number>): void {
  const hasStatusRows = prepared(db, "SELECT 1 FROM tasks WHERE document_id = ? AND status IS NOT NULL LIMIT 1");
  for (const id of new Set(documentIds)) if (hasStatusRows.get(id)) relinkReport(db, id);
}

export function relinkAllReports(db: Store): void {
  relinkReports(db, prepared(db, "SELECT DISTINCT document_id FROM tasks WHERE status IS NOT NULL").pluck().all() as number[]);
}

function relinkReport(db: Store, reportId: number): void {
  const rows = prepared(db, "SELECT id, text FROM tasks WHERE document_id = ? AND status IS NOT NULL ORDER BY position").all(reportId) as {
    id: number;
    text: string;
  }[];
  prepared(db, "DELETE FROM task_links WHERE report_task_id IN (SELECT id FROM tasks WHERE document_id = ?)").run(reportId);
  const plans = heldTargets(db, "SELECT target_document_id FROM citations WHERE document_id = ? AND origin IN ('reference', 'task-source')", reportId, reportId);
  if (!plans.length) return;
  // The plans drive (CROSS JOIN fixes the order) and their tasks are found by
  // (document_id, position): never through tasks_status ("+"), where every plan
  // task of the store has a NULL status, nor by a scan that statistics of a
  // small store favour. Per report this stays linear in the plans' own tasks.
  const planTasks = prepared(db, 
      `SELECT t.id, t.document_id AS documentId, t.text
       FROM json_each(?) AS p CROSS JOIN tasks t ON t.document_id = p.value JOIN documents d ON d.id = t.document_id
       WHERE +t.status IS NULL
       ORDER BY d.key, t.position`,
    )
    .all(JSON.stringify(plans)) as PlanTaskCandidate[];
  if (!planTasks.length) return;
  const insert = prepared(db, "INSERT INTO task_links (report_task_id, plan_task_id, score, method) VALUES (?, ?, ?, ?)");
  const rowSources =
    "SELECT c.target_document_id FROM task_sources s JOIN citations c ON c.id = s.citation_id WHERE s.task_id = ?";
  const reportRows = rows.map((row) => ({ ...row, namedPlans: new Set(heldTargets(db, rowSources, row.id, reportId)) }));
  for (const link of matchReportRows(reportRows, planTasks)) insert.run(link.reportTaskId, link.planTaskId, link.score, link.method);
}

function heldTargets(db: Store, pointers: string, param: number, reportId: number): number[] {
  return prepared(db, 
      `SELECT DISTINCT d.id FROM documents d WHERE d.id IN (${pointers}) AND d.is_placeholder = 0 AND d.id <> ? ORDER BY d.id`,
    )
    .pluck()
    .all(param, reportId) as number[];
}
