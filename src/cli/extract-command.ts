import { mkdir, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { Command } from "commander";
import type { Extraction } from "../../schemas/extraction.js";
import { printable } from "../printable.js";
import { printJson, reportFailure } from "./output.js";

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description("extract metadata, references, tasks, deadlines and metrics (the extraction contract)")
    .argument("<files...>")
    .option("--json", "print the extraction JSON")
    .option("--out <dir>", "write <dir>/<stem>.json per input instead of printing")
    .action(async (files: string[], opts: { json?: boolean; out?: string }) => {
      // Loaded on demand: the other commands (queries, import's main thread) need none of the parsers or extractors.
      const [{ extractDocument }, { parseFile }] = await Promise.all([import("../extract/index.js"), import("../parse/index.js")]);
      if (opts.out) await mkdir(opts.out, { recursive: true });
      const all: Extraction[] = [];
      let failed = 0;
      for (const file of files) {
        try {
          const x = extractDocument(await parseFile(file));
          if (opts.out) await writeFile(join(opts.out, `${basename(file, extname(file))}.json`), `${JSON.stringify(x, null, 2)}\n`);
          else if (opts.json) all.push(x);
          else printSummary(x);
        } catch (e) {
          failed++;
          reportFailure(e, file);
        }
      }
      if (opts.json && !opts.out) printJson(all.length === 1 && files.length === 1 ? all[0] : all);
      if (failed) process.exitCode = 2;
    });
}

function printSummary(x: Extraction): void {
  const d = x.document;
  console.log(printable(x.source.file));
  console.log(`  ${d.kind ?? "?"} ${d.code ?? (d.symbol ? `(no number) ${d.symbol}` : "")} ${d.date ?? ""} — ${d.issuer ?? "issuer unknown"}`);
  if (d.title) console.log(`  ${d.title.slice(0, 140)}`);
  console.log(`  ${x.references.length} references, ${x.tasks.length} tasks, ${x.deadlines.length} deadlines, ${x.metrics.length} metrics`);
  for (const r of x.references.slice(0, 8)) console.log(`    cites ${r.code}${r.date ? ` (${r.date})` : ""}${r.issuer ? ` — ${r.issuer}` : ""}`);
  for (const w of x.warnings) console.log(`  warning: ${w}`);
}
