/**
 * `vanban doctor` — integrity, schema version, counts, files in error, and the
 * invariants the store relies on (src/store/doctor.ts). It only reads: an old store
 * is reported as needing migration, never migrated.
 *
 * `vanban doctor --repair` writes: under the import lock it migrates an old store,
 * rebuilds the search tables, reads again the documents that lost their content
 * from their remaining files, and parses again files that belong to no document
 * (the import pipeline's re-read pass), then examines the store again.
 *
 * Exit code: 0 healthy; 1 problems found (each printed with how to repair it), or
 * left after --repair, or the file is a damaged store; 3 no store to examine (missing, a folder, empty, not SQLite,
 * another program's database, a newer vanban's store, locked by an import for --repair).
 */
import type { Command } from "commander";
import { DamagedStoreError, describeStoreFailure, type DoctorReport, examineStore, openStore, openStoreReadOnly } from "../store/index.js";
import { printable } from "../printable.js";
import { DEFAULT_DB } from "./import-command.js";
import { t } from "../i18n/index.js";
import { printJson, reportError } from "./output.js";

export const DOCTOR_EXIT = { healthy: 0, problems: 1, noStore: 3 } as const;

export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description(t("doctor.description"))
    .option("--db <file>", t("opt.db"), DEFAULT_DB)
    .option("--repair", t("doctor.repair"))
    .option("--json", t("doctor.json"))
    .action(async (opts: { db: string; repair?: boolean; json?: boolean }) => {
      try {
        let repaired: unknown = null;
        if (opts.repair) {
          const { importPaths } = await import("../../pipelines/import.js");
          const s = await importPaths([], { db: opts.db, repair: true, mustExist: true });
          repaired = { ...s.repair, refilled: s.refilled, reread: s.new + s.changed, failed: s.errors };
          if (!opts.json)
            console.log(t("doctor.repaired", { reindexed: s.repair?.reindexed ? t("doctor.reindexed") : "", refilled: s.refilled, reread: s.new + s.changed, failed: s.failed }));
        }
        const r = examine(opts.db);
        if (opts.json) printJson(repaired ? { ...r, repaired } : r);
        else printReport(opts.db, r);
        process.exitCode = r.problems.length ? DOCTOR_EXIT.problems : DOCTOR_EXIT.healthy;
      } catch (e) {
        const err = describeStoreFailure(opts.db, e);
        reportError(err);
        process.exitCode = err instanceof DamagedStoreError ? DOCTOR_EXIT.problems : DOCTOR_EXIT.noStore;
      }
    });
}

function examine(file: string): DoctorReport {
  const db = openStoreReadOnly(file);
  try {
    return examineStore(db, file);
  } finally {
    db.close();
  }
}

function printReport(file: string, r: DoctorReport): void {
  console.log(t("doctor.schema", { db: printable(file), version: r.schemaVersion, expected: r.expectedSchemaVersion }));
  console.log(r.integrity === "ok" ? t("doctor.integrityOk") : t("doctor.integrityBad", { n: r.integrity.length }));
  if (r.integrity !== "ok") for (const p of r.integrity) console.log(`  ${p}`);
  console.log(t("doctor.counts", { documents: r.documents, placeholders: r.placeholders, files: r.files, citations: r.citations, tasks: r.tasks, deadlines: r.deadlines }));
  if (r.lastRun) console.log(t(r.lastRun.finishedAt ? "doctor.lastRun" : "doctor.lastRunUnfinished", { id: r.lastRun.id, command: r.lastRun.command, startedAt: r.lastRun.startedAt }));
  if (r.unfinishedRuns) console.log(t("doctor.unfinishedRuns", { n: r.unfinishedRuns }));
  console.log(`${t("doctor.failedFiles", { n: r.failedFiles.length })}${r.failedFiles.length ? ":" : ""}`);
  for (const f of r.failedFiles) console.log(`  ${printable(`${f.path}: ${f.error ?? "?"}`)}`);
  if (!r.problems.length) return console.log(t("doctor.healthy"));
  console.log(t("doctor.problems", { n: r.problems.length }));
  for (const p of r.problems) console.log(`  ${p}`);
  for (const d of r.invariants?.emptyDocuments.slice(0, 20) ?? []) console.log(`  ${printable(t("doctor.lostContent", { key: d.key, files: d.files.join(", ") }))}`);
}
