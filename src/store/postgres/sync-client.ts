/**
 * A synchronous PostgreSQL connection: the `pg` driver runs in a worker thread and
 * the calling thread blocks on a shared flag until the answer is back (Atomics.wait,
 * then receiveMessageOnPort — the pattern of synckit). The store's read and write
 * modules are synchronous (better-sqlite3 answers without a callback, and the
 * identity and graph decisions of one ingest interleave reads and writes inside a
 * transaction); this lets the very same modules run on PostgreSQL, so both backends
 * take the same decisions by construction. Blocking a thread per statement is what
 * better-sqlite3 does too; the parse/extract work stays in the import's workers.
 *
 * One connection per process (the statements of one thread are sequential anyway),
 * typed results as SQLite gives them: bigint and numeric as JS numbers, booleans as 0/1.
 */
import { createRequire } from "node:module";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";

/**
 * `before`: statements with their values written in, sent ahead of `text` in the same
 * message and run in order (the simple-query protocol: one round trip for all of them);
 * the first that fails stops the rest and the query. `text` may be empty (only `before`).
 * `queryMode: "extended"` sends `text` as one prepared statement: a second statement in it is refused.
 */
export type QueryRequest = { text: string; values?: unknown[]; rowMode?: "array"; before?: string[]; queryMode?: "extended" };
/** `before`: what each statement sent before `text` changed — its row count and the first column of its first row (RETURNING id). */
export type QueryAnswer = { rows: unknown[]; rowCount: number; fields: string[]; before?: { rowCount: number; first: unknown }[] };

type Reply = { ok: true; answer: QueryAnswer } | { ok: false; message: string; code?: string };

/** Run as CommonJS by `new Worker(…, { eval: true })`: no file to find under dist/ or vitest. */
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
const pg = require(workerData.pgPath);
const flag = new Int32Array(workerData.shared);
const toNumber = (v) => (v === null ? null : Number(v));
const parsers = { 20: toNumber, 1700: toNumber, 16: (v) => (v === null ? null : v === "t" ? 1 : 0) };
const types = { getTypeParser: (oid, format) => parsers[oid] ?? pg.types.getTypeParser(oid, format) };
const client = new pg.Client({ connectionString: workerData.url, types, application_name: "vanban" });
client.on("error", () => {});
const ready = client.connect();
const port = workerData.port;
port.on("message", async (request) => {
  let reply;
  try {
    await ready;
    if (request.close) {
      await client.end();
      reply = { ok: true, answer: { rows: [], rowCount: 0, fields: [] } };
    } else {
      let before;
      if (request.before && request.before.length) {
        const b = await client.query({ text: request.before.join(";\\n"), rowMode: "array" });
        before = (Array.isArray(b) ? b : [b]).map((x) => ({ rowCount: x.rowCount ?? 0, first: x.rows && x.rows[0] ? x.rows[0][0] : null }));
      }
      const answer = { rows: [], rowCount: 0, fields: [], before };
      if (request.text) {
        const r = await client.query({ text: request.text, values: request.values, rowMode: request.rowMode, queryMode: request.queryMode });
        const last = Array.isArray(r) ? r[r.length - 1] : r;
        Object.assign(answer, { rows: last.rows ?? [], rowCount: last.rowCount ?? 0, fields: (last.fields ?? []).map((f) => f.name) });
      }
      reply = { ok: true, answer };
    }
  } catch (e) {
    reply = { ok: false, message: String(e && e.message || e), code: e && e.code };
  }
  port.postMessage(reply);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  if (request.close) port.close();
});
`;

/** A PostgreSQL error as the worker reported it (`code` is PostgreSQL's SQLSTATE). */
export class PostgresError extends Error {
  constructor(message: string, readonly code?: string) {
    super(message);
  }
}

export class SyncPostgres {
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly port: MessagePort;
  private readonly worker: Worker;
  private closed = false;

  constructor(readonly url: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const pgPath = createRequire(import.meta.url).resolve("pg");
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { url, pgPath, shared: this.flag.buffer, port: port2 },
      transferList: [port2],
    });
    this.worker.unref();
    this.port.unref();
  }

  query(request: QueryRequest): QueryAnswer {
    if (this.closed) throw new PostgresError("the PostgreSQL connection is closed");
    const reply = this.call(request);
    if (!reply.ok) throw new PostgresError(reply.message, reply.code);
    return reply.answer;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.call({ close: true });
    } finally {
      void this.worker.terminate();
    }
  }

  private call(request: QueryRequest | { close: true }): Reply {
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(request);
    // Wake every few seconds to notice a worker that died without answering.
    for (;;) {
      const woke = Atomics.wait(this.flag, 0, 0, 5_000);
      const message = receiveMessageOnPort(this.port);
      if (message) return message.message as Reply;
      if (woke !== "timed-out") continue;
      if (this.worker.threadId < 0) return { ok: false, message: "the PostgreSQL connection thread stopped" };
    }
  }
}
