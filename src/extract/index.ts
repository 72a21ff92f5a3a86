/**
 * The extract stage: document model → the extraction contract.
 *
 * metadata → (references, tasks, deadlines, metrics) → link → validate. Extractors
 * are independent pure functions; linking is done here once: a deadline or metric
 * whose span lies inside a task's span belongs to that task, and a task's
 * `deadline` is its first deadline that has a date, else its first one.
 */
import type { DocumentModel } from "../../schemas/document.js";
import { Extraction, type Deadline, type Task } from "../../schemas/extraction.js";
import { makeContext, within } from "./context.js";
import { extractDeadlines } from "./deadlines.js";
import { extractMetadata } from "./metadata.js";
import { extractMetrics } from "./metrics.js";
import { extractReferences } from "./references.js";
import { extractTasks } from "./tasks.js";
import { checkConsistency } from "./warnings.js";

export function extractDocument(doc: DocumentModel): Extraction {
  const meta = extractMetadata(doc);
  const ctx = makeContext(doc, meta);
  const references = extractReferences(ctx);
  const tasks = extractTasks(ctx);
  const deadlines = extractDeadlines(ctx);
  const metrics = extractMetrics(ctx);
  linkToTasks(tasks, deadlines);
  linkToTasks(tasks, metrics);
  for (const task of tasks) task.deadline = firstDeadline(deadlines.filter((d) => d.task === tasks.indexOf(task)));
  const extraction: Extraction = {
    schemaVersion: 1,
    source: { file: doc.source.file, sha256: doc.source.sha256, format: doc.source.format, pages: doc.pages.length },
    document: meta,
    references,
    tasks,
    deadlines,
    metrics,
    warnings: [],
  };
  extraction.warnings = [...doc.warnings.map((w) => `${w.source}: ${w.reason}`), ...checkConsistency(extraction, ctx)];
  return Extraction.parse(extraction);
}

function linkToTasks(tasks: Task[], items: { span?: { start: number; end: number }; task?: number }[]): void {
  for (const item of items) {
    if (item.task !== undefined || !item.span) continue;
    const i = tasks.findIndex((t) => t.span && within(item.span!, t.span));
    if (i >= 0) item.task = i;
  }
}

function firstDeadline(own: Deadline[]): Deadline | null {
  return own.find((d) => d.start || d.end) ?? own[0] ?? null;
}
