/** `query citing`: the documents that cite one, directly or through chains of implementation. */
import type { CitingEntry, CitingResult } from "../../../schemas/answers.js";
import { documentSummaries, type DocumentSummary } from "./document-summary.js";
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
import { resolveDocument } from "./resolve-document.js";
export type { CitingEntry, CitingResult };

export function queryCiting(db: Store, code: string, options: { transitive?: boolean; issuer?: string; limit?: number } = {}): CitingResult {
  const target = resolveDocument(db, code, { issuer: options.issuer });
  // Every edge into the set of documents that reach the target (one recursive query), then
  // a breadth-first walk in memory for each citer's depth and the document it goes through.
  const edges = db
    .prepare(
      options.transitive
        ? `WITH RECURSIVE reach(id) AS (SELECT ? UNION SELECT c.source_document_id FROM citations c JOIN reach r ON c.target_document_id = r.id)
           SELECT c.target_document_id, c.source_document_id, c.relation, c.origin = 'implements' AND c.document_id <> c.source_document_id
           FROM reach r JOIN citations c ON c.target_document_id = r.id`
        : `SELECT target_document_id, source_document_id, relation, origin = 'implements' AND document_id <> source_document_id
           FROM citations WHERE target_document_id = ?`,
    )
    .raw(true)
    .all(target) as [number, number, string, number][];
  // Row indices by cited document; rows are read in place (a 10k store has ~30k such edges).
  const into = new Map<number, number[]>();
  edges.forEach((e, i) => {
    if (e[0] === e[1]) return;
    const list = into.get(e[0]);
    if (list) list.push(i);
    else into.set(e[0], [i]);
  });
  const found = new Map<number, { depth: number; relations: string[]; via: number | null; reported: boolean }>();
  let frontier = [target];
  for (let depth = 1; frontier.length; depth++) {
    const next: number[] = [];
    for (const to of frontier) {
      const list = into.get(to);
      if (!list) continue;
      for (const i of list) {
        const [, from, relation, reported] = edges[i];
        if (from === target) continue;
        const f = found.get(from);
        if (!f) {
          found.set(from, { depth, relations: [relation], via: depth > 1 ? to : null, reported: reported === 1 });
          next.push(from);
        } else if (f.depth === depth && (f.via ?? target) === to) {
          if (!f.relations.includes(relation)) f.relations.push(relation);
          f.reported &&= reported === 1;
        }
      }
    }
    frontier = next;
  }
  // Sorted on (depth, date, key) for all; full summaries only for the page returned.
  const order = prepared(db, "SELECT d.id, d.date, d.key FROM json_each(?) j JOIN documents d ON d.id = j.value")
    .raw(true)
    .all(JSON.stringify([...found.keys()])) as [number, string | null, string][];
  const depthOf = (id: number) => found.get(id)!.depth;
  const ranked = order
    .map(([id, date, key]) => ({ id, depth: depthOf(id), date: date ?? "", key }))
    .sort((a, b) => a.depth - b.depth || (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.id);
  const page = options.limit !== undefined ? ranked.slice(0, options.limit) : ranked;
  const summaries = documentSummaries(db, [target, ...page, ...page.flatMap((id) => found.get(id)!.via ?? [])]);
  const citing = page.map((id) => {
    const f = found.get(id)!;
    return { document: summaries.get(id)!, depth: f.depth, relations: f.relations.sort(), via: f.via ? summaries.get(f.via)! : null, reported: f.reported };
  });
  return { target: summaries.get(target)!, transitive: Boolean(options.transitive), total: found.size, citing };
}
