/**
 * `npm run corpus -- DIR [--json]`: parse and extract every document of a folder of
 * real files (md, txt, pdf, docx, html; walked recursively) and print sanity figures
 * that need no gold, per document and in total, so that a change that breaks real
 * files shows at once:
 *
 *   code / inHead    own code found / and read inside the letterhead
 *   date / inHead    document date found / and read inside the letterhead
 *   kind             kind found
 *   issuerClean      issuer found, with no motto ("Cộng hòa …", "Độc lập …", "Đảng Cộng sản …") and no markup (* | _)
 *   tables, tasks, tasksWithLead, deadlines, tasksWithDeadline
 *   zoneItems        tasks, deadlines and metrics starting in the letterhead, "Kính gửi", the
 *                    "Căn cứ" preamble or "Nơi nhận" (must be 0)
 *
 * A scan without a text layer is skipped with a note. Exit 0 unless the folder cannot be read.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, extname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { DocumentModel, Span } from "../schemas/document.js";
import type { Extraction } from "../schemas/extraction.js";
import { makeContext } from "../src/extract/context.js";
import { documentZones, inZones } from "../src/extract/document-zones.js";
import { extractDocument } from "../src/extract/index.js";
import { oneLine, parseFile, type ParseOptions } from "../src/parse/index.js";

const EXTENSIONS = new Set([".md", ".txt", ".pdf", ".docx", ".html", ".htm"]);
const MOTTO_OR_MARKUP = /cộng\s+hòa|độc\s+lập|đảng\s+cộng\s+sản\s+việt\s+nam|[*|_]/iu;

export type CorpusRow = {
  file: string;
  code: boolean;
  codeInHead: boolean;
  date: boolean;
  dateInHead: boolean;
  kind: boolean;
  issuerClean: boolean;
  tables: number;
  tasks: number;
  tasksWithLead: number;
  deadlines: number;
  tasksWithDeadline: number;
  zoneItems: number;
};
export type CorpusTotals = Omit<CorpusRow, "file" | keyof Flags> & Flags & { documents: number; skipped: number };
type Flags = { [K in "code" | "codeInHead" | "date" | "dateInHead" | "kind" | "issuerClean"]: number };
export type CorpusReport = { rows: CorpusRow[]; skipped: { file: string; reason: string }[]; totals: CorpusTotals };

function walk(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return walk(path);
      return EXTENSIONS.has(extname(name).toLowerCase()) && !/^readme\./iu.test(name) ? [path] : [];
    });
}

export function documentFigures(file: string, doc: DocumentModel, x: Extraction): CorpusRow {
  const zones = documentZones(makeContext(doc, x.document));
  const inHead = (span: Span | undefined) => inZones(zones, span) === "letterhead";
  const p = x.document.provenance ?? {};
  const zoned = [...x.tasks, ...x.deadlines, ...x.metrics].filter((item) => inZones(zones, item.span) !== null).length;
  return {
    file,
    code: x.document.code !== null,
    codeInHead: x.document.code !== null && inHead(p.code?.span),
    date: x.document.date !== null,
    dateInHead: x.document.date !== null && inHead(p.date?.span),
    kind: x.document.kind !== null,
    issuerClean: x.document.issuer !== null && !MOTTO_OR_MARKUP.test(x.document.issuer),
    tables: doc.blocks.filter((b) => b.type === "table").length,
    tasks: x.tasks.length,
    tasksWithLead: x.tasks.filter((t) => t.lead.length > 0).length,
    deadlines: x.deadlines.length,
    tasksWithDeadline: x.tasks.filter((t) => t.deadline !== null).length,
    zoneItems: zoned,
  };
}

export async function runCorpus(dir: string, options: ParseOptions = {}): Promise<CorpusReport> {
  const rows: CorpusRow[] = [];
  const skipped: { file: string; reason: string }[] = [];
  for (const path of walk(dir)) {
    const file = relative(dir, path);
    try {
      const doc = await parseFile(path, options);
      rows.push(documentFigures(file, doc, extractDocument(doc)));
    } catch (e) {
      skipped.push({ file, reason: oneLine(e).replace(`${path}: `, "") });
    }
  }
  const totals = { documents: rows.length, skipped: skipped.length } as CorpusTotals;
  for (const r of rows)
    for (const [k, v] of Object.entries(r))
      if (k !== "file") (totals as Record<string, number>)[k] = ((totals as Record<string, number>)[k] ?? 0) + Number(v);
  return { rows, skipped, totals };
}

function table(report: CorpusReport): string {
  const cols = ["code", "codeInHead", "date", "dateInHead", "kind", "issuerClean", "tables", "tasks", "tasksWithLead", "deadlines", "tasksWithDeadline", "zoneItems"] as const;
  const cell = (v: boolean | number) => (typeof v === "boolean" ? (v ? "✓" : "✗") : String(v));
  const lines = [`| tệp | ${cols.join(" | ")} |`, `|---|${cols.map(() => "---").join("|")}|`];
  for (const r of report.rows) lines.push(`| ${basename(r.file)} | ${cols.map((c) => cell(r[c])).join(" | ")} |`);
  lines.push(`| **tổng (${report.totals.documents} văn bản)** | ${cols.map((c) => String(report.totals[c] ?? 0)).join(" | ")} |`);
  for (const s of report.skipped) lines.push(`bỏ qua ${s.file}: ${s.reason}`);
  return lines.join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith("--"));
  if (!dir) {
    console.error("cách dùng: npm run corpus -- THƯ_MỤC [--json]");
    process.exit(2);
  }
  try {
    const report = await runCorpus(dir);
    console.log(args.includes("--json") ? JSON.stringify(report, null, 2) : table(report));
  } catch (e) {
    console.error(`${dir}: ${oneLine(e)}`);
    process.exit(1);
  }
}
