/**
 * Province-scale import: a job queue on the store's PostgreSQL (pipelines/queue/boss.ts)
 * and workers on any number of machines.
 *
 * enqueue: walk the paths as `import` does → read + sha256 → content already stored
 *   (the path is recorded as a copy, as import records one) or already queued → nothing;
 *   else one job per content with every path it was found under.
 * worker: take a job → read the file from the shared filesystem (every worker mounts the
 *   archive at the same path: NFS/SMB) → parse + extract in the worker-thread pool (the
 *   import's code) → link and write through the PostgreSQL store, one transaction per
 *   document. A job whose write committed but whose completion was lost (a kill between
 *   the two) finds its content stored when retried: nothing is written twice.
 * status: queued / running / done / failed, throughput, the failed list with reasons.
 */
import { hostname } from "node:os";
import { setTimeout as sleep } from "node:timers/promises";
import { queueCounts, type QueueCounts } from "../src/store/index.js";
import { log } from "../src/log.js";
import { ExtractPool } from "./worker-pool.js";
import { readFacts, walk, oneLine, type WalkOptions } from "./import/walk.js";
import { ocrCacheDir, type ImportError, type SkippedFile } from "./import.js";
import { FAILED_QUEUE, HEARTBEAT_SECONDS, openQueue, QUEUE, TRIES, type FileRef, type ImportJob, type ImportJobData } from "./queue/boss.js";
import { openQueueStore } from "./queue/store.js";
import { takeJob, type JobResult } from "./queue/job.js";

const MAX_BYTES = 100 * 1024 * 1024;

export type EnqueueSummary = {
  seen: number;
  /** Jobs added (one per distinct content). */
  queued: number;
  /** Files whose content the store already holds (their paths recorded). */
  stored: number;
  /** Files whose content is already waiting or running in the queue. */
  alreadyQueued: number;
  failed: number;
  errors: ImportError[];
  skippedFiles: SkippedFile[];
  seconds: number;
};

export async function enqueuePaths(paths: string[], opts: { db: string; maxBytes?: number } & WalkOptions): Promise<EnqueueSummary> {
  const started = performance.now();
  const store = await openQueueStore(opts.db);
  const boss = await openQueue(opts.db, { supervise: false, max: 2 }).catch(async (e) => {
    await store.close();
    throw e;
  });
  const s: EnqueueSummary = { seen: 0, queued: 0, stored: 0, alreadyQueued: 0, failed: 0, errors: [], skippedFiles: [], seconds: 0 };
  const bySha = new Map<string, FileRef[]>();
  try {
    const seen = new Set<string>();
    for await (const path of walk(paths, s, opts)) {
      if (seen.has(path)) continue;
      seen.add(path);
      s.seen++;
      const facts = await readFacts(path, opts.maxBytes ?? MAX_BYTES, s);
      if (!facts) continue;
      if (await store.recordCopy(facts)) {
        s.stored++;
        continue;
      }
      const ref = { path: facts.path, size: facts.size, mtime: facts.mtime };
      const refs = bySha.get(facts.sha256);
      if (refs) refs.push(ref);
      else bySha.set(facts.sha256, [ref]);
    }
    for (const [sha256, files] of bySha) {
      const data: ImportJobData = { sha256, files };
      if (await boss.send(QUEUE, data, { singletonKey: sha256 })) s.queued++;
      else s.alreadyQueued += files.length;
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
    await store.close();
  }
  s.seconds = (performance.now() - started) / 1000;
  return s;
}

export type WorkerOptions = {
  db: string;
  /** Jobs in hand at once, and parse threads (default 1: one worker process per core). */
  concurrency?: number;
  /** Stop when nothing is queued or running anywhere (default: wait for more work). */
  untilIdle?: boolean;
  timeoutMs?: number;
  maxBytes?: number;
  ocr?: boolean;
  /** Poll interval while the queue is empty. */
  pollMs?: number;
  onJob?: (r: JobResult, file: string) => void;
};

export type WorkerSummary = {
  worker: string;
  run: number;
  jobs: number;
  new: number;
  /** Jobs whose content another job or import had already stored. */
  copies: number;
  skipped: number;
  /** Tries that failed (retried later, or failed for good on the last try). */
  failedTries: number;
  /** Jobs failed for good on their last try. */
  failed: number;
  documents: number;
  seconds: number;
  /** Time in documents' write transactions (store lock held or awaited). */
  writeSeconds: number;
  /** CPU time of this process, its parse threads included (what a worker machine's cores spend). */
  cpuSeconds: number;
};

export async function runWorker(opts: WorkerOptions): Promise<WorkerSummary> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const concurrency = opts.concurrency ?? 1;
  const worker = `${hostname()}:${process.pid}`;
  const store = await openQueueStore(opts.db);
  const boss = await openQueue(opts.db, { supervise: true, max: concurrency + 2 });
  const run = await store.startRun("import", { worker, queue: QUEUE });
  const s: WorkerSummary = { worker, run, jobs: 0, new: 0, copies: 0, skipped: 0, failedTries: 0, failed: 0, documents: 0, seconds: 0, writeSeconds: 0, cpuSeconds: 0 };
  const pool = new ExtractPool(concurrency, opts.timeoutMs ?? 120_000, undefined, { enabled: opts.ocr !== false, cacheDir: ocrCacheDir(opts.db) });
  const ctx = { store, pool, run, maxBytes: opts.maxBytes ?? MAX_BYTES };
  let stopping = false;
  const stop = () => {
    stopping = true;
  };
  process.once("SIGTERM", stop).once("SIGINT", stop);
  const idle = async () => {
    const c: QueueCounts = await queueCounts(boss.getDb(), QUEUE);
    return c.queued + c.running === 0;
  };
  const lane = async () => {
    while (!stopping) {
      const [job] = (await boss.fetch<ImportJobData>(QUEUE)) as ImportJob[];
      if (!job) {
        if (opts.untilIdle && (await idle())) return;
        await sleep(opts.pollMs ?? 1000);
        continue;
      }
      await handle(job);
    }
  };
  const handle = async (job: ImportJob) => {
    // The heartbeat is the visibility timeout: a job not touched for HEARTBEAT_SECONDS goes back to the queue.
    const beat = setInterval(() => void boss.touch(QUEUE, job).catch((e: Error) => log.warn({ err: e.message }, "heartbeat")), (HEARTBEAT_SECONDS * 1000) / 3);
    const last = job.retryCount >= TRIES - 1;
    s.jobs++;
    try {
      const r = await takeJob(ctx, job.data, last);
      s[r.outcome]++;
      if (r.outcome === "new") s.documents++;
      s.writeSeconds += (r.writeMs ?? 0) / 1000;
      await boss.complete(QUEUE, job, r);
      opts.onJob?.(r, job.data.files[0].path);
    } catch (e) {
      s.failedTries++;
      if (last) s.failed++;
      // A try that will be retried is worth a line only with --verbose; the last one is a failed file.
      log[last ? "warn" : "info"]({ file: job.data.files[0].path, try: job.retryCount + 1, err: oneLine(e) }, last ? "job failed for good" : "job failed, will be retried");
      await boss.fail(QUEUE, job, { reason: oneLine(e) });
    } finally {
      clearInterval(beat);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, lane));
  } finally {
    process.off("SIGTERM", stop).off("SIGINT", stop);
    await pool.close();
    s.seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    s.cpuSeconds = (cpu.user + cpu.system) / 1e6;
    try {
      await store.finishRun(run, { seen: s.jobs, new: s.new, changed: 0, skipped: s.copies + s.skipped, failed: s.failed });
    } catch (e) {
      log.warn({ err: oneLine(e) }, "could not record the end of the run");
    }
    await boss.stop({ graceful: false, close: true });
    await store.close();
  }
  return s;
}

export type FailedJob = { file: string; paths: string[]; reason: string; tries: number };
export type QueueStatus = QueueCounts & { failures: FailedJob[] };

export async function queueStatus(opts: { db: string }): Promise<QueueStatus> {
  const boss = await openQueue(opts.db, { supervise: false, max: 2 });
  try {
    const counts = await queueCounts(boss.getDb(), QUEUE);
    const dead = await boss.findJobs<ImportJobData>(FAILED_QUEUE, { limit: 10_000 });
    const failures = dead.map((j) => {
      const out = (j as { sourceOutput?: { reason?: string; message?: string } | null }).sourceOutput;
      return { file: j.data.files[0].path, paths: j.data.files.map((f) => f.path), reason: out?.reason ?? out?.message ?? "", tries: (j.sourceRetryCount ?? 0) + 1 };
    });
    return { ...counts, failures };
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}

export type { JobResult } from "./queue/job.js";
