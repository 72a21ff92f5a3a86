/**
 * The search results page (the search box of every page lands here): each hit with
 * its document, page, and the words around the match with the match marked, linked
 * to that place in the document view. Server-rendered from the store's search.
 */
import { t } from "../../i18n/index.js";
import type { SearchResult } from "../../store/index.js";
import { html, type Html } from "../html.js";
import { documentLabel } from "../labels.js";
import { layout } from "./layout.js";
import { marked, pager } from "./result-parts.js";

const HIT_TYPE = { document: "search.type.document", task: "search.type.task", passage: "search.type.passage" } as const;

export function searchPage(q: string, result: SearchResult | null, limit: number): Html {
  const from = result && result.hits.length ? result.offset + 1 : 0;
  const body = html`
<h1>${t("web.search.title")}</h1>
<form class="filters" method="get" action="/search" role="search">
  <label>${t("page.search")} <input type="search" name="q" value="${q}" placeholder="${t("web.search.hint")}"></label>
  <div class="actions"><button type="submit">${t("web.search.go")}</button></div>
</form>
${result === null
    ? ""
    : html`<p id="summary" class="summary">${result.hits.length
        ? t("web.search.summary", { from, to: result.offset + result.hits.length, total: result.total, query: q })
        : t("web.search.none", { query: q })}</p>
<ol id="hits" class="hits" start="${from || 1}">
${result.hits.map((h) => html`<li class="hit hit-${h.type}">
  <div class="hit-where"><a class="doc-code" href="/documents/${h.document.id}">${documentLabel(h.document)}</a>
    <span class="muted">${t(HIT_TYPE[h.type])}${h.document.issuer ? ` · ${h.document.issuer}` : ""}${h.page !== null ? ` · ${t("search.page", { n: h.page })}` : ""}</span></div>
  <div class="hit-snippet">${marked(h.snippet, "match")}</div>
  <a class="hit-link" href="${h.link}">${t("web.search.open")}</a>
</li>`)}
</ol>
${pager("/search", { q }, result.offset, limit, result.total)}`}`;
  return layout({ title: q ? `${t("web.search.title")}: ${q}` : t("web.search.title"), body });
}
