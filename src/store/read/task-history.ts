/**
 * What the nightly report's move analysis (pipelines/nightly/moves.ts) reads to
 * tell that two task rows are versions of one task: the tasks themselves, the
 * text between two deadlines of a table row (a cell boundary is a tab), the
 * report ↔ plan links made at import (task_links), and the facts that relate two
 * documents (one cites the other, same kind/issuer/title, a shared source).
 */
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";

export type TaskVersionRow = {
  id: number; documentId: number; text: string; origin: string; status: string | null; extra: string | null;
  page: number | null; spanStart: number | null; spanEnd: number | null;
  documentKey: string; documentDate: string | null; locality: string | null;
};

export function taskVersionRows(db: Store, taskIds: number[]): TaskVersionRow[] {
  return prepared(db, `
    SELECT t.id, t.document_id AS documentId, t.text, t.origin, t.status, t.extra, t.page, t.span_start AS spanStart, t.span_end AS spanEnd,
           d.key AS documentKey, d.date AS documentDate, d.locality_key AS locality
    FROM json_each(?) j JOIN tasks t ON t.id = j.value JOIN documents d ON d.id = t.document_id`).all(JSON.stringify(taskIds)) as TaskVersionRow[];
}

/** Characters `from` (0-based) up to `to` (exclusive) of a document's linear text; "" when the text is not held. */
export function textBetween(db: Store, documentId: number, from: number, to: number): string {
  return (prepared(db, "SELECT substr(text, ?, ?) FROM document_texts WHERE document_id = ?").pluck().get(from + 1, to - from, documentId) as string | undefined) ?? "";
}

/** [task, linked task] for every report ↔ plan link either end of which is among `taskIds`. */
export function linkedTasks(db: Store, taskIds: number[]): [number, number][] {
  const list = JSON.stringify(taskIds);
  const plans = prepared(db, "SELECT l.plan_task_id, l.report_task_id FROM json_each(?) j JOIN task_links l ON l.plan_task_id = j.value").raw(true).all(list) as [number, number][];
  const reports = prepared(db, "SELECT l.report_task_id, l.plan_task_id FROM json_each(?) j JOIN task_links l ON l.report_task_id = j.value").raw(true).all(list) as [number, number][];
  return [...plans, ...reports];
}

/** [id, documentId, text, locality] of every dated plan task (not a status row) of these places. */
export function datedPlanTasksOf(db: Store, localities: string[]): [number, number, string, string][] {
  // CROSS JOIN: places first (documents_locality), then their tasks — not every plan task through tasks_status.
  return prepared(db, `
    SELECT t.id, t.document_id, t.text, d.locality_key FROM documents d CROSS JOIN tasks t ON t.document_id = d.id
    WHERE d.locality_key IN (SELECT value FROM json_each(?)) AND t.status IS NULL AND (t.due_end IS NOT NULL OR t.due_start IS NOT NULL)`)
    .raw(true).all(JSON.stringify(localities)) as [number, number, string, string][];
}

/** Whether document `a` cites document `b`. */
export function documentCites(db: Store, a: number, b: number): boolean {
  return prepared(db, "SELECT 1 FROM citations WHERE target_document_id = ? AND source_document_id = ? LIMIT 1").pluck().get(b, a) !== undefined;
}

/** Whether two tasks name the same document in their sources ("Văn bản giao nhiệm vụ"). */
export function tasksShareSource(db: Store, a: number, b: number): boolean {
  return prepared(db, `
    SELECT 1 FROM task_sources sa JOIN citations ca ON ca.id = sa.citation_id
    WHERE sa.task_id = ? AND ca.target_document_id IN (
      SELECT cb.target_document_id FROM task_sources sb JOIN citations cb ON cb.id = sb.citation_id WHERE sb.task_id = ?)
    LIMIT 1`).pluck().get(a, b) !== undefined;
}

/** Kind, issuer, title and year of a document (nulls when unknown or absent). */
export function documentFacts(db: Store, id: number): { kind: string | null; issuer: string | null; title: string | null; year: string | null } {
  const row = prepared(db, "SELECT kind, issuer, title, substr(date, 1, 4) FROM documents WHERE id = ?").raw(true).get(id) as (string | null)[] | undefined;
  const [kind, issuer, title, year] = row ?? [null, null, null, null];
  return { kind, issuer, title, year };
}
