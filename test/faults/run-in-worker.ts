/**
 * Runs parseFile in a worker thread with a hard time limit. A synchronous
 * parser that never yields would block the test's own timers, so a hang guard
 * in the test process could not fire; terminating a worker always works.
 */
import { Worker } from "node:worker_threads";
import type { ParseSummary } from "./parse-worker.js";

export type WorkerParse =
  | { status: "parsed"; summary: ParseSummary }
  | { status: "refused"; message: string; ms: number }
  | { status: "killed"; ms: number };

const entry = new URL("./parse-worker.ts", import.meta.url);

export function parseInWorker(file: string, limitMs: number): Promise<WorkerParse> {
  // the sources are TypeScript: register tsx inside the worker first (as pipelines/worker-pool.ts does)
  const boot = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
  const worker = new Worker(boot, { eval: true, workerData: { file } });
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ status: "killed", ms: performance.now() - t0 });
    }, limitMs);
    worker.once("message", (m: { ok: true; summary: ParseSummary } | { ok: false; message: string; ms: number }) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(m.ok ? { status: "parsed", summary: m.summary } : { status: "refused", message: m.message, ms: m.ms });
    });
    worker.once("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
}
