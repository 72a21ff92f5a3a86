/**
 * The PostgreSQL store: the same tables, questions and writes as the SQLite store,
 * for an archive many machines write and read at once (issue 18). `--db
 * postgres://user@host:port/db` selects it on the command line (backend.ts).
 *
 * The store's modules (read/, write/, runs, rereads, doctor) run unchanged on it:
 * postgres/connection.ts gives them the connection interface they use, the
 * statements are translated by postgres/dialect.ts, and postgres/migrations.ts
 * holds the schema in PostgreSQL's own SQL. What PostgreSQL answers with its own
 * engine lives here: full-text search (postgres/search.ts: tsvector + unaccent).
 */
import type { Store } from "./open-store.js";
import { StoreError } from "./store-error.js";
import { PostgresStore } from "./postgres/connection.js";
import { migratePostgres, POSTGRES_SCHEMA_VERSION, postgresSchemaVersion } from "./postgres/migrations.js";

export { PostgresStore } from "./postgres/connection.js";
export { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION } from "./postgres/migrations.js";

/** `postgres://…` or `postgresql://…`: a PostgreSQL store rather than a file. */
export function isPostgresUrl(db: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(db);
}

/** The URL without its password, for messages. */
export function displayUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return url;
  }
}

/**
 * Connects and brings the schema up to date (`mustExist`: refuse a database that
 * holds no vanban store yet — only import creates one, as with a store file).
 */
export function openPostgresStore(url: string, options: { mustExist?: boolean; readOnly?: boolean } = {}): Store {
  const store = new PostgresStore(url);
  try {
    const version = postgresSchemaVersion(store.connection);
    if (version > POSTGRES_SCHEMA_VERSION)
      throw new StoreError("store.newerSchema", { file: displayUrl(url), version, supported: POSTGRES_SCHEMA_VERSION });
    if (version === 0 && options.mustExist)
      throw new StoreError("store.noStore", { file: displayUrl(url) });
    if (version < POSTGRES_SCHEMA_VERSION && !options.readOnly) migratePostgres(store);
  } catch (e) {
    store.close();
    throw e instanceof StoreError ? e : new StoreError("pg.unreachable", { url: displayUrl(url), reason: (e as Error).message.split("\n")[0] });
  }
  return store as unknown as Store;
}
