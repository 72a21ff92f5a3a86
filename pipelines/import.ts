/**
 * Batch import: files and folders → the store.
 *
 * walk → read + hash (main thread) → parse + extract (worker threads, a time
 * limit per file) → ingest (main thread: the one SQLite writer, one transaction
 * per document).
 *
 * - Idempotent and incremental: a path whose size and modification time are the
 *   stored ones is skipped without reading (import/unchanged.ts; `force` reads it),
 *   one whose sha256 is already stored is skipped without parsing; a copy of stored content under a new path is recorded beside
 *   its document; a changed file replaces its previous rows in one transaction;
 *   `prune` forgets stored paths under the given folders that no longer exist.
 * - Crash-safe: a document's rows and its file row commit together, so a killed
 *   run leaves whole documents only; running again parses what is missing.
 * - One bad file never stops the run: it is recorded (files.status = 'failed',
 *   with stage and reason) and listed in the summary.
 * - One import per store at a time (src/store/import-lock.ts).
 */

import { availableParallelism, homedir } from "node:os";
import { join } from "node:path";

import { log } from "../src/log.js";
import {
  acquireImportLock, DamagedStoreError, GroupCommit, isPostgresUrl, describeStoreFailure, finishRun, forgetFile, isPendingReread, openStore, prepareRepair, refreshPlannerStatistics,
  pendingRereads, quickCheck, type RunCommand, startRun, type Store, storedFile, type StoredFile, StoreError, storeFileProblem,
} from "../src/store/index.js";
import { decide, store } from "./import/outcomes.js";
import { applyRefill, completeRereads, replacementFor, type RefillContext } from "./import/refill.js";
import { DocumentTally, emptySummary, vanishedPaths, type ImportSummary } from "./import/summary.js";
import { guardWrites, unwritable } from "./import/write-guard.js";
import { ocrCacheDirFor } from "../src/parse/pdf/ocr/ocr-cache.js";
import { ExtractPool } from "./worker-pool.js";
import { UnchangedFiles } from "./import/unchanged.js";
import { oneLine, readFacts, walk } from "./import/walk.js";

export type { ImportError, ImportSummary, IngestedFile, SkippedFile } from "./import/summary.js";

export type ImportProgress = { done: number; queued: number; walking: boolean; pages: number; ocrPages: number; file: string | null };

export type ImportOptions = {
  db: string;
  /** Parse and ingest even when the content is already stored (after the extractors improved). */
  force?: boolean;
  /** Forget stored paths under the given folders that no longer exist. */
  prune?: boolean;
  /** Worker threads (default: the number of cores). */
  jobs?: number;
  /** Per-file limit for parse + extract (default 120 s). */
  timeoutMs?: number;
  /** Files larger than this are refused before reading (default 100 MB). */
  maxBytes?: number;
  /** Follow symlinks out of the folders named on the command line (default: skip them, with the reason). */
  followLinks?: boolean;
  /** Read scanned pages with Tesseract (default true; false is `--no-ocr`). Results are cached in `<db>.ocr/`. */
  ocr?: boolean;
  onProgress?: (p: ImportProgress) => void;
  /** Repair the invariant breaks `vanban doctor` finds (store/doctor.ts), then import `paths` as usual. */
  repair?: boolean;
  /** Refuse to create the store (nightly: only `vanban import` creates one). */
  mustExist?: boolean;
  /** The run's command in the runs table: "nightly" when the nightly report follows (default "import"). */
  command?: RunCommand;
};

/**
 * OCR results beside a store file; a PostgreSQL store has no folder, so each machine
 * importing into it keeps them in its user cache ($XDG_CACHE_HOME/vanban/ocr).
 */
export function ocrCacheDir(db: string): string {
  return isPostgresUrl(db) ? join(process.env.XDG_CACHE_HOME || join(homedir(), ".cache"), "vanban", "ocr") : ocrCacheDirFor(db);
}

export async function importPaths(paths: string[], opts: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  // Before the lock: a mistyped --db must not leave a lock file beside nothing.
  const problem = storeFileProblem(opts.db, { allowNew: !opts.mustExist });
  if (problem) throw problem;
  const lock = acquireImportLock(opts.db);
  let db: Store | undefined;
  let summary: ImportSummary;
  let tally: DocumentTally;
  const progress: ImportProgress = { done: 0, queued: 0, walking: true, pages: 0, ocrPages: 0, file: null };
  const tick = () => opts.onProgress?.({ ...progress });
  // Walked before reading, so the progress bar starts with the number of files.
  const seenPaths = new Set<string>();
  const toRead: string[] = [];
  const unchanged: StoredFile[] = [];
  try {
    db = openStore(opts.db, { mustExist: opts.mustExist, holdsLock: true });
    tally = new DocumentTally(db);
    summary = emptySummary(0, opts.db);
    const mustRead = new Set<string>();
    if (opts.repair) {
      refuseDamaged(db, opts.db);
      summary.run = startRun(db, opts.command ?? "import", paths);
      summary.repair = prepareRepair(db);
      for (const file of summary.repair.filesToReread) mustRead.add(file);
      paths = [...paths, ...summary.repair.filesToReread];
    }
    for await (const entry of walk(paths, summary, opts)) seenPaths.add(entry);
    progress.queued = seenPaths.size;
    progress.walking = false;
    tick();
    const quick = opts.force ? null : new UnchangedFiles(db, paths);
    for (const entry of seenPaths) {
      const held = mustRead.has(entry) ? undefined : quick?.check(entry);
      if (held) unchanged.push(held);
      else toRead.push(entry);
    }
    if (!opts.repair) {
      // quick_check reads the whole store: a re-import that writes no document (only its run) does without it.
      if (toRead.length || opts.prune || pendingRereads(db).length) refuseDamaged(db, opts.db);
      summary.run = startRun(db, opts.command ?? "import", paths);
    }
  } catch (e) {
    db?.close();
    lock.release();
    if (unwritable(e)) throw new StoreError("store.unwritable", { file: opts.db, reason: oneLine(e) });
    throw describeStoreFailure(opts.db, e);
  }
  const pool = new ExtractPool(opts.jobs ?? availableParallelism(), opts.timeoutMs ?? 120_000, undefined, {
    enabled: opts.ocr !== false,
    cacheDir: ocrCacheDir(opts.db),
    onPage: () => {
      progress.ocrPages++;
      tick();
    },
  });
  const maxBytes = opts.maxBytes ?? 100 * 1024 * 1024;
  const group = new GroupCommit(db);
  const refill: RefillContext = { db, pool, maxBytes, summary, group };
  const inFlight = new Set<Promise<void>>();
  let abort: unknown = null;
  const pendingBySha = new Map<string, Promise<void>>();
  try {
    for (const held of unchanged) {
      summary.seen++;
      summary.skipped++;
      tally.unchanged(held);
      progress.done++;
    }
    if (unchanged.length) tick();
    for (const entry of toRead) {
      summary.seen++;
      const facts = await readFacts(entry, maxBytes, summary, db);
      if (!facts) {
        progress.done++;
        tick();
        continue;
      }
      // The same content already on its way through a worker: wait, then record this path as a copy.
      const twin = pendingBySha.get(facts.sha256);
      if (twin) await twin;
      const before = storedFile(db, facts.path);
      const decision = group.write(() => decide(db, facts, before, opts, summary, tally));
      if (decision === "done") {
        progress.done++;
        tick();
        continue;
      }
      const job = pool.run(entry, facts.bytes).then(async (outcome) => {
        const id = await store(refill, facts, outcome, decision);
        if (id !== null) tally.stored(id, before, facts.sha256);
        inFlight.delete(job);
        if (outcome.ok) progress.pages += outcome.model.pages.length;
        progress.done++;
        progress.file = entry;
        tick();
      }).catch((e: unknown) => {
        inFlight.delete(job);
        abort ??= e;
      });
      inFlight.add(job);
      pendingBySha.set(facts.sha256, job);
      void job.finally(() => pendingBySha.delete(facts.sha256));
      // Bound memory: never hold more than a few files per worker.
      while (inFlight.size >= pool.size * 3) await Promise.race(inFlight);
      if (abort) break;
    }
    await Promise.all(inFlight);
    if (abort) throw abort;
    group.commit();
    const vanished = vanishedPaths(db, paths, seenPaths);
    if (opts.prune) summary.pruned = await prune(refill, vanished);
    tally.finish(db, summary, opts.prune ? [] : vanished);
    summary.refilled += await guardWrites(summary.db, () => completeRereads(refill));
  } finally {
    await pool.close();
    try {
      group.commit();
    } catch (e) {
      group.abandon();
      log.warn({ err: oneLine(e) }, "could not commit the last documents");
    }
    summary.seconds = (performance.now() - started) / 1000;
    summary.pages = progress.pages;
    try {
      finishRun(db, summary.run, summary);
      refreshPlannerStatistics(db);
    } catch (e) {
      log.warn({ err: oneLine(e) }, "could not record the end of the run");
    }
    db.close();
    lock.release();
  }
  return summary;
}

/**
 * SQLite's quick_check before the first write: rows added to a damaged file could
 * be lost with it, and the user should restore a backup first.
 */
function refuseDamaged(db: Store, file: string): void {
  const problems = quickCheck(db);
  if (problems.length)
    throw new DamagedStoreError("store.damagedQuickCheck", { file, problems: problems.join("; ").replace(/\s+/g, " ").slice(0, 200) });
}

/** Forgets the stored paths that are gone; a document that took its rows from one of them is filled from another of its files in the same transaction. */
async function prune(ctx: RefillContext, vanished: string[]): Promise<number> {
  const { db, summary } = ctx;
  for (const path of vanished) {
    const refill = await replacementFor(ctx, path);
    await guardWrites(summary.db, () =>
      db.transaction(() => {
        forgetFile(db, path);
        applyRefill(db, refill, summary.run);
      })(),
    );
    if (refill && !isPendingReread(db, refill.documentId)) summary.refilled++;
  }
  return vanished.length;
}
