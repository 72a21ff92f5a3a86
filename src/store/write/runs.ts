/**
 * The runs table: one row per import (or nightly) run, so that a file's row says
 * which run stored it and the web UI can say when the archive last changed.
 */
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";

export type RunCounts = { seen: number; new: number; changed: number; skipped: number; failed: number };

export function startRun(db: Store, command: string, args: unknown): number {
  return Number(
    prepared(db, "INSERT INTO runs (command, arguments, started_at) VALUES (?, ?, ?)").run(command, JSON.stringify(args), new Date().toISOString())
      .lastInsertRowid,
  );
}

export function finishRun(db: Store, run: number, counts: RunCounts): void {
  prepared(db, "UPDATE runs SET finished_at = ?, seen = ?, new = ?, changed = ?, skipped = ?, failed = ? WHERE id = ?").run(
    new Date().toISOString(), counts.seen, counts.new, counts.changed, counts.skipped, counts.failed, run,
  );
}

/** A run that did more than its import (nightly): renamed, with its own arguments, finished now. */
export function renameRun(db: Store, run: number, command: string, args: unknown): void {
  prepared(db, "UPDATE runs SET command = ?, arguments = ?, finished_at = ? WHERE id = ?").run(command, JSON.stringify(args), new Date().toISOString(), run);
}
