/** Look-ups on the files table for the import's decisions (rows are written by ingest.ts, but for the times below). */
import type { Store } from "./open-store.js";
import { prepared } from "./prepared.js";

export type StoredFile = { sha256: string; status: "ingested" | "failed"; documentId: number | null; size: number | null; mtime: string | null };

export function storedFile(db: Store, path: string): StoredFile | undefined {
  return prepared(db, "SELECT sha256, status, document_id AS documentId, size, mtime FROM files WHERE path = ?").get(path) as StoredFile | undefined;
}

/** A stored path read again with the same content but another size or modification time (touched, copied back): the quick check then holds next run. */
export function recordFileTimes(db: Store, path: string, size: number | null, mtime: string | null): void {
  prepared(db, "UPDATE files SET size = ?, mtime = ? WHERE path = ?").run(size, mtime, path);
}

/** The stored files under `folder` (a path ending in the separator), by path: one range of the path index. */
export function storedFilesUnder(db: Store, folder: string): Map<string, StoredFile> {
  const rows = prepared(db,
    "SELECT path, sha256, status, document_id AS documentId, size, mtime FROM files WHERE path >= ? AND path < ?",
  ).all(folder, folder.slice(0, -1) + String.fromCharCode(folder.charCodeAt(folder.length - 1) + 1)) as (StoredFile & { path: string })[];
  return new Map(rows.map(({ path, ...file }) => [path, file]));
}

export function storedPaths(db: Store): string[] {
  return prepared(db, "SELECT path FROM files").pluck().all() as string[];
}

/** The documents the store holds (not only cites): the import's summary tells new documents from changed ones by this list taken before it writes. */
export function heldDocumentIds(db: Store): Set<number> {
  return new Set(prepared(db, "SELECT id FROM documents WHERE is_placeholder = 0").pluck().all() as number[]);
}
