/**
 * The runs table: one row per import or nightly run (counts, start and end), and
 * for nightly runs whether their report reached the disk (`reported_at`, schema
 * version 5) — a nightly run without it is reported in full by the next one.
 */
import type { Store } from "./open-store.js";
import { prepared } from "./prepared.js";

export type RunCommand = "import" | "nightly";
export type RunCounts = { seen: number; new: number; changed: number; skipped: number; failed: number };

export function startRun(db: Store, command: RunCommand, args: unknown): number {
  return Number(
    prepared(db, "INSERT INTO runs (command, arguments, started_at) VALUES (?, ?, ?)").run(command, JSON.stringify(args), new Date().toISOString())
      .lastInsertRowid,
  );
}

export function finishRun(db: Store, run: number, c: RunCounts): void {
  prepared(db, "UPDATE runs SET finished_at = ?, seen = ?, new = ?, changed = ?, skipped = ?, failed = ? WHERE id = ?").run(
    new Date().toISOString(), c.seen, c.new, c.changed, c.skipped, c.failed, run,
  );
}

/**
 * A nightly run's report files are written: its items count as reported, and so do
 * those of the earlier unreported runs it took in (documentsOfUnreportedRuns).
 */
export function markRunReported(db: Store, run: number, args: unknown): void {
  const now = new Date().toISOString();
  prepared(db, "UPDATE runs SET command = 'nightly', arguments = ?, finished_at = ?, reported_at = ? WHERE id = ?").run(JSON.stringify(args), now, now, run);
  prepared(db, "UPDATE runs SET reported_at = ? WHERE command = 'nightly' AND reported_at IS NULL AND id < ?").run(now, run);
}

/**
 * Documents stored by nightly runs whose report never reached the disk (killed, or
 * the files could not be written), this run included: their deadlines are "new".
 */
export function documentsOfUnreportedRuns(db: Store, upToRun: number): number[] {
  return prepared(db, 
    `SELECT DISTINCT f.document_id FROM runs r JOIN files f ON f.run_id = r.id
     WHERE r.command = 'nightly' AND r.reported_at IS NULL AND r.id <= ? AND f.status = 'ingested' AND f.document_id IS NOT NULL
     ORDER BY f.document_id`,
  ).pluck().all(upToRun) as number[];
}
