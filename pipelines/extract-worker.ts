/**
 * Worker-thread entry: parse → extract one file's bytes, off the main thread, so
 * that a slow or hanging file can be killed without stopping an import.
 * Messages in: ExtractJob. Messages out: ExtractOutcome.
 */
import { parentPort } from "node:worker_threads";
import { extractDocument } from "../src/extract/index.js";
import { linkExtraction } from "../src/link/index.js";
import { parseBytes, ParseError } from "../src/parse/index.js";
import type { ExtractJob, ExtractOutcome } from "./worker-pool.js";

parentPort!.on("message", async (job: ExtractJob) => {
  let outcome: ExtractOutcome;
  let stage = "parse";
  try {
    const onPage = (e: { page: number; cached: boolean }) => parentPort!.postMessage({ id: job.id, ocrPage: e });
    const model = await parseBytes(new Uint8Array(job.bytes), job.file, job.ocr ? { ocr: { ...job.ocr, onPage } } : {});
    stage = "extract";
    const extraction = extractDocument(model);
    stage = "link";
    const linked = linkExtraction(extraction);
    const { lines: _, ...ocr } = model.ocr ?? { lines: [] };
    outcome = { id: job.id, ok: true, extraction, linked, model: { text: model.text, pages: model.pages, ...(model.ocr ? { ocr: ocr as Omit<NonNullable<typeof model.ocr>, "lines"> } : {}) } };
  } catch (e) {
    outcome =
      e instanceof ParseError
        ? { id: job.id, ok: false, stage: e.stage, reason: e.reason }
        : { id: job.id, ok: false, stage, reason: (e instanceof Error ? e.message : String(e)).split("\n")[0] };
  }
  parentPort!.postMessage(outcome);
});
