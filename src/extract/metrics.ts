import type { Metric } from "../../schemas/extraction.js";
import type { ExtractContext } from "./context.js";
// Placeholder until the extractor lands.
export function extractMetrics(_ctx: ExtractContext): Metric[] {
  return [];
}
