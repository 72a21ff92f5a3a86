/**
 * Report status rows ↔ the plan tasks they report on.
 *
 * A report's status row ("Trang bị máy tính … | Đã hoàn thành") is paired with a
 * task of a plan the report points at — through the row's own sources when they
 * name a held plan, else any plan the report cites — choosing the most similar
 * wording (text-similarity.ts) at or above MIN_SCORE. Candidates come sorted by
 * (plan identity key, position) and ties keep the first, so the pairing depends
 * only on what is stored, never on import order.
 */
import { comparable, similarity, type Comparable } from "./text-similarity.js";

/** Below this, two tasks of the same programme merely share its vocabulary. */
export const MIN_SCORE = 0.55;

export type ReportRow = {
  id: number;
  text: string;
  /** Held documents the row's own sources name (empty: none). */
  namedPlans: ReadonlySet<number>;
};

/** A plan task the store holds; `cmp` is filled in once and reused across rows. */
export type PlanTaskCandidate = { id: number; documentId: number; text: string; cmp?: Comparable };

export type TaskLink = { reportTaskId: number; planTaskId: number; score: number; method: "sources" | "wording" };

/** `planTasks` sorted by (plan key, position). */
export function matchReportRows(rows: ReportRow[], planTasks: PlanTaskCandidate[]): TaskLink[] {
  const links: TaskLink[] = [];
  for (const row of rows) {
    const named = row.namedPlans;
    const candidates = named.size ? planTasks.filter((t) => named.has(t.documentId)) : planTasks;
    const best = bestMatch(comparable(row.text), candidates);
    if (best) links.push({ reportTaskId: row.id, planTaskId: best.task.id, score: best.score, method: named.size ? "sources" : "wording" });
  }
  return links;
}

function bestMatch(row: Comparable, candidates: PlanTaskCandidate[]): { task: PlanTaskCandidate; score: number } | null {
  let best: { task: PlanTaskCandidate; score: number } | null = null;
  // A strict ">" keeps the first of equals.
  for (const t of candidates) {
    t.cmp ??= comparable(t.text);
    const score = similarity(row, t.cmp);
    if (score >= MIN_SCORE && (!best || score > best.score)) best = { task: t, score };
  }
  return best;
}
