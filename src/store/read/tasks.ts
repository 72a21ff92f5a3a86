/** `query tasks`: who owes what, by when — filters, then each task with its agencies, sources and latest report. */
import { TASK_STATUSES, type AgencySuggestion, type TaskAgency, type TaskEntry, type TasksResult } from "../../../schemas/answers.js";
import { IsoDate } from "../../../schemas/extraction.js";
import { codeKey } from "../../link/document-identity.js";
import { agenciesMatching, suggestAgencies } from "./agency-match.js";
import { compareDocuments, documentSummaries, type DocumentSummary } from "./document-summary.js";
import type { Store } from "../open-store.js";
import { prepared } from "../prepared.js";
import { resolveDocument } from "./resolve-document.js";
import { StoreError } from "../store-error.js";
import { localToday, taskOverdue } from "./task-state.js";
export type { AgencySuggestion, TaskAgency, TaskEntry, TasksResult };

export type TaskFilters = {
  agency?: string;
  status?: string;
  dueBefore?: string;
  dueAfter?: string;
  doc?: string;
  source?: string;
  issuer?: string;
  limit?: number;
  /** Tasks skipped before the page (with `limit`). */
  offset?: number;
  /** The day `status: "overdue"` is judged on (task-state.ts); default: today, local time. */
  today?: string;
};

export { TASK_STATUSES };

export type TaskRow = {
  id: number; document_id: number; position: number; ordinal: string | null; section: string | null; text: string; output: string | null;
  status: string | null; status_text: string | null; due_text: string | null; due_kind: string | null; due_start: string | null;
  due_end: string | null; page: number | null; span_start: number | null; span_end: number | null;
  latest_status: string | null; latest_status_text: string | null; latest_report_task_id: number | null; latest_report: number | null;
  latest_score: number | null;
};

/** The columns `hydrateTasks` reads: the task and its newest report's status (`ls`, task_latest_status). */
export const TASK_COLUMNS = `t.id, t.document_id, t.position, t.ordinal, t.section, t.text, t.output, t.status, t.status_text, t.due_text, t.due_kind,
    t.due_start, t.due_end, t.page, t.span_start, t.span_end,
    ls.status AS latest_status, ls.status_text AS latest_status_text, ls.report_task_id AS latest_report_task_id,
    ls.report_document_id AS latest_report, ls.score AS latest_score`;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

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
    if (filters.status === "overdue") {
      const today = filters.today ?? localToday();
      if (!ISO_DAY.test(today)) throw new StoreError("store.badDate", { name: "--today", value: today });
      where.push(taskOverdue("?"));
      params.push(today);
    } else {
      where.push("COALESCE(ls.status, t.status) = ?");
      params.push(filters.status);
    }
  }
  for (const [name, value, op] of [["--due-before", filters.dueBefore, "<="], ["--due-after", filters.dueAfter, ">="]] as const) {
    if (!value) continue;
    if (!IsoDate.safeParse(value).success) throw new StoreError("store.badDate", { name, value });
    where.push(`COALESCE(t.due_end, t.due_start) IS NOT NULL AND COALESCE(t.due_end, t.due_start) ${op} ?`);
    params.push(value);
  }
  let agencies: number[] | null = null;
  if (filters.agency) agencies = agenciesMatching(db, filters.agency);
  if (filters.source) {
    const sourceFilter = sourceCondition(db, filters.source, filters.issuer);
    where.push(sourceFilter.sql);
    params.push(...sourceFilter.params);
  }
  // The total is counted apart from the page, on the tasks alone (every task has its
  // document); the page is cut on the sort keys, and only its tasks are read in full.
  const status = filters.status && filters.status !== "overdue" ? "LEFT JOIN task_latest_status ls ON ls.plan_task_id = t.id" : "";
  const ofAgencies = "t.id IN (SELECT task_id FROM task_agencies WHERE agency_id IN (SELECT value FROM json_each(?)))";
  const counted = agencies ? [ofAgencies, ...where] : where;
  // The agencies alone are counted on the page index (covering), without visiting the tasks.
  const total = (
    agencies && !where.length
      ? prepared(db, "SELECT COUNT(DISTINCT task_id) FROM task_agencies WHERE agency_id IN (SELECT value FROM json_each(?))")
      : db.prepare(`SELECT COUNT(*) FROM tasks t ${status} ${counted.length ? `WHERE ${counted.join(" AND ")}` : ""}`)
  )
    .pluck()
    .get(...(agencies ? [JSON.stringify(agencies), ...params] : params)) as number;
  const ids = agencies
    ? agencyPage(db, agencies, total, status, where, params, filters.limit, filters.offset ?? 0)
    : (db
        .prepare(
          `SELECT t.id FROM tasks t JOIN documents d ON d.id = t.document_id ${status} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
           ORDER BY d.date DESC NULLS LAST, d.key, t.position LIMIT ? OFFSET ?`,
        )
        .pluck()
        .all(...params, filters.limit ?? -1, filters.offset ?? 0) as number[]);
  const rows = prepared(db,
    `SELECT ${TASK_COLUMNS} FROM json_each(?) j JOIN tasks t ON t.id = j.value
     LEFT JOIN task_latest_status ls ON ls.plan_task_id = t.id ORDER BY j.key`,
  ).all(JSON.stringify(ids)) as TaskRow[];
  const result: TasksResult = { tasks: hydrateTasks(db, rows), total };
  if (agencies && !agencies.length) result.suggestions = suggestAgencies(db, filters.agency!);
  return result;
}

type PagedTask = { id: number; date: string | null; key: string; position: number };

/**
 * The page of the tasks of `agencies` (the other filters in `where`; `total` of them
 * match) without sorting every match at scale: each agency's tasks are a range of
 * task_agencies_page in page order (migration 10), read up to the end of the page, and
 * the heads merged here. When the matches are fewer than those heads would be, one
 * statement over the same index sorts them all instead (fewer rows, one statement).
 */
function agencyPage(
  db: Store, agencies: number[], total: number, status: string, where: string[], params: unknown[], limit: number | undefined, offset: number,
): number[] {
  const join = where.length ? `JOIN tasks t ON t.id = ta.task_id ${status}` : "";
  const order = "ORDER BY ta.doc_date DESC, ta.doc_key, ta.task_position LIMIT ?";
  const columns = "ta.task_id AS id, ta.doc_date AS date, ta.doc_key AS key, ta.task_position AS position";
  const others = where.map((w) => `AND ${w}`).join(" ");
  const end = limit === undefined ? -1 : offset + limit;
  let heads: PagedTask[];
  // DISTINCT: a task's rows under several of the agencies (or roles) carry the same order columns.
  if (end < 0 || total <= agencies.length * end)
    heads = prepared(db, `SELECT DISTINCT ${columns} FROM task_agencies ta ${join} WHERE ta.agency_id IN (SELECT value FROM json_each(?)) ${others} ${order}`)
      .all(JSON.stringify(agencies), ...params, end) as PagedTask[];
  else {
    const range = prepared(db, `SELECT DISTINCT ${columns} FROM task_agencies ta ${join} WHERE ta.agency_id = ? ${others} ${order}`);
    heads = agencies.flatMap((a) => range.all(a, ...params, end) as PagedTask[]);
    if (agencies.length > 1) heads.sort((a, b) => compareDocuments(a, b) || a.position - b.position);
  }
  const ids: number[] = [];
  const seen = new Set<number>();
  for (const t of heads) {
    if (seen.has(t.id)) continue; // a task of two of the agencies, or of one twice
    seen.add(t.id);
    ids.push(t.id);
  }
  return ids.slice(offset, end < 0 ? undefined : end);
}

function sourceCondition(db: Store, source: string, issuer: string | undefined): { sql: string; params: unknown[] } {
  const base = "EXISTS (SELECT 1 FROM task_sources s JOIN citations c ON c.id = s.citation_id WHERE s.task_id = t.id AND ";
  if (issuer) return { sql: `${base}c.target_document_id = ?)`, params: [resolveDocument(db, source, { issuer })] };
  const key = (db.prepare("SELECT code_key FROM documents WHERE code_key = ? LIMIT 1").get(codeKey(source)) as { code_key: string } | undefined)?.code_key;
  if (!key) throw new StoreError("store.noDocumentMatches", { code: source });
  return { sql: `${base}c.code_key = ?)`, params: [key] };
}

export function hydrateTasks(db: Store, rows: TaskRow[]): TaskEntry[] {
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
