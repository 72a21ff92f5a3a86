/**
 * The store's commands: query citing|cites|path|tasks|metrics, search, show.
 * Each prints a table by default, the library function's result with --json, the
 * table's rows untruncated with --csv, and the big answers' items with --ndjson
 * (answer-output.ts). A problem the user can fix is one line on stderr
 * ("lỗi: có nhiều văn bản số hiệu 41-KH/ĐU — thêm --issuer …"), exit code 1.
 */
import { relative } from "node:path";
import type { Command } from "commander";
import { log } from "../log.js";
import { printable } from "../printable.js";
import { foldLoose } from "../normalise/fold.js";
import {
  type AgencySuggestion, type DocumentSummary, type MetricItem, openBackend, type SearchHit, type StoreOperations, StoreError, type TaskEntry
} from "../store/index.js";
import { t, VanbanError } from "../i18n/index.js";
import { columnTitle, printAnswer, type Answer, type Format, type Row, type Section } from "./answer-output.js";
import { DEFAULT_DB } from "./import-command.js";
import { day, period, wholeNumber, type Period } from "./option-values.js";
import { reportError } from "./output.js";

const LIMIT = wholeNumber("--limit", 0, 1_000_000);

/** Lists on a terminal or in JSON are paged (their total counted apart); CSV and NDJSON exports are whole. `--limit 0`: everything. */
const PAGE = 50;
function pageLimit(opts: { limit?: number; csv?: boolean; ndjson?: boolean }): number | undefined {
  if (opts.limit !== undefined) return opts.limit === 0 ? undefined : opts.limit;
  return opts.csv || opts.ndjson ? undefined : PAGE;
}

export function registerStoreCommands(program: Command): void {
  const query = program.command("query").description(t("query.description"));

  withOutput(query.command("citing").description(t("citing.description")).argument("<code>"), true)
    .option("--transitive", t("citing.transitive"))
    .option("--issuer <issuer>", t("opt.issuer"))
    .option("--limit <n>", t("citing.limit"), LIMIT)
    .action((code: string, opts: StoreOpts & { transitive?: boolean; issuer?: string; limit?: number }) =>
      run(opts, async (store) => {
        const r = await store.queryCiting(code, { transitive: opts.transitive, issuer: opts.issuer, limit: pageLimit(opts) });
        return {
          json: r,
          items: r.citing,
          title: shown(t(r.transitive ? "citing.titleTransitive" : "citing.title", { total: r.total, target: describe(r.target) }), r.citing.length, r.total),
          rows: r.citing.map((c) => ({
            depth: c.depth, relation: c.relations.join(","), ...documentColumns(c.document),
            via: c.via ? (c.via.code ?? `#${c.via.id}`) : null, reported: c.reported ? t("doc.reported") : null,
          })),
        };
      }));

  withOutput(query.command("cites").description(t("cites.description")).argument("<doc>", t("arg.doc")))
    .option("--issuer <issuer>", t("opt.issuer"))
    .action((doc: string, opts: StoreOpts & { issuer?: string }) =>
      run(opts, async (store) => {
        const r = await store.queryCites(doc, { issuer: opts.issuer });
        return {
          json: r,
          title: t("cites.title", { document: describe(r.document), n: r.cites.length }),
          rows: r.cites.map((c) => ({
            relation: c.relation, origin: c.origin, ...documentColumns(c.target), page: c.page,
            reported_by: c.reportedBy ? (c.reportedBy.code ?? `#${c.reportedBy.id}`) : null, text: c.text,
          })),
        };
      }));

  withOutput(query.command("path").description(t("path.description")).argument("<from>").argument("<to>"))
    .option("--issuer <issuer>", t("opt.issuer"))
    .action((from: string, to: string, opts: StoreOpts & { issuer?: string }) =>
      run(opts, async (store) => {
        const r = await store.queryPath(from, to, { issuer: opts.issuer });
        return {
          json: r,
          title: r.direction === "forward" ? `${describe(r.from)} → ${describe(r.to)}` : t("path.reverse", { to: describe(r.to), from: describe(r.from) }),
          rows: r.steps.map((s, i) => ({ step: i + 1, ...documentColumns(s.document), then: s.relation, text: s.text })),
        };
      }));

  withOutput(query.command("tasks").description(t("tasks.description")), true)
    .option("--agency <agency>", t("tasks.agency"))
    .option("--status <status>", t("tasks.status"))
    .option("--today <date>", t("tasks.today"), day("--today"))
    .option("--due-before <date>", t("tasks.dueBefore"), period("--due-before"))
    .option("--due-after <date>", t("tasks.dueAfter"), period("--due-after"))
    .option("--doc <doc>", t("tasks.doc"))
    .option("--source <code>", t("tasks.source"))
    .option("--issuer <issuer>", t("opt.issuer"))
    .option("--limit <n>", t("opt.limit"), LIMIT)
    .action((opts: StoreOpts & { agency?: string; status?: string; dueBefore?: Period; dueAfter?: Period; doc?: string; source?: string; issuer?: string; limit?: number; today?: string }) =>
      run(opts, async (store) => {
        const r = await store.queryTasks({ ...opts, limit: pageLimit(opts), dueBefore: opts.dueBefore?.end, dueAfter: opts.dueAfter?.start });
        if (r.suggestions && !opts.json && !opts.ndjson) process.stderr.write(`${agencyHint(opts.agency!, r.suggestions)}\n`);
        return {
          json: r,
          items: r.tasks,
          title: shown(t("tasks.title", { total: r.total }), r.tasks.length, r.total),
          rows: r.tasks.map(taskColumns),
        };
      }));

  withOutput(query.command("metrics").description(t("metrics.description")), true)
    .option("--subject <text>", t("metrics.subject"))
    .option("--doc <doc>", t("metrics.doc"))
    .option("--issuer <issuer>", t("opt.issuer"))
    .option("--limit <n>", t("metrics.limit"), LIMIT)
    .action((opts: StoreOpts & { subject?: string; doc?: string; issuer?: string; limit?: number }) =>
      run(opts, async (store) => {
        const r = await store.queryMetrics(opts);
        const value = (m: MetricItem | null) =>
          m ? `${m.comparator && m.comparator !== "=" ? m.comparator : ""}${m.numerator !== null && m.denominator !== null ? `${m.numerator}/${m.denominator}` : m.value}${m.max !== null ? `–${m.max}` : ""} ${m.unit}`.trim() : null;
        return {
          json: r,
          items: r.pairs,
          title: t("metrics.titlePaired", { pairs: r.paired, rows: r.pairs.length, total: r.total }),
          rows: r.pairs.map((p) => ({
            subject: p.subject, target: value(p.target), target_doc: p.target ? docLabel(p.target.document) : null,
            actual: value(p.actual), actual_doc: p.actual ? docLabel(p.actual.document) : null,
            gap: p.gap, of_plan: p.percentOfPlan !== null ? `${p.percentOfPlan}%` : null, reported_pct: value(p.reported),
            warning: p.warning ? t("metrics.percentDiffers") : null,
            value: value(p.other), value_doc: p.other ? docLabel(p.other.document) : null, match: p.score,
          })),
        };
      }));

  withOutput(program.command("search").description(t("search.description")).argument("<text...>"), true)
    .option("--limit <n>", t("search.limit"), LIMIT)
    .option("--offset <n>", t("search.offset"), LIMIT)
    .action((words: string[], opts: StoreOpts & { limit?: number; offset?: number }) =>
      run(opts, async (store) => {
        const r = await store.searchStore(words.join(" "), { limit: opts.limit, offset: opts.offset });
        const title = r.hits.length
          ? t("search.titlePaged", { from: r.offset + 1, to: r.offset + r.hits.length, total: r.total, query: JSON.stringify(r.query) })
          : t("search.title", { n: r.total, query: JSON.stringify(r.query) });
        return {
          json: r,
          items: r.hits,
          title,
          rows: r.hits.map((h) => ({
            type: h.type, ...documentColumns(h.document), task: h.task ? (h.task.ordinal ?? `#${h.task.id}`) : null, page: h.page, text: h.snippet.text, link: h.link,
          })),
          text: searchListing(title, r.hits, process.stdout.isTTY === true),
        };
      }));

  withOutput(program.command("show").description(t("show.description")).argument("<doc>", t("arg.doc")))
    .option("--issuer <issuer>", t("opt.issuer"))
    .option("--out <dir>", t("show.out"))
    .action((doc: string, opts: StoreOpts & { issuer?: string }) =>
      run(opts, async (store) => {
        const r = await store.showDocument(doc, { issuer: opts.issuer });
        const d = r.document;
        const sections: Section[] = [
          {
            title: describe(d),
            file: "van-ban.csv",
            rows: [
              { field: "id", value: d.id }, { field: "key", value: d.key }, { field: "title", value: d.title },
              { field: "signer", value: d.signer ? `${d.signer.name}${d.signer.position ? `, ${d.signer.position}` : ""}` : null },
              { field: "place", value: d.place }, { field: "locality", value: d.locality }, { field: "content sha256", value: d.contentSha256 },
              ...d.warnings.map((w) => ({ field: "warning", value: w })),
            ].map((r) => ({ ...r, field: columnTitle(r.field) })),
          },
          { title: t("show.files"), file: "tep.csv", rows: r.files.map((f) => ({ path: displayPath(f.path), sha256: f.sha256.slice(0, 12), format: f.format, status: f.status, error: f.error })) },
          {
            title: t("show.references"),
            file: "trich-dan.csv",
            rows: r.references.map((c) => ({ relation: c.relation, ...documentColumns(c.target), page: c.page, span: c.span ? `${c.span.start}-${c.span.end}` : null, reported_by: c.reportedBy ? docLabel(c.reportedBy) : null })),
          },
          { title: t("show.citedBy", { n: r.citedBy.count }), file: "duoc-trich-dan.csv", rows: r.citedBy.documents.map((c) => ({ relation: c.relations.join(","), ...documentColumns(c.document) })) },
          { title: t("show.tasks"), file: "nhiem-vu.csv", rows: r.tasks.map((t) => ({ ...taskColumns(t), page: t.page, span: t.span ? `${t.span.start}-${t.span.end}` : null })) },
          {
            title: t("show.deadlines"),
            file: "thoi-han.csv",
            rows: r.deadlines.map((x) => ({ text: x.text, kind: x.kind, start: x.start, end: x.end, task: x.taskId, page: x.page, span: x.span ? `${x.span.start}-${x.span.end}` : null })),
          },
          {
            title: t("show.metrics"),
            file: "so-lieu.csv",
            rows: r.metrics.map((m) => ({ subject: m.subject, value: m.value, unit: m.unit, comparator: m.comparator, role: m.role, task: m.taskId, page: m.page, text: m.text })),
          },
        ];
        return { json: r, sections };
      }));
}

type StoreOpts = Format & { db: string };

function withOutput(cmd: Command, streamed = false): Command {
  cmd.option("--db <file>", t("opt.db"), DEFAULT_DB).option("--json", t("opt.json")).option("--csv", t("opt.csv"));
  return streamed ? cmd.option("--ndjson", t("opt.ndjson")) : cmd;
}

async function run(opts: StoreOpts, answer: (store: StoreOperations) => Promise<Answer>): Promise<void> {
  try {
    const backend = openBackend(opts.db, { mustExist: true });
    try {
      await printAnswer(await answer(backend.operations), opts);
    } finally {
      backend.close();
    }
  } catch (e) {
    if (!(e instanceof VanbanError)) log.debug({ err: e }, "unexpected failure");
    reportError(e);
    process.exitCode = 1;
  }
}

// ---------------------------------------------------------------------------------
// Rendering

function agencyHint(agency: string, suggestions: AgencySuggestion[]): string {
  if (!suggestions.length) return t("tasks.noAgency", { agency });
  const names = suggestions.map((s) => (s.locality && !foldLoose(s.agency).includes(foldLoose(s.locality)) ? `${s.agency} (${s.locality})` : s.agency));
  return t("tasks.agencySuggestions", { agency, names: names.join("; ") });
}

function describe(d: DocumentSummary): string {
  return `${docLabel(d)} ${d.kind ?? ""} ${d.date ?? ""}${d.issuer ? ` — ${d.issuer}` : ""}`.replace(/\s+/g, " ").trim();
}

function docLabel(d: DocumentSummary): string {
  const label = d.code ?? t("doc.noNumber", { id: d.id });
  return d.placeholder ? t("doc.notHeld", { label }) : label;
}

function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith("..") ? r : p;
}

function documentColumns(d: DocumentSummary): Row {
  return {
    id: d.id,
    code: d.code ?? t("extract.noNumber"),
    kind: d.kind,
    date: d.date,
    issuer: d.issuer,
    held: d.placeholder ? t("doc.placeholder") : t("doc.held"),
    files: d.files.map(displayPath).join("; ") || null,
  };
}

function taskColumns(task: TaskEntry): Row {
  return {
    id: task.id,
    doc: docLabel(task.document),
    no: task.ordinal,
    task: task.text,
    lead: task.lead.map((a) => a.agency).join("; ") || null,
    support: task.support.map((a) => a.agency).join("; ") || null,
    due: task.deadline ? (task.deadline.end ?? task.deadline.start ?? task.deadline.text) : null,
    status: task.effectiveStatus,
    reported_in: task.latest ? docLabel(task.latest.report) : null,
    sources: task.sources.map((s) => s.code).join("; ") || null,
  };
}

const HIT_TYPE = { document: "search.type.document", task: "search.type.task", passage: "search.type.passage" } as const;

/** One hit a paragraph: the document and page, the snippet with its matches bold on a terminal (else «…»), the link. */
function searchListing(title: string, hits: SearchHit[], tty: boolean): string {
  const mark = tty ? (w: string) => `\x1b[1m${w}\x1b[22m` : (w: string) => `«${w}»`;
  const lines = hits.map((h, i) => {
    const where = [t(HIT_TYPE[h.type]), docLabel(h.document), h.document.issuer, h.page !== null ? t("search.page", { n: h.page }) : null];
    let snippet = "";
    let at = 0;
    for (const m of h.snippet.marks) {
      snippet += printable(h.snippet.text.slice(at, m.start)) + mark(printable(h.snippet.text.slice(m.start, m.end)));
      at = m.end;
    }
    snippet += printable(h.snippet.text.slice(at));
    return `${i + 1}. ${printable(where.filter(Boolean).join(" · "))}\n   ${snippet}\n   ${h.link}\n`;
  });
  return `${printable(title)}\n${lines.join("")}`;
}

/** "N …, first M shown" when a --limit cut the list. */
const shown = (title: string, n: number, total: number) => (n < total ? t("list.firstShown", { title, n }) : title);
