/**
 * `vanban sql`: one statement, read-only, Datasette-style. Two locks: the file is
 * opened read-only (SQLite refuses any write), and the statement must be one that
 * reads (`stmt.readonly && stmt.reader`), so an INSERT, a PRAGMA that sets, an
 * ATTACH are refused with one line before they run. docs/schema.md describes the tables.
 * On PostgreSQL: postgres/sql-console.ts, with the same two locks.
 */
import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { StoreError } from "../store-error.js";
import { isPostgresUrl } from "../postgres.js";
import { runReadOnlySqlOnPostgres } from "../postgres/sql-console.js";

export type SqlValue = string | number | null;
export type SqlResult = {
  /** Column names as the statement gives them; a repeated name gets a suffix (id, id_2) so row objects keep every value. */
  columns: string[];
  /** The rows, read as they are iterated (a large answer is never held in memory). */
  rows: IterableIterator<Record<string, SqlValue>>;
  close(): void;
};

export function runReadOnlySql(file: string, sql: string): SqlResult {
  if (!sql.trim()) throw new StoreError("sql.empty");
  if (isPostgresUrl(file)) return runReadOnlySqlOnPostgres(file, sql, uniqueNames);
  if (!existsSync(file)) throw new StoreError("store.noStore", { file });
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new StoreError("store.cannotOpen", { file, reason: (e as Error).message });
  }
  try {
    const stmt = prepare(db, sql);
    if (!stmt.readonly || !stmt.reader) throw new StoreError("sql.notReadOnly");
    const columns = uniqueNames(stmt.columns().map((c) => c.name));
    const raw = stmt.raw(true).iterate() as IterableIterator<unknown[]>;
    function* rows(): IterableIterator<Record<string, SqlValue>> {
      try {
        for (const values of raw) yield Object.fromEntries(columns.map((c, i) => [c, plain(values[i])]));
      } catch (e) {
        throw sqlFailure(e);
      } finally {
        db.close();
      }
    }
    return { columns, rows: rows(), close: () => db.close() };
  } catch (e) {
    db.close();
    throw e;
  }
}

function prepare(db: Database.Database, sql: string): Database.Statement {
  try {
    return db.prepare(sql);
  } catch (e) {
    throw sqlFailure(e);
  }
}

function sqlFailure(e: unknown): unknown {
  if (e instanceof StoreError) return e;
  if (e instanceof Database.SqliteError || e instanceof RangeError || e instanceof TypeError)
    return new StoreError("sql.failed", { reason: (e as Error).message.split("\n")[0] });
  return e;
}

/** BLOBs as hex, 64-bit integers as numbers when they fit: every value prints in JSON and CSV. */
function plain(v: unknown): SqlValue {
  if (v === null || typeof v === "string" || typeof v === "number") return v;
  if (Buffer.isBuffer(v)) return `x'${v.toString("hex")}'`;
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : String(v);
  return String(v);
}

function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = (seen.get(n) ?? 0) + 1;
    seen.set(n, k);
    return k === 1 ? n : `${n}_${k}`;
  });
}
