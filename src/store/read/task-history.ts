/**
 * What the nightly report's move analysis (pipelines/nightly/moves.ts) reads to
 * tell that two task rows are versions of one task: the tasks themselves, the
 * text between two deadlines of a table row (a cell boundary is a tab), the
 * report ↔ plan links and the same-task links made at import (task_links,
 * same_task_links).
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

/** [task, same task of another document] for every same-task link (made at import) from one of `taskIds`. */
export function sameTaskPeers(db: Store, taskIds: number[]): [number, number][] {
  return prepared(db, "SELECT l.task_id, l.peer_task_id FROM json_each(?) j JOIN same_task_links l ON l.task_id = j.value ORDER BY 1, 2")
    .raw(true).all(JSON.stringify(taskIds)) as [number, number][];
}
