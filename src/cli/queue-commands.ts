/**
 * `vanban enqueue PATH… --db postgres://…`, `vanban worker --db postgres://…` and
 * `vanban status --db postgres://…`: the province-scale import (pipelines/queue.ts).
 * Exit codes: 0 done; 1 the queue or store could not be reached (one line); 2 a bad
 * option, or (enqueue) some files could not be read.
 */
import type { Command } from "commander";
import { t } from "../i18n/index.js";
import { localiseReason } from "../i18n/reasons.js";
import { printable } from "../printable.js";
import { wholeNumber, positiveNumber } from "./option-values.js";
import { printJson } from "./output.js";

type DbOpt = { db: string; json?: boolean };

export function registerQueueCommands(program: Command): void {
  program
    .command("enqueue")
    .description(t("queue.enqueue.description"))
    .argument("<paths...>", t("import.paths"))
    .requiredOption("--db <url>", t("queue.db"))
    .option("--follow-links", t("import.followLinks"))
    .option("--json", t("import.json"))
    .action((paths: string[], opts: DbOpt & { followLinks?: boolean }) =>
      guarded(opts.db, async () => {
        const { enqueuePaths } = await import("../../pipelines/queue.js");
        const s = await enqueuePaths(paths, { db: opts.db, followLinks: opts.followLinks });
        if (opts.json) printJson(s);
        else {
          console.log(t("queue.enqueue.summary", { seen: s.seen, queued: s.queued, stored: s.stored, alreadyQueued: s.alreadyQueued, failed: s.failed, seconds: s.seconds.toFixed(1) }));
          if (s.queued === 0 && s.failed === 0) console.log(t("queue.enqueue.nothing"));
          for (const k of s.skippedFiles) console.log(printable(t("import.skippedFile", { file: k.file, reason: localiseReason(k.reason) })));
          if (s.errors.length) console.log(t("import.failedFiles"));
          for (const e of s.errors) console.log(`  ${printable(`${e.file}: ${e.stage}: ${localiseReason(e.reason)}`)}`);
        }
        if (s.failed) process.exitCode = 2;
      }),
    );

  program
    .command("worker")
    .description(t("queue.worker.description"))
    .requiredOption("--db <url>", t("queue.db"))
    .option("--concurrency <n>", t("queue.worker.concurrency"), wholeNumber("--concurrency", 1, 256), 1)
    .option("--until-idle", t("queue.worker.untilIdle"))
    .option("--timeout <seconds>", t("import.timeout"), positiveNumber("--timeout", 86_400), 120)
    .option("--no-ocr", t("import.noOcr"))
    .option("--json", t("import.json"))
    .action((opts: DbOpt & { concurrency: number; untilIdle?: boolean; timeout: number; ocr: boolean }) =>
      guarded(opts.db, async () => {
        const { runWorker } = await import("../../pipelines/queue.js");
        const s = await runWorker({ db: opts.db, concurrency: opts.concurrency, untilIdle: opts.untilIdle, timeoutMs: opts.timeout * 1000, ocr: opts.ocr });
        if (opts.json) printJson(s);
        else console.log(t("queue.worker.summary", { worker: s.worker, jobs: s.jobs, new: s.new, copies: s.copies, skipped: s.skipped, failedTries: s.failedTries, failed: s.failed, seconds: s.seconds.toFixed(1) }));
      }),
    );

  program
    .command("status")
    .description(t("queue.status.description"))
    .requiredOption("--db <url>", t("queue.db"))
    .option("--json", t("import.json"))
    .action((opts: DbOpt) =>
      guarded(opts.db, async () => {
        const { queueStatus } = await import("../../pipelines/queue.js");
        const s = await queueStatus({ db: opts.db });
        if (opts.json) return printJson(s);
        console.log(t("queue.status.counts", { queued: s.queued, running: s.running, done: s.done, failed: s.failed }));
        console.log(t("queue.status.throughput", { lastMinute: s.doneLastMinute, perSecond: s.perSecond ?? "–" }));
        if (s.failures.length) console.log(t("queue.status.failedList"));
        for (const f of s.failures) console.log(`  ${printable(`${f.file}: ${localiseReason(f.reason)}`)} ${t("queue.status.tries", { n: f.tries })}`);
      }),
    );
}

/** The queue lives in PostgreSQL only; an unreachable server or a refused login is one line, exit 1. */
async function guarded(db: string, body: () => Promise<void>): Promise<void> {
  if (!/^postgres(ql)?:\/\//.test(db)) {
    console.error(t("cli.error", { message: t("queue.needsPostgres", { db }) }));
    process.exitCode = 2;
    return;
  }
  try {
    await body();
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    console.error(t("cli.error", { message: printable(t("queue.unreachable", { db: withoutPassword(db), reason })) }));
    process.exitCode = 1;
  }
}

/** A URL fit to print: the password, if any, left out. */
function withoutPassword(db: string): string {
  return db.replace(/^(postgres(?:ql)?:\/\/[^:@/]*):[^@/]*@/, "$1:***@");
}
