/**
 * How the bench measures: medians and percentiles, the load average around each
 * figure, the machine, child processes with their peak RSS and CPU time, options.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { availableParallelism, cpus, loadavg, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (this file runs as dist/bench/measure.js). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const CLI = join(ROOT, "bin", "vanban.js");
export const TIME_BIN = "/usr/bin/time";

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Nearest-rank percentile (p in 0…100). */
export function percentile(xs: number[], p: number): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * s.length));
  return s[Math.min(s.length, rank) - 1];
}

export const round = (x: number, digits = 2) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);

export type Load = [number, number, number];
export const load = (): Load => loadavg().map((x) => round(x, 2)) as Load;

/** A stage's load average at its start and end (1-minute figures are what the table shows). */
export type LoadWindow = { start: Load; end: Load };

export function machine() {
  const c = cpus();
  return {
    cores: availableParallelism(),
    cpu: c[0]?.model ?? "unknown",
    memoryGB: round(totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: load(),
  };
}

export const now = () => performance.now();

/** CPU milliseconds of this process so far, all threads (user + system): what load changes least. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function log(msg: string): void {
  const [l1] = loadavg();
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)} load ${l1.toFixed(1)}] ${msg}\n`);
}

export const utf8Bytes = (s: string) => Buffer.byteLength(s, "utf8");
export const MB = 1e6;

export type ChildResult = {
  code: number | null;
  wallSeconds: number;
  /** Peak RSS of the child in MB (from /usr/bin/time -v, else what the child reported). */
  peakRssMB: number | null;
  /** User + system CPU seconds of the child, all threads (from /usr/bin/time -v): less sensitive to other jobs than wall time. */
  cpuSeconds: number | null;
  stdout: string;
  stderr: string;
};

/**
 * Runs `node ARGS…` as a child, under /usr/bin/time -v when it exists (peak RSS of
 * the whole process, worker threads included).
 */
export async function runNode(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeFile: string }): Promise<ChildResult> {
  const useTime = existsSync(TIME_BIN);
  const cmd = useTime ? TIME_BIN : process.execPath;
  const argv = useTime ? ["-v", "-o", opts.timeFile, process.execPath, ...args] : args;
  const started = now();
  const child = spawn(cmd, argv, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, stdio: ["ignore", "pipe", "pipe"] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (b: Buffer) => out.push(b));
  child.stderr.on("data", (b: Buffer) => err.push(b));
  const code = await new Promise<number | null>((res) => child.on("close", (c) => res(c)));
  const wallSeconds = (now() - started) / 1000;
  let peakRssMB: number | null = null;
  let cpuSeconds: number | null = null;
  if (useTime && existsSync(opts.timeFile)) {
    const report = readFileSync(opts.timeFile, "utf8");
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
    if (m) peakRssMB = round(Number(m[1]) / 1024, 1);
    const user = /User time \(seconds\): ([\d.]+)/.exec(report);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(report);
    if (user && sys) cpuSeconds = round(Number(user[1]) + Number(sys[1]), 2);
  }
  return { code, wallSeconds, peakRssMB, cpuSeconds, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") };
}

/** Size of an SQLite store with its WAL and shared-memory files. */
export function storeSizeMB(db: string): number {
  let bytes = 0;
  for (const f of [db, `${db}-wal`, `${db}-shm`]) if (existsSync(f)) bytes += statSync(f).size;
  return round(bytes / MB, 1);
}

/** Archive sizes of the import stage: 10k and 100k are issue 17's sizes, 1k the first step. */
export const DEFAULT_SIZES = "1000,10000,100000";
export const QUICK_SIZES = "200,600";

export function parseArgs(argv: string[]) {
  const has = (name: string) => argv.includes(`--${name}`);
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = has("quick");
  const sizes = (value("sizes") ?? (quick ? QUICK_SIZES : DEFAULT_SIZES))
    .split(",")
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0)
    .sort((a, b) => a - b);
  if (!sizes.length) throw new Error("--sizes: expected a comma-separated list of document counts, e.g. 1000,10000,100000");
  const only = value("only")?.split(",").map((s) => s.trim());
  return {
    quick,
    sizes,
    /** Repetitions of the in-process figures. */
    repeats: Number(value("repeats") ?? (quick ? 2 : 3)),
    /** Pages of the generated PDF set. */
    pdfPages: Number(value("pdf-pages") ?? (quick ? 100 : 500)),
    keep: has("keep"),
    noSoffice: has("no-soffice"),
    /** Stages to run (default all): pdf,text,extractors,import,queries. */
    only,
    out: value("out") ?? join(ROOT, "bench"),
  };
}

export type BenchArgs = ReturnType<typeof parseArgs>;
