/**
 * A document named in a request: the store id, or a code ("57-NQ/TW"; with
 * `issuer` when the code is local). Unknown → 404; a code several places use → 400
 * with the store's explanation. File paths are refused: the store's resolver
 * would look at the server's disk, which is no business of a web client.
 */
import { codeIsKnown, documentExists, resolveDocument, StoreError, type Store } from "../store/index.js";
import { badRequest, HttpError, notFound } from "./http-error.js";

export function documentIdParam(db: Store, spec: string, issuer?: string): number {
  const s = spec.trim();
  if (/^\d+$/.test(s)) {
    if (!documentExists(db, Number(s))) throw notFound("web.noDocumentId", { id: s });
    return Number(s);
  }
  if (/^[./~\\]|\\|\.(pdf|docx?|txt|md|html?)$/i.test(s)) throw badRequest("web.notAPath");
  try {
    return resolveDocument(db, s, { issuer });
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    throw new HttpError(codeIsKnown(db, s) ? 400 : 404, e.key ?? e.message, e.params);
  }
}
