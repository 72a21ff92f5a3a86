/**
 * Page 3 — the citation graph: graph.js draws /api/graph with cytoscape
 * (documents as nodes, typed edges). A code focuses on one directive and its
 * citing tree; kind and commune filter the nodes. The node table under the
 * drawing lists the same documents for reading and for keyboards.
 */
import type { Facets } from "../../store/index.js";
import { html, type Html } from "../html.js";
import { RELATION_LABELS, kindLabel } from "../labels.js";
import type { QueryParams } from "../query-params.js";
import { currentValue, inputField, selectField } from "./form-controls.js";
import { t } from "../../i18n/index.js";
import { layout } from "./layout.js";

export function graphPage(facets: Facets, query: QueryParams): Html {
  const v = (name: string) => currentValue(query, name);
  const transitive = v("transitive") !== "0";
  const body = html`
<h1>${t("web.nav.graph")}</h1>
<form class="filters" method="get" action="/graph">
  ${inputField(t("page.focus"), "code", v("code"), { placeholder: "57-NQ/TW" })}
  ${selectField(t("page.kind"), "kind", facets.kinds.map((k) => ({ value: k.value, label: kindLabel(k.value) })), v("kind"))}
  ${selectField(t("page.locality"), "locality", facets.localities.map((l) => ({ value: l.key, label: l.name })), v("locality"))}
  <label class="inline"><input type="checkbox" name="transitive" value="1"${transitive ? html` checked` : ""}> ${t("page.transitive")}</label>
  <input type="hidden" name="transitive" value="0">
  <div class="actions"><button type="submit">${t("page.draw")}</button> <a href="/graph">${t("page.wholeArchive")}</a></div>
</form>
<p id="summary" class="summary" aria-live="polite">${t("page.loading")}</p>
<p id="error" class="error" role="alert" hidden></p>
<div class="graph-legend" aria-label="${t("page.legend")}">
  ${Object.entries(RELATION_LABELS).map(([relation, label]) => html`<span class="legend-item"><span class="edge-swatch edge-${relation}"></span> ${label}</span>`)}
  <span class="legend-item"><span class="node-swatch held"></span> ${t("page.held")}</span>
  <span class="legend-item"><span class="node-swatch placeholder"></span> ${t("page.notHeld")}</span>
  <span class="legend-item"><span class="node-swatch focus"></span> ${t("page.focusNode")}</span>
</div>
<link id="__________cytoscape_stylesheet" rel="stylesheet" href="/static/css/graph.css">
<div id="graph" class="graph-canvas" role="img" aria-label="${t("web.nav.graph")}"></div>
<h2>${t("page.graphDocuments")}</h2>
<table id="graph-nodes" class="list compact">
  <thead><tr><th>${t("page.col.code")}</th><th>${t("page.col.kind")}</th><th>${t("page.col.date")}</th><th>${t("page.issuer")}</th><th>${t("page.col.depth")}</th><th>${t("page.col.held")}</th></tr></thead>
  <tbody></tbody>
</table>`;
  return layout({ title: t("web.nav.graph"), section: "graph", body, script: "graph.js" });
}
