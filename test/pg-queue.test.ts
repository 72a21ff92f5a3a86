/**
 * The import queue on a real PostgreSQL (the run's loopback cluster, test/pg-cluster.ts):
 * `vanban enqueue`, several `vanban worker` processes, `vanban status`, all spawned from
 * the built CLI. What the workers store is compared with a single-process SQLite import
 * of the same files (canonical dump: every row, ids replaced by identity keys).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { generateArchive } from "../scripts/gen-archive.js";
import { writeArchive } from "../bench/corpus.js";
import { canonicalDump, openStore } from "../src/store/index.js";
import { buildCliAndWorld, spawnCli } from "./cli-world.js";
import { pgTestDatabase } from "./pg-database.js";
import { tempDir } from "./store-fixtures.js";

const ENV = { VANBAN_LOG: "warn", LANG: "vi_VN.UTF-8", LC_ALL: "", LC_MESSAGES: "" };

/** A CLI process, not waited for (workers run side by side). */
function startCli(args: string[]): { child: ChildProcess; done: Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }> } {
  const child = spawn(process.execPath, ["bin/vanban.js", ...args], { env: { ...process.env, ...ENV } });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const done = new Promise<{ status: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) =>
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  return { child, done };
}

function json<T>(r: { status: number | null; stdout: string; stderr: string }): T {
  if (!r.stdout.trim()) throw new Error(`no output (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

type Status = { queued: number; running: number; done: number; failed: number; retried: number; failures: { file: string; reason: string; tries: number }[] };
type Enqueued = { seen: number; queued: number; stored: number; alreadyQueued: number; failed: number };

const status = (db: string) => json<Status>(spawnCli(["status", "--db", db, "--json"]));

beforeAll(() => {
  buildCliAndWorld();
}, 300_000);

describe("vanban enqueue / worker / status on PostgreSQL", () => {
  it("1,000 documents, a bad file and a long one: 3 workers (one killed with kill -9 mid-job) store what a single SQLite import stores", async () => {
    const db = await pgTestDatabase("queue");
    const dir = join(tempDir(), "kho");
    writeArchive(dir, 1000, 11);
    // Sorted first by the walk, so queued first: the job the first worker is killed in.
    const docs = [...generateArchive({ count: 200, seed: 7 })];
    const body = docs.slice(1).map((d) => d.text.split("\n").slice(8).join("\n")).join("\n");
    writeFileSync(join(dir, "0-lon.txt"), `${docs[0].text}\n${body.repeat(3)}`);
    // Bytes that say PDF and are none: every try fails at parse.
    writeFileSync(join(dir, "hong.pdf"), "%PDF-1.4\nkhông phải PDF\n");
    mkdirSync(join(dir, "ban-sao"));
    writeFileSync(join(dir, "ban-sao", "lon-ban-sao.txt"), `${docs[0].text}\n${body.repeat(3)}`);

    const first = json<Enqueued>(spawnCli(["enqueue", dir, "--db", db, "--json"]));
    expect(first).toMatchObject({ seen: 1003, queued: 1002, stored: 0, alreadyQueued: 0, failed: 0 });
    // Nothing done yet: the second run finds every content already waiting.
    const again = spawnCli(["enqueue", dir, "--db", db]);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain("0 việc mới vào hàng đợi");
    expect(again.stdout).toContain("1003 đang chờ sẵn");
    expect(again.stdout).toContain("không có gì mới để đưa vào hàng đợi");
    expect(status(db)).toMatchObject({ queued: 1002, running: 0, done: 0 });

    // The first worker takes the long document first; kill -9 while it holds it.
    const victim = startCli(["worker", "--db", db]);
    for (let i = 0; i < 600 && status(db).running === 0; i++) await sleep(100);
    expect(status(db).running).toBe(1);
    await sleep(300);
    victim.child.kill("SIGKILL");
    expect((await victim.done).signal).toBe("SIGKILL");
    expect(status(db)).toMatchObject({ running: 1, done: 0 });

    const workers = [0, 1, 2].map(() => startCli(["worker", "--db", db, "--until-idle", "--json"]));
    const results = await Promise.all(workers.map((w) => w.done));
    for (const r of results) expect(r.status, r.stderr).toBe(0);
    const summaries = results.map((r) => json<{ jobs: number; new: number }>(r));
    // Every worker took part; the job count includes the three failed tries of the bad file.
    for (const s of summaries) expect(s.jobs).toBeGreaterThan(0);

    const end = status(db);
    expect(end).toMatchObject({ queued: 0, running: 0, done: 1001, failed: 1 });
    // The killed worker's job came back (heartbeat expired) and was done by another; the bad file was tried 3 times.
    expect(end.retried).toBe(2);
    expect(end.failures).toHaveLength(1);
    expect(end.failures[0]).toMatchObject({ file: join(dir, "hong.pdf"), tries: 3 });
    expect(end.failures[0].reason).toMatch(/^parse-pdf: /);
    const shown = spawnCli(["status", "--db", db]);
    expect(shown.stdout).toContain("lỗi 1");
    expect(shown.stdout).toContain(`${join(dir, "hong.pdf")}: parse-pdf: `);

    // Everything stored now: a third enqueue queues only the failed file again (as import tries it again).
    const third = json<Enqueued>(spawnCli(["enqueue", dir, "--db", db, "--json"]));
    expect(third).toMatchObject({ seen: 1003, queued: 1, stored: 1002, alreadyQueued: 0 });

    const sqlite = join(tempDir(), "mot-may.db");
    const imported = spawnCli(["import", dir, "--db", sqlite, "--json"]);
    expect(JSON.parse(imported.stdout)).toMatchObject({ seen: 1003, failed: 1 });
    const store = openStore(sqlite);
    const expected = canonicalDump(store);
    store.close();
    const pg = openStore(db, { mustExist: true });
    const actual = canonicalDump(pg);
    pg.close();
    expect(actual.documents.length).toBeGreaterThan(1000);
    for (const table of Object.keys(expected)) expect({ table, rows: actual[table] }).toEqual({ table, rows: expected[table] });
  }, 1_800_000);

  it("done when: enqueue fixtures + two workers give the doctor counts and the citing 57-NQ/TW --transitive answer of a SQLite import", async () => {
    const db = await pgTestDatabase("fixtures");
    expect(spawnCli(["enqueue", "fixtures", "--db", db]).status).toBe(0);
    const workers = [0, 1].map(() => startCli(["worker", "--db", db, "--until-idle"]));
    for (const r of await Promise.all(workers.map((w) => w.done))) expect(r.status, r.stderr).toBe(0);
    const sqlite = join(tempDir(), "fixtures.db");
    expect(spawnCli(["import", "fixtures", "--db", sqlite]).status).toBe(0);

    // What doctor counts and checks; the run bookkeeping (which run, when) differs by design.
    const counts = (store: string) => {
      const { documents, placeholders, files, failedFiles, tasks, deadlines, citations, unfinishedRuns, invariants, problems } = json<Record<string, unknown>>(
        spawnCli(["doctor", "--db", store, "--json"]),
      );
      return { documents, placeholders, files, failedFiles, tasks, deadlines, citations, unfinishedRuns, invariants, problems };
    };
    const expected = counts(sqlite);
    expect(expected.documents).toBeGreaterThan(5);
    expect(counts(db)).toEqual(expected);
    // Row ids follow the order documents were written in, which two workers race for: the answer is compared without them.
    const withoutIds = (v: unknown): unknown =>
      Array.isArray(v) ? v.map(withoutIds) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).filter(([k]) => k !== "id").map(([k, x]) => [k, withoutIds(x)])) : v;
    const citing = (store: string) => withoutIds(json<unknown>(spawnCli(["query", "citing", "57-NQ/TW", "--transitive", "--db", store, "--json"])));
    const answer = citing(sqlite);
    expect(JSON.stringify(answer)).toContain("57-NQ/TW");
    expect(citing(db)).toEqual(answer);
  }, 1_800_000);

  it("refuses a --db that is not PostgreSQL, and an unreachable server, in one line", () => {
    const file = spawnCli(["worker", "--db", "kho.db"]);
    expect(file.status).toBe(2);
    expect(file.stderr.trim()).toBe("lỗi: hàng đợi chỉ chạy trên kho PostgreSQL: kho.db không phải địa chỉ postgres://…");
    const down = spawnCli(["status", "--db", "postgres://postgres:bimat@127.0.0.1:1/khong"]);
    expect(down.status).toBe(1);
    expect(down.stderr.trim().split("\n")).toHaveLength(1);
    expect(down.stderr).toContain("lỗi: không làm việc được với hàng đợi tại postgres://postgres:***@127.0.0.1:1/khong: ");
    expect(down.stderr).not.toContain("bimat");
  });
});
