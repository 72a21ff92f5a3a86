/**
 * The PostgreSQL store against the SQLite one, through the built CLI (issue 18's
 * "done when"): importing fixtures/ gives the same canonical dump, the same doctor
 * counts and the same `query citing 57-NQ/TW --transitive` answer; writers in
 * several processes at once end where one writer ends; the commands that need a
 * store file say so.
 */
import { spawn } from "node:child_process";
import { cpSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";

// Whole imports (and PostgreSQL databases) per test: minutes on a loaded 2-core machine.
vi.setConfig({ testTimeout: 600_000, hookTimeout: 900_000 });
import { canonicalDump, openStore } from "../src/store/index.js";
import { buildCliAndWorld, spawnCli } from "./cli-world.js";
import { pgTestDatabase } from "./pg-database.js";
import { tempDb, tempDir } from "./store-fixtures.js";

/** Row ids depend on arrival order (worker threads finish in any order): answers are compared without them. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).filter(([k]) => !/^id$|Id$/.test(k)).map(([k, v]) => [k, withoutIds(v)]));
  return value;
}

const dumpOf = (db: string) => {
  const store = openStore(db, { mustExist: true });
  try {
    return canonicalDump(store);
  } finally {
    store.close();
  }
};

function spawnCliAsync(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["bin/vanban.js", ...args], { env: { ...process.env, VANBAN_LOG: "warn", ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

let sqlite: string;
let pg: string;

beforeAll(async () => {
  buildCliAndWorld();
  sqlite = tempDb();
  pg = await pgTestDatabase();
  // A loaded CI machine: OCR of a page may take longer than the default two minutes.
  expect(spawnCli(["import", "fixtures", "--timeout", "1200", "--db", sqlite])).toMatchObject({ status: 0, stderr: "" });
  // The scans were read once: the PostgreSQL import finds their OCR in its machine's cache.
  const cache = tempDir();
  if (existsSync(`${sqlite}.ocr`)) cpSync(`${sqlite}.ocr`, join(cache, "vanban", "ocr"), { recursive: true });
  const r = spawnCli(["import", "fixtures", "--timeout", "1200", "--db", pg], { env: { XDG_CACHE_HOME: cache } });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
}, 900_000);

describe("the PostgreSQL store gives the SQLite store's answers", () => {
  it("holds the same content: canonical dumps equal, scans included", () => {
    const dump = dumpOf(pg);
    expect(dump.documents.length).toBeGreaterThan(20);
    const ingested = (dump.files as { path: string; status: string }[]).filter((f) => f.status === "ingested").map((f) => f.path);
    expect(ingested.length).toBeGreaterThan(20);
    expect(ingested.filter((p) => p.includes("/scanned/")).length).toBeGreaterThan(1);
    expect(dump).toEqual(dumpOf(sqlite));
  });

  it("doctor: the same counts and no problem", () => {
    const doctor = (db: string) => JSON.parse(spawnCli(["doctor", "--db", db, "--json"]).stdout);
    const [a, b] = [doctor(pg), doctor(sqlite)];
    for (const k of ["documents", "placeholders", "files", "tasks", "deadlines", "citations", "failedFiles", "invariants", "problems"]) expect(a[k]).toEqual(b[k]);
    expect(a).toMatchObject({ integrity: "ok", schemaVersion: b.schemaVersion, needsMigration: false, problems: [] });
  });

  it("query citing 57-NQ/TW --transitive --json: the same documents, depths, relations and chains", () => {
    const citing = (db: string) => {
      const r = spawnCli(["query", "citing", "57-NQ/TW", "--transitive", "--db", db, "--json"]);
      expect(r.stderr).toBe("");
      return JSON.parse(r.stdout);
    };
    const answer = citing(pg);
    expect(answer.total).toBeGreaterThan(5);
    expect(answer.citing.some((c: { depth: number }) => c.depth > 1)).toBe(true);
    expect(withoutIds(answer)).toEqual(withoutIds(citing(sqlite)));
  });

  it("search, tasks, show: the same answers with and without diacritics", () => {
    const ask = (db: string, ...args: string[]) => withoutIds(JSON.parse(spawnCli([...args, "--db", db, "--json"]).stdout));
    // The same hits in the same tiers (within a tier, bm25 and ts_rank may order them differently).
    const hits = (db: string, q: string, tiers = true) =>
      ((ask(db, "search", q, "--limit", "1000") as { hits: { type: string; tier: number; text: string; document: { key: string } }[] }).hits)
        .map((h) => `${tiers ? h.tier : ""} ${h.type} ${h.document.key} ${h.text}`).sort();
    for (const q of ["Đảng ủy", "dang uy", "chuyển đổi số", "57-NQ/TW"]) {
      expect(hits(pg, q).length).toBeGreaterThan(0);
      expect(hits(pg, q)).toEqual(hits(sqlite, q));
    }
    // Typed without diacritics or with the old tone placement: the same documents and tasks (in other tiers).
    expect(hits(pg, "dang uy", false)).toEqual(hits(pg, "đảng uỷ", false));
    expect(ask(pg, "query", "tasks", "--status", "overdue", "--today", "2026-06-30")).toEqual(ask(sqlite, "query", "tasks", "--status", "overdue", "--today", "2026-06-30"));
    expect(ask(pg, "show", "57-NQ/TW")).toEqual(ask(sqlite, "show", "57-NQ/TW"));
  });
});

describe("PostgreSQL with many writers", () => {
  it("two imports at once into a new database (each migrating it) end where one SQLite import ends", async () => {
    const files = readdirSync("fixtures").filter((f) => /\.(txt|docx)$/.test(f)).sort().map((f) => join("fixtures", f));
    expect(files.length).toBeGreaterThan(6);
    const [a, b] = [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1 || i < 3)];
    const shared = await pgTestDatabase();
    const runs = await Promise.all([spawnCliAsync(["import", ...a, "--db", shared, "--jobs", "1"]), spawnCliAsync(["import", ...b, "--db", shared, "--jobs", "1"])]);
    for (const r of runs) expect(r).toEqual({ status: 0, stderr: "" });
    const single = tempDb();
    expect(spawnCli(["import", ...files, "--db", single]).status).toBe(0);
    expect(dumpOf(shared)).toEqual(dumpOf(single));
  }, 600_000);
});

describe("commands and PostgreSQL", () => {
  it("says in one line what does not work on PostgreSQL, or that no store is there", async () => {
    for (const args of [["sql", "SELECT 1"], ["serve", "--port", "0"]]) {
      const r = spawnCli([...args, "--db", pg]);
      expect(r.status).toBe(2);
      expect(r.stderr.trim().split("\n")).toEqual([`lỗi: lệnh ${args[0]} chưa dùng được với kho PostgreSQL (--db postgres://…) — hãy dùng một tệp kho SQLite`]);
    }
    const empty = await pgTestDatabase();
    const r = spawnCli(["query", "citing", "57-NQ/TW", "--db", empty]);
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(`lỗi: không có kho tại ${empty} — hãy chạy "vanban import ĐƯỜNG_DẪN… --db ${empty}" trước`);
    const refused = spawnCli(["query", "citing", "57-NQ/TW", "--db", "postgres://vanban@127.0.0.1:1/none"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^lỗi: không kết nối được kho PostgreSQL postgres:\/\/vanban@127\.0\.0\.1:1\/none: .*ECONNREFUSED/);
  });
});

describe("doctor on PostgreSQL", () => {
  it("finds a search index out of step with the rows, and --repair mends it", () => {
    const store = openStore(pg, { mustExist: true });
    store.prepare("DELETE FROM task_search WHERE rowid IN (SELECT rowid FROM task_search ORDER BY rowid LIMIT 3)").run();
    store.close();
    const doctor = (...args: string[]) => JSON.parse(spawnCli(["doctor", ...args, "--db", pg, "--json"]).stdout);
    expect(doctor().invariants.search).toEqual({ documentsMissing: 0, documentsExtra: 0, tasksMissing: 3, tasksExtra: 0, passagesMissing: 0, passagesExtra: 0 });
    expect(spawnCli(["doctor", "--repair", "--db", pg]).status).toBe(0);
    expect(doctor()).toMatchObject({ problems: [], invariants: { search: { tasksMissing: 0 } } });
  });
});
