/** The HTML pages: each route renders its page server-side from the store. */
import type { ApiRequest } from "./api.js";
import { documentFacets } from "../store/index.js";
import { documentIdParam } from "./document-param.js";
import { documentView } from "./document-view.js";
import type { Html } from "./html.js";
import { deadlinesPage } from "./pages/deadlines-page.js";
import { documentPage } from "./pages/document-page.js";
import { documentsPage } from "./pages/documents-page.js";
import { graphPage } from "./pages/graph-page.js";
import { tasksPage } from "./pages/tasks-page.js";
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
    .add("/tasks", ({ query }) => tasksPage(query));
}
