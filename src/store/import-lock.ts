/**
 * One writer per store: an import (and a migration, see open-store.ts) holds
 * `<real path of the store>.lock` for as long as it writes. A second import refuses
 * at once with a message naming the holder. Readers never take the lock — WAL lets
 * queries run during an import.
 *
 * - Keyed by the store's real path: `--db link.db` and `--db store.db` for the same
 *   file meet at the same lock.
 * - The lock names its holder by pid *and* the process's start time (Linux
 *   /proc/<pid>/stat, in clock ticks since boot), so a pid reused by an unrelated
 *   process after a kill -9, or a zombie, does not hold the store forever.
 * - The lock is written complete under a temporary name and linked into place, so
 *   it never exists empty; an empty lock (an older vanban, between create and write)
 *   counts as held for a few seconds, then as stale.
 * - A stale lock is taken over by renaming it aside first and checking that what
 *   was renamed is the stale one: two processes taking over at once cannot both win.
 */
import { randomBytes } from "node:crypto";
import { existsSync, linkSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { isPostgresUrl } from "./postgres.js";
import { StoreError } from "./store-error.js";

export type ImportLock = { release: () => void };

/** An empty lock file younger than this is being written by its holder. */
const EMPTY_LOCK_GRACE_MS = 5_000;

type Holder = { pid: number; started: string | null };

/** The lock file for a store: beside the store's real path. */
export function lockPath(db: string): string {
  return `${realStorePath(db)}.lock`;
}

function realStorePath(db: string): string {
  if (existsSync(db)) return realpathSync(db);
  const dir = dirname(resolve(db));
  return existsSync(dir) ? join(realpathSync(dir), basename(db)) : resolve(db);
}

/** Takes the store's import lock; with `waitMs`, waits that long for a live holder to finish before refusing. */
export function acquireImportLock(db: string, options: { waitMs?: number } = {}): ImportLock {
  // PostgreSQL: many importers at once by design; their writes serialise on an advisory lock (postgres/connection.ts).
  if (isPostgresUrl(db)) return { release: () => {} };
  const path = lockPath(db);
  const deadline = Date.now() + (options.waitMs ?? 0);
  const me: Holder = { pid: process.pid, started: startTime(process.pid) };
  const content = JSON.stringify(me);
  for (;;) {
    if (tryCreate(path, content)) return release(path, content);
    const seen = readLock(path);
    if (seen === null) continue; // released meanwhile: try again
    const holder = liveHolder(seen, path);
    if (!holder) {
      takeOver(path, seen);
      continue;
    }
    if (Date.now() >= deadline)
      throw new StoreError("store.locked", { db, holder: holder.pid ? { key: "store.lockHolder", params: { pid: holder.pid } } : { key: "store.lockStarting" } });
    sleep(100);
  }
}

function tryCreate(path: string, content: string): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}`;
  try {
    writeFileSync(temp, content, { flag: "wx" });
  } catch (e) {
    throw new StoreError("store.lockCreate", { path, reason: (e as Error).message.split("\n")[0] });
  }
  try {
    linkSync(temp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new StoreError("store.lockCreate", { path, reason: (e as Error).message.split("\n")[0] });
  } finally {
    unlinkSync(temp);
  }
}

function release(path: string, content: string): ImportLock {
  let held = true;
  return {
    release: () => {
      if (!held) return;
      held = false;
      // Only our own lock: never one a later import wrote after taking ours over.
      if (readLock(path) === content) unlinkQuietly(path);
    },
  };
}

/** The lock's text, or null when there is no lock. */
function readLock(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw new StoreError("store.lockRead", { path, reason: (e as Error).message.split("\n")[0] });
  }
}

/** The holder a lock's text names, if it still holds the store. */
function liveHolder(text: string, path: string): Holder | null {
  if (!text.trim()) {
    let age = Infinity;
    try {
      age = Date.now() - statSync(path).mtimeMs;
    } catch {
      // gone meanwhile: stale
    }
    return age < EMPTY_LOCK_GRACE_MS ? { pid: 0, started: null } : null;
  }
  const holder = parseHolder(text);
  if (!holder || holder.pid === process.pid) return null;
  const state = processState(holder.pid);
  if (state === "gone" || state === "zombie") return null;
  if (state === "running") {
    // A recorded start time that differs: the pid now belongs to another process. An
    // older vanban's lock has no start time: its pid must at least run vanban.
    if (holder.started !== null ? startTime(holder.pid) !== holder.started : !commandLine(holder.pid).includes("vanban")) return null;
  }
  return holder;
}

function parseHolder(text: string): Holder | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { pid: Number(t), started: null }; // written by an older vanban: pid only
  try {
    const v = JSON.parse(t) as Partial<Holder>;
    return Number.isInteger(v.pid) && (v.pid as number) > 0 ? { pid: v.pid as number, started: typeof v.started === "string" ? v.started : null } : null;
  } catch {
    return null;
  }
}

function takeOver(path: string, stale: string): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(path, aside);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return; // someone else took it over
    throw new StoreError("store.lockReplace", { path, reason: (e as Error).message.split("\n")[0] });
  }
  const moved = readLock(aside);
  if (moved !== stale && moved !== null) {
    // Renamed a fresh lock another import had just taken: put it back.
    try {
      linkSync(aside, path);
    } catch {
      // a third import got in first; it holds the store now
    }
  }
  unlinkQuietly(aside);
}

type ProcessState = "running" | "zombie" | "gone" | "unknown";

function processState(pid: number): ProcessState {
  const stat = procStat(pid);
  if (stat) return stat.state === "Z" || stat.state === "X" ? "zombie" : "running";
  try {
    process.kill(pid, 0);
    return "unknown";
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM" ? "unknown" : "gone";
  }
}

/** The process's start time (clock ticks after boot, Linux), or null where /proc is missing. */
function startTime(pid: number): string | null {
  return procStat(pid)?.started ?? null;
}

function procStat(pid: number): { state: string; started: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // pid (comm) state ppid … — comm may hold spaces and parentheses: split after the last ')'.
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0], started: fields[19] };
  } catch {
    return null;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8");
  } catch {
    return "";
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
