/**
 * `npm run bench` — vanban's performance, side by side, in one run:
 *
 *   1. PDFs: bare pdf.js text extraction (the floor) vs parse → extract → store, pages/s;
 *   2. DOCX, Markdown, text: MB/s end to end (parse + extract, and with the store);
 *   3. the extractors alone: MB/s of normalised text per extractor and the context fold;
 *   4. import scaling: first import of 1k/5k/10k-document archives (child processes,
 *      peak RSS, store size), re-import of the unchanged largest, nightly with 20 new;
 *   5. queries on the largest store: p50/p95 of citing --transitive, tasks --agency, search.
 *
 * Writes bench/results.json and bench/RESULTS.md. Generated archives and stores go
 * to a temp folder (removed at the end unless --keep); LibreOffice PDFs are cached
 * in the OS temp folder.
 *
 * Options: --quick (small sizes, a smoke run), --sizes 1000,5000,10000,
 * --repeats N (in-process figures), --pdf-pages N, --only pdf,text,extractors,import,queries,
 * --no-soffice (repeat the fixture PDFs), --keep, --out DIR.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractorStage } from "./extractors.js";
import { importStage } from "./import-scaling.js";
import { pdfStage } from "./pdf-floor.js";
import { queryStage } from "./queries.js";
import { summarise, writeResults, type Stages } from "./report.js";
import { throughputStage } from "./throughput.js";
import { log, machine, parseArgs } from "./measure.js";

/** What `npm run bench` must stay under on the 2-core machine; the import stage trims its repetitions to fit. */
const BUDGET_MS = 18 * 60_000;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const started = new Date();
  const budgetEnd = started.getTime() + BUDGET_MS;
  const m = machine();
  const tmp = mkdtempSync(join(tmpdir(), "vanban-bench-"));
  log(`machine: ${m.cores} cores, Node ${m.node}, load ${m.loadAverageAtStart.join(" ")}; temp folder ${tmp}; sizes ${args.sizes.join(", ")}`);
  const stages: Stages = {};
  const errors: Record<string, string> = {};
  const want = (s: string) => !args.only || args.only.includes(s);
  const stage = async <K extends keyof Stages>(key: K, run: () => Promise<Stages[K]>) => {
    if (!want(key)) return;
    const t = Date.now();
    log(`stage ${key} …`);
    try {
      stages[key] = await run();
    } catch (e) {
      errors[key] = (e as Error).message.split("\n")[0];
      log(`stage ${key} failed: ${(e as Error).stack ?? e}`);
    }
    log(`stage ${key} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  try {
    await stage("pdf", () => pdfStage(args, tmp));
    await stage("text", () => throughputStage(args, tmp));
    await stage("extractors", () => extractorStage(args));
    await stage("import", () => importStage(args, tmp, budgetEnd));
    const store = stages.import?.store;
    if (store) await stage("queries", () => queryStage(args, store, tmp));
    else if (want("queries")) errors.queries = "no store: the import stage did not run";
    if (want("ocr")) await import("./ocr.js").then((ocr) => ocr.runOcrBench(args.quick)).catch((e: Error) => log(`stage ocr failed: ${e.message}`));
  } finally {
    const seconds = (Date.now() - started.getTime()) / 1000;
    const results = summarise(m, { quick: args.quick, sizes: args.sizes, repeats: args.repeats }, stages, errors, started, seconds);
    writeResults(args.out, results);
    log(`wrote ${join(args.out, "results.json")} and ${join(args.out, "RESULTS.md")} (${seconds.toFixed(0)} s)`);
    if (!args.keep) rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }
}

await main();
