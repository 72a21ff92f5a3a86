import type { Task } from "../../schemas/extraction.js";
import type { ExtractContext } from "./context.js";
// Placeholder until the extractor lands.
export function extractTasks(_ctx: ExtractContext): Task[] {
  return [];
}
