/**
 * `vanban extract FILE…|-` — the extraction contract for files, or for text pasted
 * on standard input (`-`, as eyecite's cite-checking). With --out each input gets
 * its own JSON file: `<stem>.json`, or `<name.ext>.json` when two inputs share a
 * stem (a.pdf, a.docx), numbered when even the names repeat (x/a.pdf, y/a.pdf).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import type { Command } from "commander";
import type { Extraction } from "../../schemas/extraction.js";
import { t } from "../i18n/index.js";
import { printable } from "../printable.js";
import { printJson, reportFailure } from "./output.js";

const STDIN = "-";

export function registerExtract(program: Command): void {
  program
    .command("extract")
    .description(t("extract.description"))
    .argument("<files...>", t("extract.files"))
    .option("--json", t("extract.json"))
    .option("--out <dir>", t("extract.out"))
    .action(async (files: string[], opts: { json?: boolean; out?: string }) => {
      // Loaded on demand: the other commands (queries, import's main thread) need none of the parsers or extractors.
      const [{ extractDocument }, { parseFile, parseBytes }] = await Promise.all([import("../extract/index.js"), import("../parse/index.js")]);
      if (opts.out) await mkdir(opts.out, { recursive: true });
      const names = outputNames(files);
      const all: Extraction[] = [];
      let failed = 0;
      for (const [i, file] of files.entries()) {
        try {
          const model = file === STDIN ? await parseBytes(await readStdin(), STDIN) : await parseFile(file);
          const x = extractDocument(model);
          if (opts.out) await writeFile(join(opts.out, names[i]), `${JSON.stringify(x, null, 2)}\n`);
          else if (opts.json) all.push(x);
          else printSummary(x);
        } catch (e) {
          failed++;
          reportFailure(e, file === STDIN ? t("extract.stdin") : file);
        }
      }
      if (opts.json && !opts.out) printJson(all.length === 1 && files.length === 1 ? all[0] : all);
      if (failed) process.exitCode = 2;
    });
}

/** One output file name per input, never two alike. */
export function outputNames(files: readonly string[]): string[] {
  const stem = (f: string) => (f === STDIN ? "stdin" : basename(f, extname(f)));
  const stems = new Map<string, number>();
  for (const f of files) stems.set(stem(f), (stems.get(stem(f)) ?? 0) + 1);
  const taken = new Set<string>();
  return files.map((f) => {
    const base = stems.get(stem(f))! > 1 && f !== STDIN ? basename(f) : stem(f);
    let name = `${base}.json`;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}.json`;
    taken.add(name);
    return name;
  });
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function printSummary(x: Extraction): void {
  const d = x.document;
  console.log(x.source.file === STDIN ? t("extract.stdin") : printable(x.source.file));
  console.log(`  ${d.kind ?? "?"} ${d.code ?? (d.symbol ? `${t("extract.noNumber")} ${d.symbol}` : "")} ${d.date ?? ""} — ${d.issuer ?? t("extract.issuerUnknown")}`);
  if (d.title) console.log(`  ${d.title.slice(0, 140)}`);
  console.log(`  ${t("extract.counts", { references: x.references.length, tasks: x.tasks.length, deadlines: x.deadlines.length, metrics: x.metrics.length })}`);
  for (const r of x.references.slice(0, 8)) console.log(`    ${t("extract.cites", { code: r.code })}${r.date ? ` (${r.date})` : ""}${r.issuer ? ` — ${r.issuer}` : ""}`);
  for (const w of x.warnings) console.log(`  ${t("cli.warning", { message: w })}`);
}
