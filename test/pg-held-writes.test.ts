/**
 * Writes inside a transaction on PostgreSQL are held and sent with the next statement
 * that needs an answer, with their values written in as literals, and the ids of
 * content rows are taken ahead from the sequence (src/store/postgres/connection.ts).
 * None of that may show: every case runs on a SQLite store and a PostgreSQL store
 * and both must answer the same — values read back, ids, row counts, a failing
 * write rolling its transaction back, a failing savepoint keeping the outer writes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openStore, type Store } from "../src/store/index.js";
import { pgTestDatabase } from "./pg-database.js";
import { tempDb } from "./store-fixtures.js";

let sqlite: Store;
let pg: Store;
const both = () => [["sqlite", sqlite], ["postgres", pg]] as const;

beforeAll(async () => {
  sqlite = openStore(tempDb());
  pg = openStore(await pgTestDatabase());
});
afterAll(() => {
  sqlite.close();
  pg.close();
});

const count = (db: Store, table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;

/** Text a literal must carry unchanged: quotes, backslashes (an E'' string), a `$1` and a `?` that are not parameters, Vietnamese. */
const AWKWARD = ["it's", "C:\\lưu trữ\\n", "\\'; DROP TABLE tasks; --", "$1 và ? không phải tham số", "Ủy ban nhân dân xã Hòa Bình", ""];

describe("held writes answer as SQLite does", () => {
  it("stores awkward text, numbers and nulls unchanged, and gives each content row its id", () => {
    const answers = both().map(([, db]) =>
      db.transaction(() => {
        const doc = Number(db.prepare("INSERT INTO documents (key, scope, year) VALUES (?, '', ?)").run("held|1", 2026).lastInsertRowid);
        const insert = db.prepare("INSERT INTO tasks (document_id, position, text, origin, page, span_start) VALUES (?, ?, ?, 'plan', ?, ?)");
        const ids = AWKWARD.map((text, i) => Number(insert.run(doc, i, text, i === 0 ? null : i, -i).lastInsertRowid));
        const metric = db.prepare("INSERT INTO metrics (document_id, task_id, position, text, subject_key, value, unit) VALUES (?, ?, 0, 'x', 'k', ?, '%')");
        metric.run(doc, ids[1], 12.5);
        // Read back through the ids the inserts reported: each must be its own row.
        const rows = ids.map((id) => db.prepare("SELECT text, page, span_start FROM tasks WHERE id = ?").get(id));
        const value = db.prepare("SELECT m.value FROM metrics m JOIN tasks t ON t.id = m.task_id WHERE t.text = ?").pluck().get(AWKWARD[1]);
        return { increasing: ids.every((id, i) => i === 0 || id > ids[i - 1]!), rows, value };
      })(),
    );
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[1]!.increasing).toBe(true);
    expect(answers[1]!.rows.map((r) => (r as { text: string }).text)).toEqual(AWKWARD);
    expect(answers[1]!.value).toBe(12.5);
  });

  it("counts the rows a held UPDATE changed when asked", () => {
    for (const [, db] of both()) {
      const changed = db.transaction(() => db.prepare("UPDATE tasks SET status_text = ? WHERE position >= ?").run("đã xong", 3).changes)();
      expect(changed).toBe(AWKWARD.length - 3);
    }
  });

  it("rolls the whole transaction back when a held write fails, and keeps what was stored before", () => {
    for (const [name, db] of both()) {
      const tasks = count(db, "tasks");
      const documents = count(db, "documents");
      const write = db.transaction(() => {
        const doc = Number(db.prepare("INSERT INTO documents (key, scope) VALUES (?, '')").run(`held|2|${name}`).lastInsertRowid);
        db.prepare("INSERT INTO tasks (document_id, position, text, origin) VALUES (?, 0, 'a', 'plan')").run(doc);
        // The same (document, position) again: a UNIQUE violation, on PostgreSQL only when the held writes are sent.
        db.prepare("INSERT INTO tasks (document_id, position, text, origin) VALUES (?, 0, 'b', 'plan')").run(doc);
        return db.prepare("SELECT COUNT(*) FROM tasks WHERE document_id = ?").pluck().get(doc);
      });
      expect(write, name).toThrow(/unique/i);
      expect(count(db, "tasks"), name).toBe(tasks);
      expect(count(db, "documents"), name).toBe(documents);
      // The connection is usable again: a later transaction commits.
      db.transaction(() => db.prepare("INSERT INTO documents (key, scope) VALUES (?, '')").run(`held|3|${name}`))();
      expect(count(db, "documents"), name).toBe(documents + 1);
    }
  });

  it("undoes a failed nested transaction only, the outer one's writes kept", () => {
    const answers = both().map(([name, db]) =>
      db.transaction(() => {
        db.prepare("INSERT INTO documents (key, scope) VALUES (?, '')").run(`held|4|${name}`);
        const inner = db.transaction(() => {
          db.prepare("INSERT INTO documents (key, scope) VALUES (?, '')").run(`held|5|${name}`);
          throw new Error("inner");
        });
        expect(inner).toThrow("inner");
        return db.prepare("SELECT key FROM documents WHERE key LIKE ? ORDER BY key").pluck().all(`held|_|${name}`);
      })(),
    );
    expect(answers[0]).toEqual(["held|3|sqlite", "held|4|sqlite"]);
    expect(answers[1]).toEqual(["held|3|postgres", "held|4|postgres"]);
  });
});
