/**
 * The citation graph as nodes and typed edges for the Graph page (cytoscape).
 * With a focus document: it and everything citing it (directly, or through
 * chains of implementation when `transitive`), each node with its depth. Without
 * one: every document that takes part in a citation, up to MAX_NODES.
 *
 * Filters by kind and place keep the focus, and drop edges that lose an end.
 */
import type { CitationGraph, GraphEdge, GraphNode } from "../../schemas/answers.js";
import { citationParticipants, documentSummaries, edgesAmong, placesOf, queryCiting, type Store } from "../store/index.js";
import { documentLabel } from "./labels.js";

export type { CitationGraph, GraphEdge, GraphNode };

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
    const ids = citationParticipants(db, max + 1);
    truncated = ids.length > max;
    for (const id of ids.slice(0, max)) depth.set(id, null);
  }

  const places = placesOf(db, depth.keys());
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
  const edges = edgesAmong(db, nodes.map((n) => n.id));
  return { focus: options.focusId ?? null, nodes, edges, truncated };
}
