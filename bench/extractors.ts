/**
 * Stage 3 — the extractors alone, on document models parsed beforehand: MB/s of
 * normalised text (the model's linear text, UTF-8) through each step of
 * extractDocument, in its order, to show which one dominates:
 *
 *   context fold (foldForMatch, once: metadata reads its windows from it) → metadata →
 *   shared zones (documentFacts, wordIndex; computed by whichever extractor asks
 *   first, measured here on their own) → references → tasks → deadlines → metrics →
 *   the rest (linking, consistency warnings, zod validation) = extractDocument − the parts.
 *
 * The whole extractDocument is timed on its own after the steps, in wall and CPU time
 * (CPU time is what the load of a shared machine changes least).
 */
import type { DocumentModel } from "../schemas/document.js";
import { foldedText, makeContext } from "../src/extract/context.js";
import { extractDeadlines } from "../src/extract/deadlines.js";
import * as zones from "../src/extract/document-zones.js";
import { extractDocument } from "../src/extract/index.js";
import { extractMetadata } from "../src/extract/metadata.js";
import { extractMetrics } from "../src/extract/metrics.js";
import { extractReferences } from "../src/extract/references.js";
import { extractTasks } from "../src/extract/tasks.js";
import { parseBytes } from "../src/parse/index.js";
import type { ExtractContext } from "../src/extract/context.js";
import { archiveInMemory, fixtureFiles } from "./corpus.js";
import { cpuMs, load, log, MB, median, now, round, utf8Bytes, type BenchArgs, type LoadWindow } from "./measure.js";

const STEPS = ["context fold", "metadata", "shared zones", "references", "tasks", "deadlines", "metrics", "rest (link, warnings, validate)"] as const;
type Step = (typeof STEPS)[number];

export type ExtractorRow = { step: Step; ms: number; MBPerSec: number; share: number };
export type ExtractorResult = {
  documents: number;
  parseFailures: number;
  textMB: number;
  rounds: number;
  wholeMBPerSec: number;
  /** Whole extractDocument per CPU second (process CPU time, all threads): what load changes least. */
  wholeMBPerCpuSec: number;
  steps: ExtractorRow[];
  slowest: Step;
  load: LoadWindow;
};

type ZoneFns = { documentFacts?: (ctx: ExtractContext) => unknown; wordIndex?: (ctx: ExtractContext) => unknown };

export async function extractorStage(args: BenchArgs): Promise<ExtractorResult> {
  const start = load();
  const inputs = [
    ...archiveInMemory(args.quick ? 200 : 600, 9),
    ...fixtureFiles([".txt", ".md", ".docx", ".pdf"]),
  ];
  const models: DocumentModel[] = [];
  let parseFailures = 0;
  for (const f of inputs) {
    try {
      models.push(await parseBytes(f.bytes, f.path));
    } catch {
      parseFailures++; // the parse stage's problem, not this one's: measured without it
    }
  }
  const textBytes = models.reduce((a, m) => a + utf8Bytes(m.text), 0);
  const z = zones as unknown as ZoneFns;

  const pass = () => {
    const ms = Object.fromEntries(STEPS.map((s) => [s, 0])) as Record<Step, number>;
    for (const doc of models) {
      // The fold first: metadata reads its windows from it and the context keeps it.
      let t = now();
      foldedText(doc);
      let u = now();
      ms["context fold"] += u - t;
      const meta = extractMetadata(doc);
      t = now();
      ms.metadata += t - u;
      const ctx = makeContext(doc, meta);
      u = now();
      ms["context fold"] += u - t;
      t = u;
      z.documentFacts?.(ctx);
      z.wordIndex?.(ctx);
      u = now();
      ms["shared zones"] += u - t;
      extractReferences(ctx);
      t = now();
      ms.references += t - u;
      extractTasks(ctx);
      u = now();
      ms.tasks += u - t;
      extractDeadlines(ctx);
      t = now();
      ms.deadlines += t - u;
      extractMetrics(ctx);
      ms.metrics += now() - t;
    }
    // The whole stage on its own (one document after another, as an import runs it), in wall and CPU time.
    const wallStart = now();
    const cpuStart = cpuMs();
    for (const doc of models) extractDocument(doc);
    const cpu = cpuMs() - cpuStart;
    const whole = now() - wallStart;
    const parts = STEPS.slice(0, -1).reduce((a, s) => a + ms[s], 0);
    ms["rest (link, warnings, validate)"] = Math.max(0, whole - parts);
    return { ms, whole, cpu };
  };

  pass(); // warm-up
  const runs: ReturnType<typeof pass>[] = [];
  for (let r = 0; r < args.repeats; r++) {
    runs.push(pass());
    log(`extractors round ${r + 1}: ${(textBytes / MB / (runs.at(-1)!.whole / 1000)).toFixed(3)} MB/s whole, ${(textBytes / MB / (runs.at(-1)!.cpu / 1000)).toFixed(3)} MB per CPU second`);
  }
  const whole = median(runs.map((r) => r.whole));
  const steps = STEPS.map((step) => {
    const ms = median(runs.map((r) => r.ms[step]));
    return { step, ms: round(ms, 1), MBPerSec: round(textBytes / MB / (ms / 1000), 2), share: round(ms / whole, 3) };
  });
  const slowest = [...steps].sort((a, b) => b.ms - a.ms)[0].step;
  return { documents: models.length, parseFailures, textMB: round(textBytes / MB, 3), rounds: runs.length, wholeMBPerSec: round(textBytes / MB / (whole / 1000), 3), wholeMBPerCpuSec: round(textBytes / MB / (median(runs.map((r) => r.cpu)) / 1000), 3), steps, slowest, load: { start, end: load() } };
}
