/**
 * Full-text recall on PostgreSQL: the `tsvector` of each search row (migrations.ts:
 * unaccent, đ→d, lower case, letter/digit runs) against every word of the query
 * folded the same way, so "Đảng ủy", "dang uy" and "đảng uỷ" meet as in SQLite's
 * FTS5 tables. Score: minus ts_rank (lower is better, as bm25). The tiers and
 * the answer are read/search.ts's.
 */
import type { Store } from "../open-store.js";
import { searchStore, type SearchCandidates, type SearchResult } from "../read/search.js";

const tsvectorCandidates: SearchCandidates = (db, words, limit) => {
  const text = words.join(" ");
  const documents = db
    .prepare(
      `SELECT s.rowid AS id, -ts_rank(s.tsv, q) AS score, d.code, d.title, d.cited_as, d.issuer
       FROM document_search s JOIN documents d ON d.id = s.rowid, vanban_search_query(?) AS q
       WHERE s.tsv @@ q ORDER BY score, s.rowid LIMIT ${limit}`,
    )
    .all(text) as ReturnType<SearchCandidates>["documents"];
  const tasks = db
    .prepare(
      `SELECT s.rowid AS id, -ts_rank(s.tsv, q) AS score, t.document_id, t.text, t.ordinal, t.section
       FROM task_search s JOIN tasks t ON t.id = s.rowid, vanban_search_query(?) AS q
       WHERE s.tsv @@ q ORDER BY score, s.rowid LIMIT ${limit}`,
    )
    .all(text) as ReturnType<SearchCandidates>["tasks"];
  return { documents, tasks };
};

export function searchPostgres(db: Store, query: string, options: { limit?: number } = {}): SearchResult {
  return searchStore(db, query, options, tsvectorCandidates);
}
