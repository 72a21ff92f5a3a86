/**
 * One writer per store: an import holds `<db>.lock` (created exclusively, holding
 * its pid) for as long as it writes. A second import refuses at once with a
 * message naming the holder; a lock left by a process that no longer exists
 * (kill -9) is taken over. Readers never take the lock — WAL lets queries run
 * during an import.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
import { StoreError } from "./store-error.js";

export type ImportLock = { release: () => void };

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function acquireImportLock(db: string): ImportLock {
  const path = `${db}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let held = true;
      return {
        release: () => {
          if (!held) return;
          held = false;
          try {
            unlinkSync(path);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw new StoreError(`${path}: cannot create the import lock: ${(e as Error).message}`);
      const pid = Number(readFileSync(path, "utf8").trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
        throw new StoreError(`${db} is being written by another import (pid ${pid}); wait for it to finish and run again`);
      unlinkSync(path); // stale: its process is gone
    }
  }
  throw new StoreError(`${path}: could not take the import lock`);
}
