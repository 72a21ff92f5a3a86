/** `query cites`: what a document cites, with relation types, its own edges before reported ones. */
import type { CitesEntry, CitesResult } from "../../../schemas/answers.js";
import { documentSummaries, documentSummary, type DocumentSummary } from "./document-summary.js";
import type { Store } from "../open-store.js";
import { resolveDocument } from "./resolve-document.js";
export type { CitesEntry, CitesResult };

type EdgeRow = {
  id: number; document_id: number; target_document_id: number; relation: string; origin: CitesEntry["origin"]; code: string;
  text: string | null; mentions: number | null; page: number | null; span_start: number | null; span_end: number | null;
};

export function queryCites(db: Store, doc: string, options: { issuer?: string } = {}): CitesResult {
  const id = resolveDocument(db, doc, options);
  return { document: documentSummary(db, id), cites: citesOf(db, id) };
}

export function citesOf(db: Store, id: number): CitesEntry[] {
  const rows = db
    .prepare(
      `SELECT id, document_id, target_document_id, relation, origin, code, text, mentions, page, span_start, span_end
       FROM citations WHERE source_document_id = ? ORDER BY document_id <> source_document_id, span_start IS NULL, span_start, id`,
    )
    .all(id) as EdgeRow[];
  const summaries = documentSummaries(db, rows.flatMap((r) => [r.target_document_id, r.document_id]));
  const seen = new Set<string>();
  const out: CitesEntry[] = [];
  for (const r of rows) {
    // The same edge reported by several documents is listed once.
    const k = `${r.target_document_id}|${r.relation}|${r.document_id === id ? "own" : "reported"}`;
    if (r.document_id !== id && seen.has(k)) continue;
    seen.add(k);
    out.push({
      relation: r.relation,
      origin: r.origin,
      code: r.code,
      text: r.text,
      mentions: r.mentions,
      page: r.page,
      span: r.span_start !== null && r.span_end !== null ? { start: r.span_start, end: r.span_end } : null,
      target: summaries.get(r.target_document_id)!,
      reportedBy: r.document_id === id ? null : summaries.get(r.document_id)!,
    });
  }
  return out;
}
