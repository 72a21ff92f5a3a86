/**
 * Metrics: every percentage, every count ratio and every target/result cell of an
 * indicator table, one per occurrence (contract, "Metrics").
 *
 *   metrics/prose-metrics.ts  percentages, ranges and count ratios in running text (and in
 *                             table cells that hold sentences), with comparator, role, subject
 *   metrics/table-metrics.ts  indicator tables by column (unit, role, comparison columns, group
 *                             rows) and the figures in task-table cells
 *   metrics/cell-values.ts    a cell that holds one figure, range or `a/b` ratio
 *
 * Read everywhere but the signature and the recipients: a title, a footnote or an annex
 * title can state a figure.
 */
import type { Metric } from "../../schemas/extraction.js";
import type { ExtractContext } from "./context.js";
import { documentFacts, FIXED } from "./document-zones.js";
import { proseMetrics } from "./metrics/prose-metrics.js";
import { tableMetrics } from "./metrics/table-metrics.js";

export function extractMetrics(ctx: ExtractContext): Metric[] {
  const facts = documentFacts(ctx);
  const out: Metric[] = [];
  ctx.doc.blocks.forEach((b, bi) => {
    if (facts.outside[bi] === FIXED.signature || b.type === "signature") return;
    if (b.type === "table") tableMetrics(ctx, facts, b, bi, out);
    else proseMetrics(ctx, b.span.start, b.span.end, { facts, bi }, out);
  });
  return out;
}
