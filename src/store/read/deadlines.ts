/**
 * Dated deadlines across the archive, for the Deadlines page, /api/deadlines and
 * its ICS/CSV exports. A deadline's day is its end (the last day to act), or its
 * start for "from" deadlines that have no end; deadlines with no date at all
 * ("khi có yêu cầu", "hằng tháng") cannot be put on a calendar and are left out.
 *
 * State against `today` (task-state.ts, the definitions `query tasks` and the
 * nightly report use): done, overdue, else upcoming.
 */
import { DeadlineState as DeadlineStates, type DeadlineEntry, type DeadlineList, type DeadlineState } from "../../../schemas/answers.js";
import { documentSummaries, type DocumentSummary } from "./document-summary.js";
import type { Store } from "../open-store.js";
import { DEADLINE_DAY, DEADLINE_DONE, deadlineOverdue, statusOf } from "./task-state.js";
import type { Page } from "./page.js";
export type { DeadlineEntry, DeadlineList, DeadlineState };

export const DEADLINE_STATES = DeadlineStates.options;

export type DeadlineFilters = { from?: string; to?: string; documentId?: number; state?: DeadlineState; today: string };

type Row = {
  id: number; text: string; kind: string; start: string | null; end: string | null; day: string; state: DeadlineState; status: string | null;
  document_id: number; task_id: number | null; ordinal: string | null; task_text: string | null; page: number | null;
  span_start: number | null; span_end: number | null;
};

const DAY = DEADLINE_DAY;
const STATUS = statusOf("dl.task_id", "t.status");
const STATE = `CASE WHEN ${DEADLINE_DONE} THEN 'done' WHEN ${deadlineOverdue(":today")} THEN 'overdue' WHEN ${DEADLINE_DAY} < :today THEN 'past' ELSE 'upcoming' END`;

export function listDeadlines(db: Store, filters: DeadlineFilters, page?: Page): DeadlineList {
  const where = [`${DAY} IS NOT NULL`];
  const params: Record<string, unknown> = { today: filters.today };
  if (filters.from) {
    where.push(`${DAY} >= :from`);
    params.from = filters.from;
  }
  if (filters.to) {
    where.push(`${DAY} <= :to`);
    // A month or year "to" includes its last day.
    params.to = filters.to.length === 10 ? filters.to : `${filters.to}-99`;
  }
  if (filters.documentId !== undefined) {
    where.push("dl.document_id = :doc");
    params.doc = filters.documentId;
  }
  if (filters.state) {
    where.push(`${STATE} = :state`);
    params.state = filters.state;
  }
  const from = `FROM deadlines dl LEFT JOIN tasks t ON t.id = dl.task_id
                WHERE ${where.join(" AND ")}`;
  const total = db.prepare(`SELECT count(*) ${from}`).pluck().get(params) as number;
  const rows = db
    .prepare(
      `SELECT dl.id, dl.text, dl.kind, dl.start, dl.end, ${DAY} AS day, ${STATE} AS state, ${STATUS} AS status, dl.document_id, dl.task_id,
              t.ordinal, t.text AS task_text, dl.page, dl.span_start, dl.span_end
       ${from} ORDER BY day, dl.document_id, dl.position ${page ? "LIMIT :limit OFFSET :offset" : ""}`,
    )
    .all(page ? { ...params, limit: page.limit, offset: page.offset } : params) as Row[];
  const agencies = agenciesOfTasks(db, rows.flatMap((r) => (r.task_id === null ? [] : [r.task_id])));
  const documents = documentSummaries(db, rows.map((r) => r.document_id));
  return {
    today: filters.today,
    total,
    deadlines: rows.map((r) => ({
      id: r.id,
      day: r.day,
      text: r.text,
      kind: r.kind,
      start: r.start,
      end: r.end,
      state: r.state,
      status: r.status,
      task: r.task_id !== null ? { id: r.task_id, ordinal: r.ordinal, text: r.task_text ?? "" } : null,
      lead: agencies.get(r.task_id ?? -1)?.lead ?? [],
      support: agencies.get(r.task_id ?? -1)?.support ?? [],
      document: documents.get(r.document_id)!,
      page: r.page,
      span: r.span_start !== null && r.span_end !== null ? { start: r.span_start, end: r.span_end } : null,
    })),
  };
}

function agenciesOfTasks(db: Store, taskIds: number[]): Map<number, { lead: string[]; support: string[] }> {
  const out = new Map<number, { lead: string[]; support: string[] }>();
  if (!taskIds.length) return out;
  const rows = db
    .prepare(
      `SELECT ta.task_id, ta.role, a.name FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id
       WHERE ta.task_id IN (SELECT value FROM json_each(?)) ORDER BY ta.task_id, ta.role, ta.position`,
    )
    .all(JSON.stringify([...new Set(taskIds)])) as { task_id: number; role: "lead" | "support"; name: string }[];
  for (const r of rows) {
    let entry = out.get(r.task_id);
    if (!entry) out.set(r.task_id, (entry = { lead: [], support: [] }));
    entry[r.role].push(r.name);
  }
  return out;
}
