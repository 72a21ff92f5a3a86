/**
 * A fixed pool of worker threads running parse → extract, with a per-file time
 * limit: a worker still busy after `timeoutMs` is terminated (pdf.js and regexes
 * cannot be interrupted from inside) and replaced, and the file is reported as
 * timed out. Each worker's heap is capped too (`memoryMb`): a document that needs
 * more (a 50 MB text once took 2.9 GB) fails alone with a line naming the limit,
 * instead of taking the machine's memory. Results come back as plain data.
 *
 * OCR (scanned PDFs) reports each page it reads: the file's time limit starts
 * again with every page, so a long scan is limited per page, not as a whole.
 */
import { Worker } from "node:worker_threads";
import type { DocumentModel, OcrInfo } from "../schemas/document.js";
import type { Extraction } from "../schemas/extraction.js";
import type { LinkedExtraction } from "../src/link/index.js";

/** OCR settings a job carries into its worker (plain data: no callbacks cross threads). */
export type JobOcr = { enabled: boolean; cacheDir?: string; pageTimeoutMs?: number };
export type OcrPageEvent = { page: number; cached: boolean };

export type ExtractJob = { id: number; file: string; bytes: ArrayBuffer; ocr?: JobOcr };
/** Sent by a worker while it OCRs a file, before the outcome. */
export type OcrPageMessage = { id: number; ocrPage: OcrPageEvent };
/**
 * What comes back of a document: only what the store writes — the extraction, its
 * link-stage reading (`linked.extraction` is the same object: the message carries
 * it once), and of the model its linear text, page spans and OCR counts (no blocks,
 * tables or OCR lines). Cloning the whole model for the main thread — the one
 * SQLite writer — cost that thread more than writing the rows.
 */
export type StoredModel = Pick<DocumentModel, "text" | "pages"> & { ocr?: Omit<OcrInfo, "lines"> };
export type ExtractOutcome =
  | { id: number; ok: true; extraction: Extraction; linked: LinkedExtraction; model: StoredModel }
  | { id: number; ok: false; stage: string; reason: string };

type Pending = { job: ExtractJob; resolve: (o: ExtractOutcome) => void };
type Slot = { worker: Worker; busy: Pending | null; timer: NodeJS.Timeout | null };

const fromSource = import.meta.url.endsWith(".ts");
const workerUrl = new URL(fromSource ? "./extract-worker.ts" : "./extract-worker.js", import.meta.url);

/** The heap one document may use (parse + extract), in MB. */
export const DOCUMENT_MEMORY_MB = 2048;

function newWorker(memoryMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: memoryMb };
  if (!fromSource) return new Worker(workerUrl, { resourceLimits });
  // Under vitest/tsx the sources are TypeScript: register tsx inside the worker first.
  const boot = `import("tsx/esm/api").then((m) => { m.register(); return import(${JSON.stringify(workerUrl.href)}); });`;
  return new Worker(boot, { eval: true, resourceLimits });
}

export class ExtractPool {
  private slots: Slot[] = [];
  private queue: Pending[] = [];
  private nextId = 1;

  private started = false;

  constructor(
    readonly size: number,
    readonly timeoutMs: number,
    readonly memoryMb = DOCUMENT_MEMORY_MB,
    private readonly ocr?: JobOcr & { onPage?: (e: OcrPageEvent) => void },
  ) {}

  run(file: string, bytes: Uint8Array): Promise<ExtractOutcome> {
    // Workers start with the first file to parse: a re-import of an unchanged archive parses
    // nothing, and each worker's start (loading every parser and extractor) cost ~0.5 s of CPU.
    if (!this.started) {
      this.started = true;
      for (let i = 0; i < Math.max(1, this.size); i++) this.slots.push(this.spawn());
    }
    // Copy (Buffer#slice would share a pooled ArrayBuffer) into a transferable buffer of exactly these bytes.
    const copy = Uint8Array.prototype.slice.call(bytes).buffer as ArrayBuffer;
    return new Promise((resolve) => {
      const ocr = this.ocr && { enabled: this.ocr.enabled, cacheDir: this.ocr.cacheDir, pageTimeoutMs: this.timeoutMs };
      this.queue.push({ job: { id: this.nextId++, file, bytes: copy, ...(ocr ? { ocr } : {}) }, resolve });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots = [];
  }

  private spawn(): Slot {
    const slot: Slot = { worker: newWorker(this.memoryMb), busy: null, timer: null };
    slot.worker.on("message", (o: ExtractOutcome | OcrPageMessage) => ("ocrPage" in o ? this.ocrPage(slot, o) : this.finish(slot, o)));
    slot.worker.on("error", (e: Error & { code?: string }) =>
      e.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? this.crash(slot, `needed more than the ${this.memoryMb} MB of memory one document may use`, "memory")
        : this.crash(slot, `worker crashed: ${e.message.split("\n")[0]}`));
    slot.worker.on("exit", (code) => {
      if (slot.busy) this.crash(slot, `worker exited with code ${code}`);
    });
    slot.worker.unref();
    return slot;
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy || !this.queue.length) continue;
      const pending = this.queue.shift()!;
      slot.busy = pending;
      this.startTimer(slot);
      slot.worker.ref();
      slot.worker.postMessage(pending.job, [pending.job.bytes]);
    }
  }

  private startTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => this.crash(slot, `timed out after ${this.timeoutMs >= 10_000 ? Math.round(this.timeoutMs / 1000) : (this.timeoutMs / 1000).toFixed(1)} s`, "timeout"), this.timeoutMs);
  }

  private ocrPage(slot: Slot, m: OcrPageMessage): void {
    if (slot.busy?.job.id !== m.id) return;
    this.startTimer(slot);
    this.ocr?.onPage?.(m.ocrPage);
  }

  private finish(slot: Slot, outcome: ExtractOutcome): void {
    const pending = slot.busy;
    if (!pending || pending.job.id !== outcome.id) return;
    this.release(slot);
    pending.resolve(outcome);
    this.dispatch();
  }

  private crash(slot: Slot, reason: string, stage = "worker"): void {
    const pending = slot.busy;
    this.release(slot);
    const i = this.slots.indexOf(slot);
    if (i >= 0) {
      void slot.worker.terminate();
      this.slots[i] = this.spawn();
    }
    if (pending) pending.resolve({ id: pending.job.id, ok: false, stage, reason });
    this.dispatch();
  }

  private release(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.busy = null;
    slot.worker.unref();
  }
}
