/**
 * The one definition of a task's state, used by `query tasks`, the web pages and
 * counts, and the nightly report alike:
 *   - a task's status is the status of its row in the newest report linked to it
 *     (task_links, newest by report date then identity key), else its own (a
 *     report's status row);
 *   - done: that status is 'done';
 *   - overdue: its deadline ended before today and it is not done — a deadline
 *     with no end ("bắt đầu từ …") cannot be late, and a deadline of no task has
 *     no status any report could set;
 *   - due soon: an open deadline whose day (end, else start) falls on today …
 *     today + horizon;
 *   - today: the local calendar day (TZ), unless the caller fixes it.
 * Written as SQL fragments over the aliases `t` (tasks) and `dl` (deadlines). The
 * status is one row of task_latest_status, a table kept at ingest
 * (src/store/write/task-latest-status.ts), read by its primary key.
 */

/** The status in force for the task aliased `task` (a column reference such as `t.id`). */
export function statusOf(taskId: string, ownStatus: string): string {
  return `COALESCE((SELECT ls.status FROM task_latest_status ls WHERE ls.plan_task_id = ${taskId}), ${ownStatus})`;
}

/** The day a deadline falls on: its end, else its start. */
export const DEADLINE_DAY = `COALESCE(dl."end", dl.start)`;

/** A deadline not yet done: no task, or its task's status is not 'done'. `t` is the deadline's task (LEFT JOIN). */
export const DEADLINE_OPEN = `(dl.task_id IS NULL OR ${statusOf("dl.task_id", "t.status")} IS NOT 'done')`;

/** The deadline's task is overdue on `today` (a bound parameter name such as `:today` or `?`). */
export function deadlineOverdue(today: string): string {
  return `(dl."end" IS NOT NULL AND dl."end" < ${today} AND dl.task_id IS NOT NULL AND ${DEADLINE_OPEN})`;
}

/** A deadline of a task that is done. */
export const DEADLINE_DONE = `(dl.task_id IS NOT NULL AND ${statusOf("dl.task_id", "t.status")} IS 'done')`;

/** The task aliased `t` is overdue on `today`: by its own deadline columns, or because its status says so. */
export function taskOverdue(today: string): string {
  const status = statusOf("t.id", "t.status");
  return `(${status} IS 'overdue' OR (t.due_end IS NOT NULL AND t.due_end < ${today} AND ${status} IS NOT 'done'))`;
}

/** Today in the local time zone, as the ISO date deadlines are compared with. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
