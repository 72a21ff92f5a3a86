/**
 * `vanban import PATH…` — the clerk's batch import (pipelines/import.ts), with a
 * progress bar on a terminal and a one-screen summary.
 * Exit code: 0 all succeeded, 2 some files failed (1 with --strict).
 */
import type { Command } from "commander";
import cliProgress from "cli-progress";
import { StoreError } from "../store/index.js";
import { printable } from "../printable.js";
import { language, render, t } from "../i18n/index.js";
import { localiseReason } from "../i18n/reasons.js";
import { positiveNumber, wholeNumber } from "./option-values.js";
import { printJson, reportError } from "./output.js";
import type { ImportSummary } from "../../schemas/answers.js";

export const DEFAULT_DB = "vanban.db";
/** Node reads at most 2 GiB into one buffer. */
const MAX_SIZE_MB = 2047;

type ImportOpts = { db: string; ocr: boolean; force?: boolean; prune?: boolean; strict?: boolean; json?: boolean; jobs?: number; timeout: number; maxSize: number; followLinks?: boolean };

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(t("import.description"))
    .argument("<paths...>", t("import.paths"))
    .option("--db <file>", t("opt.db"), DEFAULT_DB)
    .option("--prune", t("import.prune"))
    .option("--force", t("import.force"))
    .option("--strict", t("import.strict"))
    .option("--jobs <n>", t("import.jobs"), wholeNumber("--jobs", 1, 1024))
    .option("--timeout <seconds>", t("import.timeout"), positiveNumber("--timeout", 86_400), 120)
    .option("--max-size <MB>", t("import.maxSize"), positiveNumber("--max-size", MAX_SIZE_MB), 100)
    .option("--follow-links", t("import.followLinks"))
    .option("--no-ocr", t("import.noOcr"))
    .option("--json", t("import.json"))
    .action(async (paths: string[], opts: ImportOpts) => {
      const { importPaths } = await import("../../pipelines/import.js");
      const bar = process.stderr.isTTY && !opts.json ? new cliProgress.SingleBar(
        { format: render(language(), "import.progress"), stream: process.stderr, hideCursor: true, etaBuffer: 50 },
        cliProgress.Presets.shades_classic,
      ) : null;
      const started = Date.now();
      let barShown = false;
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
            // The files are counted before the first is read: the bar starts at 0 of all of them.
            if (!bar || p.walking) return;
            const secs = (Date.now() - started) / 1000;
            const values = { pages: p.pages, ocr: p.ocrPages, rate: secs > 0 ? (p.pages / secs).toFixed(1) : "0" };
            if (!barShown) bar.start(p.queued, p.done, values);
            else bar.update(p.done, values);
            barShown = true;
          },
        });
        bar?.stop();
        if (opts.json) printJson(summary);
        else printSummary(summary);
        if (summary.failed) process.exitCode = opts.strict ? 1 : 2;
      } catch (e) {
        bar?.stop();
        if (!(e instanceof StoreError)) throw e;
        reportError(e);
        process.exitCode = 1;
      }
    });
}

function printSummary(s: ImportSummary): void {
  const d = s.byDocument;
  const reread = (n: number) => (n ? t("import.reread", { n }) : "");
  console.log(t("import.documents", { new: d.new, changed: d.changed, unchanged: d.unchanged, reread: reread(d.reread) }));
  const pruned = s.pruned ? t("import.pruned", { n: s.pruned }) : "";
  console.log(t("import.summary", { seen: s.seen, new: s.new, changed: s.changed, reread: reread(s.reread), skipped: s.skipped, failed: s.failed, pruned, seconds: s.seconds.toFixed(1) }));
  console.log(t("import.stored", { documents: s.documents, pages: s.pages, references: s.references, tasks: s.tasks, deadlines: s.deadlines, metrics: s.metrics }));
  if (s.ocr.documents)
    console.log(t("import.ocr", { documents: s.ocr.documents, pages: s.ocr.pages, cached: s.ocr.cachedPages, confidence: s.ocr.meanConfidence ?? 0 }));
  if (s.needsOcr) console.log(t("import.needsOcr", { n: s.needsOcr }));
  printSome(s.copies.map((c) => t("import.copy", { file: c.file, of: c.of })));
  printSome(s.missing.map((file) => t("import.missing", { file })));
  for (const k of s.skippedFiles) console.log(printable(t("import.skippedFile", { file: k.file, reason: localiseReason(k.reason) })));
  if (s.errors.length) {
    console.log(t("import.failedFiles"));
    for (const e of s.errors) console.log(`  ${printable(`${e.file}: ${e.stage}: ${localiseReason(e.reason)}`)}`);
  }
}

/** A screenful at most: a folder moved away leaves thousands of missing files, and --json has them all. */
const SHOWN = 20;
function printSome(lines: string[]): void {
  for (const line of lines.slice(0, SHOWN)) console.log(printable(line));
  if (lines.length > SHOWN) console.log(t("import.more", { n: lines.length - SHOWN }));
}
