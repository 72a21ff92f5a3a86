/**
 * Stage 4 — import scaling, each run a child process as a clerk would start it:
 *
 *   first import of generated archives (default 1k, 5k, 10k documents):
 *     `node bin/vanban.js import DIR --db X --json` under /usr/bin/time -v
 *     (peak RSS of the process, worker threads included; without /usr/bin/time,
 *     dist/bench/child-import.js reports process.resourceUsage().maxRSS);
 *   re-import of the unchanged largest archive into its store;
 *   nightly (pipelines/nightly.ts runNightly, dist/bench/child-nightly.js) with 20
 *   new documents — the next 20 of the same archive — on a copy of the largest
 *   store; when runNightly is missing, the import of those 20 ("pending").
 *
 * The store of the largest archive is kept for the query stage.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeArchive } from "./corpus.js";
import { summariseFiles, type Hot } from "./cpu-profile.js";
import { CLI, load, log, median, ROOT, round, runNode, storeSizeMB, TIME_BIN, type BenchArgs, type ChildResult, type LoadWindow } from "./measure.js";

type Summary = { seen: number; new: number; skipped: number; failed: number; documents: number; pages: number; seconds: number; maxRssMB?: number; cpuSeconds?: number };

export type ImportRun = { wallSeconds: number; cpuSeconds: number | null; innerSeconds: number; docsPerSec: number; peakRssMB: number | null; dbMB: number; failed: number };
export type SizeResult = {
  documents: number; archiveMB: number; runs: ImportRun[]; wallSeconds: number; cpuSeconds: number | null; docsPerSec: number; archiveMBPerSec: number;
  /** Seconds per 1000 documents between the previous size and this one (the cost of growing; start-up excluded). */
  marginalSecondsPer1000: number | null;
  /** The same in CPU seconds of the import process: what linearity is judged on (wall time moves with the other jobs' load). */
  marginalCpuSecondsPer1000: number | null;
  peakRssMB: number | null; dbMB: number; load: LoadWindow;
};

export type ImportStageResult = {
  sizes: SizeResult[];
  /**
   * Marginal CPU seconds per 1000 documents of the last step ÷ those of the first step
   * (default sizes: 10k→100k ÷ 1k→10k; two sizes: ÷ CPU seconds per 1000 of the smallest
   * size). About 1 or below: cost grows linearly.
   */
  linearity: number;
  /** Whether the linearity check holds (≤ LINEARITY_LIMIT); null with fewer than three sizes, where start-up blurs it. */
  linear: boolean | null;
  reimport: {
    documents: number; wallSeconds: number[]; medianWallSeconds: number; cpuSeconds: number | null; innerSeconds: number;
    /** First import ÷ re-import, wall clock (the headline) and CPU time. */
    speedup: number; cpuSpeedup: number | null; skipped: number; load: LoadWindow;
  };
  nightly: {
    status: "measured" | "pending";
    newDocuments: number;
    today: string;
    wallSeconds: number[];
    medianWallSeconds: number;
    cpuSeconds: number | null;
    innerSeconds: number | null;
    peakRssMB: number | null;
    report: Record<string, unknown> | null;
    note: string;
    load: LoadWindow;
  };
  /** The store of the largest archive, for the query stage. */
  store: string;
  /** What remains: self time of the import of the smallest archive under --cpu-prof, main thread and workers together. */
  profile: { documents: number; sampledMs: number; self: Hot[] } | null;
};

/** Issue 17: the marginal cost per 1000 documents at the largest size may exceed the first step's by 15% at most. */
export const LINEARITY_LIMIT = 1.15;

const dirSizeMB = (docs: { text: string }[]) => round(docs.reduce((a, d) => a + Buffer.byteLength(d.text), 0) / 1e6, 1);

async function importChild(paths: string[], db: string, timeFile: string): Promise<{ res: ChildResult; summary: Summary }> {
  const viaCli = existsSync(TIME_BIN);
  const args = viaCli ? [CLI, "import", ...paths, "--db", db, "--json"] : [join(ROOT, "dist", "bench", "child-import.js"), db, ...paths];
  const res = await runNode(args, { timeFile });
  if (res.code !== 0 && res.code !== 2) throw new Error(`import exited ${res.code}: ${res.stderr.trim().split("\n").slice(-3).join(" | ")}`);
  const summary = JSON.parse(res.stdout) as Summary;
  if (res.peakRssMB === null && summary.maxRssMB) res.peakRssMB = round(summary.maxRssMB, 1);
  if (res.cpuSeconds === null && summary.cpuSeconds) res.cpuSeconds = round(summary.cpuSeconds, 2);
  return { res, summary };
}

function dropStore(db: string): void {
  for (const s of ["", "-wal", "-shm", ".lock"]) rmSync(db + s, { force: true });
}

export async function importStage(args: BenchArgs, tmp: string, budgetEnd: number): Promise<ImportStageResult> {
  const sizes: SizeResult[] = [];
  const largest = args.sizes[args.sizes.length - 1];
  let keep = "";
  let profile: ImportStageResult["profile"] = null;
  for (const n of args.sizes) {
    const dir = join(tmp, `archive-${n}`);
    const docs = writeArchive(dir, n, 1);
    const start = load();
    const runs: ImportRun[] = [];
    // Small archives three times; the largest once more only while the time budget allows.
    const wanted = n <= 2000 ? 3 : 2;
    for (let r = 0; r < wanted; r++) {
      if (r > 0 && n === largest && runs.length) {
        const remaining = budgetEnd - Date.now();
        if (remaining < runs[0].wallSeconds * 1000 * 3.5) {
          log(`import ${n}: skipping repetition ${r + 1} (time budget)`);
          break;
        }
      }
      const db = join(tmp, `import-${n}-${r}.db`);
      const { res, summary } = await importChild([dir], db, join(tmp, `import-${n}-${r}.time`));
      const run: ImportRun = {
        wallSeconds: round(res.wallSeconds, 2), cpuSeconds: res.cpuSeconds, innerSeconds: round(summary.seconds, 2), docsPerSec: round(summary.documents / res.wallSeconds, 1),
        peakRssMB: res.peakRssMB, dbMB: storeSizeMB(db), failed: summary.failed,
      };
      runs.push(run);
      log(`import ${n}: ${run.wallSeconds} s (CPU ${run.cpuSeconds} s), ${run.docsPerSec} docs/s, peak RSS ${run.peakRssMB} MB, store ${run.dbMB} MB, ${summary.documents} documents, ${summary.failed} failed`);
      if (n === largest && !keep) keep = db;
      else dropStore(db);
    }
    const walls = runs.map((r) => r.wallSeconds);
    const wall = median(walls);
    const cpus = runs.flatMap((r) => (r.cpuSeconds === null ? [] : [r.cpuSeconds]));
    const cpu = cpus.length ? median(cpus) : null;
    const prev = sizes[sizes.length - 1];
    const archiveMB = dirSizeMB(docs);
    sizes.push({
      documents: n, archiveMB, runs, wallSeconds: round(wall, 2), cpuSeconds: cpu === null ? null : round(cpu, 2),
      docsPerSec: round(median(runs.map((r) => r.docsPerSec)), 1), archiveMBPerSec: round(archiveMB / wall, 3),
      marginalSecondsPer1000: prev ? round(((wall - prev.wallSeconds) / (n - prev.documents)) * 1000, 2) : null,
      marginalCpuSecondsPer1000: prev && cpu !== null && prev.cpuSeconds !== null ? round(((cpu - prev.cpuSeconds) / (n - prev.documents)) * 1000, 2) : null,
      peakRssMB: Math.max(...runs.map((r) => r.peakRssMB ?? 0)) || null,
      dbMB: runs[0].dbMB, load: { start, end: load() },
    });
    if (n === args.sizes[0]) profile = await profileImport(dir, n, tmp);
    if (n !== largest) rmSync(dir, { recursive: true, force: true });
  }
  const big = sizes[sizes.length - 1];
  const steps = sizes.flatMap((z) => (z.marginalCpuSecondsPer1000 === null ? [] : [z.marginalCpuSecondsPer1000]));
  const first = steps.length >= 2 ? steps[0] : ((sizes[0].cpuSeconds ?? NaN) / sizes[0].documents) * 1000;
  const linearity = steps.length ? round(steps[steps.length - 1] / first, 2) : NaN;
  const linear = steps.length >= 2 ? linearity <= LINEARITY_LIMIT : null;

  // Re-import of the unchanged largest archive.
  const rstart = load();
  const rwalls: number[] = [];
  const rcpus: number[] = [];
  let rinner = 0;
  let skipped = 0;
  for (let r = 0; r < 3; r++) {
    const { res, summary } = await importChild([join(tmp, `archive-${largest}`)], keep, join(tmp, `reimport-${r}.time`));
    rwalls.push(round(res.wallSeconds, 2));
    if (res.cpuSeconds !== null) rcpus.push(res.cpuSeconds);
    rinner = summary.seconds;
    skipped = summary.skipped;
    log(`re-import ${largest}: ${res.wallSeconds.toFixed(2)} s, CPU ${res.cpuSeconds} s (${summary.skipped} skipped, ${summary.new} new)`);
  }
  const reimport = {
    documents: largest, wallSeconds: rwalls, medianWallSeconds: round(median(rwalls), 2), cpuSeconds: rcpus.length ? round(median(rcpus), 2) : null,
    innerSeconds: round(rinner, 2), speedup: round(big.wallSeconds / median(rwalls), 1),
    cpuSpeedup: rcpus.length && big.cpuSeconds !== null ? round(big.cpuSeconds / median(rcpus), 1) : null, skipped, load: { start: rstart, end: load() },
  };

  // Nightly: the next 20 documents of the same archive, on copies of the store.
  const nstart = load();
  const inbox = join(tmp, "inbox");
  const fresh = writeArchive(inbox, largest + 20, 1, largest);
  const today = fresh.map((d) => d.extraction.document.date ?? "").sort().pop() || "2026-06-01";
  const nwalls: number[] = [];
  const ncpus: number[] = [];
  let inner: number | null = null;
  let rss: number | null = null;
  let report: Record<string, unknown> | null = null;
  let status: "measured" | "pending" = "measured";
  let note = "runNightly (pipelines/nightly.ts) in a child process: wall time of the process (start-up included); inner = runNightly alone";
  for (let r = 0; r < (args.quick ? 2 : 3); r++) {
    const db = join(tmp, `nightly-${r}.db`);
    copyFileSync(keep, db);
    if (existsSync(`${keep}-wal`)) copyFileSync(`${keep}-wal`, `${db}-wal`);
    if (status === "measured") {
      const res = await runNode([join(ROOT, "dist", "bench", "child-nightly.js"), db, inbox, today, join(tmp, `nightly-out-${r}`)], { timeFile: join(tmp, `nightly-${r}.time`) });
      const line = res.stdout.trim().split("\n").pop() ?? "";
      let parsed: Record<string, unknown> | null = null;
      try {
        parsed = JSON.parse(line) as Record<string, unknown>;
      } catch {
        parsed = null;
      }
      if (res.code !== 0 || !parsed) {
        status = "pending";
        note = `runNightly failed (exit ${res.code}: ${res.stderr.trim().split("\n").slice(-2).join(" | ").slice(0, 300)}); measured the import of the 20 new documents instead`;
      } else if (parsed.pending) {
        status = "pending";
        note = `runNightly not available (${String(parsed.reason)}); measured the import of the 20 new documents instead`;
      } else {
        nwalls.push(round(res.wallSeconds, 2));
        if (res.cpuSeconds !== null) ncpus.push(res.cpuSeconds);
        inner = round(Number(parsed.seconds), 2);
        rss = res.peakRssMB ?? round(Number(parsed.maxRssMB), 1);
        report = parsed;
        log(`nightly (20 new on ${largest}): ${res.wallSeconds.toFixed(2)} s wall, ${inner} s inside`);
      }
    }
    if (status === "pending") {
      dropStore(db);
      copyFileSync(keep, db);
      const { res, summary } = await importChild([inbox], db, join(tmp, `nightly-import-${r}.time`));
      nwalls.push(round(res.wallSeconds, 2));
      if (res.cpuSeconds !== null) ncpus.push(res.cpuSeconds);
      inner = round(summary.seconds, 2);
      rss = res.peakRssMB;
      log(`import of 20 new on ${largest} (nightly pending): ${res.wallSeconds.toFixed(2)} s`);
    }
    dropStore(db);
  }
  return {
    sizes, linearity, linear, reimport,
    nightly: {
      status, newDocuments: fresh.length, today, wallSeconds: nwalls, medianWallSeconds: round(median(nwalls), 2), cpuSeconds: ncpus.length ? round(median(ncpus), 2) : null, innerSeconds: inner,
      peakRssMB: rss, report, note, load: { start: nstart, end: load() },
    },
    store: keep,
    profile,
  };
}

/** One more import of DIR under --cpu-prof (not timed), summarised over the main thread and the workers. */
async function profileImport(dir: string, documents: number, tmp: string): Promise<ImportStageResult["profile"]> {
  const profDir = join(tmp, "import-profile");
  mkdirSync(profDir, { recursive: true });
  const db = join(tmp, "import-profile.db");
  const res = await runNode(["--cpu-prof", "--cpu-prof-dir", profDir, CLI, "import", dir, "--db", db, "--json"], { timeFile: join(tmp, "import-profile.time") });
  dropStore(db);
  const files = readdirSync(profDir).filter((f) => f.endsWith(".cpuprofile")).map((f) => join(profDir, f));
  if ((res.code !== 0 && res.code !== 2) || !files.length) {
    log(`import profile: none (exit ${res.code}, ${files.length} profiles)`);
    return null;
  }
  const s = summariseFiles(files, 15);
  log(`import profile of ${documents} documents: ${files.length} threads, ${(s.totalMs / 1000).toFixed(1)} s sampled; top: ${s.self.slice(0, 3).map((h) => `${h.name} ${(h.share * 100).toFixed(1)}%`).join(", ")}`);
  return { documents, sampledMs: Math.round(s.totalMs), self: s.self.map((h) => ({ name: h.name, share: round(h.share, 4) })) };
}
