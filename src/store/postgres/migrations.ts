/**
 * The PostgreSQL store's schema, in PostgreSQL's own SQL, as forward-only migrations.
 *
 * The tables and their meaning are the SQLite store's (src/store/migrations.ts,
 * docs/schema.md), so the same store modules read and write both. A migration's
 * number is the SQLite schema version it brings the store to: version 5 creates
 * what SQLite's versions 1–5 built; a later SQLite migration gets its twin here
 * with the same number.
 *
 * `schema_migrations` records each version applied; each migration runs in its own
 * transaction with its record, so a failure leaves the previous version. Processes
 * on many machines may open the store at once: the migration holds a session
 * advisory lock (MIGRATION_LOCK), so exactly one of them migrates and the others
 * find the work done.
 *
 * Differences that are PostgreSQL's, not the schema's:
 * - text columns use the "C" collation: SQLite compares text byte by byte (BINARY),
 *   and the store's order-independent choices (placeholder descriptions, agency names,
 *   the canonical dump) sort text, so both backends must sort it the same way;
 * - ids are identity columns (SQLite's INTEGER PRIMARY KEY), 0/1 flags stay integers;
 * - full-text search: plain tables keyed by `rowid` (as SQLite's contentless FTS5
 *   tables) with a generated `tsvector` of the text folded by `vanban_search_fold`
 *   (unaccent + đ→d + lower case) and a GIN index;
 * - the SQLite functions the store's statements call, defined in SQL: json_each
 *   (`vanban_json_ids`/`vanban_json_texts`, see dialect.ts), json_group_array,
 *   group_concat, instr, substr with bigint arguments, sum/min/max of comparisons.
 */
import type { Store } from "../open-store.js";
import type { PostgresStore } from "./connection.js";
import type { PostgresMigration } from "./migrations/migration.js";
import { V5 } from "./migrations/v5-store.js";
import { V6, V7, V8, V9, V10 } from "./migrations/v6-v10-derived.js";
import type { SyncPostgres } from "./sync-client.js";

export type { PostgresMigration } from "./migrations/migration.js";

/** pg_advisory_lock key of migrations ("vanban" + 1). */
export const MIGRATION_LOCK = 0x76616e62616e01n;

/** One file per version under migrations/ (`vN-what-it-adds.ts`), listed in order. */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [V5, V6, V7, V8, V9, V10];

export const POSTGRES_SCHEMA_VERSION = POSTGRES_MIGRATIONS[POSTGRES_MIGRATIONS.length - 1].version;

/** The version recorded in schema_migrations (0 for an empty database). */
export function postgresSchemaVersion(pg: SyncPostgres): number {
  const exists = pg.query({ text: "SELECT to_regclass('schema_migrations') IS NOT NULL AS e" }).rows[0] as { e: number };
  if (!exists.e) return 0;
  const row = pg.query({ text: "SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations" }).rows[0] as { v: number };
  return row.v;
}

/** Brings the database to POSTGRES_SCHEMA_VERSION; one process at a time (advisory lock). */
export function migratePostgres(store: PostgresStore): void {
  const pg = store.connection;
  pg.query({ text: "SELECT pg_advisory_lock($1::bigint)", values: [MIGRATION_LOCK.toString()] });
  try {
    pg.query({ text: "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())" });
    const current = postgresSchemaVersion(pg);
    for (const m of POSTGRES_MIGRATIONS) {
      if (m.version <= current) continue;
      store.transaction(() => {
        pg.query({ text: m.sql });
        m.fill?.(store as unknown as Store);
        pg.query({ text: "INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", values: [m.version, m.name] });
      })();
    }
  } finally {
    pg.query({ text: "SELECT pg_advisory_unlock($1::bigint)", values: [MIGRATION_LOCK.toString()] });
  }
}
