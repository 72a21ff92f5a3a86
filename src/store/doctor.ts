/**
 * The store's health at a glance: SQLite's integrity check, foreign keys, the
 * schema version, counts, and the files that failed with their reasons.
 */
import type { DoctorReport } from "../../schemas/answers.js";
import { SCHEMA_VERSION } from "./migrations.js";
import type { Store } from "./open-store.js";
export type { DoctorReport };

export function examineStore(db: Store): DoctorReport {
  const integrity = db.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
  const problems = integrity.map((r) => r.integrity_check).filter((m) => m !== "ok");
  const fk = db.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
  problems.push(...fk.map((r) => `foreign key: ${r.table} row ${r.rowid} points at a missing ${r.parent} row`));
  const count = (sql: string) => Number(db.prepare(sql).pluck().get());
  const last = db.prepare("SELECT id, command, started_at AS startedAt, finished_at AS finishedAt FROM runs ORDER BY id DESC LIMIT 1").get() as DoctorReport["lastRun"] | undefined;
  return {
    integrity: problems.length ? problems : "ok",
    schemaVersion: db.pragma("user_version", { simple: true }) as number,
    expectedSchemaVersion: SCHEMA_VERSION,
    documents: count("SELECT count(*) FROM documents WHERE is_placeholder = 0"),
    placeholders: count("SELECT count(*) FROM documents WHERE is_placeholder = 1"),
    files: count("SELECT count(*) FROM files"),
    failedFiles: db.prepare("SELECT path, error FROM files WHERE status = 'failed' ORDER BY path").all() as { path: string; error: string | null }[],
    tasks: count("SELECT count(*) FROM tasks"),
    deadlines: count("SELECT count(*) FROM deadlines"),
    citations: count("SELECT count(*) FROM citations"),
    lastRun: last ?? null,
    unfinishedRuns: count("SELECT count(*) FROM runs WHERE finished_at IS NULL"),
  };
}
