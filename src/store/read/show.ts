/** `show`: one document with everything extracted from it and its provenance. */
import type { ShowResult } from "../../../schemas/answers.js";
import type { Span } from "../../../schemas/document.js";
import { messageOfWarning } from "../../extract/warning-text.js";
import { compareDocuments, documentSummaries, documentSummary, type DocumentSummary } from "./document-summary.js";
import type { Store } from "../open-store.js";
import { resolveDocument } from "./resolve-document.js";
import { citesOf, type CitesEntry } from "./cites.js";
import { hydrateTasks, TASK_COLUMNS, type TaskEntry, type TaskRow } from "./tasks.js";
import type { MetricItem } from "./metrics.js";
export type { ShowResult };

/** How many citing documents `show` lists (the count is always complete). */
const CITED_BY_SHOWN = 50;

export function showDocument(db: Store, doc: string, options: { issuer?: string } = {}): ShowResult {
  const id = resolveDocument(db, doc, options);
  const d = db.prepare("SELECT * FROM documents WHERE id = ?").get(id) as Record<string, unknown>;
  const summary = documentSummary(db, id);
  const files = db
    .prepare("SELECT path, sha256, format, size, mtime, status, error FROM files WHERE document_id = ? ORDER BY path")
    .all(id) as ShowResult["files"];
  const citedByRows = db
    .prepare(
      `SELECT source_document_id AS id, group_concat(DISTINCT relation) AS relations FROM citations
       WHERE target_document_id = ? AND source_document_id <> ? GROUP BY source_document_id`,
    )
    .all(id, id) as { id: number; relations: string }[];
  const citers = documentSummaries(db, citedByRows.map((r) => r.id));
  const citedBy = citedByRows
    .map((r) => ({ document: citers.get(r.id)!, relations: r.relations.split(",").sort() }))
    .sort((a, b) => compareDocuments(a.document, b.document));
  const taskRows = db
    .prepare(
      `SELECT ${TASK_COLUMNS}
       FROM tasks t LEFT JOIN task_latest_status ls ON ls.plan_task_id = t.id WHERE t.document_id = ? ORDER BY t.position`,
    )
    .all(id) as TaskRow[];
  const deadlines = (
    db
      .prepare("SELECT position, text, kind, start, end, task_id, page, span_start, span_end FROM deadlines WHERE document_id = ? ORDER BY position")
      .all(id) as { position: number; text: string; kind: string; start: string | null; end: string | null; task_id: number | null; page: number | null; span_start: number | null; span_end: number | null }[]
  ).map((r) => ({
    position: r.position, text: r.text, kind: r.kind, start: r.start, end: r.end, taskId: r.task_id, page: r.page,
    span: r.span_start !== null && r.span_end !== null ? { start: r.span_start, end: r.span_end } : null,
  }));
  const metrics = (
    db
      .prepare("SELECT id, value, max, unit, comparator, role, numerator, denominator, subject, text, task_id, page FROM metrics WHERE document_id = ? ORDER BY position")
      .all(id) as (Omit<MetricItem, "document" | "taskId"> & { task_id: number | null })[]
  ).map(({ task_id, ...m }) => ({ ...m, taskId: task_id, document: summary }));
  const warnings = d.warnings ? (JSON.parse(d.warnings as string) as string[]) : [];
  return {
    document: {
      ...summary,
      symbol: d.symbol as string | null,
      place: d.place as string | null,
      locality: d.locality as string | null,
      parentIssuer: d.parent_issuer as string | null,
      signer: d.signer_name ? { name: d.signer_name as string, position: d.signer_position as string | null } : null,
      format: d.format as string | null,
      pages: d.pages as number | null,
      contentSha256: d.content_sha256 as string | null,
      warnings,
      messages: warnings.map(messageOfWarning),
      provenance: d.provenance ? JSON.parse(d.provenance as string) : null,
    },
    files,
    references: citesOf(db, id),
    citedBy: { count: citedBy.length, documents: citedBy.slice(0, CITED_BY_SHOWN) },
    tasks: hydrateTasks(db, taskRows),
    deadlines,
    metrics,
  };
}

/** Each metric of a document with the span it was read from (the web view highlights them), by metric id. */
export function metricSpans(db: Store, documentId: number): Map<number, Span | null> {
  const rows = db.prepare("SELECT id, span_start, span_end FROM metrics WHERE document_id = ?").raw(true).all(documentId) as [number, number | null, number | null][];
  return new Map(rows.map(([id, start, end]) => [id, start !== null && end !== null ? { start, end } : null]));
}
