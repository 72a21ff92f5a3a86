/**
 * Stage 1 — PDFs: the floor (bare text extraction with pdf.js) against vanban's
 * full parse → normalise → extract → store, both in this one thread, pages/s.
 *
 *   floor       pdf-parse's getText() (pdf.js getTextContent on every page, lines joined);
 *   pdf.js raw  getTextContent per page, nothing joined (the floor under the floor);
 *   ours        parseBytes + extractDocument (+ ingestExtraction into a fresh store).
 *
 * Floor and ours alternate within each round so that load changes hit both; the
 * ratio is taken per round, then the median. The import pipeline (worker threads,
 * `vanban import DIR`) is run on the generated set as well, for the parallel figure.
 */
import { join } from "node:path";
import { getDocument, VerbosityLevel } from "../src/parse/pdf/pdfjs.js";
import { PDFParse } from "pdf-parse";
import { fixturePdfs, generatedPdfSet, type InputFile, type PdfSet } from "./corpus.js";
import { oursPass } from "./pipeline.js";
import { CLI, cpuMs, load, log, median, now, round, runNode, type BenchArgs, type LoadWindow } from "./measure.js";

async function floorPass(files: InputFile[], repeat: number): Promise<{ pages: number; ms: number }> {
  let pages = 0;
  const t0 = now();
  for (let r = 0; r < repeat; r++)
    for (const f of files) {
      const parser = new PDFParse({ data: new Uint8Array(f.bytes) });
      try {
        const result = await parser.getText();
        pages += result.total;
      } finally {
        await parser.destroy();
      }
    }
  return { pages, ms: now() - t0 };
}

async function rawPass(files: InputFile[], repeat: number): Promise<{ pages: number; ms: number; cpuMs: number }> {
  let pages = 0;
  const t0 = now();
  const c0 = cpuMs();
  for (let r = 0; r < repeat; r++)
    for (const f of files) {
      const task = getDocument({ data: new Uint8Array(f.bytes), verbosity: VerbosityLevel.ERRORS, isEvalSupported: false, disableFontFace: true });
      try {
        const doc = await task.promise;
        for (let n = 1; n <= doc.numPages; n++) {
          const page = await doc.getPage(n);
          await page.getTextContent();
          page.cleanup();
          pages++;
        }
      } finally {
        await task.destroy();
      }
    }
  return { pages, ms: now() - t0, cpuMs: cpuMs() - c0 };
}

export type PdfSetResult = {
  set: string;
  source: string;
  files: number;
  pagesPerPass: number;
  rounds: number;
  floorPagesPerSec: number;
  rawPdfjsPagesPerSec: number;
  /** parse only (pdf.js marks → blocks → document model). */
  parsePagesPerSec: number;
  parseExtractPagesPerSec: number;
  fullPagesPerSec: number;
  /** floor / full, per round, median. */
  floorOverFull: number;
  /** ours (parse → extract → store) ÷ bare pdf.js getTextContent, per round, median: wall and CPU time (the issue-17 figure). */
  oursOverPdfjs: number;
  oursOverPdfjsCpu: number;
  /** Share of the full pipeline's time per stage (medians). */
  share: { parse: number; extract: number; store: number };
  failures: string[];
  load: LoadWindow;
};

async function measureSet(name: string, set: { files: InputFile[]; repeat: number; source: string }, args: BenchArgs, tmp: string): Promise<PdfSetResult> {
  const start = load();
  const floor: number[] = [], raw: number[] = [], parse: number[] = [], pe: number[] = [], full: number[] = [], ratio: number[] = [];
  const overRaw: number[] = [], overRawCpu: number[] = [];
  const shares: { parse: number; extract: number; store: number }[] = [];
  let pagesPerPass = 0;
  let failures: string[] = [];
  for (let r = 0; r < args.repeats; r++) {
    const oursFirst = r % 2 === 1;
    let ours = oursFirst ? await oursPass(set.files, { tmp, store: true, repeat: set.repeat }) : null;
    const f = await floorPass(set.files, set.repeat);
    ours ??= await oursPass(set.files, { tmp, store: true, repeat: set.repeat });
    const w = await rawPass(set.files, set.repeat);
    pagesPerPass = ours.pages;
    failures = ours.failures;
    const fullMs = ours.parseMs + ours.extractMs + ours.storeMs;
    floor.push((f.pages / f.ms) * 1000);
    raw.push((w.pages / w.ms) * 1000);
    parse.push((ours.pages / ours.parseMs) * 1000);
    pe.push((ours.pages / (ours.parseMs + ours.extractMs)) * 1000);
    full.push((ours.pages / fullMs) * 1000);
    ratio.push(f.pages / f.ms / (ours.pages / fullMs));
    overRaw.push(fullMs / ours.pages / (w.ms / w.pages));
    overRawCpu.push(ours.cpuMs / ours.pages / (w.cpuMs / w.pages));
    shares.push({ parse: ours.parseMs / fullMs, extract: ours.extractMs / fullMs, store: ours.storeMs / fullMs });
    log(`pdf ${name} round ${r + 1}: pdf.js getTextContent ${raw.at(-1)!.toFixed(1)} pages/s, ours ${full.at(-1)!.toFixed(1)} pages/s (${pagesPerPass} pages), ours ÷ pdf.js CPU ${overRawCpu.at(-1)!.toFixed(2)}×`);
  }
  return {
    set: name,
    source: set.source,
    files: set.files.length * set.repeat,
    pagesPerPass,
    rounds: args.repeats,
    floorPagesPerSec: round(median(floor), 1),
    rawPdfjsPagesPerSec: round(median(raw), 1),
    parsePagesPerSec: round(median(parse), 1),
    parseExtractPagesPerSec: round(median(pe), 1),
    fullPagesPerSec: round(median(full), 1),
    floorOverFull: round(median(ratio), 2),
    oursOverPdfjs: round(median(overRaw), 2),
    oursOverPdfjsCpu: round(median(overRawCpu), 2),
    share: {
      parse: round(median(shares.map((s) => s.parse)), 3),
      extract: round(median(shares.map((s) => s.extract)), 3),
      store: round(median(shares.map((s) => s.store)), 3),
    },
    failures,
    load: { start, end: load() },
  };
}

export type PdfStageResult = {
  generated: PdfSetResult & { note: string };
  fixtures: PdfSetResult;
  importPipeline: { pages: number; wallSeconds: number[]; pagesPerSec: number; jobs: string; peakRssMB: number | null; load: LoadWindow } | null;
};

export async function pdfStage(args: BenchArgs, tmp: string): Promise<PdfStageResult> {
  const fixtures = await fixturePdfs();
  // Warm-up: module loading and JIT, not timed.
  await oursPass(fixtures.files.slice(0, 2), { tmp, store: true });
  await floorPass(fixtures.files.slice(0, 2), 1);
  await rawPass(fixtures.files.slice(0, 2), 1);

  const set: PdfSet = await generatedPdfSet(args.pdfPages, !args.noSoffice);
  log(`pdf set: ${set.note}, ${set.pages} pages`);
  const generated = { ...(await measureSet("generated", set, args, tmp)), note: set.note };
  const fx = await measureSet("fixtures", { files: fixtures.files, repeat: 1, source: "fixtures" }, args, tmp);

  // The import pipeline on the same PDFs (distinct files only: copies would be skipped).
  let importPipeline: PdfStageResult["importPipeline"] = null;
  const start = load();
  const walls: number[] = [];
  let pages = 0;
  let rss: number | null = null;
  const dir = set.source === "libreoffice" ? set.dir : undefined;
  for (let r = 0; r < Math.min(3, args.repeats); r++) {
    const db = join(tmp, `pdf-import-${r}.db`);
    const paths = dir ? [dir] : fixtures.files.map((f) => f.path);
    const res = await runNode([CLI, "import", ...paths, "--db", db, "--jobs", "2", "--json"], { timeFile: join(tmp, `pdf-import-${r}.time`) });
    if (res.code !== 0 && res.code !== 2) {
      log(`pdf import failed: exit ${res.code}: ${res.stderr.split("\n").slice(-3).join(" ")}`);
      break;
    }
    const summary = JSON.parse(res.stdout) as { pages: number };
    pages = summary.pages;
    walls.push(res.wallSeconds);
    rss = Math.max(rss ?? 0, res.peakRssMB ?? 0) || null;
  }
  if (walls.length)
    importPipeline = { pages, wallSeconds: walls.map((w) => round(w, 2)), pagesPerSec: round(pages / median(walls), 1), jobs: "2", peakRssMB: rss, load: { start, end: load() } };
  return { generated, fixtures: fx, importPipeline };
}
