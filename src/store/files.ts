/** Look-ups on the files table for the import's decisions (rows are written by ingest.ts). */
import type { Store } from "./open-store.js";
import { prepared } from "./prepared.js";

export type StoredFile = { sha256: string; status: "ingested" | "failed" };

export function storedFile(db: Store, path: string): StoredFile | undefined {
  return prepared(db, "SELECT sha256, status FROM files WHERE path = ?").get(path) as StoredFile | undefined;
}

export function storedPaths(db: Store): string[] {
  return prepared(db, "SELECT path FROM files").pluck().all() as string[];
}
