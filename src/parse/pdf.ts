import type { DraftDocument } from "./draft.js";
// Placeholder until the PDF parser lands.
export async function parsePdf(_bytes: Uint8Array): Promise<DraftDocument> {
  throw new Error("PDF parsing is not implemented yet");
}
