/**
 * `query citing`: the documents that cite one, directly or through chains of implementation.
 *
 * Read from citation_reach (src/store/write/citation-reach.ts), kept at ingest:
 * the total is a count over the target's rows, and a page comes straight off the
 * index in answer order — depth, then newest first, then key — so the cost
 * follows the page, not how many documents reach the target. Only the page's own
 * citations are read, for the relations and the document each goes through.
 */
import type { CitingEntry, CitingResult } from "../../../schemas/answers.js";
import { documentSummaries } from "./document-summary.js";
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
import { resolveDocument } from "./resolve-document.js";
export type { CitingEntry, CitingResult };

export type CitingOptions = { transitive?: boolean; issuer?: string; limit?: number; offset?: number };

export function queryCiting(db: Store, code: string, options: CitingOptions = {}): CitingResult {
  const target = resolveDocument(db, code, { issuer: options.issuer });
  const maxDepth = options.transitive ? Number.MAX_SAFE_INTEGER : 1;
  const total = prepared(db, "SELECT COUNT(*) FROM citation_reach WHERE ancestor = ? AND depth <= ?").pluck().get(target, maxDepth) as number;
  const page = prepared(db,
    `SELECT descendant, depth FROM citation_reach WHERE ancestor = ? AND depth <= ?
     ORDER BY depth, date DESC, key LIMIT ? OFFSET ?`,
  )
    .raw(true)
    .all(target, maxDepth, options.limit ?? -1, options.offset ?? 0) as [number, number][];
  const steps = firstSteps(db, target, page);
  const summaries = documentSummaries(db, [target, ...page.map(([id]) => id), ...[...steps.values()].flatMap((s) => s.via ?? [])]);
  const citing = page.map(([id, depth]): CitingEntry => {
    const s = steps.get(id)!;
    return { document: summaries.get(id)!, depth, relations: s.relations, via: s.via === null ? null : summaries.get(s.via)!, reported: s.reported };
  });
  return { target: summaries.get(target)!, transitive: Boolean(options.transitive), total, citing };
}

type Step = { via: number | null; relations: string[]; reported: boolean };

/**
 * For each document of the page, its first step towards the target: the target
 * itself at depth 1, else the newest document it cites that is one step nearer;
 * the relations of its citations of that document, and whether every one of them
 * is only reported by a third document.
 */
function firstSteps(db: Store, target: number, page: [number, number][]): Map<number, Step> {
  const edges = prepared(db,
    `SELECT source_document_id, target_document_id, relation, origin = 'implements' AND document_id <> source_document_id
     FROM citations WHERE source_document_id IN (SELECT value FROM json_each(?)) AND target_document_id <> source_document_id`,
  )
    .raw(true)
    .all(JSON.stringify(page.map(([id]) => id))) as [number, number, string, number][];
  const cited = [...new Set(edges.map((e) => e[1]))];
  // Rank of each cited document among the target's reachers: depth, then answer order.
  const rank = new Map<number, { depth: number; order: number }>();
  (prepared(db,
    `SELECT descendant, depth FROM citation_reach WHERE ancestor = ? AND descendant IN (SELECT value FROM json_each(?))
     ORDER BY depth, date DESC, key`,
  )
    .raw(true)
    .all(target, JSON.stringify(cited)) as [number, number][]).forEach(([id, depth], order) => rank.set(id, { depth, order }));
  // Each document's own citations apart: a page of every reacher (--limit 0) stays linear.
  const edgesFrom = new Map<number, (typeof edges)[number][]>();
  for (const e of edges) {
    const list = edgesFrom.get(e[0]);
    if (list) list.push(e);
    else edgesFrom.set(e[0], [e]);
  }
  const steps = new Map<number, Step>();
  for (const [id, depth] of page) {
    const mine = edgesFrom.get(id) ?? [];
    const nearer = (to: number) => (depth === 1 ? to === target : rank.get(to)?.depth === depth - 1);
    let via: number | null = null;
    if (depth > 1)
      for (const e of mine) if (nearer(e[1]) && (via === null || rank.get(e[1])!.order < rank.get(via)!.order)) via = e[1];
    const to = via ?? target;
    const own = mine.filter((e) => e[1] === to);
    steps.set(id, { via, relations: [...new Set(own.map((e) => e[2]))].sort(), reported: own.length > 0 && own.every((e) => e[3] === 1) });
  }
  return steps;
}
