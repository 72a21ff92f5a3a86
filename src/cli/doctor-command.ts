import { existsSync } from "node:fs";
import type { Command } from "commander";
import { examineStore } from "../store/doctor.js";
import { openStore } from "../store/open-store.js";
import { DEFAULT_DB } from "./import-command.js";
import { t } from "../i18n/index.js";
import { printJson } from "./output.js";

/** `vanban doctor` — integrity, schema version, counts, files in error. Exit 1 when the store is damaged. */
export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description(t("doctor.description"))
    .option("--db <file>", t("opt.db"), DEFAULT_DB)
    .option("--json", t("doctor.json"))
    .action((opts: { db: string; json?: boolean }) => {
      if (!existsSync(opts.db)) {
        console.error(t("cli.error", { message: t("doctor.noStore", { db: opts.db }) }));
        process.exitCode = 1;
        return;
      }
      const db = openStore(opts.db);
      try {
        const r = examineStore(db);
        if (opts.json) printJson(r);
        else {
          console.log(t("doctor.schema", { db: opts.db, version: r.schemaVersion, expected: r.expectedSchemaVersion }));
          console.log(r.integrity === "ok" ? t("doctor.integrityOk") : t("doctor.integrityBad", { n: r.integrity.length }));
          if (r.integrity !== "ok") for (const p of r.integrity) console.log(`  ${p}`);
          console.log(t("doctor.counts", { documents: r.documents, placeholders: r.placeholders, files: r.files, citations: r.citations, tasks: r.tasks, deadlines: r.deadlines }));
          if (r.lastRun) console.log(t(r.lastRun.finishedAt ? "doctor.lastRun" : "doctor.lastRunUnfinished", { id: r.lastRun.id, command: r.lastRun.command, startedAt: r.lastRun.startedAt }));
          if (r.unfinishedRuns) console.log(t("doctor.unfinishedRuns", { n: r.unfinishedRuns }));
          console.log(`${t("doctor.failedFiles", { n: r.failedFiles.length })}${r.failedFiles.length ? ":" : ""}`);
          for (const f of r.failedFiles) console.log(`  ${f.path}: ${f.error ?? "?"}`);
        }
        if (r.integrity !== "ok") process.exitCode = 1;
      } finally {
        db.close();
      }
    });
}
