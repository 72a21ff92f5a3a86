/**
 * The runs table: one row per import or nightly run (counts, start and end).
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

/** A run that did more than its import (nightly): renamed, with its own arguments, finished now. */
export function renameRun(db: Store, run: number, command: RunCommand, args: unknown): void {
  prepared(db, "UPDATE runs SET command = ?, arguments = ?, finished_at = ? WHERE id = ?").run(command, JSON.stringify(args), new Date().toISOString(), run);
}
