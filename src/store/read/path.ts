/** `query path`: the shortest citation chain between two documents, either way round. */
import type { PathStep, PathResult } from "../../../schemas/answers.js";
import { documentSummaries, type DocumentSummary } from "./document-summary.js";
import type { Store } from "../open-store.js";
import { resolveDocument } from "./resolve-document.js";
import { StoreError } from "../store-error.js";
export type { PathStep, PathResult };

export function queryPath(db: Store, from: string, to: string, options: { issuer?: string } = {}): PathResult {
  const a = resolveDocument(db, from, options);
  const b = resolveDocument(db, to, options);
  const forward = shortestChain(db, a, b);
  const chain = forward ?? shortestChain(db, b, a);
  if (!chain) throw new StoreError("store.noChain", { from, to });
  const summaries = documentSummaries(db, chain.map((s) => s.id));
  return {
    from: summaries.get(a)!,
    to: summaries.get(b)!,
    direction: forward ? "forward" : "backward",
    steps: chain.map((s) => ({ document: summaries.get(s.id)!, relation: s.relation, text: s.text })),
  };
}

/** Breadth-first along citations (citing → cited); each step says how it cites the next. */
function shortestChain(db: Store, from: number, to: number): { id: number; relation: string | null; text: string | null }[] | null {
  const out = db.prepare(
    "SELECT target_document_id AS target, relation, text FROM citations WHERE source_document_id = ? ORDER BY origin <> 'reference', target_document_id, id",
  );
  const parent = new Map<number, { from: number; relation: string; text: string | null }>();
  const seen = new Set([from]);
  let frontier = [from];
  while (frontier.length && !seen.has(to)) {
    const next: number[] = [];
    for (const id of frontier)
      for (const e of out.all(id) as { target: number; relation: string; text: string | null }[]) {
        if (seen.has(e.target)) continue;
        seen.add(e.target);
        parent.set(e.target, { from: id, relation: e.relation, text: e.text });
        next.push(e.target);
      }
    frontier = next;
  }
  if (!seen.has(to) || from === to) return from === to ? [{ id: from, relation: null, text: null }] : null;
  const steps: { id: number; relation: string | null; text: string | null }[] = [{ id: to, relation: null, text: null }];
  for (let at = to; at !== from; ) {
    const p = parent.get(at)!;
    steps.unshift({ id: p.from, relation: p.relation, text: p.text });
    at = p.from;
  }
  return steps;
}
