/**
 * Full-text recall on PostgreSQL: the `tsvector` of each search row (migrations:
 * unaccent, đ→d, lower case, letter/digit runs) against every word of the query
 * folded the same way, so "Đảng ủy", "dang uy" and "đảng uỷ" meet as in SQLite's
 * FTS5 tables. Score: minus ts_rank (lower is better, as bm25). The tiers and
 * the answer are read/search.ts's.
 */
import type { Store } from "../open-store.js";
import type { DocumentMatch, PassageMatch, RecallKind, SearchRecall, TaskMatch } from "../read/search-recall.js";
import { searchStore, type SearchResult } from "../read/search.js";

const TABLE: Record<RecallKind, string> = { documents: "document_search", tasks: "task_search", passages: "passage_search" };

const tsvectorRecall: SearchRecall = (db, words) => {
  const text = words.join(" ");
  return {
    documents: (limit) =>
      db.prepare(
        `SELECT s.rowid AS id, -ts_rank(s.tsv, q) AS score, d.code, d.title, d.cited_as, d.issuer
         FROM document_search s JOIN documents d ON d.id = s.rowid, vanban_search_query(?) AS q
         WHERE s.tsv @@ q ORDER BY score, s.rowid LIMIT ?`,
      ).all(text, limit) as DocumentMatch[],
    tasks: (limit) =>
      db.prepare(
        `SELECT s.rowid AS id, -ts_rank(s.tsv, q) AS score, t.document_id, t.text, t.ordinal, t.section, t.page, t.span_start, t.span_end
         FROM task_search s JOIN tasks t ON t.id = s.rowid, vanban_search_query(?) AS q
         WHERE s.tsv @@ q ORDER BY score, s.rowid LIMIT ?`,
      ).all(text, limit) as TaskMatch[],
    passages: (limit) =>
      db.prepare(
        `SELECT s.rowid AS id, -ts_rank(s.tsv, q) AS score, p.document_id, p.page, p.span_start, p.span_end,
                substr(x.text, p.span_start + 1, p.span_end - p.span_start) AS text
         FROM passage_search s JOIN passages p ON p.id = s.rowid JOIN document_texts x ON x.document_id = p.document_id,
              vanban_search_query(?) AS q
         WHERE s.tsv @@ q ORDER BY score, s.rowid LIMIT ?`,
      ).all(text, limit) as PassageMatch[],
    count: (kind) => db.prepare(`SELECT count(*) FROM ${TABLE[kind]} s, vanban_search_query(?) AS q WHERE s.tsv @@ q`).pluck().get(text) as number,
  };
};

export function searchPostgres(db: Store, query: string, options: { limit?: number; offset?: number } = {}): SearchResult {
  return searchStore(db, query, options, tsvectorRecall);
}
