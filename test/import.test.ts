/**
 * The batch import pipeline on real files and a real SQLite file: idempotent
 * re-import, a changed file replacing its rows, the same content under two paths,
 * pruning removed files, files that are not documents, and progress reports.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importPaths, type ImportProgress } from "../pipelines/import.js";
import { openStore } from "../src/store/index.js";

const fixture = (name: string) => new URL(`../fixtures/${name}`, import.meta.url).pathname;

function workspace() {
  const dir = mkdtempSync(join(tmpdir(), "vanban-import-"));
  mkdirSync(join(dir, "archive"));
  return { dir, archive: join(dir, "archive"), db: join(dir, "store.db") };
}

function query<T>(db: string, sql: string, ...args: unknown[]): T[] {
  const s = openStore(db);
  try {
    return s.prepare(sql).all(...args) as T[];
  } finally {
    s.close();
  }
}

describe("importPaths", () => {
  it("skips unchanged files on the second run without parsing them", async () => {
    const w = workspace();
    copyFileSync(fixture("000_9cf0e1b2418f68ec.txt"), join(w.archive, "ket-luan.txt"));
    copyFileSync(fixture("002_6446a6058fd84167.docx"), join(w.archive, "ke-hoach.docx"));
    const first = await importPaths([w.archive], { db: w.db, jobs: 1 });
    expect(first).toMatchObject({ seen: 2, new: 2, skipped: 0, failed: 0, documents: 2 });
    expect(first.ingested.map((i) => i.status)).toEqual(["new", "new"]);
    const progress: ImportProgress[] = [];
    const second = await importPaths([w.archive], { db: w.db, jobs: 1, onProgress: (p) => progress.push(p) });
    expect(second).toMatchObject({ seen: 2, new: 0, changed: 0, skipped: 2, failed: 0, documents: 0, pages: 0 });
    expect(progress.at(-1)).toMatchObject({ done: 2, queued: 2, walking: false });
    expect(query(w.db, "SELECT count(*) AS n FROM runs")).toEqual([{ n: 2 }]);
  });

  it("replaces a changed file's rows in place", async () => {
    const w = workspace();
    const path = join(w.archive, "plan.md");
    writeFileSync(path, "KẾ HOẠCH\n\nvề chuyển đổi số năm 2026\n\n1. Văn phòng Đảng ủy chủ trì, phối hợp với Công an xã rà soát dữ liệu, hoàn thành trước ngày 30/4/2026.\n");
    await importPaths([w.archive], { db: w.db, jobs: 1 });
    expect(query(w.db, "SELECT end FROM deadlines")).toEqual([{ end: "2026-04-30" }]);
    writeFileSync(path, "KẾ HOẠCH\n\nvề chuyển đổi số năm 2026\n\n1. Văn phòng Đảng ủy chủ trì, phối hợp với Công an xã rà soát dữ liệu, hoàn thành trước ngày 15/5/2026.\n");
    const again = await importPaths([w.archive], { db: w.db, jobs: 1 });
    expect(again).toMatchObject({ seen: 1, changed: 1, new: 0 });
    expect(query(w.db, "SELECT end FROM deadlines")).toEqual([{ end: "2026-05-15" }]);
    expect(query(w.db, "SELECT count(*) AS n FROM documents WHERE is_placeholder = 0")).toEqual([{ n: 1 }]);
  });

  it("stores the same content under two paths once, with both paths", async () => {
    const w = workspace();
    mkdirSync(join(w.archive, "copy"));
    copyFileSync(fixture("001_3086ccc4e4aed2ea.txt"), join(w.archive, "a.txt"));
    copyFileSync(fixture("001_3086ccc4e4aed2ea.txt"), join(w.archive, "copy", "b.txt"));
    const s = await importPaths([w.archive], { db: w.db, jobs: 2 });
    expect(s).toMatchObject({ seen: 2, new: 1, skipped: 1 });
    const rows = query<{ path: string; document_id: number }>(w.db, "SELECT path, document_id FROM files ORDER BY path");
    expect(rows.map((r) => r.path.split("/").slice(-2).join("/"))).toEqual(["archive/a.txt", "copy/b.txt"]);
    expect(new Set(rows.map((r) => r.document_id)).size).toBe(1);
    expect(query(w.db, "SELECT count(*) AS n FROM tasks")).toEqual(query(w.db, "SELECT count(*) AS n FROM tasks WHERE document_id = ?", rows[0].document_id));
  });

  it("prunes stored files that were removed, and only with --prune", async () => {
    const w = workspace();
    copyFileSync(fixture("000_9cf0e1b2418f68ec.txt"), join(w.archive, "a.txt"));
    copyFileSync(fixture("003_dd124789fcb3a41d.txt"), join(w.archive, "b.txt"));
    await importPaths([w.archive], { db: w.db, jobs: 1 });
    rmSync(join(w.archive, "b.txt"));
    expect((await importPaths([w.archive], { db: w.db, jobs: 1 })).pruned).toBe(0);
    expect(query(w.db, "SELECT count(*) AS n FROM files")).toEqual([{ n: 2 }]);
    expect((await importPaths([w.archive], { db: w.db, jobs: 1, prune: true })).pruned).toBe(1);
    expect(query(w.db, "SELECT count(*) AS n FROM files")).toEqual([{ n: 1 }]);
    // The report is gone; nothing cites it, so it leaves no placeholder.
    expect(query(w.db, "SELECT count(*) AS n FROM documents WHERE kind = 'bao-cao'")).toEqual([{ n: 0 }]);
  });

  it("skips files that are not administrative documents, with the reason", async () => {
    const w = workspace();
    writeFileSync(join(w.archive, "notes.md"), "Danh sách việc cần làm tuần này: gọi điện, mua giấy in.\n");
    writeFileSync(join(w.archive, "README.md"), "# Thư mục lưu trữ\n");
    copyFileSync(fixture("000_9cf0e1b2418f68ec.txt"), join(w.archive, "ket-luan.txt"));
    const s = await importPaths([w.archive], { db: w.db, jobs: 1 });
    expect(s).toMatchObject({ seen: 3, new: 1, skipped: 2, failed: 0 });
    expect(s.skippedFiles.map((k) => [k.file.split("/").pop(), k.reason])).toEqual([
      ["README.md", "project notes, not a document"],
      ["notes.md", "not an administrative document (no title word, number, citation or task)"],
    ]);
  });
});
