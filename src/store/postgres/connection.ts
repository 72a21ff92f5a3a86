/**
 * A PostgreSQL database behind the interface the store modules use of a
 * better-sqlite3 connection — prepare (get/all/run/iterate, pluck, raw, columns),
 * transaction, exec, pragma, close — so the same read and write modules serve both
 * backends. Statements are translated by dialect.ts and run by sync-client.ts.
 *
 * Transactions: `transaction(fn)` is BEGIN … COMMIT (ROLLBACK when fn throws), a
 * nested one a SAVEPOINT, as in better-sqlite3. Every outermost transaction first
 * takes `pg_advisory_xact_lock(WRITE_LOCK)`: the writers of all machines apply their
 * documents one at a time, each seeing everything committed before it — the
 * identity and graph decisions (placeholders taken over, yearless citations
 * re-pointed, report links) are then the ones a single SQLite writer makes, and the
 * store ends the same whatever order the files arrive in. Parsing and extraction,
 * the expensive part, run before the lock, in parallel.
 *
 * Pragmas: `user_version` is the version in schema_migrations; SQLite's integrity
 * checks have no counterpart (PostgreSQL checks pages and constraints itself) and
 * answer "ok"; planner statistics are autovacuum's work.
 */
import { tsvectorRecall } from "./search.js";
import { toPostgres, toPostgresLiteral } from "./dialect.js";
import { postgresSchemaVersion } from "./migrations.js";
import { type QueryAnswer, SyncPostgres } from "./sync-client.js";

/** pg_advisory_xact_lock key of write transactions ("vanban" + 2). */
export const WRITE_LOCK = 0x76616e62616e02n;

type RunResult = { changes: number; lastInsertRowid: number };

/** Tables whose rows get an id from an identity column (SQLite's rowid): an INSERT returns it. */
const ID_TABLES = /^\s*INSERT\s+(?:OR\s+\w+\s+)?INTO\s+(runs|documents|files|citations|tasks|agencies|deadlines|metrics|passages)\b/i;

/**
 * The content tables a document writes many rows into, whose ids the next statements
 * use (a task's id for its agencies, a citation's for its task sources). Inside a
 * transaction their ids are taken from the identity sequence ahead, a block at a time
 * (reserveId), and written into the INSERT: the row's id is known without waiting for
 * it. Only a plain one-row `INSERT INTO t (…) VALUES (…)` (no conflict clause: a row
 * that might not be inserted must not report an id).
 */
const RESERVED_ID_ROW = /^\s*INSERT\s+INTO\s+(citations|tasks|deadlines|metrics|passages)\s*\((?![\s\S]*\b(?:SELECT|ON\s+CONFLICT|RETURNING)\b)[\s\S]*\)\s*VALUES\s*\([^;]*\)\s*$/i;
/**
 * Ids taken ahead per table and transaction (a document has a passage per paragraph);
 * the unused ones are left as a gap (ids stay increasing in commit order: the write lock is held).
 */
const RESERVE_BLOCK: Record<string, number> = { citations: 32, tasks: 32, deadlines: 32, metrics: 32, passages: 256 };
const RESERVED_TABLES = Object.keys(RESERVE_BLOCK);

export class PostgresStatement {
  private plucked = false;
  private rawRows = false;

  constructor(private readonly store: PostgresStore, readonly source: string) {}

  pluck(on = true): this {
    this.plucked = on;
    if (on) this.rawRows = false;
    return this;
  }

  raw(on = true): this {
    this.rawRows = on;
    if (on) this.plucked = false;
    return this;
  }

  get(...args: unknown[]): unknown {
    const answer = this.execute(args, false);
    return this.shape(answer.rows[0], answer.fields);
  }

  all(...args: unknown[]): unknown[] {
    const answer = this.execute(args, false);
    return answer.rows.map((r) => this.shape(r, answer.fields));
  }

  iterate(...args: unknown[]): IterableIterator<unknown> {
    return this.all(...args)[Symbol.iterator]();
  }

  run(...args: unknown[]): RunResult {
    const returning = ID_TABLES.test(this.source) && !/\bRETURNING\b/i.test(this.source);
    if (this.store.inTransaction) {
      const text = toPostgresLiteral(this.source, args);
      const table = RESERVED_ID_ROW.exec(this.source)?.[1]?.toLowerCase();
      if (!table) return this.store.defer(`${text}${returning ? " RETURNING id" : ""}`);
      const id = this.store.reserveId(table);
      this.store.defer(text.replace(/\(/, "(id, ").replace(/\)\s*VALUES\s*\(/i, (m) => `${m}${id}, `));
      return { changes: 1, lastInsertRowid: id };
    }
    const answer = this.execute(args, returning);
    const first = answer.rows[0] as unknown[] | undefined;
    return { changes: answer.rowCount, lastInsertRowid: returning && first ? Number(first[0]) : 0 };
  }

  columns(): { name: string }[] {
    return this.store.columnsOf(this.source).map((name) => ({ name }));
  }

  private execute(args: unknown[], returningId: boolean): QueryAnswer {
    const { text, values } = toPostgres(this.source, args);
    return this.store.query({ text: returningId ? `${text} RETURNING id` : text, values, rowMode: "array" });
  }

  /** Rows come as arrays (no column-name collisions); objects are built here as SQLite would name them. */
  private shape(row: unknown, fields: string[]): unknown {
    if (row === undefined) return undefined;
    const values = row as unknown[];
    if (this.plucked) return values[0];
    if (this.rawRows) return values;
    return fields.reduce<Record<string, unknown>>((o, name, i) => {
      o[name] = values[i];
      return o;
    }, {});
  }
}

/**
 * Inside a transaction a `run()` is not waited for: its statement is held and sent with
 * the next one whose answer is needed (a read, COMMIT, a savepoint), all in one round
 * trip — most of a document's writes are INSERTs nobody reads back, and one round trip
 * each was most of the time the store's write lock was held. The result's `changes` and
 * `lastInsertRowid` are read when asked for (sending what is held first). A held
 * statement that fails throws at that next statement, still inside the transaction,
 * which then rolls back as it would have. Outside a transaction `run()` waits, as before.
 */
type Held = { text: string; done?: { rowCount: number; first: unknown } };

export class PostgresStore {
  readonly name: string;
  /** Full-text recall by PostgreSQL's own engine (read/search.ts asks the connection). */
  readonly searchRecall = tsvectorRecall;
  open = true;
  inTransaction = false;
  private dataVersion = 0;
  private depth = 0;
  private readonly pg: SyncPostgres;
  private held: Held[] = [];
  private reserved = new Map<string, number[]>();

  constructor(url: string) {
    this.name = url;
    this.pg = new SyncPostgres(url);
  }

  /** PostgreSQL's own SQL, untranslated (migrations). */
  get connection(): SyncPostgres {
    return this.pg;
  }

  query(request: { text: string; values?: unknown[]; rowMode?: "array" }): QueryAnswer {
    if (!this.held.length) return this.pg.query(request);
    const held = this.held;
    this.held = [];
    const answer = this.pg.query({ ...request, before: held.map((h) => h.text) });
    answer.before?.forEach((done, i) => (held[i]!.done = done));
    return answer;
  }

  /** The next id of `table` for a row written in this transaction (see RESERVED_ID_ROW). */
  reserveId(table: string): number {
    if (!this.reserved.get(table)?.length) {
      const empty = RESERVED_TABLES.filter((t) => !this.reserved.get(t)?.length);
      const columns = empty.map((t) => `(SELECT array_agg(nextval('${t}_id_seq')) FROM generate_series(1, ${RESERVE_BLOCK[t]}))`);
      const [row] = this.query({ text: `SELECT ${columns.join(", ")}`, rowMode: "array" }).rows as unknown[][];
      empty.forEach((t, i) => this.reserved.set(t, (row![i] as (string | number)[]).map(Number).sort((a, b) => a - b)));
    }
    return this.reserved.get(table)!.shift()!;
  }

  /** Holds a write until the next statement that needs an answer (see Held). */
  defer(text: string): RunResult {
    const held: Held = { text };
    this.held.push(held);
    const done = () => {
      if (!held.done) this.query({ text: "" });
      return held.done!;
    };
    return {
      get changes() {
        return done().rowCount;
      },
      get lastInsertRowid() {
        return Number(done().first ?? 0);
      },
    };
  }

  columnsOf(sql: string): string[] {
    const { text, values } = toPostgres(sql, []);
    return this.query({ text: `SELECT * FROM (${text}) AS q LIMIT 0`, values: values.map(() => null) }).fields;
  }

  prepare(sql: string): PostgresStatement {
    return new PostgresStatement(this, sql);
  }

  /**
   * A transaction opened by hand (`BEGIN` … `COMMIT`: the import's group commit) is
   * tracked as `transaction()` tracks its own, takes the same write lock, and makes
   * the transactions run inside it savepoints.
   */
  exec(sql: string): this {
    const control = /^\s*(BEGIN|COMMIT|ROLLBACK)\s*;?\s*$/i.exec(sql)?.[1].toUpperCase();
    if (control === "BEGIN") {
      if (this.depth) throw new Error("cannot start a transaction within a transaction");
      this.begin();
    } else if (control) {
      if (control === "ROLLBACK") this.held = [];
      this.query({ text: control });
      this.depth = 0;
      this.inTransaction = false;
      this.reserved.clear();
    } else this.query({ text: toPostgres(sql, []).text });
    return this;
  }

  /** BEGIN and the write lock, held: sent with the first statement that needs an answer. */
  private begin(): Held {
    const start: Held = { text: "BEGIN" };
    this.held.push(start, { text: `SELECT pg_advisory_xact_lock(${WRITE_LOCK})` });
    this.depth = 1;
    this.inTransaction = true;
    return start;
  }

  transaction<A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) & { immediate: (...args: A) => R; deferred: (...args: A) => R; exclusive: (...args: A) => R } {
    const run = (...args: A): R => {
      const outermost = this.depth === 0;
      const savepoint = `vanban_${this.depth}`;
      let start: Held;
      if (outermost) start = this.begin();
      else {
        // Sent with the first statement that needs an answer, like any held write.
        this.held.push((start = { text: `SAVEPOINT ${savepoint}` }));
        this.depth++;
      }
      try {
        const result = fn(...args);
        // Waited for: a held write that fails must fail this (nested) transaction, where a caller may catch it.
        this.query({ text: outermost ? "COMMIT" : `RELEASE SAVEPOINT ${savepoint}` });
        return result;
      } catch (e) {
        // What was written after the BEGIN or savepoint goes; if that was not even sent, there is nothing to undo on the server.
        const unsent = this.held.indexOf(start);
        if (unsent >= 0) this.held.length = unsent;
        else {
          this.held = [];
          this.query({ text: outermost ? "ROLLBACK" : `ROLLBACK TO SAVEPOINT ${savepoint}` });
        }
        throw e;
      } finally {
        this.depth--;
        this.inTransaction = this.depth > 0;
        if (outermost) this.reserved.clear();
      }
    };
    return Object.assign(run, { immediate: run, deferred: run, exclusive: run });
  }

  pragma(source: string, options: { simple?: boolean } = {}): unknown {
    const name = /^\s*(\w+)/.exec(source)?.[1]?.toLowerCase() ?? "";
    if (name === "user_version" && !source.includes("=")) {
      const version = postgresSchemaVersion(this.pg);
      return options.simple ? version : [{ user_version: version }];
    }
    // No cheap way to know what other connections committed: a new value each time, so nothing is kept.
    if (name === "data_version") return options.simple ? ++this.dataVersion : [{ data_version: ++this.dataVersion }];
    if (name === "quick_check" || name === "integrity_check") return options.simple ? "ok" : [{ [name]: "ok" }];
    if (name === "foreign_key_check") return [];
    if (["busy_timeout", "journal_mode", "foreign_keys", "synchronous", "analysis_limit", "optimize"].includes(name)) return options.simple ? undefined : [];
    throw new Error(`PRAGMA ${name} has no PostgreSQL counterpart`);
  }

  function(name: string): this {
    throw new Error(`SQL function ${name} is not available on PostgreSQL`);
  }

  close(): this {
    if (this.open) this.pg.close();
    this.open = false;
    return this;
  }
}
