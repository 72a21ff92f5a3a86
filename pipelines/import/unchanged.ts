/**
 * The re-import's quick check, as rsync and make do it: a path the store holds as
 * ingested whose size and modification time are the ones recorded is unchanged,
 * and is passed over without reading or hashing it. Other content under the same
 * size and time to the millisecond takes a deliberate reset of the clock; `--force`
 * reads every file again. A file touched without a change is read, found the same
 * by its sha256, and its new time recorded (outcomes.ts).
 */
import { statSync } from "node:fs";
import { resolve, sep } from "node:path";
import { storedFile, storedFilesUnder, type Store, type StoredFile } from "../../src/store/index.js";

export class UnchangedFiles {
  /** The stored files under the paths being imported (those that are folders), read at once: one index range each. */
  private readonly known = new Map<string, StoredFile>();

  constructor(private readonly db: Store, paths: string[]) {
    for (const p of paths) {
      const folder = resolve(p).endsWith(sep) ? resolve(p) : resolve(p) + sep;
      for (const [path, file] of storedFilesUnder(db, folder)) this.known.set(path, file);
    }
  }

  /** What the store holds at `path` when the file on disk is, by size and time, the one it read; else undefined (read it). */
  check(path: string): StoredFile | undefined {
    const before = this.known.get(path) ?? storedFile(this.db, path);
    if (before?.status !== "ingested" || before.size === null || before.mtime === null) return undefined;
    let info;
    try {
      info = statSync(path);
    } catch {
      return undefined; // reading it says why, in the summary
    }
    return info.isFile() && info.size === before.size && info.mtime.toISOString() === before.mtime ? before : undefined;
  }
}
