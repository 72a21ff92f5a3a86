/**
 * `npm run eval`: extracts every seed fixture in every format into a temporary
 * folder per format, scores it with ../shared/eval/score.mjs against
 * ../shared/gold, and prints one table per format.
 *
 *   node dist/scripts/eval.js [--format txt|docx|pdf] [--json] [--keep DIR]
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { extractDocument } from "../src/extract/index.js";
import { parseFile } from "../src/parse/index.js";

const root = resolve(fileURLToPath(new URL(".", import.meta.url)), existsSync(new URL("../package.json", import.meta.url)) ? ".." : "../..");
export const sharedDir = process.env.VANBAN_SHARED ?? resolve(root, "../shared");
export const FORMATS = ["txt", "docx", "pdf"] as const;

export type Score = {
  document: Record<string, number | null>;
  references: { f1: number; dateAcc: number | null; p: number; r: number };
  deadlines: { f1: number; exactRate: number | null; kindAcc: number | null; p: number; r: number };
  metrics: { f1: number; comparatorAcc: number | null; roleAcc: number | null; subjectAcc: number | null; p: number; r: number };
  tasks: { f1: number; leadF1: number | null; supportF1: number | null; sourcesF1: number | null; deadlineAcc: number | null; statusAcc: number | null; p: number; r: number };
  overallF1: number;
  perDocument?: unknown[];
};

export async function evaluate(format: string, keep?: string): Promise<{ score: Score; failures: string[] }> {
  const goldDir = join(sharedDir, "gold");
  const out = keep ? join(keep, format) : mkdtempSync(join(tmpdir(), `vanban-eval-${format}-`));
  mkdirSync(out, { recursive: true });
  const failures: string[] = [];
  for (const g of readdirSync(goldDir).filter((f) => f.endsWith(".json"))) {
    const stem = basename(g, ".json");
    const file = join(root, "fixtures", `${stem}.${format}`);
    if (!existsSync(file)) {
      failures.push(`${file}: missing fixture`);
      continue;
    }
    try {
      writeFileSync(join(out, `${stem}.json`), JSON.stringify(extractDocument(await parseFile(file))));
    } catch (e) {
      failures.push(`${file}: ${(e as Error).message.split("\n")[0]}`);
    }
  }
  const json = execFileSync(process.execPath, [join(sharedDir, "eval/score.mjs"), "--gold", goldDir, "--pred", out, "--json", "--verbose"], { encoding: "utf8" });
  return { score: JSON.parse(json) as Score, failures };
}

function row(format: string, s: Score): string[] {
  const f = (x: number | null | undefined) => (x == null ? "-" : x.toFixed(3));
  const d = s.document;
  return [
    format,
    `${f(s.references.f1)} / ${f(s.references.dateAcc)}`,
    `${f(s.deadlines.f1)} / ${f(s.deadlines.exactRate)}`,
    `${f(s.metrics.f1)} / ${f(s.metrics.comparatorAcc)} / ${f(s.metrics.roleAcc)}`,
    `${f(s.tasks.f1)} / ${f(s.tasks.leadF1)} / ${f(s.tasks.supportF1)} / ${f(s.tasks.deadlineAcc)} / ${f(s.tasks.statusAcc)} / ${f(s.tasks.sourcesF1)}`,
    Object.values(d).map(f).join(" "),
    f(s.overallF1),
  ];
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const only = args.includes("--format") ? [args[args.indexOf("--format") + 1]] : [...FORMATS];
  const keep = args.includes("--keep") ? args[args.indexOf("--keep") + 1] : undefined;
  const results: Record<string, Score> = {};
  const header = ["format", "refs F1 / date", "deadlines F1 / exact", "metrics F1 / cmp / role", "tasks F1 / lead / support / deadline / status / sources", "doc kind code date issuer signer", "overall"];
  const rows = [header];
  for (const format of only) {
    const { score, failures } = await evaluate(format, keep);
    results[format] = score;
    for (const f of failures) console.error(`eval: ${f}`);
    rows.push(row(format, score));
  }
  if (args.includes("--json")) return void console.log(JSON.stringify(results, null, 2));
  console.log(`| ${rows[0].join(" | ")} |\n|${rows[0].map(() => "---").join("|")}|`);
  for (const r of rows.slice(1)) console.log(`| ${r.join(" | ")} |`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
