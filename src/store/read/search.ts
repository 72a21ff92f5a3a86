/**
 * Full-text search over document titles (with code and issuer) and task text.
 *
 * The user's text is data: it is cut into letter/digit runs and each run becomes
 * a quoted FTS5 string, so quotes, NEAR, *, -, AND/OR/NOT and column filters in
 * the input are searched for as words, never obeyed. Every value is a bound
 * parameter. Recall comes from both columns (as written, diacritics ignored by
 * unicode61; and the đ→d shadow). Ranking:
 *   0. the document whose code is the query ("57-NQ/TW");
 *   1. the text contains the query exactly as typed (case and tone placement aside);
 *   2. it contains the query once diacritics are dropped (a phrase match);
 *   3. it contains all the words somewhere;
 * then bm25 within a tier.
 */
import type { SearchHit, SearchResult } from "../../../schemas/answers.js";
import { foldForMatch, foldLoose } from "../../normalise/fold.js";
import { codeKey } from "../../link/document-identity.js";
import { documentSummaries, type DocumentSummary } from "./document-summary.js";
import type { Store } from "../open-store.js";
import { documentSearchText } from "../write/search-index.js";
export type { SearchHit, SearchResult };

/** How many candidates each table contributes before re-ranking. */
const CANDIDATES = 200;

type DocumentCandidate = { id: number; score: number; code: string | null; title: string | null; cited_as: string | null; issuer: string | null };
type TaskCandidate = { id: number; score: number; document_id: number; text: string; ordinal: string | null; section: string | null };

/**
 * Where recall comes from: the full-text engine's best CANDIDATES documents and tasks
 * containing every word (score: lower is better). SQLite's FTS5 here; PostgreSQL's
 * tsvector in postgres/search.ts. The tiers and the answer are the same for both.
 */
export type SearchCandidates = (db: Store, words: string[], limit: number) => { documents: DocumentCandidate[]; tasks: TaskCandidate[] };

export function searchStore(db: Store, query: string, options: { limit?: number } = {}, candidates: SearchCandidates = fts5Candidates): SearchResult {
  const limit = options.limit ?? 20;
  const words = query.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  if (!words.length) return { query, hits: [] };
  const typed = foldForMatch(query).toLowerCase().replace(/\s+/g, " ").trim();
  const loose = (foldLoose(query).match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");
  const tierOf = (text: string): 1 | 2 | 3 => {
    if (foldForMatch(text).toLowerCase().replace(/\s+/g, " ").includes(typed)) return 1;
    return (foldLoose(text).match(/[\p{L}\p{N}]+/gu) ?? []).join(" ").includes(loose) ? 2 : 3;
  };

  const pending: { type: "document" | "task"; id: number; documentId: number; tier: 0 | 1 | 2 | 3; score: number; text: string; task?: SearchHit["task"] }[] = [];
  const exact = db.prepare("SELECT id, code, title, cited_as, issuer FROM documents WHERE code_key = ?").all(codeKey(query)) as {
    id: number; code: string | null; title: string | null; cited_as: string | null; issuer: string | null;
  }[];
  const exactIds = new Set(exact.map((d) => d.id));
  for (const d of exact) pending.push({ type: "document", id: d.id, documentId: d.id, tier: 0, score: -Infinity, text: documentSearchText(d) });

  const { documents, tasks } = candidates(db, words, CANDIDATES);
  for (const d of documents) {
    if (exactIds.has(d.id)) continue;
    const text = documentSearchText(d);
    pending.push({ type: "document", id: d.id, documentId: d.id, tier: tierOf(text), score: d.score, text });
  }
  for (const t of tasks)
    pending.push({
      type: "task", id: t.id, documentId: t.document_id, tier: tierOf(t.text), score: t.score, text: t.text,
      task: { id: t.id, ordinal: t.ordinal, section: t.section },
    });

  pending.sort((a, b) => a.tier - b.tier || a.score - b.score || (a.type === b.type ? a.id - b.id : a.type === "document" ? -1 : 1));
  const top = pending.slice(0, limit);
  const summaries = documentSummaries(db, top.map((p) => p.documentId));
  return {
    query,
    hits: top.map((p) => ({
      type: p.type,
      tier: p.tier,
      score: Number.isFinite(p.score) ? Math.round(p.score * 1000) / 1000 : 0,
      text: p.text,
      document: summaries.get(p.documentId)!,
      ...(p.task ? { task: p.task } : {}),
    })),
  };
}

const fts5Candidates: SearchCandidates = (db, words, limit) => {
  const match = matchExpression(words);
  const documents = db
    .prepare(
      `SELECT s.rowid AS id, bm25(document_search) AS score, d.code, d.title, d.cited_as, d.issuer
       FROM document_search s JOIN documents d ON d.id = s.rowid
       WHERE document_search MATCH ? ORDER BY score LIMIT ${limit}`,
    )
    .all(match) as DocumentCandidate[];
  const tasks = db
    .prepare(
      `SELECT s.rowid AS id, bm25(task_search) AS score, t.document_id, t.text, t.ordinal, t.section
       FROM task_search s JOIN tasks t ON t.id = s.rowid
       WHERE task_search MATCH ? ORDER BY score LIMIT ${limit}`,
    )
    .all(match) as TaskCandidate[];
  return { documents, tasks };
};

/** Every word must occur, matched either as written (diacritics aside) or in the đ→d shadow column. */
function matchExpression(words: string[]): string {
  const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;
  const asWritten = words.map((w) => quote(w.toLowerCase())).join(" AND ");
  const folded = words.flatMap((w) => foldLoose(w).match(/[\p{L}\p{N}]+/gu) ?? []).map(quote).join(" AND ");
  return `(text : (${asWritten})) OR (text_folded : (${folded}))`;
}
