/**
 * The import queue on the store's own PostgreSQL (pg-boss, schema `pgboss`): one job
 * per distinct content (sha256) with every path it was found under.
 *
 * - `exclusive` policy keyed by sha256: a content is queued or running at most once,
 *   so a second `enqueue` of the same folder adds nothing while the first is pending.
 * - Death of a worker (kill -9, a machine gone): each running job is touched every
 *   HEARTBEAT_SECONDS / 2; a job not touched for HEARTBEAT_SECONDS is put back
 *   (retry) by the next supervise pass of any live worker. That is the visibility timeout.
 * - A job that fails TRIES times goes to the failed state and is copied to FAILED_QUEUE
 *   with its reason (pg-boss dead letter): the failed list `vanban status` prints.
 */
import { hostname } from "node:os";
import { PgBoss, type Job } from "pg-boss";
import { log } from "../../src/log.js";

export const QUEUE = "vanban-import";
export const FAILED_QUEUE = "vanban-import-failed";
/** Tries of one job before it is failed for good (the first try and two retries). */
export const TRIES = 3;
/** Minimum pg-boss allows; a killed worker's job is back within this plus one supervise pass. */
export const HEARTBEAT_SECONDS = 10;
export const SUPERVISE_SECONDS = 5;

/** A job: one content, the paths it was found under (on a filesystem every worker mounts). */
export type FileRef = { path: string; size: number | null; mtime: string | null };
export type ImportJobData = { sha256: string; files: FileRef[] };
export type ImportJob = Job<ImportJobData>;

/**
 * A started pg-boss on `url`, the queues created if missing. `supervise` (workers only)
 * runs the passes that put dead workers' jobs back; enqueue and status only read and send.
 */
export async function openQueue(url: string, opts: { supervise: boolean; max?: number; expireSeconds?: number }): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    application_name: `vanban ${hostname()}:${process.pid}`,
    max: opts.max ?? 4,
    supervise: opts.supervise,
    superviseIntervalSeconds: SUPERVISE_SECONDS,
    schedule: false,
  });
  boss.on("error", (e) => log.warn({ err: e.message }, "queue"));
  await boss.start();
  if (!(await boss.getQueue(FAILED_QUEUE))) await boss.createQueue(FAILED_QUEUE, { retentionSeconds: 365 * 86_400 }).catch(raced);
  if (!(await boss.getQueue(QUEUE)))
    await boss.createQueue(QUEUE, {
      policy: "exclusive",
      retryLimit: TRIES - 1,
      heartbeatSeconds: HEARTBEAT_SECONDS,
      // Backstop only: the parse pool's own per-file limit ends a stuck parse long before.
      expireInSeconds: opts.expireSeconds ?? 3600,
      retentionSeconds: 30 * 86_400,
      deadLetter: FAILED_QUEUE,
    }).catch(raced);
  return boss;
}

/** Two processes creating the queue at once: the loser's "already exists" is fine. */
function raced(e: Error): void {
  if (!/already exists|duplicate key/i.test(e.message)) throw e;
}
