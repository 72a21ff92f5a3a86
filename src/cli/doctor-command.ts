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
import { printable } from "../printable.js";
import { examineStore, type DoctorReport } from "../store/doctor.js";
import { DamagedStoreError, describeStoreFailure, openStoreReadOnly } from "../store/open-store.js";
import { DEFAULT_DB } from "./import-command.js";
import { printJson } from "./output.js";

export const DOCTOR_EXIT = { healthy: 0, problems: 1, noStore: 3 } as const;

export function registerDoctor(program: Command): void {
  program
    .command("doctor")
    .description("check the store: integrity, schema version, counts, files in error, invariants (--repair fixes what it can)")
    .option("--db <file>", "store file", DEFAULT_DB)
    .option("--repair", "repair what the check finds (migrate, rebuild search, read documents again from their files)")
    .option("--json", "print one JSON object")
    .action(async (opts: { db: string; repair?: boolean; json?: boolean }) => {
      try {
        let repaired: unknown = null;
        if (opts.repair) {
          const { importPaths } = await import("../../pipelines/import.js");
          const s = await importPaths([], { db: opts.db, repair: true, mustExist: true });
          repaired = { ...s.repair, refilled: s.refilled, reread: s.new + s.changed, failed: s.errors };
          if (!opts.json)
            console.log(`đã sửa: ${s.repair?.reindexed ? "dựng lại chỉ mục tìm kiếm; " : ""}${s.refilled} văn bản được đọc lại từ tệp còn lại; ${s.new + s.changed} tệp được đọc lại; ${s.failed} tệp lỗi`);
        }
        const r = examine(opts.db);
        if (opts.json) printJson(repaired ? { ...r, repaired } : r);
        else printReport(opts.db, r);
        process.exitCode = r.problems.length ? DOCTOR_EXIT.problems : DOCTOR_EXIT.healthy;
      } catch (e) {
        const err = describeStoreFailure(opts.db, e);
        console.error(`error: ${err.message.split("\n")[0]}`);
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
  console.log(`store ${file}: schema version ${r.schemaVersion} (this vanban: ${r.expectedSchemaVersion})`);
  console.log(`integrity: ${r.integrity === "ok" ? "ok" : `${r.integrity.length} problem(s)`}`);
  if (r.integrity !== "ok") for (const p of r.integrity) console.log(`  ${p}`);
  console.log(`${r.documents} documents (${r.placeholders} cited but not held), ${r.files} files, ${r.citations} citations, ${r.tasks} tasks, ${r.deadlines} deadlines`);
  if (r.lastRun) console.log(`last run #${r.lastRun.id} ${r.lastRun.command} started ${r.lastRun.startedAt}${r.lastRun.finishedAt ? "" : " — did not finish"}`);
  if (r.unfinishedRuns) console.log(`${r.unfinishedRuns} run(s) did not finish (killed?); running the same import again completes it`);
  console.log(`${r.failedFiles.length} file(s) in error${r.failedFiles.length ? ":" : ""}`);
  for (const f of r.failedFiles) console.log(`  ${printable(`${f.path}: ${f.error ?? "?"}`)}`);
  if (!r.problems.length) return console.log("kho không có vấn đề");
  console.log(`${r.problems.length} vấn đề:`);
  for (const p of r.problems) console.log(`  ${p}`);
  for (const d of r.invariants?.emptyDocuments.slice(0, 20) ?? []) console.log(`  mất nội dung: ${printable(`${d.key} (${d.files.join(", ")})`)}`);
}
