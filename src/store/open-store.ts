/**
 * Opens a store file: checks that it is one, and brings its schema up to date.
 *
 * WAL lets queries read while an import writes; foreign keys are off by default in
 * SQLite and the schema relies on them (cascading deletes of a document's rows);
 * the busy timeout makes a second writer wait instead of failing at once.
 *
 * Whatever is wrong with the file — missing, a folder, empty, not SQLite, cut short,
 * damaged, another program's database, a newer vanban's store — is one StoreError
 * naming the file and the problem (`storeFileProblem`, `describeStoreFailure`).
 * Only `vanban import` creates a store; every other command passes `mustExist`.
 * A migration runs under the store's import lock (import-lock.ts), so two processes
 * starting on an old store never migrate it twice.
 */
import { closeSync, existsSync, openSync, readSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { acquireImportLock } from "./import-lock.js";
import { migrate, SCHEMA_VERSION, storeVersion } from "./migrations/index.js";
import type { MessageKey, Params } from "../i18n/index.js";
import { isPostgresUrl, openPostgresStore } from "./postgres.js";
import { StoreError } from "./store-error.js";

export type Store = Database.Database;

export type OpenStoreOptions = {
  /** Refuse to create a new file (every command but import: a typo in --db should not make an empty store). */
  mustExist?: boolean;
  /** The caller holds the store's import lock (an import): a migration need not take it. */
  holdsLock?: boolean;
};

/** How long a command waits for an import's lock before migrating an old store. */
const MIGRATION_LOCK_WAIT_MS = 10_000;

const SQLITE_MAGIC = "SQLite format 3\0";

export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  if (isPostgresUrl(file)) return openPostgresStore(file, { mustExist: options.mustExist });
  if (file !== ":memory:") {
    const problem = storeFileProblem(file, { allowNew: !options.mustExist });
    if (problem) throw problem;
  }
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (e) {
    throw describeStoreFailure(file, e);
  }
  try {
    // Read before anything writes: another program's database is left byte for byte as it was.
    db.pragma("busy_timeout = 5000");
    const version = storeVersion(db, file);
    db.pragma("journal_mode = WAL");
    db.pragma("foreign_keys = ON");
    // WAL + NORMAL stays consistent after a crash; only the last commits may be lost.
    db.pragma("synchronous = NORMAL");
    if (version < SCHEMA_VERSION) {
      const lock = options.holdsLock || file === ":memory:" ? null : acquireImportLock(file, { waitMs: MIGRATION_LOCK_WAIT_MS });
      try {
        migrate(db, file);
      } finally {
        lock?.release();
      }
    }
  } catch (e) {
    db.close();
    throw describeStoreFailure(file, e);
  }
  return db;
}

/**
 * Opens an existing store without writing anything (doctor, the web server). The
 * schema version is checked by the caller: doctor reports an old one, serve refuses it.
 */
export function openStoreReadOnly(file: string): Store {
  if (isPostgresUrl(file)) return openPostgresStore(file, { mustExist: true, readOnly: true });
  const problem = storeFileProblem(file, { allowNew: false });
  if (problem) throw problem;
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma("busy_timeout = 5000");
    storeVersion(db, file);
  } catch (e) {
    throw describeStoreFailure(file, e);
  }
  return db;
}

/** Why `file` cannot be (or become) a store, from the file system and its first bytes; null when it can. */
export function storeFileProblem(file: string, options: { allowNew: boolean }): StoreError | null {
  if (isPostgresUrl(file)) return null; // a server, not a file: openPostgresStore says what is wrong
  const why = fileProblem(file, options);
  if (!why) return null;
  return why.damaged ? new DamagedStoreError(why.key, why.params) : new StoreError(why.key, why.params);
}


type FileProblem = { key: MessageKey; params: Params; damaged?: boolean };
const problem = (key: MessageKey, params: Params, damaged = false): FileProblem => ({ key, params, damaged });

function fileProblem(file: string, options: { allowNew: boolean }): FileProblem | null {
  if (!existsSync(file)) return options.allowNew ? null : problem("store.noStore", { file });
  let info;
  try {
    info = statSync(file);
  } catch (e) {
    return problem("store.unreadable", { file, reason: (e as Error).message.split("\n")[0] });
  }
  if (info.isDirectory()) return problem("store.isFolder", { file });
  if (!info.isFile()) return problem("store.notRegularFile", { file });
  // An empty file is what SQLite would turn into a new database: only import may.
  if (info.size === 0) return options.allowNew ? null : problem("store.emptyFile", { file });
  const head = Buffer.alloc(100);
  let n = 0;
  try {
    const fd = openSync(file, "r");
    try {
      n = readSync(fd, head, 0, 100, 0);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    return problem("store.unreadable", { file, reason: (e as Error).message.split("\n")[0] });
  }
  if (head.subarray(0, Math.min(n, 16)).toString("latin1") !== SQLITE_MAGIC.slice(0, Math.min(n, 16))) return problem("store.notSqlite", { file });
  if (n < 100) return problem("store.tooShort", { file, n }, true);
  return null;
}

/** A store SQLite reads as damaged: doctor reports it as a problem found, not as "no store". */
export class DamagedStoreError extends StoreError {}

/** An error met while opening or reading a store, as one line naming the file. */
export function describeStoreFailure(file: string, e: unknown): Error {
  if (e instanceof StoreError) return e;
  const code = String((e as { code?: unknown }).code ?? "");
  const message = (e instanceof Error ? e.message : String(e)).split("\n")[0];
  if (code === "SQLITE_NOTADB" || /file is not a database/i.test(message)) return new StoreError("store.notSqlite", { file });
  if (code.startsWith("SQLITE_CORRUPT") || /malformed|corrupt/i.test(message))
    return new DamagedStoreError("store.damaged", { file, reason: message });
  if (code.startsWith("SQLITE_CANTOPEN")) return new StoreError("store.cannotOpen", { file, reason: message });
  return e instanceof Error ? e : new Error(message);
}

/**
 * Let SQLite refresh its planner statistics where an import changed tables a
 * lot (never analysed, or grown/shrunk ~25×); `analysis_limit` bounds the work to
 * a sample per index, so this costs milliseconds even on a 100k-document store.
 */
export function refreshPlannerStatistics(db: Store): void {
  db.pragma("analysis_limit = 1000");
  db.pragma("optimize = 0x10002");
}
