/**
 * Prepared statements cached per connection: ingesting one document runs a few
 * hundred statements, and preparing them again each time cost a third of the
 * import. Only for fixed SQL text — never for SQL built from user input.
 */
import type Database from "better-sqlite3";

const caches = new WeakMap<Database.Database, Map<string, Database.Statement>>();

export function prepared(db: Database.Database, sql: string): Database.Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}
