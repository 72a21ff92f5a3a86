import { existsSync } from "node:fs";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { MIGRATIONS, openStore, SCHEMA_VERSION, searchStore, StoreError } from "../src/store/index.js";
import { tempDb } from "./store-fixtures.js";

describe("store migrations", () => {
  it("creates the current schema in an empty file, with WAL and foreign keys", () => {
    const file = tempDb();
    const db = openStore(file);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("foreign_keys", { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view')").pluck().all();
    for (const t of ["files", "documents", "citations", "tasks", "task_agencies", "agencies", "agency_aliases", "deadlines", "metrics", "runs", "task_links", "document_search", "task_search", "task_latest_status"])
      expect(tables).toContain(t);
    db.close();
    expect(existsSync(`${file}.bak-v0`)).toBe(false);
  });

  it("migrates a version-1 file forward, keeping its rows, backfilling search, after a backup", () => {
    const file = tempDb();
    const v1 = new Database(file);
    v1.transaction(() => {
      MIGRATIONS[0].up(v1);
      v1.pragma("user_version = 1");
    })();
    v1.prepare("INSERT INTO documents (key, code, code_key, scope, year, title) VALUES (?, ?, ?, ?, ?, ?)").run(
      "41-KH/ĐU|commune:phu thinh|2026", "41-KH/ĐU", "41-KH/ĐU", "commune:phu thinh", 2026, "Kế hoạch chuyển đổi số của Đảng ủy xã",
    );
    v1.close();

    const db = openStore(file);
    expect(db.pragma("user_version", { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT code FROM documents").pluck().all()).toEqual(["41-KH/ĐU"]);
    expect(searchStore(db, "dang uy").hits.map((h) => h.document.code)).toEqual(["41-KH/ĐU"]);
    db.close();

    expect(existsSync(`${file}.bak-v1`)).toBe(true);
    const backup = new Database(`${file}.bak-v1`, { readonly: true });
    expect(backup.pragma("user_version", { simple: true })).toBe(1);
    expect(backup.prepare("SELECT count(*) FROM documents").pluck().get()).toBe(1);
    backup.close();
  });

  it("does nothing to a current store and refuses newer or foreign files", () => {
    const file = tempDb();
    openStore(file).close();
    openStore(file).close();
    expect(existsSync(`${file}.bak-v${SCHEMA_VERSION}`)).toBe(false);

    const newer = tempDb();
    const n = new Database(newer);
    n.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    n.close();
    expect(() => openStore(newer)).toThrow(new RegExp(`(phiên bản|version) ${SCHEMA_VERSION + 1}`));

    const foreign = tempDb();
    const f = new Database(foreign);
    f.exec("CREATE TABLE something (x)");
    f.close();
    expect(() => openStore(foreign)).toThrow(StoreError);
    expect(() => openStore(tempDb(), { mustExist: true })).toThrow(/không có kho tại|no store at/);
  });
});
