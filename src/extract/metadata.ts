import type { DocumentModel } from "../../schemas/document.js";
import type { DocumentMeta } from "../../schemas/extraction.js";
// Placeholder until the metadata extractor lands.
export function extractMetadata(_doc: DocumentModel): DocumentMeta {
  return { kind: null, code: null, symbol: null, issuer: null, place: null, date: null, title: null, signer: null };
}
