/**
 * bench/results.json (every figure, with the load average around it) and
 * bench/RESULTS.md (the same as tables).
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ExtractorResult } from "./extractors.js";
import type { ImportStageResult, SizeResult } from "./import-scaling.js";
import type { PdfStageResult } from "./pdf-floor.js";
import type { QueryStageResult } from "./queries.js";
import type { ThroughputResult } from "./throughput.js";
import { DEFAULT_SIZES, QUICK_SIZES, load, ROOT, round, type Load, type LoadWindow } from "./measure.js";

export type Stages = {
  pdf?: PdfStageResult;
  text?: ThroughputResult[];
  extractors?: ExtractorResult;
  import?: ImportStageResult;
  queries?: QueryStageResult;
};

export type Results = ReturnType<typeof summarise>;

type Machine = { cores: number; cpu: string; memoryGB: number; node: string; platform: string; loadAverageAtStart: Load };

/**
 * Issue 17's targets, each a ratio or figure from this one run. `max`: the
 * value must not exceed the limit; `min`: it must reach it.
 */
type Target = { key: string; figure: string; target: string; value: number | null; unit: string; limit: number; kind: "max" | "min" };
export type TargetResult = Target & { met: boolean | null; shortfall: string };

function judge(t: Target): TargetResult {
  const v = t.value;
  if (v === null || !Number.isFinite(v)) return { ...t, value: null, met: null, shortfall: "not measured" };
  const met = t.kind === "max" ? v <= t.limit : v >= t.limit;
  const by = t.kind === "max" ? v / t.limit : t.limit / v;
  return { ...t, met, shortfall: met ? "" : `${by.toFixed(2)}× ${t.kind === "max" ? "over" : "short"}` };
}

export function issue17Targets(stages: Stages): TargetResult[] {
  const text = stages.text?.filter((t) => t.floor?.name.startsWith("read")) ?? [];
  const worstText = text.length ? text.reduce((a, b) => ((a.floor?.oursOverFloorCpu ?? 0) >= (b.floor?.oursOverFloorCpu ?? 0) ? a : b)) : null;
  const slowestText = text.length ? text.reduce((a, b) => (a.withStoreCpuMBPerSec <= b.withStoreCpuMBPerSec ? a : b)) : null;
  const docx = stages.text?.find((t) => t.floor?.name === "mammoth alone");
  const imp = stages.import;
  const tenK = imp?.sizes.find((z) => z.documents === 10_000);
  const q = stages.queries;
  const graphQueries = q?.queries.filter((x) => x.target) ?? [];
  const worstGraph = graphQueries.length ? graphQueries.reduce((a, b) => (a.p95Ms >= b.p95Ms ? a : b)) : null;
  const queryLimit = q && q.documents > 10_000 ? 50 : 10;
  const rss = [...(imp?.sizes.map((z) => z.peakRssMB) ?? []), stages.pdf?.importPipeline?.peakRssMB ?? null].filter((x): x is number => x !== null);
  const steps = imp?.sizes.filter((z) => z.marginalCpuSecondsPer1000 !== null) ?? [];
  const step = (z: SizeResult) => `${imp!.sizes[imp!.sizes.indexOf(z) - 1].documents}→${z.documents}`;
  const targets: Target[] = [
    { key: "textOverFloor", figure: `text/Markdown import ÷ its floor, CPU time (worst set: ${worstText?.set ?? "—"})`, target: "≤ 3×", value: worstText?.floor?.oursOverFloorCpu ?? null, unit: "×", limit: 3, kind: "max" },
    { key: "textMBPerSec", figure: `text/Markdown import, parse + extract + store, MB per CPU second (slowest set: ${slowestText?.set ?? "—"})`, target: "≥ 10 MB/s", value: slowestText?.withStoreCpuMBPerSec ?? null, unit: " MB/s", limit: 10, kind: "min" },
    { key: "import10kSeconds", figure: "first import of the 10,000-document archive, wall", target: "≤ 6 s", value: tenK?.wallSeconds ?? null, unit: " s", limit: 6, kind: "max" },
    {
      key: "importLinearity",
      figure: steps.length >= 2 ? `marginal CPU s per 1000 docs, ${step(steps[steps.length - 1])} ÷ ${step(steps[0])}` : "marginal CPU s per 1000 docs (needs three sizes)",
      target: "≤ 1.15×", value: steps.length >= 2 ? (imp?.linearity ?? null) : null, unit: "×", limit: 1.15, kind: "max",
    },
    { key: "reimportSpeedup", figure: `re-import of the unchanged ${imp?.reimport.documents ?? ""} archive, first ÷ re-import (wall)`, target: "≥ 100×", value: imp?.reimport.speedup ?? null, unit: "×", limit: 100, kind: "min" },
    { key: "pdfOverPdfjs", figure: "PDF parse → extract → store ÷ bare pdf.js getTextContent, CPU time", target: "≤ 1.5×", value: stages.pdf?.generated.oursOverPdfjsCpu ?? null, unit: "×", limit: 1.5, kind: "max" },
    { key: "docxOverMammoth", figure: "DOCX parse → extract → store ÷ mammoth alone, CPU time", target: "≤ 1.5×", value: docx?.floor?.oursOverFloorCpu ?? null, unit: "×", limit: 1.5, kind: "max" },
    { key: "graphQueryP95Ms", figure: `citing --transitive / tasks --agency (the CLI's default page of 50, total counted), p95 in process on ${q?.documents ?? "—"} documents (worst: ${worstGraph?.name ?? "—"}; CPU p95 ${worstGraph?.cpuP95Ms ?? "—"} ms)`, target: `< ${queryLimit} ms`, value: worstGraph?.p95Ms ?? null, unit: " ms", limit: queryLimit, kind: "max" },
    { key: "peakRssMB", figure: "peak RSS, any import (archives of every size; PDFs with 2 workers)", target: "< 300 MB", value: rss.length ? Math.max(...rss) : null, unit: " MB", limit: 300, kind: "max" },
  ];
  return targets.map(judge);
}

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
    pdfOverPdfjsCpu: pdf?.oursOverPdfjsCpu ?? null,
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
  const targets = issue17Targets(stages);
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
  const out: string[] = [];
  out.push(`# vanban benchmark results`, "");
  const sizes = r.options.sizes.join(",");
  const flags = [r.options.quick ? "--quick" : "", sizes !== (r.options.quick ? QUICK_SIZES : DEFAULT_SIZES) ? `--sizes ${sizes}` : ""].filter(Boolean).join(" ");
  out.push(`\`npm run bench${flags ? ` -- ${flags}` : ""}\` on ${r.date.slice(0, 16).replace("T", " ")} UTC, ${r.durationSeconds} s in all.`, "");
  out.push(
    `Machine: ${m.cores} cores (${m.cpu}), ${m.memoryGB} GB, Node ${m.node}, ${m.platform}. Load average (1/5/15 min) at start ${m.loadAverageAtStart.join(" / ")}, at end ${m.loadAverageAtEnd.join(" / ")} — the machine was shared with other jobs, so absolute figures are noisy; every figure is a median of several runs, and ratios measured in the same run (floor vs ours, first import vs re-import) are the ones to trust.`,
    "",
  );
  out.push(`## Issue 17 targets`, "");
  out.push(
    table(["figure", "value", "target", "met", "falls short by"], r.targets.map((x) => [x.figure, x.value === null ? "—" : `${f(x.value, x.unit === "×" ? 2 : 1)}${x.unit}`, x.target, yes(x.met), x.shortfall])),
    "",
  );
  out.push(`## Summary`, "");
  const pdf = s.pdf?.generated;
  const text = (k: number) => s.text?.[k];
  const floorCell = (x: ThroughputResult | undefined) => (x?.floor ? `${f(x.floor.oursOverFloorCpu, 2)}× CPU, ${f(x.floor.oursOverFloor, 2)}× wall (floor ${f(x.floor.cpuMBPerSec, 1)} MB/CPU s)` : "");
  out.push(
    table(["figure", "value", "vs the floor (ours ÷ floor)", "load (1 min, start → end)"], [
      [`PDF, full pipeline (parse → extract → store), 1 thread`, `${f(r.pdfPagesPerSec)} pages/s`, pdf ? `${f(pdf.oursOverPdfjsCpu, 2)}× CPU, ${f(pdf.oursOverPdfjs, 2)}× wall (pdf.js getTextContent ${f(pdf.rawPdfjsPagesPerSec)} pages/s)` : "", l1(pdf?.load)],
      ...[0, 1].map((k) => [`${text(k)?.set ?? ""}, parse + extract + store`, `${f(text(k)?.withStoreMBPerSec, 3)} MB/s (${f(text(k)?.withStoreCpuMBPerSec, 3)} MB per CPU s)`, floorCell(text(k)), l1(text(k)?.load)]),
      [`DOCX, parse + extract (file MB / text MB)`, `${f(r.docxMBPerSec, 3)} / ${f(r.docxTextMBPerSec, 3)} MB/s`, floorCell(text(3)), l1(text(3)?.load)],
      ["extractors alone (whole extractDocument)", `${f(r.extractMBPerSec, 3)} MB/s`, "", l1(s.extractors?.load)],
      ...(s.import?.sizes ?? []).map((z) => [`first import, ${z.documents} documents`, `${f(z.wallSeconds)} s wall, ${f(z.cpuSeconds)} s CPU, ${f(z.docsPerSec)} docs/s`, "", l1(z.load)]),
      [`re-import, unchanged ${s.import?.reimport.documents ?? ""}`, `${f(s.import?.reimport.medianWallSeconds, 2)} s, ${f(r.reimportSpeedup)}× faster (CPU time: ${f(s.import?.reimport.cpuSpeedup)}×)`, "", l1(s.import?.reimport.load)],
      [`nightly, 20 new on the ${s.import?.reimport.documents ?? ""} store${r.nightlyStatus === "pending" ? " (PENDING: import of the 20 only)" : ""}`, `${f(r.nightlySeconds, 2)} s`, "", l1(s.import?.nightly.load)],
      [`queries on the ${s.import?.reimport.documents ?? ""} store, worst p95`, `${f(r.queryP95Ms, 1)} ms (${s.queries?.worst ?? ""}); CPU ${f(r.queryCpuP95Ms, 1)} ms`, "", l1(s.queries?.load)],
      ["search alone, worst p95", `${f(r.searchP95Ms, 1)} ms`, "", l1(s.queries?.load)],
    ]),
    "",
  );
  if (Object.keys(r.errors).length) out.push(`Stages that failed: ${Object.entries(r.errors).map(([k, v]) => `${k}: ${v}`).join("; ")}`, "");

  if (s.pdf) {
    out.push(`## 1. PDF: floor vs ours (pages/s, one thread)`, "");
    out.push("The floor is bare pdf.js `getTextContent` on every page; ours reads pdf.js's operator list (glyph positions, fonts and ruling lines), which pdf.js makes dearer than the text content: it compiles every glyph's outline. Ours runs each repetition into a fresh store, so no file is skipped as a copy.", "");
    out.push(`Generated set: ${s.pdf.generated.note}.`, "");
    out.push(
      table(["set", "pages", "pdf-parse getText", "pdf.js getTextContent (floor)", "ours: parse", "parse + extract", "full (+ store)", "full ÷ floor (CPU / wall)", "time share parse / extract / store", "load"],
        [s.pdf.generated, s.pdf.fixtures].map((x) => [
          `${x.set}${x.failures.length ? ` (${x.failures.length} files failed: ${x.failures[0]})` : ""}`, x.pagesPerPass, f(x.floorPagesPerSec), f(x.rawPdfjsPagesPerSec), f(x.parsePagesPerSec), f(x.parseExtractPagesPerSec), f(x.fullPagesPerSec),
          `${f(x.oursOverPdfjsCpu, 2)}× / ${f(x.oursOverPdfjs, 2)}×`, `${f(x.share.parse * 100, 0)}% / ${f(x.share.extract * 100, 0)}% / ${f(x.share.store * 100, 0)}%`, l1(x.load),
        ])),
      "",
    );
    const ip = s.pdf.importPipeline;
    if (ip) out.push(`Import pipeline (\`vanban import --jobs 2\`) on the generated set: ${ip.pages} pages, ${f(ip.pagesPerSec)} pages/s (wall ${ip.wallSeconds.join(", ")} s, peak RSS ${f(ip.peakRssMB, 0)} MB, load ${l1(ip.load)}).`, "");
  }
  if (s.text) {
    out.push(`## 2. DOCX, Markdown, text (MB/s, one thread)`, "");
    out.push(
      table(["set", "files (failed)", "MB", "parse", "parse + extract", "+ store", "+ store, MB per CPU s", "text MB/s (parse + extract)", "docs/s (with store)", "floor", "floor MB per CPU s", "ours ÷ floor (CPU / wall)", "share parse / extract / store", "load"],
        s.text.map((x) => [
          x.set, `${x.files}${x.failures.length ? ` (${x.failures.length} failed: ${x.failures[0]})` : ""}`, f(x.inputMB, 2), f(x.parseMBPerSec, 3), f(x.parseExtractMBPerSec, 3), f(x.withStoreMBPerSec, 3), f(x.withStoreCpuMBPerSec, 3), f(x.textMBPerSec, 3), f(x.docsPerSec),
          x.floor?.name ?? "—", f(x.floor?.cpuMBPerSec, 2), x.floor ? `${f(x.floor.oursOverFloorCpu, 2)}× / ${f(x.floor.oursOverFloor, 2)}×` : "—",
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
    if (i.profile) {
      out.push(`What remains — self time of the ${i.profile.documents}-document import under \`--cpu-prof\` (main thread and workers together, ${f(i.profile.sampledMs / 1000, 1)} s sampled):`, "");
      out.push(table(["function", "self share"], i.profile.self.map((h) => [`\`${h.name}\``, `${f(h.share * 100, 1)}%`])), "");
    }
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
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "results.json"), `${JSON.stringify(r, null, 2)}\n`);
  const markdown = renderMarkdown(r);
  writeFileSync(join(dir, "RESULTS.md"), `${markdown}\n`);
  if (resolve(dir) === join(ROOT, "bench") && !r.options.quick) updateReadme(markdown);
}

const README_START = "<!-- bench:start (written by npm run bench) -->";
const README_END = "<!-- bench:end -->";

/** The README's bench section: everything of RESULTS.md down to the per-stage sections. */
function updateReadme(markdown: string): void {
  const readme = join(ROOT, "README.md");
  const text = readFileSync(readme, "utf8");
  const a = text.indexOf(README_START);
  const b = text.indexOf(README_END);
  if (a < 0 || b < a) return;
  const summary = markdown.slice(markdown.indexOf("`npm run bench"), markdown.indexOf("\n## 1.")).trim().replace(/^## /gm, "#### ");
  writeFileSync(readme, `${text.slice(0, a + README_START.length)}\n${summary}\n${text.slice(b)}`);
}
