/**
 * The questions the store answers, as plain-data functions (the CLI prints them).
 * Every document in an answer is a DocumentSummary: code, kind, issuer, date,
 * file paths, placeholder flag.
 */
import { foldLoose } from "../normalise/fold.js";
import { normaliseAgencyName } from "./agency-resolution.js";
import { codeKey } from "./document-identity.js";
import { documentSummaries, documentSummary, type DocumentSummary } from "./document-summary.js";
import type { Store } from "./open-store.js";
import { prepared } from "./prepared.js";
import { resolveDocument } from "./resolve-document.js";
import { StoreError } from "./store-error.js";
import { comparable, similarity, type Comparable } from "./text-similarity.js";

// ---------------------------------------------------------------------------------
// citing

export type CitingEntry = {
  document: DocumentSummary;
  /** 1 = cites the target itself; 2 = cites a document that cites it; … */
  depth: number;
  relations: string[];
  /** The document this one cites on its way to the target (depth > 1). */
  via: DocumentSummary | null;
  /** True when the edge is only known from a third document's description of this one. */
  reported: boolean;
};

export type CitingResult = { target: DocumentSummary; transitive: boolean; total: number; citing: CitingEntry[] };

export function queryCiting(db: Store, code: string, options: { transitive?: boolean; issuer?: string; limit?: number } = {}): CitingResult {
  const target = resolveDocument(db, code, { issuer: options.issuer });
  // Every edge into the set of documents that reach the target (one recursive query), then
  // a breadth-first walk in memory for each citer's depth and the document it goes through.
  const edges = db
    .prepare(
      options.transitive
        ? `WITH RECURSIVE reach(id) AS (SELECT ? UNION SELECT c.source_document_id FROM citations c JOIN reach r ON c.target_document_id = r.id)
           SELECT c.target_document_id, c.source_document_id, c.relation, c.origin = 'implements' AND c.document_id <> c.source_document_id
           FROM reach r JOIN citations c ON c.target_document_id = r.id`
        : `SELECT target_document_id, source_document_id, relation, origin = 'implements' AND document_id <> source_document_id
           FROM citations WHERE target_document_id = ?`,
    )
    .raw(true)
    .all(target) as [number, number, string, number][];
  // Row indices by cited document; rows are read in place (a 10k store has ~30k such edges).
  const into = new Map<number, number[]>();
  edges.forEach((e, i) => {
    if (e[0] === e[1]) return;
    const list = into.get(e[0]);
    if (list) list.push(i);
    else into.set(e[0], [i]);
  });
  const found = new Map<number, { depth: number; relations: string[]; via: number | null; reported: boolean }>();
  let frontier = [target];
  for (let depth = 1; frontier.length; depth++) {
    const next: number[] = [];
    for (const to of frontier) {
      const list = into.get(to);
      if (!list) continue;
      for (const i of list) {
        const [, from, relation, reported] = edges[i];
        if (from === target) continue;
        const f = found.get(from);
        if (!f) {
          found.set(from, { depth, relations: [relation], via: depth > 1 ? to : null, reported: reported === 1 });
          next.push(from);
        } else if (f.depth === depth && (f.via ?? target) === to) {
          if (!f.relations.includes(relation)) f.relations.push(relation);
          f.reported &&= reported === 1;
        }
      }
    }
    frontier = next;
  }
  // Sorted on (depth, date, key) for all; full summaries only for the page returned.
  const order = prepared(db, "SELECT d.id, d.date, d.key FROM json_each(?) j JOIN documents d ON d.id = j.value")
    .raw(true)
    .all(JSON.stringify([...found.keys()])) as [number, string | null, string][];
  const depthOf = (id: number) => found.get(id)!.depth;
  const ranked = order
    .map(([id, date, key]) => ({ id, depth: depthOf(id), date: date ?? "", key }))
    .sort((a, b) => a.depth - b.depth || (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((r) => r.id);
  const page = options.limit !== undefined ? ranked.slice(0, options.limit) : ranked;
  const summaries = documentSummaries(db, [target, ...page, ...page.flatMap((id) => found.get(id)!.via ?? [])]);
  const citing = page.map((id) => {
    const f = found.get(id)!;
    return { document: summaries.get(id)!, depth: f.depth, relations: f.relations.sort(), via: f.via ? summaries.get(f.via)! : null, reported: f.reported };
  });
  return { target: summaries.get(target)!, transitive: Boolean(options.transitive), total: found.size, citing };
}

/** Newest first, then by code: the order a reader scans a list of documents in. */
function compareDocuments(a: { date: string | null; key: string }, b: { date: string | null; key: string }): number {
  const da = a.date ?? "", dbb = b.date ?? "";
  if (da !== dbb) return da < dbb ? 1 : -1;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

// ---------------------------------------------------------------------------------
// cites

export type CitesEntry = {
  relation: string;
  origin: "reference" | "task-source" | "implements";
  code: string;
  text: string | null;
  mentions: number | null;
  page: number | null;
  span: { start: number; end: number } | null;
  target: DocumentSummary;
  /** For edges read from another document's description of this one. */
  reportedBy: DocumentSummary | null;
};

export type CitesResult = { document: DocumentSummary; cites: CitesEntry[] };

type EdgeRow = {
  id: number; document_id: number; target_document_id: number; relation: string; origin: CitesEntry["origin"]; code: string;
  text: string | null; mentions: number | null; page: number | null; span_start: number | null; span_end: number | null;
};

export function queryCites(db: Store, doc: string, options: { issuer?: string } = {}): CitesResult {
  const id = resolveDocument(db, doc, options);
  return { document: documentSummary(db, id), cites: citesOf(db, id) };
}

function citesOf(db: Store, id: number): CitesEntry[] {
  const rows = db
    .prepare(
      `SELECT id, document_id, target_document_id, relation, origin, code, text, mentions, page, span_start, span_end
       FROM citations WHERE source_document_id = ? ORDER BY document_id <> source_document_id, span_start IS NULL, span_start, id`,
    )
    .all(id) as EdgeRow[];
  const summaries = documentSummaries(db, rows.flatMap((r) => [r.target_document_id, r.document_id]));
  const seen = new Set<string>();
  const out: CitesEntry[] = [];
  for (const r of rows) {
    // The same edge reported by several documents is listed once.
    const k = `${r.target_document_id}|${r.relation}|${r.document_id === id ? "own" : "reported"}`;
    if (r.document_id !== id && seen.has(k)) continue;
    seen.add(k);
    out.push({
      relation: r.relation,
      origin: r.origin,
      code: r.code,
      text: r.text,
      mentions: r.mentions,
      page: r.page,
      span: r.span_start !== null && r.span_end !== null ? { start: r.span_start, end: r.span_end } : null,
      target: summaries.get(r.target_document_id)!,
      reportedBy: r.document_id === id ? null : summaries.get(r.document_id)!,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------
// path

export type PathStep = { document: DocumentSummary; relation: string | null; text: string | null };
export type PathResult = { from: DocumentSummary; to: DocumentSummary; direction: "forward" | "backward"; steps: PathStep[] };

export function queryPath(db: Store, from: string, to: string, options: { issuer?: string } = {}): PathResult {
  const a = resolveDocument(db, from, options);
  const b = resolveDocument(db, to, options);
  const forward = shortestChain(db, a, b);
  const chain = forward ?? shortestChain(db, b, a);
  if (!chain) throw new StoreError("store.noChain", { from, to });
  const summaries = documentSummaries(db, chain.map((s) => s.id));
  return {
    from: summaries.get(a)!,
    to: summaries.get(b)!,
    direction: forward ? "forward" : "backward",
    steps: chain.map((s) => ({ document: summaries.get(s.id)!, relation: s.relation, text: s.text })),
  };
}

/** Breadth-first along citations (citing → cited); each step says how it cites the next. */
function shortestChain(db: Store, from: number, to: number): { id: number; relation: string | null; text: string | null }[] | null {
  const out = db.prepare(
    "SELECT target_document_id AS target, relation, text FROM citations WHERE source_document_id = ? ORDER BY origin <> 'reference', target_document_id, id",
  );
  const parent = new Map<number, { from: number; relation: string; text: string | null }>();
  const seen = new Set([from]);
  let frontier = [from];
  while (frontier.length && !seen.has(to)) {
    const next: number[] = [];
    for (const id of frontier)
      for (const e of out.all(id) as { target: number; relation: string; text: string | null }[]) {
        if (seen.has(e.target)) continue;
        seen.add(e.target);
        parent.set(e.target, { from: id, relation: e.relation, text: e.text });
        next.push(e.target);
      }
    frontier = next;
  }
  if (!seen.has(to) || from === to) return from === to ? [{ id: from, relation: null, text: null }] : null;
  const steps: { id: number; relation: string | null; text: string | null }[] = [{ id: to, relation: null, text: null }];
  for (let at = to; at !== from; ) {
    const p = parent.get(at)!;
    steps.unshift({ id: p.from, relation: p.relation, text: p.text });
    at = p.from;
  }
  return steps;
}

// ---------------------------------------------------------------------------------
// tasks

export type TaskFilters = {
  agency?: string;
  status?: string;
  dueBefore?: string;
  dueAfter?: string;
  doc?: string;
  source?: string;
  issuer?: string;
  limit?: number;
};

export type TaskAgency = { written: string; agency: string; agencyId: number };

export type TaskEntry = {
  id: number;
  document: DocumentSummary;
  position: number;
  ordinal: string | null;
  section: string | null;
  text: string;
  output: string | null;
  lead: TaskAgency[];
  support: TaskAgency[];
  deadline: { text: string; kind: string | null; start: string | null; end: string | null } | null;
  sources: { code: string; document: DocumentSummary }[];
  /** As the task's own document states it (reports). */
  status: string | null;
  statusText: string | null;
  /** For a plan task: the status of its row in the newest report that reports on it. */
  latest: { status: string | null; statusText: string | null; report: DocumentSummary; reportTaskId: number; score: number } | null;
  /** A report row that is linked to a plan task: which one. */
  reportsOn: { planTaskId: number; plan: DocumentSummary; score: number; method: string } | null;
  /** latest?.status ?? status. */
  effectiveStatus: string | null;
  page: number | null;
  span: { start: number; end: number } | null;
};

export const TASK_STATUSES = ["done", "in-progress", "not-started", "overdue"] as const;

export type TasksResult = { tasks: TaskEntry[]; total: number };

type TaskRow = {
  id: number; document_id: number; position: number; ordinal: string | null; section: string | null; text: string; output: string | null;
  status: string | null; status_text: string | null; due_text: string | null; due_kind: string | null; due_start: string | null;
  due_end: string | null; page: number | null; span_start: number | null; span_end: number | null;
  latest_status: string | null; latest_status_text: string | null; latest_report_task_id: number | null; latest_report: number | null;
  latest_score: number | null;
};

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function queryTasks(db: Store, filters: TaskFilters = {}): TasksResult {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.doc) {
    where.push("t.document_id = ?");
    params.push(resolveDocument(db, filters.doc, { issuer: filters.issuer }));
  }
  if (filters.status) {
    if (!(TASK_STATUSES as readonly string[]).includes(filters.status))
      throw new StoreError("store.unknownStatus", { status: filters.status, allowed: TASK_STATUSES.join(", ") });
    where.push("COALESCE(ls.status, t.status) = ?");
    params.push(filters.status);
  }
  for (const [name, value, op] of [["--due-before", filters.dueBefore, "<="], ["--due-after", filters.dueAfter, ">="]] as const) {
    if (!value) continue;
    if (!ISO_DATE.test(value)) throw new StoreError("store.badDate", { name, value });
    where.push(`COALESCE(t.due_end, t.due_start) IS NOT NULL AND COALESCE(t.due_end, t.due_start) ${op} ?`);
    params.push(value);
  }
  if (filters.agency) {
    const key = foldLoose(normaliseAgencyName(filters.agency));
    if (!key) throw new StoreError("store.agencyEmpty");
    // Whole words of the canonical name, or a written alias as typed: "van phong dang uy" finds every commune's.
    const agencies = db
      .prepare(
        `SELECT id FROM agencies WHERE (' ' || name_key || ' ') LIKE ? ESCAPE '\\'
         UNION SELECT agency_id FROM agency_aliases WHERE written = ?`,
      )
      .pluck()
      .all(`% ${key.replace(/[\\%_]/g, (c) => `\\${c}`)} %`, filters.agency) as number[];
    where.push("t.id IN (SELECT task_id FROM task_agencies WHERE agency_id IN (SELECT value FROM json_each(?)))");
    params.push(JSON.stringify(agencies));
  }
  if (filters.source) {
    const sourceFilter = sourceCondition(db, filters.source, filters.issuer);
    where.push(sourceFilter.sql);
    params.push(...sourceFilter.params);
  }
  const sql = `
    SELECT t.id, t.document_id, t.position, t.ordinal, t.section, t.text, t.output, t.status, t.status_text, t.due_text, t.due_kind,
           t.due_start, t.due_end, t.page, t.span_start, t.span_end,
           ls.status AS latest_status, ls.status_text AS latest_status_text, ls.report_task_id AS latest_report_task_id,
           ls.report_document_id AS latest_report, ls.score AS latest_score
    FROM tasks t JOIN documents d ON d.id = t.document_id
    LEFT JOIN task_latest_status ls ON ls.plan_task_id = t.id
    ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
    ORDER BY d.date DESC NULLS LAST, d.key, t.position`;
  const rows = db.prepare(sql).all(...params) as TaskRow[];
  const limited = filters.limit !== undefined ? rows.slice(0, filters.limit) : rows;
  return { tasks: hydrateTasks(db, limited), total: rows.length };
}

function sourceCondition(db: Store, source: string, issuer: string | undefined): { sql: string; params: unknown[] } {
  const base = "EXISTS (SELECT 1 FROM task_sources s JOIN citations c ON c.id = s.citation_id WHERE s.task_id = t.id AND ";
  if (issuer) return { sql: `${base}c.target_document_id = ?)`, params: [resolveDocument(db, source, { issuer })] };
  const key = (db.prepare("SELECT code_key FROM documents WHERE code_key = ? LIMIT 1").get(codeKey(source)) as { code_key: string } | undefined)?.code_key;
  if (!key) throw new StoreError("store.noDocumentMatches", { code: source });
  return { sql: `${base}c.code_key = ?)`, params: [key] };
}

function hydrateTasks(db: Store, rows: TaskRow[]): TaskEntry[] {
  if (!rows.length) return [];
  const ids = JSON.stringify(rows.map((r) => r.id));
  const agencies = db
    .prepare(
      `SELECT ta.task_id, ta.role, ta.written, a.name, a.id FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id
       WHERE ta.task_id IN (SELECT value FROM json_each(?)) ORDER BY ta.task_id, ta.role, ta.position`,
    )
    .all(ids) as { task_id: number; role: "lead" | "support"; written: string; name: string; id: number }[];
  const sources = db
    .prepare(
      `SELECT s.task_id, s.code, c.target_document_id FROM task_sources s JOIN citations c ON c.id = s.citation_id
       WHERE s.task_id IN (SELECT value FROM json_each(?)) ORDER BY s.task_id, s.position`,
    )
    .all(ids) as { task_id: number; code: string; target_document_id: number }[];
  const reportsOn = db
    .prepare(
      `SELECT l.report_task_id, l.plan_task_id, l.score, l.method, p.document_id FROM task_links l JOIN tasks p ON p.id = l.plan_task_id
       WHERE l.report_task_id IN (SELECT value FROM json_each(?))`,
    )
    .all(ids) as { report_task_id: number; plan_task_id: number; score: number; method: string; document_id: number }[];
  const summaries = documentSummaries(db, [
    ...rows.flatMap((r) => (r.latest_report ? [r.document_id, r.latest_report] : [r.document_id])),
    ...sources.map((s) => s.target_document_id),
    ...reportsOn.map((l) => l.document_id),
  ]);
  const byTask = <T extends { task_id: number }>(xs: T[]) => {
    const m = new Map<number, T[]>();
    for (const x of xs) m.set(x.task_id, [...(m.get(x.task_id) ?? []), x]);
    return m;
  };
  const agenciesOf = byTask(agencies);
  const sourcesOf = byTask(sources);
  const linkOf = new Map(reportsOn.map((l) => [l.report_task_id, l]));
  return rows.map((r) => {
    const own = agenciesOf.get(r.id) ?? [];
    const agency = (a: (typeof own)[number]): TaskAgency => ({ written: a.written, agency: a.name, agencyId: a.id });
    const link = linkOf.get(r.id);
    return {
      id: r.id,
      document: summaries.get(r.document_id)!,
      position: r.position,
      ordinal: r.ordinal,
      section: r.section,
      text: r.text,
      output: r.output,
      lead: own.filter((a) => a.role === "lead").map(agency),
      support: own.filter((a) => a.role === "support").map(agency),
      deadline: r.due_text !== null ? { text: r.due_text, kind: r.due_kind, start: r.due_start, end: r.due_end } : null,
      sources: (sourcesOf.get(r.id) ?? []).map((s) => ({ code: s.code, document: summaries.get(s.target_document_id)! })),
      status: r.status,
      statusText: r.status_text,
      latest:
        r.latest_report !== null
          ? {
              status: r.latest_status, statusText: r.latest_status_text, report: summaries.get(r.latest_report)!,
              reportTaskId: r.latest_report_task_id!, score: r.latest_score!,
            }
          : null,
      reportsOn: link ? { planTaskId: link.plan_task_id, plan: summaries.get(link.document_id)!, score: link.score, method: link.method } : null,
      effectiveStatus: r.latest_status ?? r.status,
      page: r.page,
      span: r.span_start !== null && r.span_end !== null ? { start: r.span_start, end: r.span_end } : null,
    };
  });
}

// ---------------------------------------------------------------------------------
// metrics

export type MetricItem = {
  id: number;
  value: number;
  max: number | null;
  unit: string;
  comparator: string | null;
  role: string | null;
  numerator: number | null;
  denominator: number | null;
  subject: string | null;
  text: string;
  taskId: number | null;
  page: number | null;
  document: DocumentSummary;
};

/**
 * A target beside the best-matching reported result for the same subject and place
 * (either may be missing); a metric with no role stands alone in `other`.
 */
export type MetricPair = { subject: string; target: MetricItem | null; actual: MetricItem | null; other: MetricItem | null; score: number | null };

export type MetricsResult = { pairs: MetricPair[]; total: number };

type MetricRow = {
  id: number; value: number; max: number | null; unit: string; comparator: string | null; role: string | null; numerator: number | null;
  denominator: number | null; subject: string | null; text: string; task_id: number | null; page: number | null; subject_key: string;
  document_id: number; locality_key: string | null; date: string | null; doc_key: string;
};

/** Subjects this alike (text-similarity.ts) are taken to measure the same thing. */
const SAME_SUBJECT = 0.6;

export function queryMetrics(db: Store, filters: { subject?: string; doc?: string; issuer?: string; limit?: number } = {}): MetricsResult {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filters.doc) {
    where.push("m.document_id = ?");
    params.push(resolveDocument(db, filters.doc, { issuer: filters.issuer }));
  }
  if (filters.subject) {
    const words = foldLoose(filters.subject).match(/[\p{L}\p{N}]+/gu) ?? [];
    if (!words.length) throw new StoreError("store.subjectNoWords");
    for (const w of words) {
      where.push("m.subject_key LIKE ? ESCAPE '\\'");
      params.push(`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
  }
  const select = `
    SELECT m.id, m.value, m.max, m.unit, m.comparator, m.role, m.numerator, m.denominator, m.subject, m.text, m.task_id, m.page,
           m.subject_key, m.document_id, d.locality_key, d.date, d.key AS doc_key
    FROM metrics m JOIN documents d ON d.id = m.document_id`;
  const chosen = db
    .prepare(`${select} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY d.date DESC NULLS LAST, d.key, m.position`)
    .all(...params) as MetricRow[];
  const rows = filters.limit !== undefined ? chosen.slice(0, filters.limit) : chosen;

  // Counterparts: the other role, same unit, another document of the same place — read once per such
  // group, and bunched by identical subject (a commune reports the same indicators month after month).
  const counterparts = db.prepare(`${select} WHERE m.role = ? AND m.unit = ? AND d.locality_key IS ? ORDER BY d.date DESC NULLS LAST, d.key, m.position`);
  const groups = new Map<string, { key: string; cmp: Comparable; rows: MetricRow[] }[]>();
  const groupOf = (role: string, unit: string, locality: string | null) => {
    const k = JSON.stringify([role, unit, locality]);
    let g = groups.get(k);
    if (!g) {
      const bySubject = new Map<string, MetricRow[]>();
      for (const row of counterparts.all(role, unit, locality) as MetricRow[]) bySubject.set(row.subject_key, [...(bySubject.get(row.subject_key) ?? []), row]);
      groups.set(k, (g = [...bySubject.entries()].map(([key, rows]) => ({ key, cmp: comparable(key), rows }))));
    }
    return g;
  };
  const scores = new Map<string, number>();
  const raw: { subject: string; target: MetricRow | null; actual: MetricRow | null; other: MetricRow | null; score: number | null }[] = [];
  const paired = new Set<string>();
  for (const r of rows) {
    const subject = r.subject ?? r.text;
    if (r.role !== "target" && r.role !== "actual") {
      raw.push({ subject, target: null, actual: null, other: r, score: null });
      continue;
    }
    let mine: Comparable | undefined;
    let best: { row: MetricRow; score: number } | null = null;
    for (const c of groupOf(r.role === "target" ? "actual" : "target", r.unit, r.locality_key)) {
      const pair = `${r.subject_key}\u0000${c.key}`;
      let score = scores.get(pair);
      if (score === undefined) scores.set(pair, (score = similarity((mine ??= comparable(r.subject_key)), c.cmp)));
      if (score < SAME_SUBJECT) continue;
      // Rows come newest first: the first one from another document is this subject's candidate.
      const row = c.rows.find((x) => x.document_id !== r.document_id);
      // Best wording first; among equals the newest document, then the smaller key.
      if (row && (!best || score > best.score || (score === best.score && newer(row, best.row)))) best = { row, score };
    }
    const target = r.role === "target" ? r : (best?.row ?? null);
    const actual = r.role === "actual" ? r : (best?.row ?? null);
    const k = `${target?.id ?? "-"}|${actual?.id ?? "-"}`;
    if (paired.has(k)) continue;
    paired.add(k);
    raw.push({ subject, target, actual, other: null, score: best?.score ?? null });
  }
  const summaries = documentSummaries(db, raw.flatMap((p) => [p.target, p.actual, p.other].flatMap((m) => (m ? [m.document_id] : []))));
  const item = (r: MetricRow | null): MetricItem | null =>
    r && {
      id: r.id, value: r.value, max: r.max, unit: r.unit, comparator: r.comparator, role: r.role, numerator: r.numerator,
      denominator: r.denominator, subject: r.subject, text: r.text, taskId: r.task_id, page: r.page, document: summaries.get(r.document_id)!,
    };
  return {
    pairs: raw.map((p) => ({ subject: p.subject, target: item(p.target), actual: item(p.actual), other: item(p.other), score: p.score })),
    total: chosen.length,
  };
}

function newer(a: MetricRow, b: MetricRow): boolean {
  const da = a.date ?? "", dbb = b.date ?? "";
  return da !== dbb ? da > dbb : a.doc_key < b.doc_key;
}

// ---------------------------------------------------------------------------------
// show

export type ShowResult = {
  document: DocumentSummary & {
    symbol: string | null; place: string | null; locality: string | null; parentIssuer: string | null;
    signer: { name: string; position: string | null } | null; format: string | null; pages: number | null;
    contentSha256: string | null; warnings: string[]; provenance: unknown;
  };
  files: { path: string; sha256: string; format: string | null; size: number | null; mtime: string | null; status: string; error: string | null }[];
  references: CitesEntry[];
  citedBy: { count: number; documents: { document: DocumentSummary; relations: string[] }[] };
  tasks: TaskEntry[];
  deadlines: { position: number; text: string; kind: string; start: string | null; end: string | null; taskId: number | null; page: number | null; span: { start: number; end: number } | null }[];
  metrics: MetricItem[];
};

/** How many citing documents `show` lists (the count is always complete). */
const CITED_BY_SHOWN = 50;

export function showDocument(db: Store, doc: string, options: { issuer?: string } = {}): ShowResult {
  const id = resolveDocument(db, doc, options);
  const d = db.prepare("SELECT * FROM documents WHERE id = ?").get(id) as Record<string, unknown>;
  const summary = documentSummary(db, id);
  const files = db
    .prepare("SELECT path, sha256, format, size, mtime, status, error FROM files WHERE document_id = ? ORDER BY path")
    .all(id) as ShowResult["files"];
  const citedByRows = db
    .prepare(
      `SELECT source_document_id AS id, group_concat(DISTINCT relation) AS relations FROM citations
       WHERE target_document_id = ? AND source_document_id <> ? GROUP BY source_document_id`,
    )
    .all(id, id) as { id: number; relations: string }[];
  const citers = documentSummaries(db, citedByRows.map((r) => r.id));
  const citedBy = citedByRows
    .map((r) => ({ document: citers.get(r.id)!, relations: r.relations.split(",").sort() }))
    .sort((a, b) => compareDocuments(a.document, b.document));
  const taskRows = db
    .prepare(
      `SELECT t.id, t.document_id, t.position, t.ordinal, t.section, t.text, t.output, t.status, t.status_text, t.due_text, t.due_kind,
              t.due_start, t.due_end, t.page, t.span_start, t.span_end,
              ls.status AS latest_status, ls.status_text AS latest_status_text, ls.report_task_id AS latest_report_task_id,
              ls.report_document_id AS latest_report, ls.score AS latest_score
       FROM tasks t LEFT JOIN task_latest_status ls ON ls.plan_task_id = t.id WHERE t.document_id = ? ORDER BY t.position`,
    )
    .all(id) as TaskRow[];
  const deadlines = (
    db
      .prepare("SELECT position, text, kind, start, end, task_id, page, span_start, span_end FROM deadlines WHERE document_id = ? ORDER BY position")
      .all(id) as { position: number; text: string; kind: string; start: string | null; end: string | null; task_id: number | null; page: number | null; span_start: number | null; span_end: number | null }[]
  ).map((r) => ({
    position: r.position, text: r.text, kind: r.kind, start: r.start, end: r.end, taskId: r.task_id, page: r.page,
    span: r.span_start !== null && r.span_end !== null ? { start: r.span_start, end: r.span_end } : null,
  }));
  const metrics = (
    db
      .prepare("SELECT id, value, max, unit, comparator, role, numerator, denominator, subject, text, task_id, page FROM metrics WHERE document_id = ? ORDER BY position")
      .all(id) as (Omit<MetricItem, "document" | "taskId"> & { task_id: number | null })[]
  ).map(({ task_id, ...m }) => ({ ...m, taskId: task_id, document: summary }));
  return {
    document: {
      ...summary,
      symbol: d.symbol as string | null,
      place: d.place as string | null,
      locality: d.locality as string | null,
      parentIssuer: d.parent_issuer as string | null,
      signer: d.signer_name ? { name: d.signer_name as string, position: d.signer_position as string | null } : null,
      format: d.format as string | null,
      pages: d.pages as number | null,
      contentSha256: d.content_sha256 as string | null,
      warnings: d.warnings ? (JSON.parse(d.warnings as string) as string[]) : [],
      provenance: d.provenance ? JSON.parse(d.provenance as string) : null,
    },
    files,
    references: citesOf(db, id),
    citedBy: { count: citedBy.length, documents: citedBy.slice(0, CITED_BY_SHOWN) },
    tasks: hydrateTasks(db, taskRows),
    deadlines,
    metrics,
  };
}
