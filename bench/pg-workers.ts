/**
 * Worker scaling on PostgreSQL (docs/scale.md): the same generated archive imported
 * through the queue by 1 worker process, then by 2 (each `--concurrency 1`), into
 * fresh databases of one server. Prints documents/s (wall clock), CPU seconds per
 * document of the workers (their parse threads included) and of the server, and the
 * 2-vs-1 ratio; writes bench/pg-workers.json.
 *
 *   npx tsx bench/pg-workers.ts --admin postgres://postgres@127.0.0.1:5432/postgres [--docs 300] [--seed 5]
 *
 * The admin URL must be allowed to CREATE DATABASE. The load average is printed
 * beside each figure: on a shared machine the wall-clock ratio says little, the CPU
 * figures still hold.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { writeArchive } from "./corpus.js";
import { CLI as BUILT_CLI, load, round } from "./measure.js";

/** bin/vanban.js, whether this file runs from bench/ (tsx) or dist/bench/. */
const CLI = existsSync(BUILT_CLI) ? BUILT_CLI : join(import.meta.dirname, "..", "bin", "vanban.js");

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const admin = arg("admin", process.env.VANBAN_PG_ADMIN ?? "");
if (!admin) throw new Error("--admin postgres://… (a role that may CREATE DATABASE)");
const docs = Number(arg("docs", "300"));
const seed = Number(arg("seed", "5"));

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, VANBAN_LOG: "warn" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The server's CPU seconds so far (all backends), from /proc: the database's share of the work. */
async function serverCpuSeconds(client: pg.Client): Promise<number> {
  const { rows } = await client.query("SELECT pg_read_file('/proc/' || split_part(pg_read_file('postmaster.pid'), E'\\n', 1) || '/stat') AS stat").catch(() => ({ rows: [] as { stat: string }[] }));
  if (!rows.length) return NaN;
  // utime, stime, cutime, cstime of the postmaster: fields 14–17; cutime/cstime gather the ended backends only,
  // so the figure is taken after the workers (and their connections) are gone.
  const f = rows[0].stat.slice(rows[0].stat.lastIndexOf(")") + 2).split(" ");
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / 100;
}

async function round1(workers: number, dir: string, client: pg.Client) {
  const name = `vanban_bench_w${workers}_${process.pid}`;
  await client.query(`DROP DATABASE IF EXISTS ${name}`);
  await client.query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = url.toString();
  const enq = await cli(["enqueue", dir, "--db", db, "--json"]);
  if (enq.code !== 0) throw new Error(enq.stderr);
  const serverBefore = await serverCpuSeconds(client);
  const loadStart = load();
  const started = performance.now();
  const runs = await Promise.all(Array.from({ length: workers }, () => cli(["worker", "--db", db, "--until-idle", "--json"])));
  const seconds = (performance.now() - started) / 1000;
  for (const r of runs) if (r.code !== 0) throw new Error(r.stderr);
  const summaries = runs.map((r) => JSON.parse(r.stdout) as { documents: number; cpuSeconds: number; seconds: number; writeSeconds: number });
  const writeSeconds = summaries.reduce((n, s) => n + s.writeSeconds, 0);
  const documents = summaries.reduce((n, s) => n + s.documents, 0);
  const workerCpu = summaries.reduce((n, s) => n + s.cpuSeconds, 0);
  const serverCpu = (await serverCpuSeconds(client)) - serverBefore;
  await client.query(`DROP DATABASE ${name}`);
  return {
    workers, documents, seconds: round(seconds), docsPerSecond: round(documents / seconds),
    workerCpuSecondsPerDoc: round(workerCpu / documents, 4), docsPerWorkerCpuSecond: round(documents / workerCpu),
    serverCpuSecondsPerDoc: round(serverCpu / documents, 4), writeMsPerDoc: round((writeSeconds / documents) * 1000, 1), load: { start: loadStart, end: load() },
  };
}

const dir = mkdtempSync(join(tmpdir(), "vanban-pg-workers-"));
const client = new pg.Client({ connectionString: admin });
await client.connect();
try {
  writeArchive(dir, docs, seed);
  const one = await round1(1, dir, client);
  console.log(one);
  const two = await round1(2, dir, client);
  console.log(two);
  const result = { docs, seed, one, two, ratio: round(two.docsPerSecond / one.docsPerSecond) };
  console.log(`2 workers / 1 worker: ${result.ratio}×`);
  writeFileSync(join(import.meta.dirname, "pg-workers.json"), `${JSON.stringify(result, null, 2)}\n`);
} finally {
  await client.end();
  rmSync(dir, { recursive: true, force: true });
}
