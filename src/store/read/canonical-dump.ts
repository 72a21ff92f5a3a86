/**
 * The store's content with every row id replaced by the identity key it stands
 * for, sorted: two stores holding the same files dump identically whatever order
 * the files were imported in. Timestamps and run bookkeeping are left out.
 */
import type { Store } from "../open-store.js";

export type CanonicalDump = Record<string, unknown[]>;

export function canonicalDump(db: Store): CanonicalDump {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    documents: all(`
      SELECT d.key, d.is_placeholder, d.code, d.code_key, d.scope, d.year, d.locality_key, d.kind, d.symbol, d.issuer, d.date, d.title,
             d.cited_as, d.content_sha256,
             (SELECT json_group_array(path) FROM (SELECT path FROM files WHERE document_id = d.id ORDER BY path)) AS files
      FROM documents d ORDER BY d.key`),
    files: all(`
      SELECT f.path, f.sha256, f.status, f.error, d.key AS document FROM files f LEFT JOIN documents d ON d.id = f.document_id ORDER BY f.path`),
    citations: all(`
      SELECT o.key AS asserted_by, s.key AS source, t.key AS target, c.origin, c.relation, c.code, c.code_key, c.scope, c.year,
             c.kind, c.date, c.issuer, c.text, c.mentions, c.page, c.span_start
      FROM citations c JOIN documents o ON o.id = c.document_id JOIN documents s ON s.id = c.source_document_id
      JOIN documents t ON t.id = c.target_document_id
      ORDER BY 1, 2, 3, c.origin, c.relation, c.code, c.text, c.span_start`),
    tasks: all(`
      SELECT d.key AS document, t.position, t.ordinal, t.section, t.text, t.status, t.due_kind, t.due_start, t.due_end,
             (SELECT json_group_array(x) FROM (SELECT ta.role || ':' || a.key || ':' || ta.written AS x FROM task_agencies ta
                JOIN agencies a ON a.id = ta.agency_id WHERE ta.task_id = t.id ORDER BY ta.role, ta.position)) AS agencies,
             (SELECT json_group_array(x) FROM (SELECT s.code || '→' || td.key AS x FROM task_sources s JOIN citations c ON c.id = s.citation_id
                JOIN documents td ON td.id = c.target_document_id WHERE s.task_id = t.id ORDER BY s.position)) AS sources
      FROM tasks t JOIN documents d ON d.id = t.document_id ORDER BY 1, 2`),
    agencies: all(`
      SELECT a.key, a.name, a.locality,
             (SELECT json_group_array(written) FROM (SELECT written FROM agency_aliases WHERE agency_id = a.id ORDER BY written)) AS aliases
      FROM agencies a ORDER BY a.key`),
    deadlines: all(`
      SELECT d.key AS document, x.position, x.text, x.kind, x.start, x.end, t.position AS task
      FROM deadlines x JOIN documents d ON d.id = x.document_id LEFT JOIN tasks t ON t.id = x.task_id ORDER BY 1, 2`),
    metrics: all(`
      SELECT d.key AS document, m.position, m.subject, m.value, m.unit, m.comparator, m.role, m.numerator, m.denominator, t.position AS task
      FROM metrics m JOIN documents d ON d.id = m.document_id LEFT JOIN tasks t ON t.id = m.task_id ORDER BY 1, 2`),
    taskLinks: all(`
      SELECT rd.key AS report, r.position AS report_task, pd.key AS plan, p.position AS plan_task, l.score, l.method
      FROM task_links l JOIN tasks r ON r.id = l.report_task_id JOIN documents rd ON rd.id = r.document_id
      JOIN tasks p ON p.id = l.plan_task_id JOIN documents pd ON pd.id = p.document_id ORDER BY 1, 2`),
    sameTaskLinks: all(`
      SELECT ad.key AS document, a.position AS task, bd.key AS peer_document, b.position AS peer_task
      FROM same_task_links l JOIN tasks a ON a.id = l.task_id JOIN documents ad ON ad.id = a.document_id
      JOIN tasks b ON b.id = l.peer_task_id JOIN documents bd ON bd.id = b.document_id ORDER BY 1, 2, 3, 4`),
    // Derived tables kept at ingest: the same whatever order (and however often) files were written.
    citationReach: all(`
      SELECT a.key AS cited, d.key AS citing, r.depth, r.date, r.key FROM citation_reach r
      JOIN documents a ON a.id = r.ancestor JOIN documents d ON d.id = r.descendant ORDER BY 1, 2`),
    latestTaskStatus: all(`
      SELECT pd.key AS plan, p.position AS plan_task, rd.key AS report, r.position AS report_task, ls.report_date, ls.status, ls.status_text, ls.score
      FROM task_latest_status ls JOIN tasks p ON p.id = ls.plan_task_id JOIN documents pd ON pd.id = p.document_id
      JOIN tasks r ON r.id = ls.report_task_id JOIN documents rd ON rd.id = ls.report_document_id ORDER BY 1, 2`),
    searchIndex: all(`
      SELECT 'document' AS kind, count(*) AS n FROM document_search UNION ALL SELECT 'task', count(*) FROM task_search`),
  };
}
