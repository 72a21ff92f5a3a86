/**
 * The JSON API under /api/, mirroring the query commands. Lists are paged with
 * `limit` and `offset` and say how many there are in all (`total`); each handler
 * returns the value to send. Errors are thrown as HttpError (400/404) and sent
 * as { "error": "…" } by the server.
 */
import {
  documentFacets, listAgencies, listDeadlines, listDocuments, listRuns, queryCites, queryCiting, queryMetrics, queryPath, queryTasks, searchStore, type Store, StoreError
} from "../store/index.js";
import { openApiDocument } from "../../schemas/json-schemas.js";
import { citationGraph } from "./citation-graph-view.js";
import { documentIdParam } from "./document-param.js";
import { documentView } from "./document-view.js";
import { badRequest, notFound } from "./http-error.js";
import { pageOf, type QueryParams } from "./query-params.js";
import { deadlineFilters, documentFilters, graphOptions, taskFilters, today } from "./request-filters.js";
import { Router, type RouteParams } from "./router.js";

export type ApiRequest = { db: Store; query: QueryParams; params: RouteParams };
export type ApiHandler = (request: ApiRequest) => unknown;

export function apiRoutes(): Router<ApiHandler> {
  return new Router<ApiHandler>()
    .add("/api/documents", ({ db, query }) => {
      const page = query.page();
      return { ...page, ...listDocuments(db, documentFilters(query), page) };
    })
    .add("/api/documents/:id", ({ db, query, params }) => documentView(db, documentIdParam(db, params.id, query.text("issuer"))))
    .add("/api/facets", ({ db }) => documentFacets(db))
    .add("/api/citing", ({ db, query }) => {
      const page = query.page();
      const id = documentIdParam(db, query.required("code"), query.text("issuer"));
      const r = queryCiting(db, String(id), { transitive: query.flag("transitive"), limit: page.offset + page.limit });
      return { ...r, ...page, citing: r.citing.slice(page.offset) };
    })
    .add("/api/cites", ({ db, query }) => {
      const page = query.page();
      const id = documentIdParam(db, query.required("doc"), query.text("issuer"));
      const r = queryCites(db, String(id));
      return { document: r.document, total: r.cites.length, ...page, cites: pageOf(r.cites, page) };
    })
    .add("/api/path", ({ db, query }) => {
      const issuer = query.text("issuer");
      const from = documentIdParam(db, query.required("from"), issuer);
      const to = documentIdParam(db, query.required("to"), issuer);
      try {
        return queryPath(db, String(from), String(to));
      } catch (e) {
        // Both ends exist (resolved above): what is missing is the chain.
        if (e instanceof StoreError) throw notFound(e.key ?? e.message, e.params);
        throw e;
      }
    })
    .add("/api/tasks", ({ db, query }) => {
      const page = query.page();
      const r = queryTasks(db, { ...taskFilters(db, query), limit: page.offset + page.limit });
      return { total: r.total, ...page, tasks: r.tasks.slice(page.offset) };
    })
    .add("/api/agencies", ({ db, query }) => {
      const page = query.page(100);
      return { ...page, ...listAgencies(db, { today: today(query) }, page) };
    })
    .add("/api/metrics", ({ db, query }) => {
      const page = query.page();
      const subject = query.text("subject");
      if (subject !== undefined && !/[\p{L}\p{N}]/u.test(subject)) throw badRequest("web.subjectNoWords");
      const doc = query.text("doc");
      const r = queryMetrics(db, { subject, doc: doc !== undefined ? String(documentIdParam(db, doc, query.text("issuer"))) : undefined });
      // Pairs, not metrics, are what a reader pages through; the pairing needs every metric examined.
      return { metrics: r.total, total: r.pairs.length, ...page, pairs: pageOf(r.pairs, page) };
    })
    .add("/api/deadlines", ({ db, query }) => {
      const page = query.page(200);
      return { ...page, ...listDeadlines(db, deadlineFilters(db, query), page) };
    })
    .add("/api/search", ({ db, query }) => {
      const page = query.page(20);
      const q = query.required("q");
      const r = searchStore(db, q, page);
      return { query: r.query, total: r.total, ...page, hits: r.hits };
    })
    .add("/api/runs", ({ db, query }) => {
      const page = query.page();
      return { ...page, ...listRuns(db, page) };
    })
    .add("/api/graph", ({ db, query }) => citationGraph(db, graphOptions(db, query)))
    .add("/api/openapi.json", () => openApiDocument());
}
