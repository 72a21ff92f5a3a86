/**
 * The extract stage: document model → the extraction contract.
 *
 * metadata → (references, tasks, deadlines, metrics) → link → validate. Extractors
 * are independent pure functions; linking is done here once: a deadline or metric
 * whose span lies inside a task's span belongs to that task, and a task's
 * `deadline` is its first deadline that has a date, else its first one. Nothing that
 * starts in the letterhead, "Kính gửi", the "Căn cứ" preamble or "Nơi nhận" is kept
 * (document-zones/layout-zones.ts): those parts address and found the document.
 */
import type { DocumentModel } from "../../schemas/document.js";
import { Extraction, type Deadline, type Task } from "../../schemas/extraction.js";
import { makeContext, within } from "./context.js";
import { documentZones, inZones } from "./document-zones.js";
import { extractDeadlines } from "./deadlines.js";
import { extractMetadata } from "./metadata.js";
import { extractMetrics } from "./metrics.js";
import { extractReferences } from "./references.js";
import { extractTasks } from "./tasks.js";
import { warningText } from "./warning-text.js";
import { consistencyMessages } from "./warnings.js";

export function extractDocument(doc: DocumentModel): Extraction {
  const meta = extractMetadata(doc);
  const ctx = makeContext(doc, meta);
  const references = extractReferences(ctx);
  const zones = documentZones(ctx);
  const body = <T extends { span?: { start: number; end: number } }>(items: T[]) => items.filter((item) => inZones(zones, item.span) === null);
  const tasks = body(extractTasks(ctx));
  const deadlines = body(extractDeadlines(ctx));
  const metrics = body(extractMetrics(ctx));
  linkToTasks(tasks, deadlines);
  linkToTasks(tasks, metrics);
  const byTask = new Map<number, Deadline[]>();
  for (const d of deadlines) if (d.task !== undefined) byTask.set(d.task, [...(byTask.get(d.task) ?? []), d]);
  tasks.forEach((task, i) => (task.deadline = firstDeadline(byTask.get(i) ?? [])));
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
  const checks = consistencyMessages(extraction, ctx);
  // Parse warnings keep their text without a position, as before; the messages carry it.
  extraction.warnings = [...doc.warnings.map((w) => warningText({ code: w.source, message: w.reason, page: null, span: null })), ...checks.map(warningText)];
  extraction.messages = [
    ...doc.warnings.map((w) => ({ code: w.source, message: w.reason, page: w.page, span: w.span, severity: "warning" as const })),
    ...checks,
  ];
  return Extraction.parse(extraction);
}

/**
 * Tasks come in document order and their spans (a table row, a paragraph) never
 * overlap, so the one task that can hold an item is the last one starting at or
 * before it: a binary search, not a scan per item (a 100k-row table has 100k tasks).
 */
function linkToTasks(tasks: Task[], items: { span?: { start: number; end: number }; task?: number }[]): void {
  for (const item of items) {
    if (item.task !== undefined || !item.span) continue;
    let lo = 0;
    let hi = tasks.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((tasks[mid].span?.start ?? Infinity) <= item.span.start) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const span = k >= 0 ? tasks[k].span : undefined;
    if (span && within(item.span, span)) item.task = k;
  }
}

function firstDeadline(own: Deadline[]): Deadline | null {
  return own.find((d) => d.start || d.end) ?? own[0] ?? null;
}
