/**
 * Stage 2 — DOCX, Markdown and plain text: MB/s end to end in this one thread,
 * parse + extract, and with the store, beside the route's floor (floors.ts)
 * measured on the same files in the same rounds. MB are of the input files
 * (UTF-8 for Markdown/text, so the same as the text); for DOCX both the file MB
 * and the MB of document text are given.
 *
 * Every set is made of distinct documents: the archive's are all different, and
 * the DOCX set is each fixture in several distinct copies (corpus.ts).
 */
import type { InputFile } from "./corpus.js";
import { archiveInMemory, distinctDocxCopies, fixtureFiles } from "./corpus.js";
import { mammothPass, textFloorPass, type FloorPass } from "./floors.js";
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
  /** The same, from CPU time (process, GC included): what load changes least. */
  withStoreCpuMBPerSec: number;
  /** Text MB/s, parse + extract (DOCX: the text the document holds). */
  textMBPerSec: number;
  docsPerSec: number;
  share: { parse: number; extract: number; store: number };
  /** The route's floor on the same files (floors.ts), and ours (parse + extract + store) ÷ floor per round, medians. */
  floor: { name: string; MBPerSec: number; cpuMBPerSec: number; oursOverFloor: number; oursOverFloorCpu: number } | null;
  failures: string[];
  load: LoadWindow;
};

type Floor = { name: string; pass: () => FloorPass | Promise<FloorPass> };

async function measure(name: string, files: InputFile[], args: BenchArgs, tmp: string, floor: Floor | null): Promise<ThroughputResult> {
  const start = load();
  const runs: PassTimes[] = [];
  const floors: FloorPass[] = [];
  await oursPass(files.slice(0, 5), { tmp, store: true }); // warm-up
  if (floor) await floor.pass();
  for (let r = 0; r < args.repeats; r++) {
    // alternate the order so that load changes hit both
    if (floor && r % 2 === 1) floors.push(await floor.pass());
    runs.push(await oursPass(files, { tmp, store: true }));
    if (floor && r % 2 === 0) floors.push(await floor.pass());
    const t = runs.at(-1)!;
    log(`text ${name} round ${r + 1}: ${((t.inputBytes / MB) / ((t.parseMs + t.extractMs + t.storeMs) / 1000)).toFixed(3)} MB/s with store${floors.length ? `, floor ${((floors.at(-1)!.bytes / MB) / (floors.at(-1)!.ms / 1000)).toFixed(2)} MB/s` : ""}`);
  }
  const m = (f: (t: PassTimes) => number) => median(runs.map(f));
  const t0 = runs[0];
  const full = (t: PassTimes) => t.parseMs + t.extractMs + t.storeMs;
  return {
    set: name,
    files: t0.docs,
    inputMB: round(t0.inputBytes / MB, 3),
    textMB: round(t0.textBytes / MB, 3),
    rounds: runs.length,
    parseMBPerSec: round(m((t) => t.inputBytes / MB / (t.parseMs / 1000)), 3),
    parseExtractMBPerSec: round(m((t) => t.inputBytes / MB / ((t.parseMs + t.extractMs) / 1000)), 3),
    withStoreMBPerSec: round(m((t) => t.inputBytes / MB / (full(t) / 1000)), 3),
    withStoreCpuMBPerSec: round(m((t) => t.inputBytes / MB / (t.cpuMs / 1000)), 3),
    textMBPerSec: round(m((t) => t.textBytes / MB / ((t.parseMs + t.extractMs) / 1000)), 3),
    docsPerSec: round(m((t) => t.docs / (full(t) / 1000)), 1),
    share: {
      parse: round(m((t) => t.parseMs / full(t)), 3),
      extract: round(m((t) => t.extractMs / full(t)), 3),
      store: round(m((t) => t.storeMs / full(t)), 3),
    },
    floor: floor
      ? {
          name: floor.name,
          MBPerSec: round(median(floors.map((x) => x.bytes / MB / (x.ms / 1000))), 3),
          cpuMBPerSec: round(median(floors.map((x) => x.bytes / MB / (x.cpuMs / 1000))), 3),
          oursOverFloor: round(median(runs.map((t, i) => full(t) / t.inputBytes / (floors[i].ms / floors[i].bytes))), 2),
          oursOverFloorCpu: round(median(runs.map((t, i) => t.cpuMs / t.inputBytes / (floors[i].cpuMs / floors[i].bytes))), 2),
        }
      : null,
    failures: t0.failures,
    load: { start, end: load() },
  };
}

export async function throughputStage(args: BenchArgs, tmp: string): Promise<ThroughputResult[]> {
  const archive = archiveInMemory(args.quick ? 300 : 900, 5);
  const md = archive.filter((f) => f.name.endsWith(".md"));
  const txt = archive.filter((f) => f.name.endsWith(".txt"));
  const fixtureText = fixtureFiles([".txt", ".md"]);
  const docx = await distinctDocxCopies(fixtureFiles([".docx"]), args.quick ? 2 : 5);
  const textFloor = (files: InputFile[]): Floor => ({ name: "read + NFC + five regexes", pass: () => textFloorPass(files) });
  return [
    await measure("archive Markdown (.md)", md, args, tmp, textFloor(md)),
    await measure("archive plain text (.txt)", txt, args, tmp, textFloor(txt)),
    await measure("fixture text (.txt/.md, legacy encodings)", fixtureText, args, tmp, null),
    await measure("fixture DOCX (distinct copies)", docx, args, tmp, { name: "mammoth alone", pass: () => mammothPass(docx) }),
  ];
}
