import type { DraftDocument } from "./draft.js";
// Placeholder until the HTML parser lands.
export function parseHtml(_html: string): DraftDocument {
  throw new Error("HTML parsing is not implemented yet");
}
