import type { Deadline } from "../../schemas/extraction.js";
import type { ExtractContext } from "./context.js";
// Placeholder until the extractor lands.
export function extractDeadlines(_ctx: ExtractContext): Deadline[] {
  return [];
}
