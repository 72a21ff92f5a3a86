/**
 * The citation graph's raw parts for drawing it (src/web/citation-graph-view.ts):
 * the documents that take part in a citation, their places, and the typed edges
 * among a set of documents.
 */
import type { GraphEdge } from "../../../schemas/answers.js";
import type { Store } from "../open-store.js";
import { PLACE_OF_DOCUMENT } from "./places.js";
export type { GraphEdge };

/** Ids of documents that cite or are cited, smallest first, at most `limit`. */
export function citationParticipants(db: Store, limit: number): number[] {
  return db
    .prepare(
      `SELECT id FROM (SELECT source_document_id AS id FROM citations UNION SELECT target_document_id FROM citations)
       ORDER BY id LIMIT ?`,
    )
    .pluck()
    .all(limit) as number[];
}

/** Each document's place key (places.ts), by id. */
export function placesOf(db: Store, ids: Iterable<number>): Map<number, string | null> {
  return new Map(
    db.prepare(`SELECT d.id, ${PLACE_OF_DOCUMENT} AS place FROM json_each(?) j JOIN documents d ON d.id = j.value`).raw(true).all(JSON.stringify([...ids])) as [number, string | null][],
  );
}

/** Edges with both ends among `ids`, one per (source, target, relation); self-citations left out. */
export function edgesAmong(db: Store, ids: number[]): GraphEdge[] {
  return (
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
      .all({ ids: JSON.stringify(ids) }) as { source: number; target: number; relation: string; reported: number }[]
  ).map((e) => ({ ...e, reported: e.reported === 1 }));
}
