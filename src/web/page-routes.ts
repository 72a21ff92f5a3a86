/** The HTML pages: each route renders its page server-side from the store. */
import type { ApiRequest } from "./api.js";
import { documentFacets, queryMetrics, searchStore } from "../store/index.js";
import { documentIdParam } from "./document-param.js";
import { documentView } from "./document-view.js";
import type { Html } from "./html.js";
import { deadlinesPage } from "./pages/deadlines-page.js";
import { documentPage } from "./pages/document-page.js";
import { documentsPage } from "./pages/documents-page.js";
import { graphPage } from "./pages/graph-page.js";
import { tasksPage } from "./pages/tasks-page.js";
import { searchPage } from "./pages/search-page.js";
import { metricsPage } from "./pages/metrics-page.js";
import { pageOf } from "./query-params.js";
import { badRequest } from "./http-error.js";
import { Router } from "./router.js";

export type PageHandler = (request: ApiRequest) => Html;

export function pageRoutes(): Router<PageHandler> {
  const documents: PageHandler = ({ db, query }) => documentsPage(documentFacets(db), query);
  return new Router<PageHandler>()
    .add("/", documents)
    .add("/documents", documents)
    .add("/documents/:id", ({ db, query, params }) => documentPage(documentView(db, documentIdParam(db, params.id, query.text("issuer")))))
    .add("/graph", ({ db, query }) => graphPage(documentFacets(db), query))
    .add("/deadlines", ({ query }) => deadlinesPage(query))
    .add("/tasks", ({ query }) => tasksPage(query))
    .add("/search", ({ db, query }) => {
      const page = query.page(20);
      const q = query.text("q") ?? "";
      return searchPage(q, /[\p{L}\p{N}]/u.test(q) ? searchStore(db, q, page) : null, page.limit);
    })
    .add("/metrics", ({ db, query }) => {
      const page = query.page(100);
      const subject = query.text("subject");
      if (subject !== undefined && !/[\p{L}\p{N}]/u.test(subject)) throw badRequest("web.subjectNoWords");
      const doc = query.text("doc");
      const r = queryMetrics(db, { subject, doc: doc !== undefined ? String(documentIdParam(db, doc, query.text("issuer"))) : undefined });
      const pairs = query.flag("paired") ? r.pairs.filter((p) => p.target && p.actual) : r.pairs;
      return metricsPage(query, { pairs: pageOf(pairs, page), paired: r.paired, total: r.total, count: pairs.length, ...page });
    });
}
