/**
 * Group commit: an import writes many documents per transaction.
 *
 * One transaction per document made COMMIT (WAL frames for every index and FTS
 * page the document touched, again and again) the import's largest cost. Here
 * a group stays open across documents; each write function (ingestExtraction,
 * recordFailure, …) runs `db.transaction`, which better-sqlite3 turns into a
 * SAVEPOINT inside an open transaction — so one bad document still rolls back
 * alone, and a kill -9 loses at most the open group, never part of a document.
 *
 * The group commits when it holds `documents` documents or `bytes` of text,
 * or has been open `ms` (a timer, so an import waiting on a slow file does not
 * keep finished ones uncommitted). JavaScript runs one thing at a time and every
 * write is synchronous, so the timer never commits in the middle of a document.
 * The size limit also bounds the WAL on a nearly full disk: the groups before
 * the one that fails stay committed.
 */
import type { Store } from "../open-store.js";

export type GroupLimits = { documents: number; bytes: number; ms: number };

/** Measured on the 10k archive: past ~100 documents a group gains little, and the WAL stays small. */
export const GROUP_LIMITS: GroupLimits = { documents: 128, bytes: 512 * 1024, ms: 500 };

export class GroupCommit {
  private documents = 0;
  private bytes = 0;
  private timer: NodeJS.Timeout | null = null;
  /** A commit the timer tried that failed: thrown at the next write or commit. */
  private failure: unknown = null;

  constructor(
    private readonly db: Store,
    private readonly limits: GroupLimits = GROUP_LIMITS,
  ) {}

  /**
   * Runs one document's writes inside the open group (opening one first). When
   * `write` fails and SQLite rolled the whole transaction back (a full disk, an
   * I/O error), the group is gone: the error goes on to the caller, which stops.
   */
  write<T>(write: () => T, bytes = 0): T {
    this.rethrow();
    this.begin();
    let result: T;
    try {
      result = write();
    } catch (e) {
      if (!this.db.inTransaction) this.forget();
      throw e;
    }
    this.documents++;
    this.bytes += bytes;
    if (this.documents >= this.limits.documents || this.bytes >= this.limits.bytes) this.commit();
    return result;
  }

  /** Commits the open group, if any (before the end of a run, a prune, a re-read pass). */
  commit(): void {
    this.rethrow();
    this.stopTimer();
    if (this.db.inTransaction) this.db.exec("COMMIT");
    this.documents = 0;
    this.bytes = 0;
  }

  /** Ends the group after a failure: rolls back what was not committed, if SQLite has not already. */
  abandon(): void {
    this.failure = null;
    this.stopTimer();
    if (this.db.inTransaction) this.db.exec("ROLLBACK");
    this.forget();
  }

  private begin(): void {
    if (this.db.inTransaction) return;
    this.db.exec("BEGIN");
    this.timer = setTimeout(() => {
      try {
        this.commit();
      } catch (e) {
        this.failure = e;
      }
    }, this.limits.ms);
    this.timer.unref();
  }

  private rethrow(): void {
    const e = this.failure;
    this.failure = null;
    if (e) throw e;
  }

  private forget(): void {
    this.stopTimer();
    this.documents = 0;
    this.bytes = 0;
  }

  private stopTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
