/**
 * `npm run bench` — vanban's performance, side by side, in one run:
 *
 *   1. PDFs: bare pdf.js text extraction (the floor) vs parse → extract → store, pages/s;
 *   2. DOCX, Markdown, text: MB/s end to end (parse + extract, and with the store);
 *   3. the extractors alone: MB/s of normalised text per extractor and the context fold;
 *   4. import scaling: first import of 1k/10k/100k-document archives (child processes,
 *      CPU time, peak RSS, store size), re-import of the unchanged largest, nightly with
 *      20 new; the bench exits 1 when the marginal CPU cost per 1000 documents of the
 *      last step exceeds the first step's by more than 15% (issue 17);
 *   5. queries on the largest store: p50/p95 of citing --transitive, tasks --agency, search.
 *
 * Writes bench/results.json and bench/RESULTS.md. Generated archives and stores go
 * to a temp folder (removed at the end unless --keep); LibreOffice PDFs are cached
 * in the OS temp folder.
 *
 * Every target of issue 17 is printed as met or by how much it falls short.
 *
 * Options: --quick (small sizes, a smoke run), --sizes 1000,10000,100000,
 * --repeats N (in-process figures), --pdf-pages N, --only pdf,text,extractors,import,queries,
 * --no-soffice (repeat the fixture PDFs), --keep, --out DIR.
 */
// First: pdf.js through vanban's own module, so that every later import of it
// (pdf-parse, the floors) finds the engine's built-ins restored (src/parse/pdf/pdfjs.ts).
import "../src/parse/pdf/pdfjs.js";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { extractorStage } from "./extractors.js";
import { importStage, LINEARITY_LIMIT } from "./import-scaling.js";
import { pdfStage } from "./pdf-floor.js";
import { queryStage } from "./queries.js";
import { summarise, writeResults, type Stages } from "./report.js";
import { throughputStage } from "./throughput.js";
import { log, machine, parseArgs } from "./measure.js";

/** What `npm run bench` must stay under on the 2-core machine; the import stage trims its repetitions to fit. */
const BUDGET_MS = 30 * 60_000;

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
    for (const t of results.targets) log(`target ${t.met === null ? "—  " : t.met ? "met" : "MISSED"}: ${t.figure}: ${t.value ?? "—"}${t.value === null ? "" : t.unit} (${t.target})${t.shortfall ? `, ${t.shortfall}` : ""}`);
    const imp = stages.import;
    if (imp?.linear === false) {
      const [a, b] = imp.sizes.filter((z) => z.marginalCpuSecondsPer1000 !== null).slice(-2);
      console.error(
        `bench: FAILED linearity: import cost per 1000 documents grew ${imp.linearity}× (limit ${LINEARITY_LIMIT}×): ${b.marginalCpuSecondsPer1000} CPU s per 1000 up to ${b.documents} documents vs ${a.marginalCpuSecondsPer1000} up to ${a.documents}`,
      );
      process.exitCode = 1;
    }
    if (!args.keep) rmSync(tmp, { recursive: true, force: true });
    else log(`kept ${tmp}`);
  }
}

await main();
