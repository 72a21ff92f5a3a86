/**
 * One queue job: a content (sha256) and the paths it was found under → the store.
 * The same steps and rules as `vanban import` for one file (pipelines/import.ts):
 * content already stored → the path is recorded as a copy; parse + extract in the
 * worker-thread pool; not an administrative document → passed over; else linked and
 * written in one transaction; the other paths of the same content recorded as copies.
 *
 * A failure throws (the queue retries the job); on the last try it is first recorded
 * in the store's files table, as import records a bad file, so `doctor` counts agree.
 */
import { notADocument } from "../import/outcomes.js";
import { oneLine, readFacts, type Facts, type WalkLog } from "../import/walk.js";
import type { ExtractPool } from "../worker-pool.js";
import type { ImportJobData } from "./boss.js";
import type { QueueStore } from "./store.js";

export type JobContext = { store: QueueStore; pool: ExtractPool; run: number; maxBytes: number };
/** `writeMs`: time in the document's write transaction — the part every worker of a province serialises on (the store's write lock). */
export type JobResult = { outcome: "new" | "copies" | "skipped"; documentId?: number; reason?: string; writeMs?: number };

export async function takeJob(ctx: JobContext, job: ImportJobData, lastTry: boolean): Promise<JobResult> {
  const { store, pool, run } = ctx;
  const facts = await readOne(ctx, job.files[0].path);
  try {
    if (await store.recordCopy(facts, run)) {
      await recordOthers(ctx, job);
      return { outcome: "copies" };
    }
    const outcome = await pool.run(facts.path, facts.bytes);
    if (!outcome.ok) throw new JobFailure(`${outcome.stage}: ${outcome.reason}`);
    const why = notADocument(outcome.extraction, facts.path);
    if (why) return { outcome: "skipped", reason: why };
    const writing = performance.now();
    const stored = await store.ingestExtraction(outcome.extraction, facts, run, outcome.model.text);
    const writeMs = performance.now() - writing;
    await recordOthers(ctx, job);
    return { outcome: "new", documentId: stored.documentId ?? undefined, writeMs };
  } catch (e) {
    const reason = e instanceof JobFailure ? e.message : `ingest: ${oneLine(e)}`;
    if (lastTry) await store.recordFailure(facts, reason, run);
    throw new JobFailure(reason);
  }
}

class JobFailure extends Error {}

/** The file's bytes and sha256 now (it may have changed since it was queued: the bytes read are what is stored). */
async function readOne(ctx: JobContext, path: string): Promise<Facts> {
  const log: WalkLog = { seen: 0, failed: 0, errors: [], skippedFiles: [] };
  const facts = await readFacts(path, ctx.maxBytes, log);
  if (!facts) throw new JobFailure(`read: ${log.errors[0]?.reason ?? "unreadable"}`);
  return facts;
}

/** The content's other paths, recorded beside its document as import records a copy. */
async function recordOthers(ctx: JobContext, job: ImportJobData): Promise<void> {
  for (const f of job.files.slice(1)) {
    const facts = await readOne(ctx, f.path).catch(() => null);
    if (facts) await ctx.store.recordCopy(facts, ctx.run);
  }
}
