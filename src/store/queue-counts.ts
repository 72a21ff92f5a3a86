/**
 * The import queue's numbers for `vanban status` and `vanban worker --until-idle`,
 * read from pg-boss's job table (same PostgreSQL as the store, schema `pgboss`).
 * pg-boss's own getQueue() counts are a cache refreshed once a monitor pass (60 s):
 * too stale to tell "idle" from "one job still running" — so one exact count here.
 */
export type QueueCounts = {
  queued: number;
  running: number;
  done: number;
  failed: number;
  /** Jobs taken more than once (a worker died, or a try failed) that are now done or failed for good. */
  retried: number;
  /** Jobs finished in the last 60 seconds. */
  doneLastMinute: number;
  /** Finished jobs per second from the first start to the last finish (null before one finished). */
  perSecond: number | null;
};

/** What pg-boss's getDb() gives: one statement with parameters. */
export type SqlRunner = { executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }> };

const COUNTS = `
SELECT count(*) FILTER (WHERE state IN ('created', 'retry'))::int AS queued,
       count(*) FILTER (WHERE state = 'active')::int AS running,
       count(*) FILTER (WHERE state = 'completed')::int AS done,
       count(*) FILTER (WHERE state = 'failed')::int AS failed,
       count(*) FILTER (WHERE state IN ('completed', 'failed') AND retry_count > 0)::int AS retried,
       count(*) FILTER (WHERE state = 'completed' AND completed_on > now() - interval '60 seconds')::int AS done_last_minute,
       EXTRACT(EPOCH FROM max(completed_on) FILTER (WHERE state = 'completed') - min(started_on))::float AS seconds
  FROM pgboss.job WHERE name = $1`;

export async function queueCounts(db: SqlRunner, queue: string): Promise<QueueCounts> {
  const [r] = (await db.executeSql(COUNTS, [queue])).rows as Array<Omit<QueueCounts, "doneLastMinute" | "perSecond"> & { done_last_minute: number; seconds: number | null }>;
  return {
    queued: r.queued, running: r.running, done: r.done, failed: r.failed, retried: r.retried, doneLastMinute: r.done_last_minute,
    perSecond: r.done && r.seconds ? Math.round((r.done / r.seconds) * 100) / 100 : null,
  };
}
