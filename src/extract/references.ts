import type { Reference } from "../../schemas/extraction.js";
import type { ExtractContext } from "./context.js";
// Placeholder until the extractor lands.
export function extractReferences(_ctx: ExtractContext): Reference[] {
  return [];
}
