/**
 * Full-text search over document titles (with code and issuer), task text, and the
 * documents' own text by passage (a paragraph, list item or table row: passage-index.ts).
 *
 * Recall is the full-text engine's (search-recall.ts: FTS5 here, tsvector on
 * PostgreSQL), from both the text as written (diacritics ignored) and its đ→d
 * shadow; the user's text is data, never query syntax. Ranking, the same on both:
 *   0. the document whose code is the query ("57-NQ/TW");
 *   1. the text contains the query exactly as typed (case and tone placement aside);
 *   2. it contains the query once diacritics are dropped (a phrase match);
 *   3. it contains all the words somewhere;
 * then the engine's score (bm25, ts_rank) within a tier. A passage that holds a task found too is the same place
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
import { fts5Recall, type RecallKind, type SearchRecall } from "./search-recall.js";
import { placeLink } from "./place-link.js";
export type { SearchHit, SearchResult };

/** How many candidates each table contributes (at least) before re-ranking. */
const CANDIDATES = 200;

type Candidate = {
  type: SearchHit["type"]; id: number; documentId: number; tier: 0 | 1 | 2 | 3; score: number; text: string;
  page: number | null; span: { start: number; end: number } | null; task?: SearchHit["task"];
};

export function searchStore(db: Store, query: string, options: { limit?: number; offset?: number } = {}, engine: SearchRecall = fts5Recall): SearchResult {
  const limit = options.limit ?? 20;
  const offset = options.offset ?? 0;
  const words = query.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  if (!words.length) return { query, total: 0, offset, hits: [] };
  const recall = engine(db, words);
  const want = Math.max(CANDIDATES, offset + limit);
  const typed = foldForMatch(query).toLowerCase().replace(/\s+/g, " ").trim();
  const loose = (foldLoose(query).match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");
  const tierOf = (text: string): 1 | 2 | 3 => {
    if (foldForMatch(text).toLowerCase().replace(/\s+/g, " ").includes(typed)) return 1;
    return (foldLoose(text).match(/[\p{L}\p{N}]+/gu) ?? []).join(" ").includes(loose) ? 2 : 3;
  };

  const pending: Candidate[] = [];
  const exact = db.prepare("SELECT id, code, title, cited_as, issuer FROM documents WHERE code_key = ?").all(codeKey(query)) as {
    id: number; code: string | null; title: string | null; cited_as: string | null; issuer: string | null;
  }[];
  const exactIds = new Set(exact.map((d) => d.id));
  for (const d of exact)
    pending.push({ type: "document", id: d.id, documentId: d.id, tier: 0, score: -Infinity, text: documentSearchText(d), page: null, span: null });

  const documents = recall.documents(want);
  for (const d of documents) {
    if (exactIds.has(d.id)) continue;
    const text = documentSearchText(d);
    pending.push({ type: "document", id: d.id, documentId: d.id, tier: tierOf(text), score: d.score, text, page: null, span: null });
  }
  const tasks = recall.tasks(want);
  for (const t of tasks)
    pending.push({
      type: "task", id: t.id, documentId: t.document_id, tier: tierOf(t.text), score: t.score, text: t.text, page: t.page,
      span: t.span_start !== null && t.span_end !== null ? { start: t.span_start, end: t.span_end } : null,
      task: { id: t.id, ordinal: t.ordinal, section: t.section },
    });
  const passages = recall.passages(want);
  const taskSpans = pending.filter((c) => c.type === "task" && c.span);
  for (const p of passages) {
    if (taskSpans.some((c) => c.documentId === p.document_id && c.span!.start < p.span_end && p.span_start < c.span!.end)) continue;
    pending.push({
      type: "passage", id: p.id, documentId: p.document_id, tier: tierOf(p.text), score: p.score, text: p.text, page: p.page,
      span: { start: p.span_start, end: p.span_end },
    });
  }
  // Exact when every match was read; beyond that, the matches not read are counted as they are.
  const unread = (kind: RecallKind, read: number) => (read < want ? 0 : recall.count(kind) - read);
  const total = pending.length + unread("documents", documents.length) + unread("tasks", tasks.length) + unread("passages", passages.length);

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

