/**
 * Full-text search over document titles (with code and issuer), task text, and the
 * documents' own text by passage (a paragraph, list item or table row: passage-index.ts).
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
 * then bm25 within a tier. A passage that holds a task found too is the same place
 * said twice: the task is kept. Each hit has a snippet with its matched words marked,
 * its page and span, and a link to that place in the web document view.
 */
import type { SearchHit, SearchResult } from "../../../schemas/answers.js";
import { foldForMatch, foldLoose } from "../../normalise/fold.js";
import { codeKey } from "../../link/document-identity.js";
import { documentSummaries } from "./document-summary.js";
import type { Store } from "../open-store.js";
import { documentSearchText } from "../write/search-index.js";
import { queryWords, snippetOf } from "./search-snippet.js";
import { placeLink } from "./place-link.js";
export type { SearchHit, SearchResult };

/** How many candidates each table contributes (at least) before re-ranking. */
const CANDIDATES = 200;

type Candidate = {
  type: SearchHit["type"]; id: number; documentId: number; tier: 0 | 1 | 2 | 3; score: number; text: string;
  page: number | null; span: { start: number; end: number } | null; task?: SearchHit["task"];
};

export function searchStore(db: Store, query: string, options: { limit?: number; offset?: number } = {}): SearchResult {
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  const words = query.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  if (!words.length) return { query, total: 0, offset, hits: [] };
  const match = matchExpression(words);
  const want = Math.max(CANDIDATES, offset + limit);
  const typed = foldForMatch(query).toLowerCase().replace(/\s+/g, " ").trim();
  const loose = (foldLoose(query).match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");
  const tierOf = (text: string): 1 | 2 | 3 => {
    if (foldForMatch(text).toLowerCase().replace(/\s+/g, " ").includes(typed)) return 1;
    return (foldLoose(text).match(/[\p{L}\p{N}]+/gu) ?? []).join(" ").includes(loose) ? 2 : 3;
  };
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table} WHERE ${table} MATCH ?`).pluck().get(match) as number;

  const pending: Candidate[] = [];
  const exact = db.prepare("SELECT id, code, title, cited_as, issuer FROM documents WHERE code_key = ?").all(codeKey(query)) as {
    id: number; code: string | null; title: string | null; cited_as: string | null; issuer: string | null;
  }[];
  const exactIds = new Set(exact.map((d) => d.id));
  for (const d of exact)
    pending.push({ type: "document", id: d.id, documentId: d.id, tier: 0, score: -Infinity, text: documentSearchText(d), page: null, span: null });

  const documents = db
    .prepare(
      `SELECT s.rowid AS id, bm25(document_search) AS score, d.code, d.title, d.cited_as, d.issuer
       FROM document_search s JOIN documents d ON d.id = s.rowid
       WHERE document_search MATCH ? ORDER BY score LIMIT ?`,
    )
    .all(match, want) as { id: number; score: number; code: string | null; title: string | null; cited_as: string | null; issuer: string | null }[];
  for (const d of documents) {
    if (exactIds.has(d.id)) continue;
    const text = documentSearchText(d);
    pending.push({ type: "document", id: d.id, documentId: d.id, tier: tierOf(text), score: d.score, text, page: null, span: null });
  }
  const tasks = db
    .prepare(
      `SELECT s.rowid AS id, bm25(task_search) AS score, t.document_id, t.text, t.ordinal, t.section, t.page, t.span_start, t.span_end
       FROM task_search s JOIN tasks t ON t.id = s.rowid
       WHERE task_search MATCH ? ORDER BY score LIMIT ?`,
    )
    .all(match, want) as {
      id: number; score: number; document_id: number; text: string; ordinal: string | null; section: string | null;
      page: number | null; span_start: number | null; span_end: number | null;
    }[];
  for (const t of tasks)
    pending.push({
      type: "task", id: t.id, documentId: t.document_id, tier: tierOf(t.text), score: t.score, text: t.text, page: t.page,
      span: t.span_start !== null && t.span_end !== null ? { start: t.span_start, end: t.span_end } : null,
      task: { id: t.id, ordinal: t.ordinal, section: t.section },
    });
  const passages = db
    .prepare(
      `SELECT s.rowid AS id, bm25(passage_search) AS score, p.document_id, p.page, p.span_start, p.span_end,
              substr(x.text, p.span_start + 1, p.span_end - p.span_start) AS text
       FROM passage_search s JOIN passages p ON p.id = s.rowid JOIN document_texts x ON x.document_id = p.document_id
       WHERE passage_search MATCH ? ORDER BY score LIMIT ?`,
    )
    .all(match, want) as { id: number; score: number; document_id: number; page: number | null; span_start: number; span_end: number; text: string }[];
  const taskSpans = pending.filter((c) => c.type === "task" && c.span);
  for (const p of passages) {
    if (taskSpans.some((c) => c.documentId === p.document_id && c.span!.start < p.span_end && p.span_start < c.span!.end)) continue;
    pending.push({
      type: "passage", id: p.id, documentId: p.document_id, tier: tierOf(p.text), score: p.score, text: p.text, page: p.page,
      span: { start: p.span_start, end: p.span_end },
    });
  }
  // Exact when every match was read; beyond that, the matches not read are counted as they are.
  const unread = (table: string, read: number) => (read < want ? 0 : count(table) - read);
  const total = pending.length + unread("document_search", documents.length) + unread("task_search", tasks.length) + unread("passage_search", passages.length);

  pending.sort((a, b) => a.tier - b.tier || a.score - b.score || (a.type === b.type ? a.id - b.id : TYPE_ORDER[a.type] - TYPE_ORDER[b.type]));
  const top = pending.slice(offset, offset + limit);
  const summaries = documentSummaries(db, top.map((p) => p.documentId));
  const marked = queryWords(query);
  return {
    query,
    total,
    offset,
    hits: top.map((p) => ({
      type: p.type,
      tier: p.tier,
      score: Number.isFinite(p.score) ? Math.round(p.score * 1000) / 1000 : 0,
      text: p.text,
      snippet: snippetOf(p.text, marked),
      page: p.page,
      span: p.span,
      link: placeLink(p.documentId, p.page, p.span),
      document: summaries.get(p.documentId)!,
      ...(p.task ? { task: p.task } : {}),
    })),
  };
}

const TYPE_ORDER: Record<SearchHit["type"], number> = { document: 0, task: 1, passage: 2 };

/** Every word must occur, matched either as written (diacritics aside) or in the đ→d shadow column. */
function matchExpression(words: string[]): string {
  const quote = (w: string) => `"${w.replace(/"/g, '""')}"`;
  const asWritten = words.map((w) => quote(w.toLowerCase())).join(" AND ");
  const folded = words.flatMap((w) => foldLoose(w).match(/[\p{L}\p{N}]+/gu) ?? []).map(quote).join(" AND ");
  return `(text : (${asWritten})) OR (text_folded : (${folded}))`;
}
