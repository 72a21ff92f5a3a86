/**
 * Query strings → the filters of each listing, checked. The API, the pages'
 * downloads and the pages themselves read filters through these, so a filter
 * means the same everywhere.
 */
import {
  codeIsKnown, DEADLINE_STATES, type DeadlineFilters, type DocumentFilters, localToday, type Store, TASK_STATUSES, type TaskFilters,
} from "../store/index.js";
import { documentIdParam } from "./document-param.js";
import type { GraphOptions } from "./citation-graph-view.js";
import { badRequest, notFound } from "./http-error.js";
import type { QueryParams } from "./query-params.js";

export function documentFilters(q: QueryParams): DocumentFilters {
  const held = q.oneOf("held", ["0", "1"] as const);
  return {
    kind: q.text("kind"),
    issuer: q.text("issuer"),
    from: q.isoDate("from"),
    to: q.isoDate("to"),
    // "commune" is what a reader calls it; the store says locality.
    locality: q.text("locality") ?? q.text("commune"),
    q: q.text("q"),
    held: held === undefined ? undefined : held === "1",
  };
}

export function taskFilters(db: Store, q: QueryParams): Omit<TaskFilters, "limit"> {
  const issuer = q.text("issuer");
  const doc = q.text("doc");
  const source = q.text("source");
  if (source !== undefined) {
    if (issuer !== undefined) documentIdParam(db, source, issuer);
    else if (!codeIsKnown(db, source)) throw notFound("store.noDocumentMatches", { code: source });
  }
  const agency = q.text("agency");
  if (agency !== undefined && !/[\p{L}\p{N}]/u.test(agency)) throw badRequest("web.agencyNoLetters");
  return {
    agency,
    status: q.oneOf("status", TASK_STATUSES),
    dueBefore: q.isoDate("dueBefore"),
    dueAfter: q.isoDate("dueAfter"),
    doc: doc !== undefined ? String(documentIdParam(db, doc, issuer)) : undefined,
    source,
    issuer,
    today: today(q),
  };
}

export function deadlineFilters(db: Store, q: QueryParams): DeadlineFilters {
  const doc = q.text("doc");
  return {
    from: q.isoDate("from"),
    to: q.isoDate("to"),
    documentId: doc !== undefined ? documentIdParam(db, doc, q.text("issuer")) : undefined,
    state: q.oneOf("state", DEADLINE_STATES),
    today: today(q),
  };
}

/** "Today" for overdue/upcoming; a request may fix it (a shared link, a test) instead of the server's clock. */
export function today(q: QueryParams): string {
  const fixed = q.isoDate("today");
  if (fixed !== undefined && fixed.length !== 10) throw badRequest("web.todayWhole");
  return fixed ?? localToday();
}

export function graphOptions(db: Store, q: QueryParams): GraphOptions {
  const code = q.text("code");
  return {
    focusId: code !== undefined ? documentIdParam(db, code, q.text("issuer")) : undefined,
    // The citing tree is what a reader wants by default; transitive=0 limits it to direct citers.
    transitive: q.text("transitive") === undefined ? true : q.flag("transitive"),
    kind: q.text("kind"),
    localityKey: q.text("locality"),
  };
}
