/**
 * `vanban import PATH…` — the clerk's batch import (pipelines/import.ts), with a
 * progress bar on a terminal and a one-screen summary.
 * Exit code: 0 all succeeded, 2 some files failed (1 with --strict).
 */
import type { Command } from "commander";
import cliProgress from "cli-progress";
import { log } from "../log.js";
import { printable } from "../printable.js";
import { StoreError } from "../store/store-error.js";
import { positiveNumber, wholeNumber } from "./option-values.js";
import { printJson } from "./output.js";

export const DEFAULT_DB = "vanban.db";
/** Node reads at most 2 GiB into one buffer. */
const MAX_SIZE_MB = 2047;

type ImportOpts = { db: string; ocr: boolean; force?: boolean; prune?: boolean; strict?: boolean; json?: boolean; jobs?: number; timeout: number; maxSize: number; followLinks?: boolean; logJson?: boolean };

export function registerImport(program: Command): void {
  program
    .command("import")
    .description("import documents (files or folders, recursively) into the store")
    .argument("<paths...>")
    .option("--db <file>", "store file", DEFAULT_DB)
    .option("--prune", "forget stored files under these folders that no longer exist")
    .option("--force", "parse again files whose content is already stored")
    .option("--strict", "exit 1 when any file fails")
    .option("--jobs <n>", "worker threads (default: the number of cores)", wholeNumber("--jobs", 1, 1024))
    .option("--timeout <seconds>", "time limit per file", positiveNumber("--timeout", 86_400), 120)
    .option("--max-size <MB>", "refuse files larger than this", positiveNumber("--max-size", MAX_SIZE_MB), 100)
    .option("--follow-links", "follow symlinks that lead out of the folders named here (default: skip them)")
    .option("--no-ocr", "do not read scanned pages with Tesseract (they fail as \"needs OCR\")")
    .option("--log-json", "log as JSON lines on stderr (info level)")
    .option("--json", "print the summary as one JSON object")
    .action(async (paths: string[], opts: ImportOpts) => {
      if (opts.logJson && log.level !== "debug") log.level = "info";
      const { importPaths } = await import("../../pipelines/import.js");
      const bar = process.stderr.isTTY && !opts.json ? new cliProgress.SingleBar(
        { format: "importing |{bar}| {value}/{total} files · {pages} pages · {ocr} OCR pages · {rate} pages/s · ETA {eta_formatted}", stream: process.stderr, hideCursor: true, etaBuffer: 50 },
        cliProgress.Presets.shades_classic,
      ) : null;
      const started = Date.now();
      bar?.start(0, 0, { pages: 0, ocr: 0, rate: "0" });
      try {
        const summary = await importPaths(paths, {
          db: opts.db,
          force: opts.force,
          prune: opts.prune,
          followLinks: opts.followLinks,
          jobs: opts.jobs,
          timeoutMs: opts.timeout * 1000,
          maxBytes: Math.floor(opts.maxSize * 1024 * 1024),
          ocr: opts.ocr,
          onProgress: (p) => {
            if (!bar) return;
            bar.setTotal(p.queued);
            const secs = (Date.now() - started) / 1000;
            bar.update(p.done, { pages: p.pages, ocr: p.ocrPages, rate: secs > 0 ? (p.pages / secs).toFixed(1) : "0" });
          },
        });
        bar?.stop();
        const shown = summary;
        if (opts.json) printJson(shown);
        else printSummary(shown);
        if (summary.failed) process.exitCode = opts.strict ? 1 : 2;
      } catch (e) {
        bar?.stop();
        if (!(e instanceof StoreError)) throw e;
        console.error(`error: ${printable(e.message)}`);
        process.exitCode = 1;
      }
    });
}

function printSummary(s: import("../../pipelines/import.js").ImportSummary): void {
  console.log(`${s.seen} files seen: ${s.new} new, ${s.changed} changed, ${s.skipped} skipped, ${s.failed} failed${s.pruned ? `, ${s.pruned} pruned` : ""} (${s.seconds.toFixed(1)} s)`);
  console.log(`stored from this run: ${s.documents} documents, ${s.pages} pages, ${s.references} references, ${s.tasks} tasks, ${s.deadlines} deadlines, ${s.metrics} metrics`);
  if (s.ocr.documents)
    console.log(`OCR: ${s.ocr.documents} scanned document(s), ${s.ocr.pages} pages (${s.ocr.cachedPages} from the cache), mean confidence ${s.ocr.meanConfidence}%`);
  if (s.needsOcr) console.log(`${s.needsOcr} scanned PDF(s) have no text layer and need OCR`);
  for (const k of s.skippedFiles) console.log(printable(`skipped: ${k.file}: ${k.reason}`));
  if (s.errors.length) {
    console.log(`failed files:`);
    for (const e of s.errors) console.log(`  ${printable(`${e.file}: ${e.stage}: ${e.reason}`)}`);
  }
}
