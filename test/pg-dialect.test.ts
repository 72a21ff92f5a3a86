/**
 * The store's SQL, written for SQLite, answers the same on PostgreSQL
 * (src/store/postgres/dialect.ts and the functions of postgres/migrations.ts):
 * each statement runs on a SQLite store and a PostgreSQL store holding the same
 * rows, and both must give the same result.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../src/store/index.js";
import { pgTestDatabase } from "./pg-database.js";
import { tempDb } from "./store-fixtures.js";

let sqlite: Store;
let pg: Store;

const ROWS: [string, string | null, string | null, number | null][] = [
  ["b|x|2026", "2026-03-01", "Đảng ủy xã", 2026],
  ["a|x|2025", null, "UBND xã", 2025],
  ["C|y|", "2026-01-15", null, null],
  ["d|y|2026", "2026-03-01", "ủy ban", 2026],
];

beforeAll(async () => {
  sqlite = openStore(tempDb());
  pg = openStore(await pgTestDatabase());
  for (const db of [sqlite, pg]) {
    const insert = db.prepare("INSERT INTO documents (key, date, issuer, year, scope) VALUES (?, ?, ?, ?, '')");
    db.transaction(() => ROWS.forEach((r) => insert.run(...r)))();
  }
});
afterAll(() => {
  sqlite.close();
  pg.close();
});

const both = (sql: string, ...args: unknown[]) => {
  const run = (db: Store) => db.prepare(sql).all(...args);
  return [run(pg), run(sqlite)];
};

describe("SQLite statements on PostgreSQL", () => {
  it.each([
    ["NULLs first ascending, last descending", "SELECT key FROM documents ORDER BY date, key"],
    ["NULLs last descending", "SELECT key, date FROM documents ORDER BY date DESC, key DESC"],
    ["text in byte order (upper case before lower, ASCII before diacritics)", "SELECT key FROM documents ORDER BY key"],
    ["LIKE ignores ASCII case", "SELECT key FROM documents WHERE key LIKE 'c%' OR issuer LIKE 'ubnd%' ORDER BY key"],
    ["IS 'text' and IS NOT 'text'", "SELECT key FROM documents WHERE date IS '2026-03-01' OR issuer IS NOT 'UBND xã' ORDER BY key"],
    ["comparisons are 0/1, summed and minimised", "SELECT year = 2026 AS recent, SUM(date IS NULL) AS undated, MIN(year > 2025) AS all_recent FROM documents GROUP BY year = 2026 ORDER BY 1"],
    ["json_group_array over an ordered subquery, camelCase aliases", "SELECT (SELECT json_group_array(key) FROM (SELECT key FROM documents ORDER BY key)) AS allKeys, count(*) AS nDocuments FROM documents"],
    ["group_concat with DISTINCT and with a separator", "SELECT group_concat(DISTINCT date) IS NOT NULL AS some, (SELECT group_concat(key, ' | ') FROM (SELECT key FROM documents ORDER BY key)) AS keys FROM documents"],
    ["GLOB for a character class anywhere", "SELECT key FROM documents WHERE issuer GLOB '*[A-Z]*' ORDER BY key"],
    ["substr and instr", "SELECT substr(key, 1, instr(key, '|') - 1) AS head, substr(date, 1, 4) AS year FROM documents ORDER BY key"],
  ])("%s", (_what, sql) => {
    const [a, b] = both(sql);
    expect(a.length).toBeGreaterThan(0);
    expect(a).toEqual(b);
  });

  it("reads a negative LIMIT as no limit, as SQLite does", () => {
    const [a, b] = both("SELECT key FROM documents ORDER BY key LIMIT ? OFFSET ?", -1, 1);
    expect(a).toHaveLength(ROWS.length - 1);
    expect(a).toEqual(b);
  });

  it("binds positional and named parameters, numbers typed as SQLite keeps them", () => {
    const [a, b] = both("SELECT key, ? + 1 AS next, :half * 2 AS whole FROM documents WHERE year IS :year OR key = ? ORDER BY key", 41, "C|y|", { year: 2025, half: 1.25 });
    expect(a).toEqual(b);
    const [c, d] = both("SELECT key FROM documents WHERE year IS ? ORDER BY key", null);
    expect(c).toEqual([{ key: "C|y|" }]);
    expect(c).toEqual(d);
  });

  it("json_each lists of ids and of text", () => {
    const ids = (db: Store) => db.prepare("SELECT id FROM documents ORDER BY key").pluck().all() as number[];
    const [pgIds, sqliteIds] = [ids(pg), ids(sqlite)];
    const keysOf = (db: Store, list: number[]) =>
      db.prepare("SELECT d.key FROM json_each(?) j JOIN documents d ON d.id = j.value ORDER BY d.key").pluck().all(JSON.stringify(list.slice(1, 3)));
    expect(keysOf(pg, pgIds)).toEqual(keysOf(sqlite, sqliteIds));
    const [a, b] = both("SELECT key FROM documents WHERE issuer IN (SELECT value FROM json_each(?)) ORDER BY key", JSON.stringify(["ủy ban", "UBND xã"]));
    expect(a).toEqual([{ key: "a|x|2025" }, { key: "d|y|2026" }]);
    expect(a).toEqual(b);
  });

  it("INSERT OR IGNORE, INSERT OR REPLACE and lastInsertRowid", () => {
    for (const db of [pg, sqlite]) {
      const id = db.prepare("INSERT INTO documents (key, scope) VALUES ('e||', '')").run().lastInsertRowid;
      expect(db.prepare("SELECT key FROM documents WHERE id = ?").pluck().get(id)).toBe("e||");
      db.prepare("INSERT OR REPLACE INTO document_texts (document_id, text) VALUES (?, ?)").run(id, "một");
      db.prepare("INSERT OR REPLACE INTO document_texts (document_id, text) VALUES (?, ?)").run(id, "hai");
      expect(db.prepare("INSERT OR IGNORE INTO pending_rereads (document_id, since) VALUES (?, 'x')").run(id).changes).toBe(1);
      expect(db.prepare("INSERT OR IGNORE INTO pending_rereads (document_id, since) VALUES (?, 'y')").run(id).changes).toBe(0);
      expect(db.prepare("SELECT t.text, r.since FROM document_texts t JOIN pending_rereads r USING (document_id) WHERE document_id = ?").get(id)).toEqual({ text: "hai", since: "x" });
    }
  });

  it("rolls a failed transaction back, a nested one to its savepoint", () => {
    for (const db of [pg, sqlite]) {
      const count = () => db.prepare("SELECT count(*) FROM documents").pluck().get();
      const before = count();
      expect(() => db.transaction(() => {
        db.prepare("INSERT INTO documents (key, scope) VALUES ('f||', '')").run();
        throw new Error("stop");
      })()).toThrow("stop");
      expect(count()).toBe(before);
      db.transaction(() => {
        db.prepare("INSERT INTO documents (key, scope) VALUES ('g||', '')").run();
        expect(() => db.transaction(() => db.prepare("INSERT INTO documents (key, scope) VALUES ('g||', '')").run())()).toThrow();
      })();
      expect(count()).toBe(Number(before) + 1);
    }
  });
});
