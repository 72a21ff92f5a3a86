/**
 * The citation graph as nodes and typed edges for the Graph page (cytoscape).
 * With a focus document: it and everything citing it (directly, or through
 * chains of implementation when `transitive`), each node with its depth. Without
 * one: every document that takes part in a citation, up to MAX_NODES.
 *
 * Filters by kind and place keep the focus, and drop edges that lose an end.
 */
import { documentSummaries } from "../store/document-summary.js";
import type { Store } from "../store/open-store.js";
import { queryCiting } from "../store/queries.js";
import { PLACE_OF_DOCUMENT } from "./document-place.js";
import { documentLabel } from "./labels.js";

export type GraphNode = {
  id: number;
  label: string;
  code: string | null;
  kind: string | null;
  issuer: string | null;
  date: string | null;
  title: string | null;
  placeholder: boolean;
  localityKey: string | null;
  /** Steps to the focus (1 = cites it directly); 0 for the focus, null without one. */
  depth: number | null;
};

export type GraphEdge = {
  /** The citing document. */
  source: number;
  /** The cited document. */
  target: number;
  relation: string;
  /** Known only from a third document's description of the citing one. */
  reported: boolean;
};

export type CitationGraph = { focus: number | null; nodes: GraphNode[]; edges: GraphEdge[]; truncated: boolean };

export type GraphOptions = {
  focusId?: number; transitive: boolean; kind?: string; localityKey?: string;
  /** The drawing's cap (MAX_NODES) by default; an export takes every node. */
  maxNodes?: number;
};

/** Beyond this a drawing is unreadable and slow; the page says it was cut. */
const MAX_NODES = 1500;

export function citationGraph(db: Store, options: GraphOptions): CitationGraph {
  const depth = new Map<number, number | null>();
  const max = options.maxNodes ?? MAX_NODES;
  let truncated = false;
  if (options.focusId !== undefined) {
    depth.set(options.focusId, 0);
    const citing = queryCiting(db, String(options.focusId), { transitive: options.transitive, limit: max });
    for (const c of citing.citing) depth.set(c.document.id, c.depth);
    truncated = citing.total > citing.citing.length;
  } else {
    const ids = db
      .prepare(
        `SELECT id FROM (SELECT source_document_id AS id FROM citations UNION SELECT target_document_id FROM citations)
         ORDER BY id LIMIT ${max + 1}`,
      )
      .pluck()
      .all() as number[];
    truncated = ids.length > max;
    for (const id of ids.slice(0, max)) depth.set(id, null);
  }

  const places = new Map(
    (db.prepare(`SELECT d.id, ${PLACE_OF_DOCUMENT} AS place FROM json_each(?) j JOIN documents d ON d.id = j.value`).raw(true).all(JSON.stringify([...depth.keys()])) as [number, string | null][]),
  );
  const summaries = documentSummaries(db, depth.keys());
  const nodes: GraphNode[] = [];
  for (const [id, d] of depth) {
    const s = summaries.get(id);
    if (!s) continue;
    const isFocus = id === options.focusId;
    if (!isFocus && options.kind && s.kind !== options.kind) continue;
    if (!isFocus && options.localityKey && places.get(id) !== options.localityKey) continue;
    nodes.push({
      id, label: documentLabel(s), code: s.code, kind: s.kind, issuer: s.issuer, date: s.date, title: s.title,
      placeholder: s.placeholder, localityKey: places.get(id) ?? null, depth: d,
    });
  }
  const kept = JSON.stringify(nodes.map((n) => n.id));
  const edges = (
    db
      .prepare(
        `SELECT source_document_id AS source, target_document_id AS target, relation,
                MIN(origin = 'implements' AND document_id <> source_document_id) AS reported
         FROM citations
         WHERE source_document_id IN (SELECT value FROM json_each(:ids)) AND target_document_id IN (SELECT value FROM json_each(:ids))
           AND source_document_id <> target_document_id
         GROUP BY source_document_id, target_document_id, relation
         ORDER BY source_document_id, target_document_id, relation`,
      )
      .all({ ids: kept }) as { source: number; target: number; relation: string; reported: number }[]
  ).map((e) => ({ ...e, reported: e.reported === 1 }));
  return { focus: options.focusId ?? null, nodes, edges, truncated };
}
