/** The files table as the import sees it: what a path held at the last run, and every stored path. */
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";

export type FileState = { sha256: string; status: string };

/** What `path` held when it was last imported, if it was. */
export function storedFile(db: Store, path: string): FileState | undefined {
  return prepared(db, "SELECT sha256, status FROM files WHERE path = ?").get(path) as FileState | undefined;
}

/** Every path the store has a row for (ingested or failed). */
export function storedPaths(db: Store): string[] {
  return prepared(db, "SELECT path FROM files").pluck().all() as string[];
}
