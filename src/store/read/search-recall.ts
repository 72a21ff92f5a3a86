/**
 * Where search's recall comes from: the full-text engine's best matches of documents,
 * tasks and passages containing every word (score: lower is better), and how many
 * match in all. SQLite's FTS5 here; PostgreSQL's tsvector in ../postgres/search.ts.
 * The tiers, the ranking and the answer are read/search.ts's, the same for both.
 *
 * The user's text is data: each letter/digit run becomes a quoted FTS5 string, so
 * quotes, NEAR, *, -, AND/OR/NOT and column filters in the input are searched for as
 * words, never obeyed, and every value is a bound parameter.
 */
import { foldLoose } from "../../normalise/fold.js";
import type { Store } from "../open-store.js";

export type DocumentMatch = { id: number; score: number; code: string | null; title: string | null; cited_as: string | null; issuer: string | null };
export type TaskMatch = {
  id: number; score: number; document_id: number; text: string; ordinal: string | null; section: string | null;
  page: number | null; span_start: number | null; span_end: number | null;
};
export type PassageMatch = { id: number; score: number; document_id: number; page: number | null; span_start: number; span_end: number; text: string };
export type RecallKind = "documents" | "tasks" | "passages";

/** The matches of one query; each list is read lazily, best first, up to `limit`. */
export type Recall = {
  documents: (limit: number) => DocumentMatch[];
  tasks: (limit: number) => TaskMatch[];
  passages: (limit: number) => PassageMatch[];
  count: (kind: RecallKind) => number;
};
export type SearchRecall = (db: Store, words: string[]) => Recall;

const FTS_TABLE: Record<RecallKind, string> = { documents: "document_search", tasks: "task_search", passages: "passage_search" };

export const fts5Recall: SearchRecall = (db, words) => {
  const match = matchExpression(words);
  return {
    documents: (limit) =>
      db.prepare(
        `SELECT s.rowid AS id, bm25(document_search) AS score, d.code, d.title, d.cited_as, d.issuer
         FROM document_search s JOIN documents d ON d.id = s.rowid
         WHERE document_search MATCH ? ORDER BY score LIMIT ?`,
      ).all(match, limit) as DocumentMatch[],
    tasks: (limit) =>
      db.prepare(
        `SELECT s.rowid AS id, bm25(task_search) AS score, t.document_id, t.text, t.ordinal, t.section, t.page, t.span_start, t.span_end
         FROM task_search s JOIN tasks t ON t.id = s.rowid
         WHERE task_search MATCH ? ORDER BY score LIMIT ?`,
      ).all(match, limit) as TaskMatch[],
    passages: (limit) =>
      db.prepare(
        `SELECT s.rowid AS id, bm25(passage_search) AS score, p.document_id, p.page, p.span_start, p.span_end,
                substr(x.text, p.span_start + 1, p.span_end - p.span_start) AS text
         FROM passage_search s JOIN passages p ON p.id = s.rowid JOIN document_texts x ON x.document_id = p.document_id
         WHERE passage_search MATCH ? ORDER BY score LIMIT ?`,
      ).all(match, limit) as PassageMatch[],
    count: (kind) => db.prepare(`SELECT count(*) FROM ${FTS_TABLE[kind]} WHERE ${FTS_TABLE[kind]} MATCH ?`).pluck().get(match) as number,
  };
};

/** Every word must occur, matched either as written (diacritics aside) or in the đ→d shadow column. */
function matchExpression(words: string[]): string {
  const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;
  const asWritten = words.map((w) => quote(w.toLowerCase())).join(" AND ");
  const folded = words.flatMap((w) => foldLoose(w).match(/[\p{L}\p{N}]+/gu) ?? []).map(quote).join(" AND ");
  return `(text : (${asWritten})) OR (text_folded : (${folded}))`;
}
