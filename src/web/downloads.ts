/**
 * Downloads under /export/: the Deadlines page's ICS and CSV, the Tasks page's
 * CSV and XLSX. They take the same filters as /api/deadlines and /api/tasks and
 * contain every match (no paging).
 */
import { listDeadlines, queryTasks } from "../store/index.js";
import type { ApiRequest } from "./api.js";
import { deadlinesCsv, deadlinesIcs } from "./deadline-export.js";
import { deadlineFilters, taskFilters } from "./request-filters.js";
import { Router } from "./router.js";
import { tasksCsv, tasksXlsx } from "./task-export.js";

export type Download = { body: string | Buffer; contentType: string; fileName: string };
export type DownloadHandler = (request: ApiRequest) => Download | Promise<Download>;

const CSV = "text/csv; charset=utf-8";

export function downloadRoutes(): Router<DownloadHandler> {
  const deadlines = ({ db, query }: ApiRequest) => listDeadlines(db, deadlineFilters(db, query)).deadlines;
  const tasks = ({ db, query }: ApiRequest) => queryTasks(db, taskFilters(db, query)).tasks;
  return new Router<DownloadHandler>()
    .add("/export/deadlines.ics", (r) => ({ body: deadlinesIcs(deadlines(r)), contentType: "text/calendar; charset=utf-8", fileName: "thoi-han.ics" }))
    .add("/export/deadlines.csv", (r) => ({ body: deadlinesCsv(deadlines(r)), contentType: CSV, fileName: "thoi-han.csv" }))
    .add("/export/tasks.csv", (r) => ({ body: tasksCsv(tasks(r)), contentType: CSV, fileName: "nhiem-vu.csv" }))
    .add("/export/tasks.xlsx", async (r) => ({
      body: await tasksXlsx(tasks(r)),
      contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      fileName: "nhiem-vu.xlsx",
    }));
}
