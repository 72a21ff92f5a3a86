/**
 * Batch import: files and folders → the store.
 *
 * walk → read + hash (main thread) → parse + extract (worker threads, a time
 * limit per file) → ingest (main thread: the one SQLite writer, one transaction
 * per document).
 *
 * - Idempotent and incremental: a path whose sha256 is already stored is skipped
 *   without parsing; a copy of stored content under a new path is recorded beside
 *   its document; a changed file replaces its previous rows in one transaction;
 *   `prune` forgets stored paths under the given folders that no longer exist.
 * - Crash-safe: a document's rows and its file row commit together, so a killed
 *   run leaves whole documents only; running again parses what is missing.
 * - One bad file never stops the run: it is recorded (files.status = 'failed',
 *   with stage and reason) and listed in the summary.
 * - One import per store at a time (src/store/import-lock.ts).
 */
import { existsSync } from "node:fs";
import { availableParallelism, homedir } from "node:os";
import { join, resolve, sep } from "node:path";
import type { Extraction } from "../schemas/extraction.js";
import { log } from "../src/log.js";
import {
  acquireImportLock, DamagedStoreError, describeStoreFailure, finishRun, forgetFile, ingestExtraction, isPendingReread, isPostgresUrl, openStore, prepareRepair, refreshPlannerStatistics, quickCheck, recordCopy, recordFailure, type RepairPlan, type RunCommand, startRun, type Store, storedFile, storedPaths, StoreError, storeFileProblem
} from "../src/store/index.js";
import { applyRefill, completeRereads, replacementFor, type RefillContext } from "./import/refill.js";
import { ocrCacheDirFor } from "../src/parse/pdf/ocr/ocr-cache.js";
import { ExtractPool, type ExtractOutcome } from "./worker-pool.js";
import { fail, oneLine, readFacts, walk, type Facts } from "./import/walk.js";

export type ImportError = { file: string; stage: string; reason: string };
export type SkippedFile = { file: string; reason: string };
export type IngestedFile = { file: string; documentId: number; status: "new" | "changed" };

export type ImportSummary = {
  /** The store file. */
  db: string;
  run: number;
  seen: number;
  /** Paths not in the store before, whose content was parsed and ingested. */
  new: number;
  /** Paths already in the store whose content changed. */
  changed: number;
  /** Unchanged paths, copies of stored content, and files that are not documents. */
  skipped: number;
  failed: number;
  errors: ImportError[];
  /** Files passed over for a reason worth telling (not a document, a symlink loop). */
  skippedFiles: SkippedFile[];
  /** Failed files that are scanned PDFs without a text layer (counted in `failed` too). */
  needsOcr: number;
  pruned: number;
  ingested: IngestedFile[];
  pages: number;
  documents: number;
  references: number;
  tasks: number;
  deadlines: number;
  metrics: number;
  /** Documents stored from this run that were read (in part) by OCR; pages OCR'd, of them from the cache; mean confidence (0–100, by page). */
  ocr: { documents: number; pages: number; cachedPages: number; meanConfidence: number | null };
  seconds: number;
  /** Documents filled again from another of their files after the one their rows came from went away or broke. */
  refilled: number;
  /** What `repair` found to do. */
  repair: RepairPlan | null;
};

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

const NOT_DOCUMENTS = new Set(["readme.md", "readme.txt", "license.txt", "changelog.md"]);

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
  try {
    db = openStore(opts.db, { mustExist: opts.mustExist, holdsLock: true });
    refuseDamaged(db, opts.db);
    summary = emptySummary(startRun(db, opts.command ?? "import", paths), opts.db);
    if (opts.repair) {
      summary.repair = prepareRepair(db);
      paths = [...paths, ...summary.repair.filesToReread];
    }
  } catch (e) {
    db?.close();
    lock.release();
    if (unwritable(e)) throw new StoreError(`${opts.db}: the store cannot be written (${oneLine(e)}); nothing was changed`);
    throw describeStoreFailure(opts.db, e);
  }
  const progress: ImportProgress = { done: 0, queued: 0, walking: true, pages: 0, ocrPages: 0, file: null };
  const tick = () => opts.onProgress?.({ ...progress });
  const pool = new ExtractPool(opts.jobs ?? availableParallelism(), opts.timeoutMs ?? 120_000, undefined, {
    enabled: opts.ocr !== false,
    cacheDir: ocrCacheDir(opts.db),
    onPage: () => {
      progress.ocrPages++;
      tick();
    },
  });
  const maxBytes = opts.maxBytes ?? 100 * 1024 * 1024;
  const refill: RefillContext = { db, pool, maxBytes, summary };
  const inFlight = new Set<Promise<void>>();
  let abort: unknown = null;
  const pendingBySha = new Map<string, Promise<void>>();
  try {
    const seenPaths = new Set<string>();
    for await (const entry of walk(paths, summary, opts)) {
      if (seenPaths.has(entry)) continue;
      seenPaths.add(entry);
      summary.seen++;
      progress.queued++;
      const facts = await readFacts(entry, maxBytes, summary, db);
      if (!facts) {
        progress.done++;
        tick();
        continue;
      }
      // The same content already on its way through a worker: wait, then record this path as a copy.
      const twin = pendingBySha.get(facts.sha256);
      if (twin) await twin;
      const decision = decide(db, facts, opts, summary);
      if (decision === "done") {
        progress.done++;
        tick();
        continue;
      }
      const job = pool.run(entry, facts.bytes).then(async (outcome) => {
        await store(refill, facts, outcome, decision);
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
    progress.walking = false;
    tick();
    await Promise.all(inFlight);
    if (abort) throw abort;
    if (opts.prune) summary.pruned = await prune(refill, paths, seenPaths);
    summary.refilled += await guardWrites(summary.db, () => completeRereads(refill));
  } finally {
    await pool.close();
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
    throw new DamagedStoreError(`${file} bị hỏng (quick_check: ${problems.join("; ").replace(/\s+/g, " ").slice(0, 200)}); không ghi gì vào kho — xem "vanban doctor --db ${file}"`);
}

type Decision = "done" | "new" | "changed";

/** Skips what is already stored, without parsing. */
function decide(db: Store, facts: Facts, opts: ImportOptions, summary: ImportSummary): Decision {
  const before = storedFile(db, facts.path);
  const changed = before !== undefined && (before.sha256 !== facts.sha256 || before.status === "failed");
  if (opts.force) return changed ? "changed" : "new";
  if (before?.sha256 === facts.sha256 && before.status === "ingested") {
    summary.skipped++;
    return "done";
  }
  if (recordCopy(db, facts, summary.run)) {
    log.debug({ path: facts.path }, "content already stored; path recorded");
    if (changed) summary.changed++;
    else summary.skipped++;
    return "done";
  }
  return changed ? "changed" : "new";
}

async function store(ctx: RefillContext, facts: Facts, outcome: ExtractOutcome, decision: Exclude<Decision, "done">): Promise<void> {
  const { db, summary } = ctx;
  if (!outcome.ok) {
    if (/no text layer/.test(outcome.reason)) summary.needsOcr++;
    fail(summary, facts.path, outcome.stage, outcome.reason);
    await record(ctx, facts, `${outcome.stage}: ${outcome.reason}`);
    return;
  }
  const x = outcome.extraction;
  const why = notADocument(x, facts.path);
  if (why) {
    summary.skipped++;
    summary.skippedFiles.push({ file: facts.path, reason: why });
    return;
  }
  try {
    const result = ingestExtraction(db, x, facts, summary.run, outcome.model.text);
    if (decision === "changed") summary.changed++;
    else summary.new++;
    summary.ingested.push({ file: facts.path, documentId: result.documentId!, status: decision });
    summary.documents++;
    summary.references += x.references.length;
    summary.tasks += x.tasks.length;
    summary.deadlines += x.deadlines.length;
    summary.metrics += x.metrics.length;
    countOcr(summary, outcome.model.ocr);
  } catch (e) {
    // A full disk or a read-only store fails every file alike: stop the run with one line.
    // The failed transaction rolled back, so what was stored before is intact.
    if (unwritable(e)) throw new StoreError(`${summary.db}: the store cannot be written (${oneLine(e)}); stopped before ${facts.path} — everything stored earlier is intact`);
    fail(summary, facts.path, "ingest", oneLine(e));
    await record(ctx, facts, `ingest: ${oneLine(e)}`);
  }
}

function countOcr(summary: ImportSummary, ocr: import("../schemas/document.js").OcrInfo | undefined): void {
  if (!ocr) return;
  const s = summary.ocr;
  const before = (s.meanConfidence ?? 0) * s.pages;
  s.documents++;
  s.pages += ocr.pages.length;
  s.cachedPages += ocr.cachedPages;
  s.meanConfidence = s.pages ? Math.round(((before + ocr.meanConfidence * ocr.pages.length) / s.pages) * 10) / 10 : null;
}

const UNWRITABLE = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|PERM)/;
const unwritable = (e: unknown) => UNWRITABLE.test(String((e as { code?: unknown }).code ?? ""));

/** Records a failed file; if its document took its rows from it, another file of it fills them in the same transaction. */
async function record(ctx: RefillContext, facts: Facts, error: string): Promise<void> {
  const { db, summary } = ctx;
  const refill = await replacementFor(ctx, facts.path);
  try {
    db.transaction(() => {
      recordFailure(db, facts, error, summary.run);
      applyRefill(db, refill, summary.run);
    })();
    if (refill && !isPendingReread(db, refill.documentId)) summary.refilled++;
  } catch (e) {
    if (unwritable(e)) throw new StoreError(`the store cannot be written (${oneLine(e)}); stopped at ${facts.path} — everything stored earlier is intact`);
    log.error({ path: facts.path, err: oneLine(e) }, "could not record the failure");
  }
}

/**
 * A readable file that carries none of what administrative documents print — a
 * title word, a number ("Số: …"), a citation, a task — is not imported (a README,
 * notes, an export of something else).
 */
export function notADocument(x: Extraction, path: string): string | null {
  const d = x.document;
  const name = path.split(sep).pop()!.toLowerCase();
  if (NOT_DOCUMENTS.has(name)) return "project notes, not a document";
  if (d.kind || d.code || d.symbol || x.references.length || x.tasks.length) return null;
  return "not an administrative document (no title word, number, citation or task)";
}

/**
 * Stored paths under the walked folders that were not seen and no longer exist; a
 * document that took its rows from one of them is filled from another of its files
 * in the same transaction.
 */
async function prune(ctx: RefillContext, roots: string[], seen: Set<string>): Promise<number> {
  const { db, summary } = ctx;
  const folders = roots.map((r) => resolve(r)).map((r) => (r.endsWith(sep) ? r : r + sep));
  let n = 0;
  for (const path of storedPaths(db)) {
    if (seen.has(path) || !folders.some((f) => path.startsWith(f)) || existsSync(path)) continue;
    const refill = await replacementFor(ctx, path);
    await guardWrites(summary.db, () =>
      db.transaction(() => {
        forgetFile(db, path);
        applyRefill(db, refill, summary.run);
      })(),
    );
    if (refill && !isPendingReread(db, refill.documentId)) summary.refilled++;
    n++;
  }
  return n;
}

/** A full disk or a read-only store stops the run with one line (what was stored before is intact). */
async function guardWrites<T>(file: string, body: () => T | Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (unwritable(e)) throw new StoreError(`${file}: the store cannot be written (${oneLine(e)}); everything stored earlier is intact`);
    throw e;
  }
}

function emptySummary(run: number, db: string): ImportSummary {
  return {
    db, run, seen: 0, new: 0, changed: 0, skipped: 0, failed: 0, errors: [], skippedFiles: [], needsOcr: 0, pruned: 0, ingested: [],
    pages: 0, documents: 0, references: 0, tasks: 0, deadlines: 0, metrics: 0, seconds: 0, refilled: 0, repair: null,
    ocr: { documents: 0, pages: 0, cachedPages: 0, meanConfidence: null },
  };
}
