/**
 * Agencies with what they owe: tasks they lead or support, and of the tasks
 * they lead how many are done and how many are past their deadline. The Tasks
 * page lists them beside the tasks; a name here is a valid `agency` filter.
 */
import type { AgencyEntry } from "../../../schemas/answers.js";
import type { Store } from "../open-store.js";
import type { Page } from "./page.js";
import { statusOf, taskOverdue } from "./task-state.js";
export type { AgencyEntry };

export function listAgencies(db: Store, options: { today: string }, page: Page): { total: number; agencies: AgencyEntry[] } {
  const total = db.prepare("SELECT count(DISTINCT agency_id) FROM task_agencies").pluck().get() as number;
  const agencies = db
    .prepare(
      `SELECT a.id, a.name, a.locality_key AS localityKey, a.locality,
              SUM(ta.role = 'lead') AS lead, SUM(ta.role = 'support') AS support,
              SUM(ta.role = 'lead' AND ${statusOf("t.id", "t.status")} IS 'done') AS done,
              SUM(ta.role = 'lead' AND ${taskOverdue(":today")}) AS overdue
       FROM agencies a JOIN task_agencies ta ON ta.agency_id = a.id JOIN tasks t ON t.id = ta.task_id
       GROUP BY a.id ORDER BY lead DESC, support DESC, a.name, a.locality_key LIMIT :limit OFFSET :offset`,
    )
    .all({ today: options.today, limit: page.limit, offset: page.offset }) as AgencyEntry[];
  return { total, agencies };
}
