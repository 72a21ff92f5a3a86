/**
 * One pass of vanban's own pipeline over a set of files, in this thread:
 * parse (bytes → document model, normalisation included) → extract → store
 * (ingestExtraction into a fresh temp store), each stage timed on its own.
 */
import { rmSync } from "node:fs";
import { join } from "node:path";
import { extractDocument } from "../src/extract/index.js";
import { parseBytes } from "../src/parse/index.js";
import { ingestExtraction, openStore, type Store } from "../src/store/index.js";
import type { InputFile } from "./corpus.js";
import { cpuMs, now, utf8Bytes } from "./measure.js";

export type PassTimes = {
  docs: number;
  pages: number;
  /** Bytes of the input files. */
  inputBytes: number;
  /** UTF-8 bytes of the documents' linear text (what the extractors read). */
  textBytes: number;
  parseMs: number;
  extractMs: number;
  storeMs: number;
  /** CPU ms of the process over the whole pass (parse + extract + store, GC included). */
  cpuMs: number;
  failures: string[];
};

let storeCounter = 0;

/**
 * `repeat` goes through the files that many times; each repetition stores into a
 * fresh store (the same content twice would be a copy, not an import).
 */
export async function oursPass(files: InputFile[], opts: { tmp: string; store: boolean; repeat?: number }): Promise<PassTimes> {
  const t: PassTimes = { docs: 0, pages: 0, inputBytes: 0, textBytes: 0, parseMs: 0, extractMs: 0, storeMs: 0, cpuMs: 0, failures: [] };
  const cpuStart = cpuMs();
  for (let r = 0; r < (opts.repeat ?? 1); r++) {
    let db: Store | null = null;
    const file = join(opts.tmp, `pass-${process.pid}-${storeCounter++}.db`);
    if (opts.store) db = openStore(file);
    try {
      for (const f of files) {
        let t0 = now();
        let model;
        try {
          model = await parseBytes(f.bytes, f.path);
        } catch (e) {
          t.failures.push(`${f.name}: ${(e as Error).message.split("\n")[0]}`);
          continue;
        }
        let t1 = now();
        t.parseMs += t1 - t0;
        const x = extractDocument(model);
        t0 = now();
        t.extractMs += t0 - t1;
        if (db) {
          ingestExtraction(db, x, { path: `${f.path}#${r}`, sha256: model.source.sha256, format: model.source.format, size: f.bytes.length, mtime: null }, null, model.text);
          t1 = now();
          t.storeMs += t1 - t0;
        }
        t.docs++;
        t.pages += model.pages.length;
        t.inputBytes += f.bytes.length;
        t.textBytes += utf8Bytes(model.text);
      }
    } finally {
      if (db) {
        db.close();
        for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
      }
    }
  }
  t.cpuMs = cpuMs() - cpuStart;
  return t;
}
