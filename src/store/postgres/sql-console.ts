/**
 * `vanban sql --db postgres://…`: the console of read/sql-console.ts on PostgreSQL.
 * The statement is PostgreSQL's own SQL (the tables are the same, docs/schema.md),
 * run as it is written. Two locks, as on SQLite: the transaction is READ ONLY (the
 * server refuses any write), and the statement is sent as one prepared statement
 * declaring a cursor — only a query (SELECT, WITH … SELECT, VALUES) can be declared,
 * and a second statement after a `;` is refused, so nothing can end the read-only
 * transaction. Rows are fetched from the cursor in batches as they are iterated.
 */
import { PostgresStore } from "./connection.js";
import { openPostgresStore } from "../postgres.js";
import type { SqlResult, SqlValue } from "../read/sql-console.js";
import { StoreError } from "../store-error.js";
import type { QueryAnswer } from "./sync-client.js";

const BATCH = 500;
/** SQLSTATE of a write in a read-only transaction, and of a statement that is no query. */
const NOT_READ_ONLY = new Set(["25006", "42601"]);

export function runReadOnlySqlOnPostgres(url: string, sql: string, uniqueNames: (names: string[]) => string[]): SqlResult {
  const store = openPostgresStore(url, { mustExist: true, readOnly: true }) as unknown as PostgresStore;
  const pg = store.connection;
  const close = () => store.close();
  const statement = sql.trim().replace(/;\s*$/, "");
  let first: QueryAnswer;
  try {
    pg.query({ text: "BEGIN READ ONLY" });
    pg.query({ text: `DECLARE vanban_sql NO SCROLL CURSOR FOR ${statement}`, queryMode: "extended" });
    first = pg.query({ text: `FETCH ${BATCH} FROM vanban_sql`, rowMode: "array" });
  } catch (e) {
    close();
    const code = (e as { code?: string }).code;
    if (code && NOT_READ_ONLY.has(code) && !/^\s*(SELECT|WITH|VALUES|TABLE)\b/i.test(statement)) throw new StoreError("sql.notReadOnly");
    throw new StoreError("sql.failed", { reason: (e as Error).message.split("\n")[0] });
  }
  const columns = uniqueNames(first.fields);
  function* rows(): IterableIterator<Record<string, SqlValue>> {
    try {
      for (let batch = first; ; ) {
        for (const values of batch.rows as unknown[][]) yield Object.fromEntries(columns.map((c, i) => [c, plain(values[i])]));
        if (batch.rows.length < BATCH) return;
        batch = pg.query({ text: `FETCH ${BATCH} FROM vanban_sql`, rowMode: "array" });
      }
    } catch (e) {
      throw e instanceof StoreError ? e : new StoreError("sql.failed", { reason: (e as Error).message.split("\n")[0] });
    } finally {
      close();
    }
  }
  return { columns, rows: rows(), close };
}

/** Numbers and text as they come; anything else (dates, JSON, arrays) as its text. */
function plain(v: unknown): SqlValue {
  if (v === null || typeof v === "string" || typeof v === "number") return v;
  if (v instanceof Date) return v.toISOString();
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}
