/**
 * A document named in a request: the store id, or a code ("57-NQ/TW"; with
 * `issuer` when the code is local). Unknown → 404; a code several places use → 400
 * with the store's explanation. File paths are refused: the store's resolver
 * would look at the server's disk, which is no business of a web client.
 */
import { codeKey } from "../store/document-identity.js";
import { foldLoose } from "../normalise/fold.js";
import type { Store } from "../store/open-store.js";
import { resolveDocument } from "../store/resolve-document.js";
import { StoreError } from "../store/store-error.js";
import { badRequest, HttpError, notFound } from "./http-error.js";

export function documentIdParam(db: Store, spec: string, issuer?: string): number {
  const s = spec.trim();
  if (/^\d+$/.test(s)) {
    const row = db.prepare("SELECT id FROM documents WHERE id = ?").get(Number(s)) as { id: number } | undefined;
    if (!row) throw notFound("web.noDocumentId", { id: s });
    return row.id;
  }
  if (/^[./~\\]|\\|\.(pdf|docx?|txt|md|html?)$/i.test(s)) throw badRequest("web.notAPath");
  try {
    return resolveDocument(db, s, { issuer });
  } catch (e) {
    if (!(e instanceof StoreError)) throw e;
    throw new HttpError(codeIsKnown(db, s) ? 400 : 404, e.key ?? e.message, e.params);
  }
}

/** Some document carries this code (typed with or without diacritics): the code was not unknown, only ambiguous. */
export function codeIsKnown(db: Store, code: string): boolean {
  const key = codeKey(code);
  return Boolean(
    db.prepare("SELECT 1 FROM documents WHERE code_key = ?").get(key) ??
      db.prepare("SELECT 1 FROM documents WHERE vanban_fold(code_key) = ?").get(foldLoose(key)),
  );
}
