/** How a deadline row of the store becomes an item of the nightly report. */
import type { DeadlineRow, ItemContext } from "../../src/store/index.js";
import { deadlineKey } from "./keys.js";
import type { DeadlineItem } from "./report.js";

/** The item key of a deadline row (see keys.ts). */
export const rowKey = (r: DeadlineRow) => deadlineKey(r.documentKey, r.taskText ?? r.text, r.start, r.end);

export function toItem(r: DeadlineRow, ctx: ItemContext): DeadlineItem {
  return {
    key: rowKey(r),
    text: r.text,
    kind: r.kind,
    start: r.start,
    end: r.end,
    task: r.taskText,
    lead: r.taskId === null ? [] : (ctx.leads.get(r.taskId) ?? []),
    document: ctx.documents.get(r.documentId)!,
    file: ctx.files.get(r.documentId) ?? null,
    page: r.page,
    span: r.spanStart !== null && r.spanEnd !== null ? { start: r.spanStart, end: r.spanEnd } : null,
  };
}
