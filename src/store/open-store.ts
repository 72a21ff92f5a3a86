/**
 * Opens (or creates) a store file and brings its schema up to date.
 *
 * WAL lets queries read while an import writes; foreign keys are off by default in
 * SQLite and the schema relies on them (cascading deletes of a document's rows);
 * the busy timeout makes a second writer wait instead of failing at once.
 */
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { migrate } from "./migrations.js";
import { StoreError } from "./store-error.js";

export type Store = Database.Database;

export type OpenStoreOptions = {
  /** Refuse to create a new file (query commands: a typo in --db should not make an empty store). */
  mustExist?: boolean;
};

export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  if (options.mustExist && file !== ":memory:" && !existsSync(file))
    throw new StoreError("store.noStore", { file });
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (e) {
    throw new StoreError("store.cannotOpen", { file, reason: (e as Error).message });
  }
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    db.pragma("busy_timeout = 5000");
    // WAL + NORMAL stays consistent after a crash; only the last commits may be lost.
    db.pragma("synchronous = NORMAL");
    migrate(db, file);
  } catch (e) {
    db.close();
    if (e instanceof Error && /file is not a database/i.test(e.message))
      throw new StoreError("store.notSqlite", { file });
    throw e;
  }
  return db;
}
