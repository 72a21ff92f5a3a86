/**
 * Stage 3 — the extractors alone, on document models parsed beforehand: MB/s of
 * normalised text (the model's linear text, UTF-8) through each step of
 * extractDocument, in its order, to show which one dominates:
 *
 *   metadata → context fold (foldForMatch) → shared zones (documentFacts,
 *   wordIndex; computed by whichever extractor asks first, measured here on
 *   their own) → references → tasks → deadlines → metrics → the rest
 *   (linking, consistency warnings, zod validation) = extractDocument − the parts.
 */
import type { DocumentModel } from "../schemas/document.js";
import { makeContext } from "../src/extract/context.js";
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
import { load, log, MB, median, now, round, utf8Bytes, type BenchArgs, type LoadWindow } from "./measure.js";

const STEPS = ["metadata", "context fold", "shared zones", "references", "tasks", "deadlines", "metrics", "rest (link, warnings, validate)"] as const;
type Step = (typeof STEPS)[number];

export type ExtractorRow = { step: Step; ms: number; MBPerSec: number; share: number };
export type ExtractorResult = { documents: number; parseFailures: number; textMB: number; rounds: number; wholeMBPerSec: number; steps: ExtractorRow[]; slowest: Step; load: LoadWindow };

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
    let whole = 0;
    for (const doc of models) {
      let t = now();
      const meta = extractMetadata(doc);
      let u = now();
      ms.metadata += u - t;
      const ctx = makeContext(doc, meta);
      t = now();
      ms["context fold"] += t - u;
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
      u = now();
      ms.metrics += u - t;
      extractDocument(doc);
      whole += now() - u;
    }
    const parts = STEPS.slice(0, -1).reduce((a, s) => a + ms[s], 0);
    ms["rest (link, warnings, validate)"] = Math.max(0, whole - parts);
    return { ms, whole };
  };

  pass(); // warm-up
  const runs: ReturnType<typeof pass>[] = [];
  for (let r = 0; r < args.repeats; r++) {
    runs.push(pass());
    log(`extractors round ${r + 1}: ${(textBytes / MB / (runs.at(-1)!.whole / 1000)).toFixed(3)} MB/s whole`);
  }
  const whole = median(runs.map((r) => r.whole));
  const steps = STEPS.map((step) => {
    const ms = median(runs.map((r) => r.ms[step]));
    return { step, ms: round(ms, 1), MBPerSec: round(textBytes / MB / (ms / 1000), 2), share: round(ms / whole, 3) };
  });
  const slowest = [...steps].sort((a, b) => b.ms - a.ms)[0].step;
  return { documents: models.length, parseFailures, textMB: round(textBytes / MB, 3), rounds: runs.length, wholeMBPerSec: round(textBytes / MB / (whole / 1000), 3), steps, slowest, load: { start, end: load() } };
}
