/**
 * `vanban import PATH…` — the clerk's batch import (pipelines/import.ts), with a
 * progress bar on a terminal and a one-screen summary.
 * Exit code: 0 all succeeded, 2 some files failed (1 with --strict).
 */
import type { Command } from "commander";
import cliProgress from "cli-progress";
import { log } from "../log.js";
import { StoreError } from "../store/store-error.js";
import { language, render, t } from "../i18n/index.js";
import { localiseReason } from "../i18n/reasons.js";
import { printJson, reportError } from "./output.js";

export const DEFAULT_DB = "vanban.db";

type ImportOpts = { db: string; force?: boolean; prune?: boolean; strict?: boolean; json?: boolean; jobs?: string; timeout?: string; maxSize?: string; logJson?: boolean };

export function registerImport(program: Command): void {
  program
    .command("import")
    .description(t("import.description"))
    .argument("<paths...>", t("import.paths"))
    .option("--db <file>", t("opt.db"), DEFAULT_DB)
    .option("--prune", t("import.prune"))
    .option("--force", t("import.force"))
    .option("--strict", t("import.strict"))
    .option("--jobs <n>", t("import.jobs"))
    .option("--timeout <seconds>", t("import.timeout"), "120")
    .option("--max-size <MB>", t("import.maxSize"), "100")
    .option("--log-json", t("import.logJson"))
    .option("--json", t("import.json"))
    .action(async (paths: string[], opts: ImportOpts) => {
      if (opts.logJson && log.level !== "debug") log.level = "info";
      const { importPaths } = await import("../../pipelines/import.js");
      const bar = process.stderr.isTTY && !opts.json ? new cliProgress.SingleBar(
        { format: render(language(), "import.progress"), stream: process.stderr, hideCursor: true, etaBuffer: 50 },
        cliProgress.Presets.shades_classic,
      ) : null;
      const started = Date.now();
      bar?.start(0, 0, { pages: 0, rate: "0" });
      try {
        const summary = await importPaths(paths, {
          db: opts.db,
          force: opts.force,
          prune: opts.prune,
          jobs: opts.jobs ? Number(opts.jobs) : undefined,
          timeoutMs: Number(opts.timeout) * 1000,
          maxBytes: Number(opts.maxSize) * 1024 * 1024,
          onProgress: (p) => {
            if (!bar) return;
            bar.setTotal(p.queued);
            const secs = (Date.now() - started) / 1000;
            bar.update(p.done, { pages: p.pages, rate: secs > 0 ? (p.pages / secs).toFixed(1) : "0" });
          },
        });
        bar?.stop();
        const { reingestQueue: _internal, ...shown } = summary;
        if (opts.json) printJson(shown);
        else printSummary(shown);
        if (summary.failed) process.exitCode = opts.strict ? 1 : 2;
      } catch (e) {
        bar?.stop();
        if (!(e instanceof StoreError)) throw e;
        reportError(e);
        process.exitCode = 1;
      }
    });
}

function printSummary(s: Omit<import("../../pipelines/import.js").ImportSummary, "reingestQueue">): void {
  const pruned = s.pruned ? t("import.pruned", { n: s.pruned }) : "";
  console.log(t("import.summary", { seen: s.seen, new: s.new, changed: s.changed, skipped: s.skipped, failed: s.failed, pruned, seconds: s.seconds.toFixed(1) }));
  console.log(t("import.stored", { documents: s.documents, pages: s.pages, references: s.references, tasks: s.tasks, deadlines: s.deadlines, metrics: s.metrics }));
  if (s.needsOcr) console.log(t("import.needsOcr", { n: s.needsOcr }));
  for (const k of s.skippedFiles) console.log(t("import.skippedFile", { file: k.file, reason: localiseReason(k.reason) }));
  if (s.errors.length) {
    console.log(t("import.failedFiles"));
    for (const e of s.errors) console.log(`  ${e.file}: ${e.stage}: ${localiseReason(e.reason)}`);
  }
}
