/**
 * OCR throughput: the whole parse of scanned PDFs (render, orientation, deskew,
 * Tesseract, layout, extraction) beside bare Tesseract on the same page images,
 * both two pages at a time on the 2-core machine. Goal: ours within 1.3× of
 * bare Tesseract (the rest of the pipeline must not matter).
 *
 *   node dist/bench/ocr.js [--quick]      (also run by `npm run bench`, stage "ocr")
 *
 * Inputs: the scanned seed fixtures (fixtures/scanned/*.scan.pdf; --quick: the
 * 4-page one). No OCR cache: every page is read. Writes bench/ocr-results.json.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { extractDocument } from "../src/extract/index.js";
import { parseBytes } from "../src/parse/index.js";
import { OCR_DPI } from "../src/parse/pdf/ocr/ocr-page.js";
import { ocrUnavailable } from "../src/parse/pdf/ocr/tesseract.js";
import { load, log, ROOT, round } from "./measure.js";

const run = promisify(execFile);
const PARALLEL = 2;

export type OcrBench = {
  files: string[];
  pages: number;
  oursSeconds: number;
  bareSeconds: number;
  oursPagesPerSecond: number;
  barePagesPerSecond: number;
  /** ours ÷ bare wall time per page (goal ≤ 1.3). */
  ratio: number;
  /** CPU seconds (this process and its children: pdftoppm, tesseract) per page, and their ratio: steadier than wall time on a shared machine. */
  oursCpuPerPage: number;
  bareCpuPerPage: number;
  cpuRatio: number;
  /** Of ours, the CPU seconds per page spent in this process (image passes, layout, extraction), not in pdftoppm or Tesseract. */
  oursOwnCpuPerPage: number;
  meanConfidence: Record<string, number>;
  load: { start: number[]; end: number[] };
};

export async function ocrBench(quick: boolean, tmp: string): Promise<OcrBench> {
  const missing = await ocrUnavailable();
  if (missing) throw new Error(missing);
  const dir = join(ROOT, "fixtures", "scanned");
  const files = readdirSync(dir).filter((f) => f.endsWith(".scan.pdf")).sort().slice(0, quick ? 1 : undefined);
  const start = load();

  // Ours and bare Tesseract file by file, one after the other, so that both see
  // the same load on a shared machine. Ours: parse + extract with OCR, no cache.
  // Bare: the same pages rendered grey at the same resolution (rendering not
  // timed), two at a time as ours reads them.
  const meanConfidence: Record<string, number> = {};
  let pages = 0;
  let oursSeconds = 0;
  let oursCpu = 0;
  let oursOwnCpu = 0;
  let bareSeconds = 0;
  let bareCpu = 0;
  const images: string[] = [];
  for (const f of files) {
    const path = join(dir, f);
    const c0 = cpuSeconds();
    const own0 = process.cpuUsage();
    const t0 = performance.now();
    const model = await parseBytes(new Uint8Array(readFileSync(path)), path, { ocr: { enabled: true } });
    extractDocument(model);
    oursSeconds += (performance.now() - t0) / 1000;
    oursCpu += cpuSeconds() - c0;
    const own = process.cpuUsage(own0);
    oursOwnCpu += (own.user + own.system) / 1e6;
    pages += model.ocr?.pages.length ?? 0;
    meanConfidence[f] = model.ocr?.meanConfidence ?? 0;

    const prefix = join(tmp, f.replace(/\.pdf$/, ""));
    await run("pdftoppm", ["-r", String(OCR_DPI), "-gray", path, prefix]);
    const queue = readdirSync(tmp).filter((g) => g.endsWith(".pgm") && join(tmp, g).startsWith(prefix)).map((g) => join(tmp, g));
    images.push(...queue);
    const c1 = cpuSeconds();
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: PARALLEL }, async () => {
        for (let img = queue.shift(); img; img = queue.shift())
          await run("tesseract", [img, "stdout", "-l", "vie", "--psm", "3", "--dpi", String(OCR_DPI), "tsv"], {
            maxBuffer: 64 << 20,
            env: { ...process.env, OMP_THREAD_LIMIT: "1" },
          });
      }),
    );
    bareSeconds += (performance.now() - t1) / 1000;
    bareCpu += cpuSeconds() - c1;
  }
  return {
    files,
    pages,
    oursSeconds: round(oursSeconds),
    bareSeconds: round(bareSeconds),
    oursPagesPerSecond: round(pages / oursSeconds, 3),
    barePagesPerSecond: round(images.length / bareSeconds, 3),
    ratio: round(oursSeconds / bareSeconds * (images.length / pages)),
    oursCpuPerPage: round(oursCpu / pages),
    bareCpuPerPage: round(bareCpu / images.length),
    cpuRatio: round(oursCpu / pages / (bareCpu / images.length)),
    oursOwnCpuPerPage: round(oursOwnCpu / pages),
    meanConfidence,
    load: { start, end: load() },
  };
}

/** CPU seconds of this process and of the children it has waited for (Linux /proc: utime, stime, cutime, cstime). */
function cpuSeconds(): number {
  const fields = readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  // After the command name: state is field 3, so utime..cstime (14–17) sit at 11–14 here.
  const ticks = fields.slice(11, 15).reduce((s, f) => s + Number(f), 0);
  return ticks / 100;
}

/** The `npm run bench` hook and the command-line entry: measure, print, write bench/ocr-results.json. */
export async function runOcrBench(quick: boolean): Promise<OcrBench> {
  const tmp = mkdtempSync(join(tmpdir(), "vanban-bench-ocr-"));
  try {
    const r = await ocrBench(quick, tmp);
    log(`OCR: ${r.pages} pages, ours ${r.oursPagesPerSecond} pages/s, bare tesseract ${r.barePagesPerSecond} pages/s, ratio ${r.ratio}× (goal ≤ 1.3×); CPU per page ${r.oursCpuPerPage} s (${r.oursOwnCpuPerPage} s outside pdftoppm and Tesseract) vs ${r.bareCpuPerPage} s (${r.cpuRatio}×)`);
    writeFileSync(join(ROOT, "bench", "ocr-results.json"), JSON.stringify({ date: new Date().toISOString(), ...r }, null, 2) + "\n");
    return r;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runOcrBench(process.argv.includes("--quick")).catch((e: unknown) => {
    console.error(`bench ocr: ${(e as Error).message.split("\n")[0]}`);
    process.exitCode = 1;
  });
}
