import { existsSync } from "node:fs";
import type { Command } from "commander";
import { examineStore, openStore } from "../store/index.js";
import { DEFAULT_DB } from "./import-command.js";
import { printJson } from "./output.js";

/** `vanban doctor` — integrity, schema version, counts, files in error. Exit 1 when the store is damaged. */
export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description("check the store: integrity, schema version, counts, files in error")
    .option("--db <file>", "store file", DEFAULT_DB)
    .option("--json", "print one JSON object")
    .action((opts: { db: string; json?: boolean }) => {
      if (!existsSync(opts.db)) {
        console.error(`error: ${opts.db}: no such store (run \`vanban import\` first)`);
        process.exitCode = 1;
        return;
      }
      const db = openStore(opts.db);
      try {
        const r = examineStore(db);
        if (opts.json) printJson(r);
        else {
          console.log(`store ${opts.db}: schema version ${r.schemaVersion} (this vanban: ${r.expectedSchemaVersion})`);
          console.log(`integrity: ${r.integrity === "ok" ? "ok" : `${r.integrity.length} problem(s)`}`);
          if (r.integrity !== "ok") for (const p of r.integrity) console.log(`  ${p}`);
          console.log(`${r.documents} documents (${r.placeholders} cited but not held), ${r.files} files, ${r.citations} citations, ${r.tasks} tasks, ${r.deadlines} deadlines`);
          if (r.lastRun) console.log(`last run #${r.lastRun.id} ${r.lastRun.command} started ${r.lastRun.startedAt}${r.lastRun.finishedAt ? "" : " — did not finish"}`);
          if (r.unfinishedRuns) console.log(`${r.unfinishedRuns} run(s) did not finish (killed?); running the same import again completes it`);
          console.log(`${r.failedFiles.length} file(s) in error${r.failedFiles.length ? ":" : ""}`);
          for (const f of r.failedFiles) console.log(`  ${f.path}: ${f.error ?? "?"}`);
        }
        if (r.integrity !== "ok") process.exitCode = 1;
      } finally {
        db.close();
      }
    });
}
