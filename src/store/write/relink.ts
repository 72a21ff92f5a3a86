/**
 * Report status rows ↔ the plan tasks they report on.
 *
 * A report's status row ("Trang bị máy tính … | Đã hoàn thành") is paired with a
 * task of a plan the report points at — through the row's own sources when they
 * name a held document, else through the report's citations — choosing the most
 * similar wording (text-similarity.ts) above MIN_SCORE. Ties go to the plan with
 * the smaller identity key, then the earlier task, so the pairing depends only on
 * what is stored. The pairs live in task_links; the task_latest_status view picks
 * the newest report's row for each plan task.
 *
 * Links are recomputed per report (`relinkReports`) whenever the report, a plan
 * it points at, or the target of one of its citations changes.
 */
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
import { comparable, similarity, type Comparable } from "../../link/text-similarity.js";

/** Below this, two tasks of the same programme merely share its vocabulary. */
export const MIN_SCORE = 0.55;

type PlanTask = { id: number; document_id: number; key: string; position: number; text: string; cmp?: Comparable };

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
  const planTasks = prepared(db, 
      `SELECT t.id, t.document_id, d.key, t.position, t.text FROM tasks t JOIN documents d ON d.id = t.document_id
       WHERE t.document_id IN (SELECT value FROM json_each(?)) AND t.status IS NULL
       ORDER BY d.key, t.position`,
    )
    .all(JSON.stringify(plans)) as PlanTask[];
  if (!planTasks.length) return;
  const insert = prepared(db, "INSERT INTO task_links (report_task_id, plan_task_id, score, method) VALUES (?, ?, ?, ?)");
  const rowSources =
    "SELECT c.target_document_id FROM task_sources s JOIN citations c ON c.id = s.citation_id WHERE s.task_id = ?";
  for (const row of rows) {
    const named = new Set(heldTargets(db, rowSources, row.id, reportId));
    const candidates = named.size ? planTasks.filter((t) => named.has(t.document_id)) : planTasks;
    const best = bestMatch(comparable(row.text), candidates);
    if (best) insert.run(row.id, best.task.id, best.score, named.size ? "sources" : "wording");
  }
}

function heldTargets(db: Store, pointers: string, param: number, reportId: number): number[] {
  return prepared(db, 
      `SELECT DISTINCT d.id FROM documents d WHERE d.id IN (${pointers}) AND d.is_placeholder = 0 AND d.id <> ? ORDER BY d.id`,
    )
    .pluck()
    .all(param, reportId) as number[];
}

function bestMatch(row: Comparable, candidates: PlanTask[]): { task: PlanTask; score: number } | null {
  let best: { task: PlanTask; score: number } | null = null;
  // Candidates come sorted by (plan key, position): a strict ">" keeps the first of equals.
  for (const t of candidates) {
    t.cmp ??= comparable(t.text);
    const score = similarity(row, t.cmp);
    if (score >= MIN_SCORE && (!best || score > best.score)) best = { task: t, score };
  }
  return best;
}
