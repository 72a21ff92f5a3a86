/**
 * Tasks: rows of responsibility / task-status tables (tasks/table-tasks.ts) and
 * directive paragraphs (tasks/narrative-tasks.ts), in document order. Each task's
 * `span` is its whole table row or paragraph, so the assembler can hand it the
 * deadlines and metrics found inside; `deadline` is left for the assembler.
 */
import type { Task } from "../../schemas/extraction.js";
import type { ExtractContext } from "./context.js";
import { narrativeTasks } from "./tasks/narrative-tasks.js";
import { tableTasks } from "./tasks/table-tasks.js";
import { appendAll } from "../large-arrays.js";

export function extractTasks(ctx: ExtractContext): Task[] {
  const tasks = narrativeTasks(ctx);
  for (const block of ctx.doc.blocks) if (block.type === "table") appendAll(tasks, tableTasks(ctx, block));
  return tasks.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0));
}
