/**
 * Issue 12, items 7–9 (and issue 16 item 6): what is behind --db. Files that are not
 * stores, damaged stores, old stores (doctor never writes; migrations under the
 * import lock, backup renamed when complete), and the import lock (real path, pid +
 * start time, zombies, empty lock files). The built CLI spawned on real files.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acquireImportLock, SCHEMA_VERSION } from "../../src/store/index.js";
import { buildOnce, CLI, ROOT, vanban } from "./cli.js";

const FIXTURE = join(ROOT, "fixtures", "000_9cf0e1b2418f68ec.txt");
const OTHER = join(ROOT, "fixtures", "001_3086ccc4e4aed2ea.txt");
const tempDir = () => mkdtempSync(join(tmpdir(), "vanban-storefile-"));
const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");
const version = (db: string) => {
  const s = new Database(db, { readonly: true });
  try {
    return s.pragma("user_version", { simple: true }) as number;
  } finally {
    s.close();
  }
};

let good: string;
beforeAll(() => {
  buildOnce();
  good = join(tempDir(), "good.db");
  expect(vanban(["import", FIXTURE, "--db", good]).status).toBe(0);
}, 180_000);

/** One line on stderr, naming the file, no stack trace. */
function expectOneLine(r: { stderr: string }, file: string): void {
  const lines = r.stderr.trim().split("\n");
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(r.stderr).not.toMatch(/^\s+at /m);
}

describe("a --db that is not a usable store", () => {
  const dir = tempDir();
  const cases: Record<string, { make: (path: string) => void; says: RegExp }> = {
    "junk.db": { make: (p) => writeFileSync(p, "hello, this is not a database\n"), says: /không phải cơ sở dữ liệu SQLite/ },
    "folder.db": { make: (p) => mkdirSync(p), says: /là một thư mục/ },
    "empty.db": { make: (p) => writeFileSync(p, ""), says: /tệp rỗng \(0 byte\)/ },
    "truncated.db": { make: (p) => writeFileSync(p, readFileSync(good).subarray(0, 8192)), says: /bị hỏng/ },
    "short.db": { make: (p) => writeFileSync(p, readFileSync(good).subarray(0, 60)), says: /bị hỏng: tệp chỉ có 60 byte/ },
    "other.db": {
      make: (p) => {
        const s = new Database(p);
        s.exec("CREATE TABLE contacts (name TEXT)");
        s.close();
      },
      says: /tệp SQLite nhưng không phải kho vanban/,
    },
    "missing.db": { make: () => {}, says: /không có kho tại/ },
  };
  const commands: { args: (db: string) => string[]; exit: (name: string) => number }[] = [
    { args: (db) => ["doctor", "--db", db], exit: (n) => (/truncated|short/.test(n) ? 1 : 3) },
    { args: (db) => ["query", "tasks", "--db", db], exit: () => 1 },
    { args: (db) => ["show", "1", "--db", db], exit: () => 1 },
    { args: (db) => ["search", "kế hoạch", "--db", db], exit: () => 1 },
    { args: (db) => ["serve", "--port", "0", "--db", db], exit: () => 1 },
    { args: (db) => ["nightly", FIXTURE, "--today", "2026-04-20", "--out", join(dir, "out"), "--db", db], exit: () => 3 },
  ];

  for (const [name, c] of Object.entries(cases))
    it(`${name}: every command says so in one line with its exit code; only import may create a store`, () => {
      const db = join(dir, name);
      c.make(db);
      const before = existsSync(db) && statSync(db).isFile() ? sha256(db) : null;
      for (const cmd of commands) {
        const r = vanban(cmd.args(db), { timeout: 20_000 });
        expect(r.status, `${cmd.args(db).join(" ")}: ${r.stderr}`).toBe(cmd.exit(name));
        expectOneLine(r, db);
        expect(r.stderr).toMatch(c.says);
      }
      // Nothing was created or changed by the commands that only read.
      if (name === "missing.db") expect(existsSync(db)).toBe(false);
      else if (before) expect(sha256(db)).toBe(before);
      expect(existsSync(`${db}.lock`)).toBe(false);
      const imp = vanban(["import", FIXTURE, "--db", db]);
      if (name === "missing.db" || name === "empty.db") {
        expect(imp.status).toBe(0); // import creates the store (an empty file is no store yet)
      } else {
        expect(imp.status).toBe(1);
        expectOneLine(imp, db);
        expect(imp.stderr).toMatch(c.says);
        if (before) expect(sha256(db)).toBe(before);
      }
    }, 120_000);

  it("import refuses a store that fails quick_check and leaves it as it was", () => {
    const db = join(dir, "damaged.db");
    copyFileSync(good, db);
    // Overwrite one page in the middle of the b-trees (the header and schema page stay good).
    const bytes = readFileSync(db);
    bytes.fill(0xff, 4096 * 3, 4096 * 4);
    writeFileSync(db, bytes);
    const before = sha256(db);
    const r = vanban(["import", OTHER, "--db", db]);
    expect(r.status).toBe(1);
    expectOneLine(r, db);
    expect(r.stderr).toMatch(/bị hỏng \(quick_check: /);
    expect(sha256(db)).toBe(before);
    const doctor = vanban(["doctor", "--db", db]);
    expect(doctor.status).toBe(1);
    expect(sha256(db)).toBe(before);
  }, 60_000);
});

/** A version-4 store with rows: the current schema with version 5's additions taken out. */
function version4Store(): string {
  const db = join(tempDir(), "old.db");
  copyFileSync(good, db);
  const s = new Database(db);
  // What versions 5, 6, 7, 8 and 10 added, undone (9 only rewrote keys) (a version-4 store had none of it).
  s.exec(`DROP TABLE pending_rereads; ALTER TABLE runs DROP COLUMN reported_at; DROP TABLE same_task_links;
          DROP TABLE passage_search; DROP TABLE passages; ALTER TABLE metrics DROP COLUMN compares;
          DROP INDEX task_agencies_page; CREATE INDEX task_agencies_agency ON task_agencies (agency_id);
          ALTER TABLE task_agencies DROP COLUMN doc_date; ALTER TABLE task_agencies DROP COLUMN doc_key; ALTER TABLE task_agencies DROP COLUMN task_position;`);
  // Version 7: the kept reach and status tables (their triggers too) back to version 2's view, the indexes back to version 1's.
  const v7Triggers = s.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND (sql LIKE '%citation_reach%' OR sql LIKE '%reach_dirty%' OR sql LIKE '%task_status_dirty%' OR sql LIKE '%task_latest_status%')").pluck().all() as string[];
  for (const name of v7Triggers) s.exec(`DROP TRIGGER "${name}"`);
  s.exec(`DROP TABLE citation_reach; DROP TABLE reach_dirty; DROP TABLE task_latest_status; DROP TABLE task_status_dirty;
          DROP INDEX tasks_same_key; ALTER TABLE tasks DROP COLUMN same_task_key;
          DROP INDEX citations_source; CREATE INDEX citations_source ON citations (source_document_id);
          CREATE INDEX tasks_due ON tasks (due_end); CREATE INDEX tasks_status ON tasks (status);
          CREATE VIEW task_latest_status AS SELECT plan_task_id, report_task_id, report_document_id, report_date, status, status_text, score
          FROM (SELECT l.plan_task_id, l.report_task_id, r.document_id AS report_document_id, rd.date AS report_date, r.status, r.status_text, l.score,
                       ROW_NUMBER() OVER (PARTITION BY l.plan_task_id ORDER BY rd.date DESC NULLS LAST, rd.key DESC) AS newest
                FROM task_links l JOIN tasks r ON r.id = l.report_task_id JOIN documents rd ON rd.id = r.document_id)
          WHERE newest = 1;
          PRAGMA user_version = 4;`);
  s.close();
  return db;
}

describe("an older store", () => {
  it("doctor reports that it needs migration and writes nothing", () => {
    const db = version4Store();
    const before = sha256(db);
    const r = vanban(["doctor", "--db", db, "--json"]);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ schemaVersion: 4, needsMigration: true });
    expect(report.problems.join("\n")).toContain(`cần nâng cấp lên phiên bản ${SCHEMA_VERSION}`);
    expect(sha256(db)).toBe(before);
    expect(version(db)).toBe(4);
    expect(readdirSync(join(db, "..")).filter((f) => f.includes(".bak"))).toEqual([]);
  });

  it("two processes starting on it together: one migrates under the lock, both answer, one whole backup", async () => {
    for (let round = 0; round < 3; round++) {
      const db = version4Store();
      const run = (args: string[]) =>
        new Promise<{ code: number | null; stderr: string }>((resolve) => {
          const child = spawn(process.execPath, [CLI, ...args], { stdio: ["ignore", "ignore", "pipe"] });
          let stderr = "";
          child.stderr.on("data", (d) => (stderr += d));
          child.on("exit", (code) => resolve({ code, stderr }));
        });
      const results = await Promise.all([run(["query", "tasks", "--db", db, "--json"]), run(["search", "kế hoạch", "--db", db, "--json"])]);
      for (const r of results) {
        expect(r.stderr).toBe("");
        expect(r.code).toBe(0);
      }
      expect(version(db)).toBe(SCHEMA_VERSION);
      const around = readdirSync(join(db, ".."));
      expect(around.filter((f) => f.startsWith("old.db.bak"))).toEqual(["old.db.bak-v4"]);
      expect(around.filter((f) => f.includes(".tmp") || f.endsWith(".lock"))).toEqual([]);
      expect(version(`${db}.bak-v4`)).toBe(4);
    }
  }, 120_000);
});

describe("the import lock", () => {
  const children: { kill: () => void }[] = [];
  afterAll(() => children.forEach((c) => c.kill()));

  function storeIn(dir: string): string {
    const db = join(dir, "store.db");
    copyFileSync(good, db);
    return db;
  }

  it("is keyed by the store's real path: a symlinked --db meets the same lock", () => {
    const dir = tempDir();
    const db = storeIn(dir);
    symlinkSync(db, join(dir, "link.db"));
    const lock = acquireImportLock(db);
    try {
      const r = vanban(["import", OTHER, "--db", join(dir, "link.db")]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/(đang được một lần nhập khác ghi|is being written by another import) \(pid \d+\)/);
    } finally {
      lock.release();
    }
    expect(vanban(["import", OTHER, "--db", join(dir, "link.db")]).status).toBe(0);
  });

  it("a live pid that is not a vanban import, or that started after the lock was written, does not hold it", () => {
    const sleeper = spawn("sleep", ["60"], { stdio: "ignore" });
    children.push(sleeper);
    for (const content of [String(sleeper.pid), JSON.stringify({ pid: sleeper.pid, started: "1" })]) {
      const dir = tempDir();
      const db = storeIn(dir);
      writeFileSync(`${db}.lock`, content);
      const r = vanban(["import", OTHER, "--db", db]);
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(`${db}.lock`)).toBe(false);
    }
  });

  it("a zombie does not hold it", async () => {
    // The parent never waits for its child (SIGCHLD at its default, so nothing reaps it):
    // the child stays a zombie while the parent sleeps. Its pid is printed once it is one.
    const script = [
      "import os, signal, time",
      "signal.signal(signal.SIGCHLD, signal.SIG_DFL)",
      "pid = os.fork()",
      "if pid == 0: os._exit(0)",
      "while open(f'/proc/{pid}/stat').read().rsplit(')', 1)[1].split()[0] != 'Z': time.sleep(0.01)",
      "print(pid, flush=True)",
      "time.sleep(120)",
    ].join("\n");
    const parent = spawn("python3", ["-c", script], { stdio: ["ignore", "pipe", "ignore"] });
    children.push(parent);
    const zombie = await new Promise<number>((resolve) => parent.stdout.once("data", (d) => resolve(Number(String(d).trim()))));
    const stat = readFileSync(`/proc/${zombie}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    expect(fields[0]).toBe("Z");
    const dir = tempDir();
    const db = storeIn(dir);
    writeFileSync(`${db}.lock`, JSON.stringify({ pid: zombie, started: fields[19] }));
    const r = vanban(["import", OTHER, "--db", db]);
    expect(r.status, r.stderr).toBe(0);
  });

  it("an empty lock file is held for a few seconds (its import is starting), then stale", () => {
    const dir = tempDir();
    const db = storeIn(dir);
    writeFileSync(`${db}.lock`, "");
    const young = vanban(["import", OTHER, "--db", db]);
    expect(young.status).toBe(1);
    expect(young.stderr).toMatch(/đang được một lần nhập khác ghi|is being written by another import/);
    const old = (Date.now() - 60_000) / 1000;
    utimesSync(`${db}.lock`, old, old);
    expect(vanban(["import", OTHER, "--db", db]).status).toBe(0);
  });
});
