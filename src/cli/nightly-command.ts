/**
 * `vanban nightly INBOX…` — import the inbox, then report new, due-soon, overdue and
 * moved deadlines (pipelines/nightly.ts) to report.md, report.json, deadlines.ics.
 *
 * stdout: the Markdown report when something needs attention (cron mails it), else
 * one line; with --json the report object (as in report.json) plus `files`.
 * Exit code:
 *   0  nothing needs attention and every file imported;
 *   1  something needs attention (a new, due-soon, overdue or moved deadline);
 *   2  some files failed to import (as `vanban import`) — wins over 1: both mean
 *      "read the report", and 2 also says the inbox holds a file to fix; the report
 *      is written either way and lists the failed files;
 *   3  the run could not happen: a bad option, no store at --db (only `vanban import`
 *      creates one), the store is locked by an import, damaged or not a vanban store.
 *      Nothing was imported or reported;
 *   4  the inbox was imported but the report could not be written (--out unwritable,
 *      disk full): nothing was marked reported, the next run reports it in full.
 */
import type { Command } from "commander";
import { log } from "../log.js";
import { StoreError } from "../store/index.js";
import { DEFAULT_DB } from "./import-command.js";
import { t } from "../i18n/index.js";
import { day, wholeNumber } from "./option-values.js";
import { printJson, reportError } from "./output.js";

type NightlyOpts = { db: string; today?: string; horizon: number; out?: string; json?: boolean };

export const NIGHTLY_EXIT = { quiet: 0, attention: 1, importFailed: 2, error: 3, reportFailed: 4 } as const;

export function registerNightly(program: Command): void {
  program
    .command("nightly")
    .description(t("nightly.description"))
    .argument("<inbox...>", t("nightly.inbox"))
    .option("--db <file>", t("opt.db"), DEFAULT_DB)
    .option("--today <date>", t("nightly.today"), day("--today"))
    .option("--horizon <days>", t("nightly.horizon"), wholeNumber("--horizon", 0, 3660), 30)
    .option("--out <dir>", t("nightly.out"))
    .option("--json", t("nightly.json"))
    .exitOverride((err) => {
      // Commander's own errors (unknown option, missing inbox) must not read as "attention" (1).
      process.exit(err.exitCode === 0 ? 0 : NIGHTLY_EXIT.error);
    })
    .action(async (inbox: string[], opts: NightlyOpts) => {
      const { runNightly, NightlyOptionError, NightlyReportError } = await import("../../pipelines/nightly.js");
      const { needsAttention, renderMarkdown } = await import("../../pipelines/nightly/report.js");
      try {
        const { report, files } = await runNightly(inbox, { db: opts.db, today: opts.today, horizonDays: opts.horizon, out: opts.out });
        const attention = needsAttention(report);
        if (opts.json) printJson({ ...report, files });
        else if (attention || report.imported.failed) process.stdout.write(`${renderMarkdown(report)}\n${t("nightly.files", { files: files.join(", ") })}\n`);
        else console.log(t("nightly.quiet", { run: report.run, today: report.today, files: files.join(", ") }));
        process.exitCode = report.imported.failed ? NIGHTLY_EXIT.importFailed : attention ? NIGHTLY_EXIT.attention : NIGHTLY_EXIT.quiet;
      } catch (e) {
        if (e instanceof NightlyReportError) {
          reportError(e);
          process.exitCode = NIGHTLY_EXIT.reportFailed;
          return;
        }
        if (e instanceof StoreError || e instanceof NightlyOptionError) {
          reportError(e);
        } else {
          log.error({ err: e instanceof Error ? e.stack : String(e) }, "nightly failed");
          reportError(e);
        }
        process.exitCode = NIGHTLY_EXIT.error;
      }
    });
}
