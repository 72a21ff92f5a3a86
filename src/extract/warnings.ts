import type { Extraction } from "../../schemas/extraction.js";
import type { ExtractContext } from "./context.js";
// Placeholder until the consistency checks land.
export function checkConsistency(_x: Extraction, _ctx: ExtractContext): string[] {
  return [];
}
