/**
 * The store's schema, as an ordered list of forward-only migrations.
 *
 * PRAGMA user_version holds the number of the last migration applied. Each
 * migration runs in its own transaction together with the bump of user_version,
 * so a failure leaves the file at the previous version, never half-way. Before an
 * existing store is migrated, a consistent copy is written beside it as
 * `<db>.bak-v<N>` (N = the version it had): a migration that turns out wrong can
 * be undone by hand. Never edit a released migration; add the next one.
 *
 * One file per version (`vN-what-it-adds.ts`), listed in order below.
 *
 * docs/schema.md explains every table and column for analysts.
 */
import { existsSync, renameSync, rmSync } from "node:fs";
import type Database from "better-sqlite3";
import { StoreError } from "../store-error.js";
import type { Migration } from "./migration.js";
import { V1 } from "./v1-core-tables.js";
import { V2 } from "./v2-search-and-links.js";
import { V3 } from "./v3-texts-and-notices.js";
import { V4 } from "./v4-deadline-days.js";
import { V5 } from "./v5-integrity.js";
import { V6 } from "./v6-same-task-links.js";
import { V7 } from "./v7-reach-and-task-status.js";
import { V8 } from "./v8-passages.js";
import { V9 } from "./v9-task-key-separator.js";
import { V10 } from "./v10-agency-task-order.js";

export type { Migration } from "./migration.js";

export const MIGRATIONS: readonly Migration[] = [V1, V2, V3, V4, V5, V6, V7, V8, V9, V10];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The schema version of a vanban store; refuses another program's SQLite file and a newer vanban's store. */
export function storeVersion(db: Database.Database, file: string): number {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > SCHEMA_VERSION)
    throw new StoreError("store.newerSchema", { file, version, supported: SCHEMA_VERSION });
  if (version === 0) {
    const tables = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'table'").pluck().get() as number;
    if (tables > 0) throw new StoreError("store.notVanban", { file });
  }
  return version;
}

/**
 * Brings `db` (opened from `file`) to SCHEMA_VERSION. The caller holds the store's
 * import lock (open-store.ts), so the version read here is not changing under it.
 */
export function migrate(db: Database.Database, file: string): void {
  const current = storeVersion(db, file);
  if (current === SCHEMA_VERSION) return;
  if (current > 0 && file !== ":memory:") backupBeforeMigrating(db, file, current);
  for (const m of MIGRATIONS) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/**
 * `<db>.bak-v<N>`, written under a temporary name and renamed when complete: the
 * name the README points to is always a whole copy, even after a crash mid-backup.
 */
function backupBeforeMigrating(db: Database.Database, file: string, version: number): void {
  let target = `${file}.bak-v${version}`;
  // An older backup of the same version is kept: it may be the only good copy.
  for (let n = 2; existsSync(target); n++) target = `${file}.bak-v${version}-${n}`;
  const temp = `${target}.tmp-${process.pid}`;
  rmSync(temp, { force: true });
  db.prepare("VACUUM INTO ?").run(temp);
  renameSync(temp, target);
}
