/** Look-ups on the files table for the import's decisions (rows are written by ingest.ts). */
import type { Store } from "./open-store.js";
import { prepared } from "./prepared.js";

export type StoredFile = { sha256: string; status: "ingested" | "failed"; documentId: number | null };

export function storedFile(db: Store, path: string): StoredFile | undefined {
  return prepared(db, "SELECT sha256, status, document_id AS documentId FROM files WHERE path = ?").get(path) as StoredFile | undefined;
}

export function storedPaths(db: Store): string[] {
  return prepared(db, "SELECT path FROM files").pluck().all() as string[];
}

/** The documents the store holds (not only cites): the import's summary tells new documents from changed ones by this list taken before it writes. */
export function heldDocumentIds(db: Store): Set<number> {
  return new Set(prepared(db, "SELECT id FROM documents WHERE is_placeholder = 0").pluck().all() as number[]);
}
