/**
 * The deadline rows each section of the nightly report starts from, and what
 * turns a row into a report item (documents, lead agencies, a file path) —
 * pipelines/nightly/items.ts does the turning.
 *
 * Only dated deadlines (start or end known) are read: "thường xuyên", "khi có yêu
 * cầu" and relative limits have no day to report on.
 *
 * Done, overdue and due soon are task-state.ts's definitions, shared with
 * `query tasks` and the web pages.
 *
 * Indexes used (EXPLAIN QUERY PLAN, 10k store): deadlines_due (migration 4) for the
 * date ranges, deadlines_document for a run's documents, task_links_plan for the
 * status, primary keys for the rest.
 */
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
import { DEADLINE_DAY, DEADLINE_OPEN, deadlineOverdue } from "./task-state.js";

/** How a report names a document: enough to show it and to key its items across imports. */
export type ReportDocument = {
  id: number;
  /** Identity key (documents.key): stable across stores and re-imports, unlike id. */
  key: string;
  code: string | null;
  kind: string | null;
  title: string | null;
  issuer: string | null;
  date: string | null;
};

export type DeadlineRow = {
  /** deadlines.id; null for an adjusted time read from a task's `extra` columns. */
  id: number | null;
  documentId: number;
  taskId: number | null;
  text: string;
  kind: string;
  start: string | null;
  end: string | null;
  page: number | null;
  spanStart: number | null;
  spanEnd: number | null;
  documentKey: string;
  taskText: string | null;
};

const SELECT_DEADLINE = `
  SELECT dl.id, dl.document_id AS documentId, dl.task_id AS taskId, dl.text, dl.kind, dl.start, dl."end", dl.page,
         dl.span_start AS spanStart, dl.span_end AS spanEnd, d.key AS documentKey, t.text AS taskText
  FROM deadlines dl
  JOIN documents d ON d.id = dl.document_id
  LEFT JOIN tasks t ON t.id = dl.task_id`;

const DATED = `(dl.start IS NOT NULL OR dl."end" IS NOT NULL)`;

/** Every dated deadline of these documents (the run's new and changed ones). */
export function deadlinesOfDocuments(db: Store, documentIds: number[]): DeadlineRow[] {
  if (!documentIds.length) return [];
  return prepared(db, `${SELECT_DEADLINE}
    WHERE dl.document_id IN (SELECT value FROM json_each(?)) AND ${DATED}
    ORDER BY ${DEADLINE_DAY}, d.key, dl.position`).all(JSON.stringify(documentIds)) as DeadlineRow[];
}

/** Open deadlines falling on today … until (inclusive): the end, or the start when there is no end. */
export function dueBetween(db: Store, today: string, until: string): DeadlineRow[] {
  return prepared(db, `${SELECT_DEADLINE}
    WHERE ${DEADLINE_DAY} BETWEEN ? AND ? AND ${DEADLINE_OPEN}
    ORDER BY ${DEADLINE_DAY}, d.key, dl.position`).all(today, until) as DeadlineRow[];
}

/**
 * Open task deadlines whose end is before today. Open-ended ones ("bắt đầu từ ngày
 * 10/4/2026") cannot be late, and a deadline that belongs to no task has no status
 * any report could set, so neither is called overdue.
 */
export function overdueBefore(db: Store, today: string): DeadlineRow[] {
  return prepared(db, `${SELECT_DEADLINE}
    WHERE ${deadlineOverdue("?")}
    ORDER BY ${DEADLINE_DAY}, d.key, dl.position`).all(today) as DeadlineRow[];
}

/** Every dated deadline of these tasks, in text order (a task row's time cells left to right). */
export function datedDeadlinesOfTasks(db: Store, taskIds: number[]): DeadlineRow[] {
  return prepared(db, `${SELECT_DEADLINE}
    WHERE dl.task_id IN (SELECT value FROM json_each(?)) AND ${DATED}
    ORDER BY dl.task_id, dl.span_start IS NULL, dl.span_start, dl.position`).all(JSON.stringify(taskIds)) as DeadlineRow[];
}

/** Tasks of these documents (the run's), by id. */
export function tasksOfDocuments(db: Store, documentIds: number[]): number[] {
  return prepared(db, "SELECT t.id FROM json_each(?) j JOIN tasks t ON t.document_id = j.value").pluck().all(JSON.stringify(documentIds)) as number[];
}

/** What items need besides the rows, read once per report for every row. */
export type ItemContext = {
  documents: Map<number, ReportDocument>;
  leads: Map<number, string[]>;
  files: Map<number, string>;
};

/**
 * Documents, lead agencies and a file path for every row. `preferredFiles` names the
 * file a document came from in this run (the inbox copy); otherwise its first stored path.
 */
export function itemContext(db: Store, rows: DeadlineRow[], preferredFiles: Map<number, string>): ItemContext {
  const docIds = JSON.stringify([...new Set(rows.map((r) => r.documentId))]);
  const taskIds = JSON.stringify([...new Set(rows.flatMap((r) => (r.taskId === null ? [] : [r.taskId])))]);
  const documents = new Map<number, ReportDocument>();
  for (const d of prepared(db, `SELECT d.id, d.key, d.code, d.kind, COALESCE(d.title, d.cited_as) AS title, d.issuer, d.date
      FROM json_each(?) j JOIN documents d ON d.id = j.value`).all(docIds) as ReportDocument[])
    documents.set(d.id, d);
  const leads = new Map<number, string[]>();
  for (const [taskId, name] of prepared(db, `SELECT ta.task_id, a.name FROM json_each(?) j
      JOIN task_agencies ta ON ta.task_id = j.value AND ta.role = 'lead' JOIN agencies a ON a.id = ta.agency_id
      ORDER BY ta.task_id, ta.position`).raw(true).all(taskIds) as [number, string][]) {
    const list = leads.get(taskId);
    if (list) list.push(name);
    else leads.set(taskId, [name]);
  }
  const files = new Map(preferredFiles);
  for (const [docId, path] of prepared(db, `SELECT f.document_id, min(f.path) FROM json_each(?) j
      JOIN files f ON f.document_id = j.value AND f.status = 'ingested' GROUP BY f.document_id`).raw(true).all(docIds) as [number, string][])
    if (!files.has(docId)) files.set(docId, path);
  return { documents, leads, files };
}
