/**
 * Stage 2 — DOCX, Markdown and plain text: MB/s end to end in this one thread,
 * parse + extract, and with the store. MB are of the input files (UTF-8 for
 * Markdown/text, so the same as the text); for DOCX both the file MB and the MB
 * of document text are given.
 */
import type { InputFile } from "./corpus.js";
import { archiveInMemory, fixtureFiles } from "./corpus.js";
import { oursPass, type PassTimes } from "./pipeline.js";
import { load, log, MB, median, round, type BenchArgs, type LoadWindow } from "./measure.js";

export type ThroughputResult = {
  set: string;
  files: number;
  inputMB: number;
  textMB: number;
  rounds: number;
  /** Input MB/s, parse only. */
  parseMBPerSec: number;
  /** Input MB/s, parse + extract. */
  parseExtractMBPerSec: number;
  /** Input MB/s, parse + extract + store. */
  withStoreMBPerSec: number;
  /** Text MB/s, parse + extract (DOCX: the text the document holds). */
  textMBPerSec: number;
  docsPerSec: number;
  share: { parse: number; extract: number; store: number };
  failures: string[];
  load: LoadWindow;
};

async function measure(name: string, files: InputFile[], args: BenchArgs, tmp: string, repeat = 1): Promise<ThroughputResult> {
  const start = load();
  const runs: PassTimes[] = [];
  await oursPass(files.slice(0, 5), { tmp, store: true }); // warm-up
  for (let r = 0; r < args.repeats; r++) {
    runs.push(await oursPass(files, { tmp, store: true, repeat }));
    const t = runs.at(-1)!;
    log(`text ${name} round ${r + 1}: ${((t.inputBytes / MB) / ((t.parseMs + t.extractMs) / 1000)).toFixed(3)} MB/s parse+extract`);
  }
  const m = (f: (t: PassTimes) => number) => median(runs.map(f));
  const t0 = runs[0];
  return {
    set: name,
    files: t0.docs,
    inputMB: round(t0.inputBytes / MB, 3),
    textMB: round(t0.textBytes / MB, 3),
    rounds: runs.length,
    parseMBPerSec: round(m((t) => t.inputBytes / MB / (t.parseMs / 1000)), 3),
    parseExtractMBPerSec: round(m((t) => t.inputBytes / MB / ((t.parseMs + t.extractMs) / 1000)), 3),
    withStoreMBPerSec: round(m((t) => t.inputBytes / MB / ((t.parseMs + t.extractMs + t.storeMs) / 1000)), 3),
    textMBPerSec: round(m((t) => t.textBytes / MB / ((t.parseMs + t.extractMs) / 1000)), 3),
    docsPerSec: round(m((t) => t.docs / ((t.parseMs + t.extractMs + t.storeMs) / 1000)), 1),
    share: {
      parse: round(m((t) => t.parseMs / (t.parseMs + t.extractMs + t.storeMs)), 3),
      extract: round(m((t) => t.extractMs / (t.parseMs + t.extractMs + t.storeMs)), 3),
      store: round(m((t) => t.storeMs / (t.parseMs + t.extractMs + t.storeMs)), 3),
    },
    failures: t0.failures,
    load: { start, end: load() },
  };
}

export async function throughputStage(args: BenchArgs, tmp: string): Promise<ThroughputResult[]> {
  const archive = archiveInMemory(args.quick ? 300 : 900, 5);
  const md = archive.filter((f) => f.name.endsWith(".md"));
  const txt = archive.filter((f) => f.name.endsWith(".txt"));
  const fixtureText = fixtureFiles([".txt", ".md"]);
  const docx = fixtureFiles([".docx"]);
  return [
    await measure("archive Markdown (.md)", md, args, tmp),
    await measure("archive plain text (.txt)", txt, args, tmp),
    await measure("fixture text (.txt/.md, legacy encodings)", fixtureText, args, tmp),
    await measure("fixture DOCX", docx, args, tmp, args.quick ? 2 : 5),
  ];
}
