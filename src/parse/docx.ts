import type { DraftDocument } from "./draft.js";
// Placeholder until the DOCX parser lands.
export async function parseDocx(_bytes: Uint8Array): Promise<DraftDocument> {
  throw new Error("DOCX parsing is not implemented yet");
}
