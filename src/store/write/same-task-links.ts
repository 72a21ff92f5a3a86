/**
 * Same-task links, kept in same_task_links: for the plan tasks of a document, the
 * tasks of other held documents the link stage's `sameTasks` (src/link/task-identity.ts)
 * says are the same task. The rule is symmetric and depends only on the two
 * documents (their place, year, kind, issuer, title, citations) and the two tasks
 * (wording, sources), so recomputing the pairs of every document an ingest wrote or
 * retargeted keeps the table what a fresh import of the same files gives, in any
 * order. Rows go with their tasks (ON DELETE CASCADE).
 */
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
import { sameTaskKey, sameTasks, type IdentityTask, type TaskIdentityFacts } from "../../link/task-identity.js";

export function relinkSameTasks(db: Store, documentIds: Iterable<number>): void {
  for (const id of new Set(documentIds)) relinkDocument(db, id);
}

export function relinkAllSameTasks(db: Store): void {
  relinkSameTasks(db, prepared(db, "SELECT DISTINCT document_id FROM tasks WHERE status IS NULL").pluck().all() as number[]);
}

function relinkDocument(db: Store, documentId: number): void {
  prepared(db, `
    DELETE FROM same_task_links WHERE task_id IN (SELECT id FROM tasks WHERE document_id = ?)
      OR peer_task_id IN (SELECT id FROM tasks WHERE document_id = ?)`).run(documentId, documentId);
  const tasks = prepared(db, `
    SELECT t.id, t.document_id AS documentId, t.text, d.locality_key AS locality, t.status
    FROM tasks t JOIN documents d ON d.id = t.document_id WHERE t.document_id = ? AND t.status IS NULL ORDER BY t.position`)
    .all(documentId) as IdentityTask[];
  if (!tasks.length) return;
  const year = prepared(db, "SELECT substr(date, 1, 4) FROM documents WHERE id = ?").pluck().get(documentId) as string | null;
  if (!year) return; // the rule relates documents of one year only
  const insert = prepared(db, "INSERT OR IGNORE INTO same_task_links (task_id, peer_task_id) VALUES (?, ?)");
  for (const [task, peer] of sameTasks(tasks, identityFacts(db, year))) {
    insert.run(task, peer);
    insert.run(peer, task);
  }
}

/** What `sameTasks` asks, answered from the store; candidates are limited to documents of `year` (the rule's own condition). */
function identityFacts(db: Store, year: string): TaskIdentityFacts {
  return {
    // By tasks.same_task_key (place, year, wording; v7): a few rows, not every plan task of the place that year.
    candidates: (localities, wordings) => prepared(db, `
      SELECT t.id, t.document_id, t.text, d.locality_key FROM tasks t JOIN documents d ON d.id = t.document_id
      WHERE t.same_task_key IN (SELECT value FROM json_each(?))`)
      .raw(true).all(JSON.stringify(localities.flatMap((l) => wordings.map((w) => sameTaskKey(l, year, w))))) as [number, number, string, string][],
    // Only what a document says itself: an implementation chain a third document asserts
    // ("Z implements W", read in X) would make the pair depend on X as well.
    cites: (a, b) => prepared(db, `
      SELECT 1 FROM citations WHERE target_document_id = ? AND source_document_id = ? AND document_id = source_document_id LIMIT 1`).pluck().get(b, a) !== undefined,
    documentFacts: (id) => {
      const row = prepared(db, "SELECT kind, issuer, title, substr(date, 1, 4) FROM documents WHERE id = ?").raw(true).get(id) as (string | null)[] | undefined;
      const [kind, issuer, title, y] = row ?? [null, null, null, null];
      return { kind, issuer, title, year: y };
    },
    shareSource: (a, b) => prepared(db, `
      SELECT 1 FROM task_sources sa JOIN citations ca ON ca.id = sa.citation_id
      WHERE sa.task_id = ? AND ca.target_document_id IN (
        SELECT cb.target_document_id FROM task_sources sb JOIN citations cb ON cb.id = sb.citation_id WHERE sb.task_id = ?)
      LIMIT 1`).pluck().get(a, b) !== undefined,
  };
}
