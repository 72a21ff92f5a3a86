/**
 * Files and folders → the store: walk, hash, parse, extract, ingest — one file at
 * a time, one transaction per document.
 *
 * A file whose content (sha256) is already stored is not parsed again: an
 * unchanged path is skipped, a copy under a new path is recorded beside the same
 * document. Failures are recorded in the store (files.status = 'failed') and in
 * the summary; they never stop the run.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { extname, join, resolve } from "node:path";
import { extractDocument } from "../src/extract/index.js";
import { log } from "../src/log.js";
import { parseBytes, ParseError } from "../src/parse/index.js";
import { ingestExtraction, recordCopy, recordFailure, type FileFacts } from "../src/store/ingest.js";
import { openStore, type Store } from "../src/store/open-store.js";

export type ImportError = { file: string; stage: string; reason: string };

export type ImportSummary = {
  seen: number;
  /** Paths not in the store before, whose content was parsed and ingested. */
  new: number;
  /** Paths already in the store whose content changed. */
  changed: number;
  /** Unchanged paths, and new paths whose content was already stored. */
  skipped: number;
  failed: number;
  errors: ImportError[];
};

export type ImportOptions = {
  db: string;
  /** Parse and ingest even when the content is already stored (after the extractors improved). */
  force?: boolean;
};

/** Extensions taken from folders; a file named on the command line is always tried. */
const DOCUMENT_EXTENSIONS = new Set([".pdf", ".docx", ".md", ".markdown", ".txt", ".html", ".htm"]);

export async function importPaths(paths: string[], opts: ImportOptions): Promise<ImportSummary> {
  const summary: ImportSummary = { seen: 0, new: 0, changed: 0, skipped: 0, failed: 0, errors: [] };
  const db = openStore(opts.db);
  const runId = startRun(db, paths);
  try {
    for await (const file of walk(paths, summary)) await importFile(db, file, runId, opts, summary);
  } finally {
    finishRun(db, runId, summary);
    db.close();
  }
  return summary;
}

async function* walk(paths: string[], summary: ImportSummary): AsyncGenerator<string> {
  for (const p of paths) {
    let info;
    try {
      info = await stat(p);
    } catch (e) {
      summary.seen++;
      fail(summary, resolve(p), "read", (e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message);
      continue;
    }
    if (info.isDirectory()) yield* walkFolder(p);
    else yield resolve(p);
  }
}

async function* walkFolder(dir: string): AsyncGenerator<string> {
  // Sorted, so a run's order (and its log) is the same on every machine.
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    if (e.name.startsWith(".")) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) yield* walkFolder(full);
    else if (e.isFile() && DOCUMENT_EXTENSIONS.has(extname(e.name).toLowerCase())) yield resolve(full);
  }
}

async function importFile(db: Store, path: string, runId: number, opts: ImportOptions, summary: ImportSummary, again = false): Promise<void> {
  if (!again) summary.seen++;
  let bytes: Buffer;
  let facts: FileFacts;
  try {
    const info = await stat(path);
    bytes = await readFile(path);
    facts = {
      path,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      format: extname(path).slice(1).toLowerCase() || null,
      size: bytes.length,
      mtime: info.mtime.toISOString(),
    };
  } catch (e) {
    return fail(summary, path, "read", (e as Error).message);
  }
  const before = db.prepare("SELECT sha256, status FROM files WHERE path = ?").get(path) as { sha256: string; status: string } | undefined;
  const changed = before !== undefined && (before.sha256 !== facts.sha256 || before.status === "failed");
  if (!opts.force && !again) {
    if (before?.sha256 === facts.sha256 && before.status === "ingested") {
      summary.skipped++;
      return;
    }
    if (recordCopy(db, facts, runId)) {
      log.debug({ path }, "content already stored; path recorded");
      if (changed) summary.changed++;
      else summary.skipped++;
      return;
    }
  }
  let stage = "parse";
  try {
    const doc = await parseBytes(bytes, path);
    stage = "extract";
    const extraction = extractDocument(doc);
    stage = "ingest";
    const outcome = ingestExtraction(db, extraction, facts, runId);
    if (!again) {
      if (changed) summary.changed++;
      else summary.new++;
    }
    // A document lost the file its rows came from; another file of it must fill them again.
    for (const other of outcome.reingest) await importFile(db, other, runId, { ...opts, force: true }, summary, true);
  } catch (e) {
    const reason = e instanceof ParseError ? e.reason : oneLine(e);
    if (e instanceof ParseError) stage = e.stage;
    fail(summary, path, stage, reason);
    try {
      recordFailure(db, facts, `${stage}: ${reason}`, runId);
    } catch (recordError) {
      log.error({ path, err: oneLine(recordError) }, "could not record the failure");
    }
  }
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

function finishRun(db: Store, runId: number, s: ImportSummary): void {
  db.prepare("UPDATE runs SET finished_at = ?, seen = ?, new = ?, changed = ?, skipped = ?, failed = ? WHERE id = ?").run(
    new Date().toISOString(), s.seen, s.new, s.changed, s.skipped, s.failed, runId,
  );
}
