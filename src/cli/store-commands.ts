/**
 * The store's commands: query citing|cites|path|tasks|metrics, search, show.
 * Each prints a table by default, the library function's result with --json, and
 * the table's rows untruncated with --csv. A problem the user can fix is one line
 * on stderr ("error: no document matches 41-KH/ĐU — add --issuer …"), exit code 1.
 */
import { relative } from "node:path";
import type { Command } from "commander";
import { log } from "../log.js";
import { printable } from "../printable.js";
import type { DocumentSummary } from "../store/document-summary.js";
import { openStore, type Store } from "../store/open-store.js";
import {
  queryCiting, queryCites, queryMetrics, queryPath, queryTasks, showDocument, type MetricItem, type TaskEntry,
} from "../store/queries.js";
import { searchStore } from "../store/search.js";
import { StoreError } from "../store/store-error.js";
import { DEFAULT_DB } from "./import-command.js";
import { period, wholeNumber, type Period } from "./option-values.js";
import { printJson } from "./output.js";
import { maxOf } from "../large-arrays.js";

const LIMIT = wholeNumber("--limit", 0, 1_000_000);

type Format = { json?: boolean; csv?: boolean };
type Row = Record<string, string | number | null>;

export function registerStoreCommands(program: Command): void {
  const query = program.command("query").description("ask the store: citing, cites, path, tasks, metrics");

  withOutput(query.command("citing").description("documents that cite CODE").argument("<code>"))
    .option("--transitive", "also documents citing them, through chains of implementation")
    .option("--issuer <issuer>", "issuer or place, when the code is local (41-KH/ĐU)")
    .option("--limit <n>", "at most this many (nearest first, then newest)", LIMIT)
    .action((code: string, opts: StoreOpts & { transitive?: boolean; issuer?: string; limit?: number }) =>
      run(opts, (db) => {
        const r = queryCiting(db, code, { transitive: opts.transitive, issuer: opts.issuer, limit: opts.limit });
        return {
          json: r,
          title: `${r.total} document(s) cite ${describe(r.target)}${r.transitive ? " (transitively)" : ""}${r.citing.length < r.total ? `, first ${r.citing.length} shown` : ""}`,
          rows: r.citing.map((c) => ({
            depth: c.depth, relation: c.relations.join(","), ...documentColumns(c.document),
            via: c.via ? (c.via.code ?? `#${c.via.id}`) : null, reported: c.reported ? "yes" : null,
          })),
        };
      }));

  withOutput(query.command("cites").description("what a document cites, with relation types").argument("<doc>", "file path, code or store id"))
    .option("--issuer <issuer>", "issuer or place, when DOC is a local code")
    .action((doc: string, opts: StoreOpts & { issuer?: string }) =>
      run(opts, (db) => {
        const r = queryCites(db, doc, { issuer: opts.issuer });
        return {
          json: r,
          title: `${describe(r.document)} cites ${r.cites.length}`,
          rows: r.cites.map((c) => ({
            relation: c.relation, origin: c.origin, ...documentColumns(c.target), page: c.page,
            reported_by: c.reportedBy ? (c.reportedBy.code ?? `#${c.reportedBy.id}`) : null, text: c.text,
          })),
        };
      }));

  withOutput(query.command("path").description("the citation chain between two documents").argument("<from>").argument("<to>"))
    .option("--issuer <issuer>", "issuer or place, when a document is a local code")
    .action((from: string, to: string, opts: StoreOpts & { issuer?: string }) =>
      run(opts, (db) => {
        const r = queryPath(db, from, to, { issuer: opts.issuer });
        return {
          json: r,
          title: r.direction === "forward" ? `${describe(r.from)} → ${describe(r.to)}` : `${describe(r.to)} → ${describe(r.from)} (TO cites FROM)`,
          rows: r.steps.map((s, i) => ({ step: i + 1, ...documentColumns(s.document), then: s.relation, text: s.text })),
        };
      }));

  withOutput(query.command("tasks").description("tasks, filtered"))
    .option("--agency <agency>", "lead or supporting agency (abbreviations and spelling variants accepted)")
    .option("--status <status>", "done | in-progress | not-started | overdue (the newest report's, for plan tasks)")
    .option("--due-before <date>", "deadline on or before this day (30/04/2026, 2026-04-30; a month or year: its last day)", period("--due-before"))
    .option("--due-after <date>", "deadline on or after this day (30/04/2026, 2026-04-30; a month or year: its first day)", period("--due-after"))
    .option("--doc <doc>", "tasks of one document (path, code or id)")
    .option("--source <code>", "tasks assigned by this document")
    .option("--issuer <issuer>", "issuer or place, for a local code in --doc or --source")
    .option("--limit <n>", "at most this many", LIMIT)
    .action((opts: StoreOpts & { agency?: string; status?: string; dueBefore?: Period; dueAfter?: Period; doc?: string; source?: string; issuer?: string; limit?: number }) =>
      run(opts, (db) => {
        const r = queryTasks(db, { ...opts, dueBefore: opts.dueBefore?.end, dueAfter: opts.dueAfter?.start });
        return {
          json: r,
          title: `${r.total} task(s)${r.tasks.length < r.total ? `, first ${r.tasks.length} shown` : ""}`,
          rows: r.tasks.map(taskColumns),
        };
      }));

  withOutput(query.command("metrics").description("targets beside reported results"))
    .option("--subject <text>", "words of the subject (diacritics optional)")
    .option("--doc <doc>", "metrics of one document (path, code or id)")
    .option("--issuer <issuer>", "issuer or place, for a local code in --doc")
    .option("--limit <n>", "at most this many metrics examined", LIMIT)
    .action((opts: StoreOpts & { subject?: string; doc?: string; issuer?: string; limit?: number }) =>
      run(opts, (db) => {
        const r = queryMetrics(db, opts);
        const value = (m: MetricItem | null) =>
          m ? `${m.comparator && m.comparator !== "=" ? m.comparator : ""}${m.numerator !== null && m.denominator !== null ? `${m.numerator}/${m.denominator}` : m.value}${m.max !== null ? `–${m.max}` : ""} ${m.unit}`.trim() : null;
        return {
          json: r,
          title: `${r.pairs.length} row(s) from ${r.total} metric(s)`,
          rows: r.pairs.map((p) => ({
            subject: p.subject, target: value(p.target), target_doc: p.target ? docLabel(p.target.document) : null,
            actual: value(p.actual), actual_doc: p.actual ? docLabel(p.actual.document) : null,
            value: value(p.other), value_doc: p.other ? docLabel(p.other.document) : null, match: p.score,
          })),
        };
      }));

  withOutput(program.command("search").description("full-text search over document titles and tasks").argument("<text...>"))
    .option("--limit <n>", "at most this many hits (default 20)", LIMIT)
    .action((words: string[], opts: StoreOpts & { limit?: number }) =>
      run(opts, (db) => {
        const r = searchStore(db, words.join(" "), { limit: opts.limit });
        return {
          json: r,
          title: `${r.hits.length} hit(s) for ${JSON.stringify(r.query)}`,
          rows: r.hits.map((h) => ({ type: h.type, ...documentColumns(h.document), task: h.task ? (h.task.ordinal ?? `#${h.task.id}`) : null, text: h.text })),
        };
      }));

  withOutput(program.command("show").description("a document with its references, tasks, deadlines, metrics and provenance").argument("<doc>", "file path, code or store id"))
    .option("--issuer <issuer>", "issuer or place, when DOC is a local code")
    .action((doc: string, opts: StoreOpts & { issuer?: string }) =>
      run(opts, (db) => {
        const r = showDocument(db, doc, { issuer: opts.issuer });
        const d = r.document;
        const sections: Section[] = [
          {
            title: describe(d),
            rows: [
              { field: "id", value: d.id }, { field: "key", value: d.key }, { field: "title", value: d.title },
              { field: "signer", value: d.signer ? `${d.signer.name}${d.signer.position ? `, ${d.signer.position}` : ""}` : null },
              { field: "place", value: d.place }, { field: "locality", value: d.locality }, { field: "content sha256", value: d.contentSha256 },
              ...d.warnings.map((w) => ({ field: "warning", value: w })),
            ],
          },
          { title: "files", rows: r.files.map((f) => ({ path: displayPath(f.path), sha256: f.sha256.slice(0, 12), format: f.format, status: f.status, error: f.error })) },
          {
            title: "references",
            rows: r.references.map((c) => ({ relation: c.relation, ...documentColumns(c.target), page: c.page, span: c.span ? `${c.span.start}-${c.span.end}` : null, reported_by: c.reportedBy ? docLabel(c.reportedBy) : null })),
          },
          { title: `cited by (${r.citedBy.count})`, rows: r.citedBy.documents.map((c) => ({ relation: c.relations.join(","), ...documentColumns(c.document) })) },
          { title: "tasks", rows: r.tasks.map((t) => ({ ...taskColumns(t), page: t.page, span: t.span ? `${t.span.start}-${t.span.end}` : null })) },
          {
            title: "deadlines",
            rows: r.deadlines.map((x) => ({ text: x.text, kind: x.kind, start: x.start, end: x.end, task: x.taskId, page: x.page, span: x.span ? `${x.span.start}-${x.span.end}` : null })),
          },
          {
            title: "metrics",
            rows: r.metrics.map((m) => ({ subject: m.subject, value: m.value, unit: m.unit, comparator: m.comparator, role: m.role, task: m.taskId, page: m.page, text: m.text })),
          },
        ];
        return { json: r, sections };
      }));
}

type StoreOpts = Format & { db: string };
type Section = { title: string; rows: Row[] };
type Answer = { json: unknown } & ({ title: string; rows: Row[] } | { sections: Section[] });

function withOutput(cmd: Command): Command {
  return cmd
    .option("--db <file>", "store file", DEFAULT_DB)
    .option("--json", "print the answer as JSON")
    .option("--csv", "print the rows as CSV");
}

async function run(opts: StoreOpts, answer: (db: Store) => Answer): Promise<void> {
  await guard(() => {
    const db = openStore(opts.db, { mustExist: true });
    try {
      print(answer(db), opts);
    } finally {
      db.close();
    }
  });
}

async function guard(body: () => unknown): Promise<void> {
  try {
    await body();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (!(e instanceof StoreError)) log.debug({ err: e }, "unexpected failure");
    console.error(`error: ${printable(message.split("\n")[0])}`);
    process.exitCode = 1;
  }
}

function print(a: Answer, f: Format): void {
  if (f.json) return printJson(a.json);
  const sections = "sections" in a ? a.sections : [{ title: a.title, rows: a.rows }];
  for (const [i, s] of sections.entries()) {
    if (f.csv) {
      if (sections.length > 1) process.stdout.write(`${i ? "\n" : ""}# ${s.title}\n`);
      process.stdout.write(csv(s.rows));
    } else {
      process.stdout.write(`${i ? "\n" : ""}${printable(s.title)}\n${table(s.rows)}`);
    }
  }
}

// ---------------------------------------------------------------------------------
// Rendering

function describe(d: DocumentSummary): string {
  return `${docLabel(d)} ${d.kind ?? ""} ${d.date ?? ""}${d.issuer ? ` — ${d.issuer}` : ""}`.replace(/\s+/g, " ").trim();
}

function docLabel(d: DocumentSummary): string {
  return `${d.code ?? `(no number) #${d.id}`}${d.placeholder ? " [not held]" : ""}`;
}

function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith("..") ? r : p;
}

function documentColumns(d: DocumentSummary): Row {
  return {
    id: d.id,
    code: d.code ?? "(no number)",
    kind: d.kind,
    date: d.date,
    issuer: d.issuer,
    held: d.placeholder ? "placeholder" : "yes",
    files: d.files.map(displayPath).join("; ") || null,
  };
}

function taskColumns(t: TaskEntry): Row {
  return {
    id: t.id,
    doc: docLabel(t.document),
    no: t.ordinal,
    task: t.text,
    lead: t.lead.map((a) => a.agency).join("; ") || null,
    support: t.support.map((a) => a.agency).join("; ") || null,
    due: t.deadline ? (t.deadline.end ?? t.deadline.start ?? t.deadline.text) : null,
    status: t.effectiveStatus,
    reported_in: t.latest ? docLabel(t.latest.report) : null,
    sources: t.sources.map((s) => s.code).join("; ") || null,
  };
}

const WIDE = new Set(["task", "text", "title", "issuer", "subject", "value"]);

function table(rows: Row[]): string {
  if (!rows.length) return "(none)\n";
  const columns = Object.keys(rows[0]);
  const cell = (v: Row[string], c: string) => clip(v === null || v === undefined ? "" : printable(String(v).replace(/\s+/g, " ")), WIDE.has(c) ? 60 : 40);
  const widths = columns.map((c) => maxOf(rows, (r) => length(cell(r[c], c)), length(c)));
  const line = (vals: string[]) => `${vals.map((v, i) => v + " ".repeat(widths[i] - length(v))).join("  ").trimEnd()}\n`;
  return line(columns) + line(widths.map((w) => "-".repeat(w))) + rows.map((r) => line(columns.map((c) => cell(r[c], c)))).join("");
}

const length = (s: string) => [...s].length;
const clip = (s: string, max: number) => (length(s) > max ? `${[...s].slice(0, max - 1).join("")}…` : s);

function csv(rows: Row[]): string {
  if (!rows.length) return "";
  const columns = Object.keys(rows[0]);
  const quote = (v: Row[string]) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [columns.join(","), ...rows.map((r) => columns.map((c) => quote(r[c])).join(","))].join("\n") + "\n";
}
