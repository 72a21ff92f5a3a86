import { fillSameTaskKeys } from "./v7-reach-and-task-status.js";
import type { Migration } from "./migration.js";

// Version 9: tasks.same_task_key joins its parts with U+001F instead of NUL
// (src/link/task-identity.ts), so the same key fits PostgreSQL's text. Keys are
// derived data: written again from the tasks for what the store holds.
export const V9: Migration = {
  version: 9,
  name: "same-task keys joined by the unit separator",
  up: (db) => fillSameTaskKeys(db),
};
