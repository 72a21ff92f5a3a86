/**
 * Worker-thread entry for run-in-worker.ts: parses one file and posts back a
 * summary (a 100,000-row model is too big to be worth cloning back).
 */
import { parentPort, workerData } from "node:worker_threads";
import { parseFile } from "../../src/parse/index.js";

export type ParseSummary = {
  ms: number;
  blocks: string[];
  tables: { rows: number; headerRows: number; firstCells: string[]; lastCells: string[] }[];
  text: { length: number; tail: string };
};

const { file } = workerData as { file: string };
const t0 = performance.now();
try {
  const model = await parseFile(file);
  const ms = performance.now() - t0;
  const summary: ParseSummary = {
    ms,
    blocks: model.blocks.map((b) => b.type),
    tables: model.blocks.flatMap((b) =>
      b.type === "table"
        ? [{
            rows: b.rows.length,
            headerRows: b.rows.filter((r) => r.header).length,
            firstCells: b.rows[0].cells.map((c) => c.text),
            lastCells: b.rows[b.rows.length - 1].cells.map((c) => c.text),
          }]
        : [],
    ),
    text: { length: model.text.length, tail: model.text.slice(-200) },
  };
  parentPort!.postMessage({ ok: true, summary });
} catch (e) {
  parentPort!.postMessage({ ok: false, message: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 });
}
