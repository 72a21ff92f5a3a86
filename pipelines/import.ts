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
import { createHash } from "node:crypto";
import { existsSync, readFileSync, statSync } from "node:fs";
import { readdir, realpath, stat } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { extname, join, resolve, sep } from "node:path";
import type { Extraction } from "../schemas/extraction.js";
import { log } from "../src/log.js";
import { acquireImportLock } from "../src/store/import-lock.js";
import { StoreError } from "../src/store/store-error.js";
import { forgetFile, ingestExtraction, recordCopy, recordFailure, type FileFacts } from "../src/store/ingest.js";
import { openStore, type Store } from "../src/store/open-store.js";
import { prepared } from "../src/store/prepared.js";
import { ocrCacheDirFor } from "../src/parse/pdf/ocr/ocr-cache.js";
import { ExtractPool, type ExtractOutcome } from "./worker-pool.js";

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
  /** Internal: paths to parse again at the end of the run. */
  reingestQueue: string[];
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
  /** Read scanned pages with Tesseract (default true; false is `--no-ocr`). Results are cached in `<db>.ocr/`. */
  ocr?: boolean;
  onProgress?: (p: ImportProgress) => void;
};

/** Extensions taken from folders; a file named on the command line is always tried (by content). */
const DOCUMENT_EXTENSIONS = new Set([".pdf", ".docx", ".md", ".markdown", ".txt", ".html", ".htm"]);
const NOT_DOCUMENTS = new Set(["readme.md", "readme.txt", "license.txt", "changelog.md"]);

export async function importPaths(paths: string[], opts: ImportOptions): Promise<ImportSummary> {
  const started = performance.now();
  const lock = acquireImportLock(opts.db);
  let db: Store;
  let summary: ImportSummary;
  try {
    db = openStore(opts.db);
    summary = emptySummary(startRun(db, paths), opts.db);
  } catch (e) {
    lock.release();
    if (unwritable(e)) throw new StoreError(`${opts.db}: the store cannot be written (${oneLine(e)}); nothing was changed`);
    throw e;
  }
  const progress: ImportProgress = { done: 0, queued: 0, walking: true, pages: 0, ocrPages: 0, file: null };
  const tick = () => opts.onProgress?.({ ...progress });
  const pool = new ExtractPool(opts.jobs ?? availableParallelism(), opts.timeoutMs ?? 120_000, {
    enabled: opts.ocr !== false,
    cacheDir: ocrCacheDirFor(opts.db),
    onPage: () => {
      progress.ocrPages++;
      tick();
    },
  });
  const maxBytes = opts.maxBytes ?? 100 * 1024 * 1024;
  const inFlight = new Set<Promise<void>>();
  let abort: unknown = null;
  const pendingBySha = new Map<string, Promise<void>>();
  try {
    const seenPaths = new Set<string>();
    for await (const entry of walk(paths, summary)) {
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
      const job = pool.run(entry, facts.bytes).then((outcome) => {
        inFlight.delete(job);
        store(db, facts, outcome, decision, summary);
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
    for (const path of summary.reingestQueue.splice(0)) {
      const facts = await readFacts(path, maxBytes, summary, db);
      if (facts) store(db, facts, await pool.run(path, facts.bytes), "refill", summary);
    }
    if (opts.prune) summary.pruned = prune(db, paths, seenPaths);
  } finally {
    await pool.close();
    summary.seconds = (performance.now() - started) / 1000;
    summary.pages = progress.pages;
    try {
      finishRun(db, summary);
    } catch (e) {
      log.warn({ err: oneLine(e) }, "could not record the end of the run");
    }
    db.close();
    lock.release();
  }
  return summary;
}

type Facts = FileFacts & { bytes: Buffer };

async function readFacts(path: string, maxBytes: number, summary: ImportSummary, db: Store): Promise<Facts | null> {
  try {
    // Synchronous on purpose: stat + read of a document is tens of microseconds, and the
    // promise API's five thread-pool round trips per file made the unchanged-archive
    // re-import (10k files) spend 2.6 s here instead of 0.3 s.
    const info = statSync(path);
    if (info.size > maxBytes) {
      const reason = `file is ${(info.size / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(0)} MB limit`;
      fail(summary, path, "read", reason);
      recordFailure(db, { path, sha256: `size:${info.size}:${info.mtimeMs}`, format: null, size: info.size, mtime: info.mtime.toISOString() }, `read: ${reason}`, summary.run);
      return null;
    }
    const bytes = readFileSync(path);
    return {
      path,
      bytes,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      format: extname(path).slice(1).toLowerCase() || null,
      size: bytes.length,
      mtime: info.mtime.toISOString(),
    };
  } catch (e) {
    fail(summary, path, "read", oneLine(e));
    return null;
  }
}

/** "refill": a stored file parsed again because the document it belongs to lost its content (not counted again). */
type Decision = "done" | "new" | "changed" | "refill";

/** Skips what is already stored, without parsing. */
function decide(db: Store, facts: Facts, opts: ImportOptions, summary: ImportSummary): Decision {
  const before = prepared(db, "SELECT sha256, status FROM files WHERE path = ?").get(facts.path) as { sha256: string; status: string } | undefined;
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

function store(db: Store, facts: Facts, outcome: ExtractOutcome, decision: Exclude<Decision, "done">, summary: ImportSummary): void {
  if (!outcome.ok) {
    if (/no text layer/.test(outcome.reason)) summary.needsOcr++;
    fail(summary, facts.path, outcome.stage, outcome.reason);
    record(db, facts, `${outcome.stage}: ${outcome.reason}`, summary.run);
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
    if (decision === "refill") return;
    if (decision === "changed") summary.changed++;
    else summary.new++;
    summary.ingested.push({ file: facts.path, documentId: result.documentId!, status: decision });
    summary.documents++;
    summary.references += x.references.length;
    summary.tasks += x.tasks.length;
    summary.deadlines += x.deadlines.length;
    summary.metrics += x.metrics.length;
    countOcr(summary, outcome.model.ocr);
    // A document lost the file its rows came from; another file of it must fill them again.
    summary.reingestQueue.push(...result.reingest);
  } catch (e) {
    // A full disk or a read-only store fails every file alike: stop the run with one line.
    // The failed transaction rolled back, so what was stored before is intact.
    if (unwritable(e)) throw new StoreError(`${summary.db}: the store cannot be written (${oneLine(e)}); stopped before ${facts.path} — everything stored earlier is intact`);
    fail(summary, facts.path, "ingest", oneLine(e));
    record(db, facts, `ingest: ${oneLine(e)}`, summary.run);
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

function record(db: Store, facts: Facts, error: string, run: number): void {
  try {
    recordFailure(db, facts, error, run);
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
function notADocument(x: Extraction, path: string): string | null {
  const d = x.document;
  const name = path.split(sep).pop()!.toLowerCase();
  if (NOT_DOCUMENTS.has(name)) return "project notes, not a document";
  if (d.kind || d.code || d.symbol || x.references.length || x.tasks.length) return null;
  return "not an administrative document (no title word, number, citation or task)";
}

async function* walk(paths: string[], summary: ImportSummary): AsyncGenerator<string> {
  const visited = new Set<string>();
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      summary.seen++;
      fail(summary, resolve(p), "read", (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : oneLine(e));
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(resolve(p), visited, summary);
    else yield resolve(p);
  }
}

async function* walkFolder(dir: string, visited: Set<string>, summary: ImportSummary): AsyncGenerator<string> {
  let real: string;
  try {
    real = await realpath(dir);
  } catch (e) {
    summary.skippedFiles.push({ file: dir, reason: `unreadable folder: ${oneLine(e)}` });
    return;
  }
  if (visited.has(real)) {
    summary.skippedFiles.push({ file: dir, reason: `symlink loop: ${real} was already walked` });
    return;
  }
  visited.add(real);
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    summary.skippedFiles.push({ file: dir, reason: `unreadable folder: ${oneLine(e)}` });
    return;
  }
  // Sorted, so a run's order (and its log) is the same on every machine.
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const full = join(dir, e.name);
    let isDir = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const target = await stat(full);
        isDir = target.isDirectory();
        isFile = target.isFile();
      } catch {
        summary.skippedFiles.push({ file: full, reason: "broken symlink" });
        continue;
      }
    }
    if (isDir) yield* walkFolder(full, visited, summary);
    else if (isFile && DOCUMENT_EXTENSIONS.has(extname(e.name).toLowerCase())) yield full;
  }
}

/** Stored paths under the walked folders that were not seen and no longer exist. */
function prune(db: Store, roots: string[], seen: Set<string>): number {
  const folders = roots.map((r) => resolve(r)).map((r) => (r.endsWith(sep) ? r : r + sep));
  const stored = db.prepare("SELECT path FROM files").pluck().all() as string[];
  let n = 0;
  for (const path of stored) {
    if (seen.has(path) || !folders.some((f) => path.startsWith(f)) || existsSync(path)) continue;
    forgetFile(db, path);
    n++;
  }
  return n;
}

function emptySummary(run: number, db: string): ImportSummary {
  return {
    db, run, seen: 0, new: 0, changed: 0, skipped: 0, failed: 0, errors: [], skippedFiles: [], needsOcr: 0, pruned: 0, ingested: [],
    pages: 0, documents: 0, references: 0, tasks: 0, deadlines: 0, metrics: 0,
    ocr: { documents: 0, pages: 0, cachedPages: 0, meanConfidence: null }, seconds: 0, reingestQueue: [],
  };
}

function fail(summary: ImportSummary, file: string, stage: string, reason: string): void {
  summary.failed++;
  summary.errors.push({ file, stage, reason });
  log.warn({ file, stage, reason }, "import failed");
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

function startRun(db: Store, paths: string[]): number {
  return Number(
    db.prepare("INSERT INTO runs (command, arguments, started_at) VALUES ('import', ?, ?)").run(JSON.stringify(paths), new Date().toISOString())
      .lastInsertRowid,
  );
}

function finishRun(db: Store, s: ImportSummary): void {
  db.prepare("UPDATE runs SET finished_at = ?, seen = ?, new = ?, changed = ?, skipped = ?, failed = ? WHERE id = ?").run(
    new Date().toISOString(), s.seen, s.new, s.changed, s.skipped, s.failed, s.run,
  );
}
