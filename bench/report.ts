/**
 * bench/results.json (every figure, with the load average around it) and
 * bench/RESULTS.md (the same as tables).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ExtractorResult } from "./extractors.js";
import type { ImportStageResult } from "./import-scaling.js";
import type { PdfStageResult } from "./pdf-floor.js";
import type { QueryStageResult } from "./queries.js";
import type { ThroughputResult } from "./throughput.js";
import { load, round, type Load, type LoadWindow } from "./measure.js";

export type Stages = {
  pdf?: PdfStageResult;
  text?: ThroughputResult[];
  extractors?: ExtractorResult;
  import?: ImportStageResult;
  queries?: QueryStageResult;
};

export type Results = ReturnType<typeof summarise>;

type Machine = { cores: number; cpu: string; memoryGB: number; node: string; platform: string; loadAverageAtStart: Load };

const TARGETS = {
  pdfPagesPerSec: { min: 40, text: "≥ 40 pages/s" },
  pdfFloorRatio: { max: 2, text: "≤ 2× (floor ÷ ours)" },
  mdMBPerSec: { min: 20, text: "≥ 20 MB/s" },
  textMBPerSec: { min: 20, text: "≥ 20 MB/s" },
  reimportSpeedup: { min: 50, text: "≥ 50×" },
  nightlySeconds: { max: 5, text: "< 5 s" },
  queryP95Ms: { max: 50, text: "< 50 ms" },
} as const;

const met = (key: keyof typeof TARGETS, v: number | null | undefined) => {
  if (v === null || v === undefined || !Number.isFinite(v)) return null;
  const t = TARGETS[key] as { min?: number; max?: number };
  return t.min !== undefined ? v >= t.min : v <= t.max!;
};

export function summarise(machine: Machine, args: { quick: boolean; sizes: number[]; repeats: number }, stages: Stages, errors: Record<string, string>, started: Date, seconds: number) {
  const pdf = stages.pdf?.generated;
  const md = stages.text?.find((t) => t.set.includes(".md)"));
  const txt = stages.text?.find((t) => t.set.includes(".txt)"));
  const docx = stages.text?.find((t) => t.set.includes("DOCX"));
  const imp = stages.import;
  const figures = {
    pdfPagesPerSec: pdf?.fullPagesPerSec ?? null,
    floorPdfPagesPerSec: pdf?.floorPagesPerSec ?? null,
    pdfFloorRatio: pdf?.floorOverFull ?? null,
    mdMBPerSec: md?.parseExtractMBPerSec ?? null,
    mdWithStoreMBPerSec: md?.withStoreMBPerSec ?? null,
    textMBPerSec: txt?.parseExtractMBPerSec ?? null,
    docxMBPerSec: docx?.parseExtractMBPerSec ?? null,
    docxTextMBPerSec: docx?.textMBPerSec ?? null,
    extractMBPerSec: stages.extractors?.wholeMBPerSec ?? null,
    importDocsPerSec: imp ? Object.fromEntries(imp.sizes.map((s) => [String(s.documents), s.docsPerSec])) : null,
    importLinearity: imp?.linearity ?? null,
    reimportSpeedup: imp?.reimport.speedup ?? null,
    reimportCpuSpeedup: imp?.reimport.cpuSpeedup ?? null,
    nightlySeconds: imp?.nightly.medianWallSeconds ?? null,
    nightlyStatus: imp?.nightly.status ?? null,
    queryP95Ms: stages.queries?.worstP95Ms ?? null,
    queryCpuP95Ms: stages.queries?.worstCpuP95Ms ?? null,
    /** Worst p95 among the search queries alone. */
    searchP95Ms: stages.queries ? Math.max(...stages.queries.queries.filter((q) => q.cli[0] === "search").map((q) => q.p95Ms)) : null,
    peakRssMB: imp ? imp.sizes[imp.sizes.length - 1].peakRssMB : null,
  };
  const targets = Object.fromEntries(
    (Object.keys(TARGETS) as (keyof typeof TARGETS)[]).map((k) => [k, { target: TARGETS[k].text, value: figures[k], met: met(k, figures[k]) }]),
  );
  return {
    date: started.toISOString(),
    machine: { ...machine, loadAverageAtEnd: load() },
    options: args,
    durationSeconds: round(seconds, 1),
    ...figures,
    targets,
    stages,
    errors,
  };
}

const l1 = (w: LoadWindow | undefined) => (w ? `${w.start[0].toFixed(1)} → ${w.end[0].toFixed(1)}` : "—");
const f = (v: number | null | undefined, digits = 1) => (v === null || v === undefined || !Number.isFinite(v) ? "—" : v.toFixed(digits));
const yes = (m: boolean | null) => (m === null ? "—" : m ? "yes" : "**no**");

function table(head: string[], rows: (string | number)[][]): string {
  return [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

export function renderMarkdown(r: Results): string {
  const s = r.stages;
  const m = r.machine;
  const t = r.targets as Record<string, { target: string; value: number | null; met: boolean | null }>;
  const out: string[] = [];
  out.push(`# vanban benchmark results`, "");
  out.push(`\`npm run bench${r.options.quick ? " -- --quick" : ""}\` on ${r.date.slice(0, 16).replace("T", " ")} UTC, ${r.durationSeconds} s in all.`, "");
  out.push(
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGB} GB, Node ${m.node}, ${m.platform}. Load average (1/5/15 min) at start ${m.loadAverageAtStart.join(" / ")}, at end ${m.loadAverageAtEnd.join(" / ")} — the machine was shared with other jobs, so absolute figures are noisy; every figure is a median of several runs, and ratios measured in the same run (floor vs ours, first import vs re-import) are the ones to trust.`,
    "",
  );
  out.push(`## Summary`, "");
  const row = (name: string, key: string, value: string, w: LoadWindow | undefined) => [name, value, t[key]?.target ?? "", t[key] ? yes(t[key].met) : "—", l1(w)];
  const pdf = s.pdf?.generated;
  out.push(
    table(["figure", "value", "target", "met", "load (1 min, start → end)"], [
      row(`PDF, full pipeline (parse → extract → store), 1 thread`, "pdfPagesPerSec", `${f(r.pdfPagesPerSec)} pages/s`, pdf?.load),
      ["PDF floor (pdf-parse getText), 1 thread", `${f(r.floorPdfPagesPerSec)} pages/s`, "", "", l1(pdf?.load)],
      row("PDF floor ÷ ours", "pdfFloorRatio", `${f(r.pdfFloorRatio, 2)}×`, pdf?.load),
      row("Markdown, parse + extract", "mdMBPerSec", `${f(r.mdMBPerSec, 3)} MB/s`, s.text?.[0]?.load),
      ["Markdown, parse + extract + store", `${f(r.mdWithStoreMBPerSec, 3)} MB/s`, "", "", l1(s.text?.[0]?.load)],
      row("plain text, parse + extract", "textMBPerSec", `${f(r.textMBPerSec, 3)} MB/s`, s.text?.[1]?.load),
      ["DOCX, parse + extract (file MB / text MB)", `${f(r.docxMBPerSec, 3)} / ${f(r.docxTextMBPerSec, 3)} MB/s`, "", "", l1(s.text?.[3]?.load)],
      ["extractors alone (whole extractDocument)", `${f(r.extractMBPerSec, 3)} MB/s`, "", "", l1(s.extractors?.load)],
      ...(s.import?.sizes ?? []).map((z) => [`first import, ${z.documents} documents`, `${f(z.wallSeconds)} s, ${f(z.docsPerSec)} docs/s`, "linear", "", l1(z.load)]),
      ["import linearity (marginal CPU s per 1000 docs, last step ÷ first)", f(r.importLinearity, 2), "≤ ~1.2", r.importLinearity === null ? "—" : yes(r.importLinearity <= 1.2), ""],
      row(`re-import, unchanged ${s.import?.reimport.documents ?? ""}`, "reimportSpeedup", `${f(s.import?.reimport.medianWallSeconds, 2)} s, ${f(r.reimportSpeedup)}× faster (CPU time: ${f(s.import?.reimport.cpuSpeedup)}×)`, s.import?.reimport.load),
      row(`nightly, 20 new on the ${s.import?.reimport.documents ?? ""} store${r.nightlyStatus === "pending" ? " (PENDING: import of the 20 only)" : ""}`, "nightlySeconds", `${f(r.nightlySeconds, 2)} s`, s.import?.nightly.load),
      row(`queries on the ${s.import?.reimport.documents ?? ""} store, worst p95`, "queryP95Ms", `${f(r.queryP95Ms, 1)} ms (${s.queries?.worst ?? ""})`, s.queries?.load),
      ["search alone, worst p95", `${f(r.searchP95Ms, 1)} ms`, "< 50 ms", r.searchP95Ms === null ? "—" : yes(r.searchP95Ms < 50), l1(s.queries?.load)],
      ["queries, worst p95 of CPU time (load-independent)", `${f(r.queryCpuP95Ms, 1)} ms`, "< 50 ms", r.queryCpuP95Ms === null ? "—" : yes(r.queryCpuP95Ms < 50), l1(s.queries?.load)],
      ["peak RSS, largest first import", `${f(r.peakRssMB, 0)} MB`, "", "", ""],
    ]),
    "",
  );
  if (Object.keys(r.errors).length) out.push(`Stages that failed: ${Object.entries(r.errors).map(([k, v]) => `${k}: ${v}`).join("; ")}`, "");

  if (s.pdf) {
    out.push(`## 1. PDF: floor vs ours (pages/s, one thread)`, "");
    out.push(`Generated set: ${s.pdf.generated.note}.`, "");
    out.push(
      table(["set", "pages", "floor (pdf-parse)", "pdf.js getTextContent", "ours: parse", "parse + extract", "full (+ store)", "floor ÷ full", "time share parse / extract / store", "load"],
        [s.pdf.generated, s.pdf.fixtures].map((x) => [
          `${x.set}${x.failures.length ? ` (${x.failures.length} files failed: ${x.failures[0]})` : ""}`, x.pagesPerPass, f(x.floorPagesPerSec), f(x.rawPdfjsPagesPerSec), f(x.parsePagesPerSec), f(x.parseExtractPagesPerSec), f(x.fullPagesPerSec),
          `${f(x.floorOverFull, 2)}×`, `${f(x.share.parse * 100, 0)}% / ${f(x.share.extract * 100, 0)}% / ${f(x.share.store * 100, 0)}%`, l1(x.load),
        ])),
      "",
    );
    const ip = s.pdf.importPipeline;
    if (ip) out.push(`Import pipeline (\`vanban import\`, worker threads = cores) on the generated set: ${ip.pages} pages, ${f(ip.pagesPerSec)} pages/s (wall ${ip.wallSeconds.join(", ")} s, peak RSS ${f(ip.peakRssMB, 0)} MB, load ${l1(ip.load)}).`, "");
  }
  if (s.text) {
    out.push(`## 2. DOCX, Markdown, text (MB/s, one thread)`, "");
    out.push(
      table(["set", "files (failed)", "MB", "parse", "parse + extract", "+ store", "text MB/s (parse + extract)", "docs/s (with store)", "share parse / extract / store", "load"],
        s.text.map((x) => [
          x.set, `${x.files}${x.failures.length ? ` (${x.failures.length} failed: ${x.failures[0]})` : ""}`, f(x.inputMB, 2), f(x.parseMBPerSec, 3), f(x.parseExtractMBPerSec, 3), f(x.withStoreMBPerSec, 3), f(x.textMBPerSec, 3), f(x.docsPerSec),
          `${f(x.share.parse * 100, 0)}% / ${f(x.share.extract * 100, 0)}% / ${f(x.share.store * 100, 0)}%`, l1(x.load),
        ])),
      "",
    );
  }
  if (s.extractors) {
    const e = s.extractors;
    out.push(`## 3. Extractors alone (MB/s of normalised text)`, "");
    out.push(`${e.documents} document models (archive Markdown/text and every fixture${e.parseFailures ? `; ${e.parseFailures} inputs failed to parse and are left out` : ""}), ${e.textMB} MB of text; whole extractDocument ${e.wholeMBPerSec} MB/s. Load ${l1(e.load)}.`, "");
    out.push(table(["step", "ms per pass", "MB/s", "share of extractDocument"], e.steps.map((x) => [x.step, f(x.ms), f(x.MBPerSec, 2), `${f(x.share * 100, 1)}%`])), "");
  }
  if (s.import) {
    const i = s.import;
    out.push(`## 4. Import scaling (child process \`node bin/vanban.js import DIR --db X --json\`)`, "");
    out.push(
      table(["documents", "archive MB", "runs (wall s)", "median wall s", "CPU s (all threads)", "docs/s", "archive MB/s", "marginal wall s / 1000 docs", "marginal CPU s / 1000 docs", "peak RSS MB", "store MB", "load"],
        i.sizes.map((z) => [
          z.documents, f(z.archiveMB), z.runs.map((x) => x.wallSeconds).join(", "), f(z.wallSeconds, 2), f(z.cpuSeconds, 1), f(z.docsPerSec), f(z.archiveMBPerSec, 3),
          f(z.marginalSecondsPer1000, 2), f(z.marginalCpuSecondsPer1000, 2), f(z.peakRssMB, 0), f(z.dbMB), l1(z.load),
        ])),
      "",
    );
    out.push("docs/s rises with size: each run pays a fixed start (Node, modules, worker threads, the store's schema check), and the archive's first thousand documents are mostly plans with tables while later ones add short công văn and reports. The marginal cost between sizes, in CPU seconds of the import process (wall time moves with the other jobs' load), is the figure for linearity.", "");
    out.push(`Re-import of the unchanged ${i.reimport.documents}: ${i.reimport.wallSeconds.join(", ")} s (median ${i.reimport.medianWallSeconds} s, CPU ${f(i.reimport.cpuSeconds, 2)} s, ${i.reimport.innerSeconds} s inside importPaths, ${i.reimport.skipped} skipped) → **${i.reimport.speedup}×** faster than the first import (CPU time: ${f(i.reimport.cpuSpeedup)}×). Load ${l1(i.reimport.load)}.`, "");
    const n = i.nightly;
    out.push(`Nightly (${n.status}): ${n.newDocuments} new documents on a copy of the ${i.reimport.documents} store, today = ${n.today}: ${n.wallSeconds.join(", ")} s (median **${n.medianWallSeconds} s**; CPU ${f(n.cpuSeconds, 2)} s; ${f(n.innerSeconds, 2)} s inside; peak RSS ${f(n.peakRssMB, 0)} MB). ${n.note}.${n.report ? ` Report: ${["newDeadlines", "dueSoon", "overdue", "moved"].map((k) => `${k} ${String(n.report![k])}`).join(", ")}.` : ""} Load ${l1(n.load)}.`, "");
  }
  if (s.queries) {
    const q = s.queries;
    out.push(`## 5. Queries on the ${q.documents}-document store (library functions; CLI spawn for reference)`, "");
    out.push(table(["query", "results", "runs", "p50 ms", "p95 ms", "max ms", "CPU p50 ms", "CPU p95 ms", "CLI spawn s"], q.queries.map((x) => [x.name, x.results, x.runs, f(x.p50Ms, 2), f(x.p95Ms, 2), f(x.maxMs, 1), f(x.cpuP50Ms, 2), f(x.cpuP95Ms, 2), f(x.cliWallSeconds, 2)])), "");
    out.push(`Load ${l1(q.load)}.`, "");
  }
  return out.join("\n");
}

export function writeResults(dir: string, r: Results): void {
  writeFileSync(join(dir, "results.json"), `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(join(dir, "RESULTS.md"), `${renderMarkdown(r)}\n`);
}
