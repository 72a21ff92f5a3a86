/**
 * Page 1 — Documents: the filter form (kind, issuer, dates, commune, held), and
 * an empty table that documents.js fills from /api/documents with the same
 * query string.
 */
import { t } from "../../i18n/index.js";
import { html, type Html } from "../html.js";
import type { Facets } from "../../store/index.js";
import { kindLabel } from "../labels.js";
import type { QueryParams } from "../query-params.js";
import { currentValue, datalist, inputField, selectField } from "./form-controls.js";
import { layout } from "./layout.js";

export function documentsPage(facets: Facets, query: QueryParams): Html {
  const v = (name: string) => currentValue(query, name);
  const body = html`
<h1>${t("web.nav.documents")}</h1>
<form class="filters" method="get" action="/documents">
  ${inputField(t("page.search"), "q", v("q"), { type: "search", placeholder: t("page.searchHint") })}
  ${selectField(t("page.kind"), "kind", facets.kinds.map((k) => ({ value: k.value, label: `${kindLabel(k.value)} (${k.count})` })), v("kind"))}
  ${inputField(t("page.issuer"), "issuer", v("issuer"), { list: "issuers" })}
  ${datalist("issuers", facets.issuers.map((i) => i.value))}
  ${selectField(t("page.locality"), "locality", facets.localities.map((l) => ({ value: l.key, label: `${l.name} (${l.count})` })), v("locality") ?? v("commune"))}
  ${inputField(t("page.fromDate"), "from", v("from"), { type: "date" })}
  ${inputField(t("page.toDate"), "to", v("to"), { type: "date" })}
  ${heldToggle(v("held"))}
  <div class="actions"><button type="submit">${t("page.filter")}</button> <a href="/documents">${t("page.clearFilters")}</a></div>
</form>
<p id="summary" class="summary" aria-live="polite">${t("page.loading")}</p>
<p id="error" class="error" role="alert" hidden></p>
<table id="documents" class="list">
  <thead><tr><th>${t("page.col.code")}</th><th>${t("page.col.kind")}</th><th>${t("page.col.date")}</th><th>${t("page.issuer")}</th><th>${t("page.col.title")}</th><th>${t("page.col.locality")}</th><th>${t("page.col.held")}</th></tr></thead>
  <tbody></tbody>
</table>
<nav id="pager" class="pager" aria-label="${t("page.pages")}"></nav>`;
  return layout({ title: t("web.nav.documents"), section: "documents", body, script: "documents.js" });
}

/**
 * Placeholders (documents known only from citations) outnumber held ones in a
 * commune's archive, so the list starts with held documents only. Unticked, the
 * hidden field sends held=any (a ticked box is sent first and wins); held=0 — only
 * placeholders — still works from a link.
 */
function heldToggle(held: string | undefined): Html {
  const on = held !== "any" && held !== "0";
  return html`<label class="inline"><input type="checkbox" name="held" value="1"${on ? html` checked` : ""}> ${t("web.heldOnly")}</label>
  <input type="hidden" name="held" value="any">`;
}
