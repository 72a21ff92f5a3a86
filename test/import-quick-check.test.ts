/**
 * The re-import's quick check (pipelines/import/unchanged.ts) on real files and a
 * real store: a path whose size and modification time are the recorded ones is not
 * read; a touched file is read, found the same, and its new time recorded; other
 * content behind the same size and time — a deliberate reset of the clock — is
 * read by `--force` only, as the README says.
 */
import { mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPaths } from "../pipelines/import.js";
import { openStore } from "../src/store/index.js";

const plan = (day: string) =>
  `KẾ HOẠCH\n\nvề chuyển đổi số năm 2026\n\n1. Văn phòng Đảng ủy chủ trì, phối hợp với Công an xã rà soát dữ liệu, hoàn thành trước ngày ${day}/4/2026.\n`;

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "vanban-quick-"));
  mkdirSync(join(dir, "archive"));
  return { archive: join(dir, "archive"), path: join(dir, "archive", "plan.md"), db: join(dir, "store.db") };
}

function one<T>(db: string, sql: string): T {
  const s = openStore(db);
  try {
    return s.prepare(sql).get() as T;
  } finally {
    s.close();
  }
}

describe("re-import quick check", () => {
  it("takes other content behind the recorded size and time as unchanged; --force reads it", async () => {
    const w = setup();
    writeFileSync(w.path, plan("10"));
    await importPaths([w.archive], { db: w.db, jobs: 1 });
    const { mtime } = statSync(w.path);
    // Same length, another deadline, the clock put back: only a reader of the bytes can tell.
    writeFileSync(w.path, plan("20"));
    utimesSync(w.path, mtime, mtime);
    const quick = await importPaths([w.archive], { db: w.db, jobs: 1 });
    expect(quick).toMatchObject({ seen: 1, skipped: 1, changed: 0, documents: 0 });
    expect(one(w.db, "SELECT end FROM deadlines")).toEqual({ end: "2026-04-10" });
    const forced = await importPaths([w.archive], { db: w.db, jobs: 1, force: true });
    expect(forced).toMatchObject({ seen: 1, changed: 1, documents: 1 });
    expect(one(w.db, "SELECT end FROM deadlines")).toEqual({ end: "2026-04-20" });
  });

  it("reads a touched file, keeps its document and records the new time, so the next run passes it over", async () => {
    const w = setup();
    writeFileSync(w.path, plan("10"));
    await importPaths([w.archive], { db: w.db, jobs: 1 });
    const later = new Date("2026-05-01T08:00:00.123Z");
    utimesSync(w.path, later, later);
    const touched = await importPaths([w.archive], { db: w.db, jobs: 1 });
    expect(touched).toMatchObject({ seen: 1, skipped: 1, changed: 0, documents: 0 });
    expect(touched.byDocument).toMatchObject({ unchanged: 1 });
    expect(one(w.db, "SELECT mtime FROM files")).toEqual({ mtime: "2026-05-01T08:00:00.123Z" });
    // Changed content under the new time: the size matches, the time does not, so it is read.
    writeFileSync(w.path, plan("25"));
    const changed = await importPaths([w.archive], { db: w.db, jobs: 1 });
    expect(changed).toMatchObject({ seen: 1, changed: 1 });
    expect(one(w.db, "SELECT end FROM deadlines")).toEqual({ end: "2026-04-25" });
  });

  it("reads a stored file that failed again, whatever its time", async () => {
    const w = setup();
    writeFileSync(w.path, "%PDF-1.7\nnot really a PDF\n");
    const first = await importPaths([w.archive], { db: w.db, jobs: 1 });
    expect(first.failed).toBe(1);
    const again = await importPaths([w.archive], { db: w.db, jobs: 1 });
    expect(again).toMatchObject({ seen: 1, failed: 1, skipped: 0 });
  });
});
